/* main.c: chapter 8's program, build/ch08.
 *
 * Prints the chapter's worked examples as tables, one part at a time
 * (--example PART) or all of them:
 *   first-steps  Adam's first steps on 1/2 (x1^2 + 10 x2^2), with and
 *                without bias correction
 *   bias         the bias-correction factors against the step count
 *   eps          where eps goes: PyTorch's form against the paper's
 *   amsgrad      Adam and AMSGrad after one large gradient
 *   decay        Adam, Adam + L2 and AdamW on 1/2 theta^2
 *   family       Adam, AMSGrad, AdamW, Adamax, NAdam on Rosenbrock
 *   race         the optimizer race (--function picks one surface)
 *   pytorch      short trajectories in the format of pytorch_check.py
 * With --csv DIR (and no --example) it also runs the race and writes the
 * figures' data there (tests/draw.sh).
 * It leaves out on purpose: anything random; the race is deterministic.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "08-adam/adam.h"
#include "08-adam/adamax.h"
#include "08-adam/nadam.h"
#include "08-adam/race.h"
#include "08-adam/variants.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RACE_STEPS 2000
#define RACE_TARGET 1e-8

static const char *const parts[] = {"first-steps", "bias", "eps", "amsgrad", "decay",
                                    "family", "race", "pytorch"};
#define PART_COUNT (sizeof parts / sizeof parts[0])

static const char *const surfaces[] = {"rosenbrock", "beale", "saddle"};
#define SURFACE_COUNT (sizeof surfaces / sizeof surfaces[0])

struct settings {
    const char *show;                   /* NULL: every part but race and pytorch */
    const char *surface;                /* NULL: every surface */
    const char *csv_dir;
    bool values;                        /* --values */
};

static void usage(void)
{
    puts("usage: ch08 [--example PART] [--function NAME] [--csv DIR] [--values]\n"
         "  --example PART  one part: first-steps, bias, eps, amsgrad, decay, family,\n"
         "                  race, pytorch (default: the first six)\n"
         "  --function NAME with --example race: the race's surface, rosenbrock, beale\n"
         "                  or saddle (default: all three)\n"
         "  --csv DIR       also write the figures' data into DIR\n"
         "  --values        print the numbers the chapter quotes, one 'name value' a line");
}

/* names[i] when text is it, or the refusal every program gives: "FLAG:
 * unknown WHAT 'TEXT' (known: ...)". */
static const char *one_of(const char *flag, const char *what, const char *text,
                          const char *const *names, size_t count)
{
    char known[256] = "";
    for (size_t i = 0; i < count; i++)
        if (strcmp(text, names[i]) == 0)
            return names[i];
    for (size_t i = 0; i < count; i++)
        snprintf(known + strlen(known), sizeof known - strlen(known), "%s%s",
                 i ? ", " : "", names[i]);
    unknown_choice(flag, what, text, known);
}

static struct settings parse(int argc, char **argv)
{
    struct settings s = {NULL, NULL, NULL, false};
    struct flags_given given = {0};
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--example") == 0)
            s.show = one_of(flag, "example", flag_value(argc, argv, &i), parts, PART_COUNT);
        else if (strcmp(flag, "--function") == 0)
            s.surface = one_of(flag, "function", flag_value(argc, argv, &i), surfaces, SURFACE_COUNT);
        else if (strcmp(flag, "--csv") == 0)
            s.csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            s.values = true;
        else
            help_or_unknown_flag(flag, usage);
    }
    values_alone(&given);
    if (s.surface && (s.show == NULL || strcmp(s.show, "race") != 0))
        fail(EXIT_USAGE, "--function applies to --example race only: give it too");
    return s;
}

static const char bias_csv[] = "bias.csv", decay_csv[] = "decay.csv";

