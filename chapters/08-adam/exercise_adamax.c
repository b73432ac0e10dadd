/* Exercise 8.7 (chapter 8): Adamax, Adam with an infinity norm.
 *
 * Section "Adamax and NAdam, briefly": the gradient as in Adam (maximize,
 * L2 weight_decay), m as (8.1), and u in place of the root of v-hat.
 * Keep m in opt->buffer[0], u in buffer[1].
 * Replace the TODO line with your code; `make check CH=8` tests it against
 * adamax_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "08-adam/exercises.h"

#include <math.h>

void adamax_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("m as in (8.1); u is a decaying maximum of |g| (where does eps go?); which of "
         "the two needs a bias correction?");
}
