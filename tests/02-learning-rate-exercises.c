/* tests/02-learning-rate-exercises.c: chapter 2's code exercises. */
#include "harness.h"
#include "02-learning-rate/exercises.h"
#include "02-learning-rate/learning_rate.h"
#include "00-toolkit/rng.h"

#include <stdio.h>

/* (2.2): eta < 2 / L.  For curvatures 1, 10 that is 1/5; for 4, 25 it is
 * 2/25; the order of the curvatures must not matter.  One division: 1e-15. */
START_TEST(largest_stable_eta_is_two_over_l)
{
    const double a[2] = {1.0, 10.0}, b[3] = {25.0, 4.0, 9.0};
    GIVEN("largest_stable_eta(curvature = {1, 10}, dim = 2)");
    double got = largest_stable_eta(a, 2);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 1.0 / 5, 1e-15,
                  "as eta grows, which direction is the first to overshoot? (2.2)");
    GIVEN("largest_stable_eta(curvature = {25, 4, 9}, dim = 3)");
    EXPECT_ANSWER(largest_stable_eta(b, 3), 2.0 / 25, 1e-15,
                  "look at every curvature: the tightest one need not come first");
    /* 50 random problems, so that no list of answers passes: 1 to 8
     * curvatures from 10^-2 to 10^2, the largest anywhere; (2.2) is
     * 2 / max a_i, the same one division (tolerance: 4 units in the last
     * place, for 2 * (1 / max a_i)). */
    struct rng r;
    rng_seed(&r, 23);
    for (int n = 0; n < 50; n++) {
        double c[8], largest = 0.0;
        char list[200];
        size_t dim = 1 + (size_t)rng_below(&r, 8), used = 0;
        for (size_t i = 0; i < dim; i++) {
            c[i] = pow(10.0, 4.0 * rng_uniform(&r) - 2.0);
            largest = fmax(largest, c[i]);
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%.17g", i ? ", " : "",
                                     c[i]);
        }
        GIVEN("largest_stable_eta(curvature = {%s}, dim = %zu), random (case %d of 50)", list,
              dim, n + 1);
        EXPECT_ANSWER(largest_stable_eta(c, dim), 2.0 / largest, 8.9e-16 * (2.0 / largest),
                      "look at every curvature: the tightest one need not come first");
    }
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
    GIVEN("estimate_curvature(f = x2sinx, x = %.6g (its minimum near 5), step = 1e-4)", x_star);
    double got = estimate_curvature(&f, x_star, 1e-4);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, x2sinx_second_derivative(x_star), 1e-6,
                  "f'' is how fast f' changes: compare the gradient a step either side of x");
    /* Other points, so that no list of answers passes (|x| <= 8: |f''''| =
     * |x^2 sin x - 12 sin x - 8x cos x| <= 140, so the error is below
     * 1e-8 * 140 / 6 < 2.5e-7; the terms of f' are below 120, rounding
     * ~1e-10), and a quadratic, whose central difference is its curvature
     * up to rounding (~1e-16 * 6 / 1e-4). */
    static const double points[] = {-8.0, -1.5, 0.5, 2.0, 7.25};
    for (size_t i = 0; i < sizeof points / sizeof points[0]; i++) {
        GIVEN("estimate_curvature(f = x2sinx, x = %g, step = 1e-4)", points[i]);
        EXPECT_ANSWER(estimate_curvature(&f, points[i], 1e-4),
                      x2sinx_second_derivative(points[i]), 1e-6,
                      "f'' is how fast f' changes: compare the gradient a step either side of x");
    }
    const struct function q = function_from_spec("--function", "quadratic:3");
    GIVEN("estimate_curvature(f = quadratic:3, i.e. 3/2 x^2, x = 2, step = 1e-4)");
    EXPECT_ANSWER(estimate_curvature(&q, 2.0, 1e-4), 3.0, 1e-9,
                  "divide the change of the gradient by the distance between the two points");
}
END_TEST

/* Exercise 5: regime_yours next to regime_of at the edges q = 0, 1, 2
 * (exactly: eta = q / h with h a power of two), just beside them, and at
 * 200 random points of q in [-1, 4).  Exact: the answer is a label. */
