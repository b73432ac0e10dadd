/* Exercise 8.4 (chapter 8): Adam from memory.
 * Replace the TODO line with your code; `make check CH=8` tests it. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adam_from_memory(double *theta, double *m, double *v, const double *grad, size_t dim,
                      long t, double lr, double beta1, double beta2, double eps)
{
    (void)theta, (void)m, (void)v, (void)grad, (void)dim;
    (void)t, (void)lr, (void)beta1, (void)beta2, (void)eps;
    TODO("per coordinate, equations (8.1)-(8.4) in order: the two averages, their "
         "corrections, the step");
}
