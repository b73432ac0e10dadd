/* race.c: chapter 9's race of schedules (see race.h). */
#include "09-schedules/race.h"

#include <math.h>
#include <stdlib.h>

#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "04-batches/regression.h"
#include "06-momentum/sgd.h"
#include "08-adam/adam.h"
#include "09-schedules/schedule.h"
#include <stdbool.h>

#define SAMPLES 2000
#define FEATURES 16
#define BATCH 8
#define EPOCHS 10
#define ROSENBROCK_STEPS 2000
#define TUNE_SEED 100            /* the data (and order) the rates are tuned on */

const char *const race_schedule_name[RACE_SCHEDULES] = {"constant", "1/k", "step", "cosine",
                                                        "one-cycle"};
const double race_regression_grid[RACE_GRID] = {0.01, 0.03, 0.1, 0.3, 1.0};
const double race_rosenbrock_grid[RACE_GRID] = {0.01, 0.03, 0.1, 0.3, 1.0};
const double race_adam_rates[RACE_ADAM_RATES] = {0.1, 0.3, 1.0};

/* The rate schedule `which` over budget updates, from lr: the rate of
 * update k is left in opt by race_rate_at before update k. */
struct race_schedule {
    int which;
    long budget;
    double lr;
    struct scheduler sched;
};

static void race_start(struct race_schedule *r, struct optimizer *opt)
{
    struct scheduler_settings s;
    opt->hyper.lr = r->lr;
    switch (r->which) {
    case 2:
        s = scheduler_defaults(MULTI_STEP_LR);
        s.milestones[0] = r->budget / 2;
        s.milestones[1] = 3 * r->budget / 4;
        s.milestone_count = 2;
        scheduler_init(&r->sched, &s, opt);
        break;
    case 3:
        s = scheduler_defaults(COSINE_ANNEALING_LR);
        s.t_max = r->budget;
        scheduler_init(&r->sched, &s, opt);
        break;
    case 4:
        s = scheduler_defaults(ONE_CYCLE_LR);
        s.max_lr = r->lr;
        s.total_steps = r->budget;
        s.cycle_momentum = false;            /* plain SGD has none; Adam's beta1 stays */
        scheduler_init(&r->sched, &s, opt);
        break;
    default:
        break;
    }
}

/* After update k (1-based count done), set the rate of the next one. */
static void race_after_update(struct race_schedule *r, struct optimizer *opt, long done)
{
    if (r->which == 1) {
        double k0 = (double)r->budget / 10.0;
        opt->hyper.lr = r->lr * k0 / ((double)done + k0);
    } else if (r->which >= 2 && done < r->budget) {
        scheduler_step(&r->sched, opt);
    }
}

void race_rates(int which, long budget, double lr, double *rates)
{
    struct race_schedule r = {0};
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    r.which = which;
    r.budget = budget;
    r.lr = lr;
    optimizer_init(&opt, &sgd_kind, &hyper, 1);
    race_start(&r, &opt);
    for (long done = 0; done < budget;) {
        rates[done] = opt.hyper.lr;
        done++;
        race_after_update(&r, &opt, done);
    }
    optimizer_free(&opt);
}

struct regression_problem {
    struct dataset data;
    struct regression model;
    double gram[FEATURES * FEATURES], w_star[FEATURES], best;
};

static void problem_init(struct regression_problem *p, uint64_t seed)
{
    double w_true[FEATURES];
    synthetic_regression(&p->data, w_true, SAMPLES, FEATURES, 0.5, seed);
    p->model = (struct regression){.data = &p->data, .bias = false};
    gram_matrix(p->gram, &p->data);
    if (!least_squares(p->w_star, &p->data))
        fail(1, "race: singular data (seed %llu)", (unsigned long long)seed);
}

/* The problem of seed 0..RACE_SEEDS-1 or TUNE_SEED, drawn the first time a
 * run asks for it and kept for the rest of the program: the races run
 * every schedule, rate and variant on the same few problems, and a run
 * only reads its problem, so it gets the same numbers as from a problem
 * drawn afresh. */
static const struct regression_problem *race_problem(uint64_t seed)
{
    static struct regression_problem problems[RACE_SEEDS + 1];
    static bool drawn[RACE_SEEDS + 1];
    size_t slot = seed == TUNE_SEED ? RACE_SEEDS : (size_t)seed;
    if (seed != TUNE_SEED && seed >= RACE_SEEDS)
        fail(1, "race: no problem of seed %llu", (unsigned long long)seed);
    if (!drawn[slot]) {
        problem_init(&problems[slot], seed);
        drawn[slot] = true;
    }
    return &problems[slot];
}

/* How a run of the regression differs from the race's: NULL means SGD in
 * batches, stepping `which` after every update. */
