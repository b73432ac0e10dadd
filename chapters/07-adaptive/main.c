/* main.c: chapter 7's program, build/ch07.
 *
 * Everything runs on the badly scaled quadratic f = 1/2 (x1^2 + 100 x2^2)
 * (change it with --function quadratic:A1,A2), from x0 = (1, 1) unless --x0.
 *
 *   ch07                      the chapter's comparison: plain gradient
 *                             descent, Adagrad, RMSprop (plain, centered,
 *                             with momentum) and Adadelta with the settings
 *                             the text uses, side by side
 *   ch07 --optimizer NAME ... the first --steps updates of one method as a
 *                             table: iterates, the move of each coordinate and
 *                             its effective learning rate (the worked examples)
 *   ch07 --csv DIR            also write the figures' data (tests/draw.sh)
 *
 * Every step of one run as CSV is the lab's output (build/descent
 * --function quadratic:1,100 --optimizer NAME ...), which runs the same
 * optimizers: pytorch_check.py compares it with PyTorch.
 *
 * The optimizers are the book's own (adagrad.c, rmsprop.c, adadelta.c and
 * chapter 6's sgd.c); this file only drives them and prints.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "06-momentum/sgd.h"
#include "07-adaptive/adadelta.h"
#include "07-adaptive/adagrad.h"
#include "07-adaptive/rmsprop.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DIM 2
#define RACE_STEPS 2000
#define TARGET_LOSS 1e-10
#define SECOND_START {-1.0, 0.4}   /* the second panel of the paths figure */
#define SECOND_STEPS 100

struct settings {
    const struct optimizer_kind *kind;   /* NULL: the comparison */
    struct hyper hyper;
    double curvature[DIM], x0[DIM];
    long steps;
    bool values;
    const char *csv_dir;
};

static void usage(void)
{
    puts("usage: ch07 [--optimizer sgd|adagrad|rmsprop|adadelta] [--lr X] [--alpha A]\n"
         "            [--rho R] [--eps E] [--momentum M] [--centered]\n"
         "            [--function quadratic:A1,A2] [--x0 X1,X2] [--steps N]\n"
         "            [--csv DIR]\n"
         "  f = 1/2 (A1 x1^2 + A2 x2^2), default quadratic:1,100 and x0 = 1,1.\n"
         "  Without --optimizer: the chapter's comparison of the four methods.\n"
         "  --optimizer NAME  the first N updates of one method, as a table\n"
         "                  (sgd: plain gradient descent, no momentum)\n"
         "  --lr X          its learning rate (default: PyTorch's; 0.019 for sgd)\n"
         "  --alpha A       RMSprop's smoothing constant, 0 <= A < 1 (0.99)\n"
         "  --rho R         Adadelta's, 0 <= R <= 1 (0.9)\n"
         "  --eps E         the epsilon, E >= 0 (1e-10, 1e-8, 1e-6)\n"
         "  --momentum M    RMSprop's momentum, 0 <= M < 1 (0)\n"
         "  --centered      centered RMSprop\n"
         "  --steps N       how many updates, 1..100000 (default 3)\n"
         "  --csv DIR       also write the figures' data into DIR\n"
         "  --values        print the numbers the chapter quotes, one 'name value' a line\n"
         "Every step of a run as CSV is the lab's output, with the same optimizers:\n"
         "  build/descent --function quadratic:1,100 --optimizer NAME [its flags]");
}

static const struct optimizer_kind *method_named(const char *name)
{
    static const struct {
        const char *name;
        const struct optimizer_kind *kind;
    } methods[] = {
        {"sgd", &sgd_kind}, {"adagrad", &adagrad_kind},
        {"rmsprop", &rmsprop_kind}, {"adadelta", &adadelta_kind},
    };
    for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++)
        if (strcmp(name, methods[m].name) == 0)
            return methods[m].kind;
    unknown_choice("--optimizer", "optimizer", name,
                   "sgd, adagrad, rmsprop, adadelta; build/descent runs every optimizer");
}

/* Which flag needs which kind, for a clear message instead of a silent no-op
 * (in the lab's words; s->kind is set: hyper-parameters need one). */
