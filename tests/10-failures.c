/* tests/10-failures.c: chapter 10's failures, each shown happening and
 * each cause removed to see the effect go.
 *
 * Tolerances.  The clipping step and the chain products are a handful of
 * operations from exact values: 1e-15 relative (or exact where the value
 * is a power of two).  Escape times are whole numbers, compared exactly.
 * Slopes are least-squares fits over 60 depths of products of identical
 * factors: 1e-9 from the predicted logarithm (the linear chain) or 1e-3
 * (the tanh chain, whose first layers are not yet at the fixed point).
 */
#include "harness.h"
#include "00-toolkit/csv.h"
#include "01-update-rule/gd.h"
#include "00-toolkit/optimizer.h"
#include "05-checking-gradients/gradcheck.h"
#include "06-momentum/sgd.h"
#include "10-failures/chain.h"
#include "10-failures/clip.h"
#include "10-failures/landscape.h"
#include "10-failures/report.h"

#include <float.h>

#define EXACT 1e-15

/* (10.1): from (1, delta) with lr 0.1, x2 = 1.1^k delta reaches 1 after
 * ceil(ln(1/delta)/ln 1.1) steps: 25 for delta = 1e-1, 145 for 1e-6; the
 * approximation ln(1/delta)/lr is 5 % short (ln 1.1 = 0.0953, not 0.1). */
START_TEST(saddle_escape_time)
{
    /* One step on f = 1/2 (x1^2 - x2^2): x1 times 1 - eta, x2 times 1 + eta. */
    static const double curvature[2] = {1.0, -1.0};
    struct function f = quadratic(curvature, 2);
    double x[2] = {1, 0.5}, grad[2];
    ck_assert_double_eq_tol(f.value(&f, x), 1 / 2.0 * (1 - 0.25), EXACT);
    f.gradient(&f, grad, x);
    gd_step(x, grad, 2, 0.1);
    ck_assert_double_eq_tol(x[0], 1 - 0.1, EXACT);
    ck_assert_double_eq_tol(x[1], 0.5 * (1 + 0.1), EXACT);
    ck_assert_int_eq(saddle_escape_steps(1e-1, 0.1, 0, 0, 100000), 25);
    ck_assert_int_eq(saddle_escape_steps(1e-6, 0.1, 0, 0, 100000), 145);
    for (int e = 1; e <= 15; e++) {
        double delta = pow(10.0, -e);
        ck_assert_int_eq(saddle_escape_steps(delta, 0.1, 0, 0, 100000), saddle_escape_predicted(delta, 0.1));
        /* (10.1) as written */
        ck_assert_int_eq(saddle_escape_predicted(delta, 0.1), (long)ceil(log(1 / delta) / log(1 + 0.1)));
    }
    /* its approximation ln(1/delta)/eta falls short of the measured steps */
    ck_assert_double_lt(log(1 / 1e-6) / 0.1, saddle_escape_steps(1e-6, 0.1, 0, 0, 100000));
    /* ln 1.1 is the log of the code's factor per step on x2 (the step above) */
    ck_assert_double_eq_tol(x[1] / 0.5, 1.1, EXACT);
    ck_assert_double_eq_tol(log(x[1] / 0.5), 0.0953, 0.00005);
}
END_TEST

/* On the stable line x2 = 0 the gradient's x2 part is -x2 = 0 exactly, so
 * x2 stays 0 for ever; noise of 1e-8 puts it off the line and it escapes
 * within a few hundred steps on every seed: the cause is the exact zero. */
START_TEST(saddle_line_and_noise)
{
    ck_assert_int_eq(saddle_escape_steps(0, 0.1, 0, 0, 100000), -1);
    for (uint64_t seed = 1; seed <= 5; seed++) {
        long k = saddle_escape_steps(0, 0.1, 1e-8, seed, 100000);
        ck_assert_int_gt(k, 0);
        ck_assert_int_lt(k, 300);
    }
}
END_TEST

/* Momentum on the stable line: the x2 gradient is exactly 0, so the
 * buffer's x2 part stays 0 and so does x2: momentum does not escape either.
 * Off the line (delta = 1e-6, lr 0.01, momentum 0.9) it escapes in 226
 * steps; with noise 1e-8 from the line, in under 400 on every seed.  Remove
 * the cause (delta = 0 and no noise): it stays. */
