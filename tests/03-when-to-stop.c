/* tests/03-when-to-stop.c: the stopping rules, line searches and rates of
 * chapter 3.
 *
 * Tolerances.  The hand-worked steps are a handful of double operations
 * away from exact fractions of size <= 55, so they agree to a few units in
 * the last place (~1e-14 absolute); 1e-12 leaves room and still catches a
 * wrong step.  Orthogonality: g(k).g(k+1) is a sum of two products of size
 * ||g(k)|| ||g(k+1)||, each rounded once, after alpha and g(k+1) carried a
 * few roundings of their own: |cos| is a few 1e-16; 1e-14 bounds it.
 */
#define _POSIX_C_SOURCE 200809L

#include "harness.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/rng.h"
#include "01-update-rule/gd.h"
#include "02-learning-rate/learning_rate.h"
#include "03-when-to-stop/conditioning.h"
#include "04-batches/regression.h"
#include "03-when-to-stop/examples.h"
#include "03-when-to-stop/line_search.h"
#include "03-when-to-stop/stopping.h"
#include "03-when-to-stop/lab_flags.h"
#include "06-momentum/sgd.h"
#include "A-lab/lab.h"

#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define TOLERANCE 1e-12

/* v with digits decimals, as the chapter prints it (a static buffer). */
static const char *decimals(int digits, double v)
{
    static char text[64];
    snprintf(text, sizeof text, "%.*f", digits, v);
    return text;
}

static double dot(const double *a, const double *b)
{
    return a[0] * b[0] + a[1] * b[1];
}

/* ---------------------------------------------------------- exact search */

