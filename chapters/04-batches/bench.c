/* bench.c: chapter 4's benchmark, build/bench04 (run by `make bench`).
 *
 * What the batch size costs in seconds on this machine, on the chapter's
 * synthetic problem (100 000 samples x 16 features, seed 4):
 *   1. one full-batch gradient against the floor of reading the same arrays
 *      once, measured in the same run, in three versions: the straightforward
 *      loop (mse_grad_one_by_one), the previous mse_grad (four samples at a
 *      time, kept below) and mse_grad, eight samples at a time, their
 *      predictions two to a register; each also per sample in units of the
 *      latency of one dependent addition, measured here too (section "Eight
 *      sums in flight"); all three must give the same bits, or it stops;
 *   2. NumPy's X.T @ (X @ w - y) on the same shape, timed by
 *      bench_numpy.py right after, when a python3 with NumPy is found;
 *   3. for batch sizes 1, 32, 256 and N with the chapter's learning rates,
 *      shuffled every epoch: the sample gradients and the time until the
 *      relative excess loss (L(w) - L(w*)) / L(w*) first falls below 1, 0.1
 *      and 0.01 (the loss against wall-clock time, at three levels), and the
 *      throughput (samples per second).
 * Times of 1 are medians of PASSES runs, those of 3 the best of REPEATS, by
 * timespec_get (C11).  They differ from machine to machine and from run to
 * run; tests never assert them.  Leaves out on purpose: threads and SIMD
 * intrinsics (the chapter's code is the code).
 */
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "04-batches/regression.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define COUNT 100000
#define FEATURES 16
#define LEVELS 3
static const double level[LEVELS] = {1.0, 0.1, 0.01};
#define REPEATS 7
#define PASSES 21
#define CHAIN 1000000

static double now(void)
{
    struct timespec t;
    if (timespec_get(&t, TIME_UTC) != TIME_UTC)
        fail(1, "timespec_get failed");
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* The floor: every double of x and y read once, summed into four
 * independent accumulators so that adding never waits on the previous add
 * and the loop runs as fast as memory delivers. */
static volatile double sink;
static double read_once(const struct dataset *data)
{
    const double *x = data->x;
    size_t n = data->count * data->features;
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += x[i];
        s1 += x[i + 1];
        s2 += x[i + 2];
        s3 += x[i + 3];
    }
    for (; i < n; i++)
        s0 += x[i];
    for (i = 0; i < data->count; i++)
        s1 += data->y[i];
    return s0 + s1 + s2 + s3;
}

/* The latency of one addition: CHAIN additions, each waiting for the one
 * before (the compiler may not reorder them), in seconds per addition. */
static volatile double tiny = 1e-300;
static double add_latency(void)
{
    double sum = 0.0, step = tiny, t = now();
    for (long k = 0; k < CHAIN; k++)
        sum += step;
    t = now() - t;
    sink = sum;
    return t / CHAIN;
}

/* The previous mse_grad, four samples at a time with their four
 * predictions summed one number per instruction, kept here unchanged so
 * that every run measures the step from it to the present mse_grad
 * (section "Eight sums in flight").  The same bits as both others: main
 * checks. */
/* error[l] <- y_hat - y of sample l of four: its row x[l] (d numbers) and
 * target y[l].  Each y_hat is summed exactly as regression_predict sums it
 * (b, then + w_1 x_1, ..., + w_d x_d, each product rounded before it is
 * added); the four sums do not depend on each other, so the processor works
 * on all four at once. */
static inline void four_errors(double error[4], const double *theta, double start,
                                  size_t d, const double *x[4], const double y[4])
{
    double y0 = start, y1 = start, y2 = start, y3 = start;
    for (size_t j = 0; j < d; j++) {
        y0 += theta[j] * x[0][j];
        y1 += theta[j] * x[1][j];
        y2 += theta[j] * x[2][j];
        y3 += theta[j] * x[3][j];
    }
    error[0] = y0 - y[0];
    error[1] = y1 - y[1];
    error[2] = y2 - y[2];
    error[3] = y3 - y[3];
}

/* grad[j] += error[l] x[l][j] for l = 0, 1, 2, 3 in that order (C adds left
 * to right, so each sum below is four += in a row).  The features go two
 * at a time, in a loop of exactly two: two sums side by side are what an
 * SSE2 register holds, and a loop whose length is known is one that gcc
 * turns into register-wide operations at -O2 (a loop of unknown length d
 * it leaves alone there). */
