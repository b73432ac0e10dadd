/* tests/08-adam.c: the worked examples of chapter 8.
 *
 * Tolerance: unless a test says otherwise, each expected value is the
 * closed form the chapter derives, evaluated in double, and the code
 * reaches it through a handful of other double operations (sums of
 * products, one square root, one division), so the two agree to a few
 * units in the last place, about 1e-16 here; 1e-12 leaves room for that
 * and still catches any wrong step, whose effect is 1e-3 or more.
 * Where eps is left at 1e-8 and the derivation drops it, the test says how
 * far eps can move the result and uses that bound.
 */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "06-momentum/sgd.h"
#include "07-adaptive/rmsprop.h"
#include "08-adam/adam.h"
#include "08-adam/adamax.h"
#include "08-adam/nadam.h"
#include "08-adam/race.h"
#include "08-adam/variants.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#define TOLERANCE 1e-12

/* Run kind with hyper on f = 1/2 sum a_i x_i^2 for steps updates. */
static void run_quadratic(const struct optimizer_kind *kind, const struct hyper *hyper,
                          const double *curvature, double *x, size_t dim, int steps)
{
    struct function f = quadratic(curvature, dim);
    struct optimizer opt;
    double grad[FUNCTION_MAX_DIM];
    optimizer_init(&opt, kind, hyper, dim);
    for (int t = 0; t < steps; t++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
    }
    optimizer_free(&opt);
}

/* ---------------------------------------------------- example 1 */

/* Step 1: m-hat = g and v-hat = g^2, so the step is lr g / (|g| + eps):
 * x = 1 - 0.1 * 1/(1 + 1e-8) and 1 - 0.1 * 10/(10 + 1e-8). */
static double square(double v)
{
    return v * v;
}

