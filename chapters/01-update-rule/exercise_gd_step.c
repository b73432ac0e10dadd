/* Exercise 1.5 (chapter 1): the update rule (1.1), one line.
 * Every optimizer of the book is this line with a cleverer g.  Replace the
 * TODO line with that line; `make exercises CH=01` checks it against
 * gd_step on random vectors. */
#include "00-toolkit/exercise.h"
#include "01-update-rule/exercises.h"

void gd_step_yours(double *theta, const double *grad, size_t dim, double eta)
{
    for (size_t i = 0; i < dim; i++) {
        (void)theta, (void)grad, (void)eta;
        TODO("(1.1) for coordinate i: theta_i moves against its gradient, by eta times it");
    }
}
