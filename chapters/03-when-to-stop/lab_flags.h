/* lab_flags.h: what chapter 3 adds to the lab (shared/lab.md, part 2).
 *
 *   --line-search armijo|exact   choose every step along -g by (3.5) or (3.3)
 *   --backtrack RHO              Armijo's factor rho (default 0.5)
 *   --armijo-c C                 Armijo's constant c (default 1e-4)
 *   --tol EPS                    stop once ||grad f|| < EPS (the gradient rule)
 *
 * The lab's flag loop hands every flag to line_search_parse_flag first; the
 * run loop (A-lab/lab.c) calls line_search_update instead of the optimizer
 * when a search is on, and prints the accepted step as a last column alpha.
 */
#ifndef DESCENT_LAB_FLAGS_03_H
#define DESCENT_LAB_FLAGS_03_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/functions.h"
#include "03-when-to-stop/line_search.h"
#include "04-batches/regression.h"

struct lab_line_search {
    enum line_search search;    /* LINE_SEARCH_NONE: the optimizer steps as usual */
    double c, rho;              /* --armijo-c, --backtrack */
    double tol;                 /* --tol; 0: run all the steps */
    bool search_given, c_given, rho_given, tol_given;
};

/* The defaults: no search, c = 1e-4, rho = 0.5, no tolerance. */
struct lab_line_search lab_line_search_defaults(void);

/* If argv[*i] is one of the four flags above, read it (and its value,
 * advancing *i) into o and return true; a repeated flag or a bad value is a
 * usage error (exit 2). */
bool lab_line_search_flag(struct lab_line_search *o, int argc, char **argv, int *i);

/* Refuse what does not apply (exit 2): a search with any optimizer but
 * plain sgd (only --lr given besides), exact search on anything but a
 * quadratic function or full-batch data, --backtrack or --armijo-c
 * without --line-search armijo.  function is NULL for data. */
void lab_line_search_check(const struct lab_line_search *o, const char *optimizer,
                           unsigned hyper_given, const struct function *function,
                           bool full_batch);

/* g'Hg for the exact search (3.3), grad g of f->dim or regression_dim
 * entries: sum a_i g_i^2 for a quadratic function, and
 * (2/n) sum_i (g . x~_i)^2 for the mean squared error over all n samples
 * (x~_i: sample i with a 1 appended when the model has a bias). */
double quadratic_curvature_along(const struct function *f, const double *grad);
double mse_curvature_along(const struct regression *model, const double *grad);

/* The loss Armijo tests on data (a loss_fn, line_search.h): the mean
 * squared error (4.1) of one batch at theta. */
struct batch_loss {
    const struct regression *model;
    const size_t *batch;        /* NULL: every sample */
    size_t size;
};
double batch_loss(const void *context, const double *theta);

/* One update theta[0..dim) <- theta - alpha grad with alpha by the search:
 * exact, alpha = g'g / curvature (curvature = g'Hg, from the functions
 * above); Armijo, (3.5) from alpha0 = lr on loss(context, .), which is
 * loss_at_theta at theta.  Returns alpha, or 0 when no step lowers the loss
 * (theta is then unchanged).  scratch has dim entries. */
double lab_line_search_update(const struct lab_line_search *o, double lr, double *theta,
                              const double *grad, size_t dim, double curvature,
                              loss_fn *loss, const void *context, double loss_at_theta,
                              double *scratch);

#endif
