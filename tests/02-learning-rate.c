/* tests/02-learning-rate.c: the predictions of chapter 2.
 *
 * x* has no closed form: it is the root of tan x = -x/2 between 3pi/2 and
 * 2pi found by Newton's method, so the tests check the equation it solves
 * (f'(x*) = 0 to rounding: |f'| <= 1e-12, where f' ~ 30 (x - x*) means
 * x* is right to ~3e-14) and the number the chapter prints to 12 digits.
 */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "01-update-rule/gd.h"
#include "02-learning-rate/exercises.h"
#include "02-learning-rate/learning_rate.h"

/* f'(x) of x^2 sin x, from the book's function (not from the formula the
 * tests compare it with). */
static double slope(double x)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double g;
    f.gradient(&f, &g, &x);
    return g;
}

/* x after one step of gradient descent from x = 1 on f(x) = a x^2 / 2:
 * the factor 1 - lr a that step multiplies by. */
static double factor_of_one_step(double lr, double a)
{
    const struct function f = quadratic(&a, 1);
    double x = 1;
    gradient_descent(&f, &x, lr, 0, 1, NULL, 0);
    return x;
}

static int near(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

START_TEST(x2sinx_minimum_solves_tan_x_equals_minus_x_over_2)
{
    double x = x2sinx_local_minimum(5.0);
    ck_assert_double_eq_tol(slope(x), 0, 1e-12);
    /* between 3 pi/2 and 2 pi: in the fourth quarter turn, counting from 0 */
    ck_assert_int_eq((int)floor(x / (acos(-1.0) / 2)), 3);
    ck_assert_double_lt(x, 2.0 * acos(-1.0));
    /* f'(x) = x (2 sin x + x cos x) = 0  <=>  tan x = -x/2 */
    ck_assert_double_eq_tol(tan(x), -x / 2, 1e-12);
    ck_assert_double_eq_tol(x, 5.086985094102, 1e-12);
    /* the derivative as the text writes it, against the book's, at a point */
    ck_assert_double_eq_tol(slope(4.5), 2 * 4.5 * sin(4.5) + 4.5 * 4.5 * cos(4.5), 1e-12);
    ck_assert_double_eq_tol(slope(4.5), 4.5 * (2 * sin(4.5) + 4.5 * cos(4.5)), 1e-12);
    {
        /* on (3 pi/2, 2 pi) tan x rises and -x/2 falls, and tan x starts
         * below the line and ends above it: they cross exactly once */
        const double pi = acos(-1.0), start = 3 * pi / 2 + 1e-3;
        ck_assert(slope(start) < 0 && tan(start) < -start / 2);
        ck_assert(slope(2 * pi) > 0 && tan(2 * pi) > -(2 * pi) / 2);
    }
}
END_TEST

/* h = f''(x*) = (2 - x*^2) sin x* + 4 x* cos x* > 0, a minimum; the
 * thresholds of (2.1) are eta = 1/h and 2/h. */
START_TEST(curvature_and_thresholds)
{
    double x = x2sinx_local_minimum(5.0);
    double h = x2sinx_second_derivative(x);
    ck_assert_double_eq_tol(h, 29.666893093854, 1e-11);
    ck_assert_double_eq_tol(1.0 / h, 0.033708, 5e-7);
    ck_assert_double_eq_tol(2.0 / h, 0.067415, 5e-7);
}
END_TEST

/* The classic two pictures, predicted: eta = 0.005 gives eta h = 0.148 (a
 * crawl), eta = 0.05 gives 1.483 (oscillates, converges); 0.075 and 0.2
 * are past 2/h. */
START_TEST(predicted_regimes)
{
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.0));
    ck_assert_int_eq(regime_of(0.005, h), REGIME_CRAWL);
    ck_assert_int_eq(regime_of(0.05, h), REGIME_OSCILLATE);
    ck_assert_int_eq(regime_of(0.075, h), REGIME_DIVERGE);
    ck_assert_int_eq(regime_of(0.2, h), REGIME_DIVERGE);
    ck_assert_int_eq(regime_of(0.5, 2.0), REGIME_ONE_STEP);
    ck_assert_int_eq(regime_of(1.0, 2.0), REGIME_BOUNCE);
    ck_assert_int_eq(regime_of(0.1, -1.0), REGIME_NOT_A_MINIMUM);
}
END_TEST

/* Measured = predicted.  Once |x_k - x*| = e < 1e-6, Taylor's theorem
 * gives (x_{k+1} - x*)/(x_k - x*) = 1 - eta h - eta f'''(x*) e / 2 + O(e^2),
 * and f'''(x*) = 21.1323 (printed by the program), so the ratio is within 0.05 * 21.1 / 2 * 1e-6 =
 * 5.3e-7 of 1 - eta h (plus rounding of e itself, ~1e-15/1e-7 = 1e-8 in
 * the worst case): 1e-6 bounds both. */
static double measured_ratio(double eta)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0), x = 3.0, grad;
    for (int k = 0; k < 100000; k++) {
        double before = x - x_star;
        f.gradient(&f, &grad, &x);
        gd_step(&x, &grad, 1, eta);
        if (fabs(before) < 1e-6 && fabs(before) > 1e-7)
            return (x - x_star) / before;
    }
    return NAN;
}

