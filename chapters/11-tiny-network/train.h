/* train.h: mini-batch training of a network with any optimizer of the book.
 *
 * One epoch is chapter 4's epoch (04-batches/regression.h): the training
 * samples reshuffled from the book's generator and cut into batches; for
 * each batch, the seed's loop
 *     zero_grad; forward; loss; backward      network_gradient
 *     step                                    optimizer_step (00-toolkit)
 * After every epoch the loss over the whole training set and over the test
 * set and the test accuracy are measured (at the parameters in force, as
 * model.eval() would, without another update).  Without a curve to write,
 * a measurement before the last epoch is taken only when it could find a
 * loss that is not finite (train.c); the result is the same to the bit.
 */
#ifndef DESCENT_TRAIN_H
#define DESCENT_TRAIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "00-toolkit/optimizer.h"
#include "09-schedules/schedule.h"
#include "11-tiny-network/network.h"

struct training {
    const struct optimizer_kind *kind;
    struct hyper hyper;             /* the kind's defaults, edited */
    size_t batch_size;              /* samples per update */
    long epochs;
    uint64_t shuffle_seed;          /* the batches' order (epoch_init) */
    double max_norm;                /* clip the gradient's norm to this, 0: never
                                       (chapter 10's clip_grad_norm) */
    const struct scheduler_settings *schedule;  /* NULL: a constant rate; else
                                       chapter 9's scheduler, stepped once per
                                       epoch, as scheduler.step() after each
                                       epoch's loop in PyTorch */
};

struct training_result {
    double train_loss, test_loss, test_accuracy;   /* after the last epoch */
    long epochs_done;               /* fewer than asked when it diverged */
    bool diverged;                  /* a loss or parameter stopped being finite */
};

/* Train theta[0..network_dim) in place on train, measuring on test after
 * each epoch.  With csv not NULL, writes "epoch,train_loss,test_loss,
 * test_accuracy" rows there (epoch 0 before any update; a failed write:
 * exit 2).  Stops early, with diverged set, at the first non-finite loss
 * or parameter: the caller decides on exit 3. */
struct training_result train_network(const struct network *net, double *theta,
                                     const struct training *settings,
                                     const struct dataset *train, const struct dataset *test,
                                     FILE *csv);

#endif