/* The name of a race's file: its legend (racer NULL) or a racer's path. */
static void race_file_name(char *name, size_t size, const char *surface,
                           const struct racer *racer)
{
    if (racer == NULL)
        snprintf(name, size, "race_%s_titles.gp", surface);
    else
        snprintf(name, size, "race_%s_%s.csv", surface, racer->name);
}

/* Stop (exit status 2) before printing anything if any file of the
 * figures' data cannot be written; csv_create alone would find out
 * halfway through, after tables were printed. */
static void check_writable(const char *dir)
{
    struct racer racers[RACERS];
    char name[96];
    race_racers(racers);
    csv_check_writable(dir, bias_csv);
    csv_check_writable(dir, decay_csv);
    for (size_t j = 0; j < SURFACE_COUNT; j++) {
        race_file_name(name, sizeof name, surfaces[j], NULL);
        csv_check_writable(dir, name);
        for (int k = 0; k < RACERS; k++) {
            race_file_name(name, sizeof name, surfaces[j], &racers[k]);
            csv_check_writable(dir, name);
        }
    }
}

/* ------------------------------------------------------- first steps */

/* Example 1: f = 1/2 (x1^2 + 10 x2^2) from (1, 1), lr 0.1. */
static void first_steps(void)
{
    static const double curvature[2] = {1.0, 10.0};
    const struct optimizer_kind *kinds[2] = {&adam_kind, &adam_uncorrected_kind};
    const char *titles[2] = {"Adam", "Adam without bias correction"};
    struct function f = quadratic(curvature, 2);

    printf("Example 1: f = 1/2 (x1^2 + 10 x2^2), x0 = (1, 1), lr = 0.1, "
           "betas = (0.9, 0.999), eps = 1e-8\n");
    for (int k = 0; k < 2; k++) {
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double x[2] = {1.0, 1.0}, grad[2];
        h.lr = 0.1;
        optimizer_init(&opt, kinds[k], &h, 2);
        printf("\n%s\n%2s  %-12s  %-12s  %-8s  %-8s  %-12s  %s\n", titles[k], "t", "x1",
               "x2", "g1", "g2", "step1 / lr", "step2 / lr");
        printf("%2d  %-12.9f  %.9f\n", 0, x[0], x[1]);
        for (int t = 1; t <= 5; t++) {
            double before[2] = {x[0], x[1]};
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
            printf("%2d  %-12.9f  %-12.9f  %-8.5f  %-8.5f  %-12.9f  %.9f\n", t, x[0], x[1],
                   grad[0], grad[1], (before[0] - x[0]) / h.lr, (before[1] - x[1]) / h.lr);
        }
        optimizer_free(&opt);
    }
}

/* ----------------------------------------------------- bias correction */

/* A constant gradient g: m_t = (1 - beta1^t) g and v_t = (1 - beta2^t) g^2,
 * so the uncorrected step m / sqrt(v) is (1 - beta1^t) / sqrt(1 - beta2^t)
 * times the corrected one, sign(g). */
static void bias(const char *csv_dir)
{
    static const long shown[] = {1, 2, 3, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000};
    const double beta1 = 0.9, beta2 = 0.999;
    long peak = 1;
    double peak_ratio = 0.0;

    printf("Bias correction, betas = (0.9, 0.999), a constant gradient\n");
    printf("%5s  %-10s  %-14s  %s\n", "t", "1 - b1^t", "sqrt(1 - b2^t)",
           "uncorrected step / corrected step");
    for (size_t j = 0; j < sizeof shown / sizeof shown[0]; j++) {
        double t = (double)shown[j];
        double c1 = 1.0 - pow(beta1, t), c2 = sqrt(1.0 - pow(beta2, t));
        printf("%5ld  %-10.6f  %-14.6f  %.4f\n", shown[j], c1, c2, c1 / c2);
    }
    FILE *file = csv_dir ? csv_create(csv_dir, bias_csv) : NULL;
    if (file)
        fprintf(file, "step,first,second,both\n");
    for (long t = 1; t <= 10000; t++) {
        double c1 = 1.0 - pow(beta1, (double)t), c2 = sqrt(1.0 - pow(beta2, (double)t));
        if (c1 / c2 > peak_ratio) {
            peak_ratio = c1 / c2;
            peak = t;
        }
        bool plotted = t <= 100 || (t <= 1000 && t % 10 == 0) || t % 100 == 0;
        if (file && plotted)
            fprintf(file, "%ld,%.17g,%.17g,%.17g\n", t, c1, 1.0 / c2, c1 / c2);
    }
    if (file)
        csv_close(file, bias_csv);
    printf("largest ratio: %.4f at t = %ld\n", peak_ratio, peak);
}

