/* tests/06-momentum.c: the worked example, the two forms of momentum, the
 * rate theory, and the measured rates of chapter 6.
 *
 * Tolerances.  The worked example and the theory's closed forms are a
 * handful of double operations away from exact fractions (the example's
 * are binary fractions, computed exactly): 1e-12.  The measured rates are
 * compared with the theory as the chapter explains in "Measured against
 * predicted"; each test below says which bound it uses and why.
 */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "06-momentum/example.h"
#include "06-momentum/heavy_ball.h"
#include "06-momentum/rates.h"
#include "06-momentum/sgd.h"

#include <complex.h>
#include <math.h>

#define TOLERANCE 1e-12

static void expect_pairs(double got[4][2], const double want[4][2])
{
    for (int k = 0; k < 4; k++)
        for (int i = 0; i < 2; i++)
            ck_assert_double_eq_tol(got[k][i], want[k][i], TOLERANCE);
}

static double square(double v)
{
    return v * v;
}

static int close_to(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

static int between(double low, double x, double high)
{
    return low <= x && x <= high;
}

/* A pair of coordinates as a complex number, so that a test writes the
 * text's vector arithmetic as it is written: pair(1, 1) - 1.0 / 4 * pair(1, 3). */
static double complex pair(double a, double b)
{
    return a + b * I;
}

static int is_pair(const double *v, double complex z)
{
    return fabs(v[0] - creal(z)) <= TOLERANCE && fabs(v[1] - cimag(z)) <= TOLERANCE;
}

static struct hyper setting(double lr, double momentum, bool nesterov)
{
    struct hyper h = sgd_kind.defaults;
    h.lr = lr;
    h.momentum = momentum;
    h.nesterov = nesterov;
    return h;
}

/* Where, between beta = 0 (real roots) and just below 1 (complex ones),
 * the kind of roots the book's rate (rates.c) reports for Nesterov at lr on
 * curvature 1 stops being `kind` (bisection). */
static double edge_of_roots(double lr, enum roots kind)
{
    double below = 0, above = 1 - 1e-6;
    struct hyper h = setting(lr, below, true);
    ck_assert_int_eq(sgd_rate(&h, 1.0).roots, ROOTS_REAL);
    h.momentum = above;
    ck_assert_int_eq(sgd_rate(&h, 1.0).roots, ROOTS_COMPLEX);
    for (int i = 0; i < 200; i++) {
        h.momentum = (below + above) / 2;
        if ((sgd_rate(&h, 1.0).roots == kind) == (kind == ROOTS_REAL))
            below = h.momentum;
        else
            above = h.momentum;
    }
    return (below + above) / 2;
}

/* The stability edge q = lr lambda of the book's rate (rates.c) at momentum
 * beta: bisection between a stable q (below) and an unstable one (above)
 * for the q where the spectral radius reaches 1.  Two hundred halvings
 * leave the rounding of the radius near 1 (a few ulps) as the only error,
 * which moves the edge by about 1e-15 relative: 1e-9 is ample. */
static double stability_edge(double beta, bool nesterov, double below, double above)
{
    struct hyper h = setting(below, beta, nesterov);
    ck_assert_double_lt(sgd_rate(&h, 1.0).radius, 1);
    h.lr = above;
    ck_assert_double_gt(sgd_rate(&h, 1.0).radius, 1);
    for (int i = 0; i < 200; i++) {
        h.lr = (below + above) / 2;
        if (sgd_rate(&h, 1.0).radius < 1)
            below = h.lr;
        else
            above = h.lr;
    }
    return (below + above) / 2;
}

/* Gradient descent's rate at lr on curvature lambda, from rates.c. */
static double gd_rate(double lr, double lambda)
{
    const struct hyper h = setting(lr, 0, false);
    return sgd_rate(&h, lambda).radius;
}

/* The smaller momentum at which that rate has a double root: rates.c calls
 * roots repeated within a rounding band of the discriminant's zero, so the
 * middle of the band, between the last real and the first complex roots. */
static double nesterov_double_root_by_bisection(double lr)
{
    return (edge_of_roots(lr, ROOTS_REAL) + edge_of_roots(lr, ROOTS_COMPLEX)) / 2;
}

/* Gradient descent: x1 <- (1 - 1/4) x1, x2 <- (1 - 3/4) x2. */
START_TEST(example_gradient_descent)
{
    const double want[4][2] = {{1, 1}, {3.0 / 4, 1.0 / 4}, {9.0 / 16, 1.0 / 16},
                               {27.0 / 64, 1.0 / 64}};
    double x[4][2], b[4][2];
    worked_example_steps(0, false, x, b);
    expect_pairs(x, want);
}
END_TEST

/* Momentum 1/2: b^(1) = g^(0) = (1, 3); b^(2) = b^(1)/2 + g^(1) = (5/4, 9/4);
 * b^(3) = b^(2)/2 + g^(2) = (17/16, 3/16); x^(k+1) = x^(k) - b^(k+1)/4. */
START_TEST(example_momentum)
{
    const double want_x[4][2] = {{1, 1}, {3.0 / 4, 1.0 / 4}, {7.0 / 16, -5.0 / 16},
                                 {11.0 / 64, -23.0 / 64}};
    const double want_b[4][2] = {{0, 0}, {1, 3}, {5.0 / 4, 9.0 / 4}, {17.0 / 16, 3.0 / 16}};
    double x[4][2], b[4][2];
    worked_example_steps(0.5, false, x, b);
    expect_pairs(x, want_x);
    expect_pairs(b, want_b);
}
END_TEST

/* Nesterov 1/2: the same buffers from other points, and the step is
 * g + b/2: x^(1) = (1 - (1 + 1/2)/4, 1 - (3 + 3/2)/4) = (5/8, -1/8), ... */
START_TEST(example_nesterov)
{
    const double want_x[4][2] = {{1, 1}, {5.0 / 8, -1.0 / 8}, {21.0 / 64, -11.0 / 64},
                                 {69.0 / 512, -25.0 / 512}};
    const double want_b[4][2] = {{0, 0}, {1, 3}, {9.0 / 8, 9.0 / 8}, {57.0 / 64, 3.0 / 64}};
    double x[4][2], b[4][2];
    worked_example_steps(0.5, true, x, b);
    expect_pairs(x, want_x);
    expect_pairs(b, want_b);
}
END_TEST

/* The losses after three steps: 183/2048 (GD), 427/2048 (momentum),
 * 1659/131072 (Nesterov). */
START_TEST(example_losses_after_three_steps)
{
    static const double curvature[2] = {1.0, 3.0};
    struct function f = quadratic(curvature, 2);
    double x[4][2], b[4][2];
    worked_example_steps(0, false, x, b);
    ck_assert_double_eq_tol(f.value(&f, x[3]), 183.0 / 2048, TOLERANCE);
    worked_example_steps(0.5, false, x, b);
    ck_assert_double_eq_tol(f.value(&f, x[3]), 427.0 / 2048, TOLERANCE);
    worked_example_steps(0.5, true, x, b);
    ck_assert_double_eq_tol(f.value(&f, x[3]), 1659.0 / 131072, TOLERANCE);
}
END_TEST

/* The worked example's setting: f = 1/2 (x1^2 + 3 x2^2), so grad f =
 * (x1, 3 x2), from (1, 1) with lr 1/4 and momentum 1/2. */
static void example_gradient(const double x[2], double g[2])
{
    static const double curvature[2] = {1.0, 3.0};
    struct function f = quadratic(curvature, 2);
    f.gradient(&f, g, x);
}

static void expect_pair(const double got[2], double a, double b)
{
    ck_assert_double_eq_tol(got[0], a, TOLERANCE);
    ck_assert_double_eq_tol(got[1], b, TOLERANCE);
}

/* Gradient descent by hand: each step multiplies x1 by 1 - 1/4 = 3/4 and
 * x2 by 1 - 3/4 = 1/4 (the curvatures 1 and 3 times lr 1/4). */
START_TEST(example_gradient_descent_factors)
{
    double x[4][2], b[4][2];
    worked_example_steps(0, false, x, b);
    for (int k = 0; k < 3; k++) {
        ck_assert_double_eq_tol(x[k + 1][0], (1 - 1.0 / 4) * x[k][0], TOLERANCE);
        ck_assert_double_eq_tol(x[k + 1][1], (1 - 3.0 / 4) * x[k][1], TOLERANCE);
    }
    ck_assert(close_to(x[1][0] / x[0][0], 1 - 1.0 / 4, TOLERANCE) && close_to(x[1][0] / x[0][0], 3.0 / 4, TOLERANCE));
    ck_assert(close_to(x[1][1] / x[0][1], 1 - 3.0 / 4, TOLERANCE) && close_to(x[1][1] / x[0][1], 1.0 / 4, TOLERANCE));
}
END_TEST

/* Momentum by hand, each intermediate of the text checked against the
 * program's run: g^(0) = (1, 3) and b^(1) = g^(0); x^(1) = (1, 1) - (1/4)(1, 3)
 * = (3/4, 1/4); g^(1) = (3/4, 3/4), b^(2) = (1/2)(1, 3) + (3/4, 3/4) =
 * (5/4, 9/4), x^(2) = (3/4 - 5/16, 1/4 - 9/16) = (7/16, -5/16);
 * g^(2) = (7/16, -15/16), b^(3) = (5/8 + 7/16, 9/8 - 15/16) = (17/16, 3/16),
 * x^(3) = (7/16 - 17/64, -5/16 - 3/64) = (11/64, -23/64). */
START_TEST(example_momentum_by_hand_steps)
{
    double x[4][2], b[4][2], g[2];
    worked_example_steps(0.5, false, x, b);
    example_gradient(x[0], g);
    expect_pair(g, 1, 3);
    expect_pair(b[1], 1, 3);
    expect_pair(x[1], 1 - 1.0 / 4 * 1, 1 - 1.0 / 4 * 3);
    example_gradient(x[1], g);
    expect_pair(g, 3.0 / 4, 3.0 / 4);
    expect_pair(b[2], 1.0 / 2 * 1 + 3.0 / 4, 1.0 / 2 * 3 + 3.0 / 4);
    expect_pair(b[2], 5.0 / 4, 9.0 / 4);
    expect_pair(x[2], 3.0 / 4 - 5.0 / 16, 1.0 / 4 - 9.0 / 16);
    expect_pair(x[2], 7.0 / 16, -5.0 / 16);
    example_gradient(x[2], g);
    expect_pair(g, 7.0 / 16, -15.0 / 16);
    expect_pair(b[3], 5.0 / 8 + 7.0 / 16, 9.0 / 8 - 15.0 / 16);
    expect_pair(b[3], 17.0 / 16, 3.0 / 16);
    expect_pair(x[3], 7.0 / 16 - 17.0 / 64, -5.0 / 16 - 3.0 / 64);
    expect_pair(x[3], 11.0 / 64, -23.0 / 64);
    /* the text's lines as it writes them */
    ck_assert(is_pair(x[1], pair(1, 1) - 1.0 / 4 * pair(1, 3)) && is_pair(x[1], pair(3.0 / 4, 1.0 / 4)));
    ck_assert(is_pair(b[2], 1.0 / 2 * pair(1, 3) + pair(3.0 / 4, 3.0 / 4)) && is_pair(b[2], pair(5.0 / 4, 9.0 / 4)));
}
END_TEST

/* Nesterov by hand: the step is g + (1/2) b.  Step 1: (1, 3) + (1/2)(1, 3) =
 * (3/2, 9/2), x^(1) = (1 - 3/8, 1 - 9/8) = (5/8, -1/8).  Step 2: g^(1) =
 * (5/8, -3/8), b^(2) = (1/2)(1, 3) + g^(1) = (9/8, 9/8), step (19/16, 3/16),
 * x^(2) = (5/8 - 19/64, -1/8 - 3/64) = (21/64, -11/64).  Step 3: g^(2) =
 * (21/64, -33/64), b^(3) = (9/16 + 21/64, 9/16 - 33/64) = (57/64, 3/64),
 * step (99/128, -63/128), x^(3) = (69/512, -25/512). */
START_TEST(example_nesterov_by_hand_steps)
{
    double x[4][2], b[4][2], g[2], step[2];
    worked_example_steps(0.5, true, x, b);
    example_gradient(x[0], g);
    expect_pair(g, 1, 3);
    expect_pair(b[1], 1, 3);
    step[0] = g[0] + 1.0 / 2 * b[1][0];
    step[1] = g[1] + 1.0 / 2 * b[1][1];
    expect_pair(step, 3.0 / 2, 9.0 / 2);
    expect_pair(x[1], 1 - 3.0 / 8, 1 - 9.0 / 8);
    expect_pair(x[1], 5.0 / 8, -1.0 / 8);
    example_gradient(x[1], g);
    expect_pair(g, 5.0 / 8, -3.0 / 8);
    expect_pair(b[2], 9.0 / 8, 9.0 / 8);
    step[0] = g[0] + 1.0 / 2 * b[2][0];
    step[1] = g[1] + 1.0 / 2 * b[2][1];
    expect_pair(step, 19.0 / 16, 3.0 / 16);
    expect_pair(x[2], 5.0 / 8 - 19.0 / 64, -1.0 / 8 - 3.0 / 64);
    expect_pair(x[2], 21.0 / 64, -11.0 / 64);
    example_gradient(x[2], g);
    expect_pair(g, 21.0 / 64, -33.0 / 64);
    expect_pair(b[3], 9.0 / 16 + 21.0 / 64, 9.0 / 16 - 33.0 / 64);
    expect_pair(b[3], 57.0 / 64, 3.0 / 64);
    step[0] = g[0] + 0.5 * b[3][0];
    step[1] = g[1] + 0.5 * b[3][1];
    expect_pair(step, 99.0 / 128, -63.0 / 128);
    expect_pair(x[3], 69.0 / 512, -25.0 / 512);
    /* the text's lines as it writes them */
    {
        double again[4][2], buffer[4][2], g0[2], g1[2], step1[2];
        worked_example_steps(0.5, true, again, buffer);
        example_gradient(again[0], g0);
        example_gradient(again[1], g1);
        step1[0] = g0[0] + 1.0 / 2 * buffer[1][0];
        step1[1] = g0[1] + 1.0 / 2 * buffer[1][1];
        ck_assert(is_pair(step1, pair(g0[0], g0[1]) + 1.0 / 2 * pair(buffer[1][0], buffer[1][1])) &&
                  is_pair(step1, pair(3.0 / 2, 9.0 / 2)));
        ck_assert(is_pair(again[1], pair(1 - 3.0 / 8, 1 - 9.0 / 8)) && is_pair(again[1], pair(5.0 / 8, -1.0 / 8)));
        ck_assert(is_pair(buffer[2], 1.0 / 2 * pair(1, 3) + pair(g1[0], g1[1])) &&
                  is_pair(buffer[2], pair(9.0 / 8, 9.0 / 8)));
    }
}
END_TEST

/* "Look at what happened": why momentum's x2 swings to -23/64.  At step 3
 * the gradient along x2 has turned negative (x2 = -5/16 has crossed zero),
 * but the buffer still carries the earlier, larger positive gradients:
 * (1/2) b^(2) = 9/8 outweighs g^(2) = -15/16, so b^(3) stays positive and x2
 * moves further down.  Remove the memory (momentum 0) and x2 never crosses
 * zero.  Then: x1 is far ahead of gradient descent (11/64 against 27/64),
 * the loss is higher (427/2048 > 183/2048), and Nesterov's is the lowest.
 * Momentum's gain is small on curvatures 1 and 3: at lr 1/4 gradient
 * descent's rate is max(3/4, 1/4) = 3/4, heavy ball's sqrt(1/2) = 0.707
 * (complex roots in both directions). */
START_TEST(example_why_momentum_overshoots)
{
    static const double curvature[2] = {1.0, 3.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = sgd_kind.defaults;
    double x[4][2], b[4][2], g[2], gd[4][2], nesterov[4][2];
    worked_example_steps(0.5, false, x, b);
    example_gradient(x[2], g);
    ck_assert_double_lt(g[1], 0);
    ck_assert_double_gt(0.5 * b[2][1], fabs(g[1]));
    ck_assert_double_gt(b[3][1], 0);
    ck_assert_double_eq_tol(x[3][1], -23.0 / 64, TOLERANCE);
    worked_example_steps(0, false, gd, b);
    for (int k = 0; k <= 3; k++)
        ck_assert_double_gt(gd[k][1], 0);
    ck_assert_double_lt(x[3][0], gd[3][0]);
    ck_assert_double_eq_tol(x[3][0], 11.0 / 64, TOLERANCE);
    ck_assert_double_eq_tol(gd[3][0], 27.0 / 64, TOLERANCE);
    ck_assert_double_gt(f.value(&f, x[3]), f.value(&f, gd[3]));
    worked_example_steps(0.5, true, nesterov, b);
    ck_assert_double_lt(f.value(&f, nesterov[3]), f.value(&f, gd[3]));
    h.lr = 1.0 / 4;
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&h, &f).radius, 3.0 / 4, TOLERANCE);
    h.momentum = 0.5;
    ck_assert_int_eq(sgd_rate(&h, 1.0).roots, ROOTS_COMPLEX);
    ck_assert_int_eq(sgd_rate(&h, 3.0).roots, ROOTS_COMPLEX);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&h, &f).radius, sqrt(1.0 / 2), TOLERANCE);
}
END_TEST

