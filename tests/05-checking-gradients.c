/* tests/05-checking-gradients.c: the claims of chapter 5.
 *
 * Tolerances.  The error curve is measured, not derived, so its tests
 * assert what the derivation predicts up to stated factors: a slope over a
 * decade of the truncation regime is 1 or 2 within 0.02 (the next Taylor
 * term changes it by about h/3 there); in the rounding regime it is -1
 * within 0.2 (the rounding errors are random: the mean of 64 of them still
 * wobbles); the best step is the predicted one within a factor 2 (the
 * prediction uses the worst-case rounding eps |f| / h, the measured mean is
 * smaller, which moves the optimum below the prediction).  Everything in
 * the specimen is a sum of 100 terms: relative 1e-9 covers its rounding.
 */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/rng.h"
#include "05-checking-gradients/book_gradients.h"
#include "05-checking-gradients/complex_functions.h"
#include "05-checking-gradients/differences.h"
#include "05-checking-gradients/gradcheck.h"
#include "05-checking-gradients/kinks.h"
#include "05-checking-gradients/mystery.h"
#include "05-checking-gradients/specimen.h"

#include <float.h>
#include <stdio.h>
#include <string.h>

static struct error_curve curve;

static void make_curve(void)
{
    exp_error_curve(&curve, CURVE_POINTS, CURVE_SEED);
}

/* A number as the text shows it. */
static const char *printed(const char *format, double x)
{
    static char text[64];
    snprintf(text, sizeof text, format, x);
    return text;
}

/* ---------------------------------------------------------- (5.1)-(5.4) */

static int close_to(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

/* The constants the derivations rest on, checked on exp at h = 1e-3,
 * where the next Taylor term is h^4/24 ~ 4e-14 (relative 1e-3 is ample):
 * exp(h) = 1 + h + h^2/2 + h^3/6 + ...; Im exp(ih)/h = sin(h)/h =
 * 1 - h^2/6 + ...; at the best steps the bounds (5.3), (5.4) are
 * sqrt(2 eps) and h*^2/2, with truncation and rounding in the ratio 1 to 1
 * (forward) and 1 to 2 (central). */
START_TEST(derivation_constants)
{
    double h = 1e-3, forward = best_forward_step(1, 1), central = best_central_step(1, 1);
    const double three = 3;                 /* the 3 eps of (5.4)'s h* */
    ck_assert_msg(nextafter(1.0, 2.0) - 1 == EPS_MACH, "eps is %s", "2^-52");
    ck_assert_double_eq(creal(I * I), -1);
    /* a double holds sixteen significant digits: eps = 2^-52 is 10^-15.65 */
    ck_assert_int_eq(lround(-log10(EPS_MACH)), 16);
    ck_assert_double_eq_tol(central, cbrt(three * EPS_MACH), 1e-19);
    ck_assert_double_eq_tol(forward, sqrt(2 * EPS_MACH), 1e-22);
    ck_assert_double_eq_tol((exp(h) - 1 - h) / (h * h), 1.0 / 2, 1e-3);
    ck_assert_double_eq_tol((exp(h) - 1 - h - h * h / 2) / (h * h * h), 1.0 / 6, 1e-3);
    ck_assert_double_eq_tol((exp(-h) - 1 + h - h * h / 2) / (h * h * h), -1.0 / 6, 1e-3);
    ck_assert_double_eq_tol((1 - complex_step((complex_function)cexp, 0.0, h)) / (h * h),
                            1.0 / 6, 1e-3);
    ck_assert_double_eq_tol(forward_bound(forward), sqrt(2 * EPS_MACH), 1e-23);
    ck_assert_double_eq_tol((forward / 2) / (EPS_MACH / forward), 1, 1e-12);
    ck_assert_double_eq_tol((central * central / 6) / (EPS_MACH / central), 1.0 / 2, 1e-12);
    ck_assert_double_eq_tol(central_bound(central), central * central / 2, 1e-25);
    /* "a forward difference keeps half of the sixteen digits of a double, a
     * central one two thirds": the digits lost, log10 of the smallest
     * error, over those of eps; the constants of the bounds (sqrt 2, and
     * cbrt 9 / 2) move the ratio by 0.01 at most, hence 0.02 */
    ck_assert_double_eq_tol(log10(forward_bound(forward)) / log10(EPS_MACH), 1.0 / 2, 0.02);
    ck_assert_double_eq_tol(log10(central_bound(central)) / log10(EPS_MACH), 2.0 / 3, 0.02);
    {   /* Taylor's series of exp at 0 (every derivative exp(0)), to h^3: the
         * next term h^4/24 is 4e-14 at h = 1e-3.  The book's forward
         * difference is (f(h) - f(0))/h, so f0 + h times it is exp(h) to
         * rounding (1e-16) */
        const double f0 = exp(0.0), d1 = exp(0.0), d2 = exp(0.0), d3 = exp(0.0);
        ck_assert_double_eq_tol(f0 + h * forward_difference(exp, 0.0, h),
                                f0 + h * d1 + h * h / 2 * d2 + h * h * h / 6 * d3, 1e-13);
        /* and along i h, the complex step's series: the book's complex step
         * is Im f(x + ih)/h, the series' imaginary part over h */
        ck_assert_double_lt(fabs(h * complex_step((complex_function)cexp, 0.0, h) -
                                 cimag(f0 + I * h * d1 - h * h / 2 * d2 - I * h * h * h / 6 * d3)),
                            1e-13);
    }
}
END_TEST

/* Halving h: the forward error halves, the central error quarters.  Three
 * points of the curve apart, h shrinks by 10^-0.3 = 0.5012 (a halving to
 * 0.0012), so the errors shrink by 0.5012 and 0.2512: 0.005 allows that
 * and the curve's own wobble. */
START_TEST(halving_halves_and_quarters)
{
    ck_assert_double_eq_tol(curve.forward[40] / curve.forward[43], 2, 0.01);
    ck_assert_double_eq_tol(curve.central[40] / curve.central[43], 4, 0.02);
    ck_assert_double_eq_tol(curve.h[43] / curve.h[40], 1.0 / 2, 0.005);
    ck_assert_double_eq_tol(curve.forward[43] / curve.forward[40], 1.0 / 2, 0.005);
    ck_assert_double_eq_tol(curve.central[43] / curve.central[40], 1.0 / 4, 0.005);
}
END_TEST

/* The machine epsilon: the gap between 1 and the next double, 2^-52. */
START_TEST(machine_epsilon)
{
    ck_assert_msg(nextafter(1.0, INFINITY) - 1 == EPS_MACH, "eps is %s", "2^-52");
    ck_assert_double_eq(EPS_MACH, ldexp(1, -52));
    /* "a relative rounding error of up to half of eps": between 1 and
     * 1 + eps, 1 + eps/2 is the farthest from both and rounds (to even) to
     * 1; a hair above it rounds up */
    ck_assert_double_eq(1 + EPS_MACH * (1.0 / 2), 1);
    ck_assert_double_eq(1 + EPS_MACH * (1.0 / 2) * (1 + EPS_MACH), 1 + EPS_MACH);
}
END_TEST

/* The settings of the chapter's measurements, as the text states them. */
START_TEST(chapter_settings)
{
    struct specimen s;
    ck_assert_int_eq(CURVE_POINTS, 64);
    ck_assert_double_eq(curve.h[0], 1);
    ck_assert_double_eq_tol(curve.h[EXP_CURVE_STEPS - 1], 1e-20, 1e-35);
    ck_assert_double_eq_tol(curve.h[80], 1e-8, 1e-23);
    ck_assert_double_eq(curve.h[80], pow(10, -80 / 10.0));
    ck_assert_double_eq(COMPLEX_STEP, 1e-20);
    ck_assert_int_eq(SPECIMEN_COUNT, 100);
    ck_assert_double_eq(SPECIMEN_ALPHA, 0.01);
    ck_assert_int_eq(SPECIMEN_STEPS, 1000);
    specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_SEED);
    for (int i = 0; i < 100; i++) {             /* y = 3x + noise in [0, 1) */
        ck_assert(s.x[i] >= 0 && s.x[i] < 1);
        ck_assert(s.y[i] - 3 * s.x[i] >= -1e-15 && s.y[i] - 3 * s.x[i] < 1 + 1e-15);
    }
    ck_assert_int_eq(BOOK_POINTS, 32);
}
END_TEST

