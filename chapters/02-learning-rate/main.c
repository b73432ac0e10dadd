/* main.c: chapter 2's program, build/ch02.
 *
 *   ch02              the chapter's tables: the regimes predicted from the
 *                     curvature of x^2 sin x at its minimum next to what
 *                     gradient descent does, and the stability limit
 *                     eta < 2/L on a two-dimensional quadratic
 *   ch02 --lr E [--function SPEC] [--x0 X1,...] [--steps N] [--every K]
 *                     one run as CSV (step,loss,x1,...), stopping with a
 *                     clear message (exit 3) if it diverges
 *   ch02 --csv DIR    also write the figures' data into DIR
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "01-update-rule/gd.h"
#include "02-learning-rate/learning_rate.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define START 3.0                       /* the classic picture's x0 */

static const double chapter_etas[] = {0.005, 0.05, 0.075, 0.2};

/* ANCHOR: predict */
/* Run eta from START for steps updates; the ratio of successive distances
 * to x* is measured when the distance first drops below 1e-6, where (2.1)
 * holds to about 1e-6 relative. */
static void predict_and_measure(double eta, double x_star, double h, long steps)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x = START, grad, ratio = NAN;
    for (long k = 0; k < steps; k++) {
        double before = x - x_star;
        f.gradient(&f, &grad, &x);
        gd_step(&x, &grad, 1, eta);
        if (isnan(ratio) && fabs(before) < 1e-6 && before != 0.0)
            ratio = (x - x_star) / before;
    }
    printf("%6g  %6.3f  %-22s  %18.12f  %9.2e  ", eta, eta * h,
           regime_name(regime_of(eta, h)), x, fabs(x - x_star));
    if (isnan(ratio))
        printf("%9s  %9.4f\n", "-", 1.0 - eta * h);
    else
        printf("%9.4f  %9.4f\n", ratio, 1.0 - eta * h);
}
/* ANCHOR_END: predict */

/* Where the two runs past 2/h end up: eta = 0.075 on a two-point cycle
 * (steps 300 and 301), eta = 0.2 in another valley, whose own curvature
 * makes 0.2 a stable step there. */
static void beyond_two_over_h(void)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x = START, other_valley, h;
    gradient_descent(&f, &x, 0.075, 0.0, 300, NULL, 0);
    printf("eta = 0.075: x after 300 and 301 steps = %.4f, ", x);
    gradient_descent(&f, &x, 0.075, 0.0, 1, NULL, 0);
    printf("%.4f (a two-point cycle)\n", x);
    x = START;
    gradient_descent(&f, &x, 0.2, 0.0, 300, NULL, 0);
    other_valley = x2sinx_local_minimum(x);
    h = x2sinx_second_derivative(other_valley);
    printf("eta = 0.2:   ends at the minimum near %.4f, where h = %.4f, 2/h = %.4f\n",
           other_valley, h, 2.0 / h);
}

static void curvature_tables(void)
{
    double x_star = x2sinx_local_minimum(5.0);
    double h = x2sinx_second_derivative(x_star);
    const struct function f = function_from_spec("--function", "x2sinx");

    printf("f(x) = x^2 sin x, started at x0 = %g\n", START);
    printf("local minimum  x* = %.12f   (tan x* = -x*/2: %.12f = %.12f)\n", x_star,
           tan(x_star), -x_star / 2.0);
    printf("               f(x*) = %.12f\n", f.value(&f, &x_star));
    printf("curvature      h = f''(x*) = %.12f   (f'''(x*) = %.4f)\n", h,
           x2sinx_third_derivative(x_star));
    printf("thresholds     eta = 1/h = %.6f   eta = 2/h = %.6f\n\n", 1.0 / h, 2.0 / h);
    printf("%6s  %6s  %-22s  %18s  %9s  %9s  %9s\n", "eta", "eta*h", "predicted",
           "x after 300 steps", "|x - x*|", "ratio", "1 - eta*h");
    for (size_t i = 0; i < sizeof chapter_etas / sizeof chapter_etas[0]; i++)
        predict_and_measure(chapter_etas[i], x_star, h, 300);
    beyond_two_over_h();
}

/* ANCHOR: stability */
/* f = 1/2 (x1^2 + 10 x2^2): curvatures 1 and 10, so L = 10 and (2.2)
 * says eta < 0.2.  Each coordinate is multiplied by its own 1 - eta a_i. */
