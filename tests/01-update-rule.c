/* tests/01-update-rule.c: the worked examples of chapter 1.
 *
 * Tolerance: every value below is a handful of double operations away from
 * an exact fraction, so it is within a few units in the last place (about
 * 1e-15 relative); 1e-12 leaves room and still catches any wrong step.
 */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "01-update-rule/gd.h"

#define TOLERANCE 1e-12

static int close_to(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

/* x after one step of gradient descent from x = 1 on f(x) = a x^2 / 2:
 * the factor 1 - lr a that each step multiplies x by. */
static double factor_of_one_step(double lr, double a)
{
    const struct function f = quadratic(&a, 1);
    double x = 1;
    gradient_descent(&f, &x, lr, 0, 1, NULL, 0);
    return x;
}

/* Example 1: f(x) = x^2, x0 = 4, eta = 0.1, so x_{k+1} = 0.8 x_k:
 * x = 4, 16/5, 64/25, 256/125, f = 16, 256/25, 4096/625, 65536/15625 and
 * f' = 8, 32/5, 128/25, 512/125. */
START_TEST(example_1_three_steps_by_hand)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    const double x_by_hand[4] = {4.0, 16.0 / 5, 64.0 / 25, 256.0 / 125};
    const double f_by_hand[4] = {16.0, 256.0 / 25, 4096.0 / 625, 65536.0 / 15625};
    const double slope_by_hand[4] = {8.0, 32.0 / 5, 128.0 / 25, 512.0 / 125};
    /* the same fractions as the table's decimals, which are exact */
    const double x_decimal[4] = {4, 3.2, 2.56, 2.048};
    const double f_decimal[4] = {16, 10.24, 6.5536, 4.194304};
    const double slope_decimal[4] = {8, 6.4, 5.12, 4.096};
    double x = 4.0, grad;
    for (int k = 0; k < 4; k++) {
        ck_assert_double_eq_tol(x, x_by_hand[k], TOLERANCE);
        ck_assert_double_eq_tol(x, x_decimal[k], TOLERANCE);
        ck_assert_double_eq_tol(f.value(&f, &x), f_by_hand[k], TOLERANCE);
        ck_assert_double_eq_tol(f.value(&f, &x), f_decimal[k], TOLERANCE);
        f.gradient(&f, &grad, &x);
        ck_assert_double_eq_tol(grad, slope_by_hand[k], TOLERANCE);
        ck_assert_double_eq_tol(grad, slope_decimal[k], TOLERANCE);
        ck_assert_double_eq_tol(x - 0.1 * grad, 0.8 * x, TOLERANCE);   /* (1.2) */
        ck_assert_double_eq_tol(x - 0.1 * grad, 4.0 / 5 * x, TOLERANCE);
        ck_assert_double_eq_tol(x - 0.1 * grad, (1 - 0.1 * 2) * x, TOLERANCE);
        ck_assert(close_to(x - 0.1 * grad, x - 0.1 * 2 * x, TOLERANCE) &&
                  close_to(x - 0.1 * grad, 0.8 * x, TOLERANCE));
        ck_assert_double_eq_tol(f.value(&f, &x), (two / 2) * x * x, TOLERANCE);     /* (a/2)(x - x*)^2 */
        gd_step(&x, &grad, 1, 0.1);
    }
}
END_TEST

/* Closed form (1.3): x_k = (1 - eta a)^k x0; at k = 10, 4 (4/5)^10 =
 * 4194304/9765625. */
START_TEST(example_1_closed_form_at_step_10)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    double x = 4.0;
    struct gd_run run = gradient_descent(&f, &x, 0.1, 0.0, 10, NULL, 0);
    ck_assert_int_eq(run.steps, 10);
    ck_assert_double_eq_tol(x, 4194304.0 / 9765625, TOLERANCE);
    ck_assert_double_eq_tol(x, 4 * pow(4.0 / 5, 10), TOLERANCE);
    ck_assert_double_eq_tol(x, 4 * pow(0.8, 10), TOLERANCE);
    ck_assert_double_eq_tol(x - 0, pow(1 - 0.1 * 2, 10) * (4 - 0), TOLERANCE);   /* (1.3) */
    ck_assert_double_eq_tol(f.value(&f, &x), 16 * pow(0.64, 10), TOLERANCE);
    {   /* the example's a = 2 and x* = 0, where the gradient vanishes */
        const double minimum = 0, one = 1;
        double g0, g1;
        f.gradient(&f, &g0, &minimum);
        f.gradient(&f, &g1, &one);
        ck_assert(g1 == 2 && g0 == 0);           /* f' = a x */
    }
}
END_TEST

