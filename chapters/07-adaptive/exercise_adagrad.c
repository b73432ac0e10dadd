/* Exercise 7.6 (chapter 7): AdaGrad as torch.optim.Adagrad runs it.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper, from
 * g = the gradient with maximize and weight_decay (gradient_with_decay in
 * 00-toolkit/optimizer.h, as SGD takes it):
 *   s <- s + g^2        (s starts at initial_accumulator_value)
 *   theta <- theta - clr g / (sqrt(s) + eps)                         (7.2)
 *   clr = lr / (1 + (t - 1) lr_decay),   t = opt->step_count (1 first)
 * Keep s in opt->buffer[0] (zeros before the first step).
 * Replace the TODO line with your code; `make exercises CH=07` checks it
 * against adagrad_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

void adagrad_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("(7.2) per coordinate: add g^2 to the sum first, then divide; on the first step "
         "the sum starts from initial_accumulator_value");
}