START_TEST(saddle_momentum_on_the_line)
{
    ck_assert_int_eq(saddle_escape_momentum(0.0, 0.01, 0.9, 0.0, 0, 100000), -1);
    ck_assert_int_eq(saddle_escape_momentum(1e-6, 0.01, 0.9, 0.0, 0, 100000), 226);
    /* x2 and the buffer grow by the larger root of r^2 - (1 + beta + lr) r
     * + beta = 0: 1.0647 at lr 0.01, below plain descent's 1.1 at 0.1; the
     * growth alone takes ln(10^6)/ln r = 220.5 steps. */
    double b = 1 + 0.9 + 0.01, r = (b + sqrt(b * b - 4 * 0.9)) / 2;
    ck_assert_double_eq_tol(r, 1.0647, 0.00005);
    ck_assert_double_eq_tol(r * r - b * r + 0.9, 0, 1e-15);
    ck_assert_double_lt(r, 1.1);
    ck_assert_str_eq(fixed(1, log(1e6) / log(r)), "220.5");
    {   /* a gradient that holds still: momentum's step tends to lr/(1 - beta) times it */
        struct hyper h = sgd_kind.defaults;
        struct optimizer opt;
        double x = 0, g = 3.0, before = 0;
        h.lr = 0.01;
        h.momentum = 0.9;
        optimizer_init(&opt, &sgd_kind, &h, 1);
        for (int k = 0; k < 1000; k++) {
            before = x;
            optimizer_step(&opt, &x, &g);
        }
        /* x is near 300 by then, where a double's spacing is 5.7e-14: the
         * difference of two such x is good to about 1e-13 */
        ck_assert_double_eq_tol(before - x, h.lr / (1 - h.momentum) * g, 1e-12);
        optimizer_free(&opt);
    }
    for (uint64_t seed = 1; seed <= 5; seed++) {
        long k = saddle_escape_momentum(0.0, 0.01, 0.9, 1e-8, seed, 100000);
        ck_assert_int_gt(k, 0);
        ck_assert_int_lt(k, 400);
    }
}
END_TEST

/* Chapter 8's race, from (1, 10^-3) at lr 0.001: along x2 (curvature -1)
 * gradient descent multiplies x2 by 1 + lr = 1.001 a step; momentum 0.9 by
 * the larger root of r^2 - (1 + beta + lr) r + beta = 0, 1.0092, nine times
 * the growth rate: why momentum escaped there and plain descent did not. */
START_TEST(race_momentum_grows_faster)
{
    double beta = 0.9, lr = 0.001, b = 1 + beta + lr;
    double r = (b + sqrt(b * b - 4 * beta)) / 2;
    ck_assert_double_eq_tol(r, 1.0092, 0.00005);
    ck_assert_double_eq_tol(r * r - b * r + beta, 0, 1e-15);
    ck_assert_double_eq_tol(1 + lr, 1.001, 1e-15);
    ck_assert_double_eq_tol(log(r) / log(1 + lr), 9.2, 0.05);
}
END_TEST

/* The plateau: at w = -10 |f'| = 2 (0.9 - s) s (1 - s) with s = sigmoid(-10)
 * is 8.2e-5 < 1e-4: the rule stops at step 0 with f = 0.81 (the minimum is
 * 0 at ln 9); from 0, where |f'| = 0.2, the same rule runs on to the minimum. */
START_TEST(plateau_fools_the_stopping_rule)
{
    struct function f = plateau_function();
    double w[1] = {-10.0}, grad[1];
    f.gradient(&f, grad, w);
    double s = 1.0 / (1.0 + exp(10.0));
    ck_assert_double_eq_tol(fabs(grad[0]), 2 * (0.9 - s) * s * (1 - s), EXACT);
    ck_assert_double_lt(fabs(grad[0]), 1e-4);
    struct gd_run stuck = gradient_descent(&f, w, 1.0, 1e-4, 100000, NULL, 1);
    ck_assert(stuck.converged);
    ck_assert_int_eq(stuck.steps, 0);
    ck_assert_double_eq_tol(stuck.loss, 0.81, 0.005);
    double w0[1] = {0.0};
    struct gd_run fine = gradient_descent(&f, w0, 1.0, 1e-4, 100000, NULL, 1);
    ck_assert(fine.converged);
    ck_assert_double_lt(fine.loss, 1e-6);
    ck_assert_double_eq_tol(w0[0], log(9.0), 0.01);
}
END_TEST