/* Example 2: f = 1/2 (x1^2 + 10 x2^2), eta = 0.15: x1 <- 0.85 x1 and
 * x2 <- -0.5 x2.  After one step x = (17/20, -1/2), after two (289/400, 1/4). */
START_TEST(example_2_two_steps_by_hand)
{
    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    double x[2] = {1.0, 1.0};
    gradient_descent(&f, x, 0.15, 0.0, 1, NULL, 0);
    ck_assert_double_eq_tol(x[0], 17.0 / 20, TOLERANCE);
    ck_assert_double_eq_tol(x[1], -1.0 / 2, TOLERANCE);
    ck_assert(close_to(x[0], 17.0 / 20, TOLERANCE) && close_to(x[1], -1.0 / 2, TOLERANCE));
    ck_assert_double_eq_tol(1.0 - x[0], 15 / 100.0, TOLERANCE);    /* "only 15%" */
    /* the two factors: from (1, 1), x after one step is the factors themselves */
    ck_assert(close_to(x[0], 1 - 0.15, TOLERANCE) && close_to(x[0], 0.85, TOLERANCE));
    ck_assert(close_to(x[1], 1 - 1.5, TOLERANCE) && close_to(x[1], -0.5, TOLERANCE));
    ck_assert(close_to(1 - x[1], 10 * 0.15, TOLERANCE) && close_to(1 - x[1], 1.5, TOLERANCE));
    const double steep = x[1];
    gradient_descent(&f, x, 0.15, 0.0, 1, NULL, 0);
    ck_assert_double_eq_tol(x[0], 289.0 / 400, TOLERANCE);
    ck_assert_double_eq_tol(x[1], 1.0 / 4, TOLERANCE);
    /* "the steep coordinate flips sign at every step and halves" */
    ck_assert_double_eq_tol(fabs(x[1] / steep), 1.0 / 2, TOLERANCE);
    ck_assert_double_eq_tol(copysign(1.0, x[1]), -copysign(1.0, steep), TOLERANCE);
}
END_TEST

/* The stopping rule: ||grad f(x_k)|| is about 0.85^k (the x2 part,
 * 10 * 0.5^k, is negligible by then), below 1e-6 first at
 * k = ceil(ln 1e-6 / ln 0.85) = ceil(85.01) = 86. */
START_TEST(example_2_stops_after_86_steps)
{
    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    double x[2] = {1.0, 1.0};
    struct gd_run run = gradient_descent(&f, x, 0.15, 1e-6, 1000, NULL, 0);
    double k = log(1e-6) / log(0.85);
    ck_assert_double_eq_tol(k, 85.01, 5e-3);
    ck_assert(run.converged);
    ck_assert(!run.diverged);
    ck_assert_int_eq(run.steps, 86);
    /* A step limit of exactly 86 still ends converged. */
    x[0] = x[1] = 1.0;
    run = gradient_descent(&f, x, 0.15, 1e-6, 86, NULL, 0);
    ck_assert(run.converged);
    /* The cause is the shallow x1: without x2 the count is the same; without
     * x1 it is the first k with 10 * 0.5^k < 1e-6, k > log2(1e7) = 23.25: 24. */
    x[0] = 1.0, x[1] = 0.0;
    run = gradient_descent(&f, x, 0.15, 1e-6, 1000, NULL, 0);
    ck_assert_int_eq(run.steps, 86);
    x[0] = 0.0, x[1] = 1.0;
    run = gradient_descent(&f, x, 0.15, 1e-6, 1000, NULL, 0);
    ck_assert_int_eq(run.steps, 24);
}
END_TEST

/* Example 2's loss, 1/2 (0.85^(2k) + 10 * 0.25^k), is a sum of two
 * geometric sequences: the first step multiplies it by 1.61125/5.5 =
 * 0.293 (to three digits), and from step 20 on, when the x2 term is below
 * 1e-8 of the x1 term, f(x^(k+1)) / f(x^(k)) = 0.85^2 = 0.7225 to 1e-7.
 * This is the figure loss.svg's data: the run build/ch01 --csv writes. */
