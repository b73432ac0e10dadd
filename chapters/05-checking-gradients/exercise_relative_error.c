/* Exercise 5.3 (chapter 5): the number a gradient check reports.
 * Replace the TODO line with your code; `make check CH=5` tests it. */
#include "00-toolkit/exercise.h"
#include "05-checking-gradients/exercises.h"

#include <math.h>

double gradient_relative_error(double analytic, double numeric, double floor)
{
    (void)analytic, (void)numeric, (void)floor;
    TODO("(5.7): measure the difference against which size? And if both are 0?");
    return 0.0;
}