START_TEST(measured_ratio_is_one_minus_eta_h)
{
    double x_star = x2sinx_local_minimum(5.0);
    double h = x2sinx_second_derivative(x_star);
    ck_assert_double_eq_tol(x2sinx_third_derivative(x_star), 21.1323, 5e-5);
    /* the Taylor term at e = 1e-6 is within the tolerance 1e-6 */
    ck_assert_double_lt((0.05 * fabs(x2sinx_third_derivative(x_star)) * 1e-6) / 2, 1e-6);
    ck_assert_double_eq_tol(measured_ratio(0.005), 1.0 - 0.005 * h, 1e-6);
    ck_assert_double_eq_tol(measured_ratio(0.05), 1.0 - 0.05 * h, 1e-6);
}
END_TEST

/* Past 2/h, eta = 0.075 never settles: after 300 and 301 steps it is on a
 * two-point cycle, 4.5084 and 5.4795 (the chapter prints 4 decimals), and
 * after 302 steps back at the first point, more than 0.39 from x* either
 * way.  eta = 0.2 ends in the valley near -2.2889, whose curvature 8.4635
 * makes 2/h = 0.2363 > 0.2: stable there.  Four printed decimals: 5e-5. */
START_TEST(past_two_over_h_does_not_converge)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0), x = 3.0, first, other, h;
    gradient_descent(&f, &x, 0.075, 0, 300, NULL, 0);
    first = x;
    gradient_descent(&f, &x, 0.075, 0, 1, NULL, 0);
    ck_assert_double_eq_tol(first, 4.5084, 5e-5);
    ck_assert_double_eq_tol(x, 5.4795, 5e-5);
    gradient_descent(&f, &x, 0.075, 0, 1, NULL, 0);
    ck_assert_double_eq_tol(x, first, 1e-9);
    ck_assert_double_gt(fabs(first - x_star), 0.39);
    x = 3.0;
    gradient_descent(&f, &x, 0.2, 0, 300, NULL, 0);
    other = x2sinx_local_minimum(x);
    h = x2sinx_second_derivative(other);
    ck_assert_double_eq_tol(other, -2.2889, 5e-5);
    ck_assert_double_eq_tol(h, 8.4635, 5e-5);
    ck_assert_double_eq_tol(2.0 / h, 0.2363, 5e-5);
    ck_assert_double_gt(0.2, 2 / x2sinx_second_derivative(x_star));   /* far past 2/h at x* */
    ck_assert_int_eq(regime_of(0.2, h), REGIME_OSCILLATE);
}
END_TEST

/* (2.2) on 1/2 (x1^2 + 10 x2^2) from (1, 1): after 100 steps the x2 part
 * is (1 - 10 eta)^100, so eta = 0.2 leaves |x2| = 1 exactly and eta = 0.21
 * leaves 1.1^100 = 13780.6...; the x1 part 0.8^100 or 0.79^100 is tiny. */
START_TEST(stability_limit_two_over_l)
{
    /* 1.0 is written 1 here, so that the prose's growth factor 1.1 is told
     * apart from x2 = 1 */
    static const double curvature[2] = {1, 10.0};
    const struct function f = quadratic(curvature, 2);
    double x[2] = {1, 1}, y[2] = {1, 1};
    /* L = 10, so the limit 2/L is 0.2 (2/10 rounds to the same double as
     * the literal), where the steep direction bounces */
    ck_assert_double_eq(2 / curvature[1], 0.2);
    ck_assert_int_eq(regime_of(2 / curvature[1], curvature[1]), REGIME_BOUNCE);
    gradient_descent(&f, x, 2 / curvature[1], 0, 100, NULL, 0);
    ck_assert_double_eq_tol(fabs(x[1]), 1, 1e-12);
    gradient_descent(&f, y, 0.21, 0, 100, NULL, 0);
    ck_assert_msg(fabs(fabs(y[1]) / pow(1.1, 100) - 1) < 1e-12, "x2 is not %s", "1.1^100");
    /* at 0.21 the steep factor is 1 - 0.21 * 10 = -1.1: growth by 1.1 */
    ck_assert_double_eq_tol(fabs(1 - 0.21 * curvature[1]), 1.1, 1e-15);
    ck_assert_double_eq_tol(f.value(&f, (double[]){0, 1}), 1 / 2.0 * 10, 1e-15);
    {
        const double p[2] = {0.45, -0.7};
        ck_assert_double_eq_tol(f.value(&f, p), 1.0 / 2 * (p[0] * p[0] + 10 * p[1] * p[1]), 1e-15);
    }
    x[0] = x[1] = 1;
    gradient_descent(&f, x, 2 / curvature[1], 0, 1, NULL, 0);
    ck_assert_double_eq_tol(x[1], -1, 1e-15);
    /* the steep direction: one step at 0.1, oscillating at 0.18; the shallow
     * one multiplied by 1 - eta, 0.9 at eta = 0.1 down to 0.79 at 0.21 */
    ck_assert_int_eq(regime_of(0.1, 10.0), REGIME_ONE_STEP);
    ck_assert_int_eq(regime_of(1 / curvature[1], curvature[1]), REGIME_ONE_STEP); /* one step at 1/L */
    ck_assert_int_eq(regime_of(0.18, 10.0), REGIME_OSCILLATE);
    ck_assert(near(factor_of_one_step(0.1, curvature[0]), 1 - 0.1, 1e-15) &&
              near(factor_of_one_step(0.1, curvature[0]), 0.9, 1e-15));
    ck_assert(near(factor_of_one_step(0.21, curvature[0]), 1 - 0.21, 1e-15) &&
              near(factor_of_one_step(0.21, curvature[0]), 0.79, 1e-15));
}
END_TEST

