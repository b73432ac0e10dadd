/* mpi_descent.c: build/descent-mpi, the lab's run split over MPI processes.
 *
 *   mpirun -np P build/descent-mpi --data FILE.csv [the lab's flags]
 *
 * It IS the lab: chapters/A-lab/main.c is compiled a second time with its
 * main renamed lab_main (the Makefile's -Dmain=lab_main), so the flags,
 * the reader, the run loop and the output are the lab's own code.  What
 * this file adds is the data-parallel gradient: the lab's hook
 * lab_batch_gradient (A-lab/lab.h) is replaced by one in which every
 * process computes the sum of the gradients of its contiguous share of
 * the batch (shares.h), and one MPI_Allreduce per update adds those sums
 * and the share sizes over the processes (12.3); every process then
 * applies the same update to its own copy of the parameters.
 *
 * Every process reads the whole file itself (the book's data sets are
 * small; a large one would be read in shards) and computes the loss of the
 * printed rows; rank 0 alone writes: the others' stdout and stderr go to
 * /dev/null.  As every process parses the same flags, reads the same file
 * and gets the same all-reduced gradient, they stop together, with the
 * lab's exit status.
 *
 * Under mpirun, rank 0's stdout is not the user's: it is a pseudo-terminal
 * (or a pipe) that mpirun reads and copies to its own stdout.  A write that
 * fails there (a full disk, >/dev/full) fails inside mpirun, which Open MPI
 * (4.x) does not report: it exits 0, and rank 0 never sees the error.  So
 * descent-mpi takes one flag of its own, --output FILE: rank 0 writes the
 * CSV into FILE itself, and a failed write is then the lab's usual exit 2
 * (fail.h).  A write that fails in the middle of a run must not stop
 * rank 0 alone, while the others wait for it in the next all-reduce: rank
 * 0 does not stop at the failed row (csv_stdout_checked_later), it adds
 * "my output failed" to the sums of the next all-reduce, and then every
 * process stops together (rank 0 with the lab's line, exit 2).
 *
 * Open MPI adds the P contributions in an order fixed by P and the message
 * size, so a run is bit-identical from run to run for the same P; the
 * order differs from the one-process sum, hence the 1e-12 of the contract
 * (chapters/12-data-parallel/README.md shows both).
 */
#include <mpi.h>

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "A-lab/lab.h"
#include "12-data-parallel/shares.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lab_main(int argc, char **argv);     /* chapters/A-lab/main.c, renamed */

static int rank, workers;
static double *summed;                   /* [dim + 2]: the all-reduced sums, count and */
                                         /* 1 if rank 0's output failed, else 0 */
static size_t summed_dim;

/* ANCHOR: allreduced */
/* lab_batch_gradient for P processes: (12.3), then (12.2). */
static void allreduced_gradient(const struct regression *model, double *grad,
                                const double *theta, const size_t *batch, size_t size)
{
    const size_t dim = regression_dim(model);
    if (summed_dim != dim) {             /* once per run: the lab's loop allocates nothing */
        free(summed);
        summed = xcalloc(dim + 2, sizeof *summed);
        summed_dim = dim;
    }
    share_contribution(summed, model, theta, batch, size, workers, rank);
    summed[dim + 1] = rank == 0 && ferror(stdout) ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, summed, (int)(dim + 2), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    if (summed[dim + 1] != 0) {          /* rank 0's rows are lost: all stop */
        if (rank == 0)
            check_stdout();
        exit(EXIT_USAGE);
    }
    shares_mean(grad, summed, dim);
}
/* ANCHOR_END: allreduced */

/* --help's first paragraph (A-lab/lab.h's lab_help_intro). */
static const char help_intro[] =
    "usage: mpirun --quiet -np P descent-mpi --data FILE.csv [--output FILE]\n"
    "                                        [the lab's flags, below]\n"
    "\n"
    "The lab's run on linear regression, each batch's gradient split over P\n"
    "processes (chapter 12); the first process alone prints.  Not with --function,\n"
    "--plot, --csv or --model other than linear: run build/descent for those.\n"
    "  --quiet           (mpirun's) keeps Open MPI's banner from following an error,\n"
    "                    so an error stays one line\n"
    "  --output FILE     write the CSV into FILE (created first, as a shell's > does)\n"
    "                    instead of stdout: under mpirun stdout is copied by mpirun,\n"
    "                    which ignores a failed write (a full disk) and exits 0\n"
    "\n"
    "The lab's own usage (build/descent --help), every flag of which applies here:\n"
    "\n";

/* Whatever way the lab ends (return, or fail()'s exit), finalize MPI. */
static void finalize(void)
{
    int done = 0;
    free(summed);
    MPI_Finalized(&done);
    if (!done)
        MPI_Finalize();
}

/* --output FILE, taken out of argv (the lab does not know it): every
 * process agrees on whether rank 0 could create FILE, so that all stop
 * together (exit 2) when it could not.  Returns the new argc. */
static int take_output(int argc, char **argv)
{
    const char *path = NULL;
    int kept = 1, error = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--output") != 0) {
            argv[kept++] = argv[i];
            continue;
        }
        if (path != NULL)
            fail(EXIT_USAGE, "--output given twice");
        if (i + 1 >= argc)
            fail(EXIT_USAGE, "--output needs a value");
        path = argv[++i];
    }
    argv[kept] = NULL;
    if (path == NULL)
        return kept;
    if (rank == 0 && freopen(path, "w", stdout) == NULL)
        error = errno ? errno : EIO;
    MPI_Bcast(&error, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (error != 0)
        output_refused("--output", path, error);
    return kept;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &workers);
    atexit(finalize);
    if (rank != 0 && (freopen("/dev/null", "w", stdout) == NULL ||
                      freopen("/dev/null", "w", stderr) == NULL))
        return EXIT_USAGE;
    fail_program = "descent-mpi";
    for (int i = 1; i < argc; i++) {
        /* what has no batch to share, or would be written by every process */
        if (strcmp(argv[i], "--function") == 0)
            fail(EXIT_USAGE, "--function: descent-mpi shares the samples of --data FILE.csv "
                 "over the processes; a function has none (run build/descent)");
        /* the network models take their gradient outside lab_batch_gradient:
         * every process would compute the whole batch, nothing shared */
        if (strcmp(argv[i], "--model") == 0 && i + 1 < argc &&
            strcmp(argv[i + 1], "linear") != 0)
            fail(EXIT_USAGE, "--model %s: descent-mpi shares the gradient of the linear "
                 "model only; run build/descent for it", argv[i + 1]);
        if (strcmp(argv[i], "--plot") == 0 || strcmp(argv[i], "--csv") == 0)
            fail(EXIT_USAGE, "%s: not with descent-mpi (every process would write the "
                 "file); run build/descent for it", argv[i]);
    }
    argc = take_output(argc, argv);
    csv_stdout_checked_later = true;     /* see allreduced_gradient */
    lab_batch_gradient = allreduced_gradient;
    lab_help_intro = help_intro;
    return lab_main(argc, argv);
}