static int near(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

/* 1 + r + ... + r^(n - 1), term by term */
static double geometric_sum(double r, int n)
{
    double sum = 0, power = 1;
    for (int k = 0; k < n; k++) {
        sum += power;
        power *= r;
    }
    return sum;
}

START_TEST(example_1_first_step_is_lr_sign_g)
{
    static const double curvature[2] = {1.0, 10.0};
    struct hyper h = adam_kind.defaults;
    double x[2] = {1.0, 1.0};
    h.lr = 0.1;
    run_quadratic(&adam_kind, &h, curvature, x, 2, 1);
    ck_assert_double_eq_tol(x[0], 1.0 - 0.1 * 1.0 / (1.0 + 1e-8), TOLERANCE);
    ck_assert_double_eq_tol(x[1], 1.0 - 0.1 * 10.0 / (10.0 + 1e-8), TOLERANCE);
    ck_assert_double_eq_tol(x[0], 0.9, 5e-9);                  /* 0.9 to eight digits */
    ck_assert_double_eq_tol(x[1], 0.9, 5e-9);
    const int digits = 8;
    ck_assert_str_eq(fixed(digits, x[0]), "0.90000000");
    ck_assert_str_eq(fixed(digits, x[1]), "0.90000000");
    /* g = (1, 10): m = 0.1 g, v = 0.001 g^2, and the corrections divide by
     * 1 - 0.9 = 0.1 and 1 - 0.999 = 0.001, so m-hat = g and v-hat = g^2 */
    struct function f = quadratic(curvature, 2);
    struct optimizer opt;
    double y[2] = {1.0, 1.0}, g[2];
    optimizer_init(&opt, &adam_kind, &h, 2);
    f.gradient(&f, g, y);
    optimizer_step(&opt, y, g);
    for (int i = 0; i < 2; i++) {
        ck_assert_double_eq_tol(opt.buffer[0][i], 0.1 * g[i], TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[1][i], 0.001 * g[i] * g[i], 1e-15);
        ck_assert_double_eq_tol(opt.buffer[0][i] / (1 - 0.9), g[i], TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[1][i] / (1 - 0.999), g[i] * g[i], 1e-10);
    }
    ck_assert_double_eq(g[1], 10);
    optimizer_free(&opt);
}
END_TEST

/* Step 2 with eps = 0: g1 = 0.9, m = 0.9*0.1 + 0.1*0.9 = 0.18, m-hat =
 * 18/19; v = 0.999*0.001 + 0.001*0.81 = 0.001809, v-hat = 1809/1999;
 * x1 = 0.9 - 0.1 (18/19) sqrt(1999/1809).  Coordinate 2 sees ten times
 * the gradient, so ten times m and a hundred times v: the same step. */
START_TEST(example_1_second_step_by_hand)
{
    static const double curvature[2] = {1.0, 10.0};
    struct hyper h = adam_kind.defaults;
    double x[2] = {1.0, 1.0};
    const double by_hand = 0.9 - 0.1 * (18.0 / 19.0) * sqrt(1999.0 / 1809.0);
    h.lr = 0.1;
    h.eps = 0;
    run_quadratic(&adam_kind, &h, curvature, x, 2, 2);
    ck_assert_double_eq_tol(x[0], by_hand, TOLERANCE);
    ck_assert_double_eq_tol(x[1], by_hand, TOLERANCE);
    ck_assert_double_eq_tol(by_hand, 0.8004122277, 1e-10);      /* the table's digits */
    /* coordinate 1's averages after step 2 (gradient 0.9): m = 0.9 * 0.1 +
     * 0.1 * 0.9 = 0.18, m-hat = 0.18/0.19 = 18/19; v = 0.999 * 0.001 +
     * 0.001 * 0.81 = 0.001809, v-hat = 0.001809/0.001999 = 1809/1999 */
    {
        static const double one = 1.0;
        struct function f = quadratic(&one, 1);
        struct optimizer opt;
        double y = 1.0, g;
        optimizer_init(&opt, &adam_kind, &h, 1);
        for (int t = 1; t <= 2; t++) {
            f.gradient(&f, &g, &y);
            optimizer_step(&opt, &y, &g);
        }
        ck_assert_double_eq_tol(g, 0.9, TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[0][0], 0.9 * 0.1 + 0.1 * 0.9, TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[0][0], 0.18, TOLERANCE);
        ck_assert(near(opt.buffer[0][0] / 0.19, 0.18 / 0.19, TOLERANCE) && near(opt.buffer[0][0] / 0.19, 18.0 / 19, TOLERANCE));
        ck_assert_double_eq_tol(opt.buffer[1][0], 0.999 * 0.001 + 0.001 * 0.81, 1e-15);
        ck_assert_double_eq_tol(opt.buffer[1][0], 0.001809, 1e-15);
        ck_assert(near(opt.buffer[1][0] / 0.001999, 0.001809 / 0.001999, TOLERANCE) && near(opt.buffer[1][0] / 0.001999, 1809.0 / 1999, TOLERANCE));
        optimizer_free(&opt);
    }

    /* On the bowl (eps = 0) the coordinates move in lockstep, so coordinate
     * 2's gradient is ten times coordinate 1's at every step and its v a
     * hundred times (to rounding: 1e-12 relative over five steps) */
    {
        struct function f = quadratic(curvature, 2);
        struct optimizer opt;
        double y[2] = {1.0, 1.0}, g[2];
        optimizer_init(&opt, &adam_kind, &h, 2);
        for (int t = 1; t <= 5; t++) {
            f.gradient(&f, g, y);
            optimizer_step(&opt, y, g);
            ck_assert_double_eq_tol(opt.buffer[1][1] / opt.buffer[1][0], 100, 1e-10);
        }
        optimizer_free(&opt);
    }

    /* With eps = 1e-8 each step changes by at most lr eps / sqrt(v-hat),
     * about 0.1 * 1e-8 / 0.95 ~ 1.1e-9; two steps stay within 3e-9. */
    x[0] = x[1] = 1.0;
    h.eps = 1e-8;
    run_quadratic(&adam_kind, &h, curvature, x, 2, 2);
    ck_assert_double_eq_tol(x[0], by_hand, 3e-9);
    ck_assert_double_eq_tol(x[1], by_hand, 3e-9);
}
END_TEST

/* Without correction the first step is lr (1 - b1) g / (sqrt(1 - b2) |g| + eps)
 * = lr * 0.1 / sqrt(0.001) = sqrt(10) lr, up to eps: 3.16 times too long. */
START_TEST(example_1_uncorrected_first_step_is_too_long)
{
    static const double curvature[2] = {1.0, 10.0};
    struct hyper h = adam_uncorrected_kind.defaults;
    double x[2] = {1.0, 1.0};
    h.lr = 0.1;
    run_quadratic(&adam_uncorrected_kind, &h, curvature, x, 2, 1);
    ck_assert_double_eq_tol(x[0], 1.0 - 0.1 * 0.1 / (sqrt(0.001) + 1e-8), TOLERANCE);
    ck_assert_double_eq_tol(x[1], 1.0 - 0.1 * 1.0 / (sqrt(0.1) + 1e-8), TOLERANCE);
    /* (1 - x1) / lr = 0.1 / (sqrt(0.001) + eps) = sqrt(10) up to eps, which
     * moves it by 0.1 eps / 0.001 = 1e-6 */
    ck_assert_double_eq_tol((1.0 - x[0]) / 0.1, sqrt(10.0), 2e-6);
    ck_assert_str_eq(fixed(2, sqrt(10.0)), "3.16");
    /* sqrt(v1) = sqrt(0.001) |g| is 3% of |g| */
    ck_assert_str_eq(fixed(0, 100 * sqrt(0.001)), "3");
    {   /* "m^(1) = 0.1 g is a tenth of the gradient": the optimizer's own m */
        struct optimizer opt;
        double y = 0, g = 3.0;
        optimizer_init(&opt, &adam_uncorrected_kind, &h, 1);
        optimizer_step(&opt, &y, &g);
        ck_assert_double_eq_tol(opt.buffer[0][0] / g, 1.0 / 10, 1e-15);
        optimizer_free(&opt);
    }
}
END_TEST

/* The table's step / lr columns: 0.999999990 then 0.99588 with the
 * correction (coordinate 1); without it the run overshoots the minimum at
 * 0 by the third step, and not before. */
START_TEST(example_1_step_lengths)
{
    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    const struct optimizer_kind *kinds[2] = {&adam_kind, &adam_uncorrected_kind};
    for (int k = 0; k < 2; k++) {
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double x[2] = {1.0, 1.0}, g[2];
        h.lr = 0.1;
        optimizer_init(&opt, kinds[k], &h, 2);
        for (int t = 1; t <= 3; t++) {
            double before = x[0];
            f.gradient(&f, g, x);
            optimizer_step(&opt, x, g);
            if (k == 0 && t == 1)
                ck_assert_str_eq(fixed(9, (before - x[0]) / h.lr), "0.999999990");
            if (k == 0 && t == 2)
                ck_assert_str_eq(fixed(5, (before - x[0]) / h.lr), "0.99588");
            if (k == 1)
                ck_assert(t < 3 ? x[0] > 0 : x[0] < 0);
        }
        optimizer_free(&opt);
    }
}
END_TEST

/* "It can be larger, because m forgets faster than v."  The cause removed:
 * with beta1 = beta2 = 0.9, m forgets exactly as fast as v, and after the
 * same long run of zeros a gradient gives m = 0.1 g and sqrt(v) =
 * sqrt(0.1) |g|, a step of sqrt(0.1) = 0.316 times lr, below 1.  In
 * general the step after the zeros is (1 - beta1)/sqrt(1 - beta2) times
 * lr (the corrections are 1 after thousands of steps), above 1 only when
 * (1 - beta1)^2 > 1 - beta2, that is when m forgets faster. */
START_TEST(adam_step_after_zeros_below_lr_when_m_forgets_as_slowly)
{
    static const double beta1[3] = {0.9, 0.9, 0.99}, beta2[3] = {0.999, 0.9, 0.999};
    for (int c = 0; c < 3; c++) {
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double theta = 0, zero = 0, g = 2.0, predicted = (1 - beta1[c]) / sqrt(1 - beta2[c]);
        h.lr = 1.0;
        h.beta1 = beta1[c];
        h.beta2 = beta2[c];
        optimizer_init(&opt, &adam_kind, &h, 1);
        for (int k = 0; k < 10000; k++)
            optimizer_step(&opt, &theta, &zero);
        optimizer_step(&opt, &theta, &g);
        optimizer_free(&opt);
        ck_assert_double_eq_tol(-theta, predicted, 1e-4 * predicted);
        /* longer than lr exactly when m forgets faster than v can make up */
        ck_assert((-theta > 1) == ((1 - beta1[c]) * (1 - beta1[c]) > 1 - beta2[c]));
        if (beta1[c] == beta2[c])
            ck_assert_double_lt(-theta, 1);     /* m forgets as fast as v: below lr */
    }
    ck_assert_double_eq_tol((1 - 0.9) / sqrt(1 - 0.9), sqrt(0.1), 1e-15);
    ck_assert_str_eq(fixed(3, sqrt(0.1)), "0.316");
}
END_TEST

/* After 10000 zero gradients (eps keeps those steps at 0) a gradient g:
 * m = (1 - b1) g and v = (1 - b2) g^2, both corrected by factors within
 * 1e-4 of 1 at t = 10001, so the step is about sqrt(10) lr, not lr.  The
 * expected value is that closed form with the corrections and eps kept. */
START_TEST(adam_step_after_zeros_exceeds_lr)
{
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double theta = 0, zero = 0, g = 2.0;
    const double t = 10001.0;
    h.lr = 1.0;
    optimizer_init(&opt, &adam_kind, &h, 1);
    for (int k = 0; k < 10000; k++)
        optimizer_step(&opt, &theta, &zero);
    ck_assert_double_eq(theta, 0);
    optimizer_step(&opt, &theta, &g);
    /* after the zeros: m = (1 - beta1) g and sqrt(v) = sqrt(1 - beta2) |g| */
    ck_assert_double_eq_tol(opt.buffer[0][0], (1 - 0.9) * g, 1e-15);
    ck_assert_double_eq_tol(sqrt(opt.buffer[1][0]), sqrt(1 - 0.999) * fabs(g), 1e-15);
    double m_hat = 0.1 * g / (1.0 - pow(0.9, t));
    double v_hat = 0.001 * g * g / (1.0 - pow(0.999, t));
    ck_assert_double_eq_tol(-theta, m_hat / (sqrt(v_hat) + 1e-8), TOLERANCE);
    /* v's correction, 1 - 0.999^10001 = 1 - 4.5e-5, moves it by 2.3e-5 relative */
    ck_assert_double_eq_tol(-theta, sqrt(10.0), 1e-4);
    /* the text: 0.1/sqrt(0.001) = sqrt(10) ~ 3.16 times lr, more than +-1 */
    ck_assert_double_eq_tol(0.1 / sqrt(0.001), sqrt(10.0), 1e-14);
    ck_assert_str_eq(fixed(2, -theta), "3.16");
    /* larger than the +-1 the step is near once the gradient keeps its sign */
    ck_assert_double_gt(-theta / h.lr, 1);
    optimizer_free(&opt);
}
END_TEST

/* --------------------------------------------- bias correction */

/* A constant gradient g: m_t = (1 - b1^t) g, v_t = (1 - b2^t) g^2, so with
 * eps = 0 the uncorrected step is (1 - b1^t)/sqrt(1 - b2^t) lr sign(g) and
 * the corrected one exactly lr sign(g).  At t = 10: 0.6513215599 /
 * sqrt(0.0099551198...) = 6.5279... */
START_TEST(bias_correction_ratio_for_a_constant_gradient)
{
    struct hyper h = adam_kind.defaults;
    struct optimizer corrected, uncorrected;
    double a = 5, b = 5;                /* any start: only the moves are read */
    double g = 3.0;
    h.lr = 1.0;
    h.eps = 0;
    {   /* "1 - beta1^t reaches 1 after a few dozen steps": Adam's own m / g
         * is within 1% of it by t = 50 (0.9^50 = 0.0052), while its sqrt(v) / |g|,
         * sqrt(1 - beta2^t), is only 0.22 there */
        struct optimizer opt;
        double x = 0;
        optimizer_init(&opt, &adam_kind, &h, 1);
        for (int t = 1; t <= 50; t++)
            optimizer_step(&opt, &x, &g);
        ck_assert_double_eq_tol(opt.buffer[0][0] / g, 1 - pow(h.beta1, 50), 1e-14);
        ck_assert_double_eq_tol(sqrt(opt.buffer[1][0]) / g, sqrt(1 - pow(h.beta2, 50)), 1e-14);
        ck_assert_double_eq_tol(opt.buffer[0][0] / g, 1, 0.01);
        ck_assert(sqrt(opt.buffer[1][0]) / g < 0.25);
        optimizer_free(&opt);
    }
    optimizer_init(&corrected, &adam_kind, &h, 1);
    optimizer_init(&uncorrected, &adam_uncorrected_kind, &h, 1);
    for (int t = 1; t <= 10; t++) {
        double before_a = a, before_b = b;
        optimizer_step(&corrected, &a, &g);
        optimizer_step(&uncorrected, &b, &g);
        double ratio = (1.0 - pow(0.9, t)) / sqrt(1.0 - pow(0.999, t));
        ck_assert_double_eq_tol(before_a - a, 1.0, TOLERANCE);
        ck_assert_double_eq_tol(before_b - b, ratio, TOLERANCE);
    }
    /* the text: the ratio is 6.5279 at step 10, peaks at step 12, six and a
     * half times lr, and is still 26% too long at step 1000 (1.2576): read
     * from the uncorrected optimizer's own moves, lr 1 */
    enum { STEPS = 1000 };
    static double moves[STEPS + 1];      /* moves[t]: the move of step t */
    {
        struct optimizer opt;
        double x = 5;
        optimizer_init(&opt, &adam_uncorrected_kind, &h, 1);
        for (int t = 1; t <= STEPS; t++) {
            double before = x;
            optimizer_step(&opt, &x, &g);
            moves[t] = before - x;
        }
        optimizer_free(&opt);
    }
    ck_assert_double_eq_tol(moves[10], (1.0 - pow(0.9, 10)) / sqrt(1.0 - pow(0.999, 10)), 1e-12);
    ck_assert_double_eq_tol(moves[10], 6.5279, 5e-5);
    int peak = 1;
    for (int t = 1; t <= STEPS; t++)
        if (moves[t] > moves[peak])
            peak = t;
    ck_assert_int_eq(peak, 12);
    ck_assert_str_eq(fixed(1, moves[12]), "6.6");
    /* "six and a half times": 6.5685 is nearer 6.5 than any other half */
    ck_assert_double_eq_tol(moves[12], 6.5, 0.25);
    ck_assert_str_eq(fixed(0, 100 * (moves[STEPS] - 1)), "26");
    optimizer_free(&corrected);
    optimizer_free(&uncorrected);
}
END_TEST

/* ----------------------------------------------------------- eps */

/* First step for a gradient g: PyTorch lr g/(|g| + eps); the paper's
 * efficient form lr g/(|g| + eps/sqrt(1 - b2)) = lr g/(|g| + sqrt(1000) eps).
 * At g = eps = 1e-8: 1/2 against 1/(1 + sqrt(1000)) = 0.030653. */
START_TEST(eps_two_forms_of_the_first_step)
{
    static const double gradients[4] = {1.0, 1e-6, 1e-8, 1e-10};
    for (int j = 0; j < 4; j++) {
        double g = gradients[j];
        struct optimizer opt;
        struct hyper h = adam_kind.defaults;
        double theta = 0;
        h.lr = 1.0;
        optimizer_init(&opt, &adam_kind, &h, 1);
        optimizer_step(&opt, &theta, &g);
        optimizer_free(&opt);
        ck_assert_double_eq_tol(-theta, g / (g + 1e-8), TOLERANCE);

        theta = 0;
        optimizer_init(&opt, &adam_paper_form_kind, &h, 1);
        optimizer_step(&opt, &theta, &g);
        /* the paper's form: both corrections folded into the rate,
         * eta^(t) = eta sqrt(1 - beta2^t)/(1 - beta1^t), times m/(sqrt(v) + eps) */
        ck_assert_double_eq_tol(-theta, h.lr * sqrt(1 - pow(0.999, opt.step_count)) /
                                            (1 - pow(0.9, opt.step_count)) * opt.buffer[0][0] /
                                            (sqrt(opt.buffer[1][0]) + 1e-8),
                                TOLERANCE);
        /* multiplied out: (8.4) with eps replaced by eps/sqrt(1 - beta2^t) */
        ck_assert_double_eq_tol(-theta, h.lr * (opt.buffer[0][0] / (1 - pow(0.9, opt.step_count))) /
                                            (sqrt(opt.buffer[1][0] / (1 - pow(0.999, opt.step_count))) +
                                             1e-8 / sqrt(1 - pow(0.999, opt.step_count))),
                                TOLERANCE);
        optimizer_free(&opt);
        ck_assert_double_eq_tol(-theta, g / (g + sqrt(1000.0) * 1e-8), TOLERANCE);
    }
    ck_assert_double_eq_tol(1.0 / (1.0 + sqrt(1000.0)), 0.030653, 5e-7);
    /* sqrt(1000) eps ~ 31.6 eps; at g = 1e-8 PyTorch takes 1/2 a step */
    ck_assert_str_eq(fixed(1, sqrt(1000.0)), "31.6");
    ck_assert_double_eq_tol(1e-8 / (1e-8 + 1e-8), 1.0 / 2, 1e-16);
}
END_TEST

/* ------------------------------------------------------ AMSGrad */

/* "Because the raw v grows from 0, the maximum only starts to matter once v
 * actually falls."  Default betas, a constant gradient for 1000 steps: the
 * raw v = (1 - 0.999^t) g^2 grows at every step, its maximum is v itself,
 * and AMSGrad is Adam to the last bit.  Then the gradients drop to a
 * tenth: v falls at once, and from the first such step AMSGrad divides by
 * the larger maximum and takes the shorter step. */
START_TEST(amsgrad_is_adam_while_v_grows)
{
    struct hyper h = adam_kind.defaults;
    struct optimizer adam, ams;
    double a = 0, b = 0, g = 1.0, small = 0.1, before;
    optimizer_init(&adam, &adam_kind, &h, 1);
    h.amsgrad = true;
    optimizer_init(&ams, &adam_kind, &h, 1);
    for (int k = 0; k < 1000; k++) {
        before = adam.buffer[1][0];
        optimizer_step(&adam, &a, &g);
        optimizer_step(&ams, &b, &g);
        ck_assert_double_gt(adam.buffer[1][0], before);
        ck_assert_double_eq(a, b);
    }
    before = adam.buffer[1][0];
    optimizer_step(&adam, &a, &small);
    optimizer_step(&ams, &b, &small);
    ck_assert_double_lt(adam.buffer[1][0], before);
    ck_assert_double_eq(ams.buffer[2][0], before);
    ck_assert(a != b);
    ck_assert_double_lt(a, b);          /* both move down; AMSGrad's step is the shorter */
    optimizer_free(&adam);
    optimizer_free(&ams);
}
END_TEST

/* g = 10 then 1, betas (0.9, 0.9): v1 = 10, v2 = 9.1, max v = 10;
 * m2 = 0.9 * 1 + 0.1 * 1 = 1, m-hat = 1/0.19 = 100/19; v-hat = 9.1/0.19 =
 * 910/19 for Adam and 10/0.19 = 1000/19 for AMSGrad.  eps = 1e-8 moves a
 * step by about eps/sqrt(v-hat) < 2e-9 of it. */
START_TEST(amsgrad_keeps_the_largest_raw_v)
{
    struct hyper h = adam_kind.defaults;
    struct optimizer adam, ams;
    double a = 0, b = 0, ten = 10.0, one = 1.0;
    h.lr = 1.0;
    h.beta2 = 0.9;
    optimizer_init(&adam, &adam_kind, &h, 1);
    h.amsgrad = true;
    optimizer_init(&ams, &adam_kind, &h, 1);
    optimizer_step(&adam, &a, &ten);
    optimizer_step(&ams, &b, &ten);
    ck_assert_double_eq_tol(a, b, TOLERANCE);                /* same first step */
    double a1 = a, b1 = b;
    optimizer_step(&adam, &a, &one);
    optimizer_step(&ams, &b, &one);
    ck_assert_double_eq_tol(adam.buffer[1][0], 9.1, TOLERANCE);
    ck_assert_double_eq_tol(ams.buffer[2][0], 10.0, TOLERANCE);
    ck_assert_double_eq_tol(a1 - a, (100.0 / 19) / sqrt(910.0 / 19), 2e-9);
    ck_assert_double_eq_tol(b1 - b, (100.0 / 19) / sqrt(1000.0 / 19), 2e-9);
    /* v2 = 0.9 * 10 + 0.1 * 1 = 9.1, m2 = 0.9 * 1 + 0.1 * 1 = 1, m-hat =
     * 1/0.19 = 100/19, Adam's v-hat 9.1/0.19; the table's 0.760506 and 0.725476 */
    ck_assert(near(adam.buffer[1][0], 0.9 * 10 + 0.1 * 1, TOLERANCE) && near(adam.buffer[1][0], 9.1, TOLERANCE));
    ck_assert(near(adam.buffer[0][0], 0.9 * 1 + 0.1 * 1, TOLERANCE) && near(adam.buffer[0][0], 1, TOLERANCE));
    ck_assert(near(adam.buffer[0][0] / 0.19, 1 / 0.19, TOLERANCE) && near(adam.buffer[0][0] / 0.19, 100.0 / 19, TOLERANCE));
    ck_assert(near(adam.buffer[1][0] / 0.19, 9.1 / 0.19, TOLERANCE) && near(adam.buffer[1][0] / 0.19, 910.0 / 19, TOLERANCE));
    ck_assert_str_eq(fixed(6, a1 - a), "0.760506");
    ck_assert_str_eq(fixed(6, b1 - b), "0.725476");
    optimizer_free(&adam);
    optimizer_free(&ams);
}
END_TEST

/* ------------------------------------------ AdamW vs Adam + L2 */

/* f = 1/2 theta^2, theta0 = 1, lr 0.1, eps 0.
 * Adam + L2 (any wd): the gradient (1 + wd) theta is a rescaled theta, and
 * Adam's step does not see a constant scale: the same path as plain Adam,
 * 0.9 then 0.9 - 0.1 (18/19) sqrt(1999/1809).
 * AdamW, wd 0.1: theta = 0.99, step 1 -> 0.89; then 0.89 * 0.99 = 0.8811,
 * g = 0.89, m = 0.09 + 0.089 = 0.179, v = 0.000999 + 0.0007921 = 0.0017911,
 * theta = 0.8811 - 0.1 (179/190) / sqrt(17911/19990). */
START_TEST(adamw_and_adam_l2_two_steps_by_hand)
{
    static const double one = 1.0;
    const double adam_by_hand = 0.9 - 0.1 * (18.0 / 19.0) * sqrt(1999.0 / 1809.0);
    const double adamw_by_hand = 0.8811 - 0.1 * (179.0 / 190.0) / sqrt(17911.0 / 19990.0);
    const double weight_decay[3] = {0, 0.1, 1.0};
    for (int k = 0; k < 3; k++) {
        struct hyper h = adam_kind.defaults;
        double theta = 1.0;
        h.lr = 0.1;
        h.eps = 0;
        h.weight_decay = weight_decay[k];
        run_quadratic(&adam_kind, &h, &one, &theta, 1, 1);
        ck_assert_double_eq_tol(theta, 0.9, TOLERANCE);
        theta = 1.0;
        run_quadratic(&adam_kind, &h, &one, &theta, 1, 2);
        ck_assert_double_eq_tol(theta, adam_by_hand, TOLERANCE);
    }
    struct hyper h = adamw_kind.defaults;
    double theta = 1.0;
    h.lr = 0.1;
    h.eps = 0;
    h.weight_decay = 0.1;
    run_quadratic(&adamw_kind, &h, &one, &theta, 1, 1);
    ck_assert_double_eq_tol(theta, 0.89, TOLERANCE);
    theta = 1.0;
    run_quadratic(&adamw_kind, &h, &one, &theta, 1, 2);
    ck_assert_double_eq_tol(theta, adamw_by_hand, TOLERANCE);
    ck_assert_double_eq_tol(adamw_by_hand, 0.7815718549, 1e-10);  /* the table's digits */
    ck_assert_double_eq_tol(adam_by_hand, 0.8004122277, 1e-10);
    /* AdamW's step 2 by hand: theta = 0.89 * 0.99 = 0.8811 after the decay,
     * g = 0.89, m = 0.09 + 0.089 = 0.179, v = 0.000999 + 0.0007921 = 0.0017911 */
    {
        struct optimizer opt;
        double y = 1.0, g;
        optimizer_init(&opt, &adamw_kind, &h, 1);
        for (int t = 1; t <= 2; t++) {
            g = y;
            if (t == 2) {
                ck_assert_double_eq_tol(y, 0.99 - 0.1, TOLERANCE);
                ck_assert_double_eq_tol(y * 0.99, 0.8811, TOLERANCE);
            }
            optimizer_step(&opt, &y, &g);
        }
        ck_assert_double_eq_tol(g, 0.89, TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[0][0], 0.09 + 0.089, TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[0][0], 0.179, TOLERANCE);
        ck_assert_double_eq_tol(opt.buffer[1][0], 0.000999 + 0.0007921, 1e-15);
        ck_assert_double_eq_tol(opt.buffer[1][0], 0.0017911, 1e-15);
        optimizer_free(&opt);
    }
    /* weight_decay=0.01 shrinks theta by the fraction 0.01 lr a step */
    h.weight_decay = 0.01;
    h.eps = 1e-8;                        /* a zero gradient with eps 0 is 0/0 */
    {
        struct optimizer opt;
        double y = 1.0;
        double zero = 0;
        optimizer_init(&opt, &adamw_kind, &h, 1);
        optimizer_step(&opt, &y, &zero);
        ck_assert_double_eq_tol(1 - y, 0.01 * h.lr, TOLERANCE);
        ck_assert_double_eq_tol(y, (1 - h.lr * 0.01) * 1.0, TOLERANCE);   /* 1 - eta weight_decay */
        optimizer_free(&opt);
    }
}
END_TEST

/* Adam + L2 divides the decay by the gradient's size: on f = 1/2 (100 x1^2)
 * from (1, 1) with weight_decay 0.01 and lr 0.1, the first step moves x1
 * (large gradient 100) by exactly the lr it would move without decay: its
 * decay is divided away; x2 (no loss gradient, only the decay's 0.01)
 * also moves by the full lr, 100 times the 0.1 * 0.01 that the decay
 * promises: magnified. */
START_TEST(adam_l2_decay_divided_by_the_gradient)
{
    static const double curvature[2] = {100.0, 0};
    struct hyper h = adam_kind.defaults;
    double with[2] = {1.0, 1.0}, without[2] = {1.0, 1.0};
    h.lr = 0.1;
    h.weight_decay = 0.01;
    run_quadratic(&adam_kind, &h, curvature, with, 2, 1);
    h.weight_decay = 0;
    run_quadratic(&adam_kind, &h, curvature, without, 2, 1);
    ck_assert_double_eq_tol(with[0], without[0], 1e-9);           /* eps/|g| */
    ck_assert_double_eq_tol(1 - with[1], 0.1, 1e-6);               /* eps/0.01 */
    ck_assert_double_eq_tol((1 - with[1]) / (0.1 * 0.01), 100, 1e-3);
}
END_TEST

/* --------------------------------------------- Adamax and NAdam */

/* Adamax, step 1: m = 0.1 g, u = |g| + eps, step = lr/0.1 * 0.1 g/(|g| + eps). */
START_TEST(adamax_first_step)
{
    struct hyper h = adamax_kind.defaults;
    struct optimizer opt;
    double theta = 0, g = -4.0;
    optimizer_init(&opt, &adamax_kind, &h, 1);
    optimizer_step(&opt, &theta, &g);
    ck_assert_double_eq_tol(theta, 2e-3 * 4.0 / (4.0 + 1e-8), TOLERANCE);
    /* step 2, g = 1: u = max(0.999 (4 + 1e-8), 1 + 1e-8), m = -0.36 + 0.1 = -0.26 */
    double before = theta, small = 1.0;
    optimizer_step(&opt, &theta, &small);
    ck_assert_double_eq_tol(theta - before, 2e-3 / 0.19 * 0.26 / (0.999 * (4.0 + 1e-8)),
                            TOLERANCE);
    optimizer_free(&opt);
}
END_TEST

/* NAdam, step 1 with the defaults: mu1 = 0.9 (1 - 0.5 * 0.96^0.004),
 * mu2 = 0.9 (1 - 0.5 * 0.96^0.008); m = 0.1 g, v-hat = g^2, so the step is
 * lr [(1 - mu1)/(1 - mu1) + mu2 * 0.1/(1 - mu1 mu2)] g/(|g| + eps). */
START_TEST(nadam_first_step)
{
    struct hyper h = nadam_kind.defaults;
    struct optimizer opt;
    double theta = 0, g = 2.0;
    double mu1 = 0.9 * (1.0 - 1.0 / 2 * pow(0.96, 0.004));
    double mu2 = 0.9 * (1.0 - 1.0 / 2 * pow(0.96, 0.008));
    optimizer_init(&opt, &nadam_kind, &h, 1);
    optimizer_step(&opt, &theta, &g);
    ck_assert_double_eq_tol(opt.product, mu1, TOLERANCE);
    ck_assert_double_eq_tol(opt.product, 0.9 * (1.0 - 1.0 / 2 * pow(0.96, 0.004)), TOLERANCE);
    ck_assert_double_eq_tol(-theta, 2e-3 * (1.0 + mu2 * 0.1 / (1.0 - mu1 * mu2)) * 2.0 /
                                        (2.0 + 1e-8), TOLERANCE);
    optimizer_free(&opt);
}
END_TEST

/* ------------------------------------------------------- the race */

/* Every racer starts where the surface says and the trace starts there;
 * the saddle's gradient at its start is (2, 1e-9 - 1e-3). */
START_TEST(race_saddle_surface)
{
    struct function f = saddle();
    double grad[2], origin[2] = {0, 0}, minimum[2] = {0, 1.0};
    f.gradient(&f, grad, f.start);
    ck_assert_double_eq_tol(grad[0], 2.0, TOLERANCE);
    ck_assert_double_eq_tol(grad[1], 1e-9 - 1e-3, TOLERANCE);
    ck_assert_double_eq_tol(f.value(&f, origin), 0.25, TOLERANCE);
    ck_assert_double_eq_tol(f.value(&f, minimum), 0, TOLERANCE);
    /* the saddle is x1^2 + (x2^2 - 1)^2 / 4, from (1, 1e-3), f = 1/4 at 0 */
    ck_assert_double_eq(f.start[0], 1);
    ck_assert_double_eq(f.start[1], 1e-3);
    ck_assert_double_eq_tol(f.value(&f, origin), 1.0 / 4, TOLERANCE);
    double point[2] = {0.3, 0.7};
    ck_assert_double_eq_tol(f.value(&f, point), 0.09 + pow(0.49 - 1, 2) / 4, TOLERANCE);
    ck_assert_double_eq_tol(f.value(&f, point), square(point[0]) + square(point[1] * point[1] - 1) / 4, TOLERANCE);
    ck_assert(f.start[0] == 1 && f.start[1] == 1e-3);
    /* Rosenbrock from (-1.5, 2), minimum (1, 1); Beale from (1, 1.5), minimum (3, 0.5) */
    struct function rosenbrock = function_from_spec("rosenbrock", "rosenbrock");
    struct function beale = function_from_spec("beale", "beale");
    double rosenbrock_min[2] = {1, 1}, beale_min[2] = {3, 0.5};
    ck_assert_double_eq(rosenbrock.start[0], -1.5);
    ck_assert_double_eq(rosenbrock.start[1], 2);
    ck_assert(rosenbrock.start[0] == -1.5 && rosenbrock.start[1] == 2);
    ck_assert_double_eq_tol(rosenbrock.value(&rosenbrock, point),
                            square(1 - point[0]) + 100 * square(point[1] - point[0] * point[0]), 1e-12);
    ck_assert_double_eq(rosenbrock.value(&rosenbrock, rosenbrock_min), 0);
    ck_assert_double_eq(beale.start[0], 1);
    ck_assert_double_eq(beale.start[1], 1.5);
    ck_assert(beale.start[0] == 1 && beale.start[1] == 1.5);
    ck_assert_double_eq_tol(beale.value(&beale, beale_min), 0, 1e-15);
    /* the racers' settings: momentum 0.9, Adagrad's eps 1e-10, RMSprop's
     * 1e-8 and alpha 0.99, SGD's lr 1e-3 */
    struct racer racers[RACERS];
    race_racers(racers);
    ck_assert_double_eq(racers[0].hyper.lr, 1e-3);
    ck_assert_double_eq(racers[1].hyper.momentum, 0.9);
    ck_assert_double_eq(racers[3].hyper.eps, 1e-10);
    ck_assert_double_eq(racers[4].hyper.eps, 1e-8);
    ck_assert_double_eq(racers[4].hyper.alpha, 0.99);
}
END_TEST

/* Plain GD at lr 1e-3 multiplies x2 by about 1.001 a step near the saddle:
 * after 2000 steps x2 ~ 1e-3 * 1.001^2000 ~ 7e-3, still on the saddle
 * (f ~ 0.25), while momentum has left it. */
START_TEST(race_gd_is_stuck_on_the_saddle)
{
    struct function f = saddle();
    struct racer racers[RACERS];
    race_racers(racers);
    struct race_result gd = race_run(&racers[0], &f, 2000, 1e-8, NULL);
    struct race_result momentum = race_run(&racers[1], &f, 2000, 1e-8, NULL);
    ck_assert(!gd.diverged);
    ck_assert_double_eq_tol(gd.loss, 1.0 / 4, 1e-3);
    ck_assert(momentum.loss < 1e-8);
    /* why: near the origin the escape gradient x2^3 - x2 ~ -x2 is about
     * 1e-3, and each step multiplies x2 by 1 + lr - lr x2^2 ~ 1 + 1e-3:
     * after 2000 steps x2 = 1e-3 * (1 + 0.001)^2000 to 0.1% */
    struct optimizer opt;
    double x[2] = {f.start[0], f.start[1]}, grad[2];
    optimizer_init(&opt, racers[0].kind, &racers[0].hyper, 2);
    for (int k = 0; k < 2000; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
    }
    ck_assert_double_eq_tol(x[1] / (1e-3 * pow(1 + 0.001, 2000)), 1, 1e-3);
    optimizer_free(&opt);
    {   /* one step at (0, 1e-3) multiplies x2 by 1 + lr - lr x2^2: by 1 + lr to 1e-9 */
        double y[2] = {0, 1e-3}, g2[2];
        struct optimizer one;
        optimizer_init(&one, racers[0].kind, &racers[0].hyper, 2);
        f.gradient(&f, g2, y);
        optimizer_step(&one, y, g2);
        ck_assert_double_eq_tol(y[1] / 1e-3, 1 + racers[0].hyper.lr, 1e-8);
        optimizer_free(&one);
    }
}
END_TEST

/* The largest rise of f over its best so far, in a run of RMSprop; with
 * floor_v, v is never let shrink (it keeps its largest value so far). */
static double rmsprop_largest_rise(const struct function *f, double lr, bool floor_v)
{
    struct hyper h = rmsprop_kind.defaults;
    struct optimizer opt;
    double x[2] = {f->start[0], f->start[1]}, grad[2], largest[2] = {0, 0};
    double best = INFINITY, rise = 1.0;
    h.lr = lr;
    optimizer_init(&opt, &rmsprop_kind, &h, 2);
    for (int k = 0; k < 2000; k++) {
        f->gradient(f, grad, x);
        optimizer_step(&opt, x, grad);
        for (int i = 0; floor_v && i < 2; i++) {
            largest[i] = fmax(largest[i], opt.buffer[0][i]);
            opt.buffer[0][i] = largest[i];
        }
        double loss = f->value(f, x);
        best = fmin(best, loss);
        rise = fmax(rise, loss / best);
    }
    optimizer_free(&opt);
    return rise;
}

/* Why plain RMSprop bursts on Beale (tuned lr 0.005) and on the saddle
 * (lr 0.01): its v forgets the large gradients, and the step lr g/sqrt(v)
 * grows.  f rises more than a thousandfold above its best; keep v from
 * shrinking (the cause removed) and f never rises at all. */
START_TEST(race_rmsprop_bursts_because_v_forgets)
{
    struct function beale = function_from_spec("beale", "beale"), f_saddle = saddle();
    ck_assert(rmsprop_largest_rise(&beale, 0.005, false) > 1e3);
    ck_assert(rmsprop_largest_rise(&f_saddle, 0.01, false) > 1e3);
    ck_assert_double_eq(rmsprop_largest_rise(&beale, 0.005, true), 1);
    ck_assert_double_eq(rmsprop_largest_rise(&f_saddle, 0.01, true), 1);
}
END_TEST

/* Tuned Adam (lr 0.2) on Rosenbrock: once in the valley its loss falls
 * faster than geometrically: log10 f drops more than twice as much over
 * steps 1700-1800 as over steps 400-500 (2.3 against 0.74 decades). */
START_TEST(race_adam_tuned_faster_than_geometric)
{
    struct function f = function_from_spec("rosenbrock", "rosenbrock");
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double x[2] = {f.start[0], f.start[1]}, grad[2], log_f[19] = {0};
    h.lr = 0.2;
    optimizer_init(&opt, &adam_kind, &h, 2);
    for (int k = 1; k <= 1800; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
        if (k % 100 == 0)
            log_f[k / 100] = log10(f.value(&f, x));
    }
    ck_assert(log_f[17] - log_f[18] > 2 * (log_f[4] - log_f[5]));
    optimizer_free(&opt);
}
END_TEST

/* Why the tuned momentum and Adam do well along Rosenbrock's curved valley
 * floor, where the gradient is small and keeps its direction: momentum's
 * buffer lines up with the gradient (cosine above 0.9999 from step 300)
 * and grows to about 11 times it (1/(1 - 0.9) = 10, a little more as the
 * gradient shrinks); Adam's effective rate lr / sqrt(v-hat) keeps growing
 * as v-hat forgets the large gradients of the way in, over three times
 * larger at step 2000 than at step 500.  Keep Adam's v from shrinking
 * below its level of step 500 (the cause removed) and f at step 2000 is
 * more than a million times higher. */
START_TEST(race_valley_floor)
{
    struct function f = function_from_spec("rosenbrock", "rosenbrock");
    struct racer racers[RACERS];
    race_racers(racers);
    racers[1].hyper.lr = 0.002;
    ck_assert_double_eq_tol(1 / (1 - 0.9), 10, 1e-14);
    struct optimizer opt;
    double x[2] = {f.start[0], f.start[1]}, g[2];
    optimizer_init(&opt, racers[1].kind, &racers[1].hyper, 2);
    for (int k = 1; k <= 1000; k++) {
        f.gradient(&f, g, x);
        optimizer_step(&opt, x, g);
        if (k >= 300) {
            double *b = opt.buffer[0];
            ck_assert((b[0] * g[0] + b[1] * g[1]) / hypot(g[0], g[1]) / hypot(b[0], b[1]) > 0.9999);
            ck_assert(hypot(b[0], b[1]) / hypot(g[0], g[1]) > 1 / (1 - 0.9));
            if (k == 1000)
                ck_assert_str_eq(fixed(0, hypot(b[0], b[1]) / hypot(g[0], g[1])), "11");
        }
    }
    optimizer_free(&opt);
    double loss[2], rate[2][2];
    for (int floor_v = 0; floor_v < 2; floor_v++) {
        struct hyper h = adam_kind.defaults;
        double v500[2] = {0, 0};
        h.lr = 0.2;
        x[0] = f.start[0];
        x[1] = f.start[1];
        optimizer_init(&opt, &adam_kind, &h, 2);
        for (int k = 1; k <= 2000; k++) {
            f.gradient(&f, g, x);
            optimizer_step(&opt, x, g);
            for (int i = 0; i < 2; i++) {
                if (k == 500)
                    v500[i] = opt.buffer[1][i];
                if (floor_v && k >= 500)
                    opt.buffer[1][i] = fmax(opt.buffer[1][i], v500[i]);
                if (!floor_v && (k == 500 || k == 2000))
                    rate[k == 2000][i] = h.lr / sqrt(opt.buffer[1][i] / (1 - pow(0.999, k)));
            }
        }
        loss[floor_v] = f.value(&f, x);
        optimizer_free(&opt);
    }
    for (int i = 0; i < 2; i++)
        ck_assert(rate[1][i] > 3 * rate[0][i]);
    ck_assert(loss[1] > 1e6 * loss[0]);
}
END_TEST

/* Adam at PyTorch's default lr = 1e-3: no step is longer than lr, so 2000
 * steps cover at most 2000 * 0.001 = 2 per coordinate, short of the 2.5
 * that x1 needs on Rosenbrock (-1.5 to 1); x1 travels 0.21 there and 1.02
 * on Beale (which needs 2: 1 to 3), and f ends near 5 and 4. */
START_TEST(race_adam_default_steps_at_most_lr)
{
    static const char *const names[2] = {"rosenbrock", "beale"};
    static const char *const travelled[2] = {"0.21", "1.02"};
    static const char *const loss[2] = {"5", "4"};
    for (int j = 0; j < 2; j++) {
        struct function f = function_from_spec(names[j], names[j]);
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double x[2] = {f.start[0], f.start[1]}, grad[2], path = 0;
        ck_assert_double_eq(h.lr, 1e-3);
        optimizer_init(&opt, &adam_kind, &h, 2);
        for (int k = 0; k < 2000; k++) {
            double before[2] = {x[0], x[1]};
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
            for (int i = 0; i < 2; i++)
                ck_assert(fabs(x[i] - before[i]) <= h.lr);
            path += fabs(x[0] - before[0]);
        }
        ck_assert_str_eq(fixed(2, path), travelled[j]);
        ck_assert_str_eq(fixed(0, f.value(&f, x)), loss[j]);
        optimizer_free(&opt);
    }
    /* 2000 steps of at most PyTorch's default lr, as adam_kind carries it */
    ck_assert(near(2000 * adam_kind.defaults.lr, 2000 * 0.001, 1e-15) && near(2000 * adam_kind.defaults.lr, 2, 1e-15));
    {
        const double beale_minimum = 3;    /* Beale's x1, from 1 to 3 */
        struct function rosenbrock = function_from_spec("rosenbrock", "rosenbrock");
        struct function beale = function_from_spec("beale", "beale");
        /* "1 − (−1.5) = 2.5" and "3 − 1 = 2": minimum minus start (Rosenbrock's
         * minimum x1 is its a) */
        ck_assert(rosenbrock.param[0] - rosenbrock.start[0] == 1 - (-1.5) &&
                  rosenbrock.param[0] - rosenbrock.start[0] == 2.5);
        ck_assert(beale_minimum - beale.start[0] == 3 - 1 && beale_minimum - beale.start[0] == 2);
    }
}
END_TEST

/* The saddle at a tuned rate of 0.5: one step of gradient descent sets x1
 * to exactly 0 (x1 - 0.5 * 2 x1); with tuned rates every racer settles,
 * all but RMSprop within 200 steps. */
START_TEST(race_saddle_tuned)
{
    struct function f = saddle();
    struct racer racers[RACERS];
    struct optimizer opt;
    double x[2] = {f.start[0], f.start[1]}, grad[2];
    int within = 0;
    race_racers(racers);
    racers[0].hyper.lr = 0.5;
    optimizer_init(&opt, racers[0].kind, &racers[0].hyper, 2);
    f.gradient(&f, grad, x);
    ck_assert_double_eq(grad[0], 2 * x[0]);
    {
        const double x1 = x[0];
        optimizer_step(&opt, x, grad);
        ck_assert_double_eq(x[0], x1 - 0.5 * 2 * x1);       /* x1 - 0.5 · 2 x1 */
    }
    ck_assert_double_eq(x[0], 0);
    optimizer_free(&opt);
    for (int k = 0; k < RACERS; k++) {
        struct race_result r = race_tune(&racers[k], &f, 2000, 1e-8);
        ck_assert(r.steps_to_target > 0);
        within += r.steps_to_target <= 200;
        ck_assert(strcmp(racers[k].name, "rmsprop") == 0 ? r.steps_to_target > 200
                                                          : r.steps_to_target <= 200);
    }
    ck_assert_int_eq(within, RACERS - 1);
}
END_TEST

/* The family on Rosenbrock at lr 0.02: NAdam is ahead of Adam after 100
 * and 500 steps and behind after 2000; AdamW ends higher than Adam, and
 * the cause is its default decay 0.01: it ends pulled towards 0 (both
 * coordinates below Adam's, which are below the minimum's 1), and with
 * weight_decay 0 it is Adam, step for step.  Adamax's denominator at step
 * 500 is still the memory of an early large gradient, over 50 times the
 * current |g1|. */
static double family_run(const struct optimizer_kind *kind, double weight_decay, long steps,
                         double *x, double *u1_over_g1)
{
    struct function f = function_from_spec("rosenbrock", "rosenbrock");
    struct hyper h = kind->defaults;
    struct optimizer opt;
    double grad[2];
    x[0] = f.start[0];
    x[1] = f.start[1];
    h.lr = 0.02;
    if (weight_decay >= 0)
        h.weight_decay = weight_decay;
    optimizer_init(&opt, kind, &h, 2);
    for (long k = 1; k <= steps; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
        if (kind == &adamax_kind && k == 500)
            *u1_over_g1 = opt.buffer[1][0] / fabs(grad[0]);
    }
    optimizer_free(&opt);
    return f.value(&f, x);
}

START_TEST(family_on_rosenbrock)
{
    double x[2], y[2], unused, ratio = 0;
    static const long budgets[3] = {100, 500, 2000};
    for (int b = 0; b < 3; b++) {
        double adam = family_run(&adam_kind, -1, budgets[b], x, &unused);
        double nadam = family_run(&nadam_kind, -1, budgets[b], x, &unused);
        ck_assert(b < 2 ? nadam < adam : nadam > adam);
    }
    ck_assert_double_eq(adamw_kind.defaults.weight_decay, 0.01);
    ck_assert_double_eq(adam_kind.defaults.weight_decay, 0);
    double adam = family_run(&adam_kind, -1, 2000, x, &unused);
    double adamw = family_run(&adamw_kind, -1, 2000, y, &unused);
    ck_assert(adamw > 10 * adam);
    ck_assert(y[0] < x[0] && y[1] < x[1] && x[0] < 1 && x[1] < 1);
    ck_assert_double_eq(family_run(&adamw_kind, 0, 2000, y, &unused), adam);
    double adamax = family_run(&adamax_kind, -1, 2000, y, &ratio);
    ck_assert(adamax > 100 * adamw);
    ck_assert(ratio > 50);
}
END_TEST

/* Adam's and AdamW's defaults as the chapter states them: betas 0.9 and
 * 0.999, eps 1e-8, both averages started at 0; t counts from 1. */
START_TEST(adam_defaults)
{
    struct optimizer opt;
    double theta = 1.0, g = 1.0;
    ck_assert_double_eq(adam_kind.defaults.beta1, 0.9);
    ck_assert_double_eq(adam_kind.defaults.beta2, 0.999);
    ck_assert_double_eq(adam_kind.defaults.eps, 1e-8);
    ck_assert_double_eq(adamax_kind.defaults.lr, 2e-3);
    optimizer_init(&opt, &adam_kind, &adam_kind.defaults, 1);
    ck_assert_double_eq(opt.buffer[0][0], 0);
    ck_assert_double_eq(opt.buffer[1][0], 0);
    for (long t = 1; t <= 2; t++) {
        optimizer_step(&opt, &theta, &g);
        ck_assert_int_eq(opt.step_count, t);
    }
    optimizer_free(&opt);
}
END_TEST

/* The text: pytorch_check.py requires agreement to 1e-15. */
START_TEST(pytorch_check_threshold)
{
    FILE *script = fopen("chapters/08-adam/pytorch_check.py", "r");
    char line[256];
    bool found = false;
    ck_assert_ptr_nonnull(script);
    while (fgets(line, sizeof line, script))
        found = found || (strncmp(line, "TOLERANCE = ", 12) == 0 && strtod(line + 12, NULL) == 1e-15);
    fclose(script);
    ck_assert(found);
    /* a few units in the last place of numbers near 2 (2 DBL_EPSILON each) */
    ck_assert_str_eq(fixed(2, 1e-15 / (2 * DBL_EPSILON)), "2.25");
}
END_TEST

/* A divergent run stops at its last finite point and says so. */
START_TEST(race_divergence_is_reported)
{
    struct function f = function_from_spec("rosenbrock", "rosenbrock");
    struct racer racers[RACERS];
    race_racers(racers);
    racers[0].hyper.lr = 1.0;
    struct race_result r = race_run(&racers[0], &f, 100, 1e-8, NULL);
    ck_assert(r.diverged);
    ck_assert(r.steps < 100);
    ck_assert(isfinite(r.loss));
}
END_TEST

/* ------------------------------------------- exercises by hand */

/* Exercise 1: f = x^2 from x^(0) = 1, lr 0.5, eps 0.  Step 1: g = 2, x = 0.5.
 * Step 2: g = 1, m = 0.9 * 0.2 + 0.1 * 1 = 0.28, m-hat = 28/19;
 * v = 0.999 * 0.004 + 0.001 * 1 = 0.004996, v-hat = 4996/1999;
 * x = 0.5 - 0.5 (28/19) / sqrt(4996/1999) = 0.0339101806. */
/* Worked answer 1 on f = x^2 (lr 0.5, eps 0), step 1 on the optimizer's own
 * averages: g = 2, m = 0.2, v = 0.004, m-hat = 0.2/0.1 = 2, v-hat =
 * 0.004/0.001 = 4, x = 1 - 0.5 * 2/2 = 0.5. */
START_TEST(exercise_1_first_step)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double y = 1.0, g;
    h.lr = 0.5;
    h.eps = 0;
    optimizer_init(&opt, &adam_kind, &h, 1);
    f.gradient(&f, &g, &y);
    optimizer_step(&opt, &y, &g);
    ck_assert_double_eq(g, 2);
    ck_assert_double_eq_tol(opt.buffer[0][0], 0.2, TOLERANCE);
    ck_assert_double_eq_tol(opt.buffer[1][0], 0.004, TOLERANCE);
    ck_assert(near(opt.buffer[0][0] / 0.1, 0.2 / 0.1, TOLERANCE) && near(opt.buffer[0][0] / 0.1, 2, TOLERANCE));
    ck_assert(near(opt.buffer[1][0] / 0.001, 0.004 / 0.001, TOLERANCE) && near(opt.buffer[1][0] / 0.001, 4, TOLERANCE));
    ck_assert_double_eq_tol(y, 1 - 0.5 * 2 / 2, TOLERANCE);
    ck_assert_double_eq_tol(y, 0.5, TOLERANCE);
    optimizer_free(&opt);
}
END_TEST

