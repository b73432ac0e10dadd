/* examples.c: chapter 12's worked examples and figure data (examples.h). */
#include "12-data-parallel/examples.h"

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "12-data-parallel/large_batch.h"
#include "12-data-parallel/local_sgd.h"
#include "12-data-parallel/shares.h"

#include <math.h>
#include <stdlib.h>

struct network projection_network(void)
{
    struct network net = {PROJECTION_ALPHA, 1.0 / PROJECTION_BANDWIDTH};
    return net;
}

/* ------------------------------------------------------ order of sums */

void order_report(FILE *out)
{
    struct parallel_problem p;
    size_t batch[ORDER_BATCH];
    double w[PROBLEM_FEATURES] = {0}, serial[PROBLEM_FEATURES], grad[PROBLEM_FEATURES];
    double scratch[2 * (PROBLEM_FEATURES + 1)];

    parallel_problem_init(&p, ORDER_SEED);
    for (size_t i = 0; i < ORDER_BATCH; i++)
        batch[i] = i;
    mse_grad(&p.model, serial, w, batch, ORDER_BATCH);
    fprintf(out, "the gradient of samples 0..%d at w = 0, its shares summed in rank order\n",
            ORDER_BATCH - 1);
    fprintf(out, "%-8s %-24s %-24s %s\n", "workers", "dL/dw1", "dL/dw8",
            "largest relative difference from mse_grad");
    for (int workers = 1; workers <= ORDER_MAX_WORKERS; workers++) {
        double worst = 0.0;
        gradient_by_shares(grad, &p.model, w, batch, ORDER_BATCH, workers, scratch);
        for (size_t j = 0; j < PROBLEM_FEATURES; j++)
            worst = fmax(worst, fabs(grad[j] - serial[j]) / fabs(serial[j]));
        fprintf(out, "%-8d %-24.17g %-24.17g %.1e\n", workers, grad[0],
                grad[PROBLEM_FEATURES - 1], worst);
    }
    parallel_problem_free(&p);
}

/* --------------------------------------------------------- projection */

void projection_report(FILE *out)
{
    const struct network net = projection_network();
    const struct {
        const char *name;
        double bytes, per_sample, batch;
    } cases[] = {
        {"100 MB model, B = 256", BIG_MODEL_BYTES, BIG_MODEL_PER_SAMPLE, 256},
        {"100 MB model, B = 8192", BIG_MODEL_BYTES, BIG_MODEL_PER_SAMPLE, 8192},
        {"64 B model, B = 4096", SMALL_MODEL_BYTES, SMALL_MODEL_PER_SAMPLE, 4096},
    };
    fprintf(out, "predicted seconds per update, alpha = %g s, beta = %g s/byte\n",
            net.alpha, net.beta);
    fprintf(out, "%-24s %9s %9s %9s %9s %9s %5s %8s\n", "", "P = 1", "P = 8", "P = 64",
            "P = 512", "P = 1024", "P*", "speed-up");
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        double best = fastest_workers(&net, cases[c].per_sample, cases[c].batch,
                                      cases[c].bytes);
        double t1 = update_time(&net, cases[c].per_sample, cases[c].batch, cases[c].bytes, 1);
        fprintf(out, "%-24s", cases[c].name);
        for (int workers = 1; workers <= PROJECTION_MAX_WORKERS; workers *= 8)
            fprintf(out, " %9.3g", update_time(&net, cases[c].per_sample, cases[c].batch,
                                                cases[c].bytes, workers));
        fprintf(out, " %9.3g %5.0f %8.1f\n",
                update_time(&net, cases[c].per_sample, cases[c].batch, cases[c].bytes,
                            PROJECTION_MAX_WORKERS),
                best,
                t1 / update_time(&net, cases[c].per_sample, cases[c].batch, cases[c].bytes,
                                 round(best)));
    }
}

/* --------------------------------------------- the problems of the seeds */

/* The problem of seed 1..SEEDS, drawn the first time a run asks for it and
 * kept for the rest of the program: the large-batch and local SGD tables
 * run dozens of times on each of the SEEDS problems, and the runs only
 * read a problem (they take it const), so every run gets the same numbers
 * as from a problem drawn afresh, without drawing it again. */
static const struct parallel_problem *seed_problem(uint64_t seed)
{
    static struct parallel_problem problems[SEEDS];
    static bool drawn[SEEDS];
    if (seed < 1 || seed > SEEDS)
        fail(1, "seed_problem: seed %llu is not one of 1..%d", (unsigned long long)seed, SEEDS);
    if (!drawn[seed - 1]) {
        parallel_problem_init(&problems[seed - 1], seed);
        drawn[seed - 1] = true;
    }
    return &problems[seed - 1];
}

/* -------------------------------------------------------- large batch */

/* Mean over the seeds of large_batch_run at factor k; +inf if any diverged. */
static double large_mean(long k, bool warmup)
{
    double sum = 0.0;
    size_t batch = (size_t)(LARGE_BASE_BATCH * k);
    long steps = LARGE_SAMPLES / (long)batch;
    double lr = linear_scaled_lr(LARGE_BASE_LR, LARGE_BASE_BATCH, (double)batch);
    for (uint64_t seed = 1; seed <= SEEDS; seed++)
        sum += large_batch_run(seed_problem(seed), batch, lr, LARGE_SAMPLES,
                               warmup ? steps / 4 : 0, seed);
    return sum / SEEDS;
}