static inline void four_add(double *restrict grad, size_t d, const double error[4],
                            const double *x[4])
{
    size_t j = 0;
    for (; j + 2 <= d; j += 2)
        for (size_t c = 0; c < 2; c++)
            grad[j + c] = grad[j + c] + error[0] * x[0][j + c] + error[1] * x[1][j + c] +
                          error[2] * x[2][j + c] + error[3] * x[3][j + c];
    for (; j < d; j++)
        grad[j] = grad[j] + error[0] * x[0][j] + error[1] * x[1][j] + error[2] * x[2][j] +
                  error[3] * x[3][j];
}

/* x[l], y[l] <- row and target of sample batch[k + l] (k + l without a
 * batch), l = 0..3. */
static inline void four_rows(const double *x[4], double y[4], const struct dataset *data,
                                const size_t *batch, size_t k)
{
    for (size_t l = 0; l < 4; l++) {
        size_t i = batch ? batch[k + l] : k + l;
        x[l] = data->x + i * data->features;
        y[l] = data->y[i];
    }
}

static void four_at_a_time(const struct regression *model, double *grad, const double *theta,
              const size_t *batch, size_t size)
{
    const struct dataset *data = model->data;
    size_t d = data->features, dim = regression_dim(model), k = 0;
    double start = model->bias ? theta[d] : 0.0;
    if (batch == NULL)
        size = data->count;
    for (size_t j = 0; j < dim; j++)
        grad[j] = 0.0;
    for (; k + 4 <= size; k += 4) {                     /* four samples at a time */
        const double *x[4];
        double y[4], error[4];
        four_rows(x, y, data, batch, k);
        four_errors(error, theta, start, d, x, y);
        four_add(grad, d, error, x);
        if (model->bias)
            grad[d] = grad[d] + error[0] + error[1] + error[2] + error[3];
    }
    for (; k < size; k++) {                             /* the last size mod 4 */
        size_t i = batch ? batch[k] : k;
        const double *x = data->x + i * d;
        double error = regression_predict(model, theta, i) - data->y[i];
        for (size_t j = 0; j < d; j++)
            grad[j] += error * x[j];
        if (model->bias)
            grad[d] += error;
    }
    for (size_t j = 0; j < dim; j++)
        grad[j] *= 2.0 / (double)size;
}

/* Called through this pointer, which the compiler may not look through,
 * so that four_at_a_time is compiled on its own, as it was in the library,
 * and not folded into main with batch known to be NULL. */
static void (*volatile previous)(const struct regression *, double *, const double *,
                                 const size_t *, size_t) = four_at_a_time;

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof *t, by_value);
    return t[n / 2];
}

struct measure {
    double seconds[LEVELS];     /* until the excess first fell below level[l] */
    long samples[LEVELS];       /* the same in sample gradients; -1: not reached */
    double samples_per_second;
};

/* Mini-batch SGD from w = 0 for max_epochs; the loss is
 * looked at every 256 sample gradients through the Gram matrix, as in
 * main.c, so that looking costs little next to the descent itself. */
static struct measure descend(const struct regression *model, const double *gram,
                              const double *w_star, double best_loss, size_t batch_size,
                              double eta, int max_epochs)
{
    struct measure m = {{0}, {-1, -1, -1}, 0.0};
    struct epoch epoch;
    int reached = 0;
    double w[FEATURES] = {0}, grad[FEATURES], start, elapsed;
    long samples = 0, checked = 0;
    epoch_init(&epoch, COUNT, batch_size, batch_size < COUNT, 5);
    epoch_start(&epoch);            /* the first shuffle is timed apart, in main */
    start = now();
    for (int e = 0; e < max_epochs; e++) {
        const size_t *batch;
        size_t size;
        if (e > 0)
            epoch_start(&epoch);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0) {
            if (batch_size == COUNT)
                mse_grad(model, grad, w, NULL, 0);      /* the whole array, in order */
            else
                mse_grad(model, grad, w, batch, size);
            gd_step(w, grad, FEATURES, eta);
            samples += (long)size;
            if (samples - checked >= 256 && reached < LEVELS) {
                double excess = excess_loss(gram, w, w_star, FEATURES) / best_loss;
                checked = samples;
                for (; reached < LEVELS && excess <= level[reached]; reached++) {
                    m.seconds[reached] = now() - start;
                    m.samples[reached] = samples;
                }
            }
        }
    }
    elapsed = now() - start;
    m.samples_per_second = (double)samples / elapsed;
    epoch_free(&epoch);
    return m;
}

/* One line of the table: a pass over count samples (megabytes) that took
 * seconds. */
