/* tests/07-adaptive-exercises.c: chapter 7's code exercises. */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "07-adaptive/exercises.h"
#include "07-adaptive/rmsprop.h"

/* The learner's RMSProp as a kind, to be driven like the book's. */
static const struct optimizer_kind yours = {
    .name = "rmsprop (yours)",
    .takes = TAKES_LR | TAKES_ALPHA | TAKES_EPS | TAKES_MOMENTUM | TAKES_CENTERED,
    .step = rmsprop_step_yours,
};

/* steps updates of both on f from x0; returns the largest difference in
 * x, relative to max(1, |x|). */
static double race(const struct function *f, const double *x0, const struct hyper *h,
                   long steps, double *first_x1)
{
    struct optimizer mine, book;
    double x[2] = {x0[0], x0[1]}, y[2] = {x0[0], x0[1]}, gx[2], gy[2], worst = 0.0;
    optimizer_init(&mine, &yours, h, 2);
    optimizer_init(&book, &rmsprop_kind, h, 2);
    for (long k = 0; k < steps; k++) {
        f->gradient(f, gx, x);
        f->gradient(f, gy, y);
        optimizer_step(&mine, x, gx);
        if (k == 0 && first_x1)
            *first_x1 = x[0];
        optimizer_step(&book, y, gy);
        for (int i = 0; i < 2; i++) {
            double scale = fabs(y[i]) > 1.0 ? fabs(y[i]) : 1.0;
            double gap = fabs(x[i] - y[i]) / scale;
            if (!(gap <= worst))              /* also catches NaN */
                worst = isnan(gap) ? INFINITY : gap;
        }
    }
    optimizer_free(&mine);
    optimizer_free(&book);
    return worst;
}

/* Plain RMSProp on the chapter's f: the first move is 10 lr (eq. 7.5 with
 * alpha = 0.99, eps = 0); then 200 steps each of plain and centered RMSProp
 * on it, and 300 steps with momentum on Rosenbrock, against the book's.
 * The tolerance, 1e-9 relative, allows another order of the same
 * operations (a reordering changes the last bit, and these runs contract,
 * so such differences do not grow past about 1e-13). */
START_TEST(rmsprop_from_the_equations)
{
    static const double curvature[2] = {1.0, 100.0}, x0[2] = {1.0, 1.0};
    struct function f = quadratic(curvature, 2);
    struct function rosenbrock = function_from_spec("test", "rosenbrock");
    struct hyper h = rmsprop_kind.defaults;
    double first_x1 = 0.0;
    h.eps = 0.0;
    race(&f, x0, &h, 1, &first_x1);
    RETURN_IF_PENDING();
    GIVEN("one step of rmsprop_step_yours on f = (x1^2 + 100 x2^2)/2 from (1, 1), lr = %g, "
          "alpha = %g, eps = 0: the new x1", h.lr, h.alpha);
    EXPECT_ANSWER(first_x1, 0.9, 1e-12,
                  "v starts at 0: after one update, how big is sqrt(v) next to |g|? (7.5)");
    h.eps = 1e-8;
    GIVEN("200 steps of rmsprop_step_yours next to the book's RMSProp on the same f, eps = 1e-8: "
          "the largest relative difference in x");
    EXPECT_ANSWER(race(&f, x0, &h, 200, NULL), 0.0, 1e-9,
                  "compare each line with (7.5)-(7.6): where does eps go, inside or outside "
                  "the square root?");
    h.centered = true;
    GIVEN("the same with centered = true");
    EXPECT_ANSWER(race(&f, x0, &h, 200, NULL), 0.0, 1e-9,
                  "centered RMSProp also averages g itself and takes that average's square "
                  "out of v (7.7)");
    h.centered = false;
    h.lr = 1e-3;
    h.momentum = 0.9;
    GIVEN("300 steps with lr = 0.001, momentum = 0.9 on Rosenbrock from its start, next to the "
          "book's: the largest relative difference in x");
    EXPECT_ANSWER(race(&rosenbrock, rosenbrock.start, &h, 300, NULL), 0.0, 1e-9,
                  "with momentum the buffer accumulates the scaled step g / d, not g (b starts "
                  "at 0)");
}
END_TEST

/* Exercise 5: the k-th move is lr |g| / sqrt(k g^2) = lr / sqrt(k), so
 * the distance is lr (1 + 1/sqrt 2 + ... + 1/sqrt t), between
 * 2 lr (sqrt(t + 1) - 1) and 2 lr sqrt(t); it does not depend on g. */
START_TEST(adagrad_on_a_slope)
{
    double got = adagrad_distance_on_a_slope(0.1, 3.0, 100);
    RETURN_IF_PENDING();
    double sum = 0.0;
    for (long k = 1; k <= 100; k++)
        sum += 1.0 / sqrt((double)k);
    /* 100 moves of size 0.1 or less, each within an ulp: 1e-12 is loose */
    GIVEN("adagrad_distance_on_a_slope(lr = 0.1, g = 3, t = 100)");
    EXPECT_ANSWER(got, 0.1 * sum, 1e-12,
                  "AdaGrad divides g by the root of the sum of all squared gradients so far: "
                  "write move k with that sum");
    GIVEN("adagrad_distance_on_a_slope(lr = 0.1, g = -0.001, t = 100)");
    EXPECT_ANSWER(adagrad_distance_on_a_slope(0.1, -1e-3, 100), 0.1 * sum, 1e-12,
                  "a distance is never negative; and what happens to the size of g?");
    GIVEN("adagrad_distance_on_a_slope(lr = 1, g = 2, t = 1)");
    EXPECT_ANSWER(adagrad_distance_on_a_slope(1.0, 2.0, 1), 1.0, 1e-12,
                  "one step with eps = 0: how far does AdaGrad's first move go?");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("07-adaptive exercises");
    ADD_EXERCISE(suite, "7.3 RMSProp from the equations", rmsprop_from_the_equations);
    ADD_EXERCISE(suite, "7.5 AdaGrad on a slope", adagrad_on_a_slope);
    return suite;
}
