/* exercises.h: chapter 12's code exercises (stubs beside this file, answers
 * in solutions/12-data-parallel/). */
#ifndef DESCENT_EXERCISES_12_H
#define DESCENT_EXERCISES_12_H

#include <stddef.h>

/* Exercise 12.3: mean[0..dim) <- the weighted average (12.2) of `shares`
 * share means (row r of the shares x dim row-major array means) of
 * counts[r] samples each: sum_r counts[r] means[r] / sum_r counts[r].  A
 * share of count 0 contributes nothing (do not read its row: it may hold
 * anything).  At least one count is positive. */
void average_of_shares(double *mean, const double *means, const size_t *counts,
                       size_t shares, size_t dim);

/* Exercise 12.4: the learning rate of update step (from 0) by the linear
 * scaling rule with linear warm-up (Goyal et al. 2017): lr is right for
 * batches of base_batch samples; the run uses batches of batch; the rate
 * rises linearly over the first warmup updates, reaching the scaled rate
 * at update warmup - 1 (warmup 0: no warm-up). */
double scaled_warmup_lr(double lr, double base_batch, double batch, long step, long warmup);

#endif
