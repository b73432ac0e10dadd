/* noisy.h: SGD on the noisy quadratic of chapter 9.
 *
 * One coordinate, f(x) = mu x^2 / 2 (minimum f* = 0 at x* = 0), and a
 * gradient that is right on average but noisy: g = mu x + sigma xi with xi
 * standard normal (rng_normal).  An update with rate eta_k is
 *
 *     x^(k+1) = (1 - eta_k mu) x^(k) - eta_k sigma xi_k                 (9.1)
 *
 * so the mean square e_k = E[(x^(k))^2] follows, exactly,
 *
 *     e_(k+1) = (1 - eta_k mu)^2 e_k + eta_k^2 sigma^2                  (9.2)
 *
 * and the expected excess loss is E f(x^(k)) - f* = mu e_k / 2.
 */
#ifndef DESCENT_NOISY_H
#define DESCENT_NOISY_H

#include <stdint.h>

struct noisy_quadratic {
    double mu;          /* curvature, > 0 */
    double sigma;       /* noise of one gradient, >= 0 */
    double x0;          /* start */
};

/* The floor of a constant rate eta (0 < eta mu < 2): the fixed point of
 * (9.2) as an excess loss, eta sigma^2 / (2 (2 - eta mu)).  Equation (9.3). */
double noisy_floor(const struct noisy_quadratic *q, double eta);

/* excess[0..steps]: the expected excess loss mu e_k / 2 before update k
 * (excess[0] at the start), by the recursion (9.2), with rates eta[0..steps). */
void noisy_expected(const struct noisy_quadratic *q, const double *eta, long steps,
                    double *excess);

/* excess[0..steps]: one run of (9.1) with noise from seed, mu x_k^2 / 2:
 * noisy_draws, then noisy_runs. */
void noisy_sampled(const struct noisy_quadratic *q, const double *eta, long steps,
                   uint64_t seed, double *excess);

/* xi[0..steps): the noise of the run from seed, xi_k the standard normal
 * draw (rng_normal) of update k.  It does not depend on the rates: runs
 * with other schedules and the same seed share it. */
void noisy_draws(uint64_t seed, long steps, double *xi);

/* excess[j][0..steps] for j = 0..n-1 (n <= NOISY_RUNS_MAX, else fail with
 * status 1, a programming error): the runs (9.1)
 * with the rates eta[j][0..steps) and the draws xi[0..steps) given,
 * mu x_k^2 / 2.  They go update by update side by side: each run is a
 * chain of operations that wait for one another, and n chains at once
 * keep the processor busy where one would leave it waiting. */
#define NOISY_RUNS_MAX 8
void noisy_runs(const struct noisy_quadratic *q, const double *const *eta, int n, long steps,
                const double *xi, double *const *excess);

/* eta[k] = c / (k + k0) for k = 0..steps-1: the 1/k schedule behind (9.4)
 * (k0 >= 1). */
void rate_one_over_k(double *eta, long steps, double c, double k0);

/* The least-squares slope of log y[k] against log k over k = from..to
 * (1 <= from < to; every y[k] > 0): the exponent p of y ~ k^p. */
double log_log_slope(const double *y, long from, long to);

#endif
