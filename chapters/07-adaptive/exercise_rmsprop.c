/* Exercise 7.3 (chapter 7): RMSProp from the chapter's equations.
 * Replace the TODO line with your code; `make exercises CH=07` checks it. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

void rmsprop_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("per coordinate: v = alpha v + (1 - alpha) g^2; d = sqrt(v) + eps "
         "(centered: m = alpha m + (1 - alpha) g, d = sqrt(v - m^2) + eps); "
         "then theta -= lr g / d, or with momentum b = beta b + g / d, theta -= lr b "
         "(beta is hyper.momentum)");
}