START_TEST(example_2_loss_ends_geometric)
{
    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    double x[2] = {1.0, 1.0}, before = f.value(&f, x);
    gradient_descent(&f, x, 0.15, 0.0, 1, NULL, 0);
    ck_assert_double_eq_tol(f.value(&f, x) / before, 0.293, 5e-4);
    ck_assert(close_to(x[0], 0.85, 1e-15) && close_to(x[0] * x[0], 0.7225, 1e-15));  /* x1 after one step */
    ck_assert(close_to(x[0], 0.85, 1e-15) && close_to(x[0], 1 - 0.15 * curvature[0], 1e-15)); /* 1 - eta a */
    for (int k = 1; k < 86; k++) {
        before = f.value(&f, x);
        gradient_descent(&f, x, 0.15, 0.0, 1, NULL, 0);
        if (k >= 20)
            ck_assert_double_eq_tol(f.value(&f, x) / before, 0.85 * 0.85, 1e-7);
    }
    /* The cause of the early 0.293: the fast x2 term, not yet died away.
     * Start without it, on the shallow axis, and the loss is multiplied by
     * 0.7225 from the first step on. */
    x[0] = 1.0, x[1] = 0.0;
    for (int k = 0; k < 5; k++) {
        before = f.value(&f, x);
        gradient_descent(&f, x, 0.15, 0.0, 1, NULL, 0);
        ck_assert_double_eq_tol(f.value(&f, x) / before, 0.7225, 1e-15);
    }
}
END_TEST

/* "Why the minus sign works": to first order a step d = -eta grad changes
 * f by -eta ||grad||^2.  On Rosenbrock at (-1.5, 2), where the gradient is
 * (-155, -50), a short step (eta = 1e-7) lowers f by that amount to within
 * 1 % (the second-order term is eta^2 g.Hg / 2, about 1e-4 of it here);
 * a long one (eta = 0.01) overshoots the valley floor and raises f. */
START_TEST(minus_sign_goes_downhill)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    double x[2] = {-1.5, 2}, grad[2], y[2], start = f.value(&f, x);
    f.gradient(&f, grad, x);
    y[0] = x[0], y[1] = x[1];
    gd_step(y, grad, 2, 1e-7);
    ck_assert_double_eq_tol((f.value(&f, y) - start) / (-1e-7 * (grad[0] * grad[0] + grad[1] * grad[1])), 1.0,
                            0.01);
    y[0] = x[0], y[1] = x[1];
    gd_step(y, grad, 2, -1e-7);                 /* without the minus sign: uphill */
    ck_assert_double_gt(f.value(&f, y), start);
    y[0] = x[0], y[1] = x[1];
    gd_step(y, grad, 2, 0.01);
    ck_assert_double_gt(f.value(&f, y), start);
}
END_TEST

/* The chapter's examples of decimals a double cannot hold: printed with
 * %.17g, the doubles nearest 0.1, 3.2 and 2.56 show their rounding. */
START_TEST(decimals_are_not_exact)
{
    char text[32];
    snprintf(text, sizeof text, "%.17g", 0.1);
    ck_assert_str_eq(text, "0.10000000000000001");
    snprintf(text, sizeof text, "%.17g", 3.2);
    ck_assert_str_eq(text, "3.2000000000000002");
    snprintf(text, sizeof text, "%.17g", 2.56);
    ck_assert_str_eq(text, "2.5600000000000001");
    {   /* the program's last column, 4 (1 - 2 eta)^k, rounds differently from
         * the loop at k = 2; both are within 2 units in the last place of 64/25 */
        double x = 4.0, grad, closed = 4.0 * (1 - 2 * 0.1) * (1 - 2 * 0.1);
        for (int k = 0; k < 2; k++) {
            grad = 2 * x;
            gd_step(&x, &grad, 1, 0.1);
        }
        ck_assert(x != closed);
        ck_assert_double_eq_tol(x, 64.0 / 25, 2 * 4.5e-16);
        ck_assert_double_eq_tol(closed, 64.0 / 25, 2 * 4.5e-16);
    }
}
END_TEST