/* ... step 2: g = 1, m = 0.9 * 0.2 + 0.1 * 1 = 0.28, v = 0.999 * 0.004 +
 * 0.001 * 1 = 0.004996, m-hat = 0.28/0.19 = 28/19, v-hat =
 * 0.004996/0.001999 = 4996/1999, x = 0.0339101806. */
START_TEST(exercise_1_second_step)
{
    static const double two = 2.0;
    const double beta1 = 0.9, beta2 = 0.999, one_minus_beta1 = 0.1, one_minus_beta2 = 0.001;
    const double m1 = 0.2, v1 = 0.004;
    struct function f = quadratic(&two, 1);
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double x = 1.0, y = 1.0, g;
    const double by_hand = 0.5 - 0.5 * (28.0 / 19.0) / sqrt(4996.0 / 1999.0);
    h.lr = 0.5;
    h.eps = 0;
    run_quadratic(&adam_kind, &h, &two, &x, 1, 2);
    ck_assert_double_eq_tol(x, by_hand, TOLERANCE);
    ck_assert_double_eq_tol(by_hand, 0.0339101806, 1e-10);      /* the answer's digits */
    ck_assert_double_eq(h.beta1, beta1);
    ck_assert_double_eq(h.beta2, beta2);
    optimizer_init(&opt, &adam_kind, &h, 1);
    for (int k = 0; k < 2; k++) {
        f.gradient(&f, &g, &y);
        optimizer_step(&opt, &y, &g);
    }
    ck_assert_double_eq(g, 1);
    ck_assert_double_eq_tol(opt.buffer[0][0], beta1 * m1 + one_minus_beta1 * 1, TOLERANCE);
    ck_assert_double_eq_tol(opt.buffer[0][0], 0.28, TOLERANCE);
    ck_assert_double_eq_tol(opt.buffer[1][0], beta2 * v1 + one_minus_beta2 * 1, TOLERANCE);
    ck_assert_double_eq_tol(opt.buffer[1][0], 0.004996, TOLERANCE);
    ck_assert(near(opt.buffer[0][0] / 0.19, 0.28 / 0.19, TOLERANCE) && near(opt.buffer[0][0] / 0.19, 28.0 / 19, TOLERANCE));
    ck_assert(near(opt.buffer[1][0] / 0.001999, 0.004996 / 0.001999, TOLERANCE) && near(opt.buffer[1][0] / 0.001999, 4996.0 / 1999, TOLERANCE));
    ck_assert_double_eq_tol(y, by_hand, TOLERANCE);
    /* the answer's lines, each one assertion */
    ck_assert(near(opt.buffer[0][0], 0.9 * 0.2 + 0.1 * 1, TOLERANCE) && near(opt.buffer[0][0], 0.28, TOLERANCE));
    ck_assert(near(opt.buffer[1][0], 0.999 * 0.004 + 0.001 * 1, TOLERANCE) &&
              near(opt.buffer[1][0], 0.004996, TOLERANCE));
    optimizer_free(&opt);
}
END_TEST

