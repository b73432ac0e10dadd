/* noisy.c: the noisy quadratic of chapter 9, equations (9.1), (9.2), (9.3). */
#include "09-schedules/noisy.h"

#include <math.h>
#include <stdlib.h>

#include "00-toolkit/fail.h"
#include "00-toolkit/rng.h"

double noisy_floor(const struct noisy_quadratic *q, double eta)
{
    return eta * q->sigma * q->sigma / (2.0 * (2.0 - eta * q->mu));
}

void noisy_expected(const struct noisy_quadratic *q, const double *eta, long steps,
                    double *excess)
{
    double e = q->x0 * q->x0;
    excess[0] = q->mu * e / 2.0;
    for (long k = 0; k < steps; k++) {
        double shrink = 1.0 - eta[k] * q->mu;
        e = shrink * shrink * e + eta[k] * eta[k] * q->sigma * q->sigma;   /* (9.2) */
        excess[k + 1] = q->mu * e / 2.0;
    }
}

void noisy_draws(uint64_t seed, long steps, double *xi)
{
    struct rng rng;
    rng_seed(&rng, seed);
    for (long k = 0; k < steps; k++)
        xi[k] = rng_normal(&rng);
}

void noisy_runs(const struct noisy_quadratic *q, const double *const *eta, int n, long steps,
                const double *xi, double *const *excess)
{
    double x[NOISY_RUNS_MAX];
    if (n > NOISY_RUNS_MAX)
        fail(1, "noisy_runs: at most %d runs side by side, not %d", NOISY_RUNS_MAX, n);
    for (int j = 0; j < n; j++) {
        x[j] = q->x0;
        excess[j][0] = q->mu * x[j] * x[j] / 2.0;
    }
    for (long k = 0; k < steps; k++)
        for (int j = 0; j < n; j++) {
            double g = q->mu * x[j] + q->sigma * xi[k];
            x[j] -= eta[j][k] * g;                                         /* (9.1) */
            excess[j][k + 1] = q->mu * x[j] * x[j] / 2.0;
        }
}

void noisy_sampled(const struct noisy_quadratic *q, const double *eta, long steps,
                   uint64_t seed, double *excess)
{
    double *xi = xcalloc(steps > 0 ? (size_t)steps : 1, sizeof *xi);
    noisy_draws(seed, steps, xi);
    noisy_runs(q, &eta, 1, steps, xi, &excess);
    free(xi);
}

void rate_one_over_k(double *eta, long steps, double c, double k0)
{
    for (long k = 0; k < steps; k++)
        eta[k] = c / ((double)k + k0);
}

double log_log_slope(const double *y, long from, long to)
{
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (long k = from; k <= to; k++) {
        double u = log((double)k), v = log(y[k]);
        n += 1; sx += u; sy += v; sxx += u * u; sxy += u * v;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}
