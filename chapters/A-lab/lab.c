/* lab.c: the run loop of the lab (see lab.h). */
#include "A-lab/lab.h"

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "10-failures/clip.h"
#include "11-tiny-network/lab_model.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

batch_gradient_fn *lab_batch_gradient = mse_grad;
const char *lab_help_intro = NULL;

size_t objective_dim(const struct objective *objective)
{
    if (objective->network)
        return network_dim(objective->network);
    return objective->function ? objective->function->dim : regression_dim(objective->model);
}

/* The gradient of the data's loss over batch[0..size) (NULL: all). */
static void data_gradient(const struct objective *objective, double *grad, const double *theta,
                          const size_t *batch, size_t size)
{
    if (objective->network)
        network_gradient(objective->network, grad, theta, objective->model->data, batch, size);
    else
        mse_grad(objective->model, grad, theta, batch, size);
}

double objective_loss(const struct objective *objective, const double *theta)
{
    if (objective->function)
        return objective->function->value(objective->function, theta);
    if (objective->network)
        return network_loss(objective->network, theta, objective->model->data, NULL, 0);
    return mse_loss(objective->model, theta, NULL, 0);
}

static double checked_loss(const void *context, const double *theta)
{
    return objective_loss(context, theta);
}

static void checked_gradient(const void *context, double *grad, const double *theta)
{
    const struct objective *objective = context;
    if (objective->function)
        objective->function->gradient(objective->function, grad, theta);
    else
        data_gradient(objective, grad, theta, NULL, 0);
}

struct gradcheck_result lab_gradcheck(const struct objective *objective, const double *theta)
{
    struct checked checked = {objective, objective_dim(objective), checked_loss,
                              checked_gradient};
    size_t dim = objective_dim(objective);
    double *scratch = xcalloc(2 * dim, sizeof *scratch);
    struct gradcheck_result result =
        gradcheck(&checked, theta, scratch, scratch + dim, GRADCHECK_FLOOR);
    free(scratch);
    return result;
}

long updates_per_epoch(size_t count, size_t batch)
{
    return (long)((count + batch - 1) / batch);
}

/* The header; last: the name of a last column ("alpha", "lr") or NULL. */
static void print_header(FILE *out, const struct objective *objective, const char *last)
{
    if (objective->network)     /* chapter 11: its own columns, then the last */
        lab_model_header(out, objective->network, objective->loss_only, last);
    else if (objective->function)
        csv_header(out, "x", objective->function->dim, last);
    else if (last == NULL)    /* --standardize: the units are said in the header */
        csv_header(out, objective->standardized ? "std_w" : "w",
                   objective->model->data->features,
                   objective->model->bias ? (objective->standardized ? "std_b" : "b") : NULL);
    else {      /* w1..wd, b, then the last column */
        const size_t d = objective->model->data->features;
        const char *prefix = objective->standardized ? "std_" : "";
        fputs("step,loss", out);
        for (size_t j = 1; j <= d; j++)
            fprintf(out, ",%sw%zu", prefix, j);
        if (objective->model->bias)
            fprintf(out, ",%sb", prefix);
        fprintf(out, ",%s\n", last);
        csv_check(out);
    }
}

/* A row, with the step alpha that produced it when a line search is on,
 * or the rate lr of the update that produced it when a scheduler is. */
static void print_row(FILE *out, const struct objective *objective,
                      const struct lab_line_search *search, bool scheduled,
                      long step, double loss, const double *theta, size_t dim, double last)
{
    if (objective->network)
        lab_model_row(out, objective->network, objective->loss_only, objective->model->data,
                      step, loss, theta, scheduled ? &last : NULL);
    else if (scheduled) {
        fprintf(out, "%ld,%.17g", step, loss);
        for (size_t i = 0; i < dim; i++)
            fprintf(out, ",%.17g", theta[i]);
        fprintf(out, ",%.17g\n", last);
        csv_check(out);     /* a full disk or a closed pipe stops the run here */
    } else if (search->search == LINE_SEARCH_NONE)
        csv_row(out, step, loss, theta, dim);
    else
        csv_row_alpha(out, step, loss, theta, dim, last);
    if (out == stdout && !csv_stdout_checked_later) {
        /* stdout is buffered in blocks (main.c), so a long run with few
         * rows (--every) would show nothing, not even its start, for hours:
         * the rows go out at once when a second has passed since the last
         * time they did (the first row at once), the same bytes; not in
         * descent-mpi, which checks ferror(stdout) itself, with the
         * system's reason from its own flush */
        static time_t shown;
        time_t now = time(NULL);
        if (now != shown) {
            shown = now;
            check_stdout();         /* flushes; a failed write stops here (exit 2) */
        }
    }
}

