/* Exercise 1.7 (chapter 1): the whole loop, with its stopping rule.
 *
 * What gradient_descent (gd.c, section "The code") does, without the trace:
 * at most max_steps updates of (1.1); the run ends as soon as
 * ||grad f|| < tolerance, at the start too; a next point whose value or a
 * coordinate is not finite is never taken (the run ends diverged, x at the
 * last finite point; a start that is not finite is diverged with 0 steps).
 * At the end every field of struct gd_run (gd.h) describes where x is.
 * Helpers: gd_step (gd.h) or your gd_step_yours, vec_norm and row_is_finite
 * (00-toolkit/csv.h).  f->dim <= FUNCTION_MAX_DIM.
 * Replace the TODO line with your code; `make check CH=1` tests it against
 * gradient_descent on many functions and learning rates. */
#include "00-toolkit/csv.h"
#include "00-toolkit/exercise.h"
#include "01-update-rule/exercises.h"

struct gd_run gd_loop_yours(const struct function *f, double *x, double eta,
                            double tolerance, long max_steps)
{
    struct gd_run run = {0};
    (void)f, (void)x, (void)eta, (void)tolerance, (void)max_steps;
    TODO("start with the value and gradient at x; loop while the gradient is not small "
         "and steps remain; never keep a point that is not finite");
    return run;
}
