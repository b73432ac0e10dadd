/* network_dump.c: the digits network's first steps for pytorch_check.py
 * (reports.h). */
#include "00-toolkit/optimizer.h"
#include "06-momentum/sgd.h"
#include "A-lab/kinds.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <string.h>

#define DUMP_SAMPLES 32
#define DUMP_STEPS 5
#define DIGITS_DIM (64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10)

static void print_vector(FILE *out, const char *name, const double *v, size_t count)
{
    fprintf(out, "%s", name);
    for (size_t i = 0; i < count; i++)
        fprintf(out, " %.17g", v[i]);
    fprintf(out, "\n");
}

void network_dump(FILE *out, const char *csv_dir)
{
    struct task_data data;
    struct network net;
    struct rng rng;
    double theta0[DIGITS_DIM], theta[DIGITS_DIM], grad[DIGITS_DIM];
    size_t batch[DUMP_SAMPLES];
    (void)csv_dir;

    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    rng_seed(&rng, 1);
    network_init_parameters(&net, theta0, &rng);
    fprintf(out, "network 64 %d 10 tanh cross-entropy samples %d steps %d\n", DIGITS_HIDDEN,
            DUMP_SAMPLES, DUMP_STEPS);
    for (size_t i = 0; i < DUMP_SAMPLES; i++) {
        batch[i] = i;
        print_vector(out, "x", data.train.x + i * 64, 64);
        fprintf(out, "y %d\n", (int)data.train.y[i]);
    }
    print_vector(out, "theta0", theta0, DIGITS_DIM);
    /* SGD with momentum first, then every kind of the book at PyTorch's
     * defaults (plain SGD at lr 0.1: its default 1e-3 barely moves) */
    for (int k = -1; optimizer_kinds[k < 0 ? 0 : k] != NULL; k++) {
        const struct optimizer_kind *kind = optimizer_kinds[k < 0 ? 0 : k];
        struct hyper h = kind->defaults;
        struct optimizer opt;
        if (kind == &sgd_kind)
            h.lr = 0.1;
        if (k < 0)
            h.momentum = 0.9;
        optimizer_init(&opt, kind, &h, DIGITS_DIM);
        memcpy(theta, theta0, sizeof theta);
        fprintf(out, "run %s lr %.17g momentum %.17g\n", kind->name, h.lr, h.momentum);
        for (int step = 0; step < DUMP_STEPS; step++) {
            double loss = network_gradient(&net, grad, theta, &data.train, batch, DUMP_SAMPLES);
            optimizer_step(&opt, theta, grad);
            fprintf(out, "loss %d %.17g\n", step, loss);
        }
        print_vector(out, "theta", theta, DIGITS_DIM);
        optimizer_free(&opt);
    }
    network_free(&net);
    task_free(&data);
}
