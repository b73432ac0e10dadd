/* main.c: chapter 4's program, build/ch04.
 *
 * The three worked examples on three samples (x1, x2, y) = (1, 1, 4),
 * (2, 1, 6), (1, 2, 6), model y_hat = w1 x1 + w2 x2, w^(0) = (0, 0), eta = 0.1:
 *   --example bgd        batch gradient descent, its closed form and a path
 *                        rounded to two decimals (--lr, --steps,
 *                        --every change the run: try the exercises)
 *   --example sgd        one sample per update, order 1, 2, 3 (--order)
 *   --example minibatch  batches {1, 2}, {3}, {1, 2}, ...
 *   (default: all three)
 * and the measured comparison on a synthetic 100 000 x 16 problem:
 *   --example compare    batch sizes 1, 32, 256 and N; the noise floor and
 *                        how to remove it; sequential against shuffled order.
 * Its output is the same on every machine: it counts updates and sample
 * gradients, never seconds (wall-clock time is build/bench04's job).
 * With --csv DIR it writes figure data there (tests/draw.sh): alone, every
 * figure's; with --example compare, the comparison's; with another
 * --example, the three-sample paths'.
 * Leaves out on purpose: a bias (the examples have none), reading CSV files
 * (that is the lab's), any optimizer but plain gd_step.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "04-batches/regression.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SAMPLES 3
#define MAX_ROWS 100000

struct settings {
    const char *example;        /* NULL: bgd, sgd and minibatch */
    double eta;
    long steps, every;
    size_t order[SAMPLES];      /* SGD's visiting order, 0-based */
    const char *csv_dir;
    const char *data_file;      /* --write-data: the synthetic problem as CSV */
};

static void usage(void)
{
    puts("usage: ch04 [--example bgd|sgd|minibatch|compare] [--lr LR] [--steps N]\n"
         "            [--every K] [--order I,J,K] [--csv DIR] [--write-data FILE]\n"
         "  --example NAME  run one example (default: bgd, sgd and minibatch)\n"
         "  --lr LR         learning rate eta of the three-sample examples, 0 < LR <= 10\n"
         "                  (default 0.1)\n"
         "  --steps N       updates to run, 1..100000 (default 3)\n"
         "  --every K       print every K-th row of the BGD table and the last\n"
         "  --order I,J,K   SGD's order of the samples 1, 2, 3 (default 1,2,3)\n"
         "  --csv DIR       also write the figures' data into DIR\n"
         "  --write-data FILE  write the 100 000 x 16 problem as CSV for the lab\n"
         "                  (x1..x16,y; about 35 MB) and stop");
}

/* A flag that only one example reads is refused elsewhere, rather than
 * silently ignored: "--example compare --lr 0.5" would otherwise look as
 * if it had changed the comparison. */
static void refuse_unused(const struct settings *s, const struct flags_given *given)
{
    static const char *const all[] = {"--example", "--csv", "--lr", "--steps", "--every",
                                      "--order", NULL};
    static const char *const three_samples[] = {"--lr", "--steps", "--every", "--order", NULL};
    static const char *const order[] = {"--order", NULL}, *const every[] = {"--every", NULL};
    const char *example = s->example ? s->example : "";
    if (s->data_file)
        refuse_flags(given, all, "does not go with --write-data, which writes the data set "
                     "and stops");
    if (strcmp(example, "compare") == 0)
        refuse_flags(given, three_samples, "sets the three-sample examples; --example "
                     "compare uses the fixed rates its tables print");
    if (s->example && strcmp(example, "sgd") != 0)
        refuse_flags(given, order, "sets SGD's order: use it with --example sgd");
    if (s->example && strcmp(example, "bgd") != 0)
        refuse_flags(given, every, "thins the BGD table: use it with --example bgd");
}

