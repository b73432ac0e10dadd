/* experiments.c: the runs of experiments.h. */
#include "11-tiny-network/experiments.h"
#include "00-toolkit/fail.h"
#include "06-momentum/sgd.h"
#include "08-adam/adam.h"
#include "A-lab/datafile.h"
#include "11-tiny-network/data.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void task_load(struct task_data *data, enum task task)
{
    struct dataset all;
    data->task = task;
    if (task == TASK_MOONS) {
        two_moons(&all, MOONS_COUNT, MOONS_NOISE, MOONS_SEED);
        split_dataset(&data->train, &data->test, &all, TEST_FRACTION, SPLIT_SEED);
        dataset_free(&all);
        return;
    }
    dataset_read_csv(&all, task == TASK_CANCER ? BREAST_CANCER_CSV : DIGITS_CSV);
    split_dataset(&data->train, &data->test, &all, TEST_FRACTION, SPLIT_SEED);
    dataset_free(&all);
    if (task == TASK_CANCER)
        standardize(&data->train, &data->test);
    else {
        scale_features(&data->train, 1.0 / 16);
        scale_features(&data->test, 1.0 / 16);
    }
}

void task_free(struct task_data *data)
{
    dataset_free(&data->train);
    dataset_free(&data->test);
}

void task_network(struct network *net, enum task task)
{
    switch (task) {
    case TASK_CANCER:
        network_init(net, 30, 0, 1, ACTIVATION_TANH, LOSS_BCE);
        break;
    case TASK_DIGITS:
        network_init(net, 64, DIGITS_HIDDEN, 10, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
        break;
    case TASK_MOONS:
        network_init(net, 2, MOONS_HIDDEN, 2, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
        break;
    }
}

const double sweep_rates[SWEEP_RATES] = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};
const char *const optimizer_names[OPTIMIZERS] = {"sgd", "momentum", "adam"};

/* The tuned rates, for each task: sgd, momentum, adam.  Each is the rate
 * of the sweep (sweep_rates) with the lowest final training loss at seed 1;
 * `build/ch11 --example sweep` checks that it still is. */
static const double tuned_lr[3][OPTIMIZERS] = {
    {3, 0.3, 0.3},          /* cancer */
    {1, 0.3, 0.03},         /* digits */
    {3, 1, 0.3},            /* moons */
};

struct training task_training(enum task task, const char *optimizer)
{
    struct training t = {0};
    int which = strcmp(optimizer, "sgd") == 0 ? 0 : strcmp(optimizer, "momentum") == 0 ? 1
              : strcmp(optimizer, "adam") == 0 ? 2 : -1;
    if (which < 0)
        fail(EXIT_USAGE, "unknown optimizer '%s' (sgd, momentum or adam)", optimizer);
    t.kind = which == 2 ? &adam_kind : &sgd_kind;
    t.hyper = t.kind->defaults;
    t.hyper.lr = tuned_lr[task][which];
    if (which == 1)
        t.hyper.momentum = 0.9;
    t.batch_size = task == TASK_CANCER ? CANCER_BATCH : DIGITS_BATCH;
    t.epochs = task == TASK_CANCER ? CANCER_EPOCHS : task == TASK_DIGITS ? DIGITS_EPOCHS
             : MOONS_EPOCHS;
    return t;
}

struct training_result task_run(const struct task_data *data, const struct training *settings,
                                uint64_t init_seed, double *theta, FILE *csv)
{
    struct network net;
    struct rng rng;
    struct training t = *settings;
    task_network(&net, data->task);
    rng_seed(&rng, init_seed);
    network_init_parameters(&net, theta, &rng);
    t.shuffle_seed = init_seed;
    struct training_result r = train_network(&net, theta, &t, &data->train, &data->test, csv);
    network_free(&net);
    return r;
}

struct tuned_edit tuned_settings(enum task task, const char *optimizer)
{
    struct training t = task_training(task, optimizer);
    return (struct tuned_edit){optimizer, t.hyper.lr, 0.0, t.epochs, false};
}

/* The runs tuned_run remembers, the parameters of each in its own
 * allocation, kept to the end of the process: at most REMEMBERED (`ch11
 * --values` trains 31 different runs, `--example claims` 13); past that,
 * runs are trained and not remembered. */
#define REMEMBERED 32
static struct remembered {
    enum task task;
    struct tuned_edit edit;
    uint64_t seed;
    struct training_result result;
    double *theta;
} remembered[REMEMBERED];
static int remembered_count;

static bool same_run(const struct remembered *r, enum task task, const struct tuned_edit *edit,
                     uint64_t seed)
{
    return r->task == task && strcmp(r->edit.optimizer, edit->optimizer) == 0
        && r->edit.lr == edit->lr && r->edit.max_norm == edit->max_norm
        && r->edit.epochs == edit->epochs && r->edit.cosine == edit->cosine && r->seed == seed;
}

struct training_result tuned_run(const struct task_data *data, const struct tuned_edit *edit,
                                 uint64_t seed, double *theta, FILE *csv)
{
    struct network net;
    task_network(&net, data->task);
    size_t dim = network_dim(&net);
    network_free(&net);
    for (int k = 0; k < remembered_count && !csv; k++)
        if (same_run(&remembered[k], data->task, edit, seed)) {
            memcpy(theta, remembered[k].theta, dim * sizeof(double));
            return remembered[k].result;
        }
    struct training t = task_training(data->task, edit->optimizer);
    struct scheduler_settings cosine = scheduler_defaults(COSINE_ANNEALING_LR);
    cosine.t_max = edit->epochs;
    t.hyper.lr = edit->lr;
    t.max_norm = edit->max_norm;
    t.epochs = edit->epochs;
    t.schedule = edit->cosine ? &cosine : NULL;
    struct training_result r = task_run(data, &t, seed, theta, csv);
    if (remembered_count < REMEMBERED) {
        struct remembered *m = &remembered[remembered_count++];
        *m = (struct remembered){data->task, *edit, seed, r, xcalloc(dim, sizeof(double))};
        memcpy(m->theta, theta, dim * sizeof(double));
    }
    return r;
}

void mean_and_sd(const double *x, size_t count, double *mean, double *sd)
{
    double sum = 0.0, squares = 0.0;
    for (size_t i = 0; i < count; i++)
        sum += x[i];
    *mean = sum / (double)count;
    for (size_t i = 0; i < count; i++)
        squares += (x[i] - *mean) * (x[i] - *mean);
    *sd = count > 1 ? sqrt(squares / (double)(count - 1)) : 0.0;
}

struct over_seeds run_over_seeds(const struct task_data *data, const char *optimizer, FILE *csv)
{
    struct network net;
    struct over_seeds o = {0};
    struct tuned_edit tuned = tuned_settings(data->task, optimizer);
    double loss[SEEDS], accuracy[SEEDS];
    task_network(&net, data->task);
    double *theta = xcalloc(network_dim(&net), sizeof(double));
    for (int s = 0; s < SEEDS; s++) {
        struct training_result r = tuned_run(data, &tuned, (uint64_t)s + 1, theta,
                                             s == 0 ? csv : NULL);
        loss[s] = r.test_loss;
        accuracy[s] = r.test_accuracy;
        o.diverged += r.diverged;
    }
    mean_and_sd(loss, SEEDS, &o.loss_mean, &o.loss_sd);
    mean_and_sd(accuracy, SEEDS, &o.accuracy_mean, &o.accuracy_sd);
    o.accuracy_min = o.accuracy_max = accuracy[0];
    for (int s = 1; s < SEEDS; s++) {
        o.accuracy_min = fmin(o.accuracy_min, accuracy[s]);
        o.accuracy_max = fmax(o.accuracy_max, accuracy[s]);
    }
    free(theta);
    network_free(&net);
    return o;
}

void sweep(double train_loss[SWEEP_RATES][OPTIMIZERS],
           double test_accuracy[SWEEP_RATES][OPTIMIZERS], const struct task_data *data)
{
    struct network net;
    task_network(&net, data->task);
    double *theta = xcalloc(network_dim(&net), sizeof(double));
    for (int k = 0; k < SWEEP_RATES; k++)
        for (int o = 0; o < OPTIMIZERS; o++) {
            struct training t = task_training(data->task, optimizer_names[o]);
            t.hyper.lr = sweep_rates[k];
            struct training_result r = task_run(data, &t, 1, theta, NULL);
            train_loss[k][o] = r.diverged ? INFINITY : r.train_loss;
            test_accuracy[k][o] = r.diverged ? 0.0 : r.test_accuracy;
        }
    free(theta);
    network_free(&net);
}
