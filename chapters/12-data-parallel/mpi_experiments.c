/* mpi_experiments.c: build/ch12-mpi, chapter 12's experiments on real
 * MPI processes: local SGD, and the timings (make bench runs those through
 * bench.sh; timings never go into tests or woven text).
 *
 *   mpirun -np 4 ch12-mpi --local-sgd K     local SGD on the chapter's
 *                                           problem (local_sgd.h), one
 *                                           process per worker: the CSV of
 *                                           build/ch12 --csv's local_KK.csv
 *   mpirun -np 2 ch12-mpi --ping-pong       one-way time of a message of
 *                                           8 B .. 2 MB between ranks 0, 1;
 *                                           alpha and beta (12.4) from it
 *   mpirun -np 1 ch12-mpi --per-sample      seconds of gradient per sample
 *   mpirun -np P ch12-mpi --updates         seconds per data-parallel update
 *                                           of the chapter's full batch
 *
 * Each time is the median of REPEATS repetitions (the machine is shared).
 * Timings print "name value" lines, read by bench.sh.
 */
#include <mpi.h>

#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "12-data-parallel/examples.h"
#include "12-data-parallel/local_sgd.h"
#include "12-data-parallel/problem.h"
#include "12-data-parallel/shares.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define REPEATS 7
#define LARGEST_MESSAGE (2 << 20)

static int rank, workers;

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