/* (10.2): da_n/dw_1 of the linear chain with every weight w is w^(L-1)
 * exactly for w = 2 and 1/2 (powers of two); slopes ln 2 and -ln 2. */
START_TEST(linear_chain_is_a_power)
{
    double w[CHAIN_MAX];
    for (int n = 1; n <= CHAIN_MAX; n++) {
        for (int j = 0; j < n; j++)
            w[j] = 2.0;
        ck_assert_double_eq(chain_first_factor(w, (size_t)n, CHAIN_LINEAR, 1.0), ldexp(1.0, n - 1));
        for (int j = 0; j < n; j++)
            w[j] = 0.5;
        ck_assert_double_eq(chain_first_factor(w, (size_t)n, CHAIN_LINEAR, 1.0), ldexp(1.0, 1 - n));
    }
    ck_assert_double_eq_tol(chain_slope(2.0, CHAIN_LINEAR), log(2.0), 1e-9);
    ck_assert_double_eq_tol(chain_slope(0.5, CHAIN_LINEAR), -log(2.0), 1e-9);
}
END_TEST

/* tanh with large weights vanishes too: a_j settles at the fixed point
 * a* = tanh(2 a*) = 0.9575, where each layer multiplies by 2 (1 - a*^2),
 * about 0.166 (10.3); the slope is its logarithm.  Remove the cause
 * (saturation): the linear chain with the same weights explodes instead. */
START_TEST(tanh_chain_saturates)
{
    double a = tanh_fixed_point(2.0);
    ck_assert_double_eq_tol(a, tanh(2 * a), 1e-15);
    ck_assert_double_eq_tol(a, 0.9575, 0.00005);
    ck_assert_double_eq_tol(2 * (1 - a * a), 0.1664, 0.00005);
    ck_assert_double_eq_tol(chain_layer_factor(CHAIN_TANH, 2.0), 2 * (1 - a * a), 1e-15);
    ck_assert_double_eq_tol(chain_slope(2.0, CHAIN_TANH), log(2 * (1 - a * a)), 1e-3);
    ck_assert_double_gt(chain_slope(2.0, CHAIN_LINEAR), 0);
}
END_TEST

/* The sigmoid phi(z) = 1/(1 + e^-z) has slope phi (1 - phi), at most 1/4
 * (at phi = 1/2), so a layer of weight w multiplies by at most w/4: with
 * w = 2, at most 1/2.  At the fixed point a* = phi(2 a*) = 0.8439 the
 * factor (10.3) is 2 a* (1 - a*) = 0.2634, and the measured slope of
 * ln |da_n/dw_1| is its logarithm, -1.3341, to 1e-3 (the first layers are
 * not yet at the fixed point). */
START_TEST(sigmoid_chain_vanishes)
{
    for (double z = -10; z <= 10; z += 0.01) {
        double p = chain_activate(CHAIN_SIGMOID, z);
        ck_assert_double_le(chain_slope_at(CHAIN_SIGMOID, p), 1.0 / 4);
    }
    ck_assert_double_eq_tol(chain_slope_at(CHAIN_SIGMOID, 0.5), 1.0 / 4, 1e-15);
    double a = chain_fixed_point(CHAIN_SIGMOID, 2.0);
    ck_assert_double_eq_tol(a, 1 / (1 + exp(-2 * a)), 1e-15);
    ck_assert_double_eq_tol(a, 0.8439, 0.00005);
    ck_assert_double_eq_tol(chain_layer_factor(CHAIN_SIGMOID, 2.0), 0.2634, 0.00005);
    ck_assert_double_le(chain_layer_factor(CHAIN_SIGMOID, 2.0), 1.0 / 2);
    ck_assert_double_eq_tol(log(2 * a * (1 - a)), -1.3341, 0.00005);
    ck_assert_double_eq_tol(chain_slope(2.0, CHAIN_SIGMOID), log(2 * a * (1 - a)), 1e-3);
}
END_TEST

/* Backpropagation (chain_gradient) against the product (10.2) and against
 * central differences, linear and tanh, at mixed weights. */