struct run_options {
    const struct optimizer_kind *kind;          /* NULL: SGD */
    bool exact;                                 /* the gradient of all samples */
    const struct scheduler_settings *sched;     /* instead of `which` */
    bool per_epoch;                             /* sched steps once an epoch */
    double *worst;                              /* the largest excess seen */
};

/* The gradient of the mean squared error over all samples, 2 G (w - w*):
 * with w* solving the normal equations, X^T (X w - y) / N = G (w - w*). */
static void exact_gradient(const struct regression_problem *p, double *grad, const double *w)
{
    for (int i = 0; i < FEATURES; i++) {
        double sum = 0.0;
        for (int j = 0; j < FEATURES; j++)
            sum += p->gram[i * FEATURES + j] * (w[j] - p->w_star[j]);
        grad[i] = 2.0 * sum;
    }
}

/* One run; returns the final excess (inf if it diverged); curve gets
 * the excess at points + 1 evenly spaced updates when not NULL. */
static double regression_run_with(const struct regression_problem *p, int which, double lr,
                                  uint64_t seed, double *curve, int points,
                                  const struct run_options *o)
{
    static const struct run_options plain = {0};
    long per_epoch = (SAMPLES + BATCH - 1) / BATCH, budget = EPOCHS * per_epoch;
    struct optimizer opt;
    struct epoch epoch;
    struct race_schedule r = {.which = which, .budget = budget, .lr = lr};
    struct scheduler custom;
    double w[FEATURES] = {0}, grad[FEATURES];
    long done = 0;

    if (o == NULL)
        o = &plain;
    const struct optimizer_kind *kind = o->kind ? o->kind : &sgd_kind;
    struct hyper hyper = kind->defaults;
    optimizer_init(&opt, kind, &hyper, FEATURES);
    if (o->sched) {
        opt.hyper.lr = lr;
        scheduler_init(&custom, o->sched, &opt);
    } else {
        race_start(&r, &opt);
    }
    epoch_init(&epoch, SAMPLES, BATCH, true, seed + 1);
    double excess = excess_loss(p->gram, w, p->w_star, FEATURES);
    if (curve)
        curve[0] = excess;
    if (o->worst)
        *o->worst = excess;
    for (int e = 0; e < EPOCHS; e++) {
        const size_t *batch;
        size_t size;
        epoch_start(&epoch);
        for (long u = 0; u < per_epoch; u++) {
            if (o->exact) {
                exact_gradient(p, grad, w);
            } else {
                size = epoch_next_batch(&epoch, &batch);
                mse_grad(&p->model, grad, w, batch, size);
            }
            optimizer_step(&opt, w, grad);
            done++;
            if (!o->sched)
                race_after_update(&r, &opt, done);
            else if (!o->per_epoch)
                scheduler_step(&custom, &opt);
            if (curve || o->worst)
                excess = excess_loss(p->gram, w, p->w_star, FEATURES);
            if (o->worst && excess > *o->worst)
                *o->worst = excess;
            if (curve && done % (budget / points) == 0 && done / (budget / points) <= points)
                curve[done / (budget / points)] = excess;
        }
        if (o->sched && o->per_epoch)
            scheduler_step(&custom, &opt);
    }
    epoch_free(&epoch);
    optimizer_free(&opt);
    excess = excess_loss(p->gram, w, p->w_star, FEATURES);
    return isfinite(excess) ? excess : INFINITY;
}

static void race_regression_with(struct race_result *results, double *curve, int points,
                                 const struct run_options *o)
{
    const struct regression_problem *tune = race_problem(TUNE_SEED);
    double *one = curve ? xcalloc((size_t)points + 1, sizeof *one) : NULL;
    for (int which = 0; which < RACE_SCHEDULES; which++) {
        double best = INFINITY, lr = race_regression_grid[0];
        for (int g = 0; g < RACE_GRID; g++) {
            double excess = regression_run_with(tune, which, race_regression_grid[g], TUNE_SEED, NULL, 0, o);
            if (excess < best) {
                best = excess;
                lr = race_regression_grid[g];
            }
        }
        double sum = 0, sum2 = 0;
        if (curve)
            for (int i = 0; i <= points; i++)
                curve[which * (points + 1) + i] = 0.0;
        for (int s = 0; s < RACE_SEEDS; s++) {
            double excess = regression_run_with(race_problem((uint64_t)s), which, lr, (uint64_t)s,
                                                one, points, o);
            sum += excess;
            sum2 += excess * excess;
            if (curve)
                for (int i = 0; i <= points; i++)
                    curve[which * (points + 1) + i] += one[i] / RACE_SEEDS;
        }
        results[which].lr = lr;
        results[which].mean = sum / RACE_SEEDS;
        results[which].sd = sqrt(fmax(0.0, (sum2 - sum * sum / RACE_SEEDS) / (RACE_SEEDS - 1)));
    }
    free(one);
}