/* -------------------------------------------------------------- eps */

/* The first step, as a multiple of lr, for a gradient g. */
static double first_step(const struct optimizer_kind *kind, double g)
{
    struct hyper h = kind->defaults;
    struct optimizer opt;
    double theta = 0.0;
    h.lr = 1.0;
    optimizer_init(&opt, kind, &h, 1);
    optimizer_step(&opt, &theta, &g);
    optimizer_free(&opt);
    return -theta;
}

static void eps(void)
{
    static const double gradients[] = {1.0, 1e-4, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10};
    printf("The first step / lr for a gradient g, betas = (0.9, 0.999), eps = 1e-8\n");
    printf("%-6s  %-12s  %s\n", "g", "PyTorch", "the paper's efficient form");
    for (size_t j = 0; j < sizeof gradients / sizeof gradients[0]; j++) {
        double g = gradients[j];
        printf("%-6g  %-12.6f  %.6f\n", g, first_step(&adam_kind, g),
               first_step(&adam_paper_form_kind, g));
    }
}

/* ---------------------------------------------------------- AMSGrad */

/* One gradient of 10, then gradients of 1: how far each step goes. */
static void amsgrad(void)
{
    struct hyper h = adam_kind.defaults;
    struct optimizer adam, ams;
    double theta_adam = 0.0, theta_ams = 0.0;
    h.lr = 1.0;
    h.beta2 = 0.9;                      /* a short memory, so that v falls soon */
    optimizer_init(&adam, &adam_kind, &h, 1);
    h.amsgrad = true;
    optimizer_init(&ams, &adam_kind, &h, 1);

    printf("A gradient of 10, then 1, 1, ...: betas = (0.9, 0.9), eps = 1e-8\n");
    printf("%2s  %-4s  %-10s  %-10s  %-12s  %s\n", "t", "g", "v_t", "max v", "Adam step / lr",
           "AMSGrad step / lr");
    for (int t = 1; t <= 8; t++) {
        double g = t == 1 ? 10.0 : 1.0;
        double before_adam = theta_adam, before_ams = theta_ams;
        optimizer_step(&adam, &theta_adam, &g);
        optimizer_step(&ams, &theta_ams, &g);
        printf("%2d  %-4g  %-10.6f  %-10.6f  %-14.6f  %.6f\n", t, g, adam.buffer[1][0],
               ams.buffer[2][0], before_adam - theta_adam, before_ams - theta_ams);
    }
    optimizer_free(&adam);
    optimizer_free(&ams);
}

/* ------------------------------------------------------ weight decay */

/* ANCHOR: decay */
/* f = 1/2 theta^2 from theta = 1, lr 0.1, eps 0: plain Adam, Adam with
 * L2 (weight_decay 0.1 and 1) and AdamW (weight_decay 0.1). */
