/* Exercise 3.7 (chapter 3): steepest descent with the exact line search.
 * Use quadratic_hessian_times and exact_step (line_search.h), or your
 * exact_step_yours of exercise 3.5 copied here; vec_norm is in
 * 00-toolkit/csv.h.  f->dim <= FUNCTION_MAX_DIM.
 * Replace the TODO line with your code; `make check CH=3` tests it against
 * line_search_descent on several quadratics. */
#include "00-toolkit/csv.h"
#include "00-toolkit/exercise.h"
#include "03-when-to-stop/exercises.h"
#include "03-when-to-stop/line_search.h"

long exact_descent(const struct function *f, double *x, double tolerance, long max_steps)
{
    (void)f, (void)x, (void)tolerance, (void)max_steps;
    TODO("chapter 1's loop, with eta replaced at every step by the alpha of (3.3) at the "
         "current gradient");
    return 0;
}
