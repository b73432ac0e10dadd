/* Exercise 12.3, a reference answer: (12.2). */
#include "12-data-parallel/exercises.h"

void average_of_shares(double *mean, const double *means, const size_t *counts,
                       size_t shares, size_t dim)
{
    double total = 0.0;
    for (size_t j = 0; j < dim; j++)
        mean[j] = 0.0;
    for (size_t r = 0; r < shares; r++) {
        if (counts[r] == 0)
            continue;                   /* an empty share: its row is not a mean */
        total += (double)counts[r];
        for (size_t j = 0; j < dim; j++)
            mean[j] += (double)counts[r] * means[r * dim + j];
    }
    for (size_t j = 0; j < dim; j++)
        mean[j] /= total;
}