/* ... why the second step is a little shorter than lr: the step 0.5 -
 * 0.0339101806 = 0.4660898194, m-hat = (0.09 * 2 + 0.1 * 1)/0.19 leans to
 * the newer gradient 1, v-hat = (0.000999 * 4 + 0.001 * 1)/0.001999 weighs
 * the squares almost equally, the ratio is just below 1; so on 1/2 theta^2
 * (lr 0.1) Adam overshoots 0, crossing it with a step above half of lr. */
START_TEST(exercise_1_why_shorter)
{
    static const double two = 2.0;
    const struct function bowl = quadratic(&two, 1);
    double x = 1.0, g_first, g_second, start = 1.0, after_one = 0.5;
    struct hyper h = adam_kind.defaults;
    h.lr = 0.5;
    h.eps = 0;
    run_quadratic(&adam_kind, &h, &two, &x, 1, 2);
    ck_assert_double_eq_tol(0.5 - x, 0.4660898194, 1e-10);
    ck_assert_double_eq_tol(0.5 - 0.0339101806, 0.4660898194, 1e-15);
    /* the gradient halved: 2 at the start, 1 after the first step (to 0.5) */
    bowl.gradient(&bowl, &g_first, &start);
    bowl.gradient(&bowl, &g_second, &after_one);
    ck_assert_double_eq(g_first, 2);
    ck_assert_double_eq(g_second, 1);
    ck_assert_double_eq(g_second / g_first, 1.0 / 2);
    /* the bias-corrected averages as weighted means of g = 2 and 1, and of their squares */
    {   /* ... read from Adam's own averages after those two steps */
        struct optimizer opt;
        double y = 1.0, g;
        optimizer_init(&opt, &adam_kind, &h, 1);
        for (int k = 0; k < 2; k++) {
            bowl.gradient(&bowl, &g, &y);
            optimizer_step(&opt, &y, &g);
        }
        const double m_hat = opt.buffer[0][0] / 0.19, v_hat = opt.buffer[1][0] / 0.001999;
        optimizer_free(&opt);
        ck_assert(near(m_hat, (0.09 * 2 + 0.1 * 1) / 0.19, TOLERANCE) && near(m_hat, 28.0 / 19, TOLERANCE));
        ck_assert(near(v_hat, (0.000999 * 4 + 0.001 * 1) / 0.001999, TOLERANCE) &&
                  near(v_hat, 4996.0 / 1999, TOLERANCE));
        ck_assert(m_hat / sqrt(v_hat) < 1 && near(m_hat / sqrt(v_hat), (28.0 / 19) / sqrt(4996.0 / 1999), TOLERANCE));
    }
    {
        static const double one_ = 1.0;
        struct hyper a = adam_kind.defaults;
        struct function f = quadratic(&one_, 1);
        struct optimizer opt;
        double y = 1.0, g, step = -1;
        a.lr = 0.1;
        optimizer_init(&opt, &adam_kind, &a, 1);
        while (y > 0) {
            double before = y;
            f.gradient(&f, &g, &y);
            optimizer_step(&opt, &y, &g);
            step = before - y;
        }
        ck_assert(step > 0.5 * a.lr);
        optimizer_free(&opt);
    }
}
END_TEST