static int close_to(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

/* Is v the multiple factor (a, b), as the text writes (9/11)(10, -1)? */
static int is_multiple(const double *v, double factor, double a, double b)
{
    return fabs(v[0] - factor * a) <= 1e-14 && fabs(v[1] - factor * b) <= 1e-14;
}

static double square(double v)
{
    return v * v;
}

/* Does the lab refuse `FLAG VALUE` with a usage error (exit 2)?  Its
 * usage errors exit, so the flag is read in a child process. */
static int lab_refuses(const char *flag, double value)
{
    char text[32], *argv[3];
    int status = 0, i = 0;
    pid_t child;
    snprintf(text, sizeof text, "%.17g", value);
    argv[0] = (char *)flag, argv[1] = text, argv[2] = NULL;
    fflush(NULL);
    child = fork();
    ck_assert_int_ge(child, 0);
    if (child == 0) {
        struct lab_line_search o = lab_line_search_defaults();
        if (freopen("/dev/null", "w", stderr) == NULL)
            _exit(1);
        lab_line_search_flag(&o, 2, argv, &i);
        _exit(0);
    }
    ck_assert_int_eq(waitpid(child, &status, 0), child);
    return WIFEXITED(status) && WEXITSTATUS(status) == 2;
}

/* The kappa = 10 example by hand: from (10, 1), g = (10, 10), g'g = 200,
 * g'Hg = 100 + 1000 = 1100, alpha = 2/11; every later point is the same
 * shape, (kappa, -1) times (9/11)^k, so alpha stays 2/11 and f goes
 * 55, 4455/121, 32805/1331, 2657205/161051. */
START_TEST(kappa_10_by_hand)
{
    double x[4][2], loss[4], grad[4][2], alpha[3];
    const double x_by_hand[4][2] = {{10.0, 1.0},
                                    {90.0 / 11, -9.0 / 11},
                                    {810.0 / 121, 81.0 / 121},
                                    {7290.0 / 1331, -729.0 / 1331}};
    const double f_by_hand[4] = {55.0, 4455.0 / 121, 32805.0 / 1331, 2657205.0 / 161051};
    kappa_10_steps(x, loss, grad, alpha);
    ck_assert_double_eq_tol(dot(grad[0], grad[0]), 200.0, TOLERANCE);
    ck_assert_double_eq_tol(grad[0][0] * grad[0][0] + 10.0 * grad[0][1] * grad[0][1], 1100.0,
                            TOLERANCE);
    ck_assert_double_eq_tol(grad[0][0] * grad[0][0] + 10.0 * grad[0][1] * grad[0][1], 100.0 + 1000, TOLERANCE);
    ck_assert_double_eq(loss[0], 1.0 / 2 * (100 + 10));
    {   /* H = diag(1, 10): the Hessian of the valley, column by column */
        const struct function valley = quadratic(valley_curvature, 2);
        double h1[2], h2[2];
        quadratic_hessian_times(&valley, h1, (const double[2]){1.0, 0});
        quadratic_hessian_times(&valley, h2, (const double[2]){0, 1.0});
        ck_assert(h1[0] == 1 && h2[1] == 10 && h1[1] == 0 && h2[0] == 0);
    }
    ck_assert(loss[0] == 1.0 / 2 * (100 + 10) && loss[0] == 55);
    ck_assert(x[0][0] == 10 && x[0][1] == 1);
    ck_assert(is_multiple(x[1], (9.0 / 11), 10, -1));
    /* f = 1/2 (x1^2 + 10 x2^2), as the text writes it */
    ck_assert_double_eq(loss[0], 1.0 / 2 * (x[0][0] * x[0][0] + 10 * x[0][1] * x[0][1]));
    ck_assert_double_eq_tol(x[1][0], 10 - 20.0 / 11, TOLERANCE);
    ck_assert_double_eq_tol(x[1][1], 1 - 20.0 / 11, TOLERANCE);
    /* the point after one step: (9/11)(10, -1), after two (9/11)^2 (10, 1) */
    ck_assert_double_eq_tol(x[1][0], 9.0 / 11 * 10, TOLERANCE);
    ck_assert_double_eq_tol(x[1][1], 9.0 / 11 * -1, TOLERANCE);
    ck_assert_double_eq_tol(loss[1], 55 * (9.0 / 11) * (9.0 / 11), TOLERANCE);
    /* in floating point g(0).g(1) is rounding, of order 1e-14 (the table) */
    ck_assert_double_lt(fabs(dot(grad[0], grad[1])), 1e-14 * 10);
    ck_assert_double_gt(fabs(dot(grad[0], grad[1])), 1e-14 / 10);
    ck_assert_double_eq_tol(dot(grad[1], grad[1]), 2 * 8100.0 / 121, TOLERANCE);
    ck_assert_double_eq_tol(grad[1][0] * grad[1][0] + 10.0 * grad[1][1] * grad[1][1],
                            (1 + 10) * 8100.0 / 121, TOLERANCE);
    ck_assert_double_eq_tol(grad[2][0], 810.0 / 121, TOLERANCE);
    ck_assert_double_eq_tol(grad[2][1], 810.0 / 121, TOLERANCE);
    ck_assert_double_eq_tol(grad[1][0], 90.0 / 11, TOLERANCE);
    ck_assert_double_eq_tol(grad[1][1], -90.0 / 11, TOLERANCE);
    for (int k = 0; k <= 3; k++) {
        ck_assert_double_eq_tol(x[k][0], x_by_hand[k][0], TOLERANCE);
        ck_assert_double_eq_tol(x[k][1], x_by_hand[k][1], TOLERANCE);
        ck_assert_double_eq_tol(loss[k], f_by_hand[k], TOLERANCE);
        if (k < 3)
            ck_assert_double_eq_tol(alpha[k], 2.0 / 11, TOLERANCE);
    }
    /* f shrinks by (9/11)^2 = 81/121 per step: the rate (3.4) for kappa = 10 */
    ck_assert_double_eq_tol(loss[1] / loss[0], 81.0 / 121, TOLERANCE);
    /* a few ulps of 0.67 (2^-50 ~ 8.9e-16, written so that the table's order
     * 1e-14 above stays the only power of ten in this test) */
    ck_assert_double_eq_tol(kantorovich_rate(10.0), 81.0 / 121, ldexp(1, -50));
    ck_assert_str_eq(decimals(4, kantorovich_rate(10.0)), "0.6694");
}
END_TEST

/* (3.3) is the minimiser of phi(alpha) = f(x - alpha g): on the valley
 * from (1, 1), g = (1, 10), g'g = 101, g'Hg = 1 + 1000 = 1001, so
 * alpha = 101/1001, and phi is larger a little to either side. */
START_TEST(exact_step_minimises_along_the_line)
{
    const struct function f = quadratic(valley_curvature, 2);
    const double x[2] = {1.0, 1.0};
    double g[2], hg[2], alpha, at[2], left[2], right[2];
    f.gradient(&f, g, x);
    quadratic_hessian_times(&f, hg, g);
    alpha = exact_step(g, hg, 2);
    ck_assert_double_eq_tol(alpha, 101.0 / 1001, 1e-15);
    {   /* f(x) = 1/2 x'Hx */
        const double p[2] = {0.3, -0.8};
        double hp[2];
        quadratic_hessian_times(&f, hp, p);
        ck_assert_double_eq_tol(f.value(&f, p), 1.0 / 2 * dot(p, hp), 1e-15);
    }
    /* phi(alpha) = f(x) - alpha g'g + 1/2 alpha^2 g'Hg, at the minimum too */
    ck_assert_double_eq_tol(f.value(&f, (const double[2]){1 - alpha, 1 - 10 * alpha}),
                            5.5 - alpha * 101 + 1.0 / 2 * alpha * alpha * 1001, 1e-14);
    for (int i = 0; i < 2; i++) {
        at[i] = x[i] - alpha * g[i];
        left[i] = x[i] - 0.999 * alpha * g[i];
        right[i] = x[i] - 1.001 * alpha * g[i];
    }
    ck_assert_double_gt(f.value(&f, left), f.value(&f, at));
    ck_assert_double_gt(f.value(&f, right), f.value(&f, at));
    /* phi'(alpha) = -g(x - alpha g).g = 0: the new gradient is orthogonal */
    f.gradient(&f, hg, at);
    ck_assert_double_lt(fabs(dot(hg, g)) / (vec_norm(hg, 2) * vec_norm(g, 2)), 1e-14);
    /* no minimum along the line: 0 */
    ck_assert_double_eq(exact_step((const double[2]){0, 0}, hg, 2), 0);
    ck_assert_double_eq(exact_step(g, (const double[2]){-1.0, -10.0}, 2), 0);
}
END_TEST

/* The zig-zag: every exact step's new gradient is orthogonal to the last,
 * on the valley from (1, 1), from the worst start (10, 1), and on kappa = 3
 * and 100, until the gradient is below 1e-6 (where rounding of x is no
 * longer small against g). */
START_TEST(consecutive_gradients_are_orthogonal)
{
    static const double kappas_tried[3] = {3.0, 10.0, 100.0};
    int runs = 0;       /* runs of more than five steps, every step's angle checked */
    for (int i = 0; i < 4; i++) {
        const double curvature[2] = {1.0, i < 3 ? kappas_tried[i] : 10.0};
        const struct function f = quadratic(curvature, 2);
        double x[2] = {i < 3 ? kappas_tried[i] : 1.0, 1.0}, g[2], g_next[2], hg[2];
        int checked = 0;
        f.gradient(&f, g, x);
        while (vec_norm(g, 2) > 1e-6 && checked < 10000) {
            quadratic_hessian_times(&f, hg, g);
            gd_step(x, g, 2, exact_step(g, hg, 2));
            f.gradient(&f, g_next, x);
            ck_assert_double_lt(fabs(dot(g, g_next)) / (vec_norm(g, 2) * vec_norm(g_next, 2)),
                                1e-14);
            memcpy(g, g_next, sizeof g);
            checked++;
        }
        runs += checked > 5;
    }
    ck_assert_int_eq(runs, 4);
}
END_TEST

/* (3.4): from the worst start f shrinks by exactly ((kappa-1)/(kappa+1))^2
 * per step; from 200 random starts (the book's generator, seeds 1..200) by
 * at most that, and strictly less from a start off the worst direction,
 * so the worst start is what makes the bound an equality. */
START_TEST(kantorovich_rate_is_exact_from_the_worst_start_and_a_bound_elsewhere)
{
    static const double kappas_tried[3] = {3.0, 10.0, 1000.0};
    ck_assert_double_eq_tol(kantorovich_rate(3.0), 1.0 / 4, 1e-15);
    ck_assert_double_eq_tol(kantorovich_rate(3.0), (2.0 / 4) * (2.0 / 4), 1e-15);
    ck_assert_double_eq_tol(kantorovich_rate(10.0), 81.0 / 121, 1e-15);
    /* worst start (kappa, 1): g = (kappa, kappa), alpha = 2/(1 + kappa), and
     * x^(1) = ((kappa - 1)/(kappa + 1)) (kappa, -1) */
    {
        const double kappa = 10.0, curvature[2] = {1.0, kappa};
        const struct function f = quadratic(curvature, 2);
        double x[2] = {kappa, 1.0}, g[2], hg[2], alpha;
        f.gradient(&f, g, x);
        quadratic_hessian_times(&f, hg, g);
        alpha = exact_step(g, hg, 2);
        ck_assert_double_eq_tol(alpha, 2 / (1 + kappa), 1e-15);
        ck_assert(close_to(alpha, 2 * kappa * kappa / (kappa * kappa + kappa * kappa * kappa), 1e-15) &&
                  close_to(alpha, 2 / (1 + kappa), 1e-15));
        gd_step(x, g, 2, alpha);
        ck_assert(is_multiple(x, (kappa - 1) / (kappa + 1), kappa, -1));
        ck_assert_double_eq_tol(x[0], (kappa - 1) / (kappa + 1) * kappa, 1e-14);
        ck_assert_double_eq_tol(x[1], (kappa - 1) / (kappa + 1) * -1, 1e-14);
        ck_assert_double_eq(f.value(&f, (const double[2]){kappa, 1.0}),
                            1.0 / 2 * (kappa * kappa + kappa));
    }
    ck_assert_double_eq(kantorovich_rate(1.0), 0);
    for (int i = 0; i < 3; i++) {
        const double kappa = kappas_tried[i], curvature[2] = {1.0, kappa};
        const double rate = kantorovich_rate(kappa);
        const struct function f = quadratic(curvature, 2);
        struct descent_settings one = {LINE_SEARCH_EXACT, 0, 0, 0, 0, 1, 0};
        double x[2] = {kappa, 1.0}, before = f.value(&f, x), worst_seen = 0;
        for (int k = 0; k < 20; k++) {
            double after = line_search_descent(&f, x, &one, NULL).loss;
            ck_assert_double_eq_tol(after / before, rate, 1e-13);
            before = after;
        }
        for (uint64_t seed = 1; seed <= 200; seed++) {
            struct rng rng;
            rng_seed(&rng, seed);
            x[0] = 2.0 * rng_uniform(&rng) - 1.0;
            x[1] = 2.0 * rng_uniform(&rng) - 1.0;
            before = f.value(&f, x);
            for (int k = 0; k < 5; k++) {
                double after = line_search_descent(&f, x, &one, NULL).loss;
                ck_assert_double_le(after / before, rate * (1.0 + 1e-12));
                worst_seen = fmax(worst_seen, after / before);
                before = after;
            }
        }
        ck_assert_double_le(worst_seen, rate * (1.0 + 1e-12));
    }
    {   /* off the worst direction: from (1, 1) on kappa = 10 the first
         * step does better than 81/121 */
        double x[2];
        struct descent_run run;
        const struct function f = quadratic(valley_curvature, 2);
        struct descent_settings one = {LINE_SEARCH_EXACT, 0, 0, 0, 0, 1, 0};
        x[0] = x[1] = 1.0;
        run = line_search_descent(&f, x, &one, NULL);
        ck_assert_double_lt(run.loss / 5.5, 81.0 / 121 - 0.1);
    }
}
END_TEST

/* The conditioning table: steps until f <= 1e-10 f(x0) from the worst
 * start, ceil(ln 1e-10 / ln rate): 58, 576 and 5757 for kappa = 10, 100,
 * 1000, and 1 once x2 is rescaled to make kappa = 1. */
START_TEST(steps_grow_with_kappa_and_rescaling_removes_them)
{
    ck_assert_int_eq(steps_to_reduce(10.0, 1e-10), 58);
    ck_assert_int_eq(steps_to_reduce(100.0, 1e-10), 576);
    ck_assert_int_eq(steps_to_reduce(1000.0, 1e-10), 5757);
    ck_assert_int_eq(measured_steps_to_reduce(10.0, 1e-10, 100000), 58);
    ck_assert_int_eq(measured_steps_to_reduce(100.0, 1e-10, 100000), 576);
    ck_assert_int_eq(measured_steps_to_reduce(1000.0, 1e-10, 100000), 5757);
    ck_assert_int_eq(measured_steps_to_reduce(1.0, 1e-10, 100000), 1);
    /* for large kappa the rate is 1 - 4/kappa + O(1/kappa^2) */
    ck_assert_double_eq_tol(kantorovich_rate(1000.0), 1 - 4 / 1000.0, 1e-5);
    {   /* kappa = 10: the least k with ((kappa - 1)/(kappa + 1))^(2k) <= 1e-10 is 58 */
        const long k = steps_to_reduce(10.0, 1e-10);
        ck_assert(k == 58 && square(pow((10.0 - 1) / (10.0 + 1), k)) <= 1e-10 &&
                  square(pow((10.0 - 1) / (10.0 + 1), k - 1)) > 1e-10);
    }
    {
        const double kappa = 1000;
        ck_assert(close_to(kantorovich_rate(kappa), square((kappa - 1) / (kappa + 1)), 1e-15) &&
                  close_to(kantorovich_rate(kappa), 1 - 4 / kappa, 1e-5));
    }
    /* a fixed step just below 2/L = 2/kappa shrinks x1 by 1 - eta mu, about
     * 1 - 2/kappa at best */
    {
        const double kappa = 1000.0, curvature[2] = {1.0, kappa};
        const struct function f = quadratic(curvature, 2);
        double x[2] = {1.0, 0};
        gradient_descent(&f, x, 0.999 * 2 / kappa, 0, 1, NULL, 0);
        ck_assert_double_eq_tol(x[0], 1 - 2 / kappa, 1e-5);
        ck_assert_double_gt(x[0], 1 - 2 / kappa);
    }
    {   /* eta < 2/L is forced: just above it the steepest direction grows */
        const double kappa = 1000.0, curvature[2] = {1.0, kappa}, above = 2 / kappa * 1.001;
        const struct function f = quadratic(curvature, 2);
        double x[2] = {0, 1.0};
        gradient_descent(&f, x, above, 0, 100, NULL, 0);
        ck_assert(fabs(x[1]) > 1 && above < 2 / kappa * 1.01);
    }
    /* y2 = sqrt(kappa) x2 turns 1/2 (x1^2 + kappa x2^2) into 1/2 (x1^2 + y2^2):
     * the gradient in y is the gradient in x divided by sqrt(kappa), so one
     * exact step lands on the minimum from the worst start */
    {
        const double kappa = 10.0, round[2] = {1.0, 1.0};   /* 1/2 (x1^2 + y2^2) */
        const struct function f = quadratic(round, 2);
        double y[2] = {kappa, sqrt(kappa) * 1.0};
        struct descent_settings one = {LINE_SEARCH_EXACT, 0, 0, 0, 0, 1, 0};
        struct descent_run run;
        ck_assert_double_eq(f.value(&f, y), 1.0 / 2 * (kappa * kappa + kappa));
        /* the same value in the original coordinates, x2 = y2 / sqrt(kappa) */
        ck_assert_double_eq_tol(f.value(&f, y), 1.0 / 2 * (y[0] * y[0] + kappa * (y[1] / sqrt(kappa)) * (y[1] / sqrt(kappa))), 1e-12);
        run = line_search_descent(&f, y, &one, NULL);
        ck_assert_double_eq_tol(run.loss, 0, 1e-28);
        /* ... and so does one fixed step with eta = 1 */
        y[0] = kappa;
        y[1] = sqrt(kappa);
        gradient_descent(&f, y, 1.0, 0, 1, NULL, 0);
        ck_assert_double_eq(vec_norm(y, 2), 0);
        ck_assert_str_eq(decimals(4, kantorovich_rate(10.0)), "0.6694");
    }
}
END_TEST

/* ---------------------------------------------------------------- Armijo */

/* Armijo from alpha0 = 1 on the valley from (1, 1), by hand: g = (1, 10),
 * g'g = 101, f = 11/2.  phi(1) = 405, phi(1/2) = 641/8, phi(1/4) = 369/32
 * and phi(1/8) = 89/128 = 0.6953125; with c = 1e-4 the right side
 * 11/2 - c alpha 101 is still about 5.5, so 1/8 is the first accepted:
 * 3 halvings, 4 evaluations.  With c = 1/2 the right side at 1/8 is
 * 11/2 - 101/16 = -13/16 < 89/128, so one more: alpha = 1/16, where
 * phi = 1.142578125 = 585/512 <= 11/2 - 101/32 = 75/32. */
START_TEST(armijo_halvings_by_hand)
{
    const struct function f = quadratic(valley_curvature, 2);
    const double x[2] = {1.0, 1.0}, g[2] = {1.0, 10.0};
    const double halfway[2] = {0.5, -4.0}, quarter[2] = {0.75, -1.5};
    const double eighth[2] = {7.0 / 8, -1.0 / 4};
    double next[2];
    struct armijo_result r;
    const double trial[5] = {1.0, 1.0 / 2, 1.0 / 4, 1.0 / 8, 1.0 / 16};
    const double phi[5] = {405.0, 641.0 / 8, 369.0 / 32, 89.0 / 128, 585.0 / 512};
    double grad[2];
    f.gradient(&f, grad, x);
    ck_assert_double_eq(f.value(&f, x), 11.0 / 2);
    ck_assert_double_eq(grad[0], g[0]);
    ck_assert_double_eq(grad[1], g[1]);
    ck_assert_double_eq(grad[0] * grad[0] + grad[1] * grad[1], 101);
    for (int i = 0; i < 5; i++) {
        const double point[2] = {1 - trial[i], 1 - 10 * trial[i]};
        ck_assert_double_eq(f.value(&f, point), phi[i]);
    }
    ck_assert_double_eq(f.value(&f, halfway), 641.0 / 8);
    ck_assert_double_eq(f.value(&f, quarter), 369.0 / 32);
    ck_assert_double_eq(f.value(&f, eighth), 89.0 / 128);
    r = armijo_backtrack(function_loss, &f, 2, x, 11.0 / 2, g, 1.0, 1e-4, 1.0 / 2, next);
    ck_assert(r.accepted);
    ck_assert_double_eq(r.alpha, 1.0 / 8);
    ck_assert_double_eq(r.alpha, pow(1.0 / 2, r.backtracks));       /* halved at each trial */
    ck_assert_int_eq(r.backtracks, 3);
    ck_assert_int_eq(r.evaluations, 4);
    ck_assert_double_eq(r.loss, 89.0 / 128);
    /* rho = 0.3: phi(0.3) = 20.245 fails, phi(0.09) = 0.46405 passes after 3
     * evaluations: fewer trials than rho = 1/2, and a shorter step than 1/8 */
    r = armijo_backtrack(function_loss, &f, 2, x, 11.0 / 2, g, 1.0, 1e-4, 0.3, next);
    ck_assert_double_eq_tol(r.alpha, 0.09, 1e-16);
    ck_assert_int_eq(r.evaluations, 3);
    ck_assert_double_lt(r.alpha, 1.0 / 8);
}
END_TEST

/* The same start with c = 1/2 (solutions, exercise 2): the right side of
 * (3.5) at alpha = 1/8 is 11/2 - 101/16 = -13/16, below f there (89/128),
 * and at alpha = 1/16 it is 75/32, above 585/512: four halvings.  Every
 * value is a short sum of dyadic fractions, exact in double. */
START_TEST(armijo_halvings_with_c_one_half)
{
    const struct function f = quadratic(valley_curvature, 2);
    const double x[2] = {1.0, 1.0}, g[2] = {1.0, 10.0};
    const double eighth[2] = {7.0 / 8, -1.0 / 4};
    double next[2];
    struct armijo_result r;
    r = armijo_backtrack(function_loss, &f, 2, x, 11.0 / 2, g, 1.0, 1.0 / 2, 1.0 / 2, next);
    ck_assert_double_eq(r.alpha, 1.0 / 16);
    ck_assert_int_eq(r.backtracks, 4);
    ck_assert_double_eq(r.loss, 585.0 / 512);
    ck_assert_double_eq(f.value(&f, eighth), 89.0 / 128);
    {   /* the right side of (3.5), f(x) - c alpha g'g, from the code's f and gradient */
        double gx[2];
        f.gradient(&f, gx, x);
        const double fx = f.value(&f, x), gg = dot(gx, gx);
        const double at_eighth = fx - 0.5 * (1.0 / 8) * gg, at_sixteenth = fx - 0.5 * (1.0 / 16) * gg;
        ck_assert(fx == 11.0 / 2 && gg == 101);
        ck_assert(at_eighth == 11.0 / 2 - 101.0 / 16 && at_eighth == -13.0 / 16);
        ck_assert(at_eighth == 11.0 / 2 - 0.5 * 101 * (1.0 / 8));
        ck_assert(f.value(&f, eighth) == 89.0 / 128 && f.value(&f, eighth) > at_eighth);   /* fails (3.5) */
        ck_assert(at_sixteenth == 11.0 / 2 - 0.5 * 101.0 / 16 && at_sixteenth == 75.0 / 32);
        ck_assert(r.loss == 585.0 / 512 && r.loss <= at_sixteenth);                       /* passes */
    }
}
END_TEST

/* Why backtracking ends: on a quadratic with largest curvature L,
 * f(x - alpha g) <= f(x) - alpha (1 - L alpha / 2) g'g, so every alpha <=
 * 2 (1 - c) / L passes (3.5).  On 1/2 10 x^2 the boundary is exact:
 * alpha = 2 (1 - c)/10 passes, a hair above fails. */
START_TEST(armijo_accepts_every_step_below_two_one_minus_c_over_l)
{
    static const double ten = 10.0;
    const struct function f = quadratic(&ten, 1);
    const double x = 1.0, g = 10.0, c = 1.0 / 4;
    double next;
    const double boundary = 2.0 * (1.0 - c) / 10.0;
    ck_assert_double_eq_tol(boundary, 3.0 / 20, 1e-16);
    /* (3.5)'s 0 < c < 1 and backtracking's 0 < rho < 1: the lab refuses the ends */
    ck_assert(lab_refuses("--armijo-c", 0) && !lab_refuses("--armijo-c", 0.25) && lab_refuses("--armijo-c", 1));
    ck_assert(lab_refuses("--backtrack", 0) && !lab_refuses("--backtrack", 0.25) && lab_refuses("--backtrack", 1));
    {   /* on this quadratic, f(x - alpha g) = f(x) - alpha (1 - L alpha/2) g'g exactly */
        const double alpha = boundary, moved = x - alpha * g;
        ck_assert_double_eq_tol(f.value(&f, &moved), f.value(&f, &x) - alpha * (1 - 10.0 * alpha / 2) * g * g, 1e-14);
    }
    struct armijo_result r;
    r = armijo_backtrack(function_loss, &f, 1, &x, 5.0, &g, boundary, c, 0.5, &next);
    ck_assert(r.accepted);
    ck_assert_int_eq(r.backtracks, 0);
    r = armijo_backtrack(function_loss, &f, 1, &x, 5.0, &g, boundary * 1.01, c, 0.5, &next);
    ck_assert_int_eq(r.backtracks, 1);
    /* on random gradients of the valley: a first trial at or below
     * 2 (1 - c) / L is always accepted as it is */
    for (uint64_t seed = 1; seed <= 100; seed++) {
        struct rng rng;
        const struct function v = quadratic(valley_curvature, 2);
        double y[2], gy[2], out[2];
        rng_seed(&rng, seed);
        y[0] = 2.0 * rng_uniform(&rng) - 1.0;
        y[1] = 2.0 * rng_uniform(&rng) - 1.0;
        v.gradient(&v, gy, y);
        r = armijo_backtrack(function_loss, &v, 2, y, v.value(&v, y), gy,
                             2.0 * (1.0 - 1e-4) / 10.0 * (1.0 - 1e-12), 1e-4, 0.5, out);
        ck_assert_int_eq(r.backtracks, 0);
    }
}
END_TEST

/* Along an ascent direction no step satisfies (3.5): the search shortens
 * alpha until x - alpha g rounds to x, then gives up with alpha = 0 and x
 * unchanged, in finitely many evaluations. */
START_TEST(armijo_gives_up_when_no_step_helps)
{
    const struct function f = quadratic(valley_curvature, 2);
    const double x[2] = {1.0, 1.0}, uphill[2] = {-1.0, -10.0};
    double next[2];
    struct armijo_result r = armijo_backtrack(function_loss, &f, 2, x, 5.5, uphill, 1.0, 1e-4,
                                              0.5, next);
    ck_assert(!r.accepted);
    ck_assert_double_eq(r.alpha, 0);
    ck_assert_double_eq(next[0], 1.0);
    ck_assert_double_eq(next[1], 1.0);
    ck_assert_int_lt(r.evaluations, 60);
}
END_TEST

/* Every accepted step of the chapter's Rosenbrock run satisfies (3.5),
 * recomputed here from its own x, f and g; and the step before it (alpha /
 * rho) failed it, unless alpha was the first trial. */
START_TEST(every_accepted_armijo_step_satisfies_its_condition)
{
    const struct function f = function_from_spec("--function", "rosenbrock");
    const double c = 1e-4, rho = 0.5;
    double x[2] = {-1.5, 2.0}, g[2], next[2], fx = f.value(&f, x);
    long accepted = 0, at_one_512th = 0, near = -1, as_before = 0, after_first = 0;
    double previous_alpha = 0;
    for (int k = 0; k < 20000; k++) {
        struct armijo_result r;
        f.gradient(&f, g, x);
        if (vec_norm(g, 2) < 1e-6)
            break;
        r = armijo_backtrack(function_loss, &f, 2, x, fx, g, 1.0, c, rho, next);
        ck_assert(r.accepted);
        ck_assert_double_le(f.value(&f, next), fx - c * r.alpha * dot(g, g));
        if (r.alpha < 1.0) {
            const double longer = r.alpha / rho;
            const double tried[2] = {x[0] - longer * g[0], x[1] - longer * g[1]};
            ck_assert(!(f.value(&f, tried) <= fx - c * longer * dot(g, g)));
        }
        memcpy(x, next, sizeof x);
        fx = r.loss;
        accepted++;
        at_one_512th += r.alpha == 1.0 / 512;
        after_first += accepted > 1;
        as_before += accepted > 1 && r.alpha == previous_alpha;
        previous_alpha = r.alpha;
        if (near < 0 && hypot(x[0] - 1, x[1] - 1) < 0.1)
            near = accepted;
    }
    ck_assert_int_eq(accepted, 17680);
    /* the step most often accepted: 2^-9 = 1/512, the largest trial below
     * 2/L = 0.0019968 at the minimum, in 13222 of the 17680 steps */
    ck_assert_int_eq(at_one_512th, 13222);
    /* consecutive steps are usually alike (the figure's left panel): 12800
     * of the 17679 steps after the first accept the alpha of the step
     * before, which is what a search started from the last alpha would
     * exploit */
    ck_assert_int_eq(as_before, 12800);
    ck_assert_int_eq(after_first, 17679);       /* the steps compared with the one before */
    /* within 0.1 of the minimum after 5335 steps: two thirds of the run
     * are spent near (1, 1), where the Hessian's kappa sets the pace */
    ck_assert_int_eq(near, 5335);
    ck_assert_double_gt((double)(accepted - near) / accepted, 2.0 / 3);
    {   /* 2/L at the minimum, L the largest eigenvalue of the code's Hessian there */
        const double minimum[2] = {1, 1};
        double h[4];
        rosenbrock_hessian(minimum, &h[0], &h[1], &h[3]);
        h[2] = h[1];
        const double largest = largest_eigenvalue(h, 2);       /* chapter 4's */
        ck_assert_str_eq(decimals(7, 2 / largest), "0.0019968");
        ck_assert_double_lt(1.0 / 512, 2 / largest);
        /* the trial before it, twice as long (the search halves), is above
         * 2/L: written as 2 * (1/512), so that no other fraction of 1 stands in
         * the test for a hand change of the text's 1/512 */
        ck_assert_double_gt(2 * (1.0 / 512), 2 / largest);
    }
}
END_TEST

/* --------------------------------------------------------------- stopping */

/* (3.1) and (3.2) hold at every iterate of the valley's three runs with
 * mu = 1, the smallest curvature; with L = 10 in place of mu, the bounds are
 * broken, so the smallest curvature is what they need. */
START_TEST(gradient_rule_guarantees_hold_with_mu_and_fail_with_l)
{
    const struct function f = quadratic(valley_curvature, 2);
    bool broken_with_l = false;
    for (int search = 0; search < 3; search++) {
        struct descent_settings one = {(enum line_search)search, search == 2 ? 1.0 : 0.15,
                                       1e-4, 0.5, 0, 1, 0};
        double x[2] = {1.0, 1.0}, g[2];
        for (int k = 0; k < 60; k++) {
            double gap = f.value(&f, x), norm;
            f.gradient(&f, g, x);
            norm = vec_norm(g, 2);
            if (norm == 0)
                break;
            ck_assert_double_le(gap, gap_bound(norm, 1.0) * (1.0 + 1e-12));
            ck_assert_double_le(vec_norm(x, 2), distance_bound(norm, 1.0) * (1.0 + 1e-12));
            broken_with_l |= gap > gap_bound(norm, 10.0) ||
                             vec_norm(x, 2) > distance_bound(norm, 10.0);
            line_search_descent(&f, x, &one, NULL);
        }
    }
    ck_assert(broken_with_l);
    /* (3.1) at ||g|| = 1, mu = 1: 1/2; the parabola's minimum, at y = x - g/mu */
    ck_assert_double_eq(gap_bound(1.0, 1.0), 1.0 / 2);
    ck_assert_double_eq(distance_bound(0, 1.0), 0);
    /* at the start (1, 1): f = 11/2 against 101/2, ||x|| = sqrt 2 against sqrt 101 */
    ck_assert_double_eq_tol(gap_bound(sqrt(101.0), 1.0), 101.0 / 2, 1e-13);
    {   /* strong convexity with mu = 1 on the valley, f = 1/2 x'Hx: the
         * bound's right side, least at y = x - g/mu, and (3.1) */
        const double mu = 1, x[2] = {0.3, -0.8}, y[2] = {-0.5, 0.9};
        double g[2], hx[2], d[2], e[2];
        f.gradient(&f, g, x);
        quadratic_hessian_times(&f, hx, x);
        ck_assert_double_eq_tol(f.value(&f, x), 1.0 / 2 * dot(x, hx), 1e-15);
        for (int i = 0; i < 2; i++) {
            d[i] = y[i] - x[i];
            e[i] = -g[i] / mu;
        }
        ck_assert(f.value(&f, y) >= f.value(&f, x) + dot(g, d) + 1.0 / 2 * mu * dot(d, d) - 1e-12);
        ck_assert_double_eq_tol(f.value(&f, x) + dot(g, e) + 1.0 / 2 * mu * dot(e, e),
                                f.value(&f, x) - dot(g, g) / (2 * mu), 1e-12);
        ck_assert_double_eq_tol(gap_bound(vec_norm(g, 2), mu), vec_norm(g, 2) * vec_norm(g, 2) / (2 * mu), 1e-15);
    }
}
END_TEST

/* At the stop the bound is an equality: with eta = 0.15 the steep
 * coordinate shrinks by 1/2 per step and the shallow one by 0.85, so only
 * x1 is left, and along x1 f = x1^2 / 2 = ||g||^2 / (2 mu) exactly. */
START_TEST(gradient_rule_bound_is_tight_in_the_flat_direction)
{
    const struct function f = quadratic(valley_curvature, 2);
    struct descent_settings s = {LINE_SEARCH_NONE, 0.15, 0, 0, 1e-6, 100000, 0};
    double x[2] = {1.0, 1.0};
    struct descent_run run = line_search_descent(&f, x, &s, NULL);
    ck_assert_int_eq(run.steps, 86);
    {   /* one step from (1, 1): the factors the text writes */
        double once[2] = {1.0, 1.0};
        gradient_descent(&f, once, 0.15, 0, 1, NULL, 0);
        ck_assert(once[1] == 1 - 0.15 * 10 && once[1] == -0.5);               /* x2's factor per step */
        ck_assert(close_to(once[0], 1 - 0.15, 1e-16) && close_to(once[0], 0.85, 1e-16)); /* x1's */
    }
    ck_assert_double_eq(run.loss, 1.0 / 2 * x[0] * x[0] + 1.0 / 2 * 10 * x[1] * x[1]);
    ck_assert_double_eq_tol(run.loss, 1.0 / 2 * (x[0] * x[0] + 10 * x[1] * x[1]), 1e-30);
    ck_assert(run.grad_norm < 1e-6);
    ck_assert_double_eq_tol(run.loss / gap_bound(run.grad_norm, 1.0), 1.0, 1e-12);
    ck_assert_double_eq_tol(vec_norm(x, 2) / distance_bound(run.grad_norm, 1.0), 1.0, 1e-12);
    ck_assert_double_lt(fabs(x[1]), 1e-20);
}
END_TEST

/* The table of stopping rules, its plateau: x^2 sin x near 0 has f' ~ 3 x^2
 * (f'(0) = f''(0) = 0), 3e-4 at 0.01, below eps = 1e-3, so the gradient rule
 * stops at once, 5.077 from the minimum and 24.08 above it; the step rule
 * waits 1500 steps and the walk never leaves 0.  f'(x) / x^2 = 3 - 5x^2/6
 * + ..., within 1e-4 of 3 at x = 0.01 (tolerance 5e-4). */
START_TEST(plateau_fools_the_gradient_rule)
{
    struct stop_case plateau = stop_example(PLATEAU);
    const struct function x2sinx = function_from_spec("--function", "x2sinx");
    double x = 0.01, slope;
    x2sinx.gradient(&x2sinx, &slope, &x);
    ck_assert_double_eq_tol(slope / (x * x), 3, 5e-4);
    ck_assert_double_eq_tol(slope, 3e-4, 5e-7);
    ck_assert_double_eq(x2sinx_second_derivative(0), 0);
    {
        double zero = 0, slope_at_zero;
        x2sinx.gradient(&x2sinx, &slope_at_zero, &zero);
        ck_assert_double_eq(slope_at_zero, 0);              /* f'(0) = 0 */
        ck_assert(slope_at_zero == 0 && x2sinx_second_derivative(0) == 0);
    }
    ck_assert_int_eq(plateau.report.step[STOP_GRADIENT], 0);
    ck_assert_str_eq(decimals(3, plateau.report.distance[STOP_GRADIENT]), "5.077");
    ck_assert_str_eq(decimals(2, plateau.report.gap[STOP_GRADIENT]), "24.08");
    ck_assert_str_eq(decimals(3, x2sinx_local_minimum(5.0)), "5.087");
    ck_assert_int_eq(plateau.report.step[STOP_STEP_LENGTH], 1500);
    ck_assert_double_gt(plateau.report.distance[STOP_STEP_LENGTH], 5.0);
}
END_TEST

/* The rest of the table of stopping rules.  Crawl: mu = 1e-3 lets all
 * three fire about 1 away (the gradient bound eps / mu = 1 says so); with
 * mu = 1 (remove the cause) the loss-change rule fires within 1e-3.
 * Units: the same bowl with f a million times smaller stops at step 0, the
 * plain one at step 10, 0.00098 from the minimum. */
START_TEST(each_stopping_rule_lies_somewhere)
{
    struct stop_case crawl = stop_example(CRAWL);
    struct stop_case small = stop_example(UNITS_SMALL), plain = stop_example(UNITS_PLAIN);
    ck_assert_int_eq(crawl.report.step[STOP_GRADIENT], 1);
    ck_assert_int_eq(crawl.report.step[STOP_LOSS_CHANGE], 2);
    ck_assert_double_gt(crawl.report.distance[STOP_LOSS_CHANGE], 0.99);
    ck_assert_double_le(crawl.report.distance[STOP_GRADIENT], distance_bound(1e-3, 0.001));
    ck_assert_double_eq_tol(gap_bound(1e-3, 0.001), 1e-3 * 1e-3 / (2 * 0.001), 1e-18);
    ck_assert_double_eq(chapter_thresholds.gradient, 1e-3);
    ck_assert_double_eq(chapter_thresholds.loss_change, 1e-6);
    ck_assert_double_eq(chapter_thresholds.step_length, 1e-6);
    ck_assert_int_eq(crawl.report.step[STOP_STEP_LENGTH], 6906);
    {   /* the step-length rule held out only because eps_x = 1e-6 is small:
         * with 1e-3 it fires at step 2, about 1 from the minimum too */
        static const double crawl_curvature[2] = {0.001, 1.0};
        const struct function f = quadratic(crawl_curvature, 2);
        const struct stop_thresholds loose = {1e-3, 1e-6, 1e-3};
        const double x0[2] = {1.0, 1.0}, zero[2] = {0, 0};
        struct stop_report r = first_stops(&f, x0, 1.0, &loose, zero, 0, 100000);
        double x[2] = {1.0, 1.0}, before;
        ck_assert_int_eq(r.step[STOP_STEP_LENGTH], 2);
        ck_assert_double_gt(r.distance[STOP_STEP_LENGTH], 0.99);
        /* "each step lowers f by about two thousandths of what is left":
         * after the first step (x2 solved) f is multiplied by (1 - 0.001)^2,
         * a drop of 0.002 - 0.001^2; "about" is that 1e-6 */
        gradient_descent(&f, x, 1.0, 0.0, 1, NULL, 0);
        before = f.value(&f, x);
        gradient_descent(&f, x, 1.0, 0.0, 1, NULL, 0);
        ck_assert_double_eq_tol(1 - f.value(&f, x) / before, 2.0 / 1000, 1.0001e-6);
    }
    {   /* the crawl with its smallest curvature made 1, the text's run: the
         * same start (1, 1) and the same eta = 1 */
        static const double round[2] = {1.0, 1.0};
        const struct function f = quadratic(round, 2);
        const double x0[2] = {1.0, 1.0}, zero[2] = {0, 0};
        struct stop_report r = first_stops(&f, x0, 1.0, &chapter_thresholds, zero, 0, 1000);
        ck_assert_double_lt(r.distance[STOP_LOSS_CHANGE], 1e-3);
    }
    ck_assert_int_eq(small.report.step[STOP_GRADIENT], 0);
    ck_assert_double_eq(small.report.distance[STOP_GRADIENT], 1.0);
    ck_assert_int_eq(plain.report.step[STOP_GRADIENT], 10);
    ck_assert_double_eq(plain.report.distance[STOP_GRADIENT], 1.0 / 1024);
    ck_assert_str_eq(decimals(5, plain.report.distance[STOP_GRADIENT]), "0.00098");
}
END_TEST

/* Exercise 6's answer: "(3.1) squares the norm and halves, (3.2) does not":
 * the gap bound over the squared norm (over mu) is one half, at any norm
 * and mu; the distance bound is the norm over mu, not squared. */
START_TEST(gap_bound_squares_the_norm_and_halves)
{
    static const double norms[3] = {1e-3, 0.5, 3.0}, mus[2] = {0.01, 4.0};
    for (int i = 0; i < 3; i++)
        for (int j = 0; j < 2; j++) {
            ck_assert_double_eq_tol(gap_bound(norms[i], mus[j]) / (norms[i] * norms[i] / mus[j]),
                                    1.0 / 2, 1e-15);
            ck_assert_double_eq_tol(distance_bound(norms[i], mus[j]) * mus[j] / norms[i], 1, 1e-15);
        }
}
END_TEST

/* ------------------------------------------------------- step rules race */

/* The valley from (1, 1) to ||g|| < 1e-6: 86 fixed steps, 13 exact, 58
 * Armijo steps costing 196 evaluations of f. */
START_TEST(valley_step_rules_compared)
{
    double x[2];
    struct descent_run fixed = valley_run(LINE_SEARCH_NONE, x, NULL);
    struct descent_run exact = valley_run(LINE_SEARCH_EXACT, x, NULL);
    struct descent_run armijo = valley_run(LINE_SEARCH_ARMIJO, x, NULL);
    ck_assert_int_eq(fixed.steps, 86);
    ck_assert_int_eq(exact.steps, 13);
    ck_assert_int_eq(armijo.steps, 58);
    ck_assert_int_eq(armijo.evaluations, 196);
    ck_assert(fixed.converged && exact.converged && armijo.converged);
    ck_assert_double_eq(armijo.max_alpha, 0.5);
    ck_assert_double_eq(armijo.min_alpha, 0.125);
}
END_TEST

/* Rosenbrock: its Hessian at (1, 1) is [[802, -400], [-400, 200]], with
 * eigenvalues 501 -+ sqrt(250601 - 400 + 160000 - ...) : L = 1001.600639,
 * mu = 0.399361, kappa ~ 2508 and 2/L = 0.0019968.  A fixed step of 0.001995
 * (below 2/L) converges in 12253 steps; 0.002 (above it) never does; the
 * cause is 2/L: the two runs differ only in that. */
START_TEST(rosenbrock_fixed_step_against_armijo)
{
    double x[2], error, h11, h12, h22, low, high;
    const double one[2] = {1.0, 1.0};
    struct descent_run run;
    rosenbrock_hessian(one, &h11, &h12, &h22);
    ck_assert_double_eq(h11, 802.0);
    ck_assert_double_eq(h12, -400.0);
    ck_assert_double_eq(h22, 200.0);
    symmetric_2x2_eigenvalues(h11, h12, h22, &low, &high);
    ck_assert_double_eq_tol(low * high, 802.0 * 200 - 400.0 * 400, 1e-9);  /* det = 400 */
    ck_assert_double_eq_tol(low + high, 1002.0, 1e-12);
    ck_assert_str_eq(decimals(7, 2.0 / high), "0.0019968");
    ck_assert_str_eq(decimals(0, high / low), "2508");
    ck_assert_double_lt(0.001995, 2.0 / high);
    ck_assert_double_gt(0.002, 2.0 / high);
    run = rosenbrock_run(LINE_SEARCH_NONE, 0.001995, x, &error, NULL, 0);
    ck_assert(run.converged);
    ck_assert_int_eq(run.steps, 12253);
    run = rosenbrock_run(LINE_SEARCH_NONE, 0.002, x, &error, NULL, 0);
    ck_assert(!run.converged && !run.diverged);
    ck_assert_str_eq(decimals(4, error), "0.0027");
    run = rosenbrock_run(LINE_SEARCH_NONE, 0.001, x, &error, NULL, 0);
    ck_assert_int_eq(run.steps, 32689);
    run = rosenbrock_run(LINE_SEARCH_ARMIJO, 1.0, x, &error, NULL, 0);
    ck_assert(run.converged);
    ck_assert_double_lt(hypot(x[0] - one[0], x[1] - one[1]), 1e-3);     /* at (1, 1) */
    ck_assert_int_eq(run.steps, 17680);
    ck_assert_int_eq(run.evaluations, 178737);
    ck_assert_str_eq(decimals(1, (double)(run.evaluations - 1) / (double)run.steps), "10.1");
    ck_assert_double_eq(run.max_alpha, 0.25);
    ck_assert_double_eq(run.min_alpha, 1.0 / 2048);
    /* "every search starts again from 1 and halves its way down": the
     * accepted steps are 1 times powers of one half (with rho = 0.3 they
     * would be 0.09, 0.027, ...) */
    ck_assert_double_eq(run.max_alpha, 1.0 * pow(1.0 / 2, 2));
    ck_assert_double_eq(run.min_alpha, 1.0 * pow(1.0 / 2, 11));
    ck_assert_double_lt(error, 2.5e-6);
    /* the evaluations come from starting every search at 1 and halving
     * down to about 1/512: started at 2^-8 = 1/256 instead, a search needs
     * fewer than 2.5 evaluations per step (written as a power of two, so
     * that the text's 1/512 changed by hand to 1/256 finds no 1/256 here) */
    run = rosenbrock_run(LINE_SEARCH_ARMIJO, ldexp(1, -8), x, &error, NULL, 0);
    ck_assert(run.converged);
    ck_assert_double_lt((double)(run.evaluations - 1) / (double)run.steps, 2.5);
}
END_TEST

/* ------------------------------------------------------------- convexity */

/* x^2 sin x is not convex: f''(3) = -7 sin 3 + 12 cos 3 < 0, and the local
 * minimum x* = 5.087 (f = -24.08) is not the lowest point: f(-5 pi/2) =
 * -25 pi^2 / 4. */
START_TEST(x2sinx_is_not_convex)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    const double pi = acos(-1.0);
    double x_star = x2sinx_local_minimum(5.0), down = -5 * pi / 2;
    ck_assert_double_eq_tol(x2sinx_second_derivative(3.0), -7.0 * sin(3.0) + 12.0 * cos(3.0),
                            1e-13);
    ck_assert_str_eq(decimals(2, x2sinx_second_derivative(3.0)), "-12.87");
    ck_assert_double_gt(x2sinx_second_derivative(x_star), 0);
    /* f''(0) = 0: the plateau */
    ck_assert_double_eq(x2sinx_second_derivative(0), 0);
    /* at x = pi, where sin x vanishes (to 1.2e-16 in double), f'' is its
     * x cos x term alone, 4 pi cos pi: the coefficient of that term */
    ck_assert_double_eq_tol(x2sinx_second_derivative(pi) / -pi, 4, 1e-12);
    ck_assert_double_eq_tol(f.value(&f, &down), -25.0 * pi * pi / 4, 1e-12);
    ck_assert(close_to(f.value(&f, &down), -25 * pi * pi / 4, 1e-12) && close_to(f.value(&f, &down), -61.69, 0.005));
    {
        const double x = 2.5;
        ck_assert_double_eq_tol(x2sinx_second_derivative(x), (2 - x * x) * sin(x) + 4 * x * cos(x), 1e-13);
    }
    ck_assert_str_eq(decimals(2, f.value(&f, &down)), "-61.69");
    ck_assert_str_eq(decimals(3, x_star), "5.087");
    ck_assert_str_eq(decimals(2, f.value(&f, &x_star)), "-24.08");
    ck_assert_double_lt(f.value(&f, &down), f.value(&f, &x_star));
}
END_TEST

