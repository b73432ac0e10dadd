/* Chapter 11, exercise 3, a reference answer: the hidden layer's backward
 * pass, (11.9)-(11.11). */
#include "11-tiny-network/exercises.h"

void hidden_backward(double *gw1, double *gb1, const double *dz, const double *w2,
                     const double *u, const double *a, const double *x, size_t d, size_t h,
                     size_t k, enum activation activation)
{
    for (size_t j = 0; j < h; j++) {
        double da = 0.0;
        for (size_t r = 0; r < k; r++)
            da += w2[r * h + j] * dz[r];                /* (W2^T dz)_j    (11.9) */
        double slope = activation == ACTIVATION_TANH ? 1.0 - a[j] * a[j]
                     : activation == ACTIVATION_RELU ? (u[j] > 0.0 ? 1.0 : 0.0)
                     : a[j] * (1.0 - a[j]);
        double du = da * slope;                         /* (11.10) */
        for (size_t c = 0; c < d; c++)
            gw1[j * d + c] += du * x[c];                /* du x^T         (11.11) */
        gb1[j] += du;
    }
}
