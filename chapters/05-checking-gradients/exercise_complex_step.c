/* Exercise 5.6 (chapter 5): the complex step (5.5), which subtracts nothing.
 * Replace the TODO line with your code; `make check CH=5` tests it against
 * complex_step, also at steps where (5.2) has lost every digit. */
#include "00-toolkit/exercise.h"
#include "05-checking-gradients/exercises.h"

#include <complex.h>

double complex_step_yours(complex_function f, double x, double h)
{
    (void)f, (void)x, (void)h;
    TODO("(5.5): complex_of(x, h) is the point x + ih; which part of f's complex value "
         "carries the slope?");
    return 0.0;
}