static void require(const struct settings *s, unsigned flag, const char *name)
{
    if (!(s->kind->takes & flag))
        fail(EXIT_USAGE, "%s: the %s optimizer does not take it (try --help)", name,
             s->kind->name);
}

/* A hyper-parameter's value; adding 0.0 turns "-0" into 0, which prints as 0. */
static double number_flag(const char *flag, int argc, char **argv, int *i, double high)
{
    return parse_number_in(flag, flag_value(argc, argv, i), 0.0, high) + 0.0;
}

/* The same in [0, 1): a smoothing constant or a momentum. */
static double fraction_flag(const char *flag, int argc, char **argv, int *i)
{
    return parse_number_below(flag, flag_value(argc, argv, i), 0.0, 1.0) + 0.0;
}

static struct settings parse(int argc, char **argv)
{
    struct settings s = {.curvature = {1.0, 100.0}, .x0 = {1.0, 1.0}, .steps = 3};
    struct hyper given = {0};
    static const char *const one_run[] = {"--lr", "--alpha", "--rho", "--eps", "--momentum",
                                          "--centered", "--steps", NULL};
    struct flags_given flags = {0};
    unsigned set = 0;
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&flags, flag);
        if (strcmp(flag, "--optimizer") == 0)
            s.kind = method_named(flag_value(argc, argv, &i));
        else if (strcmp(flag, "--lr") == 0) {
            given.lr = number_flag(flag, argc, argv, &i, 100.0);
            set |= TAKES_LR;
        } else if (strcmp(flag, "--alpha") == 0) {
            given.alpha = fraction_flag(flag, argc, argv, &i);
            set |= TAKES_ALPHA;
        } else if (strcmp(flag, "--rho") == 0) {
            given.rho = number_flag(flag, argc, argv, &i, 1.0);
            set |= TAKES_RHO;
        } else if (strcmp(flag, "--eps") == 0) {
            given.eps = number_flag(flag, argc, argv, &i, 1.0);
            set |= TAKES_EPS;
        } else if (strcmp(flag, "--momentum") == 0) {
            given.momentum = fraction_flag(flag, argc, argv, &i);
            set |= TAKES_MOMENTUM;
        } else if (strcmp(flag, "--centered") == 0) {
            given.centered = true;
            set |= TAKES_CENTERED;
        } else if (strcmp(flag, "--function") == 0) {
            const char *text = flag_value(argc, argv, &i);
            struct function f = function_from_spec(flag, text);
            if (strcmp(f.name, "quadratic") != 0 || f.dim != DIM)
                fail(EXIT_USAGE, "--function: chapter 7 runs on two-dimensional quadratics: "
                     "give quadratic:A1,A2, not '%s'", text);
            for (int c = 0; c < DIM; c++) {
                s.curvature[c] = f.param[c];
                if (!(s.curvature[c] > 0.0 && s.curvature[c] <= 1e6))
                    fail(EXIT_USAGE, "--function: curvatures must lie in (0, 1e6], not '%s'",
                         text);
            }
        } else if (strcmp(flag, "--x0") == 0) {
            double x0[FUNCTION_MAX_DIM];      /* room to count a wrong length */
            size_t count = parse_number_list(flag, flag_value(argc, argv, &i), x0,
                                             FUNCTION_MAX_DIM);
            if (count != DIM)                 /* the lab's words */
                fail(EXIT_USAGE, "--x0: %zu value%s given, the objective has %d parameters",
                     count, count == 1 ? "" : "s", DIM);
            for (int c = 0; c < DIM; c++) {
                if (fabs(x0[c]) > 1e6)
                    fail(EXIT_USAGE, "--x0: %g is outside [%g, %g]", x0[c], -1e6, 1e6);
                s.x0[c] = x0[c] + 0.0;            /* -0 prints as 0 */
            }
        } else if (strcmp(flag, "--steps") == 0)
            s.steps = parse_whole(flag, flag_value(argc, argv, &i), 1, 100000);
        else if (strcmp(flag, "--csv") == 0)
            s.csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            s.values = true;
        else
            help_or_unknown_flag(flag, usage);
    }
    values_alone(&flags);
    if (s.csv_dir && s.kind != NULL)
        fail(EXIT_USAGE, "--csv writes the chapter's figures: use it without --optimizer");
    if (s.kind == NULL) {       /* as ch02 and ch06 refuse a run's flags without --lr */
        refuse_flags(&flags, one_run, "describes a single run: give --optimizer too");
        return s;
    }
    s.hyper = s.kind->defaults;
    if (s.kind == &sgd_kind)
        s.hyper.lr = 0.019;                   /* just below 2 / 100 */
    if (set & TAKES_LR) s.hyper.lr = given.lr;
    if (set & TAKES_ALPHA) { require(&s, TAKES_ALPHA, "--alpha"); s.hyper.alpha = given.alpha; }
    if (set & TAKES_RHO) { require(&s, TAKES_RHO, "--rho"); s.hyper.rho = given.rho; }
    if (set & TAKES_EPS) { require(&s, TAKES_EPS, "--eps"); s.hyper.eps = given.eps; }
    if (set & TAKES_CENTERED) { require(&s, TAKES_CENTERED, "--centered"); s.hyper.centered = true; }
    if (set & TAKES_MOMENTUM) {
        if (s.kind != &rmsprop_kind)
            fail(EXIT_USAGE, "--momentum applies to --optimizer rmsprop only here (chapter 6 has "
                 "SGD's)");
        s.hyper.momentum = given.momentum;
    }
    return s;
}

