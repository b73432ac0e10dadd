/* main.c: chapter 1's program, build/ch01.
 *
 * Runs the chapter's two worked examples and prints them as tables:
 *   1. f(x) = x^2 from x0 = 4 with eta = 0.1 (change them with --x0, --lr,
 *      --steps): every iterate, and the closed form 4 (1 - 2 eta)^k next to it;
 *   2. f(x) = 1/2 (x1^2 + 10 x2^2) from (1, 1) with eta = 0.15, stopped when
 *      ||grad f|| < 1e-6.
 * With --csv DIR it also writes the figures' data there (tests/draw.sh).
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "01-update-rule/gd.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct settings {
    double x0, eta;
    long steps;
    long example;           /* 1 or 2; 0 runs both */
    const char *csv_dir;
};

static void usage(void)
{
    puts("usage: ch01 [--example 1|2] [--x0 X] [--lr LR] [--steps N] [--csv DIR]\n"
         "  --example N  run only example 1 or example 2 (default both)\n"
         "  --x0 X       start of example 1, f(x) = x^2 (default 4)\n"
         "  --lr LR      its learning rate eta, 0 < LR <= 10 (default 0.1)\n"
         "  --steps N    how many steps to print, 1..1000 (default 5)\n"
         "  --csv DIR    also write the figures' data into DIR\n"
         "  --values     print the numbers the chapter quotes, one 'name value' a line");
}

/* --values: the numbers the chapter's prose quotes, one "name text" line
 * each, the text exactly as the prose shows it (tests/weave.c weaves them). */
static void print_values(void)
{
    static const double two = 2.0;
    struct function f = quadratic(&two, 1);
    double x = 4.0;
    gradient_descent(&f, &x, 0.1, 0.0, 10, NULL, 0);
    printf("x10 %.4f\n", x);
}

static struct settings parse(int argc, char **argv)
{
    static const char *const example_1_flags[] = {"--x0", "--lr", "--steps", NULL};
    struct settings s = {4.0, 0.1, 5, 0, NULL};
    struct flags_given given = {0};
    bool values = false;
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--x0") == 0)
            s.x0 = parse_number_in(flag, flag_value(argc, argv, &i), -1e6, 1e6);
        else if (strcmp(flag, "--lr") == 0)
            s.eta = parse_positive(flag, flag_value(argc, argv, &i), 10.0);
        else if (strcmp(flag, "--steps") == 0)
            s.steps = parse_whole(flag, flag_value(argc, argv, &i), 1, 1000);
        else if (strcmp(flag, "--example") == 0) {
            const char *example = flag_value(argc, argv, &i);
            if (strcmp(example, "1") != 0 && strcmp(example, "2") != 0)
                unknown_choice(flag, "example", example, "1, 2");
            s.example = example[0] - '0';
        }
        else if (strcmp(flag, "--csv") == 0)
            s.csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            values = true;
        else
            help_or_unknown_flag(flag, usage);
    }
    if (values) {
        values_alone(&given);
        print_values();
        exit(0);
    }
    if (s.example == 2)
        refuse_flags(&given, example_1_flags, "changes example 1 only; for other runs of "
                     "example 2 try build/ch02 --function quadratic:1,10 --x0 1,1 --lr ...");
    return s;
}

/* ANCHOR: table */
/* Example 1: x_k next to the closed form x_0 (1 - 2 eta)^k, eq. (1.3). */
static void one_dimension(const struct settings *s)
{
    static const double curvature = 2.0;              /* f = 1/2 * 2 * x^2 */
    struct function f = quadratic(&curvature, 1);
    double x = s->x0, grad, closed_form = s->x0;

    printf("Example 1: f(x) = x^2, f'(x) = 2x, x0 = %g, eta = %g\n", s->x0, s->eta);
    printf("%3s  %-22s  %-22s  %-22s  %s\n", "k", "x^(k)", "f(x^(k))", "f'(x^(k))",
           "x^(0) (1 - 2 eta)^k");
    for (long k = 0; k <= s->steps; k++) {
        double loss = f.value(&f, &x);
        f.gradient(&f, &grad, &x);
        if (!row_is_finite(loss, &grad, 1))
            fail(EXIT_DIVERGED, "diverged at step %ld: f(x) overflowed (|1 - 2 eta| = %g > 1 "
                 "makes every step longer): try --lr below 1", k, fabs(1.0 - 2.0 * s->eta));
        printf("%3ld  %-22.17g  %-22.17g  %-22.17g  %.17g\n", k, x, loss, grad, closed_form);
        gd_step(&x, &grad, 1, s->eta);
        closed_form *= 1.0 - 2.0 * s->eta;
    }
}
/* ANCHOR_END: table */

/* Example 2: the 2-D quadratic with curvatures 1 and 10. */
static void two_dimensions(void)
{
    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    double x[2] = {1.0, 1.0};
    double y[2] = {1.0, 1.0}, grad[2];
    struct gd_run run;

    printf("Example 2: f(x) = 1/2 (x1^2 + 10 x2^2), x0 = (1, 1), eta = 0.15\n");
    printf("%3s  %-22s  %-22s  %s\n", "k", "x1", "x2", "f(x)");
    for (int k = 0; k <= 3; k++) {
        printf("%3d  %-22.17g  %-22.17g  %.17g\n", k, y[0], y[1], f.value(&f, y));
        f.gradient(&f, grad, y);
        gd_step(y, grad, 2, 0.15);
    }
    run = gradient_descent(&f, x, 0.15, 1e-6, 1000, NULL, 0);
    printf("stopped after %ld steps: ||grad f|| = %.3e < 1e-6\n", run.steps, run.grad_norm);
    printf("x = (%.6e, %.6e), f(x) = %.6e\n", x[0], x[1], run.loss);
}

/* The figures' data: example 1 for 20 steps, example 2 until it stops. */
static void write_figure_data(const char *dir)
{
    static const double two = 2.0, curvature[2] = {1.0, 10.0};
    struct function f = quadratic(&two, 1), g = quadratic(curvature, 2);
    double x = 4.0, y[2] = {1.0, 1.0};
    FILE *file = csv_create(dir, "x_squared.csv");
    gradient_descent(&f, &x, 0.1, 1e-12, 20, file, 1);
    csv_close(file, "x_squared.csv");
    file = csv_create(dir, "quadratic_2d.csv");
    gradient_descent(&g, y, 0.15, 1e-6, 1000, file, 1);
    csv_close(file, "quadratic_2d.csv");
}

int main(int argc, char **argv)
{
    struct settings s;
    fail_program = "ch01";
    s = parse(argc, argv);
    if (s.csv_dir)          /* files first: a bad folder fails before any output */
        write_figure_data(s.csv_dir);
    if (s.example != 2)
        one_dimension(&s);
    if (s.example == 0)
        putchar('\n');
    if (s.example != 1)
        two_dimensions();
    return 0;
}
