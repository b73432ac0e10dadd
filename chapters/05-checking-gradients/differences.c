/* differences.c: finite differences and the complex step (differences.h). */
#include "05-checking-gradients/differences.h"
#include "00-toolkit/rng.h"

#include <math.h>

/* ANCHOR: differences */
/* (5.1): one-sided, the truncation error is h f''/2 + O(h^2). */
double forward_difference(real_function f, double x, double h)
{
    return (f(x + h) - f(x)) / h;
}

/* (5.2): the h^2 terms of f(x + h) and f(x - h) cancel, the error is
 * h^2 f'''/6 + O(h^4). */
double central_difference(real_function f, double x, double h)
{
    return (f(x + h) - f(x - h)) / (2.0 * h);
}

/* (5.5): f(x + ih) = f(x) + ih f'(x) - h^2 f''(x)/2 - ih^3 f'''(x)/6 + ...,
 * so the imaginary part over h is f'(x) - h^2 f'''/6: no subtraction of
 * nearly equal numbers, so h can be as small as we like. */
double complex_step(complex_function f, double x, double h)
{
    return cimag(f(complex_of(x, h))) / h;
}
/* ANCHOR_END: differences */

double best_forward_step(double f, double f2)
{
    return sqrt(2.0 * EPS_MACH * fabs(f) / fabs(f2));
}

double best_central_step(double f, double f3)
{
    return cbrt(3.0 * EPS_MACH * fabs(f) / fabs(f3));
}

static double complex exp_complex(double complex z)
{
    return cexp(z);
}

void error_curve(struct error_curve *curve, real_function f, complex_function fc,
                 real_function derivative, size_t count, unsigned long long seed)
{
    for (int k = 0; k < EXP_CURVE_STEPS; k++) {
        double h = pow(10.0, -k / 10.0);
        struct rng rng;
        rng_seed(&rng, seed);
        curve->h[k] = h;
        curve->forward[k] = curve->central[k] = curve->complex_step[k] = 0.0;
        for (size_t i = 0; i < count; i++) {
            double x = rng_uniform(&rng), exact = fabs(derivative(x));
            curve->forward[k] += fabs(forward_difference(f, x, h) - derivative(x)) / exact;
            curve->central[k] += fabs(central_difference(f, x, h) - derivative(x)) / exact;
            curve->complex_step[k] += fabs(complex_step(fc, x, h) - derivative(x)) / exact;
        }
        curve->forward[k] /= (double)count;
        curve->central[k] /= (double)count;
        curve->complex_step[k] /= (double)count;
    }
}

void exp_error_curve(struct error_curve *curve, size_t count, unsigned long long seed)
{
    error_curve(curve, exp, exp_complex, exp, count, seed);
}

double curve_best_step(const struct error_curve *curve, const double *errors)
{
    int best = 0;
    for (int k = 1; k < EXP_CURVE_STEPS; k++)
        if (errors[k] < errors[best])
            best = k;
    return curve->h[best];
}

static int nearest_step(const struct error_curve *curve, double h)
{
    int best = 0;
    for (int k = 1; k < EXP_CURVE_STEPS; k++)
        if (fabs(log10(curve->h[k] / h)) < fabs(log10(curve->h[best] / h)))
            best = k;
    return best;
}

double curve_slope(const struct error_curve *curve, const double *errors, double h_low)
{
    int low = nearest_step(curve, h_low), high = nearest_step(curve, 10.0 * h_low);
    return log10(errors[high] / errors[low]) / log10(curve->h[high] / curve->h[low]);
}

double forward_bound(double h)
{
    return h / 2.0 + EPS_MACH / h;
}

double central_bound(double h)
{
    return h * h / 6.0 + EPS_MACH / h;
}

double complex_step_bound(double h)
{
    return h * h / 6.0;
}

static double smallest(const double *errors)
{
    double least = errors[0];
    for (int k = 1; k < EXP_CURVE_STEPS; k++)
        least = fmin(least, errors[k]);
    return least;
}

void error_curve_report(FILE *out)
{
    static struct error_curve curve;
    double forward_h, central_h;
    exp_error_curve(&curve, CURVE_POINTS, CURVE_SEED);
    forward_h = curve_best_step(&curve, curve.forward);
    central_h = curve_best_step(&curve, curve.central);
    fprintf(out, "f = exp: relative error of f'(x), the mean over %d points x in [0, 1)\n",
            CURVE_POINTS);
    fprintf(out, "%7s  %9s  %9s  %12s\n", "h", "forward", "central", "complex step");
    for (int k = 0; k < EXP_CURVE_STEPS; k += 20)
        fprintf(out, "%7.0e  %9.1e  %9.1e  %12.1e\n", curve.h[k], curve.forward[k],
                curve.central[k], curve.complex_step[k]);
    fprintf(out, "\n%-8s  %-22s  %8s  %-24s  %8s\n", "", "best h predicted", "measured",
            "smallest error: bound", "measured");
    fprintf(out, "%-8s  sqrt(2 eps)   = %7.1e  %8.1e  sqrt(2 eps)       = %7.1e  %8.1e\n",
            "forward", best_forward_step(1.0, 1.0), forward_h, sqrt(2.0 * EPS_MACH),
            smallest(curve.forward));
    fprintf(out, "%-8s  cbrt(3 eps)   = %7.1e  %8.1e  cbrt(3 eps)^2 / 2 = %7.1e  %8.1e\n",
            "central", best_central_step(1.0, 1.0), central_h,
            pow(best_central_step(1.0, 1.0), 2.0) / 2.0, smallest(curve.central));
    fprintf(out, "\nslopes over a decade: forward %.2f (h 1e-3..1e-2), %.2f (h 1e-13..1e-12);\n"
            "                      central %.2f (h 1e-3..1e-2), %.2f (h 1e-13..1e-12)\n",
            curve_slope(&curve, curve.forward, 1e-3), curve_slope(&curve, curve.forward, 1e-13),
            curve_slope(&curve, curve.central, 1e-3), curve_slope(&curve, curve.central, 1e-13));
}

void error_curve_csv(FILE *out)
{
    static struct error_curve curve;
    exp_error_curve(&curve, CURVE_POINTS, CURVE_SEED);
    fprintf(out, "h,forward,central,complex_step,forward_bound,central_bound,complex_step_bound\n");
    for (int k = 0; k < EXP_CURVE_STEPS; k++)
        fprintf(out, "%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", curve.h[k], curve.forward[k],
                curve.central[k], curve.complex_step[k], forward_bound(curve.h[k]),
                central_bound(curve.h[k]), complex_step_bound(curve.h[k]));
}