/* solutions/02-learning-rate.md.  Exercise 1: curvatures 4 and 25, so
 * eta < 2/25 = 0.08; there x2's factor is 1 - 0.08 * 25 = -1 and x1's is
 * 1 - 0.32 = 0.68.  Exercise 2: eta h = 0.890 (crawl, factor 0.110) and
 * 1.780 (oscillates, factor -0.780), to three digits. */

START_TEST(exercise_1_answer)
{
    const double curvature[2] = {4, 25};     /* the two coordinates' curvatures */
    ck_assert_int_eq(regime_of(2.0 / 25, curvature[1]), REGIME_BOUNCE);
    ck_assert_double_eq_tol(1 - 2.0 / 25 * curvature[1], -1, 1e-15);
    ck_assert_double_eq_tol(1 - 2.0 / 25 * curvature[0], 0.68, 1e-15);
    ck_assert_double_eq_tol(2.0 / 25, 0.08, 1e-15);
    /* "1 − 0.08 · 25 = −1" and "1 − 0.08 · 4 = 0.68", each the factor the
     * step multiplies by, as the answer writes it */
    ck_assert(near(factor_of_one_step(0.08, 25), 1 - 0.08 * 25, 1e-15) &&
              near(factor_of_one_step(0.08, 25), -1, 1e-15));
    ck_assert(near(factor_of_one_step(0.08, 4), 1 - 0.08 * 4, 1e-15) &&
              near(factor_of_one_step(0.08, 4), 0.68, 1e-15));
}
END_TEST

START_TEST(exercise_2_answer)
{
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.1));
    ck_assert_int_eq(regime_of(0.03, h), REGIME_CRAWL);
    ck_assert_int_eq(regime_of(0.06, h), REGIME_OSCILLATE);
    ck_assert_double_eq_tol(0.03 * h, 0.890, 5e-4);
    ck_assert_double_eq_tol(1 - 0.03 * h, 0.110, 5e-4);       /* fast: 0.03 is close to 1/h */
    ck_assert_double_eq_tol(1 / h, 0.0337, 5e-5);
    ck_assert_double_eq_tol(0.06 * h, 1.780, 5e-4);
    ck_assert_double_lt(0.06 * h, 2);                   /* below 2: it converges */
    ck_assert_double_eq_tol(measured_ratio(0.06), -0.780, 5e-4);
    /* slower than 0.03 because |1 - eta h| is larger */
    ck_assert_double_lt(fabs(measured_ratio(0.03)), fabs(measured_ratio(0.06)));
    ck_assert_double_lt(fabs(1 - 0.03 * h), fabs(1 - 0.06 * h));
    {   /* the run printed every 5 steps: consecutive rows on opposite sides of x* */
        double x_star = x2sinx_local_minimum(5.1);
        for (long k = 0; k < 40; k += 5)
            ck_assert_double_lt((x2sinx_descent(0.06, k, NULL) - x_star)
                                * (x2sinx_descent(0.06, k + 5, NULL) - x_star), 0);
    }
}
END_TEST

/* Near x*, f(x) = f(x*) + 1/2 h (x - x*)^2 + O((x - x*)^3) with h > 0:
 * at e = 1e-3 the cubic term f''' e^3 / 6 is about 2e-3 of the quadratic
 * one, so 1 % checks the parabola and its factor 1/2. */
START_TEST(taylor_parabola)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0), h = x2sinx_second_derivative(x_star);
    double e = 1e-3, x = x_star + e;
    ck_assert_double_gt(h, 0);
    ck_assert_double_eq_tol((f.value(&f, &x) - f.value(&f, &x_star)) / (1.0 / 2 * h * e * e),
                            1.0, 0.01);
    ck_assert_double_eq_tol(f.value(&f, &x), f.value(&f, &x_star) + 1.0 / 2 * h * e * e, 0.01 * h * e * e);
}
END_TEST

/* The table of regimes, row by row, on the parabola 1/2 x^2 (h = 1) from
 * x = 1, so that the factor is 1 - q: q = 0.5 crawls (factor between 0
 * and 1), q = 1 lands on 0, q = 1.5 changes side and shrinks (between -1
 * and 0), q = 2 bounces between 1 and -1, q = 3 grows (factor below -1).
 * (2.2): the same on every eigen-direction, so 0 < eta < 2/L. */
