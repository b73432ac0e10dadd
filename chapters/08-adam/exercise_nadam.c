/* Exercise 8.8 (chapter 8): NAdam, Adam with Nesterov's look-ahead.
 *
 * Section "Adamax and NAdam", with PyTorch 2's momentum schedule
 *   mu_t = beta1 (1 - 0.5 * 0.96^(t momentum_decay)),  t = opt->step_count,
 * and the running product P_t = mu_1 mu_2 ... mu_t, kept in opt->product
 * (1 before the first step).  g as in Adam (maximize, L2 weight_decay);
 *   m <- beta1 m + (1 - beta1) g,   v <- beta2 v + (1 - beta2) g^2
 *   d = sqrt(v / (1 - beta2^t)) + eps
 *   theta <- theta - lr (1 - mu_t) / (1 - P_t) g / d
 *                  - lr mu_{t+1} / (1 - P_t mu_{t+1}) m / d
 * Keep m in opt->buffer[0], v in buffer[1].
 * Replace the TODO line with your code; `make exercises CH=08` checks it
 * against nadam_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void nadam_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("mu_t and mu_{t+1} from the schedule; multiply opt->product by mu_t once per step, "
         "not per coordinate; then the two corrected terms");
}
