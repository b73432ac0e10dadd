/* Exercise 8.5 (chapter 8): Adam as torch.optim.Adam runs it.
 *
 * One step of Adam on theta[0..opt->dim) with the settings opt->hyper:
 *   g = grad (negated when maximize), plus weight_decay theta (L2, as in
 *       SGD: the moments see it)
 *   m <- beta1 m + (1 - beta1) g                                    (8.1)
 *   v <- beta2 v + (1 - beta2) g^2                                  (8.2)
 *   corrections 1 - beta1^t and 1 - beta2^t, t = opt->step_count    (8.3)
 *   theta <- theta - lr m-hat / (sqrt(v-hat) + eps)                 (8.4)
 * With amsgrad, the denominator uses the largest v seen so far (section
 * "AMSGrad"): keep it in a third buffer; PyTorch takes the maximum of the
 * raw v, then corrects it.  Keep m in opt->buffer[0], v in buffer[1].
 * Replace the TODO line with your code; `make exercises CH=08` checks it
 * against adam_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adam_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("per coordinate: the gradient with maximize and weight_decay, then (8.1)-(8.4) "
         "with t = opt->step_count; eps goes after the square root");
}