START_TEST(regimes_by_q)
{
    static const double one = 1.0;
    const struct function f = quadratic(&one, 1);
    static const double q[5] = {0.5, 1, 1.5, 2, 3};
    for (int i = 0; i < 5; i++) {
        double x = 1;
        gradient_descent(&f, &x, q[i], 0, 1, NULL, 0);
        ck_assert_double_eq_tol(x, 1 - q[i], 1e-15);
    }
    ck_assert_int_eq(regime_of(0.5, 1), REGIME_CRAWL);
    ck_assert_int_eq(regime_of(1, 1), REGIME_ONE_STEP);
    ck_assert_int_eq(regime_of(1.5, 1), REGIME_OSCILLATE);
    ck_assert_int_eq(regime_of(2, 1), REGIME_BOUNCE);
    ck_assert_int_eq(regime_of(3, 1), REGIME_DIVERGE);
    ck_assert_int_eq(regime_of(0, 1), REGIME_NOT_A_MINIMUM);
    {   /* the factor 1 - q of one step, from gradient_descent */
        const double crawl = factor_of_one_step(0.5, 1), oscillate = factor_of_one_step(1.5, 1);
        const double flip = factor_of_one_step(2.0, 1), grow = factor_of_one_step(3.0, 1);
        ck_assert(crawl == 1 - 0.5 && crawl > 0 && crawl < 1);
        ck_assert(oscillate == 1 - 1.5 && oscillate > -1 && oscillate < 0);
        ck_assert(flip == 1 - 2.0 && flip == -1);
        ck_assert(grow == 1 - 3.0 && grow < -1);
    }
    {   /* 1 < q < 2: the factor one step multiplies by is in (-1, 0) */
        double x = 1;
        gradient_descent(&f, &x, 1.5, 0, 1, NULL, 0);
        ck_assert(-1 < x && x < 0);
    }
    ck_assert_int_eq(regime_of(2.0 / 10, 10), REGIME_BOUNCE);      /* eta = 2/L */
    /* worked answer 3: a direction converges exactly when 0 < lr < 2/a */
    {
        static const double rates[5] = {-0.03, 0.01, 0.07, 0.3, 0.45}, curvatures[2] = {4, 25};
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 2; j++) {
                double lr = rates[i], a = curvatures[j];
                enum regime r = regime_of(lr, a);
                ck_assert((r == REGIME_CRAWL || r == REGIME_ONE_STEP || r == REGIME_OSCILLATE) ==
                          (0 < lr && lr < 2 / a));
            }
    }
}
END_TEST

/* The loss of plain gradient descent on a quadratic, from x^(0), is
 *     f(x^(k)) - f* = 1/2 sum_i a_i (1 - eta a_i)^(2k) (x_i^(0))^2,
 * a sum of terms that each shrink at every step while eta <= 2/L: the loss
 * never rises, even when the iterates zig-zag (x2 flips sign for eta > 1/L).
 * On 1/2 (x1^2 + 10 x2^2) from (1, 1), for rates from just past 1/L = 0.1
 * up to 2/L = 0.2: every step's loss is at most the one before, and equals
 * the closed form (relative 1e-12: 200 steps of a few roundings each).
 * Remove the cause (eta = 0.21 > 2/L, the x2 term grows by 1.1^2) and the
 * loss climbs at every step. */
START_TEST(loss_never_zigzags_below_two_over_l)
{
    static const double curvature[2] = {1.0, 10.0};
    static const double etas[] = {0.11, 0.15, 0.18, 0.19, 0.199, 0.2};
    const struct function f = quadratic(curvature, 2);
    for (size_t i = 0; i < sizeof etas / sizeof etas[0]; i++) {
        double x[2] = {1.0, 1.0}, eta = etas[i], loss = f.value(&f, x);
        if (i == sizeof etas / sizeof etas[0] - 1)
            ck_assert(regime_of(eta, curvature[1]) == REGIME_BOUNCE &&      /* the last rate is 2/L */
                      regime_of(2 / curvature[1], curvature[1]) == REGIME_BOUNCE);
        for (int k = 1; k <= 200; k++) {
            double before = loss, sign = x[1], closed;
            gradient_descent(&f, x, eta, 0, 1, NULL, 0);
            loss = f.value(&f, x);
            closed = 1.0 / 2 * (pow(1.0 - eta, 2.0 * k) + 10.0 * pow(1.0 - 10.0 * eta, 2.0 * k));
            ck_assert_double_le(loss, before);
            ck_assert_double_eq_tol(loss / closed, 1.0, 1e-12);
            /* (2.3), each direction's x multiplied by (1 - eta lambda)^k from 1 */
            ck_assert_double_eq_tol(loss, 1.0 / 2 * (curvature[0] * pow(1 - eta * curvature[0], 2.0 * k) +
                                                     curvature[1] * pow(1 - eta * curvature[1], 2.0 * k)),
                                    1e-12 * closed);
            ck_assert(!signbit(x[1]) != !signbit(sign));   /* the iterates zig-zag */
        }
    }
    {
        double x[2] = {1.0, 1.0}, loss = f.value(&f, x);
        for (int k = 1; k <= 200; k++) {
            double before = loss;
            gradient_descent(&f, x, 0.21, 0, 1, NULL, 0);
            loss = f.value(&f, x);
            ck_assert_double_gt(loss, before);
        }
    }
}
END_TEST

/* Near 2/L the warning is speed, not a zig-zag: the x2 term shrinks by
 * (1 - 10 eta)^2 per step, 0.64 at eta = 0.18, 0.81 at 0.19, 0.9801 at
 * 0.199, so after 100 steps a larger rate has left a larger loss. */
START_TEST(near_two_over_l_a_larger_rate_is_slower)
{
    static const double curvature[2] = {1.0, 10.0};
    static const double etas[] = {0.18, 0.19, 0.199};
    const struct function f = quadratic(curvature, 2);
    double after_100[3];
    for (int i = 0; i < 3; i++) {
        double x[2] = {1.0, 1.0};
        gradient_descent(&f, x, etas[i], 0, 100, NULL, 0);
        after_100[i] = f.value(&f, x);
    }
    ck_assert_double_eq_tol(pow(1.0 - 10.0 * 0.18, 2.0), 0.64, 1e-12);
    ck_assert_double_eq_tol(pow(1.0 - 10.0 * 0.199, 2.0), 0.9801, 1e-12);
    ck_assert_double_lt(after_100[0], after_100[1]);
    ck_assert_double_lt(after_100[1], after_100[2]);
    ck_assert_double_gt(after_100[2], 0.5);         /* 5 * 0.9801^100 = 0.67 */
}
END_TEST

