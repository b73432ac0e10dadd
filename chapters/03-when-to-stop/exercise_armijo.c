/* Exercise 3.3 (chapter 3): the backtracking loop of section "Backtracking:
 * the Armijo condition": return the step alpha it accepts, and count in
 * *evaluations the calls of f->value you make (f(x) is given as fx).
 * Replace the TODO line with your code; `make check CH=3` tests it. */
#include "00-toolkit/exercise.h"
#include "03-when-to-stop/exercises.h"

double armijo_yours(const struct function *f, const double *x, double fx, const double *grad,
                    double alpha0, double c, double rho, long *evaluations)
{
    (void)f, (void)x, (void)fx, (void)grad, (void)alpha0, (void)c, (void)rho;
    *evaluations = 0;
    TODO("(3.5) tests one trial step; the section says which step to try first and how "
         "the next one is found");
    return 0.0;
}