/* ANCHOR: effective */
/* The learning rate that plain gradient descent would need on coordinate i
 * to make the move the optimizer just made.  With RMSprop's momentum the
 * move also carries the momentum buffer b, and this is the rate at which
 * the new gradient enters b (chapter 6's learning rate):
 *   Adagrad   clr / (sqrt(s_i) + eps)                      eq. (7.3)
 *   RMSprop   lr / (sqrt(v_i - m_i^2) + eps), m = 0 unless centered  (7.5)
 *   Adadelta  lr sqrt(u_i + eps) / sqrt(v_i + eps), with u_i before the step
 *   GD        lr
 * Read from the optimizer's state after the step; u_before holds
 * Adadelta's u from before it. */
static double effective_lr(const struct optimizer *opt, const double *u_before, size_t i)
{
    const struct hyper *h = &opt->hyper;
    const struct optimizer_kind *kind = opt->kind;
    if (kind == &adagrad_kind) {
        double clr = h->lr / (1.0 + (double)(opt->step_count - 1) * h->lr_decay);
        return clr / (sqrt(opt->buffer[0][i]) + h->eps);
    }
    if (kind == &rmsprop_kind) {
        double m = h->centered ? opt->buffer[1][i] : 0.0;
        return h->lr / (sqrt(opt->buffer[0][i] - m * m) + h->eps);
    }
    if (kind == &adadelta_kind)
        return h->lr * sqrt(u_before[i] + h->eps) / sqrt(opt->buffer[0][i] + h->eps);
    return h->lr;
}
/* ANCHOR_END: effective */

/* One run: the state of an optimizer on f, stepped one update at a time. */
struct run {
    struct function f;
    struct optimizer opt;
    double x[DIM], grad[DIM], loss;
    double eta[DIM];                          /* effective_lr of the last step */
};

static void run_init(struct run *r, const struct settings *s, const double *x0,
                     const struct optimizer_kind *kind, const struct hyper *hyper)
{
    r->f = quadratic(s->curvature, DIM);
    optimizer_init(&r->opt, kind, hyper, DIM);
    memcpy(r->x, x0, sizeof r->x);
    r->loss = r->f.value(&r->f, r->x);
    r->eta[0] = r->eta[1] = 0.0;
}

/* One update.  False when f, x or an effective rate stopped being finite:
 * the caller stops that run (and the program ends with exit status 3). */
static bool run_step(struct run *r)
{
    double u_before[DIM];
    memcpy(u_before, r->opt.buffer[1], sizeof u_before);
    r->f.gradient(&r->f, r->grad, r->x);
    optimizer_step(&r->opt, r->x, r->grad);
    r->loss = r->f.value(&r->f, r->x);
    for (size_t i = 0; i < DIM; i++)
        r->eta[i] = effective_lr(&r->opt, u_before, i);
    return row_is_finite(r->loss, r->x, DIM) && row_is_finite(r->eta[0], r->eta, DIM);
}

