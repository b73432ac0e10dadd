/* network_complex.h: the complex step (5.5) of chapter 11's losses.
 *
 * The loss network_loss minimises, evaluated at a complex theta by the same
 * forward pass (forward_pass.h instantiated in double complex), and the
 * gradient it gives by the complex step of chapter 5,
 *     dL/dtheta_p = Im L(theta + ih e_p) / h,   h = COMPLEX_STEP = 1e-20,
 * one parameter at a time.  Nothing is subtracted, so no digit is lost to
 * cancellation, and the error term h^2 L'''/6 is far below rounding: the
 * result is the derivative to the rounding of the forward pass itself,
 * an independent check of backpropagation (network_gradient) to about the
 * last digits, where chapter 5's central difference stops near 1e-10.
 * It is slow (one forward pass over the batch per parameter, in complex
 * arithmetic): for tests and small examples only.
 */
#ifndef DESCENT_NETWORK_COMPLEX_H
#define DESCENT_NETWORK_COMPLEX_H

#include <complex.h>
#include <stddef.h>

#include "04-batches/regression.h"
#include "11-tiny-network/network.h"

/* network_loss of net at complex theta[0..network_dim): the mean over
 * batch[0..size) of data (batch NULL: every sample).  Its real part at a
 * real theta is network_loss's value, up to the rounding of the complex
 * exp, tanh and log1p. */
double complex network_loss_complex(const struct network *net, const double complex *theta,
                                    const struct dataset *data, const size_t *batch,
                                    size_t size);

/* grad[0..network_dim) <- Im network_loss_complex(theta + ih e_p) / h for
 * every parameter p, h = COMPLEX_STEP: the gradient of network_loss over
 * the same batch at the real theta, by the complex step. */
void network_complex_step(const struct network *net, double *grad, const double *theta,
                          const struct dataset *data, const size_t *batch, size_t size);

#endif
