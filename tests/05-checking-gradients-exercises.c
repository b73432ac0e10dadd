/* tests/05-checking-gradients-exercises.c: chapter 5's code exercises. */
#include "harness.h"
#include "00-toolkit/rng.h"
#include "00-toolkit/functions.h"
#include "05-checking-gradients/exercises.h"
#include "05-checking-gradients/mystery.h"

#include <complex.h>
#include <string.h>

/* (5.7) on the cases the chapter reads: opposite signs give 2; a factor
 * -50 gives 51/50; tiny values are divided by the floor.  One division
 * and a subtraction: 1e-15. */
START_TEST(relative_error_of_the_chapter)
{
    GIVEN("gradient_relative_error(analytic = 3, numeric = -3, floor = 1e-2)");
    double got = gradient_relative_error(3.0, -3.0, 1e-2);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 2.0, 1e-15, "opposite signs and the same size: what should r say?");
    GIVEN("gradient_relative_error(analytic = -15, numeric = 0.3, floor = 1e-2)");
    EXPECT_ANSWER(gradient_relative_error(-15.0, 0.3, 1e-2), 51.0 / 50, 1e-15,
                  "(5.7) divides by a size: of which of the two numbers, and is a sign part of a size?");
    GIVEN("gradient_relative_error(analytic = 0.3, numeric = -15, floor = 1e-2)");
    EXPECT_ANSWER(gradient_relative_error(0.3, -15.0, 1e-2), 51.0 / 50, 1e-15,
                  "either argument may be the larger one");
    GIVEN("gradient_relative_error(analytic = 1e-12, numeric = -1e-12, floor = 1e-2)");
    EXPECT_ANSWER(gradient_relative_error(1e-12, -1e-12, 1e-2), 2e-10, 1e-25,
                  "two tiny numbers: what is the floor for?");
    GIVEN("gradient_relative_error(analytic = 0, numeric = 0, floor = 1e-2)");
    EXPECT_ANSWER(gradient_relative_error(0.0, 0.0, 1e-2), 0.0, 0.0,
                  "two zeros agree; the floor keeps the division defined");
    /* 40 random pairs, so that no list of answers passes: sizes from 10^-4
     * to 10^2, either sign, floor 10^-2; (5.7) computed here,
     * |a - n| / max(floor, |a|, |n|), the same operations (1e-15
     * relative: r is at most 2). */
    struct rng r;
    rng_seed(&r, 57);
    for (int n = 0; n < 40; n++) {
        double a = pow(10.0, 6.0 * rng_uniform(&r) - 4.0) * (rng_uniform(&r) < 0.5 ? -1 : 1),
               m = pow(10.0, 6.0 * rng_uniform(&r) - 4.0) * (rng_uniform(&r) < 0.5 ? -1 : 1);
        double want = fabs(a - m) / fmax(1e-2, fmax(fabs(a), fabs(m)));
        GIVEN("gradient_relative_error(analytic = %.17g, numeric = %.17g, floor = 1e-2), random "
              "(case %d of 40)", a, m, n + 1);
        EXPECT_ANSWER(gradient_relative_error(a, m, 1e-2), want, 1e-15 * fmax(want, 1e-300),
                      "(5.7): the difference over the larger size, or the floor when both are "
                      "smaller");
    }
}
END_TEST

/* A sign flipped in coordinate 1 of Booth's gradient. */
static void booth_broken(const void *context, double *grad, const double *x)
{
    const struct function *f = context;
    f->gradient(f, grad, x);
    grad[0] = -grad[0];
}

/* The mystery routine is wrong in coordinate 3 wherever x1 != x3, right
 * in the other two; a correct gradient gives -1; a flipped sign in
 * coordinate 1 gives 0. */