/* Exercise 2: 1 - 0.9^10 = 0.6513215599 (m_10 is 65% of a constant g);
 * 1 - 0.999^t >= 0.99 first at t = ceil(ln 0.01 / ln 0.999) = ceil(4602.87)
 * = 4603; at t = 1 the uncorrected step is 0.1/sqrt(0.001) = sqrt(10) lr. */
/* The first t at which level <= share[t] (share[1..n]), or 0. */
static long first_step_at_least(const double *share, long n, double level)
{
    for (long t = 1; t <= n; t++)
        if (share[t] >= level)
            return t;
    return 0;
}

START_TEST(exercise_2_bias_correction_factors)
{
    {   /* the shares 1 - beta^t of a constant g in Adam's own averages m/g and v/g^2 */
        enum { T = 4603 };
        static double m_share[T + 1], v_share[T + 1];
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double theta = 0, g = 3.0;
        optimizer_init(&opt, &adam_kind, &h, 1);
        for (int t = 1; t <= T; t++) {
            optimizer_step(&opt, &theta, &g);
            m_share[t] = opt.buffer[0][0] / g;
            v_share[t] = opt.buffer[1][0] / (g * g);
        }
        optimizer_free(&opt);
        const long first = first_step_at_least(v_share, T, 0.99);
        ck_assert_str_eq(fixed(0, 100 * m_share[10]), "65");
        ck_assert(100 * (1 - m_share[10]) < 35);                  /* bias below 35% */
        ck_assert_str_eq(fixed(2, log(0.01) / log(0.999)), "4602.87");
        const double at = v_share[first], before = v_share[first - 1];
        ck_assert_double_le(100 * (1 - at), 1);                  /* below 1% */
        ck_assert_double_gt(100 * (1 - before), 1);              /* first step below */
        ck_assert_int_eq(first, 4603);
        ck_assert_double_eq(first, ceil(log(0.01) / log(0.999)));
        ck_assert(near(at, 1 - pow(0.999, 4603), 1e-12) && at >= 0.99);
        ck_assert(near(before, 1 - pow(0.999, 4602), 1e-12) && before < 0.99);
    }
    {   /* (a) a constant g: m^(t) = (1 - beta1)(g + beta1 g + ...) = (1 - beta1^t) g, at t = 10 */
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double theta = 0, g = 3.0;
        optimizer_init(&opt, &adam_kind, &h, 1);
        for (int k = 0; k < 10; k++)
            optimizer_step(&opt, &theta, &g);
        ck_assert(near(opt.buffer[0][0], (1 - 0.9) * geometric_sum(0.9, 10) * g, 1e-14) &&
                  near(opt.buffer[0][0], (1 - pow(0.9, 10)) * g, 1e-14));
        ck_assert(near(opt.buffer[0][0] / g, 1.0 - pow(0.9, 10), 1e-14) && near(opt.buffer[0][0] / g, 0.6513215599, 1e-12));
        optimizer_free(&opt);
    }
    {   /* (c) the uncorrected ratio after one step, for a positive g */
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double theta = 0, g = 5.0;
        const double sign = 1;
        optimizer_init(&opt, &adam_kind, &h, 1);
        optimizer_step(&opt, &theta, &g);
        const double m = opt.buffer[0][0], v = opt.buffer[1][0];
        ck_assert(near(m / sqrt(v), (1 - 0.9) / sqrt(1 - 0.999) * sign, 1e-12) &&
                  near(m / sqrt(v), 0.1 / sqrt(0.001) * sign, 1e-12) &&
                  near(m / sqrt(v), sqrt(10.0) * sign, 1e-12));
        ck_assert_str_eq(fixed(2, m / sqrt(v)), "3.16");
        optimizer_free(&opt);
    }
}
END_TEST