/* (5.1) truncation ~ h/2: slope 1; (5.2) ~ h^2/6: slope 2; rounding
 * eps/h: slope -1. */
START_TEST(error_orders_from_taylor)
{
    ck_assert_double_eq_tol(curve_slope(&curve, curve.forward, 1e-3), 1.0, 0.02);
    ck_assert_double_eq_tol(curve_slope(&curve, curve.central, 1e-3), 2.0, 0.02);
    ck_assert_double_eq_tol(curve_slope(&curve, curve.forward, 1e-13), -1.0, 0.2);
    ck_assert_double_eq_tol(curve_slope(&curve, curve.central, 1e-13), -1.0, 0.2);
    /* the constants of the truncation terms: h f''/2 and h^2 f'''/6 with
     * f = f'' = f''' = f' for exp; at h = 1e-4 the next terms are 1e-4
     * relative to them, so 1e-3 relative is a safe tolerance */
    ck_assert_double_eq_tol(curve.forward[40] / (curve.h[40] / 2), 1.0, 1e-3);
    ck_assert_double_eq_tol(curve.central[40] / (curve.h[40] * curve.h[40] / 6), 1.0, 1e-3);
    ck_assert_str_eq(printed("%.2f", curve_slope(&curve, curve.forward, 1e-3)), "1.00");
    ck_assert_str_eq(printed("%.2f", curve_slope(&curve, curve.central, 1e-3)), "2.00");
}
END_TEST

/* (5.3): h* = sqrt(2 eps |f| / |f''|); (5.4): h* = cbrt(3 eps |f| / |f'''|),
 * where the bound is h*^2 |f'''| / 2.  Measured: within a factor 2. */
START_TEST(best_steps_derived_then_measured)
{
    double eps = DBL_EPSILON, forward = best_forward_step(1.0, 1.0);
    double central = best_central_step(1.0, 1.0);
    double measured_forward = curve_best_step(&curve, curve.forward);
    double measured_central = curve_best_step(&curve, curve.central);
    ck_assert_double_eq(EPS_MACH, eps);
    ck_assert_double_eq_tol(forward, sqrt(2 * eps), 1e-22);
    ck_assert_double_eq_tol(central, cbrt(3 * eps), 2e-19);
    /* the derivative of each bound is 0 at its h* */
    ck_assert_double_eq_tol(0.5 - eps / (forward * forward), 0.0, 1e-15);
    ck_assert_double_eq_tol(central / 3 - eps / (central * central), 0.0, 1e-15);
    ck_assert_double_eq_tol(central_bound(central), central * central / 2, 1e-25);
    /* the mean rounding error lies below the worst case eps/h, which moves
     * the measured optimum below the predicted one */
    ck_assert_double_lt(curve.forward[120], EPS_MACH / curve.h[120]);
    ck_assert_double_lt(curve.central[120], EPS_MACH / curve.h[120]);
    ck_assert_double_lt(measured_forward, forward);
    ck_assert_double_lt(measured_central, central);
    /* within a factor 2 of each other (the measured one is the smaller) */
    ck_assert_double_le(forward / measured_forward, 2);
    ck_assert_double_le(central / measured_central, 2);
    ck_assert_str_eq(printed("%.1e", eps), "2.2e-16");
}
END_TEST

/* (5.5): at h = 1e-20 every point's complex step is exp x to rounding (a
 * product and a quotient: within eps relative), while x + h == x makes
 * both differences useless (relative error exactly 1). */