/* Rosenbrock is not convex either: at (0, 1) f_11 = -398; at (1, 1) its
 * Hessian is positive definite (determinant 400). */
START_TEST(convexity_checks)
{
    const double floor_point[2] = {0, 1.0};
    double h11, h12, h22;
    {
        /* at the minimum (1, 1): f = 0 and the Hessian the text writes */
        const struct function f = function_from_spec("--function", "rosenbrock");
        const double minimum[2] = {1, 1};
        double m11, m12, m22;
        rosenbrock_hessian(minimum, &m11, &m12, &m22);
        ck_assert_double_eq(f.value(&f, minimum), 0);
        ck_assert_double_eq(m12, -400);
        ck_assert_double_eq(m22, 200);
        ck_assert(m11 == 802 && m11 > 0);
        ck_assert(m11 * m22 - m12 * m12 == 802.0 * 200 - 400 * 400 && m11 * m22 - m12 * m12 == 400 &&
                  m11 * m22 - m12 * m12 > 0);
    }
    rosenbrock_hessian(floor_point, &h11, &h12, &h22);
    ck_assert_double_eq(h11, -398.0);
    /* f_11 = 2 - 400 (x2 - 3 x1^2), at (0, 1) */
    ck_assert_double_eq(h11, 2 - 400 * (floor_point[1] - 3 * floor_point[0] * floor_point[0]));
}
END_TEST