static void decay(const char *csv_dir)
{
    const struct optimizer_kind *kinds[4] = {&adam_kind, &adam_kind, &adam_kind, &adamw_kind};
    const double weight_decay[4] = {0.0, 0.1, 1.0, 0.1};
    struct optimizer opt[4];
    double theta[4];
    FILE *file = csv_dir ? csv_create(csv_dir, decay_csv) : NULL;

    for (int k = 0; k < 4; k++) {
        struct hyper h = kinds[k]->defaults;
        h.lr = 0.1;
        h.eps = 0.0;
        h.weight_decay = weight_decay[k];
        optimizer_init(&opt[k], kinds[k], &h, 1);
        theta[k] = 1.0;
    }
    printf("f = 1/2 theta^2, theta0 = 1, lr = 0.1, betas = (0.9, 0.999), eps = 0\n");
    printf("%3s  %-14s  %-14s  %-14s  %s\n", "t", "Adam", "Adam+L2 0.1", "Adam+L2 1",
           "AdamW 0.1");
    if (file)
        fprintf(file, "step,adam,adam_l2_0.1,adam_l2_1,adamw_0.1\n");
    for (int t = 0; t <= 60; t++) {
        if (t <= 5 || t % 10 == 0)
            printf("%3d  %-14.10f  %-14.10f  %-14.10f  %.10f\n", t, theta[0], theta[1],
                   theta[2], theta[3]);
        if (file)
            fprintf(file, "%d,%.17g,%.17g,%.17g,%.17g\n", t, theta[0], theta[1], theta[2],
                    theta[3]);
        for (int k = 0; k < 4; k++) {
            double grad = theta[k];                 /* f'(theta) = theta */
            optimizer_step(&opt[k], &theta[k], &grad);
        }
    }
    for (int k = 0; k < 4; k++)
        optimizer_free(&opt[k]);
    if (file)
        csv_close(file, decay_csv);
}
/* ANCHOR_END: decay */

/* ----------------------------------------------------------- family */

#define FAMILY 5

/* Adam, AMSGrad, AdamW, Adamax and NAdam with PyTorch's defaults: the rows
 * of the family table and of the PyTorch table. */
static void adam_family(struct racer family[FAMILY])
{
    static const char *const names[FAMILY] = {"adam", "amsgrad", "adamw", "adamax", "nadam"};
    const struct optimizer_kind *kinds[FAMILY] = {&adam_kind, &adam_kind, &adamw_kind,
                                                  &adamax_kind, &nadam_kind};
    for (int k = 0; k < FAMILY; k++)
        family[k] = (struct racer){names[k], kinds[k], kinds[k]->defaults};
    family[1].hyper.amsgrad = true;
}

static void family(void)
{
    struct racer racers[FAMILY];
    static const long budgets[3] = {100, 500, 2000};
    struct function f = function_from_spec("rosenbrock", "rosenbrock");
    adam_family(racers);

    printf("Rosenbrock from (-1.5, 2), lr = 0.02, other settings PyTorch's defaults\n");
    printf("%-8s  %-12s  %-12s  %s\n", "", "f after 100", "after 500", "after 2000");
    for (int k = 0; k < FAMILY; k++) {
        racers[k].hyper.lr = 0.02;
        printf("%-8s", racers[k].name);
        for (int b = 0; b < 3; b++) {
            struct race_result r = race_run(&racers[k], &f, budgets[b], 0.0, NULL);
            printf(b < 2 ? "  %-12.3e" : "  %.3e", r.loss);
        }
        printf("\n");
    }
}

/* ------------------------------------------------------------- race */

static struct function surface_named(const char *name)
{
    if (strcmp(name, "saddle") == 0)
        return saddle();
    return function_from_spec("--function", name);
}

/* lr, f at the end and when it settled; the last column unpadded. */
static void print_result(const struct racer *racer, struct race_result r, bool last)
{
    char settled[24];
    if (r.diverged)
        snprintf(settled, sizeof settled, "diverged");
    else if (r.steps_to_target < 0)
        snprintf(settled, sizeof settled, "-");
    else
        snprintf(settled, sizeof settled, "%ld", r.steps_to_target);
    printf("  %-7g  %-10.3e  %-*s", racer->hyper.lr, r.loss, last ? 0 : 8, settled);
}

/* The figures show each racer at its tuned lr, except on the saddle: there
 * a large tuned lr jumps past it in a step or two, and the point of the
 * surface is how each method does at a modest lr, so they show PyTorch's
 * default lr. */