START_TEST(chain_gradient_is_exact)
{
    for (int t = 0; t < 3; t++) {
        struct function f = chain_function(6, t, 0.7, 0.3, 0.0);
        double w[6] = {1.3, -0.8, 0.9, 1.1, -1.2, 0.6}, grad[6];
        f.gradient(&f, grad, w);
        double a[7], r;
        a[0] = 0.7;
        for (int j = 1; j <= 6; j++) {
            double z = w[j - 1] * a[j - 1];
            a[j] = t == CHAIN_TANH ? tanh(z) : t == CHAIN_SIGMOID ? 1 / (1 + exp(-z)) : z;
        }
        r = a[6] - 0.3;
        ck_assert_double_eq_tol(f.value(&f, w), 1.0 / 2 * r * r, 1e-15);
        if (t == CHAIN_TANH)         /* tanh's slope 1 - a^2 */
            ck_assert_double_eq_tol(1 - a[1] * a[1], 1 / (cosh(w[0] * 0.7) * cosh(w[0] * 0.7)), 1e-15);
        if (t == CHAIN_SIGMOID)      /* the sigmoid's slope a (1 - a) = e^-z / (1 + e^-z)^2 */
            ck_assert_double_eq_tol(a[1] * (1 - a[1]),
                                    exp(-w[0] * 0.7) / ((1 + exp(-w[0] * 0.7)) * (1 + exp(-w[0] * 0.7))), 1e-15);
        ck_assert_double_eq_tol(grad[0], r * chain_first_factor(w, 6, t, 0.7), 1e-14);
        for (int j = 0; j < 6; j++) {
            double step = 1e-6, up[6], down[6];
            for (int i = 0; i < 6; i++)
                up[i] = down[i] = w[i];
            up[j] += step;
            down[j] -= step;
            double central = (f.value(&f, up) - f.value(&f, down)) / (2 * step);
            ck_assert_double_eq_tol(grad[j], central, 1e-8);
        }
    }
}
END_TEST

/* Chapter 5's check on every failure objective, at random points: the
 * chains (linear and tanh), the plateau; all pass (worst below 1e-6). */
START_TEST(failure_gradients_pass_gradcheck)
{
    struct function fs[4] = {chain_function(8, CHAIN_LINEAR, 0.9, 0.2, 1.0),
                             chain_function(8, CHAIN_TANH, 0.9, 0.2, 1.0),
                             chain_function(8, CHAIN_SIGMOID, 0.9, 0.2, 1.0), plateau_function()};
    struct rng rng;
    rng_seed(&rng, 10);
    for (int i = 0; i < 4; i++) {
        struct checked c = checked_function(&fs[i]);
        struct gradcheck_result r = gradcheck_random(&c, fs[i].start, 0.5, 20, &rng, NULL);
        ck_assert_msg(r.worst < GRADCHECK_PASS, "%s: worst relative error %g", fs[i].name, r.worst);
    }
}
END_TEST

/* The worked clip: g = (3, 4), |g| = 5.  By norm (max 1): g times
 * 1/(5 + 1e-6) = (3, 4)/5.000001, the direction kept; by value (1): (1, 1),
 * the direction turned from 53.13 to 45 degrees. */
START_TEST(clip_worked_step)
{
    double by_norm[2], by_value[2], norm;
    worked_clip(by_norm, by_value, &norm);
    ck_assert_double_eq(norm, 5);
    ck_assert_double_eq(CLIP_EPS, 1e-6);
    ck_assert_double_eq_tol(by_norm[0], 3 / 5.000001, EXACT);
    ck_assert_double_eq_tol(by_norm[1], 4 / 5.000001, EXACT);
    ck_assert_double_eq(by_value[0], 1);
    ck_assert_double_eq(by_value[1], 1);
    ck_assert_double_eq_tol(atan2(4, 3) * 180 / 3.141592653589793, 53.13, 0.005);
    {   /* (10.4) as written, max_norm 1 */
        const double max_norm = 1.0;
        ck_assert_double_eq_tol(by_norm[0] / 3, fmin(1, max_norm / (norm + 1e-6)), EXACT);
    }
    ck_assert_double_eq_tol(atan2(by_norm[1], by_norm[0]), atan2(4, 3), EXACT);
    ck_assert_double_eq_tol(atan2(by_value[1], by_value[0]) * 180 / 3.141592653589793, 45, 1e-12);
    {   /* the 1e-6 keeps a zero gradient finite: its norm 0 is returned, nothing divided by 0 */
        double zero[2] = {0, 0};
        ck_assert_double_eq(clip_grad_norm(zero, 2, 1.0), 0);
        ck_assert(isfinite(zero[0]) && isfinite(zero[1]));
    }
}
END_TEST

