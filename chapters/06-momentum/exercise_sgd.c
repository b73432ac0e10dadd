/* Exercise 6.5 (chapter 6): torch.optim.SGD, the momentum buffer and Nesterov.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper, in the
 * order PyTorch takes them (section "PyTorch's form: a momentum buffer"):
 *   g = grad, negated when maximize, then + weight_decay theta
 *   with momentum > 0:
 *     b <- g on the first step (opt->step_count == 1), a copy, undamped
 *     b <- momentum b + (1 - dampening) g afterwards
 *     g <- g + momentum b with nesterov (the look-ahead), else g <- b
 *   theta <- theta - lr g
 * Keep b in opt->buffer[0].  With momentum 0 this is (1.1).
 * Replace the TODO line with your code; `make exercises CH=06` checks it
 * against sgd_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

void sgd_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("per coordinate: g with maximize and weight_decay; the buffer is a copy of g on "
         "step 1, damped afterwards; Nesterov adds momentum b to g");
}