long largest_working_factor(bool warmup)
{
    double base = large_mean(1, warmup);
    long best = 1;
    for (long k = 2; k <= LARGE_MAX_FACTOR; k *= 2)
        if (large_mean(k, warmup) <= 2.0 * base)
            best = k;
        else
            break;
    return best;
}

/* A final excess loss, or "diverged". */
static void excess_cell(FILE *out, double excess)
{
    if (isfinite(excess))
        fprintf(out, " %12.2e", excess);
    else
        fprintf(out, " %12s", "diverged");
}

void large_batch_report(FILE *out)
{
    fprintf(out, "mini-batch SGD over %d samples, batch %d m, lr %g m "
            "(warm-up: over the first quarter of the updates);\n"
            "f - f* at the end, mean of %d seeds\n", LARGE_SAMPLES, LARGE_BASE_BATCH,
            LARGE_BASE_LR, SEEDS);
    fprintf(out, "%6s %6s %6s %8s %12s %12s\n", "m", "batch", "lr", "updates",
            "no warm-up", "warm-up");
    for (long k = 1; k <= LARGE_MAX_FACTOR; k *= 2) {
        long batch = LARGE_BASE_BATCH * k;
        fprintf(out, "%6ld %6ld %6.2f %8ld", k, batch,
                linear_scaled_lr(LARGE_BASE_LR, LARGE_BASE_BATCH, (double)batch),
                LARGE_SAMPLES / batch);
        excess_cell(out, large_mean(k, false));
        excess_cell(out, large_mean(k, true));
        fputc('\n', out);
    }
}

/* ---------------------------------------------------------- local SGD */

double local_sgd_mean(long local, long steps, double *spread)
{
    double sum = 0.0, low = INFINITY, high = -INFINITY;
    for (uint64_t seed = 1; seed <= SEEDS; seed++) {
        struct local_sgd_result r = local_sgd(NULL, seed_problem(seed), LOCAL_WORKERS, local,
                                              LOCAL_BATCH, LOCAL_LR, steps, seed);
        sum += r.excess;
        low = fmin(low, r.excess);
        high = fmax(high, r.excess);
    }
    if (spread != NULL)
        *spread = high - low;
    return sum / SEEDS;
}

void local_sgd_report(FILE *out)
{
    static const long locals[] = {1, 4, 16};
    const long rounds = LOCAL_STEPS / locals[2];
    fprintf(out, "%d workers, global batch %d, lr %g; f - f* at the end, mean (max - min) "
            "of %d seeds\n", LOCAL_WORKERS, LOCAL_BATCH, LOCAL_LR, SEEDS);
    fprintf(out, "%4s  %-34s %-34s\n", "K", "equal samples (updates, all-reduces)",
            "equal communication (updates, all-reduces)");
    for (size_t i = 0; i < sizeof locals / sizeof locals[0]; i++) {
        double spread, mean = local_sgd_mean(locals[i], LOCAL_STEPS, &spread);
        char cell[64];
        fprintf(out, "%4ld  ", locals[i]);
        snprintf(cell, sizeof cell, "%.2e (%.1e)  %ld, %ld", mean, spread, (long)LOCAL_STEPS,
                 LOCAL_STEPS / locals[i]);
        fprintf(out, "%-34s ", cell);
        mean = local_sgd_mean(locals[i], rounds * locals[i], &spread);
        snprintf(cell, sizeof cell, "%.2e (%.1e)  %ld, %ld", mean, spread,
                 rounds * locals[i], rounds);
        fprintf(out, "%s\n", cell);
    }
}

/* ------------------------------------------------------- figure data */

void write_figure_data(const char *dir)
{
    const struct network net = projection_network();
    FILE *file = csv_create(dir, "projection.csv");
    fputs("workers,big_256,big_8192,small_4096\n", file);
    for (int workers = 1; workers <= PROJECTION_MAX_WORKERS; workers *= 2)
        fprintf(file, "%d,%.17g,%.17g,%.17g\n", workers,
                update_time(&net, BIG_MODEL_PER_SAMPLE, 256, BIG_MODEL_BYTES, workers),
                update_time(&net, BIG_MODEL_PER_SAMPLE, 8192, BIG_MODEL_BYTES, workers),
                update_time(&net, SMALL_MODEL_PER_SAMPLE, 4096, SMALL_MODEL_BYTES, workers));
    csv_close(file, "projection.csv");

    {
        static const long locals[] = {1, 4, 16};
        struct parallel_problem p;
        parallel_problem_init(&p, 1);
        for (size_t i = 0; i < 3; i++) {
            char name[64];
            snprintf(name, sizeof name, "local_K%ld.csv", locals[i]);
            file = csv_create(dir, name);
            local_sgd(file, &p, LOCAL_WORKERS, locals[i], LOCAL_BATCH, LOCAL_LR, LOCAL_STEPS, 1);
            csv_close(file, name);
        }
        file = csv_create(dir, "regression.csv");   /* the data, for descent-mpi's tests */
        for (size_t j = 1; j <= PROBLEM_FEATURES; j++)
            fprintf(file, "x%zu,", j);
        fputs("y\n", file);
        for (size_t i = 0; i < p.data.count; i++) {
            for (size_t j = 0; j < PROBLEM_FEATURES; j++)
                fprintf(file, "%.17g,", p.data.x[i * PROBLEM_FEATURES + j]);
            fprintf(file, "%.17g\n", p.data.y[i]);
        }
        csv_close(file, "regression.csv");
        parallel_problem_free(&p);
    }
}
