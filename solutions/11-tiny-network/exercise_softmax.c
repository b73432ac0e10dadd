/* Chapter 11, exercise 2, a reference answer: softmax cross-entropy. */
#include "11-tiny-network/exercises.h"

#include <math.h>

double softmax_cross_entropy(double *dz, const double *z, size_t k, size_t c)
{
    double m = z[0], sum = 0.0;
    for (size_t i = 1; i < k; i++)
        if (z[i] > m)
            m = z[i];
    for (size_t i = 0; i < k; i++)
        sum += exp(z[i] - m);                           /* every term <= 1 */
    for (size_t i = 0; i < k; i++)
        dz[i] = exp(z[i] - m) / sum - (i == c ? 1.0 : 0.0);     /* (11.7) */
    return (m - z[c]) + log(sum);                               /* (11.5) */
}
