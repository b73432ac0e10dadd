/* Exercise 11.3 (chapter 11): the hidden layer's backward pass.
 * Replace the TODO line with your code; `make check CH=11` tests it. */
#include "00-toolkit/exercise.h"
#include "11-tiny-network/exercises.h"

void hidden_backward(double *gw1, double *gb1, const double *dz, const double *w2,
                     const double *u, const double *a, const double *x, size_t d, size_t h,
                     size_t k, enum activation activation)
{
    (void)gw1, (void)gb1, (void)dz, (void)w2, (void)u, (void)a, (void)x;
    (void)d, (void)h, (void)k, (void)activation;
    TODO("(11.9)-(11.11) for this one sample, a hidden unit j at a time; w2 holds W2 row "
         "by row (k rows of h); add into gw1 and gb1, do not overwrite them");
}
