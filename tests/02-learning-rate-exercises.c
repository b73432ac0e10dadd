/* tests/02-learning-rate-exercises.c: chapter 2's code exercises. */
#include "harness.h"
#include "02-learning-rate/exercises.h"
#include "02-learning-rate/learning_rate.h"

/* (2.2): eta < 2 / L.  For curvatures 1, 10 that is 1/5; for 4, 25 it is
 * 2/25; the order of the curvatures must not matter.  One division: 1e-15. */
START_TEST(largest_stable_eta_is_two_over_l)
{
    const double a[2] = {1.0, 10.0}, b[3] = {25.0, 4.0, 9.0};
    double got = largest_stable_eta(a, 2);
    RETURN_IF_PENDING();
    GIVEN("largest_stable_eta(curvature = {1, 10}, dim = 2)");
    EXPECT_ANSWER(got, 1.0 / 5, 1e-15,
                  "as eta grows, which direction is the first to overshoot? (2.2)");
    GIVEN("largest_stable_eta(curvature = {25, 4, 9}, dim = 3)");
    EXPECT_ANSWER(largest_stable_eta(b, 3), 2.0 / 25, 1e-15,
                  "look at every curvature: the tightest one need not come first");
}
END_TEST

/* The central difference (f'(x+s) - f'(x-s)) / 2s has error s^2 f''''/6;
 * for x^2 sin x near x* |f''''| < 150, so s = 1e-4 gives < 2.5e-7.
 * Rounding adds about 1e-16 times the size of the terms that cancel in f'
 * (2x sin x and x^2 cos x, ~10 here) over s: ~1e-11.  Tolerance 1e-6. */
START_TEST(curvature_of_x2sinx_at_its_minimum)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0);
    double got = estimate_curvature(&f, x_star, 1e-4);
    RETURN_IF_PENDING();
    GIVEN("estimate_curvature(f = x2sinx, x = %.6g (its minimum near 5), step = 1e-4)", x_star);
    EXPECT_ANSWER(got, x2sinx_second_derivative(x_star), 1e-6,
                  "f'' is how fast f' changes: compare the gradient a step either side of x");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("02-learning-rate exercises");
    ADD_EXERCISE(suite, "2.3 the largest stable learning rate", largest_stable_eta_is_two_over_l);
    ADD_EXERCISE(suite, "2.4 a curvature from two gradients", curvature_of_x2sinx_at_its_minimum);
    return suite;
}