START_TEST(complex_step_exact_to_rounding)
{
    struct rng rng;
    rng_seed(&rng, CURVE_SEED);
    for (int i = 0; i < CURVE_POINTS; i++) {
        double x = rng_uniform(&rng);
        double cs = complex_step((complex_function)cexp, x, 1e-20);
        ck_assert_double_le(fabs(cs - exp(x)) / exp(x), EPS_MACH);
        ck_assert(x + 1e-20 == x);
    }
    {   /* at h = 1e-18 the values exp(x +- h) round to exp(x) at every
         * point, though x +- h is a double of its own at the two points
         * nearest 0: it is f's rounding, not x's, that loses the step */
        int moved = 0;
        rng_seed(&rng, CURVE_SEED);
        for (int i = 0; i < CURVE_POINTS; i++) {
            double x = rng_uniform(&rng);
            moved += x + 1e-18 != x;
            ck_assert(exp(x + 1e-18) == exp(x) && exp(x - 1e-18) == exp(x));
            ck_assert_double_eq(exp(x + 1e-18) - exp(x - 1e-18), 0);
        }
        ck_assert_int_eq(moved, 2);
    }
    for (int k = 180; k < EXP_CURVE_STEPS; k++) {  /* from h = 1e-18 down */
        ck_assert_double_le(curve.h[k], 1e-18 * (1 + 1e-15));
        ck_assert_double_eq(curve.forward[k], 1.0);
        ck_assert_double_eq(curve.central[k], 1.0);
    }
    for (int k = 80; k < EXP_CURVE_STEPS; k++)      /* h <= 1e-8 */
        ck_assert_double_le(curve.complex_step[k], EPS_MACH);
    /* complex_of builds x + iy on every compiler */
    ck_assert_double_eq(creal(complex_of(1.5, -2.5)), 1.5);
    ck_assert_double_eq(cimag(complex_of(1.5, -2.5)), -2.5);
}
END_TEST

/* The figure's label: where the complex step's line breaks, its error is
 * 0 exactly (a log axis cannot draw it), at these 6 steps of the grid and
 * no others; there every one of the 64 points gives exp x to the last bit.
 * The forward and central curves are never 0. */
START_TEST(complex_step_zero_where_the_line_breaks)
{
    const int zero_at[] = {81, 108, 120, 123, 153, 177};
    int zeros = 0;
    for (int k = 0; k < EXP_CURVE_STEPS; k++) {
        ck_assert_double_gt(curve.forward[k], 0);
        ck_assert_double_gt(curve.central[k], 0);
        if (curve.complex_step[k] == 0) {
            ck_assert_int_lt(zeros, 6);
            ck_assert_int_eq(k, zero_at[zeros]);
            zeros++;
        }
    }
    ck_assert_int_eq(zeros, 6);
    for (int z = 0; z < 6; z++) {
        struct rng rng;
        rng_seed(&rng, CURVE_SEED);
        for (int i = 0; i < CURVE_POINTS; i++) {
            double x = rng_uniform(&rng);
            ck_assert_double_eq(complex_step((complex_function)cexp, x, curve.h[zero_at[z]]), exp(x));
        }
    }
}
END_TEST

/* C11's CMPLX is missing under clang with glibc: the reason for
 * complex_of.  When that changes, this test says so. */
START_TEST(cmplx_macro_where_it_exists)
{
#if defined(__clang__) && defined(__GLIBC__)
#ifdef CMPLX
    ck_abort_msg("glibc now defines CMPLX for clang: complex_of could use it");
#endif
#elif defined(__GNUC__) && defined(__GLIBC__)
#ifndef CMPLX
    ck_abort_msg("glibc no longer defines CMPLX for gcc");
#else
    ck_assert(CMPLX(1.5, -2.0) == complex_of(1.5, -2.0));
#endif
#endif
    ck_assert(complex_of(1.5, -2.0) == 1.5 - 2.0 * I);
}
END_TEST

/* --------------------------------------------------------- (5.6), (5.7) */

START_TEST(relative_error_reads)
{
    /* opposite signs, equal size: 2 */
    ck_assert_double_eq(relative_error(3.0, -3.0, GRADCHECK_FLOOR), 2);
    /* a factor -50: |-50 n - n| / (50 |n|) = 51/50 */
    ck_assert_double_eq_tol(relative_error(-50.0 * 0.3, 0.3, GRADCHECK_FLOOR), 51.0 / 50, 1e-15);
    /* a factor c > 0: 1 - 1/c */
    ck_assert_double_eq_tol(relative_error(50.0 * 0.3, 0.3, GRADCHECK_FLOOR), 49.0 / 50, 1e-15);
    /* two tiny numbers are compared to the floor 1e-2 */
    ck_assert_double_eq_tol(relative_error(1e-12, -1e-12, GRADCHECK_FLOOR), 2e-10, 1e-25);
    ck_assert_double_eq(GRADCHECK_FLOOR, 1e-5 / 1e-3);
    /* equal magnitudes at a minimum: rounding noise against 0 gives 1 */
    ck_assert_double_eq(relative_error(0, 3e-11, 0), 1);
    /* a factor c: 1 - 1/c, or 1 + 1/c with the sign flipped */
    ck_assert_double_eq_tol(relative_error(4 * 0.7, 0.7, GRADCHECK_FLOOR), 1 - 1.0 / 4, 1e-15);
    ck_assert_double_eq_tol(relative_error(-4 * 0.7, 0.7, GRADCHECK_FLOOR), 1 + 1.0 / 4, 1e-15);
    {
        const double c = 4;
        ck_assert_double_eq_tol(relative_error(c * 0.7, 0.7, GRADCHECK_FLOOR), 1 - 1 / c, 1e-15);
        ck_assert_double_eq_tol(relative_error(-c * 0.7, 0.7, GRADCHECK_FLOOR), 1 + 1 / c, 1e-15);
    }
    ck_assert_double_eq(GRADCHECK_PASS, 1e-6);
    ck_assert_double_eq(GRADCHECK_WRONG, 1e-2);
    ck_assert_double_eq(GRADCHECK_FLOOR, 1e-2);
    /* a correct gradient: r around 1e-10 (Booth is quadratic: (5.2) has no
     * truncation error, only rounding) */
    {
        struct function f = function_from_spec("--function", "booth");
        struct checked objective = checked_function(&f);
        double x[2] = {0.5, -1.0}, grad[2], numeric[2];
        ck_assert_double_lt(gradcheck(&objective, x, grad, numeric, GRADCHECK_FLOOR).worst, 1e-10);
    }
    /* (5.6): h_i = cbrt(eps) max(1, |x_i|), with central differences (f(x + h) - f(x - h)) / 2h */
    ck_assert_double_eq(gradcheck_step(0.5), cbrt(EPS_MACH) * fmax(1, fabs(0.5)));
    ck_assert_double_eq(gradcheck_step(-3), cbrt(EPS_MACH) * 3);
    ck_assert_double_eq(central_difference(exp, 0, 1e-5), (exp(1e-5) - exp(-1e-5)) / (2 * 1e-5));
    ck_assert_str_eq(gradcheck_verdict(1e-7), "pass");
    ck_assert_str_eq(gradcheck_verdict(1e-4), "suspect");
    ck_assert_str_eq(gradcheck_verdict(2.0), "wrong");
    ck_assert_str_eq(printed("%.1e", gradcheck_step(0.0)), "6.1e-06");
    ck_assert_double_eq(gradcheck_step(-100.0), 100.0 * gradcheck_step(0.5));
}
END_TEST