static void race_surface(const char *name, const char *csv_dir)
{
    struct function f = surface_named(name);
    struct racer racers[RACERS], defaults[RACERS];
    bool figure_tuned = strcmp(name, "saddle") != 0;
    race_racers(racers);
    race_racers(defaults);

    printf("%s from (%g, %g), %d steps; \"settled\": the step from which f < %g\n", name,
           f.start[0], f.start[1], RACE_STEPS, RACE_TARGET);
    printf("%-9s  %-30s  %s\n", "", "PyTorch's default lr", "tuned lr");
    printf("%-9s  %-7s  %-10s  %-8s  %-7s  %-10s  %s\n", "", "lr", "f", "settled", "lr", "f",
           "settled");
    FILE *titles = NULL;
    char titles_name[96];
    if (csv_dir) {
        /* the legend of each figure: racer and learning rate, for gnuplot */
        race_file_name(titles_name, sizeof titles_name, name, NULL);
        titles = csv_create(csv_dir, titles_name);
    }
    for (int k = 0; k < RACERS; k++) {
        printf("%-9s", racers[k].name);
        print_result(&racers[k], race_run(&racers[k], &f, RACE_STEPS, RACE_TARGET, NULL), false);
        struct race_result tuned = race_tune(&racers[k], &f, RACE_STEPS, RACE_TARGET);
        print_result(&racers[k], tuned, true);
        printf("\n");
        if (csv_dir) {
            char file_name[96];
            race_file_name(file_name, sizeof file_name, name, &racers[k]);
            FILE *file = csv_create(csv_dir, file_name);
            csv_header(file, "x", 2, NULL);
            const struct racer *shown = figure_tuned ? &racers[k] : &defaults[k];
            race_run(shown, &f, RACE_STEPS, RACE_TARGET, file);
            csv_close(file, file_name);
            fprintf(titles, "title_%s = '%s, lr %g'\n", shown->name, shown->name,
                    shown->hyper.lr);
        }
    }
    if (titles)
        csv_close(titles, titles_name);
}

/* --------------------------------------------------------- PyTorch */

/* The same runs as pytorch_check.py: Rosenbrock from (-1.5, 2), 5 steps. */
static void pytorch(void)
{
    struct racer runs[FAMILY];
    struct function f = function_from_spec("rosenbrock", "rosenbrock");
    adam_family(runs);
    runs[1].name = "adam-amsgrad-wd";
    runs[1].hyper.weight_decay = 0.1;
    runs[2].hyper.weight_decay = 0.1;
    printf("%-16s  %-4s  %-24s  %s\n", "optimizer", "step", "x1", "x2");
    for (int k = 0; k < FAMILY; k++) {
        struct optimizer opt;
        double x[2] = {f.start[0], f.start[1]}, grad[2];
        runs[k].hyper.lr = 0.01;
        optimizer_init(&opt, runs[k].kind, &runs[k].hyper, 2);
        for (int t = 1; t <= 5; t++) {
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
            printf("%-16s  %-4d  %-24.17g  %.17g\n", runs[k].name, t, x[0], x[1]);
        }
        optimizer_free(&opt);
    }
}

/* --values: the race's numbers the prose quotes, one "name text" line each
 * (tests/weave.c weaves them): for every surface and racer, at PyTorch's
 * default lr and at the tuned one, the lr, f at the end to one significant
 * digit ("f ~ 5"), and the step it settled at (-1: never). */
