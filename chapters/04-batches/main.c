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
 * --values prints the numbers the chapter's prose quotes from the
 * comparison, "name text" a line, for the weaver's <!-- v:NAME --> markers.
 * Leaves out on purpose: a bias (the examples have none), reading CSV files
 * (that is the lab's), any optimizer but plain gd_step.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "04-batches/compare.h"
#include "04-batches/regression.h"

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
    bool values;                /* --values: the prose's numbers, name and text */
};

static void usage(void)
{
    puts("usage: ch04 [--example bgd|sgd|minibatch|compare] [--lr LR] [--steps N]\n"
         "            [--every K] [--order I,J,K] [--csv DIR] [--write-data FILE] [--values]\n"
         "  --example NAME  run one example (default: bgd, sgd and minibatch)\n"
         "  --lr LR         learning rate eta of the three-sample examples, 0 < LR <= 10\n"
         "                  (default 0.1)\n"
         "  --steps N       updates to run, 1..100000 (default 3)\n"
         "  --every K       print every K-th row of the BGD table and the last\n"
         "  --order I,J,K   SGD's order of the samples 1, 2, 3 (default 1,2,3)\n"
         "  --csv DIR       also write the figures' data into DIR\n"
         "  --values        print the numbers the chapter's prose quotes, one\n"
         "                  'name text' line each (runs the comparison)\n"
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
    values_alone(given);
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
    struct settings s = {NULL, 0.1, 3, 1, {0, 1, 2}, NULL, NULL, false};
    struct flags_given given = {0};
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--example") == 0) {
            s.example = flag_value(argc, argv, &i);
            if (strcmp(s.example, "bgd") != 0 && strcmp(s.example, "sgd") != 0 &&
                strcmp(s.example, "minibatch") != 0 && strcmp(s.example, "compare") != 0)
                unknown_choice(flag, "example", s.example, "bgd, sgd, minibatch, compare");
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
        else if (strcmp(flag, "--values") == 0)
            s.values = true;
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

static const char *const hand_figures[3] = {"bgd.csv", "sgd.csv", "minibatch.csv"};

/* The first ten updates of BGD, SGD (1, 2, 3, 1, ...) and mini-batches. */
static void write_hand_figures(const char *dir, const struct regression *model)
{
    static const size_t all[3] = {0, 1, 2};
    const char *const *names = hand_figures;
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

#define SHUFFLE_SEED (COMPARE_SEED + 1)

static double vec_distance(const double *a, const double *b, size_t n)
{
    double d[COMPARE_FEATURES];
    for (size_t j = 0; j < n; j++)
        d[j] = a[j] - b[j];
    return vec_norm(d, n);
}

/* The runs as a table: when the target first held, the excess loss after
 * epochs 1, 5 and 20, the floor (the mean of every reading in epochs 11 to
 * 20) next to the predictions of compare.h: (4.4), eta tr(G) / B, and the
 * whole balance less the d/N that reshuffling takes off. */
static void print_outcomes(FILE *out, const struct problem *p, const struct batch_schedule *runs,
                           size_t count, const char *dir, struct outcome *outs)
{
    double trace = matrix_trace(p->gram, COMPARE_FEATURES);
    fprintf(out, "%-28s  %-6s  %-9s  %-26s  %-8s  %s\n", "", "", "target",
           "(L - L*)/L* after epoch", "floor", "predicted");
    fprintf(out, "%-28s  %-6s  %-9s  %-8s  %-8s  %-8s  %-8s  %-8s  %s\n", "run", "eta", "at epoch",
           "1", "5", "20", "11..20", "(4.4)", "(4.5)");
    for (size_t r = 0; r < count; r++) {
        FILE *file = dir && runs[r].csv ? csv_create(dir, runs[r].csv) : NULL;
        struct outcome result = run_schedule(p, &runs[r], SHUFFLE_SEED, COMPARE_EPOCHS, 11, file);
        char reached[32] = "never", simple[32] = "-", whole[32] = "-";
        if (file)
            csv_close(file, runs[r].csv);
        if (result.samples_to_target >= 0)
            snprintf(reached, sizeof reached, "%.4f",
                     (double)result.samples_to_target / COMPARE_COUNT);
        if (!runs[r].grow && !runs[r].decay && runs[r].shuffle && runs[r].batch < COMPARE_COUNT) {
            double batch = (double)runs[r].batch;
            snprintf(simple, sizeof simple, "%.2e", runs[r].eta * trace / batch);
            snprintf(whole, sizeof whole, "%.2e",
                     floor_prediction(p->gram, COMPARE_FEATURES, runs[r].eta, batch)
                     - (double)COMPARE_FEATURES / COMPARE_COUNT);
        }
        fprintf(out, "%-28s  %-6g  %-9s  %-8.2e  %-8.2e  %-8.2e  %-8.2e  %-8s  %s\n", runs[r].label,
               runs[r].eta, reached, result.excess[1], result.excess[5], result.excess[COMPARE_EPOCHS],
               result.floor, simple, whole);
        if (outs)
            outs[r] = result;
    }
}

/* "3.3 · 10⁻³": x with `digits` decimals and a power of ten, as the prose
 * writes it. */
static const char *times_ten(double x, int digits)
{
    static const char *super[10] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
    static char text[64];
    char mantissa[32];
    int exponent;
    snprintf(mantissa, sizeof mantissa, "%.*e", digits, x);
    exponent = atoi(strchr(mantissa, 'e') + 1);
    *strchr(mantissa, 'e') = '\0';
    snprintf(text, sizeof text, "%s · 10%s%s%s", mantissa, exponent < 0 ? "⁻" : "",
             abs(exponent) >= 10 ? super[abs(exponent) / 10] : "", super[abs(exponent) % 10]);
    return text;
}

/* "1 400 000": a whole number in groups of three. */
static const char *grouped(long n)
{
    static char text[32];
    char digits[32];
    size_t length, used = 0;
    snprintf(digits, sizeof digits, "%ld", n);
    length = strlen(digits);
    for (size_t i = 0; i < length; i++) {
        if (i > 0 && (length - i) % 3 == 0)
            text[used++] = ' ';
        text[used++] = digits[i];
    }
    text[used] = '\0';
    return text;
}

/* --values: the numbers the chapter's prose quotes from the comparison,
 * one "name text" line each, the text exactly as the prose shows it. */
static void print_values(const struct problem *p, const struct outcome *sizes,
                         const struct outcome *floors, const struct outcome *orders,
                         double lambda_max)
{
    const double *g = p->gram, reshuffle = (double)COMPARE_FEATURES / COMPARE_COUNT;
    double trace = matrix_trace(g, COMPARE_FEATURES), last = COMPARE_COUNT % 256;
    printf("lambda_max %.4f\n", lambda_max);
    printf("eta_limit %.4f\n", 1.0 / lambda_max);
    printf("sgd_target_epochs %.3f\n", (double)sizes[0].samples_to_target / COMPARE_COUNT);
    printf("sgd_target_samples %s\n", grouped(sizes[0].samples_to_target));
    printf("bgd_target_epochs %ld\n", sizes[3].samples_to_target / COMPARE_COUNT);
    printf("bgd_target_samples %s\n", grouped(sizes[3].samples_to_target));
    printf("bgd_sample_ratio %.0f\n",          /* BGD's sample gradients over batch 32's */
           (double)sizes[3].samples_to_target / (double)sizes[1].samples_to_target);
    printf("floor_b1 %s\n", times_ten(sizes[0].floor, 1));
    printf("floor_b32 %s\n", times_ten(sizes[1].floor, 1));
    printf("predicted_44 %s\n", times_ten(0.001 * trace, 1));
    printf("predicted_45_b1 %s\n",
           times_ten(floor_prediction(g, COMPARE_FEATURES, 0.001, 1) - reshuffle, 1));
    printf("floor_b256 %s\n", times_ten(sizes[2].floor, 1));
    printf("predicted_45_b256 %s\n",
           times_ten(floor_prediction(g, COMPARE_FEATURES, 0.256, 256) - reshuffle, 1));
    printf("last_batch %g\n", last);
    printf("end_b256 %s\n", times_ten(sizes[2].end_floor, 1));
    printf("end_b256_expected %s\n",
           times_ten(floor_after_short_batch(g, COMPARE_FEATURES, 0.256, 256, last) - reshuffle, 1));
    printf("before_b256 %s\n", times_ten(sizes[2].before_last, 1));
    printf("constant_44 %.2f\n", 0.03 * trace);
    printf("constant_floor %.3f\n", floors[0].floor);
    printf("constant_45 %.3f\n", floor_prediction(g, COMPARE_FEATURES, 0.03, 1) - reshuffle);
    printf("constant_no_feedback %.3f\n",
           floor_without_feedback(g, COMPARE_FEATURES, 0.03, 1) - reshuffle);
    printf("decay_target_epochs %.1f\n", (double)floors[1].samples_to_target / COMPARE_COUNT);
    printf("grow_target_epochs %.1f\n", (double)floors[2].samples_to_target / COMPARE_COUNT);
    printf("grow_final %s\n", times_ten(floors[2].excess[COMPARE_EPOCHS], 0));
    printf("generated_end %s\n", times_ten(orders[0].excess[COMPARE_EPOCHS], 1));
    printf("generated_floor %s\n", times_ten(orders[0].floor, 1));
    printf("sorted_end %.2f\n", orders[1].excess[COMPARE_EPOCHS]);
    printf("sorted_target_epochs %.3f\n", (double)orders[1].samples_to_target / COMPARE_COUNT);
}

static const struct batch_schedule sizes[] = {
    {"batch 1 (SGD)", 1, false, 0.001, false, true, false, false, "batch_1.csv"},
    {"batch 32", 32, false, 0.032, false, true, false, false, "batch_32.csv"},
    {"batch 256", 256, false, 0.256, false, true, false, false, "batch_256.csv"},
    {"batch N (BGD)", COMPARE_COUNT, false, 0.9, false, true, false, false, "batch_n.csv"},
};
static const struct batch_schedule floors[] = {
    {"batch 1, constant", 1, false, 0.03, false, true, false, false, "floor_constant.csv"},
    {"batch 1, eta/(1 + epochs)", 1, false, 0.03, true, true, false, false, "floor_decay.csv"},
    {"batch doubling each epoch", 1, true, 0.03, false, true, false, false, "floor_grow.csv"},
};
static const struct batch_schedule orders[] = {
    {"as generated, sequential", 32, false, 0.032, false, false, false, false,
     "order_generated.csv"},
    {"sorted by y, sequential", 32, false, 0.032, false, false, true, false,
     "order_sorted.csv"},
    {"sorted by y, shuffled", 32, false, 0.032, false, true, true, false,
     "order_shuffled.csv"},
};

/* Stop (exit 2) before printing anything unless every file of the
 * figures' data can be written in dir: exit 2 means nothing was produced. */
static void check_outputs(const char *dir)
{
    const struct batch_schedule *tables[3] = {sizes, floors, orders};
    const size_t counts[3] = {sizeof sizes / sizeof *sizes, sizeof floors / sizeof *floors,
                              sizeof orders / sizeof *orders};
    for (size_t k = 0; k < 3; k++)
        csv_check_writable(dir, hand_figures[k]);
    for (size_t t = 0; t < 3; t++)
        for (size_t r = 0; r < counts[t]; r++)
            if (tables[t][r].csv)
                csv_check_writable(dir, tables[t][r].csv);
}

static void compare(FILE *out, const char *dir)
{
    static struct problem p;
    struct outcome outs[4];
    double trace, lambda_max, last = COMPARE_COUNT % 256;

    problem_init(&p);
    lambda_max = largest_eigenvalue(p.gram, COMPARE_FEATURES);
    trace = matrix_trace(p.gram, COMPARE_FEATURES);
    fprintf(out, "Synthetic problem: N = %d samples, d = %d features, noise %g, seed %d\n",
           COMPARE_COUNT, COMPARE_FEATURES, COMPARE_NOISE, COMPARE_SEED);
    fprintf(out, "exact least squares (Cholesky): L(w*) = %.6f, ||w* - w_true|| = %.4f\n",
           p.best_loss, vec_distance(p.w_star, p.w_true, COMPARE_FEATURES));
    fprintf(out, "G = X^T X / N: largest eigenvalue %.4f (BGD is stable for eta < 1/%.4f = %.4f),\n"
           "  trace tr(G) = %.4f (the mean of ||x||^2)\n", lambda_max, lambda_max,
           1.0 / lambda_max, trace);
    fprintf(out, "target: L(w) - L(w*) <= %g L(w*); %d epochs; order reshuffled (seed %d) every "
           "epoch unless said\n", COMPARE_TARGET, COMPARE_EPOCHS, SHUFFLE_SEED);
    fprintf(out, "\nBatch size:\n");
    print_outcomes(out, &p, sizes, sizeof sizes / sizeof *sizes, dir, outs);
    fprintf(out, "batch 256 read at the ends of epochs 11..20, just after the short last batch "
           "(%g samples):\n  mean %.2e (expected %.2e); just before that batch: %.2e "
           "(expected %.2e)\n", last, outs[2].end_floor,
           floor_after_short_batch(p.gram, COMPARE_FEATURES, 0.256, 256, last)
           - (double)COMPARE_FEATURES / COMPARE_COUNT,
           outs[2].before_last, floor_prediction(p.gram, COMPARE_FEATURES, 0.256, 256)
           - (double)COMPARE_FEATURES / COMPARE_COUNT);
    fprintf(out, "\nThe noise floor of constant-step SGD, and two ways to remove it:\n");
    print_outcomes(out, &p, floors, sizeof floors / sizeof *floors, dir, NULL);
    fprintf(out, "\nSample order (batch 32, not reshuffled unless said):\n");
    print_outcomes(out, &p, orders, sizeof orders / sizeof *orders, dir, NULL);
    problem_free(&p);
}

/* A run as the tables make it (seed 5, from w = 0), until its target first
 * holds: for 1, 2, 4, ... epochs, up to COMPARE_EPOCHS.  A run's first
 * epochs do not depend on how many follow, so samples_to_target is the
 * whole run's as soon as the target holds within the epochs run (-1 if it
 * never does, as in the table). */
static struct outcome run_until_target(const struct problem *p, const struct batch_schedule *s)
{
    int epochs = 1;
    struct outcome result = run_schedule(p, s, SHUFFLE_SEED, epochs, 1, NULL);
    while (result.samples_to_target < 0 && epochs < COMPARE_EPOCHS) {
        epochs = 2 * epochs < COMPARE_EPOCHS ? 2 * epochs : COMPARE_EPOCHS;
        result = run_schedule(p, s, SHUFFLE_SEED, epochs, 1, NULL);
    }
    return result;
}

/* --values: the runs whose numbers the prose quotes, made as the tables
 * make them (print_outcomes), without the tables.  Of the decaying rate's
 * run the prose quotes only when its target first held, which takes less
 * than two of its twenty epochs (run_until_target); of the sample orders,
 * the first two (the third, "sorted by y, shuffled", is the batch-32 run
 * again, and the prose quotes nothing from its row). */
static void values(void)
{
    static struct problem p;
    struct outcome outs[4], floor_outs[3], order_outs[2];
    problem_init(&p);
    for (size_t r = 0; r < 4; r++)
        outs[r] = run_schedule(&p, &sizes[r], SHUFFLE_SEED, COMPARE_EPOCHS, 11, NULL);
    floor_outs[0] = run_schedule(&p, &floors[0], SHUFFLE_SEED, COMPARE_EPOCHS, 11, NULL);
    floor_outs[1] = run_until_target(&p, &floors[1]);
    floor_outs[2] = run_schedule(&p, &floors[2], SHUFFLE_SEED, COMPARE_EPOCHS, 11, NULL);
    for (size_t r = 0; r < 2; r++)
        order_outs[r] = run_schedule(&p, &orders[r], SHUFFLE_SEED, COMPARE_EPOCHS, 11, NULL);
    print_values(&p, outs, floor_outs, order_outs, largest_eigenvalue(p.gram, COMPARE_FEATURES));
    problem_free(&p);
}

/* The synthetic problem as the lab reads it: a header, then x1..x16,y per
 * row with %.17g, so that every number reads back exactly. */
static void write_data(const char *path)
{
    struct dataset data;
    double w_true[COMPARE_FEATURES];
    FILE *file = output_create("--write-data", path, "w");
    synthetic_regression(&data, w_true, COMPARE_COUNT, COMPARE_FEATURES, COMPARE_NOISE,
                         COMPARE_SEED);
    for (size_t j = 0; j < COMPARE_FEATURES; j++)
        fprintf(file, "x%zu,", j + 1);
    fputs("y\n", file);
    for (size_t i = 0; i < COMPARE_COUNT && !ferror(file); i++) {    /* a full disk stops it */
        for (size_t j = 0; j < COMPARE_FEATURES; j++)
            fprintf(file, "%.17g,", data.x[i * COMPARE_FEATURES + j]);
        fprintf(file, "%.17g\n", data.y[i]);
    }
    csv_close(file, path);
    dataset_free(&data);
}

int main(int argc, char **argv)
{
    struct settings s;
    struct dataset data;
    struct regression model;
    fail_program = "ch04";
    s = parse(argc, argv);
    if (s.csv_dir)
        check_outputs(s.csv_dir);
    if (s.values) {
        values();
        return 0;
    }
    if (s.data_file) {
        write_data(s.data_file);
        return 0;
    }
    if (s.example && strcmp(s.example, "compare") == 0) {
        compare(stdout, s.csv_dir);
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
        compare(stdout, s.csv_dir);
    dataset_free(&data);
    return 0;
}
