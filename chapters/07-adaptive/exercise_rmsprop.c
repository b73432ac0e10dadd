/* Exercise 7.3 (chapter 7): RMSprop from the chapter's equations.
 * Replace the TODO line with your code; `make check CH=7` tests it. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

void rmsprop_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("follow (7.5)-(7.7) one coordinate at a time, from g = gradient_with_decay(...); "
         "the buffers are v, then m (centered) and b (momentum)");
}