static void print_values(void)
{
    /* Adam tuned (lr = 0.2) on Rosenbrock: its effective rate lr / sqrt(v-hat)
     * at step 2000 over the one at step 500, the smaller of the two
     * coordinates', rounded down to one decimal ("at least 3.4 times") */
    {
        struct function f = surface_named("rosenbrock");
        struct hyper h = adam_kind.defaults;
        struct optimizer opt;
        double x[2] = {f.start[0], f.start[1]}, grad[2], rate[2][2], growth = INFINITY;
        h.lr = 0.2;
        optimizer_init(&opt, &adam_kind, &h, 2);
        for (int k = 1; k <= 2000; k++) {
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
            for (int i = 0; i < 2 && (k == 500 || k == 2000); i++)
                rate[k == 2000][i] = h.lr / sqrt(opt.buffer[1][i] / (1 - pow(0.999, k)));
        }
        optimizer_free(&opt);
        for (int i = 0; i < 2; i++)
            growth = fmin(growth, rate[1][i] / rate[0][i]);
        printf("race_rosenbrock_adam_rate_growth %.1f\n", floor(10 * growth) / 10);
    }
    /* Adam at its default lr: how far x1 travels in the race's steps */
    for (size_t j = 0; j < 2; j++) {
        struct function f = surface_named(surfaces[j]);
        struct racer racers[RACERS];
        struct optimizer opt;
        double x[2] = {f.start[0], f.start[1]}, grad[2], path = 0.0;
        race_racers(racers);
        optimizer_init(&opt, racers[RACERS - 1].kind, &racers[RACERS - 1].hyper, 2);
        for (long k = 1; k <= RACE_STEPS; k++) {
            double before = x[0];
            f.gradient(&f, grad, x);
            optimizer_step(&opt, x, grad);
            path += fabs(x[0] - before);
        }
        optimizer_free(&opt);
        printf("race_%s_adam_default_path_x1 %.2f\n", surfaces[j], path);
    }
    for (size_t j = 0; j < SURFACE_COUNT; j++) {
        struct function f = surface_named(surfaces[j]);
        struct racer racers[RACERS];
        race_racers(racers);
        for (int k = 0; k < RACERS; k++) {
            struct race_result r[2];
            double lr[2];
            r[0] = race_run(&racers[k], &f, RACE_STEPS, RACE_TARGET, NULL);
            lr[0] = racers[k].hyper.lr;
            r[1] = race_tune(&racers[k], &f, RACE_STEPS, RACE_TARGET);
            lr[1] = racers[k].hyper.lr;
            for (int t = 0; t < 2; t++) {
                const char *which = t == 0 ? "default" : "tuned";
                printf("race_%s_%s_%s_lr %g\n", surfaces[j], racers[k].name, which, lr[t]);
                printf("race_%s_%s_%s_f %.1g\n", surfaces[j], racers[k].name, which, r[t].loss);
                printf("race_%s_%s_%s_settled %ld\n", surfaces[j], racers[k].name, which,
                       r[t].steps_to_target);
            }
        }
    }
}

int main(int argc, char **argv)
{
    fail_program = "ch08";
    struct settings s = parse(argc, argv);
    if (s.values) {
        print_values();
        return 0;
    }
    bool all = s.show == NULL;
    int printed = 0;
    if (s.csv_dir)
        check_writable(s.csv_dir);

#define PART(name, call)                                    \
    if (all ? strcmp(name, "race") != 0 && strcmp(name, "pytorch") != 0 \
            : strcmp(s.show, name) == 0) {                  \
        if (printed++)                                      \
            printf("\n");                                   \
        call;                                               \
    }
    PART("first-steps", first_steps());
    PART("bias", bias(s.csv_dir));
    PART("eps", eps());
    PART("amsgrad", amsgrad());
    PART("decay", decay(s.csv_dir));
    PART("family", family());
    PART("pytorch", pytorch());
#undef PART

    /* The race runs when asked for, and for the figures' data. */
    if ((s.show && strcmp(s.show, "race") == 0) || (all && s.csv_dir)) {
        for (size_t j = 0; j < SURFACE_COUNT; j++) {
            if (s.surface && strcmp(s.surface, surfaces[j]) != 0)
                continue;
            if (printed++)
                printf("\n");
            race_surface(surfaces[j], s.csv_dir);
        }
    }
    return 0;
}