/* Exercise 1 by hand: f = x^2, x^(0) = 1, eta = 1/8, beta = 1/2.
 * x^(1) = 3/4; heavy ball x^(2) = 3/4 - (1/8)(3/2) + (1/2)(3/4 - 1) = 7/16;
 * buffer form b^(1) = 2, b^(2) = 2/2 + 3/2 = 5/2, x^(2) = 3/4 - 5/16 = 7/16. */
START_TEST(exercise_1_heavy_ball_by_hand)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double x = 1.0, previous = 1.0, theta = 1.0, grad;
    for (int k = 0; k < 2; k++) {
        f.gradient(&f, &grad, &x);
        heavy_ball_step(&x, &previous, &grad, 1, 1.0 / 8, 0.5);
    }
    ck_assert_double_eq_tol(previous, 3.0 / 4, TOLERANCE);
    ck_assert_double_eq_tol(x, 7.0 / 16, TOLERANCE);
    h.lr = 1.0 / 8;
    h.momentum = 0.5;
    optimizer_init(&opt, &sgd_kind, &h, 1);
    for (int k = 0; k < 2; k++) {
        f.gradient(&f, &grad, &theta);
        optimizer_step(&opt, &theta, &grad);
        if (k == 0)
            ck_assert_double_eq(opt.buffer[0][0], 2);         /* b^(1) = g^(0) = 2 */
    }
    ck_assert_double_eq_tol(opt.buffer[0][0], 5.0 / 2, TOLERANCE);
    ck_assert_double_eq_tol(theta, 7.0 / 16, TOLERANCE);
    optimizer_free(&opt);
    /* the answer's lines, each one assertion against heavy_ball_step's iterates */
    {
        double y = 1.0, before = 1.0, g;
        f.gradient(&f, &g, &y);
        ck_assert_double_eq_tol(g, 2 * y, TOLERANCE);                    /* f'(x) = 2x */
        heavy_ball_step(&y, &before, &g, 1, 1.0 / 8, 0.5);
        ck_assert(close_to(y, 1 - (1.0 / 8) * 2, TOLERANCE) && close_to(y, 3.0 / 4, TOLERANCE));
        f.gradient(&f, &g, &y);
        heavy_ball_step(&y, &before, &g, 1, 1.0 / 8, 0.5);
        ck_assert(close_to(y, 3.0 / 4 - (1.0 / 8) * (3.0 / 2) + (1.0 / 2) * (3.0 / 4 - 1), TOLERANCE) &&
                  close_to(y, 3.0 / 4 - 3.0 / 16 - 1.0 / 8, TOLERANCE) && close_to(y, 7.0 / 16, TOLERANCE));
    }
    /* PyTorch's buffer form, line by line, against sgd_kind's buffer and iterates */
    {
        struct optimizer pt;
        double y = 1.0, g, b1, y1;
        optimizer_init(&pt, &sgd_kind, &h, 1);
        f.gradient(&f, &g, &y);
        optimizer_step(&pt, &y, &g);
        b1 = pt.buffer[0][0];
        y1 = y;
        ck_assert(close_to(y1, 1 - 2.0 / 8, TOLERANCE) && close_to(y1, 3.0 / 4, TOLERANCE));
        f.gradient(&f, &g, &y);
        optimizer_step(&pt, &y, &g);
        ck_assert(close_to(pt.buffer[0][0], 1 + 3.0 / 2, TOLERANCE) && close_to(pt.buffer[0][0], 5.0 / 2, TOLERANCE));
        ck_assert(close_to(y, 3.0 / 4 - 1.0 / 8 * (5.0 / 2), TOLERANCE) && close_to(y, 3.0 / 4 - 5.0 / 16, TOLERANCE));
        ck_assert(close_to(-1.0 / 8 * b1, y1 - 1, TOLERANCE) && close_to(-1.0 / 8 * b1, -1.0 / 4, TOLERANCE));
        optimizer_free(&pt);
    }
}
END_TEST

/* Exercise 2's answer: (2 + 2 beta) / L = 3.8/100 = 0.038 for beta = 0.9,
 * L = 100, and 2/L = 0.02 with beta = 0.  At the edge the steep direction
 * (q = 3.8) has z^2 + 1.9 z + 0.9 = (z + 1)(z + 0.9): the root -1.  A run
 * on that direction alone flips sign on every step after the start and,
 * once 0.9^k has died (k > 400: 0.9^400 < 1e-18), keeps its size: steps
 * 1000 and 2000 have the same |x| within 1e-12 relative. */
START_TEST(exercise_2_edge_flips_for_ever)
{
    static const double steep = 100.0;
    struct function f = quadratic(&steep, 1);
    struct hyper h = setting(3.8 / 100, 0.9, false);
    struct optimizer opt;
    double x = 1.0, grad, last = 1.0, at_1000 = 0;
    {   /* the edge (2 + 2 beta)/L: the code's rate there is 1, for beta = 0.9 and 0 */
        const struct hyper edge = setting((2 + 2 * 0.9) / 100, 0.9, false), plain = setting((2 + 2 * 0) / 100.0, 0, false);
        ck_assert(close_to(sgd_rate(&edge, steep).radius, 1, 1e-12) && close_to(edge.lr, 0.038, TOLERANCE));
        ck_assert(close_to(sgd_rate(&plain, steep).radius, 1, 1e-12) && close_to(plain.lr, 0.02, TOLERANCE));  /* beta = 0 */
    }
    {   /* z = -1 is a root of z^2 - (1 + beta - q) z + beta, q = 3.8: rates.c's
         * roots of trace -1.9 and determinant 0.9 are -1 and -0.9, radius 1 */
        double z = -1, t = 1 + 0.9 - 3.8;
        ck_assert_double_eq_tol(rate_of_2x2(t, 0.9).radius, -z, TOLERANCE);
    }
    optimizer_init(&opt, &sgd_kind, &h, 1);
    for (int k = 1; k <= 2000; k++) {
        f.gradient(&f, &grad, &x);
        optimizer_step(&opt, &x, &grad);
        if (k > 1)
            ck_assert((x < 0) != (last < 0));
        last = x;
        if (k == 1000)
            at_1000 = fabs(x);
    }
    optimizer_free(&opt);
    ck_assert_double_gt(at_1000, 1e-2);
    ck_assert_double_eq_tol(fabs(x) / at_1000, 1.0, 1e-12);
    /* (6.6) at its edge, and gradient descent's 2/L */
    ck_assert(0 < h.lr * steep && close_to(h.lr * steep, 2 + 2 * h.momentum, 1e-12));
    {   /* gradient descent's edge 2/L = 0.02: the code's rate there is 1 */
        ck_assert(close_to(gd_rate(2 / steep, steep), gd_rate(0.02, steep), 1e-15) &&
                  close_to(gd_rate(0.02, steep), 1, 1e-12));
    }
}
END_TEST