/* The cause of those digits, removed: with eta = 1/8 every number of
 * example 1 is a binary fraction (x^(k) = 4 (3/4)^k = 3^k / 4^(k-1), exact
 * while 3^k < 2^53), so nothing rounds.  The loop and the closed form then
 * agree to the bit at every step, and %.17g prints the short decimals, no
 * digits far to the right.  (Test it by hand: eta = 0.1 here instead makes
 * the first assertion fail at k = 2, as decimals_are_not_exact shows.) */
START_TEST(binary_fractions_round_nothing)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    const double eta = 1.0 / 8;
    double x = 4.0, closed = 4.0, exact = 4.0;
    char text[32];
    for (int k = 1; k <= 30; k++) {
        gradient_descent(&f, &x, eta, 0, 1, NULL, 0);
        closed *= 1 - 2 * eta;
        exact = exact * 3 / 4;                  /* 3^k / 4^(k-1): exact in a double */
        ck_assert_msg(x == closed && x == exact, "step %d: loop %.17g, closed form %.17g", k, x,
                      closed);
    }
    x = 4.0;
    gradient_descent(&f, &x, eta, 0, 1, NULL, 0);
    snprintf(text, sizeof text, "%.17g", x);
    ck_assert_str_eq(text, "3");
    gradient_descent(&f, &x, eta, 0, 1, NULL, 0);
    snprintf(text, sizeof text, "%.17g", x);
    ck_assert_str_eq(text, "2.25");
    gradient_descent(&f, &x, eta, 0, 1, NULL, 0);
    snprintf(text, sizeof text, "%.17g", x);
    ck_assert_str_eq(text, "1.6875");
    /* put the cause back: eta = 0.1 is not a binary fraction, and the two
     * columns part at step 2 (the program's 2.5600000000000001 against
     * 2.5600000000000005) */
    x = closed = 4.0;
    for (int k = 1; k <= 2; k++) {
        gradient_descent(&f, &x, 0.1, 0, 1, NULL, 0);
        closed *= 1 - 2 * 0.1;
    }
    snprintf(text, sizeof text, "%.17g", x);
    ck_assert_str_eq(text, "2.5600000000000001");
    snprintf(text, sizeof text, "%.17g", closed);
    ck_assert_str_eq(text, "2.5600000000000005");
}
END_TEST

/* eta = 1.5 on f = x^2 multiplies x by 1 - 3 = -2 each step: the loop must
 * stop with the last finite point, not run on into inf and NaN. */
START_TEST(divergence_stops_at_last_finite_point)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    double x = 4.0;
    struct gd_run run = gradient_descent(&f, &x, 1.5, 1e-6, 100000, NULL, 0);
    ck_assert(run.diverged);
    ck_assert(isfinite(x) && isfinite(run.loss));
    ck_assert_int_lt(run.steps, 1100);
}
END_TEST

/* The answers of solutions/01-update-rule.md.  Exercise 1: x4 = 4 (4/5)^4
 * = 1024/625, f(x4) = 1048576/390625, f'(x4) = 2048/625.  Exercise 2:
 * eta = 1/2 lands on 0 in one step; eta = 1 multiplies x by -1 (4, -4, 4,
 * ...); eta = 1.5 by -2.  Exercise 4: eta = 0.2 multiplies x2 by -1, so
 * ||grad f|| >= 10 |x2| = 10 for ever and the step limit ends the run. */
START_TEST(exercise_1_answer)
{
    static const double two = 2.0;
    const double lr = 0.1;
    struct function f = quadratic(&two, 1);
    double x = 4.0, grad;
    gradient_descent(&f, &x, lr, 0, 4, NULL, 0);
    f.gradient(&f, &grad, &x);
    ck_assert_double_eq_tol(x, 1024.0 / 625, TOLERANCE);
    ck_assert_double_eq_tol(f.value(&f, &x), 1048576.0 / 390625, TOLERANCE);
    ck_assert_double_eq_tol(grad, 2048.0 / 625, TOLERANCE);
    ck_assert_double_eq_tol(x, 4 * pow(4.0 / 5, 4), TOLERANCE);
    ck_assert_double_eq_tol(x, 4 * pow(1 - 2 * lr, 4), TOLERANCE);
    ck_assert_double_eq_tol(1 - 2 * lr, 0.8, TOLERANCE);                  /* x^(4) = 0.8 x^(3) */
    ck_assert_double_eq_tol(x, 1.6384, TOLERANCE);        /* the exact decimals */
    ck_assert_double_eq_tol(f.value(&f, &x), 2.68435456, TOLERANCE);
    ck_assert_double_eq_tol(grad, 3.2768, TOLERANCE);
    ck_assert(close_to(grad, 2 * x, TOLERANCE) && close_to(grad, 2048.0 / 625, TOLERANCE) &&
              close_to(grad, 3.2768, TOLERANCE));
}
END_TEST

