/* Exercise 4.7 (chapter 4): one epoch of mini-batch gradient descent.
 * epoch_start(epoch) begins it (reshuffling when epoch->shuffle);
 * epoch_next_batch(epoch, &batch) returns the next batch's size, 0 at the
 * end; grad is scratch of regression_dim(model) entries; the step is
 * gd_step (01-update-rule/gd.h).  Return the number of updates.
 * Replace the TODO line with your code; `make check CH=4` tests it against
 * minibatch_epoch. */
#include "00-toolkit/exercise.h"
#include "01-update-rule/gd.h"
#include "04-batches/exercises.h"

long minibatch_epoch_yours(const struct regression *model, double *theta, double *grad,
                           struct epoch *epoch, double eta)
{
    (void)model, (void)theta, (void)grad, (void)epoch, (void)eta;
    TODO("an epoch is one pass over the batches with one update per batch: at which theta "
         "is each batch's gradient taken?");
    return 0;
}