/* Exercise 3's answer: with dampening d, heavy ball (6.1) with
 * eta = lr (1 - d), after a first step of lr, is torch.optim.SGD's form
 * (to 1e-13, as in tests/06-momentum-exercises.c).  Forget the exception
 * on the first step (eta = lr (1 - d) from the start) and the iterates are
 * off by far more than that (here more than 1e-3 at step 200). */
static double dampened_gap(bool first_step_exception)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(0.01, 0.9, false);
    struct optimizer opt;
    double x[2] = {1.0, 1.0}, previous[2] = {1.0, 1.0}, theta[2] = {1.0, 1.0}, grad[2];
    double gap = 0;
    h.dampening = 0.5;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k < 200; k++) {
        double eta = k == 0 && first_step_exception ? 0.01 : 0.01 * (1 - 0.5);
        f.gradient(&f, grad, x);
        heavy_ball_step(x, previous, grad, 2, eta, 0.9);
        f.gradient(&f, grad, theta);
        optimizer_step(&opt, theta, grad);
        gap = fmax(gap, fmax(fabs(x[0] - theta[0]), fabs(x[1] - theta[1])));
    }
    optimizer_free(&opt);
    return gap;
}

START_TEST(exercise_3_first_step_exception)
{
    const double d = 0.5, lr = 0.01, lambda = 100.0;
    double right[4], wrong[4], previous_right = 1.0, previous_wrong = 1.0, grad;
    ck_assert_double_le(dampened_gap(true), 1e-13);
    ck_assert_double_gt(dampened_gap(false), 1e-3);
    /* On the steep coordinate by hand: the forgotten exception makes the
     * first step (1 - d) times too short, and each of the next iterates
     * (the first 3 shown) is wrong too. */
    right[0] = wrong[0] = 1.0;
    for (int k = 0; k < 3; k++) {
        right[k + 1] = right[k];
        grad = lambda * right[k];
        heavy_ball_step(&right[k + 1], &previous_right, &grad, 1, k == 0 ? lr : lr * (1 - d),
                        0.9);
        wrong[k + 1] = wrong[k];
        grad = lambda * wrong[k];
        heavy_ball_step(&wrong[k + 1], &previous_wrong, &grad, 1, lr * (1 - d), 0.9);
    }
    ck_assert_double_eq_tol(wrong[1] - wrong[0], (1 - d) * (right[1] - right[0]), TOLERANCE);
    for (int k = 1; k <= 3; k++)
        ck_assert_double_gt(fabs(wrong[k] - right[k]), 0.1);
}
END_TEST

/* Exercise 4's answer.  p = 1 - q = 1 - 1/kappa; the discriminant of (6.8)
 * is (1 + beta)^2 p^2 - 4 beta p, zero on p beta^2 + (2p - 4) beta + p = 0,
 * whose roots are ((2 - p) -+ 2 sqrt(1 - p)) / p: the smaller is
 * (1 - sqrt(1 - p))^2 / p = (sqrt k - 1)/(sqrt k + 1), the other above 1.
 * beta p = (sqrt k - 1)^2 / k, the rate sqrt(beta p) = 1 - 1/sqrt k:
 * kappa = 100, beta = 9/11, r = 9/10, slower than heavy ball's best 9/11;
 * the steep direction (q = 1) has both roots 0. */
/* At kappa = 100 heavy ball's best rate (sqrt(kappa) - 1)/(sqrt(kappa) + 1)
 * is 9/11, below Nesterov's 1 - 1/sqrt(kappa). */
START_TEST(heavy_ball_best_beats_nesterov_at_100)
{
    const double kappa = 100, root = sqrt(kappa);
    struct hyper best = setting(0, 0, false), ahead = setting(1 / kappa, 9.0 / 11, true);
    heavy_ball_best(1.0, kappa, &best.lr, &best.momentum);
    const double heavy = sgd_rate(&best, 1.0).radius, nesterov = sgd_rate(&ahead, 1.0).radius;
    ck_assert(close_to(heavy, (root - 1) / (root + 1), TOLERANCE) && close_to(heavy, 9.0 / 11, TOLERANCE));
    ck_assert(close_to(nesterov, 1 - 1 / root, 1e-6) && nesterov > heavy);
}
END_TEST

START_TEST(exercise_4_nesterov_double_root_algebra)
{
    static const double kappas[3] = {4.0, 100.0, 1442.0};
    for (int i = 0; i < 3; i++) {
        double kappa = kappas[i], root = sqrt(kappa), p = 1 - 1 / kappa;
        double low = nesterov_double_root_by_bisection(1 / kappa), high = ((2 - p) + 2 * sqrt(1 - p)) / p;
        {   /* at eta = 1/L the flattest direction has q = 1/kappa: p = 1 - q is
             * plain descent's rate there (beta = 0) */
            const struct hyper plain = setting(1 / kappa, 0, true);
            const double p_code = sgd_rate(&plain, 1.0).radius;
            ck_assert(close_to(1 - p_code, 1 / kappa, 1e-15));
            ck_assert(close_to(p_code, p, 1e-15));
        }
        ck_assert_double_eq_tol(p * low * low + (2 * p - 4) * low + p, 0, TOLERANCE);
        ck_assert_double_eq_tol(pow(1 + low, 2) * p * p - 4 * low * p, 0, TOLERANCE);
        /* the answer's lines, each one assertion */
        ck_assert_double_eq_tol(square(1 + low) * p * p - 4 * low * p, 0, TOLERANCE);
        ck_assert_double_eq_tol(square(1 + low) * p, 4 * low, TOLERANCE);
        ck_assert(close_to(low, ((2 - p) - 2 * sqrt(1 - p)) / p, TOLERANCE) &&
                  close_to(low, square(1 - sqrt(1 - p)) / p, TOLERANCE));
        ck_assert(close_to(low, square(1 - 1 / root) / (1 - 1 / kappa), TOLERANCE) &&
                  close_to(low, square(root - 1) / (kappa - 1), TOLERANCE) &&
                  close_to(low, (root - 1) / (root + 1), TOLERANCE));
        ck_assert(close_to(low * p, ((root - 1) / (root + 1)) * ((root - 1) * (root + 1) / kappa), TOLERANCE) &&
                  close_to(low * p, square(root - 1) / kappa, TOLERANCE));
        ck_assert_double_gt(high, 1.0);
        ck_assert_double_eq_tol(low, pow(1 - sqrt(1 - p), 2) / p, TOLERANCE);
        ck_assert_double_eq_tol(low, (root - 1) / (root + 1), TOLERANCE);
        ck_assert_double_eq_tol(low * p, (root - 1) * (root - 1) / kappa, TOLERANCE);
        ck_assert_double_eq_tol(sqrt(low * p), 1 - 1 / root, TOLERANCE);
        ck_assert_double_gt(1 - 1 / root, (root - 1) / (root + 1));
    }
    {
        struct hyper h = setting(0.01, 9.0 / 11, true);
        ck_assert_double_eq_tol(sgd_rate(&h, 1.0).radius, 9.0 / 10, TOLERANCE);
        ck_assert_double_eq_tol(sgd_rate(&h, 100.0).radius, 0, TOLERANCE);
    }
    {   /* kappa = 100: the code's double-root momentum is 9/11, and the rate
         * measured there (steps 100 to 400) sits above its 0.9 */
        const double curvature[2] = {1, 100};
        const struct function f = quadratic(curvature, 2);
        const struct hyper h = setting(0.01, nesterov_double_root_by_bisection(0.01), true);
        ck_assert_double_eq_tol(nesterov_double_root_by_bisection(0.01), 9.0 / 11, TOLERANCE);
        ck_assert_double_gt(measure_rate(&f, &h, 100, 400).rate, 0.9);
    }
}
END_TEST

/* (6.1) and PyTorch's form are one iteration; in floating point they round
 * differently (x - lr g + beta (x - x') against x - lr (beta b + g)), so they agree
 * to rounding: on the contracting quadratic the difference stays within a
 * few ulps of 1 (1e-14); on Rosenbrock, where the iterates move by O(1)
 * and the curvature reaches 10^3, rounding can grow by lr * curvature per
 * step over 500 steps: 1e-9 still catches any wrong term, which would
 * show at the first or second step. */
static double forms_gap(const char *spec, double lr, double momentum, long steps)
{
    struct function f = function_from_spec("--function", spec);
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double a[2], b[2], previous[2], grad[2], gap = 0;
    h.lr = lr;
    h.momentum = momentum;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int i = 0; i < 2; i++)
        a[i] = b[i] = previous[i] = f.start[i];
    for (long k = 0; k < steps; k++) {
        f.gradient(&f, grad, a);
        optimizer_step(&opt, a, grad);
        f.gradient(&f, grad, b);
        heavy_ball_step(b, previous, grad, 2, lr, momentum);
        for (int i = 0; i < 2; i++)
            gap = fmax(gap, fabs(a[i] - b[i]));
    }
    optimizer_free(&opt);
    return gap;
}

START_TEST(two_forms_agree_on_a_quadratic)
{
    ck_assert_double_le(forms_gap("quadratic:1,100", 0.01, 0.9, 500), 1e-14);
    /* PyTorch's default dampening is 0: the buffer takes all of g, (1 - 0) g */
    ck_assert_double_eq(sgd_kind.defaults.dampening, 0);
    ck_assert_double_eq(1 - sgd_kind.defaults.dampening, 1);
}
END_TEST

START_TEST(two_forms_agree_on_rosenbrock)
{
    ck_assert_double_le(forms_gap("rosenbrock", 1e-3, 0.9, 500), 1e-9);
}
END_TEST

/* ------------------------------------------------------------ theory */

/* (6.2)-(6.3): best lr 2/(1 + 100) = 2/101, rate (100 - 1)/(100 + 1). */
START_TEST(theory_gradient_descent_best)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(gd_best_lr(1.0, 100.0), 0, false);
    ck_assert_double_eq_tol(h.lr, 2.0 / 101, TOLERANCE);
    ck_assert_double_eq_tol(h.lr, 2 / (1 + 100.0), TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&h, &f).radius, 99.0 / 101, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&h, &f).radius, (100 - 1) / (100 + 1.0), TOLERANCE);
    /* the two terms of (6.2) are equal there: 1 - lr mu = lr L - 1 */
    ck_assert_double_eq_tol(1 - h.lr * 1, h.lr * 100 - 1, TOLERANCE);
    /* "it creeps towards 1 as kappa grows": 1 - r = 2/(kappa + 1) shrinks,
     * so at kappa = 1e6 the rate is within 1e-5 of 1 */
    {
        static const double flat_and_steep[2] = {1.0, 1e6};
        struct function g = quadratic(flat_and_steep, 2);
        struct hyper wide = setting(gd_best_lr(1.0, 1e6), 0, false);
        double r = sgd_rate_on_quadratic(&wide, &g).radius;
        ck_assert_double_gt(r, 99.0 / 101);
        ck_assert_double_eq_tol(r, 1, 1e-5);
    }
    {   /* (6.2) both ways, and (6.3)'s equal terms */
        const double mu = 1, L = 100;
        const double r = sgd_rate_on_quadratic(&h, &f).radius;
        ck_assert(close_to(r, fmax(fabs(1 - h.lr * curvature[0]), fabs(1 - h.lr * curvature[1])), TOLERANCE) &&
                  close_to(r, fmax(fabs(1 - h.lr * mu), fabs(1 - h.lr * L)), TOLERANCE));
        ck_assert_double_eq_tol(1 - h.lr * mu, h.lr * L - 1, TOLERANCE);
    }
}
END_TEST