static void stability_table(void)
{
    static const double curvature[2] = {1.0, 10.0};
    static const double etas[] = {0.1, 0.18, 0.2, 0.21};
    const struct function f = quadratic(curvature, 2);

    printf("\nf(x) = 1/2 (x1^2 + 10 x2^2) from (1, 1): L = 10, limit 2/L = 0.2\n");
    printf("%6s  %9s  %9s  %-22s  %14s\n", "eta", "1 - eta", "1 - 10eta", "predicted (x2)",
           "|x| after 100");
    for (size_t i = 0; i < sizeof etas / sizeof etas[0]; i++) {
        double x[2] = {1.0, 1.0};
        gradient_descent(&f, x, etas[i], 0.0, 100, NULL, 0);
        printf("%6g  %9.4f  %9.4f  %-22s  %14.6g\n", etas[i], 1.0 - etas[i],
               1.0 - 10.0 * etas[i], regime_name(regime_of(etas[i], 10.0)),
               vec_norm(x, 2));
    }
}
/* ANCHOR_END: stability */

/* One run as CSV; a divergence ends with the finite rows and a message. */
static void one_run(const char *spec, const double *x0, size_t x0_count, double eta,
                    long steps, long every)
{
    struct function f = function_from_spec("--function", spec);
    double x[FUNCTION_MAX_DIM];
    struct gd_run run;
    if (x0_count != 0 && x0_count != f.dim)
        fail(EXIT_USAGE, "--x0: %zu value%s given, the objective has %zu parameter%s", x0_count,
             x0_count == 1 ? "" : "s", f.dim, f.dim == 1 ? "" : "s");
    for (size_t i = 0; i < f.dim; i++)
        x[i] = x0_count ? x0[i] : f.start[i];
    if (!row_is_finite(f.value(&f, x), x, f.dim)) {
        if (x0_count)
            fail(EXIT_USAGE, "--x0: f is not finite at the start; choose a smaller start");
        fail(EXIT_USAGE, "--function %s: f is not finite at the function's own start; choose "
             "smaller constants, or a start with --x0", spec);
    }
    run = gradient_descent(&f, x, eta, 0.0, steps, stdout, every);
    if (run.diverged)
        fail(EXIT_DIVERGED,
             "diverged at step %ld: f or x overflowed (the rows above are the finite ones); "
             "try a smaller --lr (below 2/L, L the largest curvature near the minimum)",
             run.steps + 1);
}

static void write_figure_data(const char *dir)
{
    FILE *minimum = csv_create(dir, "x_star.gp");     /* for the scripts: x* and h */
    double x_star = x2sinx_local_minimum(5.0);
    fprintf(minimum, "xstar = %.17g\n", x_star);
    fprintf(minimum, "h = %.17g\n", x2sinx_second_derivative(x_star));
    csv_close(minimum, "x_star.gp");
    for (size_t i = 0; i < sizeof chapter_etas / sizeof chapter_etas[0]; i++) {
        char name[64];
        FILE *file;
        snprintf(name, sizeof name, "x2sinx_eta_%g.csv", chapter_etas[i]);
        file = csv_create(dir, name);
        x2sinx_descent(chapter_etas[i], 60, file);
        csv_close(file, name);
    }
}

/* ANCHOR: values */
/* --values: the numbers the chapter's prose quotes, one "name text" line
 * each, the text exactly as the prose shows it (tests/weave.c pulls them
 * into the README and its worked answers). */