START_TEST(worst_coordinate_finds_the_bug)
{
    struct checked mystery = mystery_checked();
    struct function booth = function_from_spec("--function", "booth");
    struct checked good = checked_function(&booth), bad = good;
    const double x[3] = {0.5, -1.0, 2.0}, y[3] = {-1.5, 0.25, 0.75}, b[2] = {0.5, -1.0};
    double copy[3] = {0.5, -1.0, 2.0};
    GIVEN("worst_coordinate(mystery_checked(), x = {0.5, -1, 2}, threshold = 1e-6)");
    long got = worst_coordinate(&mystery, copy, 1e-6);
    RETURN_IF_PENDING();
    bad.gradient = booth_broken;
    GIVEN("worst_coordinate(mystery_checked(), x = {0.5, -1, 2}, threshold = 1e-6)");
    EXPECT_ANSWER(got, 2, 0, "compare each coordinate's gradient with its own central difference");
    EXPECT_ANSWER(memcmp(copy, x, sizeof x) == 0, 1, 0,
                  "x must be the same after the call: probe a copy");
    GIVEN("worst_coordinate(mystery_checked(), x = {-1.5, 0.25, 0.75}, threshold = 1e-6)");
    EXPECT_ANSWER(worst_coordinate(&mystery, y, 1e-6), 2, 0, "the same bug at another point");
    GIVEN("worst_coordinate(booth, x = {0.5, -1}, threshold = 1e-6)");
    EXPECT_ANSWER(worst_coordinate(&good, b, 1e-6), -1, 0,
                  "a correct gradient: what do you return when nothing is above the threshold?");
    GIVEN("worst_coordinate(booth with the sign of coordinate 0 flipped, x = {0.5, -1}, "
          "threshold = 1e-6)");
    EXPECT_ANSWER(worst_coordinate(&bad, b, 1e-6), 0, 0, "coordinates count from 0");
}
END_TEST

/* Exercises 5 and 6 on f = exp, sin and x^3 (real and complex), at five
 * points and steps from 1e-1 to 1e-12 (1e-100 too for the complex step,
 * where the central difference returns 0).  Against the book's functions:
 * 1e-12 relative for the central difference (the same operations, or
 * 2h written h + h: exact in binary, or x + h - (x - h), a few units in
 * the last place of the difference, divided by a step as small as 1e-12:
 * 1e-12 would be too tight there, so those steps are compared at 1e-3 of
 * the answer, still far from a missing factor 2); exactly for the
 * complex step, one evaluation and one division. */
static double cube(double x) { return x * x * x; }
static double complex cube_c(double complex z) { return z * z * z; }
static double complex exp_c(double complex z) { return cexp(z); }
static double complex sin_c(double complex z) { return csin(z); }

START_TEST(central_difference_like_the_book)
{
    static const real_function f[] = {exp, sin, cube};
    static const char *const names[] = {"exp", "sin", "x^3"};
    static const double xs[] = {0.0, 0.5, -1.0, 2.0, 10.0};
    GIVEN("central_difference_yours(x^3, x = 1, h = 0.1)");
    double first = central_difference_yours(cube, 1.0, 0.1);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(first, 3.01, 1e-12,
                  "(5.2): one value on each side of x; how far apart are the two points?");
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 5; i++)
            for (int e = 1; e <= 12; e++) {
                double h = pow(10.0, -e), want = central_difference(f[k], xs[i], h);
                GIVEN("central_difference_yours(%s, x = %g, h = %g)", names[k], xs[i], h);
                EXPECT_ANSWER(central_difference_yours(f[k], xs[i], h), want,
                              (e <= 6 ? 1e-12 : 1e-3) * fmax(1.0, fabs(want)),
                              "(5.2) divides by the distance between the two points: how far apart are they?");
            }
}
END_TEST

START_TEST(complex_step_like_the_book)
{
    static const complex_function f[] = {exp_c, sin_c, cube_c};
    static const char *const names[] = {"exp", "sin", "x^3"};
    static const double xs[] = {0.0, 0.5, -1.0, 2.0, 10.0};
    GIVEN("complex_step_yours(x^3, x = 1, h = 1e-20)");
    double first = complex_step_yours(cube_c, 1.0, 1e-20);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(first, 3.0, 0,
                  "(5.5): which part of f(x + ih) carries the derivative, and divided by what?");
    for (int k = 0; k < 3; k++)
        for (int i = 0; i < 5; i++)
            for (int e = 1; e <= 100; e += (e < 20 ? 1 : 20)) {
                double h = pow(10.0, -e), want = complex_step(f[k], xs[i], h);
                GIVEN("complex_step_yours(%s, x = %g, h = %g)", names[k], xs[i], h);
                EXPECT_ANSWER(complex_step_yours(f[k], xs[i], h), want, 0,
                              "(5.5): which part of f(x + ih) does it keep, and what does it divide by?");
            }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("05-checking-gradients exercises");
    ADD_EXERCISE(suite, "5.3 the relative error of a gradient check", relative_error_of_the_chapter);
    ADD_EXERCISE(suite, "5.4 find the wrong coordinate", worst_coordinate_finds_the_bug);
    ADD_EXERCISE(suite, "5.5 the central difference", central_difference_like_the_book);
    ADD_EXERCISE(suite, "5.6 the complex step", complex_step_like_the_book);
    return suite;
}