static struct settings parse(int argc, char **argv)
{
    struct settings s = {NULL, 0.1, 3, 1, {0, 1, 2}, NULL, NULL};
    struct flags_given given = {0};
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--example") == 0) {
            s.example = flag_value(argc, argv, &i);
            if (strcmp(s.example, "bgd") != 0 && strcmp(s.example, "sgd") != 0 &&
                strcmp(s.example, "minibatch") != 0 && strcmp(s.example, "compare") != 0)
                fail(EXIT_USAGE, "--example: unknown example '%s' "
                     "(bgd, sgd, minibatch or compare)", s.example);
        } else if (strcmp(flag, "--lr") == 0) {
            s.eta = parse_positive(flag, flag_value(argc, argv, &i), 10.0);
        } else if (strcmp(flag, "--steps") == 0) {
            s.steps = parse_whole(flag, flag_value(argc, argv, &i), 1, MAX_ROWS);
        } else if (strcmp(flag, "--every") == 0) {
            s.every = parse_whole(flag, flag_value(argc, argv, &i), 1, MAX_ROWS);
        } else if (strcmp(flag, "--order") == 0) {
            double order[SAMPLES];
            bool seen[SAMPLES] = {false};
            if (parse_number_list(flag, flag_value(argc, argv, &i), order, SAMPLES) != SAMPLES)
                fail(EXIT_USAGE, "--order: give the three samples 1, 2, 3 in some order");
            for (int k = 0; k < SAMPLES; k++) {
                if (order[k] != 1 && order[k] != 2 && order[k] != 3)
                    fail(EXIT_USAGE, "--order: %g is not a sample (1, 2 or 3)", order[k]);
                s.order[k] = (size_t)order[k] - 1;
                if (seen[s.order[k]])
                    fail(EXIT_USAGE, "--order: sample %g appears twice", order[k]);
                seen[s.order[k]] = true;
            }
        } else if (strcmp(flag, "--csv") == 0)
            s.csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--write-data") == 0)
            s.data_file = flag_value(argc, argv, &i);
        else
            help_or_unknown_flag(flag, usage);
    }
    refuse_unused(&s, &given);
    return s;
}

/* ---------------------------------------------- the three-sample examples */

/* ANCHOR: samples */
static const double sample_x[SAMPLES][2] = {{1, 1}, {2, 1}, {1, 2}};
static const double sample_y[SAMPLES] = {4, 6, 6};
/* ANCHOR_END: samples */

static struct dataset three_samples(void)
{
    struct dataset data;
    dataset_init(&data, SAMPLES, 2);
    for (size_t i = 0; i < SAMPLES; i++) {
        data.x[2 * i] = sample_x[i][0];
        data.x[2 * i + 1] = sample_x[i][1];
        data.y[i] = sample_y[i];
    }
    return data;
}

/* "1,2,3" for a batch of sample indices. */
static const char *batch_name(const size_t *batch, size_t size)
{
    static char name[32];
    size_t used = 0;
    for (size_t k = 0; k < size && used + 4 < sizeof name; k++)
        used += (size_t)snprintf(name + used, sizeof name - used, k ? ",%zu" : "%zu",
                                 batch[k] + 1);
    return name;
}

/* One update of the worked examples, as a table row: which samples, their
 * predictions, the batch's loss and gradient at w, then the new w and the
 * loss over all three samples there.  False, and nothing printed, when the
 * new w or its loss is no longer finite. */
static bool print_update(long k, const struct regression *model, double *w,
                         const size_t *batch, size_t size, double eta, bool print)
{
    char predictions[64] = "", gradient[48], weights[48];
    size_t used = 0;
    double grad[2], batch_loss = mse_loss(model, w, batch, size), loss;
    for (size_t j = 0; j < size; j++)
        used += (size_t)snprintf(predictions + used, sizeof predictions - used,
                                 j ? ", %.6g" : "%.6g", regression_predict(model, w, batch[j]));
    mse_grad(model, grad, w, batch, size);
    gd_step(w, grad, 2, eta);
    loss = mse_loss(model, w, NULL, 0);
    if (!row_is_finite(loss, w, 2))
        return false;
    if (print) {
        snprintf(gradient, sizeof gradient, "(%.6g, %.6g)", grad[0], grad[1]);
        snprintf(weights, sizeof weights, "(%.6g, %.6g)", w[0], w[1]);
        printf("%3ld  %-7s  %-26s  %-9.6g  %-24s  %-20s  %.6g\n", k, batch_name(batch, size),
               predictions, batch_loss, gradient, weights, loss);
    }
    return true;
}

