/* Exercise 12.4 (chapter 12): the linear scaling rule, with warm-up.
 * Replace the TODO line with your code; `make exercises CH=12` checks it. */
#include "00-toolkit/exercise.h"
#include "12-data-parallel/exercises.h"

double scaled_warmup_lr(double lr, double base_batch, double batch, long step, long warmup)
{
    (void)lr, (void)base_batch, (void)batch, (void)step, (void)warmup;
    TODO("m times the batch, m times the rate; during warm-up, a fraction (step + 1)/warmup of it");
    return 0.0;
}
