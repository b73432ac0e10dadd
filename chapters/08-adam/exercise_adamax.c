/* Exercise 8.7 (chapter 8): Adamax, Adam with an infinity norm.
 *
 * Section "Adamax and NAdam": g as in Adam (maximize, L2 weight_decay);
 *   m <- beta1 m + (1 - beta1) g                 as (8.1)
 *   u <- max(beta2 u, |g| + eps)                 a decaying maximum of |g|
 *   theta <- theta - lr / (1 - beta1^t) m / u
 * u needs no bias correction.  Keep m in opt->buffer[0], u in buffer[1].
 * Replace the TODO line with your code; `make exercises CH=08` checks it
 * against adamax_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adamax_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("m as in Adam; u is the larger of beta2 u and |g| + eps; only m is corrected");
}
