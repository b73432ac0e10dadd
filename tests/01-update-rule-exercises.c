/* tests/01-update-rule-exercises.c: chapter 1's code exercises. */
#include "harness.h"
#include "01-update-rule/exercises.h"

/* From the closed form (1.3): |f'(x_k)| = a |x0| |1 - eta a|^k < tol first
 * at k = ceil(ln(tol / (a |x0|)) / ln|1 - eta a|).  For a = 2, x0 = 4,
 * eta = 0.1: ln(1e-6 / 8) / ln 0.8 = 71.2..., so 72 steps. */
START_TEST(steps_until_small_gradient_matches_closed_form)
{
    long steps = steps_until_small_gradient(2.0, 4.0, 0.1, 1e-6);
    RETURN_IF_PENDING();
    GIVEN("steps_until_small_gradient(a = 2, x0 = 4, eta = 0.1, tolerance = 1e-6)");
    EXPECT_ANSWER(steps, 72, 0,
                  "count the updates (the times x changes), not the points visited, and "
                  "stop at the first x whose |f'(x)| is below the tolerance");
    GIVEN("steps_until_small_gradient(a = 2, x0 = 4, eta = 0.1, tolerance = 10)");
    EXPECT_ANSWER(steps_until_small_gradient(2.0, 4.0, 0.1, 10.0), 0, 0,
                  "look at the gradient before the first update: a start that is already "
                  "flat enough needs none");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("01-update-rule exercises");
    ADD_EXERCISE(suite, "1.3 count the steps", steps_until_small_gradient_matches_closed_form);
    return suite;
}