/* (6.7): kappa = 100: eta = (2/(1 + 10))^2 = 4/121, beta = (9/11)^2 = 81/121,
 * a double root 9/11 at both ends of the spectrum. */
START_TEST(theory_heavy_ball_best)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(0, 0, false);
    struct rate r;
    heavy_ball_best(1.0, 100.0, &h.lr, &h.momentum);
    ck_assert_double_eq_tol(h.lr, pow(2 / (sqrt(1.0) + sqrt(100.0)), 2), TOLERANCE);
    ck_assert_double_eq_tol(h.lr, 4.0 / 121, TOLERANCE);
    ck_assert_double_eq_tol(h.momentum, 81.0 / 121, TOLERANCE);
    /* (6.7) with kappa = 100 */
    ck_assert_double_eq_tol(h.momentum, pow((sqrt(100.0) - 1) / (sqrt(100.0) + 1), 2), TOLERANCE);
    r = sgd_rate_on_quadratic(&h, &f);
    ck_assert_double_eq_tol(r.radius, 9.0 / 11, TOLERANCE);
    ck_assert_double_eq_tol(r.radius, (sqrt(100.0) - 1) / (sqrt(100.0) + 1), TOLERANCE);
    ck_assert_int_eq(r.roots, ROOTS_REPEATED);
    ck_assert_int_eq(sgd_rate(&h, 1.0).roots, ROOTS_REPEATED);
    ck_assert_int_eq(sgd_rate(&h, 100.0).roots, ROOTS_REPEATED);
    {   /* the spectrum [lr mu, lr L] fills the complex interval */
        const double mu = 1, L = 100;
        ck_assert_double_eq_tol(square(1 - sqrt(h.momentum)), h.lr * mu, TOLERANCE);
        ck_assert_double_eq_tol(square(1 + sqrt(h.momentum)), h.lr * L, TOLERANCE);
        ck_assert_double_eq_tol(sqrt(h.lr * L) + sqrt(h.lr * mu), 2, TOLERANCE);
        ck_assert_double_eq_tol(sqrt(h.lr * L) - sqrt(h.lr * mu), 2 * sqrt(h.momentum), TOLERANCE);
    }
    {   /* at lr = 1/L on kappa = 100: gradient descent's 1 - 1/kappa; heavy
         * ball's double root at beta = (1 - sqrt(lr mu))^2 = 0.81, rate
         * 1 - 1/sqrt(kappa) (a double root: the discriminant's rounding,
         * 1e-16, is 1e-8 under its square root) */
        const double mu = 1, L = 100, kappa = L / mu, lr = 1 / L;
        struct hyper plain = setting(1 / L, 0, false);
        struct hyper cusp = setting(1 / L, square(1 - sqrt(lr * mu)), false);
        ck_assert_double_eq_tol(sgd_rate_on_quadratic(&plain, &f).radius, 1 - 1 / kappa, TOLERANCE);
        ck_assert(close_to(cusp.momentum, square(1 - sqrt(lr * mu)), 1e-15) && close_to(cusp.momentum, 0.81, 1e-15));
        ck_assert_double_eq_tol(sgd_rate_on_quadratic(&cusp, &f).radius, 1 - 1 / sqrt(kappa), 1e-6);
    }
}
END_TEST

/* (6.5): z^2 - (1 + beta - q) z + beta, q = lr lambda.  lr 0.01, beta 0.9 on lambda = 1:
 * 1.89^2 < 3.6, complex, |z| = sqrt 0.9.  beta 0.5, lambda = 1: roots
 * (1.49 +- sqrt(1.49^2 - 2)) / 2, the larger (1.49 + sqrt 0.2201) / 2. */
START_TEST(theory_heavy_ball_roots)
{
    struct hyper h = setting(0.01, 0.9, false);
    struct rate r = sgd_rate(&h, 1.0);
    ck_assert_int_eq(r.roots, ROOTS_COMPLEX);
    ck_assert_double_eq_tol(r.radius, sqrt(0.9), TOLERANCE);
    {   /* (6.4): x^(k+1) = (1 + beta - q) x^(k) - beta x^(k-1), the matrix
         * [[1 + beta - q, -beta], [1, 0]], is heavy_ball_step on x' = lambda x */
        double x = 0.7, previous = 0.3, grad = 1.0 * x, q = 0.01 * 1.0;
        double row1 = (1 + 0.9 - q) * x - 0.9 * previous, row2 = 1 * x + 0 * previous;
        heavy_ball_step(&x, &previous, &grad, 1, 0.01, 0.9);
        ck_assert_double_eq_tol(x, row1, TOLERANCE);
        ck_assert_double_eq_tol(previous, row2, TOLERANCE);
    }
    h.momentum = 0.5;
    r = sgd_rate(&h, 1.0);
    ck_assert_int_eq(r.roots, ROOTS_REAL);
    ck_assert_double_eq_tol(r.radius, (1.49 + sqrt(0.2201)) / 2, TOLERANCE);
    {   /* (6.4)'s matrix [[1 + beta - q, -beta], [1, 0]]: its trace and
         * determinant give the rate, and on real roots the largest solves (6.5) */
        const double beta = 0.25, q = 0.1;
        struct hyper hb = setting(q, beta, false);
        const double m[2][2] = {{1 + beta - q, -beta}, {1, 0}};
        const double z = sgd_rate(&hb, 1.0).radius;
        ck_assert_double_eq_tol(rate_of_2x2(m[0][0] + m[1][1], m[0][0] * m[1][1] - m[0][1] * m[1][0]).radius, z,
                                TOLERANCE);
        ck_assert_double_eq_tol(z * z - (1 + beta - q) * z + beta, 0, 1e-12);
    }
}
END_TEST

/* The complex interval of (6.5): the roots are complex exactly when the
 * discriminant (1 + beta - q)^2 - 4 beta is negative, that is when
 * (1 - sqrt beta)^2 < q < (1 + sqrt beta)^2, and then |z|^2 = beta, the
 * product of the roots.  Checked on a grid of q for beta 0.5 and 0.9
 * (points within 1e-9 of an end skipped: there the root is double). */
START_TEST(theory_heavy_ball_complex_interval)
{
    static const double betas[2] = {0.5, 0.9};
    for (int b = 0; b < 2; b++) {
        double beta = betas[b], lo = pow(1 - sqrt(beta), 2), hi = pow(1 + sqrt(beta), 2);
        for (int j = 1; j < 4000; j++) {
            double q = j / 1000.0, t = 1 + beta - q;
            struct hyper h = setting(q, beta, false);
            struct rate r = sgd_rate(&h, 1.0);
            if (fabs(q - lo) < 1e-9 || fabs(q - hi) < 1e-9)
                continue;
            ck_assert_int_eq(t * t - 4 * beta < 0, lo < q && q < hi);
            ck_assert_int_eq(r.roots == ROOTS_COMPLEX, lo < q && q < hi);
            if (r.roots == ROOTS_COMPLEX)
                ck_assert_double_eq_tol(r.radius * r.radius, beta, TOLERANCE);
        }
    }
    {   /* complex roots exactly for (1 - sqrt(beta))^2 < q < (1 + sqrt(beta))^2 */
        const double beta = 0.5;
        for (double q = 0.005; q < 4; q += 0.01) {
            struct hyper hq = setting(q, beta, false);
            ck_assert((sgd_rate(&hq, 1.0).roots == ROOTS_COMPLEX) == (square(1 - sqrt(beta)) < q && q < square(1 + sqrt(beta))));
            ck_assert((sgd_rate(&hq, 1.0).roots == ROOTS_COMPLEX) == (square(1 + beta - q) < 4 * beta));
        }
    }
}
END_TEST

/* "Momentum nearly doubles the range of stable learning rates as beta -> 1":
 * the edge of lr lambda, found by bisection on the book's rate, over plain
 * gradient descent's (beta = 0), is 2 short by 1 - beta (1.9, 1.99, 1.999),
 * so within 0.01 of 2 at beta = 0.999. */
START_TEST(momentum_nearly_doubles_the_range)
{
    const double plain = stability_edge(0, false, 1, 3);
    const double betas[3] = {0.9, 0.99, 0.999};
    for (int i = 0; i < 3; i++) {
        const double ratio = stability_edge(betas[i], false, 1, 5) / plain;
        ck_assert_double_eq_tol(2 - ratio, 1 - betas[i], 1e-9);
    }
    ck_assert_double_eq_tol(stability_edge(0.999, false, 1, 5) / plain, 2, 0.01);
}
END_TEST

/* (6.6): stable exactly while 0 < lr lambda < 2 + 2 beta.  beta = 0.9,
 * L = 100: the edge is lr = 0.038, where the root -1 appears.  The radius
 * there is 1 up to the rounding of lr (1e-12); a relative 1e-6 either side
 * moves it clearly off 1. */
START_TEST(theory_stability_edge)
{
    struct hyper h = setting(0.038, 0.9, false);
    ck_assert_double_eq_tol(sgd_rate(&h, 100.0).radius, 1.0, 1e-12);
    h.lr = 0.038 * (1 - 1e-6);
    ck_assert_double_lt(sgd_rate(&h, 100.0).radius, 1.0);
    h.lr = 0.038 * (1 + 1e-6);
    ck_assert_double_gt(sgd_rate(&h, 100.0).radius, 1.0);
    /* (6.9), Nesterov: the edge is lr L = (2 + 1.8)/(1 + 1.8) = 19/14. */
    h = setting(19.0 / 14 / 100, 0.9, true);
    ck_assert_double_eq_tol(sgd_rate(&h, 100.0).radius, 1.0, 1e-12);
    h.lr = 19.0 / 14 / 100 * (1 - 1e-6);
    ck_assert_double_lt(sgd_rate(&h, 100.0).radius, 1.0);
    h.lr = 19.0 / 14 / 100 * (1 + 1e-6);
    ck_assert_double_gt(sgd_rate(&h, 100.0).radius, 1.0);
    /* the lower edge 0 of (6.6) and (6.9): lr 0 does not contract (the
     * root 1), any positive lr below the upper edge does */
    h = setting(0, 0.9, false);
    ck_assert_double_eq_tol(sgd_rate(&h, 100.0).radius, 1.0, 1e-12);
    h.lr = 1e-6;
    ck_assert_double_lt(sgd_rate(&h, 100.0).radius, 1.0);
    /* the two edges as (6.6) and (6.9) write them, beta = 0.9, L = 100 */
    ck_assert_double_eq_tol((2 + 2 * 0.9) / 100, 0.038, TOLERANCE);
    {   /* Nesterov's edge q = (2 + 2 beta)/(1 + 2 beta) = 19/14: sgd_rate is 1
         * there, while heavy ball (edge 2 + 2 beta) is still stable */
        const struct hyper nesterov_edge = setting((2 + 2 * 0.9) / (1 + 2 * 0.9) / 100, 0.9, true);
        const struct hyper heavy_there = setting(19.0 / 14 / 100, 0.9, false);
        ck_assert(close_to(sgd_rate(&nesterov_edge, 100.0).radius, 1, 1e-9) &&
                  close_to(nesterov_edge.lr * 100, 19.0 / 14, TOLERANCE));
        ck_assert(sgd_rate(&heavy_there, 100.0).radius < 1 && 19.0 / 14 < 2 + 2 * 0.9);
    }
    {   /* (6.6) and (6.9): the stable q = lr lambda of heavy ball and Nesterov */
        const double beta = 0.5;
        for (double q = 0.005; q < 4; q += 0.01) {
            struct hyper heavy = setting(q, beta, false), ahead = setting(q, beta, true);
            ck_assert((sgd_rate(&heavy, 1.0).radius < 1) == (0 < q && q < 2 + 2 * beta));
            ck_assert((sgd_rate(&ahead, 1.0).radius < 1) == (0 < q && q < (2 + 2 * beta) / (1 + 2 * beta)));
        }
    }
}
END_TEST