/* ---------------------------------------------------------- the specimen */

static double sum_of(const double *v, const double *w)
{
    double sum = 0.0;
    for (size_t i = 0; i < SPECIMEN_COUNT; i++)
        sum += v[i] * (w ? w[i] : 1.0);
    return sum;
}

/* The seed's pair, in closed form: with S = sum x_j,
 *   g(theta)  = sum x_i y_i - theta S^2,
 *   L'(theta) = 2 theta S^2 - 2 S sum y_i / n,
 * so g / L' tends to -1/2 as |theta| grows and is not a constant. */
START_TEST(specimen_seed_ratio)
{
    struct specimen s;
    struct checked objective;
    struct rng rng;
    double low = 0.0, high = -1.0;
    specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_SEED);
    objective = specimen_checked(&s);
    double sx = sum_of(s.x, NULL), sxy = sum_of(s.x, s.y), sy = sum_of(s.y, NULL);
    rng_seed(&rng, 5);
    for (int k = 0; k < 5; k++) {
        double theta = 5.0 * (2.0 * rng_uniform(&rng) - 1.0), g, n, ratio;
        struct gradcheck_result r = gradcheck(&objective, &theta, &g, &n, GRADCHECK_FLOOR);
        ck_assert(theta >= -5 && theta <= 5);
        ck_assert_double_eq_tol(g, sxy - theta * sx * sx, 1e-9 * fabs(g));
        ck_assert_double_eq_tol(n, 2 * theta * sx * sx - 2 * sx * sy / 100, 1e-8 * fabs(n));
        ratio = g / n;
        ck_assert_double_gt(ratio, -0.51);
        ck_assert_double_lt(ratio, -0.49);
        ck_assert_double_eq_tol(r.worst, 1.5, 0.01);
        low = k == 0 ? ratio : fmin(low, ratio);
        high = k == 0 ? ratio : fmax(high, ratio);
    }
    ck_assert_double_gt(high - low, 1e-3);
    /* the limit -1/2 */
    ck_assert_double_eq_tol(specimen_gradient(&s, 1e6) / (2 * 1e6 * sx * sx - 2 * sx * sy / 100),
                            -1.0 / 2, 1e-4);
    /* -theta S^2/(2 theta S^2) = -1/2: the leading terms alone */
    ck_assert(close_to(specimen_gradient(&s, 1e6) / (2 * 1e6 * sx * sx), -1.0 / 2, 1e-4));
}
END_TEST

/* Prediction per sample: the gradient is the seed's sum, without the 2 of
 * the square, and with the seed's sign: -(n/2) L', -50 for n = 100. */
START_TEST(specimen_per_sample_ratio_minus_n_over_2)
{
    struct specimen s;
    struct checked objective;
    struct rng rng;
    const double square = 2;        /* the square's 2 the routine leaves out */
    specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_PER_SAMPLE);
    objective = specimen_checked(&s);
    rng_seed(&rng, 5);
    for (int k = 0; k < 5; k++) {
        double theta = 5.0 * (2.0 * rng_uniform(&rng) - 1.0), g, n;
        struct gradcheck_result r = gradcheck(&objective, &theta, &g, &n, GRADCHECK_FLOOR);
        ck_assert_double_eq_tol(g / n, -100.0 / square, 1e-8);
        ck_assert_double_eq_tol(g / n, -(double)SPECIMEN_COUNT / 2, 1e-8);      /* -N/2 */
        ck_assert_str_eq(printed("%.4f", g / n), "-50.0000");
        ck_assert_double_eq_tol(-g, 1.0 / 2 * 100 * n, 1e-8 * fabs(g));
        ck_assert_double_eq_tol(r.worst, 51.0 / 50, 1e-9);
        {
            /* the loss is the mean (1/N) sum (theta x - y)^2, the routine's
             * gradient sum x (y - theta x) */
            double mean = 0, routine = 0;
            for (int i = 0; i < SPECIMEN_COUNT; i++) {
                mean += (theta * s.x[i] - s.y[i]) * (theta * s.x[i] - s.y[i]);
                routine += s.x[i] * (s.y[i] - theta * s.x[i]);
            }
            ck_assert_double_eq_tol(specimen_loss(&s, theta), 1 / (double)SPECIMEN_COUNT * mean,
                                    1e-12 * mean);
            ck_assert_double_eq_tol(specimen_gradient(&s, theta), routine, 1e-12 * fabs(routine));
        }
    }
}
END_TEST

