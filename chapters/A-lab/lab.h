/* lab.h: the lab's run loop, one optimizer on one objective.
 *
 * The objective is a built-in function (functions.h) or linear regression
 * on a data set (regression.h), visited in batches: full batch, mini-batch
 * or one sample at a time, in file order or reshuffled every epoch by the
 * book's generator (rng.h), through chapter 4's epoch iterator.  Every
 * update is one optimizer_step; the loss of the whole objective is
 * computed only for the rows that are printed.  Nothing is allocated once
 * the loop has started.
 */
#ifndef DESCENT_LAB_H
#define DESCENT_LAB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "03-when-to-stop/lab_flags.h"
#include "04-batches/regression.h"
#include "05-checking-gradients/gradcheck.h"
#include "A-lab/extras.h"
#include "11-tiny-network/network.h"

struct objective {
    const struct function *function;    /* a built-in function, or NULL */
    const struct regression *model;     /* otherwise: regression on data */
    bool standardized;                  /* data: features scaled by --standardize,
                                           so the columns are std_w1.., std_b */
    const struct network *network;      /* with model (for its data): chapter 11's
                                           logistic or mlp instead of the regression */
    bool loss_only;                     /* network: --columns loss */
};

/* Length of theta for the objective: f->dim, network_dim or
 * regression_dim. */
size_t objective_dim(const struct objective *objective);

/* The loss of the whole objective at theta[0..objective_dim) (data: the
 * mean over all samples, mse_loss (4.1) or network_loss).  No check: a
 * non-finite loss is returned as it is, for the run loop to report. */
double objective_loss(const struct objective *objective, const double *theta);

/* --gradcheck: chapter 5's check of the objective's gradient at theta
 * (gradcheck() of 05-checking-gradients/gradcheck.h: central differences
 * with steps (5.6), relative errors (5.7) with its floor), the whole data
 * set for a model.  Returns the worst coordinate. */
struct gradcheck_result lab_gradcheck(const struct objective *objective, const double *theta);

/* The gradient of a batch of data: grad <- the mean of the per-sample
 * gradients of batch[0..size) at theta, as mse_grad (04-batches/regression.h).
 * lab_run calls it for every data update; it is mse_grad unless a program
 * replaces it (chapter 12's descent-mpi sums the shares of many processes). */
typedef void batch_gradient_fn(const struct regression *model, double *grad,
                               const double *theta, const size_t *batch, size_t size);
extern batch_gradient_fn *lab_batch_gradient;

/* A paragraph --help prints before the lab's own usage, or NULL (the lab's
 * default): chapter 12's descent-mpi says there how to run it under mpirun.
 * Messages name the program as fail_program (fail.h) says, "descent"
 * unless the program set another name before calling the lab. */
extern const char *lab_help_intro;

struct schedule {
    long steps;         /* updates to take */
    long every;         /* print rows 0, every, 2 every, ... and the last */
    size_t batch;       /* data: samples per update (0, or >= the count: full batch) */
    bool shuffle;       /* data: reshuffle at the start of every epoch */
    uint64_t seed;      /* ... with rng_seed(seed) once, before the first epoch */
};

/* Updates in one epoch of count samples in batches of batch:
 * ceil(count / batch).  The caller resolves a full batch first: batch >= 1
 * (0 would divide by zero). */
long updates_per_epoch(size_t count, size_t batch);

struct run_result {
    long steps;         /* updates taken, up to the last finite iterate */
    bool diverged;      /* a row stopped being finite */
    long diverged_at;   /* ... at this step */
    const char *why;    /* ... in this: "the loss" or "a parameter" */
    bool not_a_number;  /* ... which was NaN (0/0, inf - inf), not an overflow */
    long rows;          /* rows printed, header not counted */
    bool converged;     /* --tol: stopped with ||grad f|| < tol ... */
    bool stalled;       /* --line-search armijo found no step lowering the loss ... */
    double grad_norm;   /* ... with this ||grad f|| (of the whole objective) */
};

/* Run opt (initialised for objective_dim parameters) from theta, which is
 * left at the last finite iterate; returns how the run ended (divergence
 * is reported there, the caller exits 3; a failed write stops with exit 2,
 * csv.h).  When out is not NULL it gets a CSV header
 * (step,loss,x1,.. for functions; step,loss,w1,..,wd[,b] for data, or
 * std_w1,..,std_wd[,std_b] on standardized features) and the
 * rows of the schedule, all finite: on divergence the last finite row is
 * printed too, then the run stops. */
struct run_result lab_run(FILE *out, double *theta, struct optimizer *opt,
                          const struct objective *objective, const struct schedule *schedule);

/* lab_run with chapter 3's additions (03-when-to-stop/lab_flags.h): with a
 * line search the rows end with the step alpha and each update is a search
 * along -grad instead of opt's step; with search->tol > 0 the run also
 * stops after the row where ||grad f|| of the whole objective < tol. */
struct run_result lab_run_searched(FILE *out, double *theta, struct optimizer *opt,
                                   const struct objective *objective,
                                   const struct schedule *schedule,
                                   const struct lab_line_search *search);

/* lab_run_searched with chapters 9 and 10 (A-lab/extras.h; extras may be
 * NULL).  With extras->scheduler_on the scheduler is constructed on opt
 * first (09-schedules/schedule.h: it sets opt's rate), stepped after every
 * update (or, with every_epoch, after every epoch's last update) as in
 * PyTorch's loop, and the rows end with a column lr: the rate the update
 * that made the row used (row 0: the first update's).  With clip_value
 * and/or clip_norm above 0 each gradient is clipped before opt's step
 * (10-failures/clip.h), the value first. */
struct run_result lab_run_extended(FILE *out, double *theta, struct optimizer *opt,
                                   const struct objective *objective,
                                   const struct schedule *schedule,
                                   const struct lab_line_search *search,
                                   const struct lab_extras *extras);

#endif
