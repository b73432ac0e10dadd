/* Exercise 8.5 (chapter 8): Adam as torch.optim.Adam runs it.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper: (8.1)-(8.4)
 * with t = opt->step_count (1 on the first step), from the gradient with
 * maximize and weight_decay as SGD takes it (gradient_with_decay in
 * 00-toolkit/optimizer.h); with amsgrad, section "AMSGrad: never let the
 * denominator shrink".  Keep m in opt->buffer[0], v in buffer[1] and
 * AMSGrad's maximum in buffer[2].
 * Replace the TODO line with your code; `make check CH=8` tests it against
 * adam_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adam_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("per coordinate, (8.1)-(8.4) at t = opt->step_count; section \"Where eps goes\" "
         "places eps, section \"AMSGrad\" says which v the maximum keeps");
}