/* The table's header, then row 0: the start w = (0, 0) and its loss. */
static void print_start(const struct regression *model)
{
    const double w[2] = {0, 0};
    printf("%3s  %-7s  %-26s  %-9s  %-24s  %-20s  %s\n", "k", "batch", "y_hat of batch at w^(k-1)",
           "L_batch", "gradient", "w^(k)", "L(w^(k)), all 3");
    printf("%3d  %-7s  %-26s  %-9s  %-24s  %-20s  %.6g\n", 0, "", "", "", "", "(0, 0)",
           mse_loss(model, w, NULL, 0));
}

/* Closed form of BGD here: the error w - (2, 2) starts along (1, 1), an
 * eigenvector of the Hessian with eigenvalue 22/3, so it shrinks by
 * r = 1 - 22 eta / 3 every step: w^(k) = 2 - 2 r^k, L(w^(k)) = 88/3 r^(2k). */
static double bgd_closed_form_w(double eta, long k)
{
    double power = 1.0;             /* r^k by multiplication: the same bits on every libm */
    for (long j = 0; j < k; j++)
        power *= 1.0 - 22.0 * eta / 3.0;
    return 2.0 - 2.0 * power;
}

/* ANCHOR: bgd */
static void bgd_example(const struct settings *s, const struct regression *model)
{
    static const size_t all[SAMPLES] = {0, 1, 2};
    double w[2] = {0, 0};
    printf("Batch gradient descent: every update uses samples 1, 2, 3; eta = %g\n", s->eta);
    printf("closed form: w1 = w2 = 2 - 2 r^k with r = 1 - 22 eta/3 = %.6g\n",
           1.0 - 22.0 * s->eta / 3.0);
    print_start(model);
    for (long k = 1; k <= s->steps; k++) {
        double before[2] = {w[0], w[1]};
        if (!print_update(k, model, w, all, SAMPLES, s->eta, k % s->every == 0 || k == s->steps)) {
            fflush(stdout);                     /* the rows first, then the message */
            fail(EXIT_DIVERGED, "BGD diverged at step %ld: the loss overflowed after "
                 "w = (%.6g, %.6g); |r| = |1 - 22 eta/3| = %g > 1 makes every step longer: "
                 "try --lr below 3/11", k, before[0], before[1],
                 fabs(1.0 - 22.0 * s->eta / 3.0));
        }
    }
    printf("after %ld steps: w1 - (2 - 2 r^k) = %.3g (rounding only)\n", s->steps,
           w[0] - bgd_closed_form_w(s->eta, s->steps));
}
/* ANCHOR_END: bgd */

/* n/d in lowest terms. */
static void print_fraction(const char *format, uint64_t n, uint64_t d, bool negative)
{
    char text[48];
    uint64_t a = n, b = d;
    while (b != 0) {
        uint64_t t = a % b;
        a = b;
        b = t;
    }
    n /= a, d /= a;
    if (d == 1)
        snprintf(text, sizeof text, "%s%llu", negative ? "-" : "", (unsigned long long)n);
    else
        snprintf(text, sizeof text, "%s%llu/%llu", negative ? "-" : "",
                 (unsigned long long)n, (unsigned long long)d);
    printf(format, text);
}

/* A hand calculation that rounds w to two decimals after every update:
 * rounded^(k) = round2(rounded^(k-1) - eta grad L(rounded^(k-1))).  Its
 * decimals next to the exact ones. */
