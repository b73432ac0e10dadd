/* differences.h: derivatives measured from values, and how wrong they are.
 *
 * Three estimates of f'(x) for a one-dimensional f, all from chapter 5:
 *     forward       (f(x + h) - f(x)) / h             error ~ h f''/2      (5.1)
 *     central       (f(x + h) - f(x - h)) / (2h)      error ~ h^2 f'''/6   (5.2)
 *     complex step  Im f(x + ih) / h                  error ~ h^2 f'''/6,
 *                                                     no subtraction       (5.5)
 * The first two lose about eps_mach |f| / h to rounding, because they
 * subtract two nearly equal values; the complex step subtracts nothing
 * (Squire and Trapp, "Using complex variables to estimate derivatives of
 * real functions", SIAM Review 40, 1998).  The complex step needs C99's
 * complex numbers, an optional feature in C11 (__STDC_NO_COMPLEX__).
 */
#ifndef DESCENT_DIFFERENCES_H
#define DESCENT_DIFFERENCES_H

#ifdef __STDC_NO_COMPLEX__
#error "chapter 5's complex step needs <complex.h>, which this compiler does not offer"
#endif
#include <complex.h>
#include <stddef.h>
#include <stdio.h>

/* x + iy.  C11's CMPLX(x, y) says this, but glibc defines it only for
 * gcc (with __builtin_complex): under clang it is missing.  A complex
 * number is stored as an array of its two parts (C11 6.2.5p13), which
 * every compiler accepts.  (x + y * I would also do for finite y.) */
static inline double complex complex_of(double x, double y)
{
    double complex z;
    double *parts = (double *)&z;
    parts[0] = x;
    parts[1] = y;
    return z;
}

/* A real function of one variable, and the same formula in complex
 * arithmetic (which must agree with it on the real axis). */
typedef double (*real_function)(double x);
typedef double complex (*complex_function)(double complex z);

/* (5.1), (5.2), (5.5): estimates of f'(x) with step h > 0 (in x's units;
 * the caller's guarantee: h = 0 divides by zero). */
double forward_difference(real_function f, double x, double h);
double central_difference(real_function f, double x, double h);
double complex_step(complex_function f, double x, double h);

/* Machine epsilon of double, 2^-52, the gap between 1 and the next double. */
#define EPS_MACH 0x1p-52

/* The step that minimises the bound h |f''|/2 + eps |f|/h of (5.3):
 * sqrt(2 eps |f| / |f''|). */
double best_forward_step(double f, double f2);

/* The step that minimises h^2 |f'''|/6 + eps |f|/h of (5.4):
 * cbrt(3 eps |f| / |f'''|); the bound there is h^2 |f'''| / 2. */
double best_central_step(double f, double f3);

/* An error curve: for each step h[k] = 10^(-k/10), k = 0..EXP_CURVE_STEPS-1
 * (1 down to 1e-20), the mean over count points x (uniform on [0, 1), from
 * rng.h seeded with seed) of the relative error |estimate - f'(x)| / |f'(x)|
 * of each estimate.  f and fc are the same function in real and complex
 * arithmetic, derivative its exact f'. */
#define EXP_CURVE_STEPS 201
struct error_curve {
    double h[EXP_CURVE_STEPS];
    double forward[EXP_CURVE_STEPS];
    double central[EXP_CURVE_STEPS];
    double complex_step[EXP_CURVE_STEPS];
};
void error_curve(struct error_curve *curve, real_function f, complex_function fc,
                 real_function derivative, size_t count, unsigned long long seed);

/* The chapter's curve: f = exp, whose derivative is f itself. */
void exp_error_curve(struct error_curve *curve, size_t count, unsigned long long seed);

/* The step of the curve's grid with the smallest error in
 * errors[0..EXP_CURVE_STEPS) (one of curve's three columns). */
double curve_best_step(const struct error_curve *curve, const double *errors);

/* The slope of log10(error) against log10(h) between the steps nearest
 * h_low and 10 h_low: a decade of the curve. */
double curve_slope(const struct error_curve *curve, const double *errors, double h_low);

/* The bounds of (5.3) and (5.4) for f = exp, relative to f' = exp x:
 * h/2 + eps/h and h^2/6 + eps/h; the complex step's h^2/6. */
double forward_bound(double h);
double central_bound(double h);
double complex_step_bound(double h);

/* The chapter's table: the curve of exp_error_curve(64 points, seed 5) at
 * every decade of h, then the best steps predicted and measured. */
#define CURVE_POINTS 64
#define CURVE_SEED 5
void error_curve_report(FILE *out);

/* The curve as CSV: h,forward,central,complex_step and the three bounds. */
void error_curve_csv(FILE *out);

#endif