/* ||grad f|| of the whole objective at theta (for --tol); grad is scratch. */
static double whole_gradient_norm(const struct objective *objective, double *grad,
                                  const double *theta)
{
    if (objective->function)
        objective->function->gradient(objective->function, grad, theta);
    else
        data_gradient(objective, grad, theta, NULL, 0);
    return vec_norm(grad, objective_dim(objective));
}

struct run_result lab_run(FILE *out, double *theta, struct optimizer *opt,
                          const struct objective *objective, const struct schedule *schedule)
{
    const struct lab_line_search none = lab_line_search_defaults();
    return lab_run_searched(out, theta, opt, objective, schedule, &none);
}

struct run_result lab_run_searched(FILE *out, double *theta, struct optimizer *opt,
                                   const struct objective *objective,
                                   const struct schedule *schedule,
                                   const struct lab_line_search *search)
{
    return lab_run_extended(out, theta, opt, objective, schedule, search, NULL);
}

struct run_result lab_run_extended(FILE *out, double *theta, struct optimizer *opt,
                                   const struct objective *objective,
                                   const struct schedule *schedule,
                                   const struct lab_line_search *search,
                                   const struct lab_extras *extras)
{
    const size_t dim = objective_dim(objective);
    const size_t count = objective->model ? objective->model->data->count : 0;
    const size_t batch_size = schedule->batch > 0 && schedule->batch < count ? schedule->batch
                                                                             : count;
    double *grad = xcalloc(dim, sizeof *grad);
    double *previous = xcalloc(dim, sizeof *previous);  /* the last finite iterate */
    double *scratch = xcalloc(dim, sizeof *scratch);
    double alpha = 0.0, alpha_before = 0.0;     /* the steps that made theta, previous */
    long last_printed = -1;
    long row_due = 0;       /* the first multiple of --every from step on (no % per step) */
    struct run_result result = {0, false, 0, NULL, false, 0, false, false, 0.0};
    struct epoch epoch;     /* chapter 4's batches: seeded once, reshuffled per epoch */
    const bool scheduled = extras != NULL && extras->scheduler_on;
    const bool every_epoch = scheduled && extras->every_epoch;
    const double clip_value = extras ? extras->clip_value : 0.0;
    const double clip_norm = extras ? extras->clip_norm : 0.0;
    const long per_epoch = count ? updates_per_epoch(count, batch_size) : 1;
    struct scheduler scheduler;     /* chapter 9: constructed on opt, as in PyTorch */

    epoch_init(&epoch, count, batch_size, schedule->shuffle, schedule->seed);
    epoch_start(&epoch);
    if (scheduled) {
        scheduler_init(&scheduler, &extras->scheduler, opt);
        alpha = opt->hyper.lr;      /* row 0's lr: the first update's */
    }
    if (out != NULL)
        print_header(out, objective, scheduled ? "lr"
                                     : search->search != LINE_SEARCH_NONE ? "alpha" : NULL);
    for (long step = 0;; step++) {
        bool last = step == schedule->steps || result.stalled;
        if (step > row_due)         /* steps go up by one: one addition keeps it */
            row_due += schedule->every;
        if (search->tol > 0.0 && row_is_finite(0.0, theta, dim)) {   /* --tol */
            result.grad_norm = whole_gradient_norm(objective, scratch, theta);
            result.converged = result.grad_norm < search->tol;
            last |= result.converged;
        }
        if (!row_is_finite(0.0, theta, dim)) {          /* the update overflowed */
            result.diverged = true;
            result.diverged_at = step;
            result.why = "a parameter";
            for (size_t i = 0; i < dim; i++)
                result.not_a_number |= isnan(theta[i]);
        } else if (out != NULL && (last || step == row_due) && step != last_printed) {
            double loss = objective_loss(objective, theta);
            if (row_is_finite(loss, theta, dim)) {
                print_row(out, objective, search, scheduled, step, loss, theta, dim, alpha);
                last_printed = step;
                result.rows++;
            } else {
                result.diverged = true;
                result.diverged_at = step;
                result.why = "the loss";
                result.not_a_number = isnan(loss);
            }
        }
        if (result.diverged) {
            /* Show where it blew up: the last finite iterate, if not shown. */
            long before = step - 1;
            if (out != NULL && before > last_printed) {
                double loss = objective_loss(objective, previous);
                if (row_is_finite(loss, previous, dim)) {
                    print_row(out, objective, search, scheduled, before, loss, previous, dim,
                              alpha_before);
                    result.rows++;
                }
            }
            if (step > 0)
                memcpy(theta, previous, dim * sizeof *theta);
            result.steps = before > 0 ? before : 0;
            break;
        }
        if (last) {
            result.steps = step;
            break;
        }

        memcpy(previous, theta, dim * sizeof *theta);
        alpha_before = alpha;
        if (objective->function) {
            objective->function->gradient(objective->function, grad, theta);
            if (search->search != LINE_SEARCH_NONE) {     /* chapter 3 */
                const struct function *f = objective->function;
                alpha = lab_line_search_update(search, opt->hyper.lr, theta, grad,
                                               dim, search->search == LINE_SEARCH_EXACT
                                                        ? quadratic_curvature_along(f, grad)
                                                        : 0.0,
                                               function_loss, f, f->value(f, theta), scratch);
                if (alpha == 0.0) {            /* no step lowers f: stop at this row */
                    result.stalled = true;
                    alpha = alpha_before;
                    step--;
                }
                continue;
            }
        } else {
            /* ANCHOR: batches */
            const size_t *batch;
            size_t size = epoch_next_batch(&epoch, &batch);
            if (size == 0) {                            /* the epoch is over: a new one */
                epoch_start(&epoch);
                size = epoch_next_batch(&epoch, &batch);
            }
            /* the last batch may be short; lab_batch_gradient is mse_grad (lab.h) */
            if (objective->network)
                data_gradient(objective, grad, theta, batch, size);
            else
                lab_batch_gradient(objective->model, grad, theta, batch, size);
            /* ANCHOR_END: batches */
            if (search->search != LINE_SEARCH_NONE) {     /* chapter 3 */
                const struct batch_loss tested = {objective->model, batch, size};
                alpha = lab_line_search_update(search, opt->hyper.lr, theta, grad,
                                               dim, search->search == LINE_SEARCH_EXACT
                                                        ? mse_curvature_along(objective->model,
                                                                              grad)
                                                        : 0.0,
                                               batch_loss, &tested, batch_loss(&tested, theta),
                                               scratch);
                if (alpha == 0.0) {            /* no step lowers f: stop at this row */
                    result.stalled = true;
                    alpha = alpha_before;
                    step--;
                }
                continue;
            }
        }
        if (clip_value > 0.0)                           /* chapter 10: value first, */
            clip_grad_value(grad, dim, clip_value);
        if (clip_norm > 0.0)                            /* then the norm */
            clip_grad_norm(grad, dim, clip_norm);
        if (scheduled)
            alpha = opt->hyper.lr;                      /* the rate of this update */
        optimizer_step(opt, theta, grad);
        if (scheduled && (!every_epoch || (step + 1) % per_epoch == 0))
            scheduler_step(&scheduler, opt);            /* after optimizer.step() */
    }
    free(grad);
    free(previous);
    free(scratch);
    epoch_free(&epoch);
    return result;
}