static void bgd_against_rounded(const struct regression *model)
{
    double rounded[2] = {0, 0}, grad[2];
    uint64_t pow4 = 1, pow15 = 1, pow16 = 1, pow225 = 1;
    printf("\nExact fractions (eta = 1/10, r = 4/15) and a path rounded to two decimals\n");
    printf("%3s  %-12s  %-10s  %-18s  %-11s  %-15s  %-10s  %s\n", "k", "w^(k) exact", "w^(k)",
           "L(w^(k)) exact", "L(w^(k))", "before rounding", "rounded", "L(rounded)");
    for (long k = 0; k <= 4; k++) {
        double w_exact = bgd_closed_form_w(0.1, k), w[2] = {w_exact, w_exact};
        double unrounded = rounded[0];
        printf("%3ld  ", k);
        print_fraction("%-12s  ", 2 * (pow15 - pow4), pow15, false);  /* 2 - 2 (4/15)^k */
        printf("%-10.6g  ", w_exact);
        print_fraction("%-18s  ", 88 * pow16, 3 * pow225, false);      /* 88/3 (16/225)^k */
        printf("%-11.6g  ", mse_loss(model, w, NULL, 0));
        if (k > 0) {
            mse_grad(model, grad, rounded, NULL, 0);
            gd_step(rounded, grad, 2, 0.1);
            unrounded = rounded[0];
            rounded[0] = round(100.0 * rounded[0]) / 100.0;
            rounded[1] = round(100.0 * rounded[1]) / 100.0;
        }
        printf("%-15.7g  %-10.4g  %.4g\n", unrounded, rounded[0],
               mse_loss(model, rounded, NULL, 0));
        pow4 *= 4, pow15 *= 15, pow16 *= 16, pow225 *= 225;
    }
}

static void sgd_example(const struct settings *s, const struct regression *model)
{
    double w[2] = {0, 0};
    printf("Stochastic gradient descent: one sample per update, order %zu, %zu, %zu; "
           "eta = %g\n", s->order[0] + 1, s->order[1] + 1, s->order[2] + 1, s->eta);
    print_start(model);
    for (long k = 1; k <= s->steps; k++)
        if (!print_update(k, model, w, &s->order[(k - 1) % SAMPLES], 1, s->eta, true)) {
            fflush(stdout);
            fail(EXIT_DIVERGED, "SGD diverged at step %ld: try a smaller --lr", k);
        }
}

static void minibatch_example(const struct settings *s, const struct regression *model)
{
    static const size_t first[2] = {0, 1}, second[1] = {2};
    double w[2] = {0, 0};
    printf("Mini-batch gradient descent: batches of 2, {1, 2} then {3}; eta = %g\n", s->eta);
    print_start(model);
    for (long k = 1; k <= s->steps; k++) {
        bool finite = k % 2 == 1 ? print_update(k, model, w, first, 2, s->eta, true)
                                 : print_update(k, model, w, second, 1, s->eta, true);
        if (!finite) {
            fflush(stdout);
            fail(EXIT_DIVERGED, "mini-batch descent diverged at step %ld: try a smaller --lr", k);
        }
    }
}

/* The first ten updates of BGD, SGD (1, 2, 3, 1, ...) and mini-batches. */
static void write_hand_figures(const char *dir, const struct regression *model)
{
    static const size_t all[3] = {0, 1, 2};
    const char *names[3] = {"bgd.csv", "sgd.csv", "minibatch.csv"};
    for (int variant = 0; variant < 3; variant++) {
        FILE *file = csv_create(dir, names[variant]);
        double w[2] = {0, 0}, grad[2];
        csv_header(file, "w", 2, NULL);
        csv_row(file, 0, mse_loss(model, w, NULL, 0), w, 2);
        for (long k = 1; k <= 30; k++) {
            if (variant == 0)
                mse_grad(model, grad, w, all, 3);
            else if (variant == 1)
                mse_grad(model, grad, w, &all[(k - 1) % 3], 1);
            else if (k % 2 == 1)
                mse_grad(model, grad, w, all, 2);
            else
                mse_grad(model, grad, w, &all[2], 1);
            gd_step(w, grad, 2, 0.1);
            csv_row(file, k, mse_loss(model, w, NULL, 0), w, 2);
        }
        csv_close(file, names[variant]);
    }
}

/* ---------------------------------------------- the measured comparison */

#define COUNT 100000
#define FEATURES 16
#define NOISE 0.5
#define SEED 4
#define EPOCHS 20
#define TARGET 0.01         /* L(w) - L(w*) <= TARGET L(w*) */

