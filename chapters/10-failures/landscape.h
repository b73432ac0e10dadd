/* landscape.h: where plain gradient descent gets stuck (chapter 10).
 *
 *   saddle   f = (x1^2 - x2^2)/2 (quadratic:1,-1): from (1, eps), x2 grows
 *            by (1 + eta) per step, so |x2| reaches 1 after
 *            ceil(ln(1/eps) / ln(1 + eta)) steps                      (10.1)
 *            and from eps = 0 exactly it never moves.
 *   plateau  f = (sigmoid(w) - 9/10)^2: from w = -10 the gradient is
 *            below 1e-4, so the stopping rule ||grad f|| < 1e-4 stops a
 *            run at its start, far from the minimum at w = ln 9.
 *   basins   Himmelblau's four minima: which one a run from a start reaches.
 */
#ifndef DESCENT_LANDSCAPE_H
#define DESCENT_LANDSCAPE_H

#include <stdint.h>

#include "00-toolkit/functions.h"

/* Steps of gradient descent (rate eta) on the saddle from (1, eps) until
 * |x2| >= 1, or -1 if that takes more than max_steps.  With sigma > 0 each
 * gradient gets noise sigma * rng_normal in both coordinates (seed). */
long saddle_escape_steps(double eps, double eta, double sigma, uint64_t seed, long max_steps);

/* (10.1): ceil(ln(1/eps) / ln(1 + eta)), for 0 < eps < 1. */
long saddle_escape_predicted(double eps, double eta);

/* The plateau as a book function of one weight, starting at -10. */
struct function plateau_function(void);

/* The index 0..3 of the minimum of Himmelblau (himmelblau_minima order)
 * that SGD (lr, momentum) reaches from (x1, x2) within steps, or -1. */
int himmelblau_basin(double x1, double x2, double lr, double momentum, long steps);

/* Himmelblau's minima, all with f = 0: (3, 2) and three without closed form. */
extern const double himmelblau_minima[4][2];

#endif
