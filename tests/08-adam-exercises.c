/* tests/08-adam-exercises.c: chapter 8's code exercise. */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "08-adam/adam.h"
#include "08-adam/exercises.h"

/* First, one step: it is lr g / (|g| + eps) per coordinate (m-hat = g,
 * v-hat = g^2); tolerance 1e-12, a division and a square root away from
 * the closed form.  Then twenty steps on 1/2 (x1^2 + 10 x2^2) from (1, 1),
 * lr 0.1, next to adam_kind; tolerance 1e-12: the same operations in
 * another grouping differ by a few units in the last place per step, and
 * Adam's bounded steps (about lr) do not amplify that in 20 steps. */
START_TEST(adam_from_memory_matches_adam_kind)
{
    double theta[2] = {1.0, 1.0}, m[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    const double grad[2] = {1.0, -10.0};
    adam_from_memory(theta, m, v, grad, 2, 1, 0.1, 0.9, 0.999, 1e-8);
    RETURN_IF_PENDING();
    GIVEN("adam_from_memory(theta = (1, 1), m = v = (0, 0), grad = (1, -10), t = 1, lr = 0.1, "
          "beta1 = 0.9, beta2 = 0.999, eps = 1e-8)");
    EXPECT_ANSWER(theta[0], 1.0 - 0.1 / (1.0 + 1e-8), 1e-12,
                  "Adam's first step moves each coordinate by about lr: m and v start at 0, "
                  "which (8.3) corrects");
    EXPECT_ANSWER(theta[1], 1.0 + 0.1 * 10.0 / (10.0 + 1e-8), 1e-12,
                  "a negative gradient moves theta up");
    EXPECT_ANSWER(m[0], 0.1, 1e-15,
                  "m and v keep the raw averages (8.1, 8.2); the corrected ones serve the step only");
    EXPECT_ANSWER(v[1], 0.1, 1e-15,
                  "m and v keep the raw averages (8.1, 8.2); the corrected ones serve the step only");

    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double x[2] = {1.0, 1.0}, y[2] = {1.0, 1.0}, gx[2], gy[2];
    m[0] = m[1] = v[0] = v[1] = 0.0;
    h.lr = 0.1;
    optimizer_init(&opt, &adam_kind, &h, 2);
    for (long t = 1; t <= 20; t++) {
        f.gradient(&f, gx, x);
        optimizer_step(&opt, x, gx);
        f.gradient(&f, gy, y);
        adam_from_memory(y, m, v, gy, 2, t, 0.1, 0.9, 0.999, 1e-8);
        GIVEN("step t = %ld of adam_from_memory on f = (x1^2 + 10 x2^2)/2 from (1, 1), lr = 0.1, "
              "next to the book's Adam (adam_kind)", t);
        EXPECT_ANSWER(y[0], x[0], 1e-12, "compare your step t with equations (8.1)-(8.4)");
        EXPECT_ANSWER(y[1], x[1], 1e-12, "compare your step t with equations (8.1)-(8.4)");
    }
    optimizer_free(&opt);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("08-adam exercises");
    ADD_EXERCISE(suite, "8.4 Adam from memory", adam_from_memory_matches_adam_kind);
    return suite;
}
