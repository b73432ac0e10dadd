/* main.c: chapter 3's program, build/ch03.
 *
 *   ch03            the chapter's tables: where each stopping rule fires,
 *                   what the gradient rule guarantees, exact line search on
 *                   the kappa = 10 valley, the rate (3.4) against kappa,
 *                   fixed step, exact and Armijo steps compared, and
 *                   Rosenbrock's curvature
 *   ch03 --values   the numbers the chapter's prose quotes, "name value"
 *   ch03 --csv DIR  also write the figures' data into DIR
 * The computations live in the chapter's modules (examples.c, stopping.c,
 * line_search.c, conditioning.c); this file prints them.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "02-learning-rate/learning_rate.h"
#include "03-when-to-stop/conditioning.h"
#include "03-when-to-stop/examples.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double kappas[] = {1.0, 10.0, 100.0, 1000.0};
static const double guarantee_eps[] = {1e-2, 1e-4, 1e-6, 1e-8};
static const double rosenbrock_lr[] = {0.001, 0.001995, 0.002};

static void stopping_tables(void)
{
    static const double curvature[2] = {1.0, 10.0};
    const struct function f = quadratic(curvature, 2);
    printf("Where each rule first fires (eps = 1e-3 on ||grad f||, 1e-6 on |f change| "
           "and on ||step||)\n");
    printf("%-32s  %-11s  %6s  %10s  %10s\n", "run", "rule", "step", "||x - x*||", "f - f*");
    for (int e = 0; e < STOP_EXAMPLES; e++) {
        struct stop_case c = stop_example((enum stop_example)e);
        for (int r = 0; r < STOP_RULES; r++)
            printf("%-32s  %-11s  %6ld  %10.4g  %10.4g\n", r == 0 ? c.what : "",
                   stop_rule_name((enum stop_rule)r), c.report.step[r], c.report.distance[r],
                   c.report.gap[r]);
    }
    printf("\nWhat ||grad f|| < eps guarantees, (3.1) and (3.2), on 1/2 (x1^2 + 10 x2^2) "
           "(mu = 1),\neta = 0.15 from (1, 1):\n");
    printf("%6s  %5s  %10s  %10s  %12s  %10s  %10s\n", "eps", "steps", "||grad f||",
           "f - f*", "||g||^2/2mu", "||x - x*||", "||g||/mu");
    for (size_t i = 0; i < sizeof guarantee_eps / sizeof guarantee_eps[0]; i++) {
        double x[2] = {1.0, 1.0};
        struct descent_settings s = {LINE_SEARCH_NONE, 0.15, 0, 0, guarantee_eps[i], 100000, 0};
        struct descent_run run = line_search_descent(&f, x, &s, NULL);
        printf("%6g  %5ld  %10.4e  %10.4e  %12.4e  %10.4e  %10.4e\n", guarantee_eps[i],
               run.steps, run.grad_norm, run.loss, gap_bound(run.grad_norm, 1.0),
               vec_norm(x, 2), distance_bound(run.grad_norm, 1.0));
    }
}

static void exact_tables(void)
{
    double x[4][2], loss[4], grad[4][2], alpha[3];
    kappa_10_steps(x, loss, grad, alpha);
    printf("\nExact line search on 1/2 (x1^2 + 10 x2^2) from the worst start (10, 1):\n");
    printf("%2s  %20s  %20s  %20s  %20s  %12s\n", "k", "x1", "x2", "f", "alpha",
           "g(k).g(k+1)");
    for (int k = 0; k <= 3; k++) {
        printf("%2d  %20.17g  %20.17g  %20.17g", k, x[k][0], x[k][1], loss[k]);
        if (k < 3)
            printf("  %20.17g  %12.4g\n", alpha[k],
                   grad[k][0] * grad[k + 1][0] + grad[k][1] * grad[k + 1][1]);
        else
            putchar('\n');
    }
    printf("f(k+1)/f(k) = %.17g, ((kappa - 1)/(kappa + 1))^2 = %.17g\n", loss[1] / loss[0],
           kantorovich_rate(10.0));
    printf("\nExact line search from (kappa, 1) until f <= 1e-10 f(x0):\n");
    printf("%6s  %10s  %9s  %8s  %16s\n", "kappa", "rate (3.4)", "predicted", "measured",
           "x2 rescaled");
    for (size_t i = 0; i < sizeof kappas / sizeof kappas[0]; i++)
        printf("%6g  %10.6f  %9ld  %8ld  %16ld\n", kappas[i], kantorovich_rate(kappas[i]),
               steps_to_reduce(kappas[i], 1e-10),
               measured_steps_to_reduce(kappas[i], 1e-10, 100000),
               measured_steps_to_reduce(1.0, 1e-10, 100000));
}

static void step_rule_tables(void)
{
    static const char *const names[3] = {"fixed eta = 0.15", "exact (3.3)",
                                         "Armijo from 1"};
    printf("\n1/2 (x1^2 + 10 x2^2) from (1, 1) until ||grad f|| < 1e-6:\n");
    printf("%-18s  %5s  %11s  %9s  %s\n", "step rule", "steps", "evals of f", "gradients",
           "alpha from .. to");
    for (int i = 0; i < 3; i++) {
        double x[2];
        struct descent_run run = valley_run((enum line_search)i, x, NULL);
        printf("%-18s  %5ld  %11ld  %9ld  %.6g .. %.6g\n", names[i], run.steps,
               run.evaluations, run.gradients, run.min_alpha, run.max_alpha);
    }
    printf("\nRosenbrock from (-1.5, 2) until ||grad f|| < 1e-6 (at most 200000 steps):\n");
    printf("%-20s  %6s  %11s  %9s  %12s\n", "step rule", "steps", "evals of f", "gradients",
           "||x - (1,1)||");
    for (int i = 0; i <= 3; i++) {
        double x[2], error;
        const bool armijo = i == 3;
        struct descent_run run = rosenbrock_run(armijo ? LINE_SEARCH_ARMIJO : LINE_SEARCH_NONE,
                                                armijo ? 1.0 : rosenbrock_lr[i], x, &error,
                                                NULL, 0);
        char name[32];
        if (armijo)
            snprintf(name, sizeof name, "Armijo from 1");
        else
            snprintf(name, sizeof name, "fixed eta = %g", rosenbrock_lr[i]);
        printf("%-20s  %6ld  %11ld  %9ld  %12.3e%s\n", name, run.steps, run.evaluations,
               run.gradients, error, run.converged ? "" : "  (not converged)");
    }
}

static void curvature_lines(void)
{
    const double one[2] = {1.0, 1.0}, valley_floor[2] = {0.0, 1.0};
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0), down = -2.5 * acos(-1.0);
    double h11, h12, h22, low, high;
    rosenbrock_hessian(one, &h11, &h12, &h22);
    symmetric_2x2_eigenvalues(h11, h12, h22, &low, &high);
    printf("\nRosenbrock's Hessian at (1, 1): [[%g, %g], [%g, %g]], eigenvalues %.6f "
           "and %.6f\n", h11, h12, h12, h22, low, high);
    printf("  kappa = %.1f, 2/L = %.7f\n", high / low, 2.0 / high);
    rosenbrock_hessian(valley_floor, &h11, &h12, &h22);
    printf("  at (0, 1) its first entry is %g: not convex\n", h11);
    printf("x^2 sin x: f''(3) = %.4f, f''(x*) = %.4f at x* = %.4f,\n"
           "  f(-5 pi/2) = %.4f below f(x*) = %.4f\n", x2sinx_second_derivative(3.0),
           x2sinx_second_derivative(x_star), x_star, f.value(&f, &down), f.value(&f, &x_star));
}

/* ANCHOR: values */
/* The numbers the prose quotes, "name value" as the prose shows them. */
static void print_values(void)
{
    double x[2], error, h11, h12, h22, low, high;
    const double one[2] = {1.0, 1.0};
    struct descent_run run;
    struct stop_case plateau = stop_example(PLATEAU), crawl = stop_example(CRAWL);
    struct stop_case small = stop_example(UNITS_SMALL), plain = stop_example(UNITS_PLAIN);

    printf("plateau_distance %.3f\n", plateau.report.distance[STOP_GRADIENT]);
    printf("plateau_gap %.2f\n", plateau.report.gap[STOP_GRADIENT]);
    printf("plateau_step_length_step %ld\n", plateau.report.step[STOP_STEP_LENGTH]);
    printf("crawl_gradient_step %ld\n", crawl.report.step[STOP_GRADIENT]);
    printf("crawl_loss_change_step %ld\n", crawl.report.step[STOP_LOSS_CHANGE]);
    printf("crawl_loss_change_distance %.3f\n", crawl.report.distance[STOP_LOSS_CHANGE]);
    printf("crawl_step_length_step %ld\n", crawl.report.step[STOP_STEP_LENGTH]);
    printf("units_small_gradient_step %ld\n", small.report.step[STOP_GRADIENT]);
    printf("units_plain_gradient_step %ld\n", plain.report.step[STOP_GRADIENT]);
    printf("units_plain_distance %.2g\n", plain.report.distance[STOP_GRADIENT]);
    printf("kantorovich_rate %.4f\n", kantorovich_rate(10.0));
    for (size_t i = 1; i < sizeof kappas / sizeof kappas[0]; i++)
        printf("steps_kappa_%g %ld\n", kappas[i],
               measured_steps_to_reduce(kappas[i], 1e-10, 100000));
    for (int i = 0; i < 3; i++) {
        static const char *const names[3] = {"fixed", "exact", "armijo"};
        run = valley_run((enum line_search)i, x, NULL);
        printf("valley_%s_steps %ld\n", names[i], run.steps);
        printf("valley_%s_evaluations %ld\n", names[i], run.evaluations);
    }
    for (int i = 0; i <= 3; i++) {
        static const char *const names[4] = {"fixed", "tuned", "bouncing", "armijo"};
        run = rosenbrock_run(i == 3 ? LINE_SEARCH_ARMIJO : LINE_SEARCH_NONE,
                             i == 3 ? 1.0 : rosenbrock_lr[i], x, &error, NULL, 0);
        printf("rosenbrock_%s_steps %ld\n", names[i], run.steps);
        printf("rosenbrock_%s_evaluations %ld\n", names[i], run.evaluations);
        printf("rosenbrock_%s_error %.1e\n", names[i], error);
        if (i == 3)
            printf("rosenbrock_armijo_per_step %.1f\nrosenbrock_armijo_alpha_min %.4g\n"
                   "rosenbrock_armijo_alpha_max %g\n",
                   (double)(run.evaluations - 1) / (double)run.steps, run.min_alpha,
                   run.max_alpha);
    }
    rosenbrock_hessian(one, &h11, &h12, &h22);
    symmetric_2x2_eigenvalues(h11, h12, h22, &low, &high);
    printf("rosenbrock_kappa %.0f\nrosenbrock_two_over_l %.7f\n", high / low, 2.0 / high);
    printf("x2sinx_curvature_at_3 %.2f\n", x2sinx_second_derivative(3.0));
}
/* ANCHOR_END: values */