struct problem {
    struct dataset data;
    struct regression model;
    double w_true[FEATURES], w_star[FEATURES];
    double gram[FEATURES * FEATURES];
    double best_loss;                   /* L(w*) */
    size_t sorted[COUNT];               /* sample indices sorted by y */
};

/* One way of running mini-batch SGD for EPOCHS epochs. */
struct schedule {
    const char *label;
    size_t batch;           /* batch size (of the first epoch when grow) */
    bool grow;              /* double the batch every epoch, up to N */
    double eta;
    bool decay;             /* eta_t = eta / (1 + t), t = samples seen / N */
    bool shuffle;           /* reshuffle every epoch */
    bool sorted;            /* visit the samples sorted by y (else as generated) */
    const char *csv;        /* figure data file, or NULL */
};

struct outcome {
    long samples_to_target; /* sample gradients until the target first held; -1 never */
    double excess[EPOCHS + 1];  /* (L - L*) / L* after each epoch */
    double distance;        /* ||w - w*|| at the end */
};

/* qsort has no context argument in C11: the comparator reads the problem
 * being sorted from here. */
static const struct problem *sort_context;
static int compare_by_y(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double yi = sort_context->data.y[i], yj = sort_context->data.y[j];
    if (yi != yj)
        return yi < yj ? -1 : 1;
    return i < j ? -1 : i > j;          /* ties by index: the same order everywhere */
}

static void problem_init(struct problem *p)
{
    synthetic_regression(&p->data, p->w_true, COUNT, FEATURES, NOISE, SEED);
    p->model = (struct regression){&p->data, false};
    if (!least_squares(p->w_star, &p->data))
        fail(1, "X^T X is not positive definite: the synthetic data are degenerate");
    gram_matrix(p->gram, &p->data);
    p->best_loss = mse_loss(&p->model, p->w_star, NULL, 0);
    for (size_t i = 0; i < COUNT; i++)
        p->sorted[i] = i;
    sort_context = p;
    qsort(p->sorted, COUNT, sizeof(size_t), compare_by_y);
}

/* tr(G), the mean of ||x||^2: with eta / B it predicts the noise floor (4.4). */
static double gram_trace(const struct problem *p)
{
    double trace = 0.0;
    for (size_t j = 0; j < FEATURES; j++)
        trace += p->gram[j * FEATURES + j];
    return trace;
}

static double distance(const double *a, const double *b)
{
    double d[FEATURES];
    for (size_t j = 0; j < FEATURES; j++)
        d[j] = a[j] - b[j];
    return vec_norm(d, FEATURES);
}

/* ANCHOR: run */
static struct outcome run_schedule(const struct problem *p, const struct schedule *s,
                                   FILE *trace)
{
    struct outcome out = {.samples_to_target = -1};
    struct epoch epoch;
    double w[FEATURES] = {0}, grad[FEATURES];
    long samples = 0, next_row = 1, next_tick = COUNT / 20;
    size_t batch_size = s->batch;

    epoch_init(&epoch, COUNT, batch_size, s->shuffle, SEED + 1);
    if (s->sorted)
        memcpy(epoch.order, p->sorted, sizeof p->sorted);
    out.excess[0] = excess_loss(p->gram, w, p->w_star, FEATURES) / p->best_loss;
    if (trace) {
        fputs("samples,epoch,excess,distance\n", trace);
        fprintf(trace, "0,0,%.17g,%.17g\n", out.excess[0], distance(w, p->w_star));
    }
    for (int e = 1; e <= EPOCHS; e++) {
        const size_t *batch;
        size_t size;
        long checked = samples;
        epoch.batch_size = batch_size;
        epoch_start(&epoch);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0) {
            double eta = s->decay ? s->eta / (1.0 + (double)samples / COUNT) : s->eta;
            mse_grad(&p->model, grad, w, batch, size);
            gd_step(w, grad, FEATURES, eta);
            samples += (long)size;
            /* Look at the loss every 256 sample gradients or more: it costs
             * d^2 through the Gram matrix (excess_loss), not a pass over N. */
            if (samples - checked >= 256 || samples == (long)e * COUNT) {
                double excess = excess_loss(p->gram, w, p->w_star, FEATURES) / p->best_loss;
                checked = samples;
                if (!isfinite(excess)) {
                    fflush(stdout);
                    fail(EXIT_DIVERGED, "%s diverged after %ld sample gradients: "
                         "try a smaller eta", s->label, samples);
                }
                if (out.samples_to_target < 0 && excess <= TARGET)
                    out.samples_to_target = samples;
                /* Rows on a log scale of samples (about 18 a decade, for
                 * the early updates) and every twentieth of an epoch. */
                if (trace && (samples >= next_row || samples >= next_tick)) {
                    fprintf(trace, "%ld,%.17g,%.17g,%.17g\n", samples,
                            (double)samples / COUNT, excess, distance(w, p->w_star));
                    while (next_row <= samples)
                        next_row = next_row + next_row / 8 + 1;
                    while (next_tick <= samples)
                        next_tick += COUNT / 20;
                }
            }
        }
        out.excess[e] = excess_loss(p->gram, w, p->w_star, FEATURES) / p->best_loss;
        if (s->grow && batch_size < COUNT)
            batch_size = 2 * batch_size < COUNT ? 2 * batch_size : COUNT;
    }
    out.distance = distance(w, p->w_star);
    epoch_free(&epoch);
    return out;
}
/* ANCHOR_END: run */

