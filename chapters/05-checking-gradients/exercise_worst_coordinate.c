/* Exercise 5.4 (chapter 5): find the coordinate of a gradient that is wrong.
 * Replace the TODO line with your code; `make check CH=5` tests it. */
#include "00-toolkit/exercise.h"
#include "05-checking-gradients/exercises.h"

long worst_coordinate(const struct checked *objective, const double *x, double threshold)
{
    (void)objective, (void)x, (void)threshold;
    TODO("(5.6) and (5.7), one coordinate at a time: move only that coordinate");
    return -1;
}
