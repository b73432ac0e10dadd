/* Exercise 8.6 (chapter 8): AdamW, weight decay that is not divided away.
 *
 * As your Adam of exercise 8.5, with two changes (section "AdamW"):
 *   the moments see the gradient alone (negated when maximize), never
 *   weight_decay theta;
 *   before the moment update, theta shrinks: theta <- theta (1 - lr weight_decay).
 * amsgrad as in Adam.  Keep m in opt->buffer[0], v in buffer[1].
 * Replace the TODO line with your code; `make exercises CH=08` checks it
 * against adamw_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adamw_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("Adam's step, but the decay multiplies theta by (1 - lr weight_decay) first, and "
         "g stays the raw gradient");
}