static void write_figure_data(const char *dir)
{
    static const double kappa[2] = {3.0, 10.0};
    static const char *const valley_names[3] = {"valley_fixed.csv", "valley_exact.csv",
                                                "valley_armijo.csv"};
    double x[2], error;
    for (int i = 0; i < 2; i++) {
        const double curvature[2] = {1.0, kappa[i]};
        const struct function f = quadratic(curvature, 2);
        struct descent_settings s = {LINE_SEARCH_EXACT, 0.0, 0.0, 0.0, 0.0, 8, 1};
        char name[64];
        FILE *file;
        snprintf(name, sizeof name, "zigzag_kappa_%g.csv", kappa[i]);
        file = csv_create(dir, name);
        x[0] = kappa[i];
        x[1] = 1.0;
        line_search_descent(&f, x, &s, file);
        csv_close(file, name);
    }
    for (int i = 0; i < 3; i++) {
        FILE *file = csv_create(dir, valley_names[i]);
        valley_run((enum line_search)i, x, file);
        csv_close(file, valley_names[i]);
    }
    {
        const double one[2] = {1.0, 1.0};
        double h11, h12, h22, low, high;
        FILE *file = csv_create(dir, "rosenbrock.gp");     /* for the script: 2/L */
        rosenbrock_hessian(one, &h11, &h12, &h22);
        symmetric_2x2_eigenvalues(h11, h12, h22, &low, &high);
        fprintf(file, "two_over_l = %.17g\n", 2.0 / high);
        csv_close(file, "rosenbrock.gp");
        file = csv_create(dir, "rosenbrock_armijo.csv");
        rosenbrock_run(LINE_SEARCH_ARMIJO, 1.0, x, &error, file, 1);
        csv_close(file, "rosenbrock_armijo.csv");
    }
}

static void usage(void)
{
    puts("usage: ch03 [--values] [--csv DIR]\n"
         "  with no flag: the chapter's tables\n"
         "  --values   only the numbers the chapter's text quotes, one \"name value\" a line\n"
         "  --csv DIR  also write the figures' data into DIR\n"
         "One run of your own with a line search: build/descent --line-search armijo ...");
}

int main(int argc, char **argv)
{
    const char *csv_dir = NULL;
    bool values = false;
    struct flags_given given = {0};
    fail_program = "ch03";
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--values") == 0)
            values = true;
        else if (strcmp(flag, "--csv") == 0)
            csv_dir = flag_value(argc, argv, &i);
        else
            help_or_unknown_flag(flag, usage);
    }
    values_alone(&given);
    if (csv_dir)            /* files first: a bad folder fails before any output */
        write_figure_data(csv_dir);
    if (values) {
        print_values();
        return 0;
    }
    stopping_tables();
    exact_tables();
    step_rule_tables();
    curvature_lines();
    return 0;
}
