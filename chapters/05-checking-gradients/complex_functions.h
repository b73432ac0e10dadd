/* complex_functions.h: the book's objectives in complex arithmetic, for
 * the complex step (5.5).
 *
 * The complex step needs f evaluated at x + ih e_i, so each objective's
 * value is written once more with double complex in place of double: the
 * same formula, line for line, as chapters/00-toolkit/functions.c and
 * chapters/04-batches/regression.c (only values; the gradients are what
 * is being checked).  A copy can drift from its original, so the tests
 * check that each one equals the real function on the real axis, bit for
 * bit, at random points.
 */
#ifndef DESCENT_COMPLEX_FUNCTIONS_H
#define DESCENT_COMPLEX_FUNCTIONS_H

#include <complex.h>
#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/functions.h"
#include "04-batches/regression.h"

/* The complex step of the book: tiny enough that the h^2 f'''/6 of (5.5)
 * is far below rounding for every objective here. */
#define COMPLEX_STEP 1e-20

/* Is there a complex version of f (every built-in function has one)? */
bool has_complex_value(const struct function *f);

/* f at z[0..f->dim); a function without a complex version is a usage
 * error (exit 2, "no complex version of NAME"). */
double complex function_value_complex(const struct function *f, const double complex *z);

/* grad[i] <- Im f(x + ih e_i) / h with h = COMPLEX_STEP, i < f->dim: the
 * complex step (5.5) per coordinate; errors as function_value_complex. */
void function_complex_step(const struct function *f, double *grad, const double *x);

/* mse_loss over all samples at complex theta (regression_dim entries). */
double complex mse_loss_complex(const struct regression *model, const double complex *theta);

/* grad[0..regression_dim) <- the complex step (5.5) of mse_loss over all
 * samples at theta[0..regression_dim). */
void mse_complex_step(const struct regression *model, double *grad, const double *theta);

#endif
