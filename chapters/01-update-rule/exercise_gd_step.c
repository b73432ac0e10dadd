/* Exercise 1.5 (chapter 1): the update rule (1.1), one line.
 * Every optimizer of the book is this line with a cleverer gradient. Write
 * the body of the loop: (1.1) for coordinate i.
 * Replace the TODO line with your code; `make check CH=1` tests it against
 * gd_step on random vectors. */
#include "00-toolkit/exercise.h"
#include "01-update-rule/exercises.h"

void gd_step_yours(double *theta, const double *grad, size_t dim, double eta)
{
    for (size_t i = 0; i < dim; i++) {
        (void)theta, (void)grad, (void)eta;
        TODO("(1.1) for coordinate i: which way does theta_i move, and how far?");
    }
}