/* Below the threshold nothing changes (the coefficient is clamped to 1). */
START_TEST(clip_leaves_small_gradients)
{
    double g[3] = {0.1, -0.2, 0.3}, copy[3] = {0.1, -0.2, 0.3};
    ck_assert_double_eq(CLIP_EPS, 1e-6);
    clip_grad_norm(g, 3, 1.0);
    clip_grad_value(g, 3, 1.0);
    for (int i = 0; i < 3; i++)
        ck_assert_double_eq(g[i], copy[i]);
}
END_TEST

/* A non-finite gradient is not hidden: torch.clamp keeps a NaN a NaN (and
 * clips an infinity to the bound), and clip_grad_norm_ turns every
 * component into NaN once the norm is NaN.  fmin(fmax(g, -v), v) would
 * have turned the NaN into -v and let a broken run go on. */
START_TEST(clip_keeps_nan_visible)
{
    double g[3] = {NAN, INFINITY, -INFINITY}, h[2] = {NAN, 1.0};
    clip_grad_value(g, 3, 1.0);
    ck_assert(isnan(g[0]));
    ck_assert_double_eq(g[1], 1.0);
    ck_assert_double_eq(g[2], -1.0);
    ck_assert(isnan(clip_grad_norm(h, 2, 1.0)));
    ck_assert(isnan(h[0]) && isnan(h[1]));
}
END_TEST

/* The run that overflows: 10 linear layers at 1.5 (h_L = 1.5^10 = 57.67),
 * target 1, lr 0.1: the first update is already too long, the second
 * overflows.  Clipped at norm 1 the same run reaches the target.  The
 * cause is the size of the first gradients: started at 1.02 per layer
 * (h_L = 1.22, a gradient norm below 1) the same unclipped run converges. */
START_TEST(explosion_and_clipping)
{
    double loss;
    ck_assert_int_eq(explode_run(EXPLODE_W0, 0.0, &loss), 1);
    ck_assert_int_eq(explode_run(EXPLODE_W0, CLIP_MAX_NORM, &loss), EXPLODE_STEPS);
    ck_assert_double_lt(loss, 1e-12);
    ck_assert_double_eq(loss, 0.0);     /* the figure's label: "then 0 exactly" */
    ck_assert_int_eq(explode_run(1.02, 0.0, &loss), EXPLODE_STEPS);
    ck_assert_double_lt(loss, 1e-12);
    {   /* a_n of the run's chain at its start, from its loss (a_n - 1)^2 / 2 */
        struct function f = chain_function(EXPLODE_LAYERS, CHAIN_LINEAR, 1.0, 1.0, EXPLODE_W0);
        ck_assert_double_eq_tol(1 + sqrt(2 * f.value(&f, f.start)), pow(1.5, 10), 1e-12);
        ck_assert_double_eq_tol(1 + sqrt(2 * f.value(&f, f.start)), 57.67, 0.005);
    }
}
END_TEST

/* Himmelblau's closed-form minimum, (3, 2): there (chapter 10's text) the
 * toolkit's f is 0 and so is its gradient, each residual being zero
 * (9 + 2 - 11 = 0, 3 + 4 - 7 = 0), so the sums are exact in doubles and
 * no tolerance is needed. */
START_TEST(himmelblau_minimum_by_hand)
{
    struct function f = function_from_spec("--function", "himmelblau");
    double minimum[2] = {3, 2}, grad[2];
    ck_assert_double_eq(f.value(&f, minimum), 0);
    f.gradient(&f, grad, minimum);
    ck_assert(grad[0] == 0 && grad[1] == 0);
}
END_TEST

/* Basins, at a few starts (the whole grid is the program's, woven): from
 * (-5.55, -0.45), in the basin of (-3.8, -3.3) (index 2) for gradient
 * descent, momentum at the same lr 0.001 ends at (3.6, -1.8) (index 3):
 * its buffer, filled by the large gradients far out, carries the run over
 * a ridge.  Remove momentum:
 * lr 0.001 alone keeps (-3.8, -3.3).  On x^2 sin x a start at 1 creeps toward
 * the flat inflection at 0 (f' = f'' = 0) and reaches no minimum in 5000
 * steps; from -4 and from -6 the runs end at -2.289 and -8.096. */
