/* Exercise 7.6 (chapter 7): Adagrad as torch.optim.Adagrad runs it.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper: (7.2),
 * with lr_decay and initial_accumulator_value as section "Adagrad: divide
 * by the gradient's history" says PyTorch takes them, from the gradient
 * with maximize and weight_decay (gradient_with_decay in
 * 00-toolkit/optimizer.h, as SGD takes it).  opt->step_count is 1 on the
 * first step.  Keep the sum in opt->buffer[0] (zeros before the first
 * step).
 * Replace the TODO line with your code; `make check CH=7` tests it against
 * adagrad_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

void adagrad_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("(7.2) per coordinate: does the step divide by the sum before or after this g "
         "joins it? What does the sum hold before step 1 adds to it?");
}
