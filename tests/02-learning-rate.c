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
#include "02-learning-rate/learning_rate.h"

static double slope(double x)
{
    return 2.0 * x * sin(x) + x * x * cos(x);
}

START_TEST(x2sinx_minimum_solves_tan_x_equals_minus_x_over_2)
{
    double x = x2sinx_local_minimum(5.0);
    ck_assert_double_eq_tol(slope(x), 0.0, 1e-12);
    ck_assert_double_gt(x, 1.5 * acos(-1.0));   /* 3 pi / 2 */
    ck_assert_double_lt(x, 2.0 * acos(-1.0));
    /* f'(x) = x (2 sin x + x cos x) = 0  <=>  tan x = -x/2 */
    ck_assert_double_eq_tol(tan(x), -x / 2, 1e-12);
    ck_assert_double_eq_tol(x, 5.086985094102, 1e-12);
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
    gradient_descent(&f, &x, 0.075, 0.0, 300, NULL, 0);
    first = x;
    gradient_descent(&f, &x, 0.075, 0.0, 1, NULL, 0);
    ck_assert_double_eq_tol(first, 4.5084, 5e-5);
    ck_assert_double_eq_tol(x, 5.4795, 5e-5);
    gradient_descent(&f, &x, 0.075, 0.0, 1, NULL, 0);
    ck_assert_double_eq_tol(x, first, 1e-9);
    ck_assert_double_gt(fabs(first - x_star), 0.39);
    x = 3.0;
    gradient_descent(&f, &x, 0.2, 0.0, 300, NULL, 0);
    other = x2sinx_local_minimum(x);
    h = x2sinx_second_derivative(other);
    ck_assert_double_eq_tol(other, -2.2889, 5e-5);
    ck_assert_double_eq_tol(h, 8.4635, 5e-5);
    ck_assert_double_eq_tol(2.0 / h, 0.2363, 5e-5);
    ck_assert_int_eq(regime_of(0.2, h), REGIME_OSCILLATE);
}
END_TEST

/* (2.2) on 1/2 (x1^2 + 10 x2^2) from (1, 1): after 100 steps the x2 part
 * is (1 - 10 eta)^100, so eta = 0.2 leaves |x2| = 1 exactly and eta = 0.21
 * leaves 1.1^100 = 13780.6...; the x1 part 0.8^100 or 0.79^100 is tiny. */
START_TEST(stability_limit_two_over_l)
{
    static const double curvature[2] = {1.0, 10.0};
    const struct function f = quadratic(curvature, 2);
    double x[2] = {1.0, 1.0}, y[2] = {1.0, 1.0};
    gradient_descent(&f, x, 0.2, 0.0, 100, NULL, 0);
    ck_assert_double_eq_tol(fabs(x[1]), 1.0, 1e-12);
    gradient_descent(&f, y, 0.21, 0.0, 100, NULL, 0);
    ck_assert_double_eq_tol(fabs(y[1]) / pow(1.1, 100), 1.0, 1e-12);
}
END_TEST

/* solutions/02-learning-rate.md.  Exercise 1: curvatures 4 and 25, so
 * eta < 2/25 = 0.08; there x2's factor is 1 - 0.08 * 25 = -1 and x1's is
 * 1 - 0.32 = 0.68.  Exercise 2: eta h = 0.890 (crawl, factor 0.110) and
 * 1.780 (oscillates, factor -0.780), to three digits. */
START_TEST(exercise_answers)
{
    double h = x2sinx_second_derivative(x2sinx_local_minimum(5.0));
    ck_assert_int_eq(regime_of(2.0 / 25, 25.0), REGIME_BOUNCE);
    ck_assert_double_eq_tol(1.0 - 2.0 / 25 * 25.0, -1.0, 1e-15);
    ck_assert_double_eq_tol(1.0 - 2.0 / 25 * 4.0, 0.68, 1e-15);
    ck_assert_int_eq(regime_of(0.03, h), REGIME_CRAWL);
    ck_assert_int_eq(regime_of(0.06, h), REGIME_OSCILLATE);
    ck_assert_double_eq_tol(0.03 * h, 0.890, 5e-4);
    ck_assert_double_eq_tol(0.06 * h, 1.780, 5e-4);
    ck_assert_double_eq_tol(measured_ratio(0.06), -0.780, 5e-4);
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
    tcase_add_test(minimum, exercise_answers);
    suite_add_tcase(suite, minimum);
    suite_add_tcase(suite, quadratic_case);
    return suite;
}
