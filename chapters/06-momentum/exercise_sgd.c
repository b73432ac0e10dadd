/* Exercise 6.5 (chapter 6): torch.optim.SGD, the momentum buffer and Nesterov.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper, as
 * sections "PyTorch's form: a momentum buffer", "Nesterov's look-ahead"
 * and "The rest of torch.optim.SGD" describe it: maximize, weight_decay
 * (gradient_with_decay in 00-toolkit/optimizer.h applies both), momentum,
 * dampening and nesterov.  opt->step_count is 1 on the first step.  Keep
 * the buffer b in opt->buffer[0].  With momentum 0 this is (1.1).
 * Replace the TODO line with your code; `make check CH=6` tests it against
 * sgd_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "06-momentum/exercises.h"

void sgd_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("per coordinate: the gradient as SGD sees it, then the buffer (what is it on "
         "step 1?), then the step; what does nesterov step along instead of b?");
}
