/* experiments.h: the chapter's measured runs on real data.
 *
 * Each run trains from PyTorch's default initialisation drawn from
 * init_seed, with batches shuffled from the same seed, on the fixed split
 * of data.h (SPLIT_SEED), and reports the result of train_network.
 */
#ifndef DESCENT_EXPERIMENTS_H
#define DESCENT_EXPERIMENTS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "11-tiny-network/network.h"
#include "11-tiny-network/train.h"

/* The chapter's settings for each task and optimizer. */
#define CANCER_EPOCHS 30
#define CANCER_BATCH 32
#define DIGITS_HIDDEN 32
#define DIGITS_EPOCHS 30
#define DIGITS_BATCH 32
#define MOONS_COUNT 200
#define MOONS_NOISE 0.15
#define MOONS_SEED 3
#define MOONS_HIDDEN 8
#define MOONS_EPOCHS 200
#define SEEDS 5                 /* init/shuffle seeds 1..SEEDS */

enum task { TASK_CANCER, TASK_DIGITS, TASK_MOONS };

/* A task's data: train and test, allocated here (task_free). */
struct task_data {
    enum task task;
    struct dataset train, test;
};
void task_load(struct task_data *data, enum task task);
void task_free(struct task_data *data);

/* The model of a task: logistic regression (30 inputs, bce), the 64-32-10
 * tanh network (cross-entropy), the 2-8-2 tanh network on the moons. */
void task_network(struct network *net, enum task task);

/* The chapter's optimizers: "sgd", "momentum" (SGD with momentum 0.9) and
 * "adam", at the learning rate tuned for task (README, "Digits"). */
struct training task_training(enum task task, const char *optimizer);

/* Train task's model from init_seed with settings; theta (network_dim
 * entries) receives the trained parameters; csv as train_network. */
struct training_result task_run(const struct task_data *data, const struct training *settings,
                                uint64_t init_seed, double *theta, FILE *csv);

/* A run of the chapter's settings task_training(task, optimizer), edited:
 * its learning rate, its gradient's norm clipped to max_norm (0: never),
 * epochs, and with cosine the rate annealed to 0 along half a cosine over
 * the epochs (chapter 9's CosineAnnealingLR, T_max = epochs, stepped once
 * per epoch).  Nothing else of the settings can change: a run is a
 * function of these, its task and its seed. */
struct tuned_edit {
    const char *optimizer;          /* "sgd", "momentum" or "adam" (a string
                                       that lasts: tuned_run keeps it) */
    double lr;
    double max_norm;
    long epochs;
    bool cosine;
};

/* task_run of data->task's settings edited by edit, from seed.  Runs are
 * remembered for the rest of the process: the chapter's reports ask for
 * some run more than once (sgd at its tuned rate, seed 1, is a row of the
 * table over the seeds, the confusion matrix's network, and four of the
 * claims' runs), and a second call with the same task, edit and seed
 * copies the first one's parameters and result instead of training
 * again: the same bits, since the run is deterministic.  csv as
 * train_network; a run asked with csv is always trained (to write its
 * curve), then remembered. */
struct training_result tuned_run(const struct task_data *data, const struct tuned_edit *edit,
                                 uint64_t seed, double *theta, FILE *csv);

/* The edit that changes nothing: task's settings for optimizer. */
struct tuned_edit tuned_settings(enum task task, const char *optimizer);

/* The learning rates every sweep tries: 0.001, 0.003, ..., 1, 3. */
#define SWEEP_RATES 8
extern const double sweep_rates[SWEEP_RATES];

/* The chapter's three optimizers, in its order: "sgd", "momentum", "adam". */
#define OPTIMIZERS 3
extern const char *const optimizer_names[OPTIMIZERS];

/* A run over the seeds 1..SEEDS: test loss and accuracy, mean and sd. */
struct over_seeds {
    double loss_mean, loss_sd, accuracy_mean, accuracy_sd, accuracy_min, accuracy_max;
    int diverged;                   /* runs that diverged */
};
/* optimizer at its tuned settings over the seeds 1..SEEDS (tuned_run);
 * csv, when not NULL, receives the curve of seed 1 (as train_network). */
struct over_seeds run_over_seeds(const struct task_data *data, const char *optimizer, FILE *csv);

/* The sweep: for each of sweep_rates and each optimizer, the final
 * training loss (infinity when the run diverged) and test accuracy of the
 * run from seed 1. */
void sweep(double train_loss[SWEEP_RATES][OPTIMIZERS],
           double test_accuracy[SWEEP_RATES][OPTIMIZERS], const struct task_data *data);

/* Mean and sample standard deviation of x[0..count). */
void mean_and_sd(const double *x, size_t count, double *mean, double *sd);

#endif
