/* Exercise 7.7 (chapter 7): Adadelta as torch.optim.Adadelta runs it.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper, from
 * g = the gradient with maximize and weight_decay (gradient_with_decay):
 *   v <- rho v + (1 - rho) g^2
 *   delta = sqrt(u + eps) / sqrt(v + eps) g         (eps inside both roots)
 *   u <- rho u + (1 - rho) delta^2
 *   theta <- theta - lr delta                                        (7.8)
 * Keep v in opt->buffer[0], u in opt->buffer[1] (zeros at the start).
 * Replace the TODO line with your code; `make exercises CH=07` checks it
 * against adadelta_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

void adadelta_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("v first, then delta from the old u, then u from delta; eps goes inside both "
         "square roots");
}