START_TEST(basins_move_with_momentum)
{
    ck_assert_int_eq(BASIN_GRID * BASIN_GRID, 1600);
    ck_assert_int_eq(himmelblau_basin(-5.55, -0.45, 0.01, 0.0, BASIN_STEPS), 2);
    ck_assert_int_eq(himmelblau_basin(-5.55, -0.45, 0.001, 0.0, BASIN_STEPS), 2);
    ck_assert_int_eq(himmelblau_basin(-5.55, -0.45, 0.001, 0.9, BASIN_STEPS), 3);
    ck_assert_int_eq(x2sinx_basin(1.0, 0.01, 0.0, BASIN_STEPS), -1);
    struct function f = function_from_spec("--function", "x2sinx");
    double x[1] = {1.0};
    ck_assert(descend(&f, x, 0.01, 0.0, BASIN_STEPS));
    ck_assert_double_gt(x[0], 0);
    ck_assert_double_lt(x[0], 0.01);
    /* the grid's starts next to 0, 0.01 apart: 0.005 and -0.005 reach no
     * minimum in 5000 steps, -0.015 reaches -2.289 */
    ck_assert_int_eq(x2sinx_basin(0.005, 0.01, 0.0, BASIN_STEPS), -1);
    ck_assert_int_eq(x2sinx_basin(-0.005, 0.01, 0.0, BASIN_STEPS), -1);
    ck_assert_int_eq(x2sinx_basin(-0.015, 0.01, 0.0, BASIN_STEPS), 1);
    ck_assert_int_eq(x2sinx_basin(-4.0, 0.01, 0.0, BASIN_STEPS), 1);
    ck_assert_int_eq(x2sinx_basin(-6.0, 0.01, 0.0, BASIN_STEPS), 0);
    for (int m = 0; m < 3; m++) {       /* each minimum solves tan x = -x/2 */
        double m0 = x2sinx_minima[m];
        ck_assert_double_eq_tol(tan(m0), -m0 / 2, 1e-9);
    }
}
END_TEST

/* x^2 sin x's landmarks on [-11, 8]: maxima at -11.17, -5.087, 2.289 and
 * 8.10 (f'' < 0), minima at -8.096 (f = -63.6), -2.289 and 5.087; every
 * one solves f' = x (2 sin x + x cos x) = 0, to 1e-9. */
START_TEST(x2sinx_landmarks)
{
    static const double maxima[4] = {-11.172705868330, -5.086985094102, 2.288929728103, 8.096163603223};
    for (int m = 0; m < 4; m++) {
        double x = maxima[m];
        ck_assert_double_eq_tol(2 * sin(x) + x * cos(x), 0, 1e-9);
        ck_assert_double_lt(2 * sin(x) + 4 * x * cos(x) - x * x * sin(x), 0);
    }
    ck_assert_str_eq(fixed(2, maxima[0]), "-11.17");
    ck_assert_str_eq(fixed(3, maxima[1]), "-5.087");
    ck_assert_str_eq(fixed(3, maxima[2]), "2.289");
    ck_assert_str_eq(fixed(2, maxima[3]), "8.10");
    ck_assert_str_eq(fixed(3, x2sinx_minima[0]), "-8.096");
    ck_assert_str_eq(fixed(1, x2sinx_minima[0] * x2sinx_minima[0] * sin(x2sinx_minima[0])), "-63.6");
    ck_assert_str_eq(fixed(3, x2sinx_minima[1]), "-2.289");
    ck_assert_str_eq(fixed(3, x2sinx_minima[2]), "5.087");
    ck_assert_double_eq_tol(X2SINX_MAX_BETWEEN, maxima[1], 1e-12);
}
END_TEST

/* Restarts on x^2 sin x: the lowest minimum between the maxima, -8.096,
 * drains the starts from -11 to the maximum at -5.087, a share
 * (11 - 5.087)/19 = 0.3112 of [-11, 8]; the measured fraction of seed 1
 * lies within 3 binomial standard deviations (sqrt(p(1-p)/100) = 0.046)
 * of it. */
START_TEST(restarts_reach_the_lowest)
{
    ck_assert_double_eq_tol(restart_fraction_predicted(), 0.3112, 0.00005);
    ck_assert_double_eq_tol(1 / restart_fraction_predicted(), 3.21, 0.005);
    double p = restart_fraction(1);
    ck_assert_double_eq_tol(p, 0.3112, 3 * 0.046);
}
END_TEST