/* Indices k at which f(x^(k)) > f(x^(k-1)) in the chapter's run of eta on
 * x^2 sin x, counted while the gap f - f* is above 1e-12 (below that the
 * gap is rounding of f's value, about 1e-14); up to max of them in at. */
static int loss_rises(double eta, long steps, long *at, int max)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x = 3.0, x_star = x2sinx_local_minimum(5.0);
    double f_star = f.value(&f, &x_star), loss = f.value(&f, &x);
    int count = 0;
    for (long k = 1; k <= steps && loss - f_star > 1e-12; k++) {
        double before = loss;
        gradient_descent(&f, &x, eta, 0, 1, NULL, 0);
        loss = f.value(&f, &x);
        if (loss > before) {
            if (count < max)
                at[count] = k;
            count++;
        }
    }
    return count;
}

/* "The loss of eta = 0.075 goes up and down, because the two ends of its
 * cycle lie at different heights."  The ends a (after 300 steps) and b
 * (after 301) of the cycle: f(a) and f(b) differ by far more than the
 * cycle's own wobble, and the loss alternates between them, rising at every
 * other step.  The cause removed: a two-point cycle whose ends lie at the
 * same height, f = 4 x^2 at eta = 1/4 (q = 2 exactly, x = 1, -1, 1, ...),
 * has a loss that never moves. */
START_TEST(cycle_ends_at_different_heights)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    static const double eight = 8.0;
    const struct function bowl = quadratic(&eight, 1);
    double a = x2sinx_descent(0.075, 300, NULL), b = x2sinx_descent(0.075, 301, NULL);
    double fa = f.value(&f, &a), fb = f.value(&f, &b), x = a, y = 1.0, before;
    ck_assert_double_gt(fabs(fa - fb), 0.1);
    for (int k = 1; k <= 20; k++) {
        before = f.value(&f, &x);
        gradient_descent(&f, &x, 0.075, 0, 1, NULL, 0);
        ck_assert_double_eq_tol(f.value(&f, &x), k % 2 ? fb : fa, 1e-9);
        ck_assert((f.value(&f, &x) > before) == (k % 2 ? fb > fa : fa > fb));
    }
    before = bowl.value(&bowl, &y);
    for (int k = 1; k <= 20; k++) {
        gradient_descent(&bowl, &y, 1.0 / 4, 0, 1, NULL, 0);
        ck_assert_double_eq(fabs(y), 1);                 /* a two-point cycle too */
        ck_assert_double_eq(bowl.value(&bowl, &y), before);
    }
}
END_TEST

/* x^2 sin x is a lopsided valley (f''' = 21.1 at x*), so a long swing can
 * land higher on the far wall.  eta = 0.05: the iterates zig-zag from step
 * 3 on, the loss falls at every step.  eta = 0.065, below 2/h (eta h =
 * 1.93): converges, but the loss rises at steps 4 and 6 before settling.
 * eta = 0.075, past 2/h: it rises at every other step for ever. */
START_TEST(lopsided_valley_loss_goes_up_and_down)
{
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.0));
    long at[8];
    ck_assert_int_eq(loss_rises(0.05, 60, at, 8), 0);
    ck_assert_int_eq(regime_of(0.065, h), REGIME_OSCILLATE);
    ck_assert_double_eq_tol(0.065 * h, 1.93, 5e-3);
    ck_assert_double_lt(0.065 * h, 2);                        /* converges: below 2 */
    ck_assert_double_gt(0.075, 2 / h);                        /* past 2/h */
    ck_assert_int_eq(loss_rises(0.065, 1000, at, 8), 2);
    ck_assert_int_eq(at[0], 4);
    ck_assert_int_eq(at[1], 6);
    for (long k = 4; k <= 6; k += 2) {          /* each rise: a swing that ends further out */
        double x_star = x2sinx_local_minimum(5.0);
        ck_assert_double_gt(fabs(x2sinx_descent(0.065, k, NULL) - x_star),
                            fabs(x2sinx_descent(0.065, k - 1, NULL) - x_star));
    }
    ck_assert_double_eq_tol(measured_ratio(0.065), 1.0 - 0.065 * h, 1e-6);
    ck_assert_int_eq(loss_rises(0.075, 300, at, 8), 149);   /* steps 4, 6, ..., 300 */
}
END_TEST

/* Why eta = 0.075 settles on a two-point cycle a, b instead of blowing up
 * as on a parabola: a = b - eta f'(b) and b = a - eta f'(a) give
 * (f'(a) - f'(b)) / (a - b) = 2/eta = 80/3, the mean of f'' between a and
 * b.  f'' is below h = 29.67 away from x*, so the swings grow until their
 * mean curvature has fallen to 80/3 (to rounding: 1e-9).  Remove the
 * cause, on the parabola 1/2 h x^2 whose curvature is h everywhere, and
 * eta = 0.075 multiplies the distance by 1 - 0.075 h = -1.225 for ever. */
