/* Exercise 7.7 (chapter 7): Adadelta as torch.optim.Adadelta runs it.
 *
 * One step on theta[0..opt->dim) with the settings opt->hyper: (7.8), as
 * section "Adadelta: a step with the right units" writes it, from the
 * gradient with maximize and weight_decay (gradient_with_decay).  Keep v in
 * opt->buffer[0], u in opt->buffer[1] (zeros at the start).
 * Replace the TODO line with your code; `make check CH=7` tests it against
 * adadelta_kind on many random cases. */
#include "00-toolkit/exercise.h"
#include "07-adaptive/exercises.h"

#include <math.h>

void adadelta_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    (void)opt, (void)theta, (void)grad;
    TODO("(7.8) in the section's order: which of v and u does the step read before its "
         "update, and which after?");
}
