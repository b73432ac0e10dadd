/* Exercise 8.6 (chapter 8): AdamW, weight decay that is not divided away.
 *
 * Your Adam of exercise 8.5, with the decay decoupled as section "AdamW:
 * weight decay that is not divided away" says PyTorch's AdamW takes it;
 * amsgrad as in Adam.  Keep m in opt->buffer[0], v in buffer[1] and
 * AMSGrad's maximum in buffer[2].
 * Replace the TODO line with your code; `make check CH=8` tests it against
 * adamw_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adamw_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("what do the moments see in AdamW, and what happens to theta before the Adam "
         "step?");
}
