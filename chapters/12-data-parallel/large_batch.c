/* large_batch.c: mini-batch SGD with a warm-up (large_batch.h). */
#include "12-data-parallel/large_batch.h"

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "12-data-parallel/cost.h"

#include <math.h>
#include <stdlib.h>

double large_batch_run(const struct parallel_problem *p, size_t batch, double lr, long samples,
                       long warmup, uint64_t seed)
{
    const size_t dim = PROBLEM_FEATURES;
    const long steps = samples / (long)batch;
    double w[PROBLEM_FEATURES] = {0}, grad[PROBLEM_FEATURES];
    double excess;
    struct epoch epoch;

    epoch_init(&epoch, p->data.count, batch, true, seed);
    epoch_start(&epoch);
    for (long k = 0; k < steps; k++) {
        const size_t *indices;
        size_t size = epoch_next_batch(&epoch, &indices);
        if (size == 0) {
            epoch_start(&epoch);
            size = epoch_next_batch(&epoch, &indices);
        }
        mse_grad(&p->model, grad, w, indices, size);
        gd_step(w, grad, dim, warmup_lr(lr, k, warmup));
        if (!row_is_finite(0.0, w, dim))
            break;
    }
    epoch_free(&epoch);
    excess = row_is_finite(0.0, w, dim) ? parallel_problem_excess(p, w) : INFINITY;
    return isfinite(excess) ? excess : INFINITY;
}
