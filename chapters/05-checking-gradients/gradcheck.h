/* gradcheck.h: does a gradient routine compute the gradient of its loss?
 *
 * The check of chapter 5, for any objective of dim coordinates given as a
 * value and a claimed gradient: at a point x, every coordinate i of the
 * claimed gradient g is compared with the central difference (5.2)
 *     n_i = (f(x + h_i e_i) - f(x - h_i e_i)) / (2 h_i),
 *     h_i = cbrt(eps_mach) max(1, |x_i|),                              (5.6)
 * by the relative error with a floor,
 *     r_i = |g_i - n_i| / max(|g_i|, |n_i|, floor),                    (5.7)
 * and the worst coordinate is reported.  r = 2 means opposite signs, r near
 * 1 - 1/c a factor c, r ~ 1e-10 agreement to the central difference's own
 * accuracy.  torch.autograd.gradcheck (torch/autograd/gradcheck.py) does
 * the same comparison with eps = 1e-6 and the test |g - n| <= atol +
 * rtol |n|, atol = 1e-5, rtol = 1e-3.  Chapters 10, 11 and the lab's
 * --gradcheck call gradcheck(); the book's own objectives are also checked
 * against the complex step (complex_functions.h), which has no rounding
 * loss at all.
 */
#ifndef DESCENT_GRADCHECK_H
#define DESCENT_GRADCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/functions.h"
#include "00-toolkit/rng.h"

/* An objective seen by the check: its value and the gradient it claims,
 * both at x[0..dim); context is passed back unchanged. */
struct checked {
    const void *context;
    size_t dim;
    double (*value)(const void *context, const double *x);
    void (*gradient)(const void *context, double *grad, const double *x);
};

/* A built-in function (functions.h) as a checked objective; f must outlive
 * the result. */
struct checked checked_function(const struct function *f);

/* The default floor of (5.7): gradients smaller than 1e-2 are compared by
 * their absolute difference, so a coordinate whose gradient is zero (at a
 * minimum, say) does not divide rounding noise by zero.  It is where
 * torch.autograd.gradcheck's test switches from absolute to relative:
 * atol / rtol = 1e-5 / 1e-3. */
#define GRADCHECK_FLOOR 1e-2

/* The verdicts of a relative error r of (5.7). */
#define GRADCHECK_PASS 1e-6     /* below: agrees with (5.2)'s own accuracy */
#define GRADCHECK_WRONG 1e-2    /* above: the formula is wrong */

/* (5.7): at most 2.  The caller gives floor > 0 (0 with two zeros would
 * be 0/0); a NaN in either value gives NaN. */
double relative_error(double analytic, double numeric, double floor);

/* (5.6): the step h_i for coordinate value xi (same units as xi). */
double gradcheck_step(double xi);

struct gradcheck_result {
    double worst;           /* the largest r_i of (5.7) */
    size_t coordinate;      /* ... at this coordinate (0-based) */
    double analytic;        /* g_i there */
    double numeric;         /* n_i there */
};

/* Check objective at x (dim entries, left unchanged on return) with 2 dim
 * calls of value and one of gradient; grad and numeric are scratch of dim
 * entries that receive g and n.  Returns the worst coordinate; a NaN r_i
 * counts as the worst (so it is reported, not hidden).  Exit 2 only when
 * memory runs out (fail.h). */
struct gradcheck_result gradcheck(const struct checked *objective, const double *x,
                                  double *grad, double *numeric, double floor);

/* The same at count >= 1 random points x = center + width (2u - 1) per
 * coordinate (u uniform from rng), with floor GRADCHECK_FLOOR: the worst
 * over all of them, with the
 * point where it happened copied into worst_x (dim entries) when not NULL.
 * Checking only at the start can miss a fault that vanishes there (a term
 * multiplied by x_i = 0, say). */
struct gradcheck_result gradcheck_random(const struct checked *objective, const double *center,
                                         double width, size_t count, struct rng *rng,
                                         double *worst_x);

/* "pass", "suspect" or "wrong" for r: below GRADCHECK_PASS, between,
 * above GRADCHECK_WRONG (NaN: "wrong"). */
const char *gradcheck_verdict(double r);

#endif
