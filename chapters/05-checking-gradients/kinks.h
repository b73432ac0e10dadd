/* kinks.h: where a gradient check must fail, and why.
 *
 * |x| and ReLU(x) = max(0, x) have no derivative at 0.  Autograd picks a
 * value there (PyTorch: 0 for both, sign(0) = 0 and relu'(0) = 0); the
 * central difference (5.2) straddles the kink whenever |x| < h and returns
 * an average of the two slopes instead.  The complex step needs code that
 * is analytic in x: cabs(x + ih) = sqrt(x^2 + h^2) is real, so its
 * "derivative" is 0 everywhere.
 */
#ifndef DESCENT_KINKS_H
#define DESCENT_KINKS_H

#include <complex.h>
#include <stdio.h>

/* |x| and max(0, x). */
double abs_value(double x);
double relu(double x);

/* The derivatives autograd reports, 0 at the kink. */
double abs_derivative(double x);
double relu_derivative(double x);

/* |z| written two ways: cabs (not analytic), and by the sign of the real
 * part, -z or z (analytic away from 0): the complex step works only with
 * the second. */
double complex abs_cabs(double complex z);
double complex abs_by_sign(double complex z);

/* The chapter's table: r (5.7) of each derivative against (5.2) with
 * h = gradcheck_step(x) at x = 1, 1e-5, 1e-6, 0, -1e-6; then the complex
 * step of |x| at x = 1 both ways. */
void kinks_report(FILE *out);

#endif
