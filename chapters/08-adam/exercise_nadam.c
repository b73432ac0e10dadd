/* Exercise 8.8 (chapter 8): NAdam, Adam with Nesterov's look-ahead.
 *
 * Section "Adamax and NAdam, briefly", with PyTorch 2's momentum schedule
 * mu_t (momentum_decay), t = opt->step_count, and the running product
 * mu_1 mu_2 ... mu_t kept in opt->product (1 before the first step).  The
 * gradient as in Adam (maximize, L2 weight_decay).  Keep m in
 * opt->buffer[0], v in buffer[1].
 * Replace the TODO line with your code; `make check CH=8` tests it against
 * nadam_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void nadam_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("mu_t and mu_{t+1} from the schedule; the product takes one factor per step, not "
         "per coordinate; the step mixes the gradient and m, each corrected its own way");
}
