/* local_sgd.h: local SGD, or periodic model averaging (Stich 2019; Lin et
 * al. 2020, "Don't use large mini-batches, use local SGD").
 *
 * Every worker keeps its own copy of the parameters and takes K plain SGD
 * steps alone, each on its share (shares.h) of the next global batch; then
 * the P copies are replaced by their mean, with one all-reduce of the
 * parameters.  K = 1 is data-parallel SGD again when the shares are equal
 * (the mean of P models that each took one step from the same point is the
 * step along the mean gradient), so a run with K = 1 is the "all-reduce
 * every step" it is compared with.  Communication falls by K; what it
 * costs is that the copies drift apart between averagings.
 *
 * This module simulates the P workers in one process, averaging in rank
 * order; mpi_experiments.c (build/ch12-mpi --local-sgd K) runs the same
 * local_steps on real processes, averaging with MPI_Allreduce.
 */
#ifndef DESCENT_LOCAL_SGD_H
#define DESCENT_LOCAL_SGD_H

#include <stdint.h>
#include <stdio.h>

#include "04-batches/regression.h"
#include "12-data-parallel/problem.h"

/* K local steps of one worker: for each of the next K batches of epoch (a
 * new epoch when one ends; every worker's epoch is seeded alike, so they
 * agree on the batches), theta <- theta - lr grad over the worker's share
 * of the batch (no step for an empty share).  grad: regression_dim
 * scratch. */
void local_steps(double *theta, double *grad, const struct regression *model,
                 struct epoch *epoch, long local, int workers, int rank, double lr);

/* The CSV of a run: the header "samples,allreduces,excess", and one row;
 * nothing when out is NULL.  Writes are not checked here: the caller's
 * csv_close, or stdout's check at exit (fail.h), reports a failure. */
void local_sgd_header(FILE *out);
void local_sgd_row(FILE *out, long samples, long allreduces, double excess);

struct local_sgd_result {
    double excess;      /* f(mean model) - f(w*) at the end */
    long allreduces;    /* parameter averagings done */
};

/* Local SGD on problem p simulated with `workers` workers, global batch
 * batch, learning rate lr, `steps` local steps (steps * batch samples in
 * all), averaging every `local` steps (and after the last), from w = 0,
 * batches shuffled with seed.  When out is not NULL: a CSV header
 * "samples,allreduces,excess" and one row after every averaging (and
 * row 0 at the start). */
struct local_sgd_result local_sgd(FILE *out, const struct parallel_problem *p, int workers,
                                  long local, size_t batch, double lr, long steps,
                                  uint64_t seed);

#endif