/* Mean and 2: g = -L' exactly, r = 2; then the sign: r below 1e-6. */
START_TEST(specimen_sign_then_fixed)
{
    struct specimen s;
    struct checked objective;
    struct rng rng;
    double worst_x;
    specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_MEAN);
    objective = specimen_checked(&s);
    rng_seed(&rng, 5);
    for (int k = 0; k < 5; k++) {
        double theta = 5.0 * (2.0 * rng_uniform(&rng) - 1.0), g, n;
        struct gradcheck_result r = gradcheck(&objective, &theta, &g, &n, GRADCHECK_FLOOR);
        ck_assert_double_eq_tol(g / n, -1.0, 1e-9);
        ck_assert_double_eq_tol(r.worst, 2.0, 1e-9);
        {   /* the mean is the per-sample routine's sum times 2/N */
            struct specimen per_sample = s;
            per_sample.stage = SPECIMEN_PER_SAMPLE;
            ck_assert_double_eq_tol(specimen_gradient(&s, theta),
                                    2 / (double)SPECIMEN_COUNT * specimen_gradient(&per_sample, theta),
                                    1e-12 * fabs(g) + 1e-15);
        }
    }
    s.stage = SPECIMEN_FIXED;
    rng_seed(&rng, 5);
    for (int k = 0; k < 5; k++) {
        double theta = 5.0 * (2.0 * rng_uniform(&rng) - 1.0), g, n;
        ck_assert_double_lt(gradcheck(&objective, &theta, &g, &n, GRADCHECK_FLOOR).worst, 1e-10);
    }
    rng_seed(&rng, 7);
    ck_assert_double_lt(gradcheck_random(&objective, (double[]){0.0}, 10.0, 200, &rng, &worst_x)
                            .worst,
                        GRADCHECK_PASS);
    ck_assert(worst_x >= -10 && worst_x <= 10);
}
END_TEST

/* Each loop is theta <- a theta + c, so theta_k - theta_fix = a^k (theta0 -
 * theta_fix): seed a = 1 + alpha S^2, per sample 1 + alpha sum x^2, mean
 * 1 + 2 alpha sum x^2 / n, fixed 1 - 2 alpha sum x^2 / n.  Only the sign
 * separates the last two: it is the cause of the divergence left after
 * the scale is repaired. */
START_TEST(specimen_loops)
{
    struct specimen s;
    struct specimen_run run;
    double sx, sxx, a, theta_star;
    specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_SEED);
    sx = sum_of(s.x, NULL), sxx = sum_of(s.x, s.x);
    run = specimen_descent(&s, NULL);
    ck_assert(run.diverged);
    ck_assert_int_eq(run.steps + 1, 107);
    a = 1 + SPECIMEN_ALPHA * sx * sx;
    {
        double theta = s.theta0, previous = 0.0;
        for (int k = 0; k < 50; k++) {
            previous = theta;
            theta -= SPECIMEN_ALPHA * specimen_gradient(&s, theta);
        }
        ck_assert_double_eq_tol(theta / previous, a, 1e-9 * a);
    }
    /* 107: far from theta_fix the loss grows like a^(2k) from L(theta0); it
     * passes DBL_MAX = 10^308.25 when log10 L(theta0) + 2k log10(a) > 308.25 */
    ck_assert_int_eq((int)ceil((log10(DBL_MAX) - log10(specimen_loss(&s, s.theta0))) /
                               (2 * log10(a))), 107);

    {   /* the mean's factor a = 1 + 2 eta sum x^2 / N: the ratio of
         * successive moves of its affine map */
        struct specimen mean = s;
        double theta = mean.theta0, moves[3];
        mean.stage = SPECIMEN_MEAN;
        for (int k = 0; k < 3; k++) {
            double next = theta - SPECIMEN_ALPHA * specimen_gradient(&mean, theta);
            moves[k] = next - theta;
            theta = next;
        }
        ck_assert_double_eq_tol(moves[2] / moves[1], 1 + 2 * SPECIMEN_ALPHA * sxx / SPECIMEN_COUNT, 1e-9);
    }
    s.stage = SPECIMEN_PER_SAMPLE;
    run = specimen_descent(&s, NULL);
    ck_assert(!run.diverged);
    ck_assert_double_gt(fabs(run.theta), 1e100);
    s.stage = SPECIMEN_MEAN;
    run = specimen_descent(&s, NULL);
    ck_assert_double_gt(fabs(run.theta), 1000);
    s.stage = SPECIMEN_FIXED;
    run = specimen_descent(&s, NULL);
    theta_star = specimen_theta_star(&s);
    a = 1 - 2 * SPECIMEN_ALPHA * sxx / 100;
    ck_assert_double_eq_tol(run.theta - theta_star, pow(a, 1000) * (s.theta0 - theta_star),
                            1e-9);
    ck_assert_double_eq_tol(specimen_gradient(&s, theta_star), 0.0, 1e-12);
    /* theta* is above 3: the noise, mean 1/2, is absorbed by the slope */
    ck_assert_double_gt(theta_star, 3);
    ck_assert_double_eq_tol((sum_of(s.y, NULL) - 3 * sx) / 100, 1.0 / 2, 0.1);
    ck_assert_str_eq(printed("%.1f", 1 + SPECIMEN_ALPHA * sx * sx), "26.9");
}
END_TEST

/* ------------------------------------------------------ every gradient */

/* The complex versions are the real functions on the real axis, bit for
 * bit (the same operations in the same order, the imaginary parts 0). */
START_TEST(complex_versions_are_the_functions)
{
    static const char *const specs[] = {"quadratic:1,2,3", "rosenbrock", "beale",
                                        "himmelblau", "booth", "x2sinx"};
    struct rng rng;
    rng_seed(&rng, 11);
    for (size_t k = 0; k < sizeof specs / sizeof specs[0]; k++) {
        struct function f = function_from_spec("--function", specs[k]);
        ck_assert(has_complex_value(&f));
        for (int p = 0; p < 32; p++) {
            double x[FUNCTION_MAX_DIM];
            double complex z[FUNCTION_MAX_DIM];
            for (size_t i = 0; i < f.dim; i++)
                z[i] = x[i] = 4.0 * rng_uniform(&rng) - 2.0;
            ck_assert_double_eq(creal(function_value_complex(&f, z)), f.value(&f, x));
        }
    }
    {
        struct dataset data;
        double w_true[3], theta[4] = {0.3, -1.2, 0.7, 0.25};
        double complex z[4] = {0.3, -1.2, 0.7, 0.25};
        struct regression model = {&data, true};
        synthetic_regression(&data, w_true, 50, 3, 0.1, 5);
        ck_assert_double_eq(creal(mse_loss_complex(&model, z)), mse_loss(&model, theta, NULL, 0));
        dataset_free(&data);
    }
}
END_TEST