/* One update of a run that must not fail: if it does, the one line on
 * stderr and exit status 3. */
static void step_or_stop(struct run *r, const char *label)
{
    if (run_step(r))
        return;
    if (r->opt.kind != &sgd_kind && r->opt.hyper.eps == 0.0)
        fail(EXIT_DIVERGED, "%s broke down at step %ld: with --eps 0 a gradient of 0 "
             "(or one whose square underflows to 0) divides by 0; keep eps > 0",
             label, r->opt.step_count);
    fail(EXIT_DIVERGED, "%s diverged at step %ld (f or x stopped being finite): "
         "try a smaller --lr%s", label, r->opt.step_count,
         r->opt.kind == &sgd_kind ? " (gd needs lr < 2 / largest curvature)" : "");
}

/* x in the worked table's columns: ten decimals, or for the huge values of
 * a run on its way to diverging, e-notation in the same width. */
static void print_value(double value, int width)
{
    if (fabs(value) < 100.0)
        printf("%-*.10f", width, value);
    else
        printf("%-*.7e", width, value);
}

/* The name --optimizer takes: chapter 6's sgd_kind is plain gradient
 * descent here (no momentum), under the lab's name "sgd". */
static const char *method_label(const struct optimizer_kind *kind)
{
    return kind->name;
}

/* The worked examples: the first s->steps updates of one method. */
static void worked_table(const struct settings *s)
{
    struct run r;
    const struct hyper *h = &s->hyper;
    run_init(&r, s, s->x0, s->kind, h);
    printf("%s on f = 1/2 (%g x1^2 + %g x2^2) from (%g, %g): lr = %g",
           method_label(s->kind),
           s->curvature[0], s->curvature[1], s->x0[0], s->x0[1], h->lr);
    if (s->kind == &rmsprop_kind)
        printf(", alpha = %g, eps = %g%s, momentum = %g", h->alpha, h->eps,
               h->centered ? ", centered" : "", h->momentum);
    else if (s->kind == &adagrad_kind)
        printf(", eps = %g", h->eps);
    else if (s->kind == &adadelta_kind)
        printf(", rho = %g, eps = %g", h->rho, h->eps);
    printf("\n%3s  %-14s  %-14s  %-14s  %-14s  %-12s  %s\n", "k", "x1", "x2",
           "move x1", "move x2", "eta_eff 1", "eta_eff 2");
    printf("%3d  ", 0);
    print_value(r.x[0], 14);
    printf("  ");
    print_value(r.x[1], 0);
    printf("\n");
    for (long k = 1; k <= s->steps; k++) {
        double before[DIM] = {r.x[0], r.x[1]};
        step_or_stop(&r, method_label(s->kind));
        printf("%3ld", k);
        for (int i = 0; i < DIM; i++) {
            printf("  ");
            print_value(r.x[i], 14);
        }
        for (int i = 0; i < DIM; i++) {
            printf("  ");
            print_value(r.x[i] - before[i], 14);
        }
        printf("  %-12.6e  %.6e\n", r.eta[0], r.eta[1]);
    }
    optimizer_free(&r.opt);
}

/* ANCHOR: contenders */
/* The comparison's settings: gradient descent near its best on this f;
 * Adagrad at the worked example's lr (a larger one does better from (1, 1));
 * RMSprop and Adadelta with PyTorch's defaults. */
struct contender {
    const char *label, *file;
    const struct optimizer_kind *kind;
    double lr, momentum;
    bool centered;
};

static const struct contender contenders[] = {
    {"sgd, lr 0.019", "sgd", &sgd_kind, 0.019, 0.0, false},
    {"adagrad, lr 0.1", "adagrad", &adagrad_kind, 0.1, 0.0, false},
    {"rmsprop, lr 0.01", "rmsprop", &rmsprop_kind, 0.01, 0.0, false},
    {"rmsprop centered", "centered", &rmsprop_kind, 0.01, 0.0, true},
    {"rmsprop momentum 0.9", "momentum", &rmsprop_kind, 0.001, 0.9, false},
    {"adadelta, lr 1", "adadelta", &adadelta_kind, 1.0, 0.0, false},
};
/* ANCHOR_END: contenders */
#define CONTENDERS (sizeof contenders / sizeof contenders[0])

