/* main.c: chapter 6's program, build/ch06.
 *
 * Prints the chapter's two results (--example PART picks one; the default
 * prints both):
 *   by-hand  the worked example: three steps of gradient descent, momentum
 *            and Nesterov on f = 1/2 (x1^2 + 3 x2^2) from (1, 1), lr = 1/4,
 *            momentum 1/2, every number an exact binary fraction;
 *   rates    the measured contraction per step next to the theory, for
 *            several condition numbers and settings.
 * With --lr (and --momentum, --dampening, --nesterov, --function) it
 * measures one setting of your own instead.  With --csv DIR it also writes
 * the figures' data there (tests/draw.sh).  Every run uses sgd_kind through
 * the optimizer interface: the code the lab runs.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "06-momentum/example.h"
#include "06-momentum/rates.h"
#include "06-momentum/sgd.h"
#include "A-lab/kinds.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The window of the measurement: far enough from the start that the
 * slower root dominates, short enough that nothing underflows. */
#define MEASURE_FROM 100
#define MEASURE_TO 400

struct settings {
    bool example, rates, custom, values;
    struct hyper hyper;
    double curvature[2];
    const char *csv_dir;
};

static void usage(void)
{
    puts("usage: ch06 [--example by-hand|rates] [--csv DIR]\n"
         "       ch06 --lr LR [--momentum B] [--dampening D] [--nesterov]\n"
         "            [--function quadratic:MU,L]\n"
         "  --example PART   one part (default: both): by-hand, the worked example, three\n"
         "                   steps of GD, momentum and Nesterov; rates, the measured rate\n"
         "                   per step against the theory\n"
         "  --lr LR          measure your own setting instead, 0 < LR <= 10\n"
         "  --momentum B     its momentum, 0 <= B < 1 (default 0)\n"
         "  --dampening D    its dampening, 0 <= D < 1 (default 0)\n"
         "  --nesterov       Nesterov's look-ahead (needs momentum, no dampening)\n"
         "  --function quadratic:MU,L  the quadratic 1/2 (MU x1^2 + L x2^2),\n"
         "                   0 < MU, L <= 1e6 (default quadratic:1,100)\n"
         "  --csv DIR        also write the figures' data into DIR\n"
         "  --values         print the numbers the chapter quotes, one 'name value' a line\n"
         "A rate too fast to measure (the error below 1e-280 by step 400) is bad input.");
}

static struct settings parse(int argc, char **argv)
{
    static const char *const tuning[] = {"--momentum", "--dampening", "--nesterov",
                                         "--function", NULL};
    static const char *const parts[] = {"--example", NULL};
    struct settings s = {.curvature = {1.0, 100.0}};
    struct flags_given given = {0};
    s.hyper = sgd_kind.defaults;
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--example") == 0) {
            const char *part = flag_value(argc, argv, &i);
            if (strcmp(part, "by-hand") == 0)
                s.example = true;
            else if (strcmp(part, "rates") == 0)
                s.rates = true;
            else
                unknown_choice(flag, "example", part, "by-hand, rates");
        } else if (strcmp(flag, "--lr") == 0) {
            s.hyper.lr = parse_positive(flag, flag_value(argc, argv, &i), 10.0);
            s.custom = true;
        } else if (strcmp(flag, "--momentum") == 0)
            s.hyper.momentum = parse_number_below(flag, flag_value(argc, argv, &i), 0.0, 1.0);
        else if (strcmp(flag, "--dampening") == 0)
            s.hyper.dampening = parse_number_below(flag, flag_value(argc, argv, &i), 0.0, 1.0);
        else if (strcmp(flag, "--nesterov") == 0)
            s.hyper.nesterov = true;
        else if (strcmp(flag, "--function") == 0) {
            const char *text = flag_value(argc, argv, &i);
            struct function f = function_from_spec(flag, text);
            if (strcmp(f.name, "quadratic") != 0 || f.dim != 2)
                fail(EXIT_USAGE, "%s: chapter 6 measures two-dimensional quadratics: give "
                     "quadratic:MU,L, not '%s'", flag, text);
            for (int c = 0; c < 2; c++) {
                s.curvature[c] = f.param[c];
                if (!(s.curvature[c] > 0.0 && s.curvature[c] <= 1e6))
                    fail(EXIT_USAGE, "%s: curvatures must lie in (0, 1e6], not '%s'", flag, text);
            }
        } else if (strcmp(flag, "--csv") == 0)
            s.csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            s.values = true;
        else
            help_or_unknown_flag(flag, usage);
    }
    values_alone(&given);
    if (!s.custom)
        refuse_flags(&given, tuning, "describes a single run: give --lr too");
    else
        refuse_flags(&given, parts, "prints the chapter's own runs: leave it out with --lr, "
                     "which measures a setting of your own");
    {
        char refused[256];      /* PyTorch's checks, in the lab's words: --nesterov's */
        if (!hyper_is_valid(&sgd_kind, &s.hyper, refused, sizeof refused))
            fail(EXIT_USAGE, "%s", refused);
    }
    if (!s.example && !s.rates && !s.custom && !s.values)
        s.example = s.rates = true;
    return s;
}

