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

/* A task's data: train and test, allocated here (task_free).  The files
 * of data/ must be the book's, number for number (a fingerprint of their
 * values: CRLF, a byte order mark or 1.0 for 1 change nothing): any other
 * content stops the program (exit status 2) with a line that says how to
 * restore them from git. */
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
 * "adam", at the learning rate tuned for task (README, "Digits"); any
 * other name is a usage error (exit 2). */
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
 * train_network; a run asked with csv is trained (into a temporary file,
 * then copied to csv) unless one remembered wrote its curve, which is
 * copied instead.  Remembered runs also come from the files of shared
 * runs (below). */
struct training_result tuned_run(const struct task_data *data, const struct tuned_edit *edit,
                                 uint64_t seed, double *theta, FILE *csv);

/* Shared runs.  Several of the book's outputs of build/ch11 train the
 * same runs: the digits over the seeds (--values, --example digits, the
 * claims' seed 1) and the sweep's digits runs (--example sweep, eight of
 * the claims' runs; its seed 1 at the tuned rates is also the table's).
 * `ch11 --example runs-tuned --csv DIR` and `runs-sweep` train them once,
 * between them (reports.h), and write every run they remembered
 * (parameters, result and curve, each double as the 16 hex digits of its
 * bits) and every curvature (claims.h's digits_curvature) to
 * DIR/tuned.runs or DIR/sweep.runs (write_shared_runs).  A process whose
 * environment has DESCENT_CH11_RUNS, a list of such files separated by
 * ':', reads them all before its first tuned_run or digits_curvature, and
 * remembers their runs as its own: what it prints is the same to the
 * byte, since they are the very runs it would train.  make sets it for the
 * outputs that read them, which depend on the files.  A file ends with a
 * line "end" and a fingerprint of the build that wrote it (one epoch of
 * the digits with each optimizer, its losses to the bit): a file without
 * it, or whose fingerprint this build does not compute, stops the program
 * (exit status 2), so another build's runs are never taken for this
 * one's. */
void write_shared_runs(FILE *out);

/* Read the files DESCENT_CH11_RUNS names, once per process (later calls
 * do nothing); tuned_run and digits_curvature call it, main.c before
 * anything is printed.  A name that cannot be read stops the program
 * (exit status 2). */
void read_shared_runs(void);

/* Remember the runs and curvatures of a file of shared runs open in in
 * (its name path, for messages): after them, a file that is not one of
 * these stops the program (exit status 2). */
void read_shared_runs_from(FILE *in, const char *path);

/* How many runs are remembered; forget_runs forgets them all and every
 * curvature (for the tests). */
size_t remembered_runs(void);
void forget_runs(void);

/* The curvature of digits_curvature(seed, trained_lr), when it was
 * remembered (in *value; else false), and remembering one. */
bool remembered_curvature(uint64_t seed, double trained_lr, double *value);
void remember_curvature(uint64_t seed, double trained_lr, double value);

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

/* Mean and sample standard deviation (divided by count - 1) of
 * x[0..count), count >= 1; sd 0 for one value. */
void mean_and_sd(const double *x, size_t count, double *mean, double *sd);

#endif