/* The runs as a table: when the target first held, the excess loss after
 * epochs 1, 5 and 20, its mean over epochs 11 to 20 (the floor a constant
 * step settles on) next to the prediction eta tr(G) / B of (4.4). */
static void print_outcomes(const struct problem *p, const struct schedule *runs, size_t count,
                           const char *dir)
{
    double trace = gram_trace(p);
    printf("%-28s  %-6s  %-9s  %-26s  %-8s  %-9s  %s\n", "", "", "target",
           "(L - L*)/L* after epoch", "mean", "eta tr(G)", "||w - w*||");
    printf("%-28s  %-6s  %-9s  %-8s  %-8s  %-8s  %-8s  %-9s  %s\n", "run", "eta", "at epoch",
           "1", "5", "20", "11..20", "/ B", "at 20");
    for (size_t r = 0; r < count; r++) {
        FILE *file = dir && runs[r].csv ? csv_create(dir, runs[r].csv) : NULL;
        struct outcome out = run_schedule(p, &runs[r], file);
        char reached[32] = "never", predicted[32] = "-";
        double floor = 0.0;
        if (file)
            csv_close(file, runs[r].csv);
        if (out.samples_to_target >= 0)
            snprintf(reached, sizeof reached, "%.4f", (double)out.samples_to_target / COUNT);
        if (!runs[r].grow && !runs[r].decay && runs[r].batch < COUNT)
            snprintf(predicted, sizeof predicted, "%.2e",
                     runs[r].eta * trace / (double)runs[r].batch);
        for (int e = 11; e <= EPOCHS; e++)
            floor += out.excess[e] / (EPOCHS - 10);
        printf("%-28s  %-6g  %-9s  %-8.2e  %-8.2e  %-8.2e  %-8.2e  %-9s  %.2e\n", runs[r].label,
               runs[r].eta, reached, out.excess[1], out.excess[5], out.excess[EPOCHS], floor,
               predicted, out.distance);
    }
}

