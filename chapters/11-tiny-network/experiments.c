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

struct over_seeds run_over_seeds(const struct task_data *data, const struct training *settings)
{
    struct network net;
    struct over_seeds o = {0};
    double loss[SEEDS], accuracy[SEEDS];
    task_network(&net, data->task);
    double *theta = xcalloc(network_dim(&net), sizeof(double));
    for (int s = 0; s < SEEDS; s++) {
        struct training_result r = task_run(data, settings, (uint64_t)s + 1, theta, NULL);
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