static void print_values(void)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x_star = x2sinx_local_minimum(5.0);
    double h = x2sinx_second_derivative(x_star), f3 = x2sinx_third_derivative(x_star);
    double other = x2sinx_local_minimum(x2sinx_descent(0.2, 300, NULL));
    double other_h = x2sinx_second_derivative(other);
    static const double curvature[2] = {1.0, 10.0};
    const struct function g = quadratic(curvature, 2);
    double y[2] = {1.0, 1.0};
    gradient_descent(&g, y, 0.21, 0.0, 100, NULL, 0);
    printf("x_star %.3f\n", x_star);
    printf("f_star %.2f\n", f.value(&f, &x_star));
    printf("h %.3f\n", h);
    printf("h_short %.2f\n", h);
    printf("third_derivative %.2f\n", f3);
    printf("fourth_derivative \xe2\x88\x92%.2f\n",                 /* -8x cos x - (12 - x^2) sin x */
           8.0 * x_star * cos(x_star) + (12.0 - x_star * x_star) * sin(x_star));
    printf("one_over_h %.4f\n", 1.0 / h);
    printf("two_over_h %.4f\n", 2.0 / h);
    printf("eta_h_small %.3f\n", 0.005 * h);
    printf("factor_small %.3f\n", 1.0 - 0.005 * h);
    printf("eta_h_medium %.3f\n", 0.05 * h);
    printf("factor_medium %.3f\n", fabs(1.0 - 0.05 * h));
    printf("eta_h_edge %.2f\n", 0.065 * h);
    printf("factor_edge %.3f\n", fabs(1.0 - 0.065 * h));
    printf("overshoot %.2f\n", x2sinx_descent(0.05, 4, NULL) - x_star);
    printf("other_minimum \xe2\x88\x92%.3f\n", -other);        /* U+2212, the prose's minus */
    printf("other_h %.2f\n", other_h);
    printf("other_two_over_h %.3f\n", 2.0 / other_h);
    printf("ratio_error %.0f\xc2\xb7" "10\xe2\x81\xbb\xe2\x81\xb7\n",      /* "5·10⁻⁷" */
           0.05 * fabs(f3) * 1e-6 / 2 * 1e7);
    printf("growth_100 %.0f\n", fabs(y[1]));
    printf("eta_h_ex2a %.3f\n", 0.03 * h);
    printf("factor_ex2a %.3f\n", 1.0 - 0.03 * h);
    printf("eta_h_ex2b %.3f\n", 0.06 * h);
    printf("factor_ex2b \xe2\x88\x92%.3f\n", -(1.0 - 0.06 * h));
}
/* ANCHOR_END: values */

static void usage(void)
{
    puts("usage: ch02 [--csv DIR]\n"
         "       ch02 --lr LR [--function SPEC] [--x0 X1,...] [--steps N] [--every K]\n"
         "  with no --lr: the chapter's tables\n"
         "  --lr LR          one run with learning rate eta = LR > 0, printed as CSV\n"
         "  --function SPEC  x2sinx (default), quadratic:a1,..., rosenbrock, ...\n"
         "  --x0 X1,...      the start (default: the function's own)\n"
         "  --steps N        updates, 1..10000000 (default 100)\n"
         "  --every K        print every K-th row and the last (default 1)\n"
         "  --csv DIR        write the figures' data into DIR\n"
         "  --values         print the numbers the chapter quotes, one 'name value' a line");
}

int main(int argc, char **argv)
{
    const char *spec = "x2sinx", *csv_dir = NULL;
    double eta = 0.0, x0[FUNCTION_MAX_DIM];
    size_t x0_count = 0;
    long steps = 100, every = 1;
    static const char *const run_flags[] = {"--function", "--x0", "--steps", "--every", NULL};
    struct flags_given given = {0};
    bool values = false;

    fail_program = "ch02";
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--lr") == 0)
            eta = parse_positive(flag, flag_value(argc, argv, &i), 1e6);
        else if (strcmp(flag, "--function") == 0)
            spec = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--x0") == 0)
            x0_count = parse_number_list(flag, flag_value(argc, argv, &i), x0, FUNCTION_MAX_DIM);
        else if (strcmp(flag, "--steps") == 0)
            steps = parse_whole(flag, flag_value(argc, argv, &i), 1, 10000000);
        else if (strcmp(flag, "--every") == 0)
            every = parse_whole(flag, flag_value(argc, argv, &i), 1, 10000000);
        else if (strcmp(flag, "--csv") == 0)
            csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            values = true;
        else
            help_or_unknown_flag(flag, usage);
    }
    if (values) {
        values_alone(&given);
        print_values();
        return 0;
    }
    if (eta > 0.0) {
        if (csv_dir)
            fail(EXIT_USAGE, "--csv writes the chapter's figures: use it without --lr");
        one_run(spec, x0, x0_count, eta, steps, every);
        return 0;
    }
    refuse_flags(&given, run_flags, "describes a single run: give --lr too");
    if (csv_dir)
        write_figure_data(csv_dir);
    curvature_tables();
    stability_table();
    return 0;
}
