/* large_batch.h: the large-batch problem, tried on the chapter's problem.
 *
 * P workers that each keep a per-worker batch make the global batch P
 * times larger: fewer, less noisy steps over the same samples.  The linear
 * scaling rule (Goyal et al. 2017) multiplies the learning rate by the same
 * factor k so that k small steps and one large step move about as far, and
 * warms the rate up linearly over the first updates.  On a quadratic the
 * rule must fail once k lr passes 2/L (chapter 2's limit, L the largest
 * curvature), warm-up or not: the late steps use the full rate.
 */
#ifndef DESCENT_LARGE_BATCH_H
#define DESCENT_LARGE_BATCH_H

#include <stdint.h>

#include "12-data-parallel/problem.h"

/* Mini-batch SGD on p from w = 0: batches of batch samples shuffled with
 * seed, samples / batch updates, update k at warmup_lr(lr, k, warmup)
 * (cost.h).  Returns f(w) - f(w*) at the end, or +infinity when an
 * iterate stopped being finite (diverged). */
double large_batch_run(const struct parallel_problem *p, size_t batch, double lr, long samples,
                       long warmup, uint64_t seed);

#endif