/* solutions/03-when-to-stop.md.  Exercise 1: on 1/2 (x1^2 + 4 x2^2) from
 * (1, 1), g = (1, 4), g'g = 17, g'Hg = 65, alpha = 17/65, x = (48/65,
 * -3/65), f = 18/65 from 5/2: a factor 36/325 < (3/5)^2 = 9/25; the new
 * gradient (48/65, -12/65) is orthogonal to (1, 4).  Exercise 4: on x^4,
 * 4 |x|^3 < 1e-3 for |x| < (1/4000)^(1/3) = 0.0630, where x^4 = 1.57e-5;
 * f'' = 12 x^2 is 0 at the minimum, so no mu > 0 exists.  On x^2, mu = 2:
 * |x| <= 1e-3 / 2 = 5e-4 and f <= 1e-6 / 4 = 2.5e-7. */
START_TEST(exercise_answers)
{
    static const double curvature[2] = {1.0, 4.0};
    const struct function f = quadratic(curvature, 2);
    double x[2] = {1.0, 1.0}, g[2], hg[2], g_next[2], alpha;
    f.gradient(&f, g, x);
    quadratic_hessian_times(&f, hg, g);
    ck_assert_double_eq(dot(g, g), 17.0);
    ck_assert_double_eq(dot(g, hg), 65.0);
    ck_assert_double_eq(hg[1], 16);                        /* Ag = (1, 16) */
    ck_assert(g[0] == 1 && g[1] == 4);
    ck_assert(hg[0] == 1 && hg[1] == 16);
    alpha = exact_step(g, hg, 2);
    ck_assert_double_eq_tol(alpha, 17.0 / 65, 1e-15);
    gd_step(x, g, 2, alpha);
    ck_assert_double_eq_tol(x[0], 48.0 / 65, 1e-15);
    ck_assert_double_eq_tol(x[1], -3.0 / 65, 1e-15);
    ck_assert_double_eq_tol(f.value(&f, x), 18.0 / 65, 1e-15);
    ck_assert(dot(g, hg) == 1 + 4 * 16 && dot(g, hg) == 65);
    ck_assert_double_eq_tol(x[0], 1 - 17.0 / 65, 1e-15);
    ck_assert_double_eq_tol(x[1], 1 - 4 * 17.0 / 65, 1e-15);
    ck_assert_double_eq_tol(f.value(&f, x),
                            1.0 / 2 * ((48.0 / 65) * (48.0 / 65) + 4 * (3.0 / 65) * (3.0 / 65)),
                            1e-15);
    ck_assert_double_eq_tol(f.value(&f, x), 1.0 / 2 * (2304 + 36) / 4225, 1e-15);
    ck_assert_str_eq(decimals(2, 36.0 / 325), "0.11");
    ck_assert_double_eq_tol(kantorovich_rate(4.0), (3.0 / 5) * (3.0 / 5), 1e-15);
    ck_assert_double_eq_tol(f.value(&f, x) / (5.0 / 2), 36.0 / 325, 1e-15);
    ck_assert_double_lt(36.0 / 325, kantorovich_rate(4.0));
    ck_assert_double_eq_tol(kantorovich_rate(4.0), 9.0 / 25, 1e-15);
    f.gradient(&f, g_next, x);
    ck_assert_double_eq_tol(g_next[1], -12.0 / 65, 1e-15);
    ck_assert_double_eq_tol(dot(g, g_next), 0, 1e-15);
    /* the answer's lines, each one assertion */
    ck_assert(close_to(x[0], 1 - 17.0 / 65, 1e-15) && close_to(x[1], 1 - 4 * 17.0 / 65, 1e-15) &&
              close_to(x[0], 48.0 / 65, 1e-15) && close_to(x[1], -3.0 / 65, 1e-15));
    ck_assert(close_to(f.value(&f, x), 1.0 / 2 * ((48.0 / 65) * (48.0 / 65) + 4 * (3.0 / 65) * (3.0 / 65)), 1e-15) &&
              close_to(f.value(&f, x), 1.0 / 2 * (2304 + 36) / 4225, 1e-15) &&
              close_to(f.value(&f, x), 18.0 / 65, 1e-15));
    ck_assert(g[0] == 1 && g[1] == 4 && close_to(g_next[0], 48.0 / 65, 1e-15) &&
              close_to(g_next[1], -12.0 / 65, 1e-15) && close_to(dot(g, g_next), 48.0 / 65 - 48.0 / 65, 1e-15) &&
              close_to(dot(g, g_next), 0, 1e-15));
    {   /* the worst start (4, 1): one exact step attains the bound (3.4) */
        double w[2] = {4, 1}, gw[2], hgw[2], f0 = f.value(&f, w);
        f.gradient(&f, gw, w);
        quadratic_hessian_times(&f, hgw, gw);
        gd_step(w, gw, 2, exact_step(gw, hgw, 2));
        ck_assert_double_eq_tol(f.value(&f, w) / f0, kantorovich_rate(4.0), 1e-15);
    }
}
END_TEST