/* The numbers of the beta sweep and of the figures.  lr = 1/L = 0.01 on
 * kappa = 100: beta = 0 is gradient descent, rate 1 - 1/100; the flat
 * direction's roots meet at beta = (1 - sqrt(0.01))^2 = 0.81, rate
 * sqrt 0.81 = 0.9.  kappa = 25, Nesterov at lr 1/25 with (5 - 1)/(5 + 1) =
 * 2/3: a double root on lambda = 1. */
START_TEST(theory_sweep_and_figures)
{
    struct hyper h = setting(0.01, 0, false);
    struct rate r;
    ck_assert_double_eq_tol(sgd_rate(&h, 1.0).radius, 0.99, TOLERANCE);
    h.momentum = 0.81;
    r = sgd_rate(&h, 1.0);
    ck_assert_int_eq(r.roots, ROOTS_REPEATED);
    ck_assert_double_eq_tol(r.radius, 0.9, TOLERANCE);
    h = setting(1.0 / 25, 2.0 / 3, true);
    ck_assert_int_eq(sgd_rate(&h, 1.0).roots, ROOTS_REPEATED);
    h = setting(0.075, 0, false);
    ck_assert_double_eq_tol(sgd_rate(&h, 25.0).radius, 0.875, TOLERANCE);
}
END_TEST

/* "The pictures": on 1/2 (x1^2 + 25 x2^2) at lr 0.075, heavy ball with
 * beta 0.5 has on the flat direction (q = 0.075) the polynomial
 * z^2 - 1.425 z + 0.5 = (z - 0.8)(z - 0.625) of (6.5): rate 0.8, against
 * gradient descent's 1 - 0.075 = 0.925.  On the steep direction (q = 1.875)
 * heavy ball's roots are complex, |z| = sqrt 0.5 < 0.8, and gradient
 * descent's factor is 0.875 < 0.925: the flat direction sets both runs'
 * rates.  Steps to shrink the error by a given factor go like 1/|ln r|, and
 * ln 0.8 / ln 0.925 = 2.862: "about three times faster" (the chapter prints
 * 2.86, so 0.005).  Rates 1e-12 as above. */
START_TEST(theory_figure_heavy_ball_three_times_faster)
{
    static const double curvature[2] = {1.0, 25.0};
    struct function f = quadratic(curvature, 2);
    struct hyper gd = setting(0.075, 0, false), heavy = setting(0.075, 0.5, false);
    struct rate flat = sgd_rate(&heavy, 1.0);
    ck_assert_int_eq(flat.roots, ROOTS_REAL);
    ck_assert_double_eq_tol(flat.radius, 0.8, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate(&gd, 1.0).radius, 0.925, TOLERANCE);
    ck_assert_int_eq(sgd_rate(&heavy, 25.0).roots, ROOTS_COMPLEX);
    ck_assert_double_eq_tol(sgd_rate(&heavy, 25.0).radius, sqrt(0.5), TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate(&gd, 25.0).radius, 0.875, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&heavy, &f).radius, 0.8, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&gd, &f).radius, 0.925, TOLERANCE);
    ck_assert_double_eq_tol(log(flat.radius) / log(sgd_rate(&gd, 1.0).radius), 2.86, 0.005);
    /* the polynomial of (6.5) on the flat direction: its trace 1 + 0.5 - 0.075,
     * its roots 0.8 (the code's rate) and 0.625, their product beta = 0.5 */
    {
        const double r = flat.radius;
        ck_assert(close_to(r + 0.5 / r, 1 + 0.5 - 0.075, TOLERANCE) && close_to(r + 0.5 / r, 1.425, TOLERANCE));
        ck_assert(close_to(r, 0.8, TOLERANCE) && close_to(0.5 / r, 0.625, TOLERANCE) && close_to(r + 0.625, 1.425, TOLERANCE));
        ck_assert(close_to(r * 0.625, 0.5, TOLERANCE));
        const double gd_flat = sgd_rate(&gd, 1.0).radius;
        ck_assert(close_to(gd_flat, 1 - 0.075, TOLERANCE) && close_to(gd_flat, 0.925, TOLERANCE));
    }
    /* the edge 2/L = 0.08 of gradient descent on 25, past the 0.075 used */
    ck_assert(close_to(gd_rate(2.0 / 25, 25), gd_rate(0.08, 25), 1e-15) && close_to(gd_rate(0.08, 25), 1, 1e-12) &&
              gd_rate(0.075, 25) < 1);
}
END_TEST

/* "Choosing the momentum": beta = 0.9 is the best heavy-ball beta of (6.7)
 * when (sqrt k - 1)/(sqrt k + 1) = s = sqrt 0.9, that is sqrt k =
 * (1 + s)/(1 - s) and k = (1 + s)^4 / (1 - s^2)^2 = 100 (1 + s)^4 =
 * 100 (1.9 + 2 s)^2 = 721 + 760 s = 1441.9993, printed "about 1442" (0.5;
 * the two forms of k agree to 1e-9: 1 - s cancels about five bits).
 * heavy_ball_best gives back beta = 0.9 there: 1e-12, a square root, a
 * division and a square of numbers near 1. */
START_TEST(theory_momentum_0_9_suits_kappa_1442)
{
    double kappa = 721.0 + 760.0 * sqrt(0.9), s = sqrt(0.9), lr, beta;
    ck_assert_double_eq_tol(kappa, 1442.0, 0.5);
    ck_assert_double_eq_tol(kappa, pow((1.0 + s) / (1.0 - s), 2.0), 1e-9);
    heavy_ball_best(1.0, kappa, &lr, &beta);
    ck_assert_double_eq_tol(beta, 0.9, TOLERANCE);
    ck_assert(close_to((sqrt(kappa) - 1) / (sqrt(kappa) + 1), sqrt(beta), 1e-9) &&
              close_to(sqrt(beta), sqrt(0.9), 1e-9));
}
END_TEST

/* (6.8): Nesterov, z^2 - (1 + beta)(1 - q) z + beta (1 - q).  lr = 1/L = 0.01,
 * beta = 9/11: on lambda = 1 a double root sqrt(beta (1 - q)) =
 * sqrt(9/11 * 99/100) = 9/10 = 1 - 1/sqrt(kappa); on lambda = 100, q = 1
 * and both roots are 0. */
START_TEST(theory_nesterov_double_root)
{
    struct hyper h = setting(0.01, 9.0 / 11, true);
    struct rate r = sgd_rate(&h, 1.0);
    ck_assert_int_eq(r.roots, ROOTS_REPEATED);
    ck_assert_double_eq_tol(r.radius, 9.0 / 10, TOLERANCE);
    /* the double root solves (6.8) with q = 0.01 * 1 */
    ck_assert_double_eq_tol(r.radius * r.radius - (1 + 9.0 / 11) * (1 - 0.01 * 1.0) * r.radius +
                                9.0 / 11 * (1 - 0.01 * 1.0), 0, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate(&h, 100.0).radius, 0, TOLERANCE);
    {   /* (6.8): on real roots the largest solves z^2 - (1 + beta)(1 - q) z + beta (1 - q) = 0 */
        const double beta = 0.2, q = 0.3;
        struct hyper ahead = setting(q, beta, true);
        const double z = sgd_rate(&ahead, 1.0).radius;
        ck_assert_double_eq_tol(z * z - (1 + beta) * (1 - q) * z + beta * (1 - q), 0, 1e-12);
    }
}
END_TEST

/* Nesterov's matrix on one coordinate of curvature lambda: one step of
 * sgd_kind (nesterov) maps (x, b) to ((1 - q(1 + beta)) x - lr beta^2 b,
 * lambda x + beta b), trace (1 + beta)(1 - q), determinant beta (1 - q).
 * Each new gradient enters the step with weight 1 + beta at once (the first
 * step is (1 + beta) lr g).  Past the edge (6.9) (beta = 0.9: q > 19/14) the
 * Jury condition that fails is |t| < 1 + d, while |d| < 1 still holds. */
START_TEST(theory_nesterov_matrix)
{
    const double lambda = 7.0, lr = 0.1, beta = 0.9, q = lr * lambda;
    struct hyper h = setting(lr, beta, true);
    struct optimizer opt;
    double x = 1.0, grad, x1, b1, want_x, want_b;
    optimizer_init(&opt, &sgd_kind, &h, 1);
    grad = lambda * x;
    optimizer_step(&opt, &x, &grad);
    ck_assert_double_eq_tol(1.0 - x, (1 + beta) * lr * lambda * 1.0, TOLERANCE);
    x1 = x;
    b1 = opt.buffer[0][0];
    want_x = (1 - q * (1 + beta)) * x1 - lr * beta * beta * b1;
    want_b = lambda * x1 + beta * b1;
    grad = lambda * x;
    optimizer_step(&opt, &x, &grad);
    ck_assert_double_eq_tol(x, want_x, TOLERANCE);
    ck_assert_double_eq_tol(opt.buffer[0][0], want_b, TOLERANCE);
    optimizer_free(&opt);
    ck_assert_double_eq_tol((1 - q * (1 + beta)) + beta, (1 + beta) * (1 - q), TOLERANCE);
    ck_assert_double_eq_tol((1 - q * (1 + beta)) * beta + lr * beta * beta * lambda,
                            beta * (1 - q), TOLERANCE);
    {
        double over = 19.0 / 14 * (1 + 1e-6), t = (1 + beta) * (1 - over),
               d = beta * (1 - over);
        ck_assert_double_lt(fabs(d), 1);
        ck_assert_double_gt(fabs(t), 1 + d);
    }
}
END_TEST

/* (6.8) at q = 1: both roots are 0 but the matrix [[-beta, -lr beta^2],
 * [lambda, beta]] is not; its square is.  So Nesterov clears the steep
 * direction in two steps, not one: on the figure's valley 1/2 (x1^2 +
 * 25 x2^2) with lr 1/25, beta 2/3, from x2 = 9/5: x2 = -(2/3)(9/5) = -6/5,
 * then 0.  1e-12: lr lambda = 25/25 is 1 to the last bit or two. */