static struct hyper hyper_of(const struct contender *c)
{
    struct hyper h = c->kind->defaults;
    h.lr = c->lr;
    h.momentum = c->momentum;
    h.centered = c->centered;
    return h;
}

/* The comparison table: every contender for RACE_STEPS updates.  One that
 * diverges (possible with other --function) says so in its row, the others
 * still run, and the program then ends with exit status 3. */
static void comparison(const struct settings *s)
{
    static const long shown[] = {10, 100, 500, 2000};
    const char *failed = NULL;                 /* the first contender that diverged */
    long failed_at = 0;

    printf("f = 1/2 (%g x1^2 + %g x2^2) from (%g, %g); f(x0) = %g\n",
           s->curvature[0], s->curvature[1], s->x0[0], s->x0[1],
           0.5 * (s->curvature[0] * s->x0[0] * s->x0[0] + s->curvature[1] * s->x0[1] * s->x0[1]));
    printf("%-22s  %-10s  %-10s  %-10s  %-10s  %-11s  %s\n", "method", "f after 10",
           "after 100", "after 500", "after 2000", "f < 1e-10", "eta_eff 2 at 2000");
    for (size_t c = 0; c < CONTENDERS; c++) {
        struct hyper h = hyper_of(&contenders[c]);
        struct run r;
        long first = 0;
        size_t next = 0;
        run_init(&r, s, s->x0, contenders[c].kind, &h);
        printf("%-22s", contenders[c].label);
        bool finite = true;
        for (long k = 1; k <= RACE_STEPS; k++) {
            if (!(finite = run_step(&r)))
                break;
            if (first == 0 && r.loss < TARGET_LOSS)
                first = k;
            if (next < sizeof shown / sizeof shown[0] && k == shown[next]) {
                printf("  %-10.3e", r.loss);
                next++;
            }
        }
        if (!finite) {
            printf("  diverged at step %ld\n", r.opt.step_count);
            if (failed == NULL) {
                failed = contenders[c].label;
                failed_at = r.opt.step_count;
            }
        } else if (first) {
            printf("  k = %-7ld  %.4g\n", first, r.eta[1]);
        } else {
            printf("  %-11s  %.4g\n", "never", r.eta[1]);
        }
        optimizer_free(&r.opt);
    }
    if (failed != NULL)
        fail(EXIT_DIVERGED, "%s diverged at step %ld: the comparison's settings suit the "
             "default curvatures; try --optimizer NAME --lr X on these", failed, failed_at);
}

/* Each contender's path from x0 as dir/<prefix>_<name>.csv, steps updates. */
static void write_paths(const struct settings *s, const double *x0, const char *prefix,
                        long steps)
{
    for (size_t c = 0; c < CONTENDERS; c++) {
        struct hyper h = hyper_of(&contenders[c]);
        struct run r;
        char name[64];
        FILE *path;
        snprintf(name, sizeof name, "%s_%s.csv", prefix, contenders[c].file);
        path = csv_create(s->csv_dir, name);
        run_init(&r, s, x0, contenders[c].kind, &h);
        csv_header(path, "x", DIM, NULL);
        csv_row(path, 0, r.loss, r.x, DIM);
        for (long k = 1; k <= steps; k++) {
            step_or_stop(&r, contenders[c].label);
            csv_row(path, k, r.loss, r.x, DIM);
        }
        csv_close(path, name);
        optimizer_free(&r.opt);
    }
}

/* The figures' data: the paths from x0 and from SECOND_START, and the
 * effective learning rates of all contenders side by side, one row a step. */