/* ------------------------------------------------------ worked example */

/* Print the worked example's iterates and buffers, with f at each. */
static void example_run(const char *title, double momentum, bool nesterov)
{
    static const double curvature[2] = {1.0, 3.0};
    struct function f = quadratic(curvature, 2);
    double x[4][2], b[4][2];

    worked_example_steps(momentum, nesterov, x, b);
    printf("%s\n%3s  %-12s %-12s %-12s %-12s %s\n", title, "k", "x1", "x2", "b1", "b2", "f(x)");
    for (int k = 0; k <= 3; k++)
        printf("%3d  %-12.10g %-12.10g %-12.10g %-12.10g %.17g\n", k, x[k][0], x[k][1],
               b[k][0], b[k][1], f.value(&f, x[k]));
}

static void worked_example(void)
{
    puts("Worked example: f = 1/2 (x1^2 + 3 x2^2) from (1, 1), lr = 1/4\n");
    example_run("gradient descent (momentum 0; b stays 0)", 0.0, false);
    putchar('\n');
    example_run("momentum 1/2 (PyTorch's buffer b)", 0.5, false);
    putchar('\n');
    example_run("Nesterov, momentum 1/2", 0.5, true);
}

/* ------------------------------------------------------ rates table */

enum choice { GD_BEST, HEAVY_BALL_BEST, GIVEN };

struct row {
    const char *label;
    double mu, L;                 /* curvatures of 1/2 (mu x1^2 + L x2^2) */
    enum choice choice;
    double lr, momentum;          /* when GIVEN */
    bool nesterov;
};

/* ANCHOR: rows */
static const struct row rows[] = {
    {"gradient descent, best lr", 1, 10, GD_BEST, 0, 0, false},
    {"gradient descent, best lr", 1, 100, GD_BEST, 0, 0, false},
    {"gradient descent, best lr", 1, 1000, GD_BEST, 0, 0, false},
    {"heavy ball, best lr and beta", 1, 10, HEAVY_BALL_BEST, 0, 0, false},
    {"heavy ball, best lr and beta", 1, 100, HEAVY_BALL_BEST, 0, 0, false},
    {"heavy ball, best lr and beta", 1, 1000, HEAVY_BALL_BEST, 0, 0, false},
    {"momentum 0.5, lr 1/L", 1, 100, GIVEN, 0.01, 0.5, false},
    {"momentum 0.9, lr 1/L", 1, 100, GIVEN, 0.01, 0.9, false},
    {"Nesterov 9/11, lr 1/L", 1, 100, GIVEN, 0.01, 9.0 / 11, true},
    {"Nesterov 0.9, lr 1/L", 1, 100, GIVEN, 0.01, 0.9, true},
};
/* ANCHOR_END: rows */

static const char *roots_name(enum roots roots)
{
    return roots == ROOTS_REAL ? "real" : roots == ROOTS_REPEATED ? "repeated" : "complex";
}

static struct hyper row_hyper(const struct row *row)
{
    struct hyper h = sgd_kind.defaults;
    h.nesterov = row->nesterov;
    if (row->choice == GD_BEST)
        h.lr = gd_best_lr(row->mu, row->L);
    else if (row->choice == HEAVY_BALL_BEST)
        heavy_ball_best(row->mu, row->L, &h.lr, &h.momentum);
    else {
        h.lr = row->lr;
        h.momentum = row->momentum;
    }
    return h;
}

static void print_header(void)
{
    printf("%-30s %6s %-9s %-9s %-9s %-9s %-9s %s\n", "setting", "kappa", "lr", "beta",
           "roots", "theory", "measured", "measured/theory - 1");
}

/* A number for a column of the table: six decimals (0.050000) when they
 * show it to at least three significant digits, otherwise %.3g, so that a
 * setting of your own such as --lr 1e-300 never shows as 0.000000. */
struct cell {
    char text[16];
};
static struct cell column(double value)
{
    struct cell c;
    if (value == 0.0 || (fabs(value) >= 1e-3 && fabs(value) < 1e6))
        snprintf(c.text, sizeof c.text, "%.6f", value);
    else
        snprintf(c.text, sizeof c.text, "%.3g", value);
    return c;
}

/* One row: theory and measurement of h on 1/2 (mu x1^2 + L x2^2), after
 * the header if with_header. */
