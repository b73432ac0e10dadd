/* variants.h: Adam as it is not used, for comparison (chapter 8).
 *
 * adam_uncorrected_kind: Adam without bias correction, m / (sqrt(v) + eps).
 * adam_paper_form_kind: Kingma & Ba's "more efficient" ordering, with the
 *   corrections folded into the step size and eps added to the raw sqrt(v),
 *   which is how TensorFlow's Adam places its epsilon-hat.
 * Both take lr, betas and eps only, with Adam's defaults.
 */
#ifndef DESCENT_VARIANTS_H
#define DESCENT_VARIANTS_H

#include "00-toolkit/optimizer.h"

extern const struct optimizer_kind adam_uncorrected_kind;
extern const struct optimizer_kind adam_paper_form_kind;

/* Their steps, theta[0..opt->dim) from grad[0..dim): (8.1), (8.2), (8.4)
 * without (8.3); and Kingma and Ba's Algorithm 1 with the reordering of
 * their section 2 (chapter 8, "Where eps goes").  buffer[0] is m,
 * buffer[1] v.  No check, as adam_step. */
void adam_uncorrected_step(struct optimizer *opt, double *theta, const double *grad);
void adam_paper_form_step(struct optimizer *opt, double *theta, const double *grad);

#endif
