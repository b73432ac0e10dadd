/* shares.c: splitting a batch over workers and averaging back (shares.h). */
#include "12-data-parallel/shares.h"

#include <string.h>

size_t share_of(size_t size, int workers, int rank, size_t *first)
{
    /* floor(r size / P) for r and r + 1: every sample in exactly one share */
    size_t begin = size * (size_t)rank / (size_t)workers;
    size_t end = size * (size_t)(rank + 1) / (size_t)workers;
    *first = begin;
    return end - begin;
}

void share_contribution(double *contribution, const struct regression *model,
                        const double *theta, const size_t *batch, size_t size, int workers,
                        int rank)
{
    const size_t dim = regression_dim(model);
    size_t first, count = share_of(size, workers, rank, &first);
    if (count == 0) {
        memset(contribution, 0, dim * sizeof *contribution);
    } else {
        /* chapter 4's mean gradient of the share, times its count: a sum (12.3) */
        mse_grad(model, contribution, theta, batch + first, count);
        for (size_t j = 0; j < dim; j++)
            contribution[j] *= (double)count;
    }
    contribution[dim] = (double)count;
}

void shares_mean(double *grad, const double *summed, size_t dim)
{
    for (size_t j = 0; j < dim; j++)
        grad[j] = summed[j] / summed[dim];
}

void weighted_average(double *mean, const double *means, const size_t *counts,
                      size_t shares, size_t dim)
{
    double total = 0.0;
    for (size_t j = 0; j < dim; j++)
        mean[j] = 0.0;
    for (size_t r = 0; r < shares; r++) {
        if (counts[r] == 0)
            continue;
        total += (double)counts[r];
        for (size_t j = 0; j < dim; j++)
            mean[j] += (double)counts[r] * means[r * dim + j];
    }
    for (size_t j = 0; j < dim; j++)
        mean[j] /= total;
}

void gradient_by_shares(double *grad, const struct regression *model, const double *theta,
                        const size_t *batch, size_t size, int workers, double *scratch)
{
    const size_t dim = regression_dim(model);
    double *summed = scratch, *contribution = scratch + dim + 1;
    memset(summed, 0, (dim + 1) * sizeof *summed);
    for (int rank = 0; rank < workers; rank++) {     /* the all-reduce, in rank order */
        share_contribution(contribution, model, theta, batch, size, workers, rank);
        for (size_t j = 0; j <= dim; j++)
            summed[j] += contribution[j];
    }
    shares_mean(grad, summed, dim);
}