START_TEST(theory_nesterov_clears_steep_direction_in_two_steps)
{
    static const double curvature[2] = {1.0, 25.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(1.0 / 25, 2.0 / 3, true);
    struct optimizer opt;
    double x[2] = {-9.0, 9.0 / 5}, grad[2];
    optimizer_init(&opt, &sgd_kind, &h, 2);
    f.gradient(&f, grad, x);
    optimizer_step(&opt, x, grad);
    ck_assert_double_eq_tol(x[1], -6.0 / 5, TOLERANCE);
    ck_assert_double_eq_tol(x[1], -2.0 / 3 * (9.0 / 5), TOLERANCE);
    f.gradient(&f, grad, x);
    optimizer_step(&opt, x, grad);
    ck_assert_double_eq_tol(x[1], 0, TOLERANCE);
    optimizer_free(&opt);
}
END_TEST

/* The double-root momentum of Nesterov at lr = 1/L (stated in the text,
 * derived in exercise 4): beta = (sqrt k - 1)/(sqrt k + 1) with q = 1/k.
 * Then beta (1 - q) = (sqrt k - 1)^2 / k and (1 + beta)(1 - q) =
 * 2 (sqrt k - 1)/sqrt k: the trace is twice the square root of the
 * determinant, and the root is 1 - 1/sqrt k.  kappa = 100: 9/11 and 0.9;
 * kappa = 25 (the figure): (5 - 1)/(5 + 1) = 2/3 and 1 - 1/sqrt 25 = 0.8. */
static void check_nesterov_double_root(double kappa)
{
    double root = sqrt(kappa), q = 1 / kappa;
    double beta = (root - 1) / (root + 1);
    struct hyper h = setting(1 / kappa, beta, true);
    struct rate r = sgd_rate(&h, 1.0);
    ck_assert_double_eq_tol(beta * (1 - q), (root - 1) * (root - 1) / kappa, TOLERANCE);
    ck_assert_double_eq_tol((1 + beta) * (1 - q), 2 * (root - 1) / root, TOLERANCE);
    ck_assert_double_eq_tol((1 + beta) * (1 - q), 2 * sqrt(beta * (1 - q)), TOLERANCE);
    ck_assert_int_eq(r.roots, ROOTS_REPEATED);
    ck_assert_double_eq_tol(r.radius, 1 - 1 / root, TOLERANCE);
}

/* kappa = 100 (the text's example) */
START_TEST(theory_nesterov_double_root_momentum)
{
    struct hyper h = setting(1 / 100.0, 0, true);
    check_nesterov_double_root(100.0);
    h.momentum = (sqrt(100.0) - 1) / (sqrt(100.0) + 1);
    ck_assert_double_eq_tol(h.momentum, 9.0 / 11, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate(&h, 1.0).radius, 0.9, TOLERANCE);
    /* with q = 1/kappa: beta (1 - q) = (sqrt kappa - 1)^2 / kappa and
     * (1 + beta)(1 - q) = 2 (sqrt kappa - 1) / sqrt kappa */
    {   /* a double root r has r^2 = beta (1 - q) and r + r = (1 + beta)(1 - q) */
        const double r = sgd_rate(&h, 1.0).radius;
        ck_assert(close_to(r * r, h.momentum * (1 - 1 / 100.0), 1e-6) &&
                  close_to(r * r, pow(sqrt(100.0) - 1, 2) / 100.0, 1e-6));
        ck_assert(close_to(r + r, (1 + h.momentum) * (1 - 1 / 100.0), 1e-6) &&
                  close_to(r + r, 2 * (sqrt(100.0) - 1) / sqrt(100.0), 1e-6));
        /* "so the trace is twice the square root of the determinant" */
        ck_assert_double_eq_tol((1 + h.momentum) * (1 - 1 / 100.0) /
                                    sqrt(h.momentum * (1 - 1 / 100.0)), 2, 1e-12);
    }
    {   /* at lr = 1/L the steep q = 1 and the flat q = 1/kappa; the momentum
         * (sqrt(kappa) - 1)/(sqrt(kappa) + 1) gives the flat one the double root
         * sqrt(beta(1 - q)) = 1 - 1/sqrt(kappa) (1e-6: a double root's rounding) */
        const double kappa = 100, L = 100, mu = L / kappa;
        const double lr = 1 / L, q = 1 / kappa, beta = (sqrt(kappa) - 1) / (sqrt(kappa) + 1);
        struct hyper ahead = setting(lr, beta, true);
        /* the momentum whose double root the test above measures */
        ck_assert_double_eq_tol(h.momentum, (sqrt(kappa) - 1) / (sqrt(kappa) + 1), 1e-15);
        ck_assert(close_to(sgd_rate(&ahead, mu).radius, sqrt(beta * (1 - q)), 1e-6) &&
                  close_to(sgd_rate(&ahead, mu).radius, 1 - 1 / sqrt(kappa), 1e-6));
    }
}
END_TEST

/* kappa = 25 (the valley of the figures) */
START_TEST(theory_nesterov_double_root_momentum_valley)
{
    struct hyper h = setting(1 / 25.0, 0, true);
    check_nesterov_double_root(25.0);
    h.momentum = (sqrt(25.0) - 1) / (sqrt(25.0) + 1);
    ck_assert_double_eq_tol(h.momentum, (5.0 - 1) / (5 + 1), TOLERANCE);
    ck_assert_double_eq_tol(h.momentum, 2.0 / 3, TOLERANCE);
    ck_assert_double_eq_tol(sgd_rate(&h, 1.0).radius, 0.8, TOLERANCE);
    {   /* kappa = 25 at lr = 1/L: momentum (5 - 1)/(5 + 1) = 2/3, rate
         * 1 - 1/sqrt(25) = 0.8 (1e-6: a double root's rounding); the steps
         * for a reduction go like 1/|ln r|: 2.86 times fewer than at 0.925 */
        const double L = 25, kappa = 25;
        const double lr = 1 / L, beta = (sqrt(kappa) - 1) / (sqrt(kappa) + 1);
        struct hyper ahead = setting(lr, beta, true);
        const double mu = 1;
        /* the momentum at which the code's rate is a double root r: r + r = (1 + beta)(1 - q) */
        const double implied = 2 * sgd_rate(&ahead, mu).radius / (1 - lr * mu) - 1;
        ck_assert(close_to(implied, (5 - 1) / (5 + 1.0), 1e-6) && close_to(implied, 2.0 / 3, 1e-6));
        ck_assert(close_to(sgd_rate(&ahead, mu).radius, 1 - 1 / sqrt(25.0), 1e-6) &&
                  close_to(sgd_rate(&ahead, mu).radius, 0.8, 1e-6));
        {   /* gradient descent's edge 2/L = 0.08: the code's rate there is 1 */
            ck_assert(close_to(gd_rate(2 / L, L), gd_rate(0.08, L), 1e-15) && close_to(gd_rate(0.08, L), 1, 1e-12));
        }
        ck_assert_double_eq_tol((1 / fabs(log(0.925))) / (1 / fabs(log(sgd_rate(&ahead, mu).radius))), 2.86, 0.005);
    }
}
END_TEST

/* The curve of the figure rate_vs_beta, on its own grid (beta = i/1000,
 * lr = 1/L = 0.01, kappa = 100).  Heavy ball: below beta = 0.81 the flat
 * direction has two real roots and the rate falls from 1 - 1/100 = 0.99
 * as beta grows; at 0.81 the roots meet at 0.9; above, both directions
 * are complex and the rate is sqrt(beta), rising.  Nesterov: the same
 * shape, its lowest point at the grid point nearest 9/11 (0.818 or 0.819),
 * within 0.001 of 0.9 (the grid misses 9/11 itself; the curve's slope
 * there is under 1, so 0.001 in beta is at most about 0.001 in rate). */
START_TEST(figure_rate_against_beta)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    double previous = 2.0, best_nesterov = 2.0, best_beta = 0;
    for (int i = 0; i <= 990; i++) {
        double beta = i / 1000.0;
        struct hyper heavy = setting(0.01, beta, false), nesterov = setting(0.01, beta, true);
        struct rate r = sgd_rate_on_quadratic(&heavy, &f);
        double rn = sgd_rate_on_quadratic(&nesterov, &f).radius;
        if (i < 810) {
            ck_assert_int_eq(sgd_rate(&heavy, 1.0).roots, ROOTS_REAL);
            ck_assert_double_lt(r.radius, previous);
        } else if (i > 810) {
            ck_assert_int_eq(sgd_rate(&heavy, 1.0).roots, ROOTS_COMPLEX);
            ck_assert_int_eq(sgd_rate(&heavy, 100.0).roots, ROOTS_COMPLEX);
            ck_assert_double_eq_tol(r.radius, sqrt(beta), TOLERANCE);
        }
        if (i == 0)
            ck_assert_double_eq_tol(r.radius, 0.99, TOLERANCE);
        if (i == 810)
            ck_assert_double_eq_tol(r.radius, 0.9, TOLERANCE);
        previous = r.radius;
        if (rn < best_nesterov) {
            best_nesterov = rn;
            best_beta = beta;
        }
    }
    ck_assert_double_eq_tol(best_beta, 9.0 / 11, 0.001);
    ck_assert_double_eq_tol(best_nesterov, 0.9, 0.001);
}
END_TEST

/* The figures on the valley 1/2 (x1^2 + 25 x2^2) from (-9, 1.8), 60 steps,
 * the runs of build/ch06 --csv.  Loss ratios over steps 30..60 (the start
 * forgotten: the faster roots have shrunk by (0.625/0.8)^30 < 1e-3 and
 * (0.875/0.925)^30 < 0.2): gradient descent's log-loss falls 2.86 times
 * more slowly than heavy ball's ("about three times"), within 5% (what
 * remains of the steep direction's 0.875 in gradient descent's loss). */
static double valley_loss(double lr, double momentum, bool nesterov, int steps)
{
    static const double curvature[2] = {1.0, 25.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(lr, momentum, nesterov);
    struct optimizer opt;
    double x[2] = {-9.0, 1.8}, grad[2];
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k < steps; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
    }
    optimizer_free(&opt);
    return f.value(&f, x);
}

START_TEST(figure_valley_heavy_ball_three_times_faster)
{
    double gd = log(valley_loss(0.075, 0, false, 60) / valley_loss(0.075, 0, false, 30));
    double heavy = log(valley_loss(0.075, 0.5, false, 60) / valley_loss(0.075, 0.5, false, 30));
    ck_assert_double_eq_tol(heavy / gd, 2.86, 2.86 / 20);
}
END_TEST

/* Nesterov cannot take lr 0.075 with beta 0.5 on this valley: by (6.9)
 * its edge is lr L < (2 + 1)/(1 + 1) = 1.5, lr < 0.06 (with beta 2/3 it is
 * lower still, 10/7).  Its rate there is above 1 and the run grows. */
START_TEST(figure_valley_nesterov_edge)
{
    struct hyper h = setting(0.06, 0.5, true);
    ck_assert_double_eq_tol(sgd_rate(&h, 25.0).radius, 1.0, 1e-12);
    h.lr = 0.075;
    ck_assert_double_gt(sgd_rate(&h, 25.0).radius, 1.0);
    ck_assert_double_gt(valley_loss(0.075, 0.5, true, 60), valley_loss(0.075, 0.5, true, 0));
    ck_assert_double_eq_tol(stability_edge(0.5, true, 1, 2), 1.5, 1e-9);   /* lr L < 1.5 */
}
END_TEST

/* Nesterov on the valley at lr 1/25, beta 2/3: after step 2, x2 is 0 and
 * x1 = (A + Bk) 0.8^k, the double root's form, so x1^(k) / 0.8^k is a
 * straight line in k (second differences zero to rounding: 1e-9 of values
 * near 10) and the loss's ratio per step, 0.64 ((A + B(k+1))/(A + Bk))^2,
 * is above 0.64 and falls towards it: the bend, ending parallel to heavy
 * ball's 0.8^2 per step. */
START_TEST(figure_valley_nesterov_bend_is_the_double_root)
{
    static const double curvature[2] = {1.0, 25.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(1.0 / 25, 2.0 / 3, true);
    struct optimizer opt;
    double x[2] = {-9.0, 1.8}, grad[2], scaled[61], loss[61];
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k <= 60; k++) {
        scaled[k] = x[0] / pow(0.8, k);
        loss[k] = f.value(&f, x);
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
    }
    optimizer_free(&opt);
    for (int k = 3; k < 60; k++)
        ck_assert_double_eq_tol(scaled[k + 1] - 2 * scaled[k] + scaled[k - 1], 0, 1e-9);
    for (int k = 10; k < 59; k++) {
        ck_assert_double_gt(loss[k + 1] / loss[k], 0.64);
        ck_assert_double_lt(loss[k + 2] / loss[k + 1], loss[k + 1] / loss[k]);
    }
}
END_TEST