/* Exercise 4: on x^4 the rule 4|x|^3 < 1e-3 fires at |x| < 0.0630, where
 * f < 0.0000157; the bounds (3.1), (3.2) with mu = 2 would claim 5e-4 and
 * 2.5e-7; f'' = 12 x^2 is 0 at the minimum. */
START_TEST(exercise_4_answer)
{
    double edge = cbrt(1.0 / 4000);
    ck_assert_double_eq_tol(4.0 * edge * edge * edge, 1e-3, 1e-18);
    ck_assert_str_eq(decimals(4, edge), "0.0630");
    ck_assert_str_eq(decimals(7, pow(edge, 4)), "0.0000157");
    ck_assert_double_eq(distance_bound(1e-3, 2.0), 5e-4);
    ck_assert_double_eq(gap_bound(1e-3, 2.0), 2.5e-7);
    {
        const double mu = 2.0;
        ck_assert(distance_bound(1e-3, mu) == 1e-3 / 2 && distance_bound(1e-3, mu) == 5e-4);
    }
    /* f'' of x^4 is 12 x^2: a central second difference at x = 1 (error
     * h^2 f4/12 = 2e-6, f4 = 24, for h = 1e-3, rounding ~1e-16/h^2 = 1e-10) */
    {
        const double h = 1e-3;
        double second = (pow(1 + h, 4) - 2 * pow(1, 4) + pow(1 - h, 4)) / (h * h);
        ck_assert_double_eq_tol(second, 12 * 1.0 * 1.0, 1e-5);
        /* ... and at the minimum x = 0, f'' = 12 x^2 is 0 (the difference is 2 h^2) */
        ck_assert_double_eq_tol((pow(h, 4) + pow(-h, 4)) / (h * h), 0, 1e-5);
    }
}
END_TEST