START_TEST(two_point_cycle_has_mean_curvature_two_over_eta)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.0));
    double a = x2sinx_descent(0.075, 300, NULL), b = x2sinx_descent(0.075, 301, NULL);
    double slope_a, slope_b, y = 1.0;
    struct function parabola = quadratic(&h, 1);
    struct gd_run run;
    f.gradient(&f, &slope_a, &a);
    f.gradient(&f, &slope_b, &b);
    double x_star = x2sinx_local_minimum(5.0);
    ck_assert_double_eq_tol((slope_a - slope_b) / (a - b), 80.0 / 3, 1e-9);
    ck_assert_double_eq_tol((slope_a - slope_b) / (a - b), 26.67, 5e-3);
    ck_assert_double_eq_tol((slope_a - slope_b) / (a - b), 2 / 0.075, 1e-9);   /* the mean curvature is 2/eta */
    ck_assert_double_gt(0.075, 2 / h);                        /* just past 2/h */
    ck_assert_double_lt(80.0 / 3, h);
    /* lopsided: flatter on the left (a < x*), and the swing reaches further left */
    ck_assert_double_lt(a, x_star);
    ck_assert_double_lt(x2sinx_second_derivative(a), h);
    ck_assert_double_gt(x2sinx_second_derivative(b), h);
    ck_assert_double_gt(x_star - a, b - x_star);
    run = gradient_descent(&parabola, &y, 0.075, 0, 100000, NULL, 0);
    ck_assert(run.diverged);
    ck_assert_double_eq_tol(1.0 - 0.075 * h, -1.225, 5e-4);
    ck_assert_double_eq_tol(fabs(1.0 - 0.075 * h), 1.225, 5e-4);   /* each swing wider */
}
END_TEST

/* eta = 0.005 crawls: eta h = 0.148 is well below 1 */
START_TEST(eta_0_005_is_well_below_one)
{
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.0));
    ck_assert_double_lt(0.005 * h, 1);
    ck_assert_int_eq(regime_of(0.005, h), REGIME_CRAWL);
    ck_assert_double_eq_tol(1 - 0.005 * h, 0.852, 0.0005);          /* the factor 1 - eta h */
    /* measured, the same factor to four digits */
    const int digits = 4;
    ck_assert_str_eq(fixed(digits, measured_ratio(0.005)), fixed(digits, 1 - 0.005 * h));
}
END_TEST

/* eta = 0.05 oscillates: eta h = 1.483 is between 1 and 2 */
START_TEST(eta_0_05_is_between_one_and_two)
{
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.0));
    ck_assert_double_gt(0.05 * h, 1);
    ck_assert_double_lt(0.05 * h, 2);
    ck_assert_int_eq(regime_of(0.05, h), REGIME_OSCILLATE);
}
END_TEST

/* The speed near x* follows |1 - eta h|, not eta and not whether the run
 * oscillates: 0.05 (|1 - eta h| = 0.483) beats 0.005 (0.852), which beats
 * 0.065 (0.928), an oscillating run; and (exercise 2) 0.03 (0.110) beats
 * 0.06 (0.780). */
START_TEST(speed_follows_one_minus_eta_h)
{
    ck_assert_double_lt(fabs(measured_ratio(0.05)), measured_ratio(0.005));
    ck_assert_double_lt(measured_ratio(0.005), fabs(measured_ratio(0.065)));
    ck_assert_double_lt(measured_ratio(0.065), 0);
    ck_assert_double_lt(fabs(measured_ratio(0.03)), fabs(measured_ratio(0.06)));
    ck_assert_double_lt(fabs(1 - 0.03 * x2sinx_second_derivative(x2sinx_local_minimum(5.0))),
                        fabs(1 - 0.06 * x2sinx_second_derivative(x2sinx_local_minimum(5.0))));
}
END_TEST

/* The figure paths_converging.svg draws x2sinx_descent's rows.  Its claim:
 * eta = 0.05 overshoots x* at step 4 by 0.077 (it reads "by about 0.08"),
 * then x - x* changes sign at every step, the distance multiplied by
 * about 0.483 (within 0.02 from step 7 on, 1e-3 from step 20: the Taylor
 * term eta f''' e / 2 shrinks with e); eta = 0.005 stays left of x* for all
 * 60 steps of the figure. */
START_TEST(figure_paths_converging)
{
    double x_star = x2sinx_local_minimum(5.0);
    double h = x2sinx_second_derivative(x_star), before = x2sinx_descent(0.05, 3, NULL);
    ck_assert_double_lt(before, x_star);
    ck_assert_double_eq_tol(x2sinx_descent(0.05, 4, NULL) - x_star, 0.077, 5e-4);
    for (long k = 4; k <= 25; k++) {
        double x = x2sinx_descent(0.05, k, NULL);
        double ratio = (x - x_star) / (before - x_star);
        ck_assert_double_lt(ratio, 0);
        if (k >= 7)
            ck_assert_double_eq_tol(ratio, 1.0 - 0.05 * h, 0.02);
        if (k >= 20)
            ck_assert_double_eq_tol(ratio, 1.0 - 0.05 * h, 1e-3);
        before = x;
    }
    ck_assert_double_eq_tol(1.0 - 0.05 * h, -0.483, 5e-4);
    for (long k = 0; k <= 60; k++)
        ck_assert_double_lt(x2sinx_descent(0.005, k, NULL), x_star);
}
END_TEST