/* "PyTorch multiplies it by lr.  That is why weight_decay=0.01 means a
 * different decay at each learning rate: theta shrinks by the fraction
 * 0.01 eta per step."  AdamW with weight_decay = 0.01 from theta = 1, the
 * loss gradient 0 (so the Adam part does not move it): one step shrinks
 * theta by 0.001 at lr 0.1, by 0.0001 at lr 0.01 and by 0.00001 at lr
 * 0.001, the same weight_decay, ten times less decay for each tenth of lr. */
START_TEST(adamw_decay_scales_with_lr)
{
    static const double rates[3] = {0.1, 0.01, 0.001}, shrink[3] = {0.001, 0.0001, 0.00001};
    static const double zero;           /* the loss gradient */
    for (const double *lr = rates, *want = shrink; lr < rates + 3; lr++, want++) {
        struct hyper h = adamw_kind.defaults;
        struct optimizer opt;
        double theta = 1.0;
        ck_assert_double_eq(h.weight_decay, 0.01);
        h.lr = *lr;
        optimizer_init(&opt, &adamw_kind, &h, 1);
        optimizer_step(&opt, &theta, &zero);
        optimizer_free(&opt);
        ck_assert_double_eq_tol(1 - theta, *want, 1e-15);
        ck_assert_double_eq_tol(1 - theta, 0.01 * *lr, 1e-15);
    }
}
END_TEST

