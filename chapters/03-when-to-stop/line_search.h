/* line_search.h: chapter 3's step choices, the rest of steepest descent.
 *
 * Steepest descent moves along d = -g, g = grad f(x), by a step alpha:
 *     x <- x - alpha g
 * Chapters 1-2 fixed alpha = eta.  A line search chooses it at every step:
 *   exact   the minimiser of phi(alpha) = f(x - alpha g); for a quadratic
 *           with Hessian H it is
 *               alpha = g'g / g'Hg                                    (3.3)
 *   Armijo  start from alpha0 and multiply by rho (0 < rho < 1) until
 *               f(x - alpha g) <= f(x) - c alpha g'g                  (3.5)
 *           (sufficient decrease, 0 < c < 1; Nocedal and Wright,
 *           "Numerical Optimization", 2nd ed., Algorithm 3.1).
 * The loop line_search_descent stops when ||g|| < tolerance, as chapter 1's
 * loop does.  This module is what the lab calls for --line-search.
 */
#ifndef DESCENT_LINE_SEARCH_H
#define DESCENT_LINE_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "00-toolkit/functions.h"

/* (3.3): g'g / g'Hg for grad[0..dim) and hessian_grad = H g.  Returns 0 when
 * g'Hg <= 0 (no minimum along -g) or g = 0. */
double exact_step(const double *grad, const double *hessian_grad, size_t dim);

/* out[0..dim) = H v[0..dim) for a quadratic 1/2 sum a_i x_i^2
 * (H = diag(a)); the caller guarantees f is one of the "quadratic"
 * functions (for another f the product is meaningless, not refused). */
void quadratic_hessian_times(const struct function *f, double *out, const double *v);

/* The loss a line search evaluates: a function, or (in the lab) a batch. */
typedef double loss_fn(const void *context, const double *x);

/* loss_fn for a struct function: context is the function. */
double function_loss(const void *function, const double *x);

struct armijo_result {
    double alpha;       /* the accepted step (0 when none was found) */
    double loss;        /* f(x - alpha g) at the accepted step */
    long evaluations;   /* calls of loss: one per trial step */
    long backtracks;    /* times alpha was multiplied by rho */
    bool accepted;      /* false: x - alpha g rounded to x before (3.5) held */
};

/* Backtracking (3.5) from x[0..dim) with loss fx = f(x) and gradient grad:
 * trial steps alpha0, rho alpha0, rho^2 alpha0, ... until the condition
 * holds; next[0..dim) gets x - alpha grad.  Gives up (accepted = false)
 * when a trial point equals x in every coordinate: a shorter step cannot
 * change x any more (then alpha = 0 and next = x).  The caller guarantees
 * 0 < c < 1, 0 < rho < 1, alpha0 > 0 (rho >= 1 might never end); the lab
 * refuses other values at its flags (build/ch03 uses fixed ones). */
struct armijo_result armijo_backtrack(loss_fn *loss, const void *context, size_t dim,
                                      const double *x, double fx, const double *grad,
                                      double alpha0, double c, double rho, double *next);

enum line_search {
    LINE_SEARCH_NONE,       /* a fixed step alpha = lr, as chapters 1-2 */
    LINE_SEARCH_EXACT,      /* (3.3): quadratic functions only */
    LINE_SEARCH_ARMIJO,     /* (3.5) from alpha0 = lr */
};

struct descent_settings {
    enum line_search search;
    double lr;              /* the fixed step, or Armijo's first trial alpha0 */
    double c, rho;          /* Armijo's constants */
    double tolerance;       /* stop when ||grad f|| < tolerance */
    long max_steps;
    long every;             /* trace rows 0, every, 2 every, ... and the last */
};

struct descent_run {
    long steps;             /* updates taken */
    long evaluations;       /* calls of f->value, the start's included */
    long gradients;         /* calls of f->gradient */
    bool converged;         /* ended with ||grad f|| < tolerance */
    bool stalled;           /* Armijo found no step that lowers f (rounding) */
    bool diverged;          /* a value stopped being finite (fixed step) */
    double loss;            /* f at the last iterate */
    double grad_norm;       /* ||grad f|| there */
    double min_alpha, max_alpha;    /* the accepted steps' range */
};

/* A CSV row "step,loss,x1,..,xn,alpha" with %.17g (alpha empty on row 0),
 * x[0..dim); stops (exit 2) if the write failed, as csv.h's csv_row. */
void csv_row_alpha(FILE *out, long step, double loss, const double *x, size_t dim,
                   double alpha);

/* Steepest descent on f from x[0..f->dim) (overwritten with the last
 * iterate); returns what happened (struct descent_run: divergence and
 * stalling are reported, not exits; a failed trace write exits 2).  When
 * trace is not NULL it gets "step,loss,x1,..,xn,alpha" (alpha: the step
 * that produced the row, empty on row 0) for rows 0, every-th and the last.
 * For LINE_SEARCH_EXACT, f must be a quadratic function. */
struct descent_run line_search_descent(const struct function *f, double *x,
                                       const struct descent_settings *settings, FILE *trace);

#endif