/* Where NaN and Inf come from, as IEEE 754 defines it (C11 Annex F). */
START_TEST(nan_and_inf_sources)
{
    volatile double big = 1e308, zero = 0.0, tiny = -1e-300;
    ck_assert(isinf(big * 10));                   /* overflow */
    ck_assert(isnan(zero / zero) && isnan(0.0 / 0.0)); /* 0/0 */
    ck_assert(isnan(big * 10 - big * 10));        /* inf - inf */
    ck_assert(isinf(log(zero)) && log(zero) < 0); /* log 0 = -inf */
    ck_assert(isnan(sqrt(tiny)));                 /* a negative rounding under a root */
    ck_assert(isnan(big * 10 * zero));            /* inf times 0 */
    ck_assert(isinf(1e308 * 10) && isnan(INFINITY * 0.0) && isnan(0.0 / 0.0));
}
END_TEST

/* Exercise 4's answer: a chain of weights 2 carries da_n/dw_1 = 2^(n-1),
 * finite up to n - 1 = 1023 and infinite from n = 1025 (2^1024 > DBL_MAX).
 * The loss's gradient (a_n - y) 2^(n-1) = (2^n - 1) 2^(n-1), target 1,
 * overflows first: finite at n = 512, infinite from n = 513. */
START_TEST(overflow_depth)
{
    static double w[1100];
    for (int j = 0; j < 1100; j++)
        w[j] = 2.0;
    int depth = 1;              /* the deepest n whose factor 2^(n-1) is finite */
    while (depth < 1100 && isfinite(chain_first_factor(w, (size_t)depth + 1, CHAIN_LINEAR, 1.0)))
        depth++;
    ck_assert_int_eq(depth - 1, 1023);
    ck_assert_int_eq(depth + 1, 1025);
    ck_assert(isinf(chain_first_factor(w, (size_t)depth + 1, CHAIN_LINEAR, 1.0)));
    ck_assert(isinf(pow(2, 1024)));
    ck_assert_int_eq(FLT_RADIX, 2);             /* DBL_MAX is just below 2 raised to 1024 */
    ck_assert_int_eq(DBL_MAX_EXP, 1024);
    int last_finite = 0;        /* the deepest n whose loss gradient (2^n - 1) 2^(n-1) is finite */
    for (int n = 500; n <= 520; n++) {
        double factor = chain_first_factor(w, (size_t)n, CHAIN_LINEAR, 1.0);
        double loss_gradient = (ldexp(1.0, n) - 1) * factor;    /* a_n - y = 2^n - 1 */
        ck_assert(isfinite(factor));
        if (isfinite(loss_gradient))
            last_finite = n;
    }
    ck_assert_int_eq(last_finite, 512);
    ck_assert_int_eq(last_finite + 1, 513);
    /* "infinite from n = 513, half the depth" of the factor's 1025: to one layer */
    ck_assert_double_eq_tol((double)(last_finite + 1) / (depth + 1), 1.0 / 2, 1e-3);
}
END_TEST

