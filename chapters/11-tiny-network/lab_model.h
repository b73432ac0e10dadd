/* lab_model.h: the lab's models beyond a line (shared/lab.md, part 2,
 * chapter 11), parsed and set up here so that the lab's main.c only
 * dispatches to it.
 *
 *   --model linear | logistic | mlp:H[:ACT]   (data only; default linear,
 *                  chapter 4's regression; logistic: one output with
 *                  BCEWithLogitsLoss, targets 0 or 1; mlp: one hidden layer
 *                  of H units, ACT tanh (default), relu or sigmoid)
 *   --loss mse | cross-entropy                 (mlp only; default mse; with
 *                  cross-entropy the last column holds the class 0..C-1 and
 *                  the output layer has C = the largest class + 1 units)
 *   --init-seed S  the start of logistic and mlp without --x0: PyTorch's
 *                  default nn.Linear initialisation from the book's
 *                  generator seeded with S (default 0); linear starts at 0
 *   --columns all | loss   rows "step,loss,<every parameter>" (default), or
 *                  "step,loss" and, when classifying, ",accuracy"
 * Parameters are in PyTorch's model.parameters() order (network.h), named
 * W1_i_j, b1_i, W2_i_j, b2_i (i, j from 1) for mlp and w1..wd, b for
 * logistic.
 */
#ifndef DESCENT_LAB_MODEL_H
#define DESCENT_LAB_MODEL_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "00-toolkit/args.h"
#include "04-batches/regression.h"
#include "11-tiny-network/network.h"

enum lab_model_kind { LAB_MODEL_LINEAR, LAB_MODEL_LOGISTIC, LAB_MODEL_MLP };

struct lab_model {
    enum lab_model_kind kind;
    size_t hidden;                  /* mlp: H */
    enum activation activation;
    enum loss loss;                 /* mlp: mse or cross-entropy */
    uint64_t init_seed;
    bool loss_only;                 /* --columns loss */
    struct network net;             /* after lab_model_setup, for logistic and mlp */
};

/* The defaults: linear, tanh, mse, seed 0, every column. */
struct lab_model lab_model_defaults(void);

/* If argv[*i] is one of the four flags, read it (and its value, advancing
 * *i) into m and return true; usage errors exit 2. */
bool lab_model_flag(struct lab_model *m, int argc, char **argv, int *i);

/* Refuse what does not apply (exit 2): any of the four flags with
 * --function; --loss unless the model is mlp; --init-seed with linear;
 * --no-bias, --line-search and --plot with logistic or mlp (not written
 * yet for them). */
void lab_model_check(const struct lab_model *m, const struct flags_given *given);

/* For logistic and mlp: check data's targets (0 or 1 for logistic and
 * BCE, whole numbers from 0 for cross-entropy, at least two classes; a
 * usage error, exit 2, naming the sample otherwise) and set up m->net; returns
 * &m->net, or NULL for the linear model (then nothing is done).
 * network_free(&m->net) when not NULL. */
const struct network *lab_model_setup(struct lab_model *m, const struct dataset *data);

/* theta <- PyTorch's default initialisation of m->net from --init-seed. */
void lab_model_start(const struct lab_model *m, double *theta);

/* name[0..size) <- the name of parameter p (0-based, < network_dim) as
 * the header writes it, truncated to size - 1 characters (snprintf). */
void lab_model_name(const struct network *net, size_t p, char *name, size_t size);

/* The CSV header "step,loss,..." of a network model (columns as above),
 * then ",last" when last is not NULL (the lab's "lr" with a scheduler,
 * shared/lab.md part 2, chapter 9). */
void lab_model_header(FILE *out, const struct network *net, bool loss_only, const char *last);

/* One row: "step,loss" then every parameter, or the accuracy over data
 * when loss_only and the model classifies; then *last when last is not
 * NULL (the rate of the update that produced the row). */
void lab_model_row(FILE *out, const struct network *net, bool loss_only,
                   const struct dataset *data, long step, double loss, const double *theta,
                   const double *last);

#endif