/* Rosenbrock from (-1.5, 2), lr 0.001, 3000 steps: momentum and Nesterov
 * (beta 0.9) end within 1e-5 of (1, 1), gradient descent still on the
 * floor more than 0.2 away with its loss above 0.01. */
START_TEST(figure_rosenbrock_momentum_arrives)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    static const double settings[3][2] = {{0, 0}, {0.9, 0}, {0.9, 1}};
    for (int s = 0; s < 3; s++) {
        struct hyper h = setting(0.001, settings[s][0], settings[s][1] != 0);
        struct optimizer opt;
        double x[2] = {f.start[0], f.start[1]}, grad[2];
        optimizer_init(&opt, &sgd_kind, &h, 2);
        for (int k = 0; k < 3000; k++) {
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
        }
        optimizer_free(&opt);
        if (s == 0) {
            ck_assert_double_gt(hypot(x[0] - 1, x[1] - 1), 0.2);
            ck_assert_double_gt(f.value(&f, x), 0.01);
        } else
            ck_assert_double_lt(hypot(x[0] - 1, x[1] - 1), 1e-5);
    }
    {   /* they arrive at Rosenbrock's minimum (1, 1) */
        struct function banana = function_from_spec("--function", "rosenbrock");
        const double minimum[2] = {1, 1};
        ck_assert_double_eq(banana.value(&banana, minimum), 0);
    }
}
END_TEST

/* Nesterov's early jumps on Rosenbrock.  At (-1.5, 2) the Hessian is
 * [[2 - 400 (y - x^2) + 800 x^2, -400 x], [-400 x, 200]] = [[1902, 600],
 * [600, 200]], largest eigenvalue 2092 (to 0.5), lr lambda = 2.1: inside
 * heavy ball's edge 2 + 2 (0.9) = 3.8, past Nesterov's 19/14 = 1.36.  Over
 * the first 20 steps Nesterov's loss climbs from 12.5 to 281 (at step 3),
 * heavy ball's stays below 15 (a small zig-zag), and Nesterov at half the
 * lr (lr lambda = 1.05) never rises above the start. */
static double rosenbrock_highest_loss(double lr, bool nesterov, int steps, int *at)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    struct hyper h = setting(lr, 0.9, nesterov);
    struct optimizer opt;
    double x[2] = {f.start[0], f.start[1]}, grad[2], highest = f.value(&f, x);
    *at = 0;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 1; k <= steps; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
        if (f.value(&f, x) > highest) {
            highest = f.value(&f, x);
            *at = k;
        }
    }
    optimizer_free(&opt);
    return highest;
}

START_TEST(figure_rosenbrock_nesterov_past_its_edge)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    double x = f.start[0], y = f.start[1];
    double a = 2 - 400 * (y - x * x) + 800 * x * x, b = -400 * x, c = 200;
    double largest = (a + c + sqrt((a - c) * (a - c) + 4 * b * b)) / 2;
    int at;
    ck_assert_double_eq(x, -1.5);
    ck_assert_double_eq(y, 2);
    ck_assert_double_eq_tol(largest, 2092, 0.5);
    ck_assert_str_eq(fixed(1, 0.001 * largest), "2.1");
    ck_assert_double_lt(0.001 * largest, stability_edge(0.9, false, 2, 4));
    ck_assert_double_eq_tol(stability_edge(0.9, false, 2, 4), 3.8, 1e-9);   /* heavy ball's edge */
    ck_assert_str_eq(fixed(2, 19.0 / 14), "1.36");
    ck_assert_double_gt(0.001 * largest, 19.0 / 14);
    ck_assert_double_eq_tol(f.value(&f, f.start), 12.5, TOLERANCE);
    ck_assert_str_eq(fixed(0, rosenbrock_highest_loss(0.001, true, 20, &at)), "281");
    ck_assert_int_eq(at, 3);
    ck_assert_double_lt(rosenbrock_highest_loss(0.001, false, 20, &at), 15);
    {   /* "with half the lr" */
        const double halved = 0.001 * (1.0 / 2);
        ck_assert_str_eq(fixed(2, halved * largest), "1.05");
        ck_assert_double_eq(rosenbrock_highest_loss(halved, true, 20, &at), 12.5);
    }
    ck_assert_int_eq(at, 0);
    {
        struct function banana = function_from_spec("--function", "rosenbrock");
        ck_assert(banana.start[0] == -1.5 && banana.start[1] == 2);
    }
}
END_TEST

/* "On a rounder one a smaller beta is faster, since the rate can never beat
 * sqrt(beta)."  On kappa = 100, rounder than the 1442 that beta = 0.9
 * suits: at beta = 0.9 no learning rate of a fine grid does better than
 * sqrt(0.9) = 0.949, while the smaller beta = 81/121 of (6.7), with
 * eta = 4/121, reaches 9/11 = 0.818.  The cause removed: on kappa = 1442
 * beta = 0.9 is (6.7)'s own choice, its best rate is sqrt(0.9) itself, and
 * no smaller beta of the grid, at any rate of the grid, beats it. */
START_TEST(smaller_beta_is_faster_on_a_rounder_problem)
{
    const double round[2] = {1.0, 100.0}, kappa = 721.0 + 760.0 * sqrt(0.9);
    const double narrow[2] = {1.0, kappa};
    struct function rounder = quadratic(round, 2), badly = quadratic(narrow, 2);
    struct hyper best = setting(4.0 / 121, 81.0 / 121, false), tuned;
    double lowest = 1;
    for (int j = 1; j <= 4000; j++) {
        struct hyper h = setting(j / 100000.0, 0.9, false);
        lowest = fmin(lowest, sgd_rate_on_quadratic(&h, &rounder).radius);
    }
    ck_assert_double_ge(lowest, sqrt(0.9) - 1e-12);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&best, &rounder).radius, 9.0 / 11, 1e-9);
    ck_assert_double_lt(9.0 / 11, sqrt(0.9));
    heavy_ball_best(1.0, kappa, &tuned.lr, &tuned.momentum);
    tuned = setting(tuned.lr, tuned.momentum, false);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&tuned, &badly).radius, sqrt(0.9), 1e-9);
    for (int i = 1; i < 90; i++)
        for (int j = 1; j <= 400; j++) {
            struct hyper h = setting(j / 100000.0, i / 100.0, false);
            ck_assert_double_ge(sgd_rate_on_quadratic(&h, &badly).radius, sqrt(0.9) - 1e-9);
        }
}
END_TEST

/* "Choosing the momentum".  The rate can never beat sqrt(beta): the two
 * roots of (6.5) multiply to beta, so the larger modulus is at least
 * sqrt(beta) (1e-12 below it for rounding).  On a steady slope (a constant
 * gradient g) the step tends to lr g/(1 - beta), ten times lr g for
 * beta = 0.9 (after 400 steps 0.9^400 of the start is left: 1e-12).  At
 * lr = 1/L, beta 0.9 on kappa = 100 Nesterov's rate is below heavy ball's. */
START_TEST(choosing_momentum_facts)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(0.01, 0.9, false), n = setting(0.01, 0.9, true);
    struct optimizer opt;
    double theta = 0, before, g = 1.0;
    for (int i = 1; i < 100; i++)
        for (int j = 1; j <= 400; j++) {
            struct hyper any = setting(j / 100.0, i / 100.0, false);
            ck_assert_double_ge(sgd_rate(&any, 1.0).radius, sqrt(i / 100.0) - 1e-12);
        }
    optimizer_init(&opt, &sgd_kind, &h, 1);
    for (int k = 0; k < 400; k++)
        optimizer_step(&opt, &theta, &g);
    before = theta;
    optimizer_step(&opt, &theta, &g);
    ck_assert_double_eq_tol((before - theta) / (0.01 * g), 1 / (1 - 0.9), 1e-9);
    ck_assert_double_eq_tol(1 / (1 - 0.9), 10, 1e-9);
    optimizer_free(&opt);
    ck_assert_double_lt(sgd_rate_on_quadratic(&n, &f).radius,
                        sgd_rate_on_quadratic(&h, &f).radius);
}
END_TEST

/* The advice on what the iterates show.  beta too large (0.95 at lr = 1/L
 * on kappa = 100): the flat direction's roots are complex at angle
 * acos(1.94 / (2 sqrt 0.95)), about 0.098 rad, so x1 changes sign every
 * pi/0.098 = 32 steps or so, and the loss rises at some steps.  With
 * beta 0.5 (real roots on the flat direction) x1 never changes sign.
 * lr near the edge (6.6) (0.037 < 0.038 with beta 0.9): the steep
 * coordinate flips sign on at least 80% of the steps (angle 2.82 rad). */
static int sign_changes(double lr, double momentum, int coordinate, int steps, bool *rises)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(lr, momentum, false);
    struct optimizer opt;
    double x[2] = {1.0, 1.0}, grad[2], last = 1.0, loss = f.value(&f, x);
    int changes = 0;
    *rises = false;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k < steps; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
        if ((x[coordinate] < 0) != (last < 0))
            changes++;
        last = x[coordinate];
        if (f.value(&f, x) > loss)
            *rises = true;
        loss = f.value(&f, x);
    }
    optimizer_free(&opt);
    return changes;
}

START_TEST(choosing_momentum_what_the_iterates_show)
{
    bool rises;
    int changes = sign_changes(0.01, 0.95, 0, 400, &rises);
    ck_assert_int_ge(changes, 10);
    ck_assert_int_le(changes, 14);
    ck_assert(rises);
    ck_assert_int_eq(sign_changes(0.01, 0.5, 0, 400, &rises), 0);
    ck_assert_int_ge(sign_changes(0.037, 0.9, 1, 400, &rises), 80 * 400 / 100);
    ck_assert_int_lt(sign_changes(0.01, 0.9, 1, 400, &rises), 80 * 400 / 100);
}
END_TEST

/* The rest of torch.optim.SGD: weight_decay w adds w theta to the
 * gradient, so on a quadratic it adds w to every curvature.  sgd_kind
 * with weight_decay 1 on 1/2 (x1^2 + 100 x2^2) runs the same iterates as
 * without it on 1/2 (2 x1^2 + 101 x2^2) (to rounding: (lambda x) + w x
 * against (lambda + w) x, 1e-12 over 100 steps), and sgd_rate agrees. */
START_TEST(weight_decay_adds_to_every_curvature)
{
    static const double curvature[2] = {1.0, 100.0}, shifted[2] = {2.0, 101.0};
    struct function f = quadratic(curvature, 2), g = quadratic(shifted, 2);
    struct hyper decayed = setting(0.01, 0.9, false), plain = decayed;
    struct optimizer a, b;
    double x[2] = {1.0, 1.0}, y[2] = {1.0, 1.0}, grad[2];
    decayed.weight_decay = 1.0;
    optimizer_init(&a, &sgd_kind, &decayed, 2);
    optimizer_init(&b, &sgd_kind, &plain, 2);
    for (int k = 0; k < 100; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&a, x, grad);
        g.gradient(&g, grad, y);
        optimizer_step(&b, y, grad);
        ck_assert_double_eq_tol(x[0], y[0], 1e-12);
        ck_assert_double_eq_tol(x[1], y[1], 1e-12);
    }
    optimizer_free(&a);
    optimizer_free(&b);
    ck_assert_double_eq_tol(sgd_rate_on_quadratic(&decayed, &f).radius,
                            sgd_rate_on_quadratic(&plain, &g).radius, TOLERANCE);
}
END_TEST

/* ------------------------------------------------- measured = predicted */

struct measured_case {
    double mu, L, lr, momentum;
    bool nesterov;
};

static double measured_over_r(const struct measured_case *c, long from, long to,
                              enum roots *roots)
{
    const double curvature[2] = {c->mu, c->L};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(c->lr, c->momentum, c->nesterov);
    struct rate theory = sgd_rate_on_quadratic(&h, &f);
    struct measurement m = measure_rate(&f, &h, from, to);
    ck_assert_int_eq(m.diverged_at, 0);
    ck_assert(!m.underflow);
    *roots = theory.roots;
    return m.rate / theory.radius;
}