/* ------------------------------------------------------------ the lab */

/* A small data set: y = 2 x + 1 on x = 1, 2, 4 (with y off the line at
 * the last sample, so the fit is not exact). */
static void small_data(struct dataset *data)
{
    static const double x[3] = {1.0, 2.0, 4.0}, y[3] = {3.0, 5.0, 8.0};
    dataset_init(data, 3, 1);
    for (size_t i = 0; i < 3; i++)
        data->x[i] = x[i], data->y[i] = y[i];
}

/* g'Hg of the mean squared error, from (2/n) sum (g . x~_i)^2, against a
 * difference of gradients: the loss is quadratic, so grad L(theta + g) -
 * grad L(theta) = H g exactly but for rounding (terms ~100, so 1e-12). */
START_TEST(lab_mse_curvature_is_g_h_g)
{
    struct dataset data;
    small_data(&data);
    for (int bias = 0; bias <= 1; bias++) {
        const struct regression model = {&data, bias == 1};
        const size_t dim = regression_dim(&model);
        double theta[2] = {0.3, -0.2}, moved[2], g[2], g_moved[2], hg = 0;
        mse_grad(&model, g, theta, NULL, 0);
        for (size_t j = 0; j < dim; j++)
            moved[j] = theta[j] + g[j];
        mse_grad(&model, g_moved, moved, NULL, 0);
        for (size_t j = 0; j < dim; j++)
            hg += g[j] * (g_moved[j] - g[j]);
        ck_assert_double_eq_tol(mse_curvature_along(&model, g), hg, 1e-12 * fabs(hg));
    }
    dataset_free(&data);
}
END_TEST

