/* landscape.h: where plain gradient descent gets stuck (chapter 10).
 *
 *   saddle   f = (x1^2 - x2^2)/2 (quadratic:1,-1): from (1, delta), x2
 *            grows by (1 + eta) per step, so |x2| reaches 1 after
 *            ceil(ln(1/delta) / ln(1 + eta)) steps                    (10.1)
 *            and from delta = 0 exactly it never moves, with or without
 *            momentum (the x2 gradient and the buffer stay exactly 0).
 *            (delta, not epsilon: the book's epsilon is --eps.)
 *   plateau  f = (phi(w) - 9/10)^2, phi the logistic sigmoid: from w = -10
 *            the gradient is below 1e-4, so the stopping rule
 *            ||grad f|| < 1e-4 stops a run at its start, far from the
 *            minimum at w = ln 9.
 *   basins   Himmelblau's four minima and three minima of x^2 sin x: which
 *            one a run from a start reaches.
 */
#ifndef DESCENT_LANDSCAPE_H
#define DESCENT_LANDSCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "00-toolkit/functions.h"

/* Steps of gradient descent (1.1) (rate eta) on the saddle from
 * (1, delta) until |x2| >= 1, or -1 if that takes more than max_steps.
 * With sigma > 0 each gradient gets noise sigma * rng_normal in both
 * coordinates (seed). */
long saddle_escape_steps(double delta, double eta, double sigma, uint64_t seed, long max_steps);

/* The same with SGD's momentum (chapter 6, torch.optim.SGD's buffer) at
 * rate lr and coefficient momentum; sigma and seed as above. */
long saddle_escape_momentum(double delta, double lr, double momentum, double sigma, uint64_t seed,
                            long max_steps);

/* (10.1): ceil(ln(1/delta) / ln(1 + eta)), for 0 < delta < 1. */
long saddle_escape_predicted(double delta, double eta);

/* The plateau as a book function of one weight, starting at -10. */
struct function plateau_function(void);

/* SGD (lr, momentum; chapter 6's optimizer) from x[0..f->dim) for steps
 * updates, x overwritten with the end point.  Returns false, and stops,
 * if a coordinate went non-finite or beyond 1e6 in size.  Once an update
 * leaves x and the momentum buffer bit for bit unchanged, the updates left
 * would repeat it: it stops there, at the same end point. */
bool descend(const struct function *f, double *x, double lr, double momentum, long steps);

/* The index 0..3 of the minimum of Himmelblau (himmelblau_minima order)
 * that SGD (lr, momentum) reaches from (x1, x2) within steps, or -1. */
int himmelblau_basin(double x1, double x2, double lr, double momentum, long steps);

/* Himmelblau's minima, all with f = 0: (3, 2) and three without closed form. */
extern const double himmelblau_minima[4][2];

/* The minima of x^2 sin x between its maxima at -11.17 and 8.10, lowest
 * first: -8.096 (f = -63.6), -2.289 (f = -3.945), 5.087 (f = -24.08);
 * each solves tan x = -x/2 (chapter 2). */
extern const double x2sinx_minima[3];

/* The index 0..2 of the minimum of x^2 sin x that SGD (lr, momentum)
 * reaches from x0 within steps (within 1e-3), or -1 (another minimum, or
 * none yet: a run from just above 0 creeps over the flat inflection). */
int x2sinx_basin(double x0, double lr, double momentum, long steps);

#endif