/* The figure gap.svg draws f(x^(k)) - f(x*) for the same runs.  Its legend:
 * near x* the gap is h e^2 / 2, so it is multiplied by (1 - eta h)^2 per
 * step, 0.852^2 for eta = 0.005 (read over steps 50-60, where e < 0.01)
 * and 0.483^2 for eta = 0.05 (steps 10-20); the Taylor term eta f''' e / 2
 * and the rounding of the ratio keep within 0.01 there. */
START_TEST(figure_gap)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0), f_star = f.value(&f, &x_star);
    double h = x2sinx_second_derivative(x_star);
    static const double etas[2] = {0.005, 0.05}, factors[2] = {0.852, 0.483};
    static const long first[2] = {50, 10};
    for (int i = 0; i < 2; i++) {
        ck_assert_double_eq_tol(fabs(1.0 - etas[i] * h), factors[i], 5e-4);
        for (long k = first[i]; k < first[i] + 10; k++) {
            double a = x2sinx_descent(etas[i], k, NULL), b = x2sinx_descent(etas[i], k + 1, NULL);
            double ratio = (f.value(&f, &b) - f_star) / (f.value(&f, &a) - f_star);
            ck_assert_double_eq_tol(ratio, factors[i] * factors[i], 0.01);
        }
        {   /* the gap is 1/2 h e^2 near x*, to the Taylor term: 1 % here */
            double x = x2sinx_descent(etas[i], first[i] + 10, NULL);
            ck_assert_double_eq_tol((f.value(&f, &x) - f_star)
                                    / (1.0 / 2 * h * (x - x_star) * (x - x_star)), 1.0, 0.01);
        }
    }
}
END_TEST

/* Exercise 4's answer (the reference estimate_curvature): the central
 * difference's error has two causes.  At s = 1e-4 it is the truncation
 * s^2 f''''(x*) / 6, f'''' = -8x cos x - (12 - x^2) sin x = -27.81 at x*:
 * the error is that, within 5 %, and below 1e-6.  At s = 1e-10, 1e-11,
 * 1e-12 the truncation is below 1e-19, yet the error is larger than at
 * 1e-4: rounding, 1e-16 * 10 / s (the terms 2x sin x and x^2 cos x that
 * cancel in f' are about 10 each), to within a factor 10. */
START_TEST(curvature_estimate_errors)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x = x2sinx_local_minimum(5.1), h = x2sinx_second_derivative(x);
    double fourth = -8.0 * x * cos(x) - (12.0 - x * x) * sin(x);
    double s = 1e-4, error = estimate_curvature(&f, x, s) - h, terms;
    ck_assert_double_eq_tol(fourth, -27.81, 5e-3);
    ck_assert_double_lt(fabs(error), 1e-6);
    ck_assert_double_lt(fabs(error / (s * s * fourth / 6) - 1), 0.05);
    terms = fmax(fabs(2.0 * x * sin(x)), fabs(x * x * cos(x)));
    ck_assert_double_eq_tol(terms, 10, 0.6);        /* 9.47 and 9.48 */
    ck_assert_double_eq_tol(2.0 * x * sin(x) + x * x * cos(x), 0, 1e-12);   /* f'(x*) */
    for (int i = 0; i < 3; i++) {                   /* s = 1e-10, then ten and a hundred times less */
        double rounding;
        s = 1e-10 / pow(10, i);
        rounding = 1e-16 * 10 / s;
        error = fabs(estimate_curvature(&f, x, s) - h);
        ck_assert_double_gt(error, 1e-6);
        ck_assert_double_gt(error, rounding / 10);
        ck_assert_double_lt(error, rounding * 10);
    }
}
END_TEST

/* "Try rates a factor of 3 or 10 apart": on 1/2 (x1^2 + 10 x2^2) from
 * (1, 1), 100 steps of 0.001, 0.003, ..., 0.3.  The first rate whose loss
 * climbs is 0.3 (past 2/L = 0.2), and the best of the others is the one
 * just below it, 0.1. */
START_TEST(grid_of_rates)
{
    static const double curvature[2] = {1.0, 10.0};
    static const double etas[] = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3};
    const struct function f = quadratic(curvature, 2);
    double best = INFINITY, best_eta = 0, first_climbing = 0;
    for (size_t i = 0; i < sizeof etas / sizeof etas[0]; i++) {
        double x[2] = {1.0, 1.0}, start = f.value(&f, x), loss;
        gradient_descent(&f, x, etas[i], 0, 100, NULL, 0);
        loss = f.value(&f, x);
        if (loss > start && first_climbing == 0)
            first_climbing = etas[i];
        if (loss < start && loss < best) {
            best = loss;
            best_eta = etas[i];
        }
    }
    ck_assert_double_eq_tol(etas[1] / etas[0], 3, 1e-12);      /* a factor of 3 or 10 apart */
    ck_assert_double_eq_tol(etas[2] / etas[0], 10, 1e-12);
    ck_assert_double_eq(first_climbing, 0.3);
    ck_assert_double_eq(best_eta, 0.1);
    ck_assert_double_eq(best_eta, 1 / curvature[1]);          /* the best at 1/L */
    ck_assert_double_gt(first_climbing, 2 / curvature[1]);    /* climbing above 2/L */
}
END_TEST

/* "Divide eta by 2 or more": on 1/2 (x1^2 + 10 x2^2) from (1, 1) the
 * grid's first climbing rate 0.3 lies below 2 * 2/L = 0.4, so half of it,
 * 0.15, is below 2/L and its loss falls over 100 steps. */