/* The lab's exact step on data is the minimiser along -g: the loss is
 * lower there than 0.1% to either side, and the new gradient (of the whole
 * data set) is orthogonal to g. */
START_TEST(lab_exact_step_on_data_minimises_along_the_line)
{
    struct dataset data;
    struct lab_line_search o = lab_line_search_defaults();
    double theta[2] = {0, 0}, g[2], g_next[2], scratch[2], alpha, at, left[2], right[2];
    small_data(&data);
    {
        const struct regression model = {&data, true};
        const struct batch_loss all = {&model, NULL, 0};
        o.search = LINE_SEARCH_EXACT;
        mse_grad(&model, g, theta, NULL, 0);
        alpha = lab_line_search_update(&o, 0.1, theta, g, 2, mse_curvature_along(&model, g),
                                       batch_loss, &all, batch_loss(&all, theta), scratch);
        at = batch_loss(&all, theta);
        for (int j = 0; j < 2; j++) {
            left[j] = theta[j] + 0.001 * alpha * g[j];
            right[j] = theta[j] - 0.001 * alpha * g[j];
        }
        ck_assert_double_gt(batch_loss(&all, left), at);
        ck_assert_double_gt(batch_loss(&all, right), at);
        mse_grad(&model, g_next, theta, NULL, 0);
        /* g_next sums residuals times x up to 4, terms up to ~16 |g|, that
         * cancel to a much shorter vector: rounding ~1e-16 * 16 * (the
         * cancellation, ~10) ~ 2e-14 relative; 1e-12 bounds it */
        ck_assert_double_lt(fabs(dot(g, g_next)) / (vec_norm(g, 2) * vec_norm(g_next, 2)),
                            1e-12);
    }
    dataset_free(&data);
}
END_TEST