static void report(const char *what, double seconds, size_t count, double megabytes,
                   double add, double floor)
{
    printf("%-26s %7.3f  %7.2f  %8.2f   %8.1f      %5.2f\n", what, 1e3 * seconds,
           megabytes / 1e3 / seconds, 1e9 * seconds / (double)count,
           seconds / (double)count / add, floor / seconds);
}

/* The same four passes on the first SMALL samples only, each timed over
 * SMALL_REPEATS passes in a row: 272 KB, which stay in the core's own
 * (L2) cache from one pass to the next, so that these times are the
 * arithmetic's alone, without waiting for the rest of memory. */
#define SMALL 2000
#define SMALL_REPEATS 50
static void in_cache(const struct dataset *data, double *grad, const double *w, double add)
{
    struct dataset part = *data;
    struct regression model = {&part, false};
    double t[4][PASSES], seconds[4];
    double megabytes = (double)(SMALL * (FEATURES + 1) * sizeof(double)) / 1e6;
    part.count = SMALL;
    for (int r = 0; r < PASSES; r++)
        for (int v = 0; v < 4; v++) {
            double start = now();
            for (int q = 0; q < SMALL_REPEATS; q++)
                if (v == 0)
                    sink = read_once(&part);
                else if (v == 1)
                    mse_grad_one_by_one(&model, grad, w, NULL, 0);
                else if (v == 2)
                    previous(&model, grad, w, NULL, 0);
                else
                    mse_grad(&model, grad, w, NULL, 0);
            t[v][r] = (now() - start) / SMALL_REPEATS;
        }
    for (int v = 0; v < 4; v++)
        seconds[v] = median(t[v], PASSES);
    printf("the same on the first %d samples, %.0f KB: in the cache, memory not waited for\n",
           SMALL, 1e3 * megabytes);
    report("one pass reading x and y", seconds[0], SMALL, megabytes, add, seconds[0]);
    report("gradient, one by one", seconds[1], SMALL, megabytes, add, seconds[0]);
    report("gradient, four at a time", seconds[2], SMALL, megabytes, add, seconds[0]);
    report("gradient, eight in pairs", seconds[3], SMALL, megabytes, add, seconds[0]);
}

/* NumPy on the same shape, by chapters/04-batches/bench_numpy.py, with the
 * first python3 that has NumPy (Debian's is /usr/bin/python3; a python3
 * earlier on PATH may lack it).  It prints its own lines. */
static void compare_with_numpy(double fast, double slow)
{
    char command[640];
    snprintf(command, sizeof command,
             "script=chapters/04-batches/bench_numpy.py; "
             "if [ ! -f $script ]; then "
             "echo 'NumPy: not compared (run from the top of the repository: make bench)'; "
             "exit 0; fi; "
             "for p in /usr/bin/python3 python3; do "
             "if \"$p\" -c 'import numpy' 2>/dev/null; then "
             "exec \"$p\" $script %d %d %.9f %.9f; fi; done; "
             "echo 'NumPy: not found (Debian: apt-get install python3-numpy); not compared'",
             COUNT, FEATURES, fast, slow);
    fflush(stdout);
    if (system(command) != 0)
        printf("NumPy: the comparison failed (see above)\n");
}