/* Issue 13: every analytic gradient within 1e-8 relative of its complex
 * step, and within the lab's 1e-6 of gradcheck()'s central difference. */
START_TEST(every_book_gradient_checked)
{
    struct book_gradient rows[BOOK_OBJECTIVES];
    check_book_gradients(rows, BOOK_SEED);
    for (size_t k = 0; k < BOOK_OBJECTIVES; k++) {
        ck_assert_msg(rows[k].complex_worst <= 1e-8, "%s: r = %g", rows[k].name,
                      rows[k].complex_worst);
        ck_assert_msg(rows[k].central_worst < GRADCHECK_PASS, "%s: r = %g", rows[k].name,
                      rows[k].central_worst);
    }
    ck_assert_str_eq(rows[BOOK_OBJECTIVES - 1].name, "regression");
    ck_assert_double_eq(GRADCHECK_PASS, 1e-6);
}
END_TEST

/* Removing the cause removes the effect: a sign flipped in one line of a
 * correct gradient (Booth's second coordinate) is found, r = 2. */
static void booth_broken(const void *context, double *grad, const double *x)
{
    const struct function *f = context;
    f->gradient(f, grad, x);
    grad[1] = -grad[1];
}

START_TEST(a_flipped_sign_is_found)
{
    struct function f = function_from_spec("--function", "booth");
    struct checked objective = checked_function(&f);
    double x[2] = {0.5, -1.0}, grad[2], numeric[2];
    struct gradcheck_result r = gradcheck(&objective, x, grad, numeric, GRADCHECK_FLOOR);
    ck_assert_double_lt(r.worst, GRADCHECK_PASS);
    objective.gradient = booth_broken;
    r = gradcheck(&objective, x, grad, numeric, GRADCHECK_FLOOR);
    ck_assert_int_eq(r.coordinate, 1);
    ck_assert_double_eq_tol(r.worst, 2.0, 1e-9);
}
END_TEST

/* A wrong term multiplied by x1 (here 0.5 x1 added to Booth's second
 * coordinate) vanishes at the start (0, 0), where the check passes; at
 * random points it is found. */
static void booth_hidden(const void *context, double *grad, const double *x)
{
    const struct function *f = context;
    f->gradient(f, grad, x);
    grad[1] += 0.5 * x[0];
}

START_TEST(random_points_catch_what_the_start_hides)
{
    struct function f = function_from_spec("--function", "booth");
    struct function g = function_from_spec("--function", "himmelblau");
    struct checked objective = checked_function(&f);
    double grad[2], numeric[2], center[2] = {0, 0};
    struct rng rng;
    ck_assert(f.start[0] == 0 && f.start[1] == 0);
    ck_assert(g.start[0] == 0 && g.start[1] == 0);
    objective.gradient = booth_hidden;
    ck_assert_double_lt(gradcheck(&objective, f.start, grad, numeric, GRADCHECK_FLOOR).worst,
                        GRADCHECK_PASS);
    rng_seed(&rng, 1);
    ck_assert_double_gt(gradcheck_random(&objective, center, 2, 8, &rng, NULL).worst,
                        GRADCHECK_WRONG);
}
END_TEST

/* ---------------------------------------------------------------- kinks */

/* With 0 < x < h the central difference of |x| is 2x/(2h) = x/h, of ReLU
 * (x + h)/(2h) = 1/2 + x/(2h); once |x| > h both are exact. */
/* (5.6)'s step is (5.4)'s best step up to a factor cbrt(3). */
START_TEST(gradcheck_step_scale)
{
    ck_assert_double_eq_tol(best_central_step(1, 1) / gradcheck_step(0.5), cbrt(3), 1e-12);
}
END_TEST

/* The floor 1e-2 = atol / rtol of torch.allclose (atol 1e-5, rtol 1e-3;
 * gradcheck's eps 1e-6): at a minimum the true gradient 0 against rounding
 * noise would give r = 1 without it. */
START_TEST(floor_matches_torch_tolerances)
{
    const double atol = 1e-5, rtol = 1e-3, torch_eps = 1e-6, true_gradient = 0;
    ck_assert_double_eq_tol(atol / rtol, 1e-2, 1e-17);
    ck_assert_double_eq(GRADCHECK_FLOOR, atol / rtol);
    ck_assert_double_eq(relative_error(true_gradient, 3e-11, 0), 1);
    ck_assert_double_lt(relative_error(true_gradient, 3e-11, GRADCHECK_FLOOR), torch_eps);
    /* gradcheck's (b - a)/(2 eps) is the book's central difference */
    ck_assert_double_eq(central_difference(exp, 0, torch_eps),
                        (exp(torch_eps) - exp(-torch_eps)) / (2 * torch_eps));
}
END_TEST

/* |x| and ReLU have no derivative at 0; the book picks 0 for both, as PyTorch does. */
START_TEST(kink_derivative_picked)
{
    const double picked = 0;
    ck_assert_double_eq(abs_derivative(0.0), picked);
    ck_assert_double_eq(relu_derivative(0.0), picked);
}
END_TEST

START_TEST(kinks_straddled)
{
    double x = 1e-6, h = gradcheck_step(x);
    ck_assert_double_lt(x, h);
    ck_assert_double_eq_tol(central_difference(abs_value, x, h), 2 * x / (2 * h), 1e-9);
    ck_assert_double_eq_tol(central_difference(abs_value, x, h), x / h, 1e-9);
    ck_assert_double_eq_tol(central_difference(relu, x, h), 1.0 / 2 + x / (2 * h), 1e-9);
    ck_assert_double_eq_tol(relative_error(1.0, x / h, GRADCHECK_FLOOR), 1 - x / h, 1e-9);
    ck_assert_double_eq_tol(central_difference(relu, 0.0, h), 1.0 / 2, 1e-12);
    ck_assert_double_eq(relu_derivative(0.0), 0);             /* PyTorch's pick */
    ck_assert_double_eq(relative_error(relu_derivative(0.0), 0.5, GRADCHECK_FLOOR), 1.0);
    x = 1e-5;
    ck_assert_double_gt(x, h);
    ck_assert_double_eq_tol(central_difference(abs_value, x, h), 1.0, 1e-9);
    ck_assert_double_eq_tol(central_difference(relu, x, h), 1.0, 1e-9);
}
END_TEST