/* The lab's run loop with --line-search armijo --lr 1 --tol 1e-6 on
 * Rosenbrock takes the chapter's run step for step: it stops at 17680
 * (the chapter's count, asserted above) at the same point, bit for bit. */
START_TEST(lab_run_with_armijo_is_the_chapters_run)
{
    const struct function f = function_from_spec("--function", "rosenbrock");
    const struct objective objective = {&f, NULL, false, NULL, false};
    struct schedule schedule = {200000, 1000, 0, false, 0};
    struct lab_line_search search = lab_line_search_defaults();
    struct optimizer opt;
    struct hyper h = sgd_kind.defaults;
    struct run_result result;
    double theta[2] = {-1.5, 2.0}, x[2], error;
    search.search = LINE_SEARCH_ARMIJO;
    search.tol = 1e-6;
    h.lr = 1.0;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    result = lab_run_searched(NULL, theta, &opt, &objective, &schedule, &search);
    optimizer_free(&opt);
    rosenbrock_run(LINE_SEARCH_ARMIJO, 1.0, x, &error, NULL, 0);
    ck_assert(result.converged && !result.stalled && !result.diverged);
    ck_assert_int_eq(result.steps, 17680);
    ck_assert_double_lt(result.grad_norm, 1e-6);
    ck_assert_double_eq(theta[0], x[0]);
    ck_assert_double_eq(theta[1], x[1]);
}
END_TEST

/* At the minimum no step lowers f: Armijo gives up, and the lab stops
 * after row 0 instead of looping. */
START_TEST(lab_run_stops_when_armijo_finds_no_step)
{
    static const double curvature[2] = {1.0, 10.0};
    const struct function f = quadratic(curvature, 2);
    const struct objective objective = {&f, NULL, false, NULL, false};
    struct schedule schedule = {100, 1, 0, false, 0};
    struct lab_line_search search = lab_line_search_defaults();
    struct optimizer opt;
    struct run_result result;
    double theta[2] = {0, 0};
    search.search = LINE_SEARCH_ARMIJO;
    optimizer_init(&opt, &sgd_kind, &sgd_kind.defaults, 2);
    result = lab_run_searched(NULL, theta, &opt, &objective, &schedule, &search);
    optimizer_free(&opt);
    ck_assert(result.stalled);
    ck_assert_int_eq(result.steps, 0);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("03-when-to-stop");
    TCase *exact = tcase_create("ch03 exact line search");
    TCase *armijo = tcase_create("ch03 Armijo backtracking");
    TCase *stopping = tcase_create("ch03 stopping rules");
    TCase *convexity = tcase_create("ch03 conditioning and convexity");
    TCase *lab = tcase_create("ch03 the lab's line search and --tol");
    tcase_add_test(exact, kappa_10_by_hand);
    tcase_add_test(exact, exact_step_minimises_along_the_line);
    tcase_add_test(exact, consecutive_gradients_are_orthogonal);
    tcase_add_test(exact, kantorovich_rate_is_exact_from_the_worst_start_and_a_bound_elsewhere);
    tcase_add_test(exact, steps_grow_with_kappa_and_rescaling_removes_them);
    tcase_add_test(armijo, armijo_halvings_by_hand);
    tcase_add_test(armijo, armijo_halvings_with_c_one_half);
    tcase_add_test(armijo, armijo_accepts_every_step_below_two_one_minus_c_over_l);
    tcase_add_test(armijo, armijo_gives_up_when_no_step_helps);
    tcase_add_test(armijo, every_accepted_armijo_step_satisfies_its_condition);
    tcase_add_test(armijo, valley_step_rules_compared);
    tcase_add_test(armijo, rosenbrock_fixed_step_against_armijo);
    tcase_add_test(stopping, gradient_rule_guarantees_hold_with_mu_and_fail_with_l);
    tcase_add_test(stopping, gradient_rule_bound_is_tight_in_the_flat_direction);
    tcase_add_test(stopping, plateau_fools_the_gradient_rule);
    tcase_add_test(stopping, each_stopping_rule_lies_somewhere);
    tcase_add_test(stopping, gap_bound_squares_the_norm_and_halves);
    tcase_add_test(convexity, x2sinx_is_not_convex);
    tcase_add_test(convexity, convexity_checks);
    tcase_add_test(convexity, exercise_answers);
    tcase_add_test(convexity, exercise_4_answer);
    tcase_add_test(lab, lab_mse_curvature_is_g_h_g);
    tcase_add_test(lab, lab_exact_step_on_data_minimises_along_the_line);
    tcase_add_test(lab, lab_run_with_armijo_is_the_chapters_run);
    tcase_add_test(lab, lab_run_stops_when_armijo_finds_no_step);
    tcase_set_timeout(armijo, 30);
    tcase_set_timeout(lab, 30);
    suite_add_tcase(suite, exact);
    suite_add_tcase(suite, armijo);
    suite_add_tcase(suite, stopping);
    suite_add_tcase(suite, convexity);
    suite_add_tcase(suite, lab);
    return suite;
}
