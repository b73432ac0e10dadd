/* conditioning.h: chapter 3's condition numbers and worst-case rates.
 *
 * On f = 1/2 (x1^2 + kappa x2^2), exact line search from the worst start
 * x^(0) = (kappa, 1) multiplies f by exactly
 *     ((kappa - 1) / (kappa + 1))^2                                   (3.4)
 * at every step, and from any other start by at most that (Kantorovich's
 * inequality; Luenberger and Ye, "Linear and Nonlinear Programming", 4th
 * ed., section 8.6).  kappa = L / mu, the ratio of the largest to the
 * smallest curvature, is the condition number.
 */
#ifndef DESCENT_CONDITIONING_H
#define DESCENT_CONDITIONING_H

/* (3.4): the factor per step of f under exact line search, worst case,
 * for a condition number kappa >= 1 (the caller's guarantee). */
double kantorovich_rate(double kappa);

/* The number of exact line-search steps after which (3.4) has brought f
 * below reduction times its start: the least k with rate^k <= reduction
 * (1 when kappa = 1: the first step lands on the minimum).  The caller
 * guarantees kappa >= 1 and 0 < reduction < 1. */
long steps_to_reduce(double kappa, double reduction);

/* Exact line search (3.3) on 1/2 (x1^2 + kappa x2^2) from (kappa, 1) until
 * f <= reduction f(x^(0)); returns the steps it took, or max_steps when it
 * had not got there by then (the caller gives max_steps >= 1 and room). */
long measured_steps_to_reduce(double kappa, double reduction, long max_steps);

/* The eigenvalues low <= high of the symmetric matrix [[a, b], [b, d]]
 * (closed form of the 2x2 characteristic polynomial). */
void symmetric_2x2_eigenvalues(double a, double b, double d, double *low, double *high);

/* Rosenbrock's Hessian (a = 1, b = 100) at x[0..2): [[h11, h12], [h12, h22]],
 * differentiated by hand from functions.h's rosenbrock. */
void rosenbrock_hessian(const double *x, double *h11, double *h12, double *h22);

/* f(x) = x^2 sin x is convex on an interval only where f'' >= 0 there:
 * f''(x) = (2 - x^2) sin x + 4 x cos x is chapter 2's
 * x2sinx_second_derivative. */

#endif
