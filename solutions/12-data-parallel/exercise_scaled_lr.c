/* Exercise 12.4, a reference answer: Goyal et al. 2017, sections 2.1-2.2. */
#include "12-data-parallel/exercises.h"

double scaled_warmup_lr(double lr, double base_batch, double batch, long step, long warmup)
{
    double scaled = lr * batch / base_batch;              /* the linear scaling rule */
    if (warmup > 0 && step + 1 < warmup)
        return scaled * (double)(step + 1) / (double)warmup;    /* linear warm-up */
    return scaled;
}