static void write_figure_data(const struct settings *s)
{
    static const double second_start[DIM] = SECOND_START;
    struct run runs[CONTENDERS];
    FILE *file = csv_create(s->csv_dir, "effective_lr.csv");

    write_paths(s, s->x0, "path", RACE_STEPS);
    write_paths(s, second_start, "path2", SECOND_STEPS);
    fputs("step", file);
    for (size_t c = 0; c < CONTENDERS; c++) {
        struct hyper h = hyper_of(&contenders[c]);
        run_init(&runs[c], s, s->x0, contenders[c].kind, &h);
        fprintf(file, ",%s_1,%s_2", contenders[c].file, contenders[c].file);
    }
    fputc('\n', file);
    for (long k = 1; k <= RACE_STEPS; k++) {
        fprintf(file, "%ld", k);
        for (size_t c = 0; c < CONTENDERS; c++) {
            step_or_stop(&runs[c], contenders[c].label);
            fprintf(file, ",%.17g,%.17g", runs[c].eta[0], runs[c].eta[1]);
        }
        fputc('\n', file);
    }
    for (size_t c = 0; c < CONTENDERS; c++)
        optimizer_free(&runs[c].opt);
    csv_close(file, "effective_lr.csv");
}

/* x in e-notation as the book writes it, 2.3e-3 rather than 2.3e-03. */
static const char *sci_text(int digits, double x)
{
    static char text[2][32];
    static int next;
    char *out = text[next++ % 2], *e;
    int exponent;
    snprintf(out, sizeof text[0], "%.*e", digits, x);
    e = strchr(out, 'e');
    exponent = atoi(e + 1);
    snprintf(e, sizeof text[0] - (size_t)(e - out), "e%d", exponent);
    return out;
}

/* The smallest and largest of coordinate 2's effective rate over the
 * last `last` of the comparison's RACE_STEPS steps, for contender c. */
static void rate_range(const struct settings *s, size_t c, long last, double *low, double *high)
{
    struct hyper h = hyper_of(&contenders[c]);
    struct run r;
    run_init(&r, s, s->x0, contenders[c].kind, &h);
    *low = INFINITY;
    *high = 0.0;
    for (long k = 1; k <= RACE_STEPS; k++) {
        step_or_stop(&r, contenders[c].label);
        if (k > RACE_STEPS - last) {
            *low = fmin(*low, r.eta[1]);
            *high = fmax(*high, r.eta[1]);
        }
    }
    optimizer_free(&r.opt);
}

/* --values: the numbers the chapter's prose quotes about the comparison,
 * one "name text" line each, the text as the prose shows it (tests/weave.c
 * weaves them).  Adadelta's bounce: the step at which coordinate 2's
 * effective rate first passes gradient descent's limit 2/a_2, with u_2
 * (before that step) and v_2 there; u_2 is far below eps, v_2 far above. */
static void print_values(const struct settings *s)
{
    const size_t adadelta = CONTENDERS - 1, rmsprop = 2, momentum = 4;
    struct hyper h = hyper_of(&contenders[adadelta]);
    struct run r;
    double low, high;
    run_init(&r, s, s->x0, contenders[adadelta].kind, &h);
    for (long k = 1; k <= RACE_STEPS; k++) {
        double u_before = r.opt.buffer[1][1];
        step_or_stop(&r, contenders[adadelta].label);
        if (r.eta[1] > 2.0 / s->curvature[1]) {
            double v = r.opt.buffer[0][1];
            printf("adadelta_cross_step %ld\n", k);
            printf("adadelta_cross_u2 %s\n", sci_text(1, u_before));
            printf("adadelta_cross_v2 %s\n", sci_text(1, v));
            printf("adadelta_cross_v2_in_eps %.0f\n", 100.0 * round(v / h.eps / 100.0));
            break;
        }
    }
    optimizer_free(&r.opt);
    rate_range(s, rmsprop, 200, &low, &high);
    printf("rmsprop_last200_low %.4f\nrmsprop_last200_high %.4f\n", low, high);
    rate_range(s, momentum, 100, &low, &high);
    printf("momentum_last100_low %.4f\nmomentum_last100_high %.4f\n", low, high);
}

int main(int argc, char **argv)
{
    struct settings s;
    fail_program = "ch07";
    s = parse(argc, argv);
    if (s.values)
        print_values(&s);
    else if (s.kind == NULL) {
        if (s.csv_dir)                        /* first: a bad DIR stops before any output */
            write_figure_data(&s);
        comparison(&s);
    }
    else
        worked_table(&s);
    return 0;
}
