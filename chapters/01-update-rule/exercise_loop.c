/* Exercise 1.7 (chapter 1): the whole loop, with its stopping rule.
 *
 * As gradient_descent in gd.c, without the trace: evaluate f and its
 * gradient at x; while fewer than max_steps updates were made and
 * ||grad f|| >= tolerance (vec_norm in 00-toolkit/csv.h), compute the
 * next point with your gd_step_yours (or gd_step), and if its value or a
 * coordinate is not finite (row_is_finite) stop with diverged set,
 * keeping the last finite point; else move there and count the update.
 * Fill every field of struct gd_run (gd.h); converged says whether the
 * last gradient norm is below tolerance.  A start that is not finite is
 * diverged with 0 steps.  f->dim <= FUNCTION_MAX_DIM.
 * Replace the TODO line with your code; `make exercises CH=01` checks it
 * against gradient_descent on many functions and learning rates. */
#include "00-toolkit/csv.h"
#include "00-toolkit/exercise.h"
#include "01-update-rule/exercises.h"

struct gd_run gd_loop_yours(const struct function *f, double *x, double eta,
                            double tolerance, long max_steps)
{
    struct gd_run run = {0};
    (void)f, (void)x, (void)eta, (void)tolerance, (void)max_steps;
    TODO("start with the value and gradient at x; loop while the gradient is not small and "
         "steps remain; never keep a point that is not finite");
    return run;
}