/* "A random point lands within h of one given kink with a chance of about
 * twice h per unit of range": of 100 000 points drawn uniformly on a unit
 * range centred on a kink at 0, the share within h = 0.01 of it, over h,
 * is 2 to within 0.2 (its standard error is sqrt(2h/100000)/h = 0.045). */
START_TEST(kink_chance_is_about_twice_h)
{
    const double h = 0.01;
    const long points = 100000;
    long near = 0;
    struct rng rng;
    rng_seed(&rng, CURVE_SEED);
    for (long i = 0; i < points; i++)
        near += fabs(rng_uniform(&rng) - 0.5) < h;
    ck_assert_double_eq_tol((double)near / (double)points / h, 2, 0.2);
}
END_TEST

/* The complex step of |x| at x = 1: through cabs it sees no imaginary part
 * at all (0); written by the sign of the real part it gives the slope. */
START_TEST(kinks_complex_step)
{
    ck_assert_double_eq(complex_step(abs_cabs, 1.0, 1e-20), 0.0);
    ck_assert_double_eq(complex_step(abs_by_sign, 1.0, 1e-20), 1.0);
    ck_assert_double_eq(complex_step(abs_by_sign, -2.0, 1e-20), -1.0);
}
END_TEST

/* --------------------------------------------------- exercises by hand */

static double cube(double x)
{
    return x * x * x;
}

static double exp2x(double x)
{
    return exp(2 * x);
}

static double complex exp2x_complex(double complex z)
{
    return cexp(2 * z);
}

static double exp2x_derivative(double x)
{
    return 2 * exp(2 * x);
}

/* The injected bug: d/dx3 exp(x1 x3) is x1 exp(x1 x3), not x3 exp(...). */
static void mystery_repaired(const void *context, double *grad, const double *x)
{
    mystery_gradient(context, grad, x);
    grad[2] = 3.0 * x[1] * x[2] * x[2] + x[0] * exp(x[0] * x[2]);
}

/* Worked answer 1: (1.1^3 - 0.9^3) / 0.2 = 0.602 / 0.2 = 3.01, error h^2 =
 * 1/100; (1.01^3 - 0.99^3) / 0.02 = 3.0001, error 1/10000.  Exact in
 * decimals; in doubles within 1e-12. */
START_TEST(exercise_1_answer)
{
    const double h1 = 0.1, h2 = 0.01, width1 = 0.2, width2 = 0.02;
    const double exact = 3;                 /* f'(1) = 3 x^2 at 1 */
    ck_assert_double_eq_tol(2 * h1, width1, 1e-17);
    ck_assert_double_eq_tol(2 * h2, width2, 1e-18);
    ck_assert_double_eq_tol(central_difference(cube, 1, h1), 3.01, 1e-12);
    ck_assert_double_eq_tol(central_difference(cube, 1, h2), 3.0001, 1e-12);
    ck_assert_double_eq_tol(central_difference(cube, 1, h1) - exact, 1 / 100.0, 1e-12);
    ck_assert_double_eq_tol(central_difference(cube, 1, h2) - exact, 1 / 10000.0, 1e-11);
    ck_assert_double_eq_tol(forward_difference(cube, 1, h1), 3.31, 1e-12);
    ck_assert_double_eq_tol(1.1 * 1.1 * 1.1, 1.331, 1e-15);
    ck_assert_double_eq_tol(0.9 * 0.9 * 0.9, 0.729, 1e-15);
    ck_assert_double_eq_tol(1.331 - 0.729, 0.602, 1e-15);
    ck_assert_double_eq_tol(0.602 / width1, 3.01, 1e-15);
    ck_assert_double_eq_tol(0.602 / 0.2, 3.01, 1e-15);
    /* ten times smaller a step, a hundred times smaller an error: order 2
     * (the errors are 1/100 and 1/10000 up to the rounding of the
     * differences, 1e-14 of the smaller one: 1e-6 is ample) */
    ck_assert_double_eq_tol(h1 / h2, 10, 1e-12);
    ck_assert_double_eq_tol((central_difference(cube, 1, h1) - exact) /
                            (central_difference(cube, 1, h2) - exact), 100, 1e-6);
    ck_assert_double_eq_tol(log((central_difference(cube, 1, h1) - 3) / (central_difference(cube, 1, h2) - 3))
                                / log(h1 / h2), 2, 1e-6);
    ck_assert_double_eq_tol(1.01 * 1.01 * 1.01, 1.030301, 1e-15);
    ck_assert_double_eq_tol(0.99 * 0.99 * 0.99, 0.970299, 1e-15);
    ck_assert_double_eq_tol((1.030301 - 0.970299) / width2, 3.0001, 1e-12);
    ck_assert_double_eq_tol(3.0001 - 3, 0.0001, 1e-12);
    ck_assert_double_eq_tol(3.01 - 3, h2, 1e-12);                 /* off by 0.01 */
    /* a cubic: f''' = 6 everywhere, so h^2 f'''/6 = h^2 6/6 = h^2, all of
     * the error: the code's error over h^2 is 6/6 (its rounding, 1e-15 on
     * an error of 1e-2, is 1e-13 of it) */
    ck_assert_double_eq_tol((central_difference(cube, 1, h1) - 3) / (h1 * h1), 6.0 / 6, 1e-9);
    ck_assert_double_eq_tol(3.31 - 3, 0.31, 1e-12);
    ck_assert_double_eq_tol(0.31 / h2, 31, 1e-9);
    ck_assert_double_eq_tol((1.331 - 1) / h1, 3.31, 1e-12);
}
END_TEST

/* Worked answer 2, f = exp(2x): |f| / |f'''| = 1/8, h* = cbrt(3 eps / 8) =
 * 4.4e-6, the bound h*^2 |f'''| / 2 = 4 h*^2 = 7.6e-11, relative to f' = 2:
 * 3.8e-11. */
