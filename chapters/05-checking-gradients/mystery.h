/* mystery.h: a gradient routine with one injected bug, for exercise 5.4.
 *
 *     f(x) = x1^2 x2 + x2 x3^3 + exp(x1 x3)
 *
 * mystery_gradient claims to be its gradient; one of its three lines is
 * wrong.  The gradient check finds which coordinate; reading that line
 * finds the term.
 */
#ifndef DESCENT_MYSTERY_H
#define DESCENT_MYSTERY_H

#include "05-checking-gradients/gradcheck.h"

/* f and the claimed grad[0..3) at x[0..3); context is unused (NULL). */
double mystery_value(const void *context, const double *x);
void mystery_gradient(const void *context, double *grad, const double *x);

/* The pair as a three-coordinate objective. */
struct checked mystery_checked(void);

#endif