static void print_row(const char *label, double mu, double L, const struct hyper *h,
                      bool with_header)
{
    const double curvature[2] = {mu, L};
    struct function f = quadratic(curvature, 2);
    struct rate theory = sgd_rate_on_quadratic(h, &f);
    struct measurement m = measure_rate(&f, h, MEASURE_FROM, MEASURE_TO);
    double largest = fmax(mu, L), smallest = fmin(mu, L), gap;

    if (m.diverged_at != 0) {
        /* The edges (6.6) and (6.9), with (6.1)'s eta = lr (1 - dampening). */
        double beta = h->momentum;
        double edge = h->nesterov ? (2.0 + 2.0 * beta) / (1.0 + 2.0 * beta)
                                  : (2.0 + 2.0 * beta) / (1.0 - h->dampening);
        fail(EXIT_DIVERGED, "diverged at step %ld: the theory's rate is %.6g > 1; "
             "this setting is stable only for --lr below %g", m.diverged_at, theory.radius,
             edge / largest);
    }
    if (m.underflow)
        fail(EXIT_USAGE, "the error fell below 1e-280 by step %d: the theory's rate per step, "
             "%.6g, is too fast to measure over steps %d..%d; try a smaller --lr",
             MEASURE_TO, theory.radius, MEASURE_FROM, MEASURE_TO);
    gap = 100.0 * (m.rate / theory.radius - 1.0);
    if (fabs(gap) < 0.0005)
        gap = 0.0;                        /* print +0.000%, never -0.000% */
    if (with_header)
        print_header();
    printf("%-30s %6g %-9s %-9s %-9s %-9s %-9s %+.3f%%\n", label, largest / smallest,
           column(h->lr).text, column(h->momentum).text, roots_name(theory.roots),
           column(theory.radius).text, column(m.rate).text, gap);
}

static void rates_table(void)
{
    printf("Rate per step on f = 1/2 (mu x1^2 + L x2^2), mu = 1, kappa = L/mu; "
           "measured over steps %d..%d\n\n", MEASURE_FROM, MEASURE_TO);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        struct hyper h = row_hyper(&rows[i]);
        print_row(rows[i].label, rows[i].mu, rows[i].L, &h, i == 0);
    }
}

/* ------------------------------------------------------ figure data */

/* A run of sgd_kind with h on f from x0, every step into dir/name. */
static void write_path(const char *dir, const char *name, const struct function *f,
                       const double *x0, const struct hyper *h, long steps)
{
    FILE *file = csv_create(dir, name);
    struct optimizer opt;
    double x[2] = {x0[0], x0[1]}, grad[2];

    optimizer_init(&opt, &sgd_kind, h, 2);
    csv_header(file, "x", 2, NULL);
    csv_row(file, 0, f->value(f, x), x, 2);
    for (long k = 1; k <= steps; k++) {
        f->gradient(f, grad, x);
        optimizer_step(&opt, x, grad);
        if (!row_is_finite(f->value(f, x), x, 2))
            fail(EXIT_DIVERGED, "figure run %s diverged at step %ld", name, k);
        csv_row(file, k, f->value(f, x), x, 2);
    }
    optimizer_free(&opt);
    csv_close(file, name);
}

static void write_figure_data(const char *dir)
{
    static const double curvature[2] = {1.0, 25.0};
    static const double quadratic_start[2] = {-9.0, 1.8};
    struct function valley = quadratic(curvature, 2);
    struct function banana = function_from_spec("--function", "rosenbrock");
    struct hyper h = sgd_kind.defaults;

    /* kappa = 25.  Gradient descent and heavy ball at the same lr 0.075
     * (lr L = 1.875, close to the edge 2: a zig-zag); Nesterov cannot take
     * that lr (its edge is lr L < (2 + 2 beta)/(1 + 2 beta)), so it runs at
     * lr 1/L with its double-root momentum (5 - 1)/(5 + 1). */
    h.lr = 0.075;
    write_path(dir, "quadratic_gd.csv", &valley, quadratic_start, &h, 60);
    h.momentum = 0.5;
    write_path(dir, "quadratic_momentum.csv", &valley, quadratic_start, &h, 60);
    h.lr = 1.0 / 25;
    h.momentum = 4.0 / 6;
    h.nesterov = true;
    write_path(dir, "quadratic_nesterov.csv", &valley, quadratic_start, &h, 60);

    h = sgd_kind.defaults;
    h.lr = 1e-3;
    write_path(dir, "rosenbrock_gd.csv", &banana, banana.start, &h, 3000);
    h.momentum = 0.9;
    write_path(dir, "rosenbrock_momentum.csv", &banana, banana.start, &h, 3000);
    h.nesterov = true;
    write_path(dir, "rosenbrock_nesterov.csv", &banana, banana.start, &h, 3000);

    /* The rate against beta at lr = 1/L on kappa = 100, heavy ball and
     * Nesterov: the theory on a fine grid, the measurement every 0.05. */
    {
        static const double curvature100[2] = {1.0, 100.0};
        struct function f = quadratic(curvature100, 2);
        struct hyper heavy = sgd_kind.defaults, nesterov;
        FILE *theory = csv_create(dir, "rate_theory.csv");
        FILE *measured = csv_create(dir, "rate_measured.csv");
        heavy.lr = 0.01;
        nesterov = heavy;
        nesterov.nesterov = true;
        fputs("beta,heavy_ball,nesterov\n", theory);
        for (int i = 0; i <= 990; i++) {
            heavy.momentum = nesterov.momentum = i / 1000.0;
            fprintf(theory, "%.17g,%.17g,%.17g\n", heavy.momentum,
                    sgd_rate_on_quadratic(&heavy, &f).radius,
                    sgd_rate_on_quadratic(&nesterov, &f).radius);
        }
        fputs("beta,heavy_ball,nesterov\n", measured);
        for (int i = 0; i <= 99; i += (i < 95 ? 5 : 4)) {
            heavy.momentum = nesterov.momentum = i / 100.0;
            fprintf(measured, "%.17g,%.17g,%.17g\n", heavy.momentum,
                    measure_rate(&f, &heavy, MEASURE_FROM, MEASURE_TO).rate,
                    nesterov.momentum == 0.0
                        ? measure_rate(&f, &heavy, MEASURE_FROM, MEASURE_TO).rate
                        : measure_rate(&f, &nesterov, MEASURE_FROM, MEASURE_TO).rate);
        }
        csv_close(theory, "rate_theory.csv");
        csv_close(measured, "rate_measured.csv");
    }
}

