/* shares.h: one batch split over P workers, and put back together.
 *
 * Data-parallel SGD (PyTorch's DistributedDataParallel, Horovod) gives each
 * of P workers a contiguous share of every batch.  A worker sends the SUM
 * of its share's per-sample gradients and the size of its share; the sums
 * are added over the workers (MPI_Allreduce in descent-mpi) and divided by
 * the total count: the weighted average of the shares' means (12.2), which
 * is the gradient of the whole batch (12.1) up to the order of the sums.
 * This module holds the arithmetic, without MPI, so that it is tested
 * without mpirun; chapters/12-data-parallel/mpi_descent.c adds the one call.
 */
#ifndef DESCENT_SHARES_H
#define DESCENT_SHARES_H

#include <stddef.h>

#include "04-batches/regression.h"

/* The share of worker rank (0 <= rank < workers, workers >= 1: the
 * caller's guarantee) of a batch of size
 * samples: positions [*first, *first + count) of the batch, with
 * *first = floor(rank size / workers).  Returns count: the shares differ by
 * at most one sample, and are empty when size < workers. */
size_t share_of(size_t size, int workers, int rank, size_t *first);

/* contribution[0..dim) <- count * mse_grad over batch[first..first+count)
 * at theta (the sum of the share's per-sample gradients, zeros for an
 * empty share), contribution[dim] <- count.  dim = regression_dim(model);
 * contribution has dim + 1 entries: what one worker all-reduces (12.3). */
void share_contribution(double *contribution, const struct regression *model,
                        const double *theta, const size_t *batch, size_t size, int workers,
                        int rank);

/* grad[0..dim) <- summed[0..dim) / summed[dim]: the all-reduced
 * contributions (sums of gradients, then the count) turned into the mean
 * gradient of the batch, (12.2).  summed[dim] must be positive (the
 * caller's guarantee: 0 gives NaN or inf). */
void shares_mean(double *grad, const double *summed, size_t dim);

/* mean[0..dim) <- sum_r counts[r] means[r] / sum_r counts[r], the weighted
 * average (12.2) of shares means[r] (row r of a shares x dim row-major
 * array) holding counts[r] samples each, summed in rank order 0, 1, ....
 * A share with count 0 is left out (its mean is not read).  At least one
 * count must be positive. */
void weighted_average(double *mean, const double *means, const size_t *counts,
                      size_t shares, size_t dim);

/* grad <- the batch gradient as `workers` workers compute it, with the
 * all-reduce done here in rank order 0, 1, ..., workers - 1: what
 * descent-mpi computes up to the order MPI adds the contributions in.
 * scratch has 2 (dim + 1) entries. */
void gradient_by_shares(double *grad, const struct regression *model, const double *theta,
                        const size_t *batch, size_t size, int workers, double *scratch);

#endif
