/* rates.h: how fast SGD with momentum converges on a quadratic, predicted
 * and measured.
 *
 * On f = 1/2 sum lambda_i x_i^2 every coordinate moves on its own, and the
 * pair (x^(k), x^(k-1)) of one coordinate is multiplied by a fixed 2x2 matrix
 * at every step (equation 6.4 of the chapter).  The error shrinks like r^k,
 * where r, the rate, is the largest |root| of that matrix's characteristic
 * polynomial z^2 - trace z + det, over all coordinates.  The theory here
 * gives r in closed form; measure_rate runs sgd_kind (the lab's optimizer)
 * and reads r off the run.  Not covered: maximize (it climbs away).
 */
#ifndef DESCENT_RATES_H
#define DESCENT_RATES_H

#include <stdbool.h>

#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"

enum roots {
    ROOTS_REAL,         /* two different real roots: error ~ r^k */
    ROOTS_REPEATED,     /* one double root: error ~ k r^k */
    ROOTS_COMPLEX,      /* a conjugate pair: error ~ r^k cos(k theta + phi) */
};

struct rate {
    double radius;      /* r: the largest |root| */
    enum roots roots;   /* the kind of roots that give it */
};

/* The largest |z| with z^2 - trace z + det = 0, and the kind of roots (a
 * discriminant within rounding of 0 counts as a double root). */
struct rate rate_of_2x2(double trace, double det);

/* The rate of SGD (lr, momentum, dampening, nesterov, weight_decay of h)
 * along one direction of curvature lambda (weight_decay adds to it):
 * without momentum |1 - lr lambda|, (6.2); heavy ball, the roots of (6.5);
 * Nesterov, of (6.8); dampening scales q by (1 - dampening). */
struct rate sgd_rate(const struct hyper *h, double lambda);

/* The slowest direction of a quadratic f (f->param as the curvatures): the
 * rate of the whole run; at equal radii a repeated root wins. */
struct rate sgd_rate_on_quadratic(const struct hyper *h, const struct function *f);

/* Plain gradient descent's best step 2 / (mu + L), (6.3), and heavy
 * ball's best pair lr = (2 / (sqrt mu + sqrt L))^2, beta = ((sqrt k - 1)/(sqrt k + 1))^2
 * with k = L / mu (6.7; Polyak 1964). */
double gd_best_lr(double mu, double L);
void heavy_ball_best(double mu, double L, double *lr, double *beta);

struct measurement {
    double rate;        /* (e_to / e_from)^(1 / (to - from)) */
    long diverged_at;   /* 0, or the step at which a value stopped being finite */
    bool underflow;     /* e_from was 0 or e_to fell below 1e-280: too fast to measure */
};

/* Run sgd_kind with h on the quadratic f from f->start for `to` steps
 * (0 <= from < to, the caller's guarantee) and
 * measure the contraction per step between steps from and to, using the
 * size of the state e_k = sqrt(|x^(k)|^2 + |x^(k-1)|^2) (the minimum is 0). */
struct measurement measure_rate(const struct function *f, const struct hyper *h,
                                long from, long to);

#endif