/* ------------------------------------------------------ --values */

/* The measured rate of a table row against its theory, as the table's
 * last column prints it ("+0.463%"). */
static double row_gap(size_t i)
{
    const double curvature[2] = {rows[i].mu, rows[i].L};
    struct function f = quadratic(curvature, 2);
    struct hyper h = row_hyper(&rows[i]);
    struct measurement m = measure_rate(&f, &h, MEASURE_FROM, MEASURE_TO);
    return 100.0 * (m.rate / sgd_rate_on_quadratic(&h, &f).radius - 1.0);
}

/* Nesterov at lr = 1/L with the double-root momentum (sqrt k - 1)/(sqrt k + 1)
 * on 1/2 (x1^2 + kappa x2^2) from (1, 1): the steps until x2 is 0 (the
 * steep direction's matrix squares to zero; in floating point, below
 * 1e-12 of its start: lr * kappa is 1 up to rounding), -1 if not in 10. */
static int nesterov_clear_steps(double kappa)
{
    const double curvature[2] = {1.0, kappa};
    struct function f = quadratic(curvature, 2);
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double x[2] = {1.0, 1.0}, grad[2];
    int k;
    h.lr = 1 / kappa;
    h.momentum = (sqrt(kappa) - 1) / (sqrt(kappa) + 1);
    h.nesterov = true;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (k = 1; k <= 10; k++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
        if (fabs(x[1]) < 1e-12)
            break;
    }
    optimizer_free(&opt);
    return k <= 10 ? k : -1;
}

/* ANCHOR: values */
/* --values: the measured numbers the chapter's prose quotes, one "name
 * text" line each, the text exactly as the prose shows it (tests/weave.c
 * pulls them into the README).  The double-root rows are 3, 4, 5 and 8 of
 * the table, the complex ones 7 (heavy ball) and 9 (Nesterov). */
static void print_values(void)
{
    static const size_t repeated[] = {3, 4, 5, 8};
    double low = INFINITY, high = -INFINITY;
    for (size_t i = 0; i < sizeof repeated / sizeof repeated[0]; i++) {
        low = fmin(low, row_gap(repeated[i]));
        high = fmax(high, row_gap(repeated[i]));
    }
    printf("gap_repeated_low %+.3f%%\n", low);
    printf("gap_repeated_high %+.3f%%\n", high);
    printf("gap_complex_heavy_ball %+.3f%%\n", row_gap(7));
    printf("gap_complex_nesterov %+.3f%%\n", row_gap(9));
    printf("nesterov_clear_steps_100 %d\n", nesterov_clear_steps(100));
    printf("nesterov_clear_steps_25 %d\n", nesterov_clear_steps(25));
}
/* ANCHOR_END: values */

int main(int argc, char **argv)
{
    struct settings s;
    fail_program = "ch06";
    s = parse(argc, argv);
    if (s.values) {
        print_values();
        return 0;
    }
    if (s.csv_dir)
        write_figure_data(s.csv_dir);
    if (s.custom) {
        print_row("your setting", s.curvature[0], s.curvature[1], &s.hyper, true);
    } else {
        if (s.example)
            worked_example();
        if (s.example && s.rates)
            putchar('\n');
        if (s.rates)
            rates_table();
    }
    return 0;
}
