/* rates.c: the rate theory of chapter 6 and its measurement (see rates.h). */
#include "06-momentum/rates.h"
#include "06-momentum/sgd.h"
#include "00-toolkit/csv.h"

#include <float.h>
#include <math.h>

/* ANCHOR: radius */
struct rate rate_of_2x2(double trace, double det)
{
    double discriminant = trace * trace - 4.0 * det;
    /* A double root computed in floating point lands a few ulps either
     * side of zero: call it repeated within that rounding. */
    double rounding = 64.0 * DBL_EPSILON * (trace * trace + 4.0 * fabs(det));
    struct rate r;
    if (fabs(discriminant) <= rounding) {
        r.roots = ROOTS_REPEATED;
        r.radius = fabs(trace) / 2.0;
    } else if (discriminant > 0.0) {
        r.roots = ROOTS_REAL;                         /* (|t| + sqrt(t^2 - 4d)) / 2 */
        r.radius = (fabs(trace) + sqrt(discriminant)) / 2.0;
    } else {
        r.roots = ROOTS_COMPLEX;                      /* |z|^2 = z conj(z) = det */
        r.radius = sqrt(det);
    }
    return r;
}
/* ANCHOR_END: radius */

/* ANCHOR: sgd_rate */
struct rate sgd_rate(const struct hyper *h, double lambda)
{
    double curvature = lambda + h->weight_decay;      /* weight decay adds to lambda */
    double step = h->lr * curvature;                  /* q = eta lambda in the text */
    double beta = h->momentum, kept = 1.0 - h->dampening;
    if (beta == 0.0)
        return (struct rate){fabs(1.0 - step), ROOTS_REAL};        /* (6.2) */
    if (h->nesterov)                                                /* (6.8) */
        return rate_of_2x2(1.0 + beta - step * (1.0 + beta * kept), beta * (1.0 - step));
    return rate_of_2x2(1.0 + beta - kept * step, beta);             /* (6.5) */
}
/* ANCHOR_END: sgd_rate */

struct rate sgd_rate_on_quadratic(const struct hyper *h, const struct function *f)
{
    struct rate slowest = {0.0, ROOTS_REAL};
    for (size_t i = 0; i < f->dim; i++) {
        struct rate r = sgd_rate(h, f->param[i]);
        /* Equal radii: report the repeated root, whose k r^k is the slower. */
        if (r.radius > slowest.radius ||
            (r.radius == slowest.radius && r.roots == ROOTS_REPEATED))
            slowest = r;
    }
    return slowest;
}

double gd_best_lr(double mu, double L)
{
    return 2.0 / (mu + L);
}

void heavy_ball_best(double mu, double L, double *lr, double *beta)
{
    double root_kappa = sqrt(L / mu);
    double half = 2.0 / (sqrt(mu) + sqrt(L));
    double rate = (root_kappa - 1.0) / (root_kappa + 1.0);
    *lr = half * half;
    *beta = rate * rate;
}

/* sqrt(|x|^2 + |previous|^2), scaled by the largest entry so that neither
 * 1e-200 nor 1e200 squared leaves the range of a double. */
static double state_size(const double *x, const double *previous, size_t dim)
{
    double largest = 0.0, sum = 0.0;
    for (size_t i = 0; i < dim; i++)
        largest = fmax(largest, fmax(fabs(x[i]), fabs(previous[i])));
    if (largest == 0.0)
        return 0.0;
    for (size_t i = 0; i < dim; i++) {
        double a = x[i] / largest, b = previous[i] / largest;
        sum += a * a + b * b;
    }
    return largest * sqrt(sum);
}

/* ANCHOR: measure */
struct measurement measure_rate(const struct function *f, const struct hyper *h,
                                long from, long to)
{
    double x[FUNCTION_MAX_DIM], previous[FUNCTION_MAX_DIM], grad[FUNCTION_MAX_DIM];
    double size_from = 0.0, size_to = 0.0;
    struct measurement m = {0.0, 0, false};
    struct optimizer opt;

    optimizer_init(&opt, &sgd_kind, h, f->dim);
    for (size_t i = 0; i < f->dim; i++)
        x[i] = previous[i] = f->start[i];
    for (long k = 1; k <= to; k++) {
        for (size_t i = 0; i < f->dim; i++)
            previous[i] = x[i];
        f->gradient(f, grad, x);
        optimizer_step(&opt, x, grad);
        if (!row_is_finite(0.0, x, f->dim)) {
            m.diverged_at = k;
            break;
        }
        if (k == from)
            size_from = state_size(x, previous, f->dim);
        if (k == to)
            size_to = state_size(x, previous, f->dim);
    }
    optimizer_free(&opt);
    /* An error that is exactly 0 by step `from` (every direction with
     * q = 1) leaves no ratio to take: report it as too fast to measure. */
    m.underflow = m.diverged_at == 0 && !(size_from > 0.0 && size_to >= 1e-280);
    if (m.diverged_at == 0 && size_from > 0.0) {
        m.rate = pow(size_to / size_from, 1.0 / (double)(to - from));
        if (!isfinite(m.rate))            /* grew past 1e308 between from and to */
            m.diverged_at = to;
    }
    return m;
}
/* ANCHOR_END: measure */