void race_regression(struct race_result *results, double *curve, int points)
{
    race_regression_with(results, curve, points, NULL);
}

void race_regression_exact(struct race_result *results)
{
    const struct run_options exact = {.exact = true};
    race_regression_with(results, NULL, 0, &exact);
}

/* mean and sd of value[0..RACE_SEEDS) */
static struct race_result spread(double lr, const double *value)
{
    double sum = 0, sum2 = 0;
    for (int s = 0; s < RACE_SEEDS; s++) {
        sum += value[s];
        sum2 += value[s] * value[s];
    }
    return (struct race_result){
        .lr = lr, .mean = sum / RACE_SEEDS,
        .sd = sqrt(fmax(0.0, (sum2 - sum * sum / RACE_SEEDS) / (RACE_SEEDS - 1)))};
}

void race_step_every(struct race_result out[3])
{
    struct scheduler_settings step = scheduler_defaults(STEP_LR);
    step.step_size = RACE_STEP_SIZE;
    step.gamma = 0.5;
    const struct run_options per_update = {.sched = &step}, per_epoch = {.sched = &step,
                                                                        .per_epoch = true};
    const struct run_options *opts[3] = {NULL, &per_update, &per_epoch};
    double value[3][RACE_SEEDS];
    for (int s = 0; s < RACE_SEEDS; s++)
        for (int j = 0; j < 3; j++)
            value[j][s] = regression_run_with(race_problem((uint64_t)s), 0, RACE_STEP_LR,
                                              (uint64_t)s, NULL, 0, opts[j]);
    for (int j = 0; j < 3; j++)
        out[j] = spread(RACE_STEP_LR, value[j]);
}

struct scheduler_settings race_warmup(void)
{
    struct scheduler_settings warm = scheduler_defaults(LINEAR_LR);
    warm.start_factor = RACE_WARMUP_FACTOR;
    warm.total_iters = RACE_WARMUP_UPDATES;
    return warm;
}

void race_adam_warmup(struct adam_warmup out[RACE_ADAM_RATES])
{
    struct scheduler_settings warm = race_warmup();
    for (int g = 0; g < RACE_ADAM_RATES; g++) {
        double end[2][RACE_SEEDS], worst[2][RACE_SEEDS];
        for (int s = 0; s < RACE_SEEDS; s++)
            for (int j = 0; j < 2; j++) {
                const struct run_options o = {.kind = &adam_kind, .sched = j ? &warm : NULL,
                                              .worst = &worst[j][s]};
                end[j][s] = regression_run_with(race_problem((uint64_t)s), 0, race_adam_rates[g],
                                                (uint64_t)s, NULL, 0, &o);
            }
        for (int j = 0; j < 2; j++) {
            out[g].end[j] = spread(race_adam_rates[g], end[j]);
            out[g].worst[j] = spread(race_adam_rates[g], worst[j]);
        }
    }
}

static double rosenbrock_run(int which, double lr, double *curve, int points)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    struct hyper hyper = adam_kind.defaults;
    struct optimizer opt;
    struct race_schedule r = {.which = which, .budget = ROSENBROCK_STEPS, .lr = lr};
    double x[2] = {f.start[0], f.start[1]}, grad[2];

    optimizer_init(&opt, &adam_kind, &hyper, 2);
    race_start(&r, &opt);
    if (curve)
        curve[0] = f.value(&f, x);
    for (long done = 1; done <= ROSENBROCK_STEPS; done++) {
        f.gradient(&f, grad, x);
        optimizer_step(&opt, x, grad);
        race_after_update(&r, &opt, done);
        if (curve && done % (ROSENBROCK_STEPS / points) == 0)
            curve[done / (ROSENBROCK_STEPS / points)] = f.value(&f, x);
    }
    optimizer_free(&opt);
    double value = f.value(&f, x);
    return isfinite(value) ? value : INFINITY;
}

void race_rosenbrock(struct race_result *results, double *curve, int points)
{
    for (int which = 0; which < RACE_SCHEDULES; which++) {
        double best = INFINITY, lr = race_rosenbrock_grid[0];
        for (int g = 0; g < RACE_GRID; g++) {
            double value = rosenbrock_run(which, race_rosenbrock_grid[g], NULL, 0);
            if (value < best) {
                best = value;
                lr = race_rosenbrock_grid[g];
            }
        }
        results[which] = (struct race_result){.lr = lr, .mean = best, .sd = 0.0};
        if (curve)
            rosenbrock_run(which, lr, curve + which * (points + 1), points);
    }
}