/* Median one-way seconds for a message of bytes between ranks 0 and 1. */
static double one_way(char *buffer, int bytes)
{
    int trips = bytes <= 4096 ? 2000 : bytes <= 262144 ? 200 : 20;
    double t[REPEATS];
    for (int r = 0; r < REPEATS; r++) {
        double start;
        MPI_Barrier(MPI_COMM_WORLD);
        start = MPI_Wtime();
        for (int k = 0; k < trips; k++) {
            if (rank == 0) {
                MPI_Send(buffer, bytes, MPI_CHAR, 1, 0, MPI_COMM_WORLD);
                MPI_Recv(buffer, bytes, MPI_CHAR, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            } else if (rank == 1) {
                MPI_Recv(buffer, bytes, MPI_CHAR, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                MPI_Send(buffer, bytes, MPI_CHAR, 0, 0, MPI_COMM_WORLD);
            }
        }
        t[r] = (MPI_Wtime() - start) / (2.0 * trips);
    }
    return median(t, REPEATS);
}

static void ping_pong(void)
{
    char *buffer = xcalloc(LARGEST_MESSAGE, 1);
    double small = 0.0, before = 0.0, last = 0.0;
    int before_bytes = 0;
    if (workers < 2)
        fail(EXIT_USAGE, "--ping-pong needs two processes: mpirun -np 2");
    for (int bytes = 8; bytes <= LARGEST_MESSAGE; bytes *= 8) {
        double t = one_way(buffer, bytes);
        if (rank == 0)
            printf("message %d %.3e\n", bytes, t);
        if (bytes == 8)
            small = t;
        before = last, last = t;
        if (bytes * 8 > LARGEST_MESSAGE)
            before_bytes = bytes / 8;
        if (bytes * 8 > LARGEST_MESSAGE && rank == 0) {
            /* beta: the slope between the two largest messages; alpha: the
             * smallest message's time less its 8 bytes' worth */
            double beta = (last - before) / (bytes - before_bytes);
            printf("alpha %.3e\nbeta %.3e\n", small - 8 * beta, beta);
        }
    }
    free(buffer);
}

static void per_sample(void)
{
    struct parallel_problem p;
    double w[PROBLEM_FEATURES] = {0}, grad[PROBLEM_FEATURES], t[REPEATS];
    const int rounds = 200;
    parallel_problem_init(&p, 1);
    for (int r = 0; r < REPEATS; r++) {
        double start = MPI_Wtime();
        for (int k = 0; k < rounds; k++) {
            mse_grad(&p.model, grad, w, NULL, 0);
            w[0] += 1e-20 * grad[0];         /* keep the loop from being optimised away */
        }
        t[r] = (MPI_Wtime() - start) / rounds / PROBLEM_SAMPLES;
    }
    if (rank == 0)
        printf("per_sample %.3e\n", median(t, REPEATS));
    parallel_problem_free(&p);
}

static void updates(void)
{
    struct parallel_problem p;
    double w[PROBLEM_FEATURES] = {0}, grad[PROBLEM_FEATURES], t[REPEATS];
    double summed[PROBLEM_FEATURES + 1];
    size_t *batch = xcalloc(PROBLEM_SAMPLES, sizeof *batch);
    const int rounds = 200;
    parallel_problem_init(&p, 1);
    for (size_t i = 0; i < PROBLEM_SAMPLES; i++)
        batch[i] = i;
    for (int r = 0; r < REPEATS; r++) {
        double start;
        MPI_Barrier(MPI_COMM_WORLD);
        start = MPI_Wtime();
        for (int k = 0; k < rounds; k++) {      /* mpi_descent.c's update, (12.3) */
            share_contribution(summed, &p.model, w, batch, PROBLEM_SAMPLES, workers, rank);
            MPI_Allreduce(MPI_IN_PLACE, summed, PROBLEM_FEATURES + 1, MPI_DOUBLE, MPI_SUM,
                          MPI_COMM_WORLD);
            shares_mean(grad, summed, PROBLEM_FEATURES);
            gd_step(w, grad, PROBLEM_FEATURES, 0.01);
        }
        t[r] = (MPI_Wtime() - start) / rounds;
        MPI_Allreduce(MPI_IN_PLACE, &t[r], 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
    }
    if (rank == 0)
        printf("update %d %.3e\n", workers, median(t, REPEATS));
    free(batch);
    parallel_problem_free(&p);
}

/* Local SGD with one worker per process: local_steps on this rank's
 * shares, then the models averaged by one MPI_Allreduce of the parameters
 * (the simulation in local_sgd.c adds them in rank order instead). */
static void local_sgd_mpi(long local)
{
    struct parallel_problem p;
    struct epoch epoch;
    double w[PROBLEM_FEATURES] = {0}, grad[PROBLEM_FEATURES];
    FILE *out = rank == 0 ? stdout : NULL;
    long allreduces = 0;
    parallel_problem_init(&p, 1);
    epoch_init(&epoch, p.data.count, LOCAL_BATCH, true, 1);
    epoch_start(&epoch);
    local_sgd_header(out);
    local_sgd_row(out, 0, 0, parallel_problem_excess(&p, w));
    for (long done = 0; done < LOCAL_STEPS;) {
        long now = LOCAL_STEPS - done < local ? LOCAL_STEPS - done : local;
        local_steps(w, grad, &p.model, &epoch, now, workers, rank, LOCAL_LR);
        MPI_Allreduce(MPI_IN_PLACE, w, PROBLEM_FEATURES, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
        for (size_t j = 0; j < PROBLEM_FEATURES; j++)
            w[j] /= workers;
        done += now;
        local_sgd_row(out, done * LOCAL_BATCH, ++allreduces, parallel_problem_excess(&p, w));
    }
    epoch_free(&epoch);
    parallel_problem_free(&p);
}

/* Whatever way the program ends (return, or fail()'s exit), finalize MPI. */
static void finalize(void)
{
    int done = 0;
    MPI_Finalized(&done);
    if (!done)
        MPI_Finalize();
}

static void usage(void)
{
    puts("usage: mpirun -np 4 ch12-mpi --local-sgd K   local SGD, one process per worker\n"
         "       mpirun -np 2 ch12-mpi --ping-pong     one-way time of a message, 8 B .. 2 MB\n"
         "       mpirun -np 1 ch12-mpi --per-sample    seconds of gradient per sample\n"
         "       mpirun -np P ch12-mpi --updates       seconds per data-parallel update\n"
         "One flag at a time; make bench runs the timings (chapters/12-data-parallel/bench.sh).");
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    atexit(finalize);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &workers);
    fail_program = "ch12-mpi";
    if (rank != 0 && (freopen("/dev/null", "w", stdout) == NULL ||
                      freopen("/dev/null", "w", stderr) == NULL))
        return EXIT_USAGE;
    if (argc == 3 && strcmp(argv[1], "--local-sgd") == 0)
        local_sgd_mpi(parse_whole("--local-sgd", argv[2], 1, LOCAL_STEPS));
    else if (argc != 2)
        fail(EXIT_USAGE, "give one of --local-sgd K, --ping-pong, --per-sample, --updates");
    else if (strcmp(argv[1], "--ping-pong") == 0)
        ping_pong();
    else if (strcmp(argv[1], "--per-sample") == 0)
        per_sample();
    else if (strcmp(argv[1], "--updates") == 0)
        updates();
    else
        help_or_unknown_flag(argv[1], usage);
    return 0;
}