START_TEST(halving_a_climbing_rate)
{
    static const double curvature[2] = {1.0, 10.0};
    const struct function f = quadratic(curvature, 2);
    const double climbing = 0.3, halved = climbing / 2;
    double x[] = {1.0, 1.0}, y[] = {1.0, 1.0};
    const double start = f.value(&f, x);
    double loss_climbing, loss_halved;
    gradient_descent(&f, x, climbing, 0, 100, NULL, 0);
    gradient_descent(&f, y, halved, 0, 100, NULL, 0);
    loss_climbing = f.value(&f, x);
    loss_halved = f.value(&f, y);
    ck_assert_double_gt(loss_climbing, start);
    ck_assert_double_lt(loss_halved, start);
    ck_assert_double_eq(climbing / halved, 2);
    /* past 2/L it climbs; halved, it is below 2/L and falls */
    ck_assert_double_gt(climbing, 2 / f.param[1]);
    ck_assert_double_lt(halved, 2 / f.param[1]);
}
END_TEST

/* (2.2) from the factors: on 1/2 (x1^2 + 10 x2^2) one step from (1, 1)
 * multiplies each coordinate by its factor 1 - eta a_i.  At eta = 0.19
 * (below 2/L = 0.2) both factors, 0.81 and -0.9, lie between -1 and 1; at
 * eta = 0.21 the steep one is -1.1, outside, and that direction grows. */
START_TEST(every_factor_must_lie_between_minus_one_and_one)
{
    static const double curvature[2] = {1.0, 10.0};
    const struct function f = quadratic(curvature, 2);
    double x[] = {1.0, 1.0}, y[] = {1.0, 1.0};
    double flat, steep, steep_too_far;
    gradient_descent(&f, x, 0.19, 0, 1, NULL, 0);
    gradient_descent(&f, y, 0.21, 0, 1, NULL, 0);
    flat = x[0];
    steep = x[1];
    steep_too_far = y[1];
    ck_assert_double_gt(flat, -1);
    ck_assert_double_lt(flat, 1);
    ck_assert_double_gt(steep, -1);
    ck_assert_double_lt(steep, 1);
    ck_assert_double_lt(steep_too_far, -1);
    ck_assert_double_eq_tol(steep, 1 - 0.19 * curvature[1], 1e-15);    /* the factor 1 - eta lambda */
}
END_TEST

/* Worked answer 6: on the valley a = (1, 10) the factors |1 - eta a_i| are
 * 0.9 and 0 at eta = 0.1 (the flat direction is the slow one), 0.81 and
 * -0.9 at eta = 0.19 (now the steep one, oscillating, as slow as before). */
START_TEST(exercise_6_factors)
{
    const double a[2] = {1, 10}, lr_flat = 0.1, lr_steep = 0.19;
    ck_assert_str_eq(fixed(1, 1 - lr_flat * a[0]), "0.9");
    ck_assert_double_eq_tol(1 - lr_flat * a[1], 0, 1e-15);
    ck_assert_str_eq(fixed(2, 1 - lr_steep * a[0]), "0.81");
    ck_assert_str_eq(fixed(1, 1 - lr_steep * a[1]), "-0.9");
    ck_assert_double_eq_tol(fabs(1 - lr_steep * a[1]), 1 - lr_flat * a[0], 1e-15);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("02-learning-rate");
    TCase *minimum = tcase_create("ch02 worked example: x^2 sin x");
    TCase *quadratic_case = tcase_create("ch02 worked example: eta < 2/L");
    tcase_add_test(minimum, x2sinx_minimum_solves_tan_x_equals_minus_x_over_2);
    tcase_add_test(minimum, curvature_and_thresholds);
    tcase_add_test(minimum, predicted_regimes);
    tcase_add_test(minimum, measured_ratio_is_one_minus_eta_h);
    tcase_add_test(minimum, past_two_over_h_does_not_converge);
    tcase_add_test(quadratic_case, stability_limit_two_over_l);
    tcase_add_test(minimum, exercise_1_answer);
    tcase_add_test(minimum, exercise_2_answer);
    tcase_add_test(minimum, exercise_6_factors);
    tcase_add_test(minimum, taylor_parabola);
    tcase_add_test(minimum, regimes_by_q);
    tcase_add_test(quadratic_case, loss_never_zigzags_below_two_over_l);
    tcase_add_test(quadratic_case, near_two_over_l_a_larger_rate_is_slower);
    tcase_add_test(quadratic_case, grid_of_rates);
    tcase_add_test(minimum, lopsided_valley_loss_goes_up_and_down);
    tcase_add_test(minimum, cycle_ends_at_different_heights);
    tcase_add_test(minimum, two_point_cycle_has_mean_curvature_two_over_eta);
    tcase_add_test(minimum, eta_0_005_is_well_below_one);
    tcase_add_test(minimum, halving_a_climbing_rate);
    tcase_add_test(minimum, every_factor_must_lie_between_minus_one_and_one);
    tcase_add_test(minimum, eta_0_05_is_between_one_and_two);
    tcase_add_test(minimum, speed_follows_one_minus_eta_h);
    tcase_add_test(minimum, figure_paths_converging);
    tcase_add_test(minimum, figure_gap);
    tcase_add_test(minimum, curvature_estimate_errors);
    suite_add_tcase(suite, minimum);
    suite_add_tcase(suite, quadratic_case);
    return suite;
}