int main(void)
{
    static const size_t sizes[4] = {1, 32, 256, COUNT};
    static const double etas[4] = {0.001, 0.032, 0.256, 0.9};     /* the chapter's */
    static const int epochs[4] = {1, 1, 1, 16};
    struct dataset data;
    struct regression model;
    double w_true[FEATURES], w_star[FEATURES], gram[FEATURES * FEATURES], grad[FEATURES];
    double w[FEATURES] = {0}, best_loss, shuffle = 1e30;
    double floor[PASSES], one_by_one[PASSES], four[PASSES], eight[PASSES], latency[PASSES];
    double add, fastest, slow, middle, fast, check[3][FEATURES];
    struct epoch order;
    double megabytes = (double)(COUNT * (FEATURES + 1) * sizeof(double)) / 1e6;

    fail_program = "bench04";
    synthetic_regression(&data, w_true, COUNT, FEATURES, 0.5, 4);
    model = (struct regression){&data, false};
    if (!least_squares(w_star, &data))
        fail(1, "X^T X is not positive definite: the synthetic data are degenerate");
    gram_matrix(gram, &data);
    best_loss = mse_loss(&model, w_star, NULL, 0);
    mse_grad_one_by_one(&model, check[0], w_true, NULL, 0);
    previous(&model, check[1], w_true, NULL, 0);
    mse_grad(&model, check[2], w_true, NULL, 0);
    if (memcmp(check[0], check[1], sizeof check[0]) != 0 ||
        memcmp(check[0], check[2], sizeof check[0]) != 0)
        fail(1, "the three gradients differ in some bit: mse_grad no longer sums in order "
                "(make check CH=4 says where)");

    /* ANCHOR: floor */
    for (int r = 0; r < PASSES; r++) {
        /* Interleaved, so that other jobs on the machine slow all four
         * alike; each timed on its second pass in a row, the first one
         * bringing the caches and clocks to where a loop of gradients
         * keeps them. */
        for (int pass = 0; pass < 2; pass++) {
            double t = now();
            sink = read_once(&data);
            floor[r] = now() - t;
        }
        for (int pass = 0; pass < 2; pass++) {
            double t = now();
            mse_grad_one_by_one(&model, grad, w, NULL, 0);
            one_by_one[r] = now() - t;
        }
        for (int pass = 0; pass < 2; pass++) {
            double t = now();
            previous(&model, grad, w, NULL, 0);
            four[r] = now() - t;
        }
        for (int pass = 0; pass < 2; pass++) {
            double t = now();
            mse_grad(&model, grad, w, NULL, 0);
            eight[r] = now() - t;
        }
    }
    for (int r = 0; r < PASSES; r++)       /* apart: no memory traffic in it */
        latency[r] = add_latency();
    /* ANCHOR_END: floor */
    epoch_init(&order, COUNT, 1, true, 5);
    for (int r = 0; r < REPEATS; r++) {
        double t = now();
        epoch_start(&order);
        t = now() - t;
        shuffle = t < shuffle ? t : shuffle;
    }
    epoch_free(&order);
    sink = grad[0];
    add = median(latency, PASSES);
    fastest = median(floor, PASSES);
    slow = median(one_by_one, PASSES);
    middle = median(four, PASSES);
    fast = median(eight, PASSES);
    printf("data: %d samples x %d features, %.1f MB of doubles (x and y), %zu bytes a sample\n",
           COUNT, FEATURES, megabytes, (FEATURES + 1) * sizeof(double));
    printf("one addition waiting for the previous one: %.3f ns (the add latency)\n", 1e9 * add);
    printf("medians of %d runs          ms     GB/s   ns/sample  add latencies  speed\n",
           PASSES);
    printf("                                                       a sample       / floor's\n");
    report("one pass reading x and y", fastest, COUNT, megabytes, add, fastest);
    report("gradient, one by one", slow, COUNT, megabytes, add, fastest);
    report("gradient, four at a time", middle, COUNT, megabytes, add, fastest);
    report("gradient, eight in pairs", fast, COUNT, megabytes, add, fastest);
    printf("one shuffle of the indices  %8.3f ms   (once an epoch; not in the times below)\n",
           1e3 * shuffle);
    compare_with_numpy(fast, slow);
    in_cache(&data, grad, w, add);

    printf("\nshuffled every epoch; best of %d runs; "
           "until (L(w) - L(w*)) / L(w*) <= 1, 0.1, 0.01:\n",
           REPEATS);
    printf("%8s  %6s  %-26s  %-26s  %s\n", "", "", "sample gradients", "milliseconds", "samples");
    printf("%8s  %6s  %8s  %8s  %8s  %8s  %8s  %8s  %s\n", "batch", "eta", "1", "0.1", "0.01",
           "1", "0.1", "0.01", "/second");
    for (int b = 0; b < 4; b++) {
        struct measure best = descend(&model, gram, w_star, best_loss, sizes[b], etas[b],
                                      epochs[b]);
        for (int r = 1; r < REPEATS; r++) {
            struct measure m = descend(&model, gram, w_star, best_loss, sizes[b], etas[b],
                                       epochs[b]);
            for (int l = 0; l < LEVELS; l++)
                if (m.seconds[l] < best.seconds[l])
                    best.seconds[l] = m.seconds[l];
            if (m.samples_per_second > best.samples_per_second)
                best.samples_per_second = m.samples_per_second;
        }
        printf("%8zu  %6g", sizes[b], etas[b]);
        for (int l = 0; l < LEVELS; l++)
            if (best.samples[l] < 0)
                printf("  %8s", "-");
            else
                printf("  %8ld", best.samples[l]);
        for (int l = 0; l < LEVELS; l++)
            if (best.samples[l] < 0)
                printf("  %8s", "-");
            else
                printf("  %8.3f", 1e3 * best.seconds[l]);
        printf("  %.3g\n", best.samples_per_second);
    }
    dataset_free(&data);
    return 0;
}