START_TEST(exercise_2_answer)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    double x = 4.0;
    gradient_descent(&f, &x, 1.0 / 2, 0.0, 1, NULL, 0);
    ck_assert_double_eq_tol(x, 4 - 0.5 * 8, TOLERANCE);
    ck_assert_double_eq_tol(x, 0.0, TOLERANCE);
    ck_assert(close_to(x, 4 - 0.5 * 8, TOLERANCE) && close_to(x, 0, TOLERANCE));
    x = 4.0;
    for (int k = 0; k < 3; k++) {          /* factor -1: 4, -4, 4, -4, loss 16 */
        gradient_descent(&f, &x, 1.0, 0.0, 1, NULL, 0);
        ck_assert_double_eq_tol(fabs(x), 4.0, TOLERANCE);
        ck_assert_double_eq_tol(f.value(&f, &x), 16.0, TOLERANCE);
    }
    ck_assert_double_eq_tol(x, -4.0, TOLERANCE);
    x = 4.0;
    {   /* the factor one step multiplies by, from gradient_descent */
        const double vanish = factor_of_one_step(1.0 / 2, two), flip = factor_of_one_step(1.0, two);
        const double eta = 1, flip_at_eta = factor_of_one_step(eta, two);
        ck_assert(vanish == 1 - 2 * (1.0 / 2) && vanish == 0);   /* vanishes at eta = 1/2 */
        ck_assert(flip == 1 - 2 * 1.0 && flip == -1);
        ck_assert(flip_at_eta == 1 - 2 * eta && flip_at_eta == -1);  /* at eta = 1 it is -1 */
    }
    {   /* on a of curvature 2, from 4, 60 steps: converged exactly when 0 < lr < 2/a */
        static const double rates[4] = {-0.1, 0.3, 0.9, 1.1};
        for (int i = 0; i < 4; i++) {
            double lr = rates[i], y = 4.0;
            const double a = two;
            gradient_descent(&f, &y, lr, 0.0, 60, NULL, 0);
            ck_assert((fabs(y) < 1e-3) == (0 < lr && lr < 2 / a));
        }
    }
    {
        const double grow = factor_of_one_step(1.5, two);
        ck_assert(grow == 1 - 2 * 1.5 && grow == -2);
    }
    {                                      /* factor -2: 4, -8, 16, -32 */
        const double by_hand[3] = {-8.0, 16.0, -32.0};
        for (int k = 0; k < 3; k++) {
            gradient_descent(&f, &x, 1.5, 0.0, 1, NULL, 0);
            ck_assert_double_eq_tol(x, by_hand[k], TOLERANCE);
        }
    }
}
END_TEST

/* Exercise 2 at lr 1.5: every step twice as far from the minimum 0 as the
 * last (|x| after over |x| before, from gradient_descent's own steps). */
START_TEST(exercise_2_twice_as_far)
{
    static const double curvature = 2.0;
    struct function f = quadratic(&curvature, 1);
    double x = 4.0;
    for (int k = 0; k < 4; k++) {
        const double before = x;
        gradient_descent(&f, &x, 1.5, 0.0, 1, NULL, 0);
        ck_assert_double_eq_tol(fabs(x) / fabs(before), 2, TOLERANCE);
    }
}
END_TEST

/* Exercise 3: 8 * 0.8^k < 1e-6 first for k > 71.23..., 72 updates; the
 * chapter's loop counts the same. */
START_TEST(exercise_3_updates)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    double x = 4.0;
    struct gd_run run = gradient_descent(&f, &x, 0.1, 1e-6, 1000, NULL, 0);
    ck_assert_double_eq_tol(log(1e-6 / 8) / log(0.8), 71.23, 5e-3);
    ck_assert_int_eq(run.steps, 72);
}
END_TEST