/* "{0.01, 0.03, 0.1, 0.3, 1}": the grid as the tables' headers show it. */
static void print_grid(FILE *out, const double *grid)
{
    fputc('{', out);
    for (int g = 0; g < RACE_GRID; g++)
        fprintf(out, "%s%g", g ? ", " : "", grid[g]);
    fputc('}', out);
}

void print_race(FILE *out)
{
    struct race_result reg[RACE_SCHEDULES], ros[RACE_SCHEDULES];
    struct function f = function_from_spec("--function", "rosenbrock");
    race_regression(reg, NULL, 0);
    race_rosenbrock(ros, NULL, 0);
    fprintf(out, "Chapter 4's regression (%d x %d), SGD, batch %d, %d epochs; lr tuned on\n",
            SAMPLES, FEATURES, BATCH, EPOCHS);
    print_grid(out, race_regression_grid);
    fprintf(out, " with data seed %d; excess f(w) - f(w*) on seeds 0-%d\n\n", TUNE_SEED,
            RACE_SEEDS - 1);
    fprintf(out, "%-10s %-6s %s\n", "schedule", "lr", "excess: mean +- sd");
    for (int i = 0; i < RACE_SCHEDULES; i++)
        fprintf(out, "%-10s %-6g %.2e +- %.1e\n", race_schedule_name[i], reg[i].lr, reg[i].mean,
                reg[i].sd);
    fprintf(out, "\nRosenbrock from (%g, %g), Adam, %d steps; lr tuned on ", f.start[0], f.start[1],
            ROSENBROCK_STEPS);
    print_grid(out, race_rosenbrock_grid);
    fprintf(out, "\n\n%-10s %-6s %s\n", "schedule", "lr", "f at the end");
    for (int i = 0; i < RACE_SCHEDULES; i++)
        fprintf(out, "%-10s %-6g %.2e\n", race_schedule_name[i], ros[i].lr, ros[i].mean);
}

void print_race_exact(FILE *out)
{
    struct race_result exact[RACE_SCHEDULES];
    race_regression_exact(exact);
    fprintf(out, "Chapter 4's regression (%d x %d), SGD with the exact gradient of all samples,\n"
                 "%d updates; lr tuned on ", SAMPLES, FEATURES, EPOCHS * SAMPLES / BATCH);
    print_grid(out, race_regression_grid);
    fprintf(out, " with data seed %d; excess on seeds 0-%d\n\n", TUNE_SEED, RACE_SEEDS - 1);
    fprintf(out, "%-10s %-6s %s\n", "schedule", "lr", "excess: mean +- sd");
    for (int i = 0; i < RACE_SCHEDULES; i++)
        fprintf(out, "%-10s %-6g %.2e +- %.1e\n", race_schedule_name[i], exact[i].lr, exact[i].mean,
                exact[i].sd);
}

void print_step_every(FILE *out)
{
    static const char *const label[3] = {"constant (no scheduler)", "StepLR stepped every update",
                                         "StepLR stepped every epoch"};
    struct race_result every[3];
    race_step_every(every);
    fprintf(out, "Chapter 4's regression, SGD from lr %g, batch %d, %d epochs of %d updates;\n"
                 "StepLR(step_size=%d, gamma=0.5); excess on seeds 0-%d\n\n", RACE_STEP_LR, BATCH,
            EPOCHS, SAMPLES / BATCH, RACE_STEP_SIZE, RACE_SEEDS - 1);
    fprintf(out, "%-28s %s\n", "schedule", "excess: mean +- sd");
    for (int i = 0; i < 3; i++)
        fprintf(out, "%-28s %.2e +- %.1e\n", label[i], every[i].mean, every[i].sd);
}

void print_adam_warmup(FILE *out)
{
    struct adam_warmup adam[RACE_ADAM_RATES];
    race_adam_warmup(adam);
    fprintf(out, "Chapter 4's regression, Adam, batch %d, %d epochs; warm-up: LinearLR from %g\n"
                 "of the rate over %d updates; excess on seeds 0-%d, mean +- sd\n\n", BATCH, EPOCHS,
            RACE_WARMUP_FACTOR, RACE_WARMUP_UPDATES, RACE_SEEDS - 1);
    fprintf(out, "%-5s %-10s %-20s %s\n", "lr", "warm-up", "at the end", "largest during the run");
    for (int g = 0; g < RACE_ADAM_RATES; g++)
        for (int j = 0; j < 2; j++)
            fprintf(out, "%-5g %-10s %.2e +- %.1e    %.2e +- %.1e\n", race_adam_rates[g],
                    j ? "yes" : "no", adam[g].end[j].mean, adam[g].end[j].sd,
                    adam[g].worst[j].mean, adam[g].worst[j].sd);
}