START_TEST(exercise_2_answer)
{
    const double three = 3;                         /* (5.4)'s 3 eps */
    double best = cbrt(3 * DBL_EPSILON / 8);
    /* The same number written two ways.  gcc works out cbrt of a constant
     * while compiling, correctly rounded, and glibc's cbrt (at run time,
     * unoptimised) is within one unit in the last place of it: two units
     * of the last place (2 x 8.5e-22) are allowed. */
    ck_assert_double_eq_tol(cbrt(three * DBL_EPSILON * (1.0 / 8)), best,
                            2 * (nextafter(best, 1) - best));
    ck_assert_str_eq(printed("%.1e", best), "4.4e-06");
    ck_assert_double_eq(exp2x(0), 1);
    {   /* h*^2 |f'''(0)| / 2 with f''' = 8 e^{2x} is 4 h*^2: f'''(0) read off
         * the code's central difference at h = 1e-3, whose error is
         * h^2 f'''/6 + O(h^4): 6 error / h^2 is f''' within 1e-6 of it
         * (the h^4 term and rounding, eps/h = 2e-13 on an error of 1.3e-6) */
        const double h = 1e-3, third = 6 * (central_difference(exp2x, 0, h) - 2) / (h * h);
        ck_assert_double_eq_tol(third, 8, 1e-4);
        ck_assert_double_eq_tol(third / 2, 4, 1e-4);
        ck_assert_double_eq_tol(best * best * third / 2, 4 * best * best, 1e-4 * best * best);
    }
    /* f'(0) = 2, by (5.2) at h = 1e-5: its error h^2 f'''/6 is 1.3e-10 */
    ck_assert_double_eq_tol(central_difference(exp2x, 0, 1e-5), 2, 1e-9);
    ck_assert_str_eq(printed("%.1e", 4 * best * best), "7.6e-11");
    ck_assert_str_eq(printed("%.1e", 4 * best * best / 2), "3.8e-11");
    ck_assert_double_eq_tol(best_central_step(1.0, 8.0), best, 1e-21);
}
END_TEST

/* Worked answer 2, measured: |f| / |f'''| = e^{2x} / (8 e^{2x}) = 1/8 at
 * every x (checked at the curve's ends, within rounding), and over the
 * curve's 64 points the best central step is within a factor 2 of h*. */
START_TEST(exercise_2_measured)
{
    struct error_curve exercise;
    const double best = cbrt(3 * DBL_EPSILON / 8), factor = 2;
    ck_assert_int_eq(CURVE_POINTS, 64);
    ck_assert_double_eq_tol(exp2x(0) / (8 * exp2x(0)), 1.0 / 8, 1e-16);
    ck_assert_double_eq_tol(exp2x(1) / (8 * exp2x(1)), 1.0 / 8, 1e-16);
    error_curve(&exercise, exp2x, exp2x_complex, exp2x_derivative, CURVE_POINTS, CURVE_SEED);
    ck_assert_double_ge(curve_best_step(&exercise, exercise.central), best / factor);
    ck_assert_double_le(curve_best_step(&exercise, exercise.central), best * factor);
}
END_TEST

/* Exercise 4: the check names coordinate 3 (index 2); the repair passes. */
START_TEST(exercise_answers)
{
    double x[3] = {0.5, -1.0, 2.0}, grad[3], numeric[3];
    struct checked objective = mystery_checked();
    struct gradcheck_result r;
    r = gradcheck(&objective, x, grad, numeric, GRADCHECK_FLOOR);
    ck_assert_int_eq(r.coordinate, 2);
    ck_assert_str_eq(gradcheck_verdict(r.worst), "wrong");
    objective.gradient = mystery_repaired;
    r = gradcheck(&objective, x, grad, numeric, GRADCHECK_FLOOR);
    ck_assert_double_lt(r.worst, GRADCHECK_PASS);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("05-checking-gradients");
    TCase *differences = tcase_create("ch05 finite differences and the complex step");
    TCase *check = tcase_create("ch05 the gradient check");
    TCase *specimen = tcase_create("ch05 the specimen");
    tcase_add_unchecked_fixture(differences, make_curve, NULL);
    tcase_add_test(differences, derivation_constants);
    tcase_add_test(differences, halving_halves_and_quarters);
    tcase_add_test(differences, machine_epsilon);
    tcase_add_test(differences, chapter_settings);
    tcase_add_test(differences, error_orders_from_taylor);
    tcase_add_test(differences, best_steps_derived_then_measured);
    tcase_add_test(differences, complex_step_exact_to_rounding);
    tcase_add_test(differences, complex_step_zero_where_the_line_breaks);
    tcase_add_test(differences, cmplx_macro_where_it_exists);
    tcase_add_test(differences, exercise_1_answer);
    tcase_add_test(differences, exercise_2_answer);
    tcase_add_test(differences, exercise_2_measured);
    tcase_add_test(differences, exercise_answers);
    tcase_add_test(check, relative_error_reads);
    tcase_add_test(check, complex_versions_are_the_functions);
    tcase_add_test(check, every_book_gradient_checked);
    tcase_add_test(check, a_flipped_sign_is_found);
    tcase_add_test(check, random_points_catch_what_the_start_hides);
    tcase_add_test(check, gradcheck_step_scale);
    tcase_add_test(check, floor_matches_torch_tolerances);
    tcase_add_test(check, kink_derivative_picked);
    tcase_add_test(check, kinks_straddled);
    tcase_add_test(check, kink_chance_is_about_twice_h);
    tcase_add_test(check, kinks_complex_step);
    tcase_add_test(specimen, specimen_seed_ratio);
    tcase_add_test(specimen, specimen_per_sample_ratio_minus_n_over_2);
    tcase_add_test(specimen, specimen_sign_then_fixed);
    tcase_add_test(specimen, specimen_loops);
    suite_add_tcase(suite, differences);
    suite_add_tcase(suite, check);
    suite_add_tcase(suite, specimen);
    return suite;
}