static double relative_gap(const struct measured_case *c, long from, long to,
                           enum roots *roots)
{
    return measured_over_r(c, from, to, roots) - 1.0;
}

/* Two different real roots: e_k = A r^k + B s^k with |s| < r (or, for
 * gradient descent at its best lr, two terms of the same size r^k whose
 * signs alternate, so e_k = C r^k exactly).  From step 100 on, (s/r)^100
 * is below 1e-14 for these settings: the rate is r to rounding.  1e-9. */
START_TEST(measured_real_roots)
{
    static const struct measured_case cases[] = {
        {1, 10, 2.0 / 11, 0, false},
        {1, 100, 2.0 / 101, 0, false},
        {1, 1000, 2.0 / 1001, 0, false},
        {1, 100, 0.01, 0.5, false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum roots roots;
        double gap = relative_gap(&cases[i], 100, 400, &roots);
        ck_assert_int_eq(roots, ROOTS_REAL);
        ck_assert_double_le(fabs(gap), 1e-9);
    }
}
END_TEST

/* A double root: e_k = (A + B k) r^k, so the measured rate is
 * r ((A + 400 B) / (A + 100 B))^(1/300).  When A and B have the same sign
 * (they do from these starts) that factor lies between 1 and 4^(1/300):
 * the measurement is above r, by at most ln 4 / 300 = 0.46%. */
START_TEST(measured_repeated_roots)
{
    const double most = pow(4.0, 1.0 / 300) - 1.0;
    struct measured_case cases[] = {
        {1, 10, 0, 0, false},
        {1, 100, 0, 0, false},
        {1, 1000, 0, 0, false},
        {1, 100, 0.01, 9.0 / 11, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum roots roots;
        double gap;
        if (i < 3)
            heavy_ball_best(cases[i].mu, cases[i].L, &cases[i].lr, &cases[i].momentum);
        gap = relative_gap(&cases[i], 100, 400, &roots);
        ck_assert_int_eq(roots, ROOTS_REPEATED);
        ck_assert_double_ge(gap, 0);
        ck_assert_double_le(gap, most + 1e-9);
    }
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* measured/r is ((A + 400B)/(A + 100B))^(1/300), the ratio in [1, 4]:
         * the gap is at most 4^(1/300) - 1 = 0.46% */
        enum roots roots;
        const double ratio = measured_over_r(&cases[i], 100, 400, &roots), slack = 1e-9;
        ck_assert(between(1, pow(ratio, 300) * 0.999999, 4));
        ck_assert(between(0, ratio - slack - 1, pow(4, 1.0 / 300) - 1));
        ck_assert(ratio - 1 <= pow(4, 1.0 / 300) - 1 + 1e-9 && close_to(100 * (pow(4, 1.0 / 300) - 1), 0.46, 0.005));
    }
}
END_TEST

/* Complex roots: e_k = r^k c_k, where c_k swings with the angle of the
 * roots between bounds that depend on the start.  The measured rate is
 * r (c_400 / c_100)^(1/300).  For these settings c_k stays within a
 * factor 25 of itself from step 100 on (about 2.5 for heavy ball, 23 for
 * Nesterov), so the gap is at most ln 25 / 300 = 1.1%; over the longer
 * window 100..2100 the same swing allows only ln 25 / 2000 = 0.16%: the
 * gap shrinks like 1/window, as it must if the rate is r. */
START_TEST(measured_complex_roots)
{
    static const struct measured_case cases[] = {
        {1, 100, 0.01, 0.9, false},
        {1, 100, 0.01, 0.9, true},
        {1, 100, 0.01, 0.95, false},
        {1, 100, 0.01, 0.95, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        enum roots roots;
        double gap = relative_gap(&cases[i], 100, 400, &roots);
        ck_assert_int_eq(roots, ROOTS_COMPLEX);
        ck_assert_double_le(fabs(gap), log(25.0) / 300);
        gap = relative_gap(&cases[i], 100, 2100, &roots);
        ck_assert_double_le(fabs(gap), log(25.0) / 2000);
    }
}
END_TEST

/* The cause of the double-root gap: the k of (A + Bk) r^k.  Divide the
 * state sizes by k and the heavy-ball rows' gap of 0.46% goes: the rate of
 * e_k / k over steps 100..400 is r within 1e-6 (what is left, A against
 * Bk, shrinks like 1/k; about 1e-7 here).  And the rows' own gap is the
 * whole 4^(1/300) - 1 within 1e-6: B dominates. */
START_TEST(measured_double_root_gap_is_the_k)
{
    const double most = pow(4.0, 1.0 / 300) - 1.0;
    static const double kappas[3] = {10.0, 100.0, 1000.0};
    for (int i = 0; i < 3; i++) {
        const double curvature[2] = {1.0, kappas[i]};
        struct function f = quadratic(curvature, 2);
        struct hyper h = setting(0, 0, false);
        struct measurement m;
        double r, without_k;
        heavy_ball_best(1.0, kappas[i], &h.lr, &h.momentum);
        r = sgd_rate_on_quadratic(&h, &f).radius;
        m = measure_rate(&f, &h, 100, 400);
        ck_assert_double_eq_tol(m.rate / r - 1, most, 1e-6);
        /* (A + 400B)/(A + 100B) = (m.rate / r)^300 lies between 1 and 4 */
        ck_assert_double_ge(pow(m.rate / r, 300), 1);
        ck_assert_double_le(pow(m.rate / r, 300), 4);
        without_k = m.rate * pow(100.0 / 400, 1.0 / 300);
        ck_assert_double_eq_tol(without_k / r - 1, 0, 1e-6);
    }
    ck_assert_str_eq(fixed(2, 100 * most), "0.46");
}
END_TEST

/* Complex roots: the factor c_k = e_k / r^k, over steps 100..2100, stays
 * within a factor 25 of itself (max/min), the bound the gaps ln 25 / 300 =
 * 1.1% and ln 25 / 2000 = 0.16% rest on. */
START_TEST(measured_complex_swing_within_25)
{
    static const struct measured_case cases[] = {
        {1, 100, 0.01, 0.9, false},
        {1, 100, 0.01, 0.9, true},
        {1, 100, 0.01, 0.95, false},
        {1, 100, 0.01, 0.95, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double curvature[2] = {cases[i].mu, cases[i].L};
        struct function f = quadratic(curvature, 2);
        struct hyper h = setting(cases[i].lr, cases[i].momentum, cases[i].nesterov);
        double r = sgd_rate_on_quadratic(&h, &f).radius, low = INFINITY, high = 0;
        double x[2] = {1.0, 1.0}, previous[2], grad[2];
        struct optimizer opt;
        optimizer_init(&opt, &sgd_kind, &h, 2);
        for (long k = 1; k <= 2100; k++) {
            previous[0] = x[0];
            previous[1] = x[1];
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
            if (k >= 100) {
                double c = sqrt(x[0] * x[0] + x[1] * x[1] + previous[0] * previous[0] +
                                previous[1] * previous[1]) / pow(r, (double)k);
                low = fmin(low, c);
                high = fmax(high, c);
            }
        }
        optimizer_free(&opt);
        ck_assert_double_lt(high / low, 25);
    }
    ck_assert_str_eq(fixed(1, 100 * log(25.0) / 300), "1.1");
    ck_assert_str_eq(fixed(2, 100 * log(25.0) / 2000), "0.16");
}
END_TEST

/* Beyond the edge (6.6) the run grows and measure_rate reports the step at
 * which it overflowed instead of a rate: lr = 0.05 > 0.038 with beta 0.9. */
START_TEST(measured_divergence_is_reported)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = setting(0.05, 0.9, false);
    struct measurement m = measure_rate(&f, &h, 100, 10000);
    ck_assert_int_gt(m.diverged_at, 100);
    h.lr = 0.5;                   /* far past it: overflows before step 400 */
    m = measure_rate(&f, &h, 100, 400);
    ck_assert_int_gt(m.diverged_at, 0);
    ck_assert_int_lt(m.diverged_at, 400);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("06-momentum");
    TCase *worked = tcase_create("ch06 worked example: three steps");
    TCase *forms = tcase_create("ch06 heavy ball and PyTorch's form");
    TCase *theory = tcase_create("ch06 rate theory on quadratics");
    TCase *measured = tcase_create("ch06 measured rate = predicted rate");
    tcase_add_test(worked, example_gradient_descent);
    tcase_add_test(worked, example_momentum);
    tcase_add_test(worked, example_nesterov);
    tcase_add_test(worked, example_losses_after_three_steps);
    tcase_add_test(worked, example_gradient_descent_factors);
    tcase_add_test(worked, example_momentum_by_hand_steps);
    tcase_add_test(worked, example_nesterov_by_hand_steps);
    tcase_add_test(worked, example_why_momentum_overshoots);
    tcase_add_test(forms, exercise_1_heavy_ball_by_hand);
    tcase_add_test(forms, exercise_2_edge_flips_for_ever);
    tcase_add_test(forms, exercise_3_first_step_exception);
    tcase_add_test(forms, exercise_4_nesterov_double_root_algebra);
    tcase_add_test(forms, heavy_ball_best_beats_nesterov_at_100);
    tcase_add_test(forms, two_forms_agree_on_a_quadratic);
    tcase_add_test(forms, two_forms_agree_on_rosenbrock);
    tcase_add_test(theory, theory_gradient_descent_best);
    tcase_add_test(theory, theory_heavy_ball_best);
    tcase_add_test(theory, theory_heavy_ball_roots);
    tcase_add_test(theory, theory_heavy_ball_complex_interval);
    tcase_add_test(theory, theory_stability_edge);
    tcase_add_test(theory, momentum_nearly_doubles_the_range);
    tcase_add_test(theory, theory_nesterov_double_root);
    tcase_add_test(theory, theory_nesterov_clears_steep_direction_in_two_steps);
    tcase_add_test(theory, theory_sweep_and_figures);
    tcase_add_test(theory, theory_figure_heavy_ball_three_times_faster);
    tcase_add_test(theory, theory_momentum_0_9_suits_kappa_1442);
    tcase_add_test(theory, theory_nesterov_double_root_momentum);
    tcase_add_test(theory, theory_nesterov_double_root_momentum_valley);
    tcase_add_test(theory, theory_nesterov_matrix);
    tcase_add_test(theory, figure_rate_against_beta);
    tcase_add_test(theory, figure_valley_heavy_ball_three_times_faster);
    tcase_add_test(theory, figure_valley_nesterov_edge);
    tcase_add_test(theory, figure_valley_nesterov_bend_is_the_double_root);
    tcase_add_test(theory, figure_rosenbrock_momentum_arrives);
    tcase_add_test(theory, figure_rosenbrock_nesterov_past_its_edge);
    tcase_add_test(theory, choosing_momentum_facts);
    tcase_add_test(theory, smaller_beta_is_faster_on_a_rounder_problem);
    tcase_add_test(theory, choosing_momentum_what_the_iterates_show);
    tcase_add_test(theory, weight_decay_adds_to_every_curvature);
    tcase_add_test(measured, measured_real_roots);
    tcase_add_test(measured, measured_repeated_roots);
    tcase_add_test(measured, measured_complex_roots);
    tcase_add_test(measured, measured_divergence_is_reported);
    tcase_add_test(measured, measured_double_root_gap_is_the_k);
    tcase_add_test(measured, measured_complex_swing_within_25);
    suite_add_tcase(suite, worked);
    suite_add_tcase(suite, forms);
    suite_add_tcase(suite, theory);
    suite_add_tcase(suite, measured);
    return suite;
}