/* Exercise 3's reason: "Adam + L2 took a full step of eta because Adam
 * divided the tiny decay gradient by its own size.  The smaller
 * weight_decay, the larger this mismatch gets, as long as weight_decay
 * theta stays above eps."  From theta = 1 with a loss gradient 0, eta =
 * 0.1: Adam + L2 steps eta wd/(wd + eps), within 1e-5 of eta for wd = 0.01,
 * 0.001 and 0.0001, while AdamW shrinks by eta wd, so the ratio of the two
 * is 1/(wd + eps): 100, 1000, 10 000.  The cause removed: a decay gradient
 * below eps (wd = 1e-9) is no longer divided by its own size but by eps,
 * and the step falls to eta/11. */
START_TEST(adam_l2_mismatch_grows_as_the_decay_shrinks)
{
    static const double decay[3] = {0.01, 0.001, 0.0001}, ratio[3] = {100, 1000, 10000};
    for (int c = 0; c < 4; c++) {
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double l2 = 1.0, w = 1.0, zero = 0;
        h.lr = 0.1;
        h.weight_decay = c < 3 ? decay[c] : 1e-9;
        optimizer_init(&opt, &adam_kind, &h, 1);
        optimizer_step(&opt, &l2, &zero);
        optimizer_free(&opt);
        optimizer_init(&opt, &adamw_kind, &h, 1);
        optimizer_step(&opt, &w, &zero);
        optimizer_free(&opt);
        ck_assert_double_eq_tol(1 - w, 0.1 * h.weight_decay, 1e-15);
        if (c < 3) {
            ck_assert_double_eq_tol(1 - l2, 0.1, 1e-5);
            ck_assert_double_eq_tol((1 - l2) / (1 - w), ratio[c], 1e-3 * ratio[c]);
        } else {
            ck_assert_double_eq_tol(1 - l2, 0.1 / 11, 1e-12);
        }
    }
}
END_TEST

