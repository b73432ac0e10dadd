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

/* One SGD run; returns the final excess (inf if it diverged); curve gets
 * the excess at points + 1 evenly spaced updates when not NULL. */
static double regression_run(struct regression_problem *p, int which, double lr,
                             uint64_t seed, double *curve, int points)
{
    long budget = EPOCHS * ((SAMPLES + BATCH - 1) / BATCH);
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    struct epoch epoch;
    struct race_schedule r = {.which = which, .budget = budget, .lr = lr};
    double w[FEATURES] = {0}, grad[FEATURES];
    long done = 0;

    optimizer_init(&opt, &sgd_kind, &hyper, FEATURES);
    race_start(&r, &opt);
    epoch_init(&epoch, SAMPLES, BATCH, true, seed + 1);
    if (curve)
        curve[0] = excess_loss(p->gram, w, p->w_star, FEATURES);
    for (int e = 0; e < EPOCHS; e++) {
        const size_t *batch;
        size_t size;
        epoch_start(&epoch);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0) {
            mse_grad(&p->model, grad, w, batch, size);
            optimizer_step(&opt, w, grad);
            done++;
            race_after_update(&r, &opt, done);
            if (curve && done % (budget / points) == 0 && done / (budget / points) <= points)
                curve[done / (budget / points)] = excess_loss(p->gram, w, p->w_star, FEATURES);
        }
    }
    epoch_free(&epoch);
    optimizer_free(&opt);
    double excess = excess_loss(p->gram, w, p->w_star, FEATURES);
    return isfinite(excess) ? excess : INFINITY;
}

void race_regression(struct race_result *results, double *curve, int points)
{
    struct regression_problem tune, *measured = xcalloc(RACE_SEEDS, sizeof *measured);
    double *one = curve ? xcalloc((size_t)points + 1, sizeof *one) : NULL;
    problem_init(&tune, TUNE_SEED);
    for (int s = 0; s < RACE_SEEDS; s++)
        problem_init(&measured[s], (uint64_t)s);
    for (int which = 0; which < RACE_SCHEDULES; which++) {
        double best = INFINITY, lr = race_regression_grid[0];
        for (int g = 0; g < RACE_GRID; g++) {
            double excess = regression_run(&tune, which, race_regression_grid[g], TUNE_SEED, NULL, 0);
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
            double excess = regression_run(&measured[s], which, lr, (uint64_t)s, one, points);
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
    dataset_free(&tune.data);
    for (int s = 0; s < RACE_SEEDS; s++)
        dataset_free(&measured[s].data);
    free(measured);
    free(one);
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
    fprintf(out, " with data seed %d; excess L(w) - L(w*) on seeds 0-%d\n\n", TUNE_SEED,
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
