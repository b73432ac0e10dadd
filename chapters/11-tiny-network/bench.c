/* bench.c: chapter 11's benchmark, build/bench11 (run by `make bench`).
 *
 * How fast the chapter's C network trains, against the same network in
 * PyTorch on the same CPU: the 64-32-10 tanh network, cross-entropy,
 * float64, SGD with lr 1 and batches of 32 over the 1438 training digits.
 *   1. one epoch (45 batches: forward, backward, step), and one full-batch
 *      gradient over all 1438 images, in the C module: medians of PASSES
 *      runs, by timespec_get (C11);
 *   2. the same two in PyTorch, by bench_pytorch.py right after, when a
 *      Python with torch is found (Debian's /usr/bin/python3), on the same
 *      batches: bench11 writes the training images in the order of its
 *      epoch's batches to bench11-batches.csv beside itself (the build
 *      folder) and the script cuts it into the same batches; with one
 *      thread (as the C code), PyTorch's default thread count and one
 *      thread a core; it prints how the times compare with C's (passed
 *      as its arguments, in seconds, with the number of batches).
 * Times differ from machine to machine and from run to run; tests never
 * assert them.  Leaves out on purpose: threads, SIMD intrinsics, float32
 * (the chapter's code is the code).
 */
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/optimizer.h"
#include "11-tiny-network/experiments.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define PASSES 9

static double now(void)
{
    struct timespec t;
    if (timespec_get(&t, TIME_UTC) != TIME_UTC)
        fail(1, "timespec_get failed");
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

/* dir[0..size) <- the folder of program path (argv[0]), "." when none. */
static void folder_of(char *dir, size_t size, const char *program)
{
    const char *slash = strrchr(program, '/');
    size_t length = slash ? (size_t)(slash - program) : 0;
    if (length == 0 || length >= size)
        snprintf(dir, size, "%s", slash == program ? "/" : ".");
    else
        snprintf(dir, size, "%.*s", (int)length, program);
}

/* dir/BATCHES_FILE <- the training set's rows (64 pixels, the class) in
 * the order the epochs below take them, so that consecutive slices of
 * batch_size rows are their batches. */
#define BATCHES_FILE "bench11-batches.csv"
static void write_batches(const char *dir, const struct dataset *train, size_t batch_size)
{
    struct epoch epoch;
    const size_t *batch;
    size_t size;
    FILE *out = csv_create(dir, BATCHES_FILE);
    epoch_init(&epoch, train->count, batch_size, true, 1);
    epoch_start(&epoch);
    while ((size = epoch_next_batch(&epoch, &batch)) > 0)
        for (size_t s = 0; s < size; s++) {
            const double *x = train->x + batch[s] * train->features;
            for (size_t j = 0; j < train->features; j++)
                fprintf(out, "%.17g,", x[j]);
            fprintf(out, "%.17g\n", train->y[batch[s]]);
        }
    epoch_free(&epoch);
    csv_close(out, BATCHES_FILE);
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int count)
{
    qsort(t, (size_t)count, sizeof(double), by_value);
    return t[count / 2];
}

int main(int argc, char **argv)
{
    struct task_data data;
    struct network net;
    struct rng rng;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    double grad[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    double epoch_time[PASSES], gradient_time[PASSES];
    struct training t = task_training(TASK_DIGITS, "sgd");
    char dir[4096];
    fail_program = "bench11";
    if (argc > 1)
        fail(EXIT_USAGE, "takes no arguments (make bench runs it)");
    folder_of(dir, sizeof dir, argv[0]);

    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    write_batches(dir, &data.train, t.batch_size);
    for (int p = 0; p < PASSES; p++) {
        struct optimizer opt;
        struct epoch epoch;
        const size_t *batch;
        size_t size;
        rng_seed(&rng, 1);
        network_init_parameters(&net, theta, &rng);
        optimizer_init(&opt, t.kind, &t.hyper, network_dim(&net));
        epoch_init(&epoch, data.train.count, t.batch_size, true, 1);
        double start = now();
        epoch_start(&epoch);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0) {
            network_gradient(&net, grad, theta, &data.train, batch, size);
            optimizer_step(&opt, theta, grad);
        }
        epoch_time[p] = now() - start;
        start = now();
        network_gradient(&net, grad, theta, &data.train, NULL, 0);
        gradient_time[p] = now() - start;
        epoch_free(&epoch);
        optimizer_free(&opt);
    }
    double epoch = median(epoch_time, PASSES);
    double gradient = median(gradient_time, PASSES);
    size_t batches = (data.train.count + t.batch_size - 1) / t.batch_size;
    printf("the 64-%d-10 tanh network, float64, %zu training digits, %zu batches of %zu "
           "(medians of %d runs)\n", DIGITS_HIDDEN, data.train.count, batches, t.batch_size,
           PASSES);
    printf("C (this book, 1 thread)      one epoch of SGD %8.2f ms   one full-batch gradient "
           "%7.2f ms\n", 1e3 * epoch, 1e3 * gradient);
    fflush(stdout);
    /* bench_pytorch.py compares its times with these (its arguments) */
    char command[8192];
    snprintf(command, sizeof command,
             "script=chapters/11-tiny-network/bench_pytorch.py; "
             "if [ ! -f $script ]; then "
             "echo 'PyTorch: not compared (run from the top of the repository: make bench)'; "
             "exit 0; fi; "
             "for p in ${DESCENT_PYTHON:-} /usr/bin/python3 python3; do "
             "if \"$p\" -c 'import torch' 2>/dev/null; then "
             "exec \"$p\" $script %.17g %.17g %zu %zu '%s/" BATCHES_FILE "'; fi; done; "
             "echo 'PyTorch: not found (Debian: apt-get install python3-torch); "
             "not compared'", epoch, gradient, batches, t.batch_size, dir);
    if (system(command) != 0)
        printf("PyTorch: the comparison failed (see above)\n");
    network_free(&net);
    task_free(&data);
    return 0;
}
