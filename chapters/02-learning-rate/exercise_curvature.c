/* Exercise 2.4 (chapter 2): measure a curvature without doing calculus.
 * Replace the TODO line with your code; `make check CH=2` tests it. */
#include "00-toolkit/exercise.h"
#include "02-learning-rate/exercises.h"

double estimate_curvature(const struct function *f, double x, double step)
{
    (void)f, (void)x, (void)step;
    TODO("f'' is how fast f' changes near x: two calls of f->gradient, one on each side "
         "of x (a central difference)");
    return 0.0;
}