/* Worked answers 1 and 2 (solutions/10-failures.md). */
START_TEST(answers_by_hand)
{
    /* 1: eps = 1e-4, lr 0.2: ceil(ln(1e4) / ln 1.2) = ceil(50.52) = 51. */
    ck_assert_int_eq(saddle_escape_predicted(1e-4, 0.2), 51);
    ck_assert_int_eq(saddle_escape_steps(1e-4, 0.2, 0.0, 0, 1000), 51);
    ck_assert(fabs(log(1e4) / log(1.2) - 50.52) <= 0.005 &&
              saddle_escape_steps(1e-4, 0.2, 0.0, 0, 1000) == ceil(log(1e4) / log(1.2)));
    {   /* the logs from the code's iterates: gradient descent at lr 0.2 on
         * the saddle from (1, 1e-4) multiplies x2 by 1.2 per step, ln of it
         * 0.18232; after 51 steps x2 is past 1, and the k at which the
         * path crosses 1 is 51 - ln x2^(51) / ln 1.2 = 50.52, by then it has
         * gone ln(1e4) = 9.2103 in logs */
        static const double curvature[2] = {1.0, -1.0};
        struct function f = quadratic(curvature, 2);
        double x[2] = {1, 1e-4}, grad[2], per_step = 0;
        for (int k = 1; k <= 51; k++) {
            const double before = x[1];
            f.gradient(&f, grad, x);
            gd_step(x, grad, 2, 0.2);
            if (k == 1)
                per_step = log(x[1] / before);
        }
        const double crossing = 51 - log(x[1]) / per_step;
        ck_assert_double_eq_tol(per_step, 0.18232, 0.000005);
        ck_assert_double_eq_tol(crossing * per_step, 9.2103, 0.00005);
        ck_assert_double_eq_tol(crossing, 50.52, 0.005);
        /* the quotient of the two rounded logs (each within half its last
         * digit: 3e-5 relative at most) is within 0.002 of the code's k */
        ck_assert_double_eq_tol(crossing, 9.2103 / 0.18232, 0.002);
        ck_assert_double_eq_tol(crossing, log(1e4) / log(1.2), 1e-9);
    }
    ck_assert_double_eq(CLIP_EPS, 1e-6);
    {   /* the approximation ln(1/eps)/lr, 10 % short of the measured steps */
        const long measured = saddle_escape_steps(1e-4, 0.2, 0.0, 0, 1000);
        ck_assert_double_eq_tol(log(1e4) / 0.2, 46, 0.1);
        ck_assert_double_lt(log(1e4) / 0.2, measured);
        ck_assert_double_eq_tol(100 * (1 - log(1e4) / 0.2 / measured), 10, 0.5);   /* percent */
    }
    /* 2: g = (6, 8), |g| = 10; by norm 5: (6, 8) 5/10.000001; by value 5: (5, 5). */
    double g[2] = {6, 8}, v[2] = {6, 8};
    ck_assert_double_eq(clip_grad_norm(g, 2, 5), 10);
    ck_assert_double_eq_tol(g[0], 6 * 5 / 10.000001, EXACT);
    ck_assert_double_eq_tol(g[1], 8 * 5 / 10.000001, EXACT);
    ck_assert_double_eq_tol(g[0], 2.9999997, 5e-8);
    ck_assert_double_eq_tol(g[1], 3.9999996, 5e-8);
    /* "half the length, same direction": 5/10.000001 of |g| = 10, 5e-8 short of half */
    ck_assert_double_eq_tol(hypot(g[0], g[1]) / 10, 1.0 / 2, 2e-7);
    ck_assert_double_eq_tol(g[0] / g[1], 6.0 / 8, 1e-15);
    clip_grad_value(v, 2, 5);
    ck_assert_double_eq(v[0], 5);
    ck_assert_double_eq(v[1], 5);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("10-failures");
    TCase *stuck = tcase_create("ch10 saddles and plateaus");
    TCase *deep = tcase_create("ch10 exploding and vanishing gradients");
    TCase *clip = tcase_create("ch10 clipping");
    TCase *basins = tcase_create("ch10 basins");
    tcase_add_test(stuck, saddle_escape_time);
    tcase_add_test(stuck, saddle_line_and_noise);
    tcase_add_test(stuck, saddle_momentum_on_the_line);
    tcase_add_test(stuck, race_momentum_grows_faster);
    tcase_add_test(stuck, plateau_fools_the_stopping_rule);
    tcase_add_test(deep, sigmoid_chain_vanishes);
    tcase_add_test(deep, linear_chain_is_a_power);
    tcase_add_test(deep, tanh_chain_saturates);
    tcase_add_test(deep, chain_gradient_is_exact);
    tcase_add_test(deep, failure_gradients_pass_gradcheck);
    tcase_add_test(clip, clip_worked_step);
    tcase_add_test(clip, clip_leaves_small_gradients);
    tcase_add_test(clip, clip_keeps_nan_visible);
    tcase_add_test(clip, explosion_and_clipping);
    tcase_add_test(clip, nan_and_inf_sources);
    tcase_add_test(deep, overflow_depth);
    tcase_add_test(clip, answers_by_hand);
    tcase_add_test(basins, himmelblau_minimum_by_hand);
    tcase_add_test(basins, basins_move_with_momentum);
    tcase_add_test(basins, restarts_reach_the_lowest);
    tcase_add_test(basins, x2sinx_landmarks);
    suite_add_tcase(suite, stuck);
    suite_add_tcase(suite, deep);
    suite_add_tcase(suite, clip);
    suite_add_tcase(suite, basins);
    return suite;
}