static void compare(const char *dir)
{
    static struct problem p;
    static const struct schedule sizes[] = {
        {"batch 1 (SGD)", 1, false, 0.001, false, true, false, "batch_1.csv"},
        {"batch 32", 32, false, 0.032, false, true, false, "batch_32.csv"},
        {"batch 256", 256, false, 0.256, false, true, false, "batch_256.csv"},
        {"batch N (BGD)", COUNT, false, 0.9, false, true, false, "batch_n.csv"},
    };
    static const struct schedule floors[] = {
        {"batch 1, constant", 1, false, 0.03, false, true, false, "floor_constant.csv"},
        {"batch 1, eta/(1 + epochs)", 1, false, 0.03, true, true, false, "floor_decay.csv"},
        {"batch doubling each epoch", 1, true, 0.03, false, true, false, "floor_grow.csv"},
    };
    static const struct schedule orders[] = {
        {"as generated, sequential", 32, false, 0.032, false, false, false, "order_generated.csv"},
        {"sorted by y, sequential", 32, false, 0.032, false, false, true, "order_sorted.csv"},
        {"sorted by y, shuffled", 32, false, 0.032, false, true, true, "order_shuffled.csv"},
    };
    double trace, lambda_max;

    problem_init(&p);
    lambda_max = largest_eigenvalue(p.gram, FEATURES);
    trace = gram_trace(&p);
    printf("Synthetic problem: N = %d samples, d = %d features, noise %g, seed %d\n",
           COUNT, FEATURES, NOISE, SEED);
    printf("exact least squares (Cholesky): L(w*) = %.6f, ||w* - w_true|| = %.4f\n",
           p.best_loss, distance(p.w_star, p.w_true));
    printf("G = X^T X / N: largest eigenvalue %.4f (BGD is stable for eta < 1/%.4f = %.4f),\n"
           "  trace tr(G) = %.4f (the mean of ||x||^2)\n", lambda_max, lambda_max,
           1.0 / lambda_max, trace);
    printf("target: L(w) - L(w*) <= %g L(w*); %d epochs; order reshuffled every epoch "
           "unless said\n", TARGET, EPOCHS);
    printf("\nBatch size:\n");
    print_outcomes(&p, sizes, sizeof sizes / sizeof *sizes, dir);
    printf("\nThe noise floor of constant-step SGD, and two ways to remove it:\n");
    print_outcomes(&p, floors, sizeof floors / sizeof *floors, dir);
    printf("\nSample order (batch 32, not reshuffled unless said):\n");
    print_outcomes(&p, orders, sizeof orders / sizeof *orders, dir);
    dataset_free(&p.data);
}

/* The synthetic problem as the lab reads it: a header, then x1..x16,y per
 * row with %.17g, so that every number reads back exactly. */
static void write_data(const char *path)
{
    struct dataset data;
    double w_true[FEATURES];
    FILE *file = fopen(path, "w");
    if (file == NULL)
        fail(EXIT_USAGE, "--write-data: cannot write '%s': %s", path, strerror(errno));
    synthetic_regression(&data, w_true, COUNT, FEATURES, NOISE, SEED);
    for (size_t j = 0; j < FEATURES; j++)
        fprintf(file, "x%zu,", j + 1);
    fputs("y\n", file);
    for (size_t i = 0; i < COUNT; i++) {
        for (size_t j = 0; j < FEATURES; j++)
            fprintf(file, "%.17g,", data.x[i * FEATURES + j]);
        fprintf(file, "%.17g\n", data.y[i]);
    }
    if (ferror(file) | fclose(file))
        fail(EXIT_USAGE, "--write-data: writing %s failed", path);
    dataset_free(&data);
}

int main(int argc, char **argv)
{
    struct settings s;
    struct dataset data;
    struct regression model;
    fail_program = "ch04";
    s = parse(argc, argv);
    if (s.data_file) {
        write_data(s.data_file);
        return 0;
    }
    if (s.example && strcmp(s.example, "compare") == 0) {
        compare(s.csv_dir);
        return 0;
    }
    data = three_samples();
    model = (struct regression){&data, false};
    if (s.csv_dir)
        write_hand_figures(s.csv_dir, &model);
    if (!s.example || strcmp(s.example, "bgd") == 0) {
        bgd_example(&s, &model);
        if (s.eta == 0.1 && s.steps == 3)
            bgd_against_rounded(&model);
    }
    if (!s.example || strcmp(s.example, "sgd") == 0) {
        if (!s.example)
            putchar('\n');
        sgd_example(&s, &model);
    }
    if (!s.example || strcmp(s.example, "minibatch") == 0) {
        if (!s.example)
            putchar('\n');
        minibatch_example(&s, &model);
    }
    if (s.csv_dir && !s.example)        /* --example compare wrote its own */
        compare(s.csv_dir);
    dataset_free(&data);
    return 0;
}