/* Exercise 3: no loss at all (g = 0), theta0 = 1, lr 0.1, weight decay
 * 0.01, eps 1e-8.  Adam + L2: g = 0.01 theta = 0.01, the first step is
 * lr 0.01/(0.01 + 1e-8): theta = 1 - 0.1 * 0.01/(0.01 + 1e-8) = 0.9000001.
 * AdamW: theta = 1 - 0.1 * 0.01 = 0.999, and m = 0 moves it no further. */
START_TEST(exercise_3_adamw_is_not_adam_l2)
{
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double theta = 1.0, zero = 0;
    h.lr = 0.1;
    h.weight_decay = 0.01;
    optimizer_init(&opt, &adam_kind, &h, 1);
    optimizer_step(&opt, &theta, &zero);
    {   /* the gradient Adam saw, from m = (1 - beta1) g: 0 + 0.01 theta^(0) */
        const double theta0 = 1.0, g1 = opt.buffer[0][0] / (1 - 0.9);
        ck_assert(near(0 + 0.01 * theta0, g1, 1e-15) && near(0.01, g1, 1e-15));
    }
    optimizer_free(&opt);
    ck_assert_double_eq_tol(theta, 1.0 - 0.1 * 0.01 / (0.01 + 1e-8), TOLERANCE);
    ck_assert(near(theta, 1.0 - 0.1 * 0.01 / (0.01 + 1e-8), TOLERANCE) && near(theta, 0.9000001, 1e-10));
    ck_assert_double_eq_tol(theta, 0.9000001, 1e-10);

    theta = 1.0;
    optimizer_init(&opt, &adamw_kind, &h, 1);
    optimizer_step(&opt, &theta, &zero);
    /* the loss gradient is 0, so m = 0 and the Adam part does not move theta */
    ck_assert_double_eq(opt.buffer[0][0], 0);
    optimizer_free(&opt);
    ck_assert_double_eq_tol(theta, 0.999, TOLERANCE);
    {
        const double theta0 = 1.0;
        ck_assert(near(theta, (1 - h.lr * 0.01) * theta0, TOLERANCE) && near(theta, 0.999, TOLERANCE));
    }
    /* AdamW shrank theta by lr * weight_decay = 0.1%; the loss gradient 0 */
    ck_assert_double_eq_tol(100 * (1 - theta), 0.1, 1e-12);
    ck_assert_double_eq_tol((1 - 0.9000001) / (1 - theta), 100, 1e-3);
}
END_TEST

/* adam_step and adamw_step compute the bias corrections (8.3) once per
 * step, as PyTorch does per tensor: the parameters are the very bits of
 * the corrections computed again for every coordinate, written out here
 * as (8.1)-(8.4) read, over 50 steps of 3 coordinates with amsgrad on and
 * off and weight decay (tolerance 0). */
START_TEST(corrections_once_per_step_change_no_bit)
{
    static const struct optimizer_kind *const kinds[2] = {&adam_kind, &adamw_kind};
    for (int k = 0; k < 2; k++)
        for (int amsgrad = 0; amsgrad <= 1; amsgrad++) {
            struct optimizer opt;
            struct hyper h = kinds[k]->defaults;
            double theta[3] = {1, -2, 0.5}, mine[3] = {1, -2, 0.5};
            double m[3] = {0}, v[3] = {0}, v_max[3] = {0};
            h.lr = 0.05;
            h.amsgrad = amsgrad;
            h.weight_decay = 0.01;
            optimizer_init(&opt, kinds[k], &h, 3);
            for (int t = 1; t <= 50; t++) {
                double grad[3];
                for (int i = 0; i < 3; i++)
                    grad[i] = 3 * theta[i] * theta[i] * theta[i] - (double)t / 10;
                for (int i = 0; i < 3; i++) {
                    double g = grad[i];
                    if (k == 0)
                        g += h.weight_decay * mine[i];
                    else
                        mine[i] *= 1.0 - h.lr * h.weight_decay;
                    m[i] = h.beta1 * m[i] + (1.0 - h.beta1) * g;
                    v[i] = h.beta2 * v[i] + (1.0 - h.beta2) * g * g;
                    double bias_correction1 = 1.0 - pow(h.beta1, t);
                    double bias_correction2 = 1.0 - pow(h.beta2, t);
                    double step_size = h.lr / bias_correction1;
                    v_max[i] = fmax(v_max[i], v[i]);
                    double second = amsgrad ? v_max[i] : v[i];
                    double denom = sqrt(second) / sqrt(bias_correction2) + h.eps;
                    mine[i] += -step_size * m[i] / denom;
                }
                optimizer_step(&opt, theta, grad);
                ck_assert_mem_eq(theta, mine, sizeof theta);
            }
            optimizer_free(&opt);
        }
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("08-adam");
    TCase *first = tcase_create("ch08 example 1: Adam's first steps");
    tcase_add_test(first, example_1_first_step_is_lr_sign_g);
    tcase_add_test(first, example_1_second_step_by_hand);
    tcase_add_test(first, example_1_uncorrected_first_step_is_too_long);
    tcase_add_test(first, example_1_step_lengths);
    tcase_add_test(first, bias_correction_ratio_for_a_constant_gradient);
    tcase_add_test(first, adam_step_after_zeros_exceeds_lr);
    tcase_add_test(first, adam_step_after_zeros_below_lr_when_m_forgets_as_slowly);
    suite_add_tcase(suite, first);

    TCase *eps = tcase_create("ch08 where eps goes");
    tcase_add_test(eps, eps_two_forms_of_the_first_step);
    suite_add_tcase(suite, eps);

    TCase *family = tcase_create("ch08 AMSGrad, AdamW, Adamax, NAdam by hand");
    tcase_add_test(family, amsgrad_keeps_the_largest_raw_v);
    tcase_add_test(family, amsgrad_is_adam_while_v_grows);
    tcase_add_test(family, adamw_and_adam_l2_two_steps_by_hand);
    tcase_add_test(family, adam_l2_decay_divided_by_the_gradient);
    tcase_add_test(family, corrections_once_per_step_change_no_bit);
    tcase_add_test(family, adamax_first_step);
    tcase_add_test(family, nadam_first_step);
    suite_add_tcase(suite, family);

    TCase *race = tcase_create("ch08 the optimizer race");
    tcase_add_test(race, race_saddle_surface);
    tcase_add_test(race, race_gd_is_stuck_on_the_saddle);
    tcase_add_test(race, race_divergence_is_reported);
    tcase_add_test(race, race_rmsprop_bursts_because_v_forgets);
    tcase_add_test(race, race_adam_tuned_faster_than_geometric);
    tcase_add_test(race, race_adam_default_steps_at_most_lr);
    tcase_add_test(race, race_saddle_tuned);
    tcase_add_test(race, race_valley_floor);
    tcase_add_test(race, family_on_rosenbrock);
    tcase_add_test(race, adam_defaults);
    tcase_add_test(race, pytorch_check_threshold);
    suite_add_tcase(suite, race);

    TCase *exercises = tcase_create("ch08 exercises 1-3 by hand");
    tcase_add_test(exercises, exercise_1_first_step);
    tcase_add_test(exercises, exercise_1_second_step);
    tcase_add_test(exercises, exercise_1_why_shorter);
    tcase_add_test(exercises, exercise_2_bias_correction_factors);
    tcase_add_test(exercises, exercise_3_adamw_is_not_adam_l2);
    tcase_add_test(exercises, adam_l2_mismatch_grows_as_the_decay_shrinks);
    tcase_add_test(family, adamw_decay_scales_with_lr);
    suite_add_tcase(suite, exercises);
    return suite;
}