/* ... and 73 rows with row 0. */
START_TEST(exercise_3_rows)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    double x = 4.0;
    struct gd_run run = gradient_descent(&f, &x, 0.1, 1e-6, 1000, NULL, 0);
    ck_assert_int_eq(run.steps + 1, 73);
}
END_TEST

/* Exercise 4: the factors 1 - 0.2 = 0.8 and 1 - 0.2 * 10 = -1 */
START_TEST(exercise_4_answer)
{
    static const double curvature[2] = {1.0, 10.0};
    struct function g = quadratic(curvature, 2);
    double y[2] = {1.0, 1.0};
    struct gd_run run;
    {
        const double shrink = factor_of_one_step(0.2, curvature[0]), flip = factor_of_one_step(0.2, curvature[1]);
        ck_assert(close_to(shrink, 1 - 0.2, TOLERANCE) && close_to(shrink, 0.8, TOLERANCE));
        ck_assert(close_to(flip, 1 - 0.2 * 10, TOLERANCE) && close_to(flip, -1, TOLERANCE));
        /* the edge eta = 2/L of chapter 2: x2's factor is exactly -1 there */
        ck_assert(close_to(factor_of_one_step(2 / curvature[1], curvature[1]), -1, TOLERANCE));
    }
    run = gradient_descent(&g, y, 0.2, 1e-6, 1000, NULL, 0);
    ck_assert(!run.converged);
    ck_assert_int_eq(run.steps, 1000);
    /* why the rule never fires: |x2| stays 1, so ||grad f|| >= 10 |x2| = 10 */
    ck_assert_double_ge(run.grad_norm, 10 * fabs(y[1]));
    ck_assert_double_ge(run.grad_norm, 10);
    {   /* the cause removed: at eta = 0.19 x2's factor is 1 - 1.9 = -0.9, x2
         * shrinks, and the same rule fires (the slow x1 at 0.81 then decides) */
        double z[2] = {1.0, 1.0};
        struct gd_run other = gradient_descent(&g, z, 0.19, 1e-6, 1000, NULL, 0);
        ck_assert(other.converged);
        ck_assert_int_lt(other.steps, 1000);
    }
    ck_assert_double_eq_tol(fabs(y[1]), 1.0, TOLERANCE);
    {
        /* the path ends bouncing between (0, 1) (after an even number of
         * steps) and (0, -1), x2 flipping sign at every step */
        const double even_end[2] = {0, 1}, odd_end[2] = {0, -1};
        double before = y[1];
        ck_assert_double_eq_tol(y[0], even_end[0], TOLERANCE);
        ck_assert_double_eq_tol(y[1], even_end[1], TOLERANCE);
        gradient_descent(&g, y, 0.2, 0.0, 1, NULL, 0);
        ck_assert_double_eq_tol(y[0], odd_end[0], TOLERANCE);
        ck_assert_double_eq_tol(y[1], odd_end[1], TOLERANCE);
        ck_assert_double_eq_tol(y[1] * before, -1, TOLERANCE);
    }
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("01-update-rule");
    TCase *worked = tcase_create("ch01 worked examples");
    TCase *limits = tcase_create("ch01 limits");
    tcase_add_test(worked, example_1_three_steps_by_hand);
    tcase_add_test(worked, example_1_closed_form_at_step_10);
    tcase_add_test(worked, example_2_two_steps_by_hand);
    tcase_add_test(worked, example_2_stops_after_86_steps);
    tcase_add_test(worked, example_2_loss_ends_geometric);
    tcase_add_test(worked, decimals_are_not_exact);
    tcase_add_test(worked, binary_fractions_round_nothing);
    tcase_add_test(worked, minus_sign_goes_downhill);
    tcase_add_test(limits, divergence_stops_at_last_finite_point);
    tcase_add_test(worked, exercise_1_answer);
    tcase_add_test(worked, exercise_2_answer);
    tcase_add_test(worked, exercise_2_twice_as_far);
    tcase_add_test(worked, exercise_3_updates);
    tcase_add_test(worked, exercise_3_rows);
    tcase_add_test(worked, exercise_4_answer);
    suite_add_tcase(suite, worked);
    suite_add_tcase(suite, limits);
    return suite;
}
