/* learning_rate.h: chapter 2's prediction of what a learning rate does.
 *
 * Near a minimum x* a smooth f is a quadratic with curvature h = f''(x*),
 * and one step of (1.1) multiplies the distance to x* by r = 1 - eta h:
 *     x_{k+1} - x* ~ (1 - eta h) (x_k - x*)                          (2.1)
 * so q = eta h alone says what happens:
 *     0 < q < 1   r in (0, 1): a monotone crawl
 *         q = 1   r = 0: there in one step (exactly, for a quadratic)
 *     1 < q < 2   r in (-1, 0): overshoots, oscillates, converges
 *         q = 2   r = -1: bounces between two points for ever
 *         q > 2   |r| > 1: every step lands further away
 * In several dimensions each curvature (eigenvalue of the Hessian) has its
 * own r, and all must satisfy |r| < 1: eta < 2 / L, L the largest.   (2.2)
 */
#ifndef DESCENT_LEARNING_RATE_H
#define DESCENT_LEARNING_RATE_H

#include <stdio.h>

enum regime {
    REGIME_NOT_A_MINIMUM,   /* eta h <= 0: no valley to settle in */
    REGIME_CRAWL,
    REGIME_ONE_STEP,
    REGIME_OSCILLATE,
    REGIME_BOUNCE,
    REGIME_DIVERGE,
};

/* The regime of q = eta * curvature, as (2.1) and the table above say;
 * q = 1 and q = 2 only when the product rounds to them exactly.  A NaN q
 * gives REGIME_DIVERGE (no comparison holds). */
enum regime regime_of(double eta, double curvature);

/* A few words for tables: "monotone crawl", ... (a static string; "?"
 * for a value outside the enum). */
const char *regime_name(enum regime regime);

/* f(x) = x^2 sin x (chapter 2's running example, functions.h's x2sinx):
 * f'' and f''' in closed form. */
double x2sinx_second_derivative(double x);
double x2sinx_third_derivative(double x);

/* The local minimum of x^2 sin x nearest guess, by Newton's method on
 * f'(x) = 0 (it satisfies tan x = -x/2): at most 100 steps, until a step
 * is within 1e-15 relative.  Nothing is checked: Newton finds any point
 * where f' = 0, so the caller gives a guess near a minimum (5 in the
 * chapters, for x* = 5.087). */
double x2sinx_local_minimum(double guess);

/* The chapter's runs of x^2 sin x: gradient descent (chapter 1's loop,
 * gradient_descent) from x0 = 3 with learning rate eta for steps updates,
 * no stopping rule (a diverging run ends at its last finite iterate).
 * Writes every row (step,loss,x1) to trace unless it is NULL, so the
 * figures and the tests see the very same run.  Returns the last finite
 * iterate. */
double x2sinx_descent(double eta, long steps, FILE *trace);

#endif