START_TEST(regime_like_the_book)
{
    static const double q[] = {-1.0, 0.0, 0.5, 1.0, 1.5, 2.0, 3.0};
    static const double h[] = {1.0, 4.0, 0.25};
    struct rng r;
    GIVEN("regime_yours(eta = 0.5, curvature = 1)");
    enum regime first = regime_yours(0.5, 1.0);
    RETURN_IF_PENDING();
    (void)first;
    rng_seed(&r, 2);
    for (int n = 0; n < 7 * 3 * 3 + 200; n++) {
        double eta, curvature;
        if (n < 63) {
            curvature = h[n % 3];
            eta = q[(n / 3) % 7] / curvature;
            if (n / 21 == 1)
                eta = nextafter(eta, INFINITY);     /* just above the edge */
            else if (n / 21 == 2)
                eta = nextafter(eta, -INFINITY);    /* just below */
        } else {
            curvature = 0.1 + 10.0 * rng_uniform(&r);
            eta = (-1.0 + 5.0 * rng_uniform(&r)) / curvature;
        }
        enum regime want = regime_of(eta, curvature), got = regime_yours(eta, curvature);
        GIVEN("regime_yours(eta = %.17g, curvature = %.17g), q = eta h = %.17g: \"%s\" expected, "
              "\"%s\" given (as enum numbers)", eta, curvature, eta * curvature,
              regime_name(want), got >= REGIME_NOT_A_MINIMUM && got <= REGIME_DIVERGE
                                     ? regime_name(got) : "no regime");
        EXPECT_ANSWER(got, want, 0,
                      want == REGIME_ONE_STEP || want == REGIME_BOUNCE
                          ? "an edge of the table under (2.1) is a regime of its own: test the edges exactly"
                          : want == REGIME_NOT_A_MINIMUM
                                ? "q <= 0: no valley to settle in"
                                : "(2.1) gives the factor per step from q: which values of it crawl, "
                                  "oscillate, diverge?");
    }
}
END_TEST

/* Exercise 6: against max |1 - eta a_i| computed here, on the chapter's
 * a = (1, 10) at eta = 0.1 (factor 0.9: the flat direction is the slow
 * one) and 0.19 (0.9 again: now the steep one), then on 100 random
 * cases.  Exactly: the same operations. */
START_TEST(convergence_factor_is_the_worst)
{
    static const double a[2] = {1.0, 10.0};
    double a_random[6];
    struct rng r;
    GIVEN("convergence_factor(curvature = {1, 10}, dim = 2, eta = 0.1)");
    double got = convergence_factor(a, 2, 0.1);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, fabs(1.0 - 0.1 * 1.0), 0,
                  "(2.1) in each direction: which of the two directions is the slow one at "
                  "eta = 0.1?");
    GIVEN("convergence_factor(curvature = {1, 10}, dim = 2, eta = 0.19)");
    EXPECT_ANSWER(convergence_factor(a, 2, 0.19), fabs(1.0 - 0.19 * 10.0), 0,
                  "take the absolute value: a factor of -0.9 shrinks as slowly as 0.9");
    /* solutions/02-learning-rate.md: the other factor at 0.19 */
    ck_assert_str_eq(fixed(2, fabs(1.0 - 0.19 * 1.0)), "0.81");
    rng_seed(&r, 3);
    for (int n = 0; n < 100; n++) {
        size_t dim = 1 + (size_t)rng_below(&r, 6);
        double eta = rng_uniform(&r), want = 0.0;
        for (size_t i = 0; i < dim; i++) {
            a_random[i] = 5.0 * rng_uniform(&r);
            want = fmax(want, fabs(1.0 - eta * a_random[i]));
        }
        GIVEN("convergence_factor on %zu random curvatures in [0, 5) with eta = %g (case %d)",
              dim, eta, n + 1);
        EXPECT_ANSWER(convergence_factor(a_random, dim, eta), want, 0,
                      "look at every curvature, not only the largest: the smallest can be the "
                      "slowest");
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("02-learning-rate exercises");
    ADD_EXERCISE(suite, "2.3 the largest stable learning rate", largest_stable_eta_is_two_over_l);
    ADD_EXERCISE(suite, "2.4 a curvature from two gradients", curvature_of_x2sinx_at_its_minimum);
    ADD_EXERCISE(suite, "2.5 the regime of a learning rate", regime_like_the_book);
    ADD_EXERCISE(suite, "2.6 the factor per step", convergence_factor_is_the_worst);
    return suite;
}
