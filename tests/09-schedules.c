/* tests/09-schedules.c: chapter 9's schedules, worked by hand; the chained
 * and closed forms; the noise floor and the 1/k rate; the warm-up rescue.
 *
 * Tolerances.  A worked rate is a few double operations from its exact
 * value (a fraction, or a cosine of a multiple of pi/4 or pi/7): 1e-15
 * (a few ulps of numbers near 0.1 to 1).  The chained forms multiply one
 * rounding error into the next; over 200 steps they stay within 1e-13 of
 * the closed forms (the largest gap measured is below 2e-15 relative; the
 * bound leaves room, not slack for a wrong formula, whose error is O(1)).
 * Sampled measurements are compared with theory within three standard
 * errors of their own spread over groups of seeds.
 */
#include "harness.h"
#include "00-toolkit/optimizer.h"
#include "04-batches/regression.h"
#include "06-momentum/sgd.h"
#include "08-adam/adam.h"
#include "09-schedules/measure.h"
#include "00-toolkit/rng.h"
#include "09-schedules/noisy.h"
#include "09-schedules/race.h"
#include "09-schedules/schedule.h"
#include "09-schedules/warmup.h"
#include "09-schedules/worked.h"

#include <math.h>
#include <stdlib.h>

#define EXACT 1e-15

static void expect_rates(enum scheduler_name name, const double *want, int count)
{
    double rate[WORKED_STEPS], momentum[WORKED_STEPS];
    worked_rates(name, WORKED_STEPS, rate, momentum);
    for (int k = 0; k < count; k++)
        ck_assert_double_eq_tol(rate[k], want[k], EXACT);
}

/* Of the first WORKED_STEPS updates of scheduler name: how many have the
 * rate value (updates_at), and from which one, counted from 1, the rate
 * stays there (holds_from; 0 if the last one differs). */
static int updates_at(enum scheduler_name name, double value)
{
    double rate[WORKED_STEPS], momentum[WORKED_STEPS];
    int count = 0;
    worked_rates(name, WORKED_STEPS, rate, momentum);
    for (int k = 0; k < WORKED_STEPS; k++)
        count += fabs(rate[k] - value) <= EXACT;
    return count;
}

static int holds_from(enum scheduler_name name, double value)
{
    double rate[WORKED_STEPS], momentum[WORKED_STEPS];
    int from = 0;
    worked_rates(name, WORKED_STEPS, rate, momentum);
    for (int k = 0; k < WORKED_STEPS; k++)
        if (fabs(rate[k] - value) > EXACT)
            from = 0;
        else if (from == 0)
            from = k + 1;
    return from;
}

static double square(double v)
{
    return v * v;
}

static int close_to(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

/* (9.5): eta_k = 0.1 (1/2)^floor(k/3) for update k + 1. */
START_TEST(table_steplr)
{
    const double want[] = {1.0 / 10, 1.0 / 10, 1.0 / 10, 1.0 / 20, 1.0 / 20, 1.0 / 20, 1.0 / 40, 1.0 / 40};
    expect_rates(STEP_LR, want, 8);
    /* the text: it holds 1/10 for step_size updates */
    ck_assert_int_eq(updates_at(STEP_LR, 1.0 / 10), 3);
}
END_TEST

/* (9.6): times 1/10 at steps 2 and 5. */
START_TEST(table_multisteplr)
{
    const double want[] = {1.0 / 10, 1.0 / 10, 1.0 / 100, 1.0 / 100, 1.0 / 100,
                           1.0 / 1000, 1.0 / 1000, 1.0 / 1000};
    expect_rates(MULTI_STEP_LR, want, 8);
    /* the text: 1/100 three times (milestones 2 and 5) */
    ck_assert_int_eq(updates_at(MULTI_STEP_LR, 1.0 / 100), 3);
}
END_TEST

/* The text: MultiStepLR holds 1/10 twice and 1/100 three times
 * (milestones 2 and 5). */
START_TEST(multisteplr_holds_each_rate)
{
    ck_assert_int_eq(updates_at(MULTI_STEP_LR, 1.0 / 10), 2);
    ck_assert_int_eq(updates_at(MULTI_STEP_LR, 1.0 / 100), 3);
}
END_TEST

/* (9.7): 0.1 (9/10)^k. */
START_TEST(table_exponentiallr)
{
    const double want[] = {0.1, 0.09, 0.081, 0.0729, 0.06561, 0.059049, 0.0531441, 0.04782969};
    expect_rates(EXPONENTIAL_LR, want, 8);
}
END_TEST

/* (9.8) with T_max = 4: 0.1 (1 + cos(k pi/4))/2 = 1/10, (2 + sqrt 2)/40,
 * 1/20, (2 - sqrt 2)/40, 0, and back up, the same values mirrored. */
START_TEST(table_cosineannealinglr)
{
    const double r2 = sqrt(2.0);
    const double want[] = {1.0 / 10, (2 + r2) / 40, 1.0 / 20, (2 - r2) / 40, 0.0,
                           (2 - r2) / 40, 1.0 / 20, (2 + r2) / 40};
    expect_rates(COSINE_ANNEALING_LR, want, 8);
    /* cos 0 = 1 at update 1, cos(pi/2) = 0 at update 3; zero reached at update 5. */
    ck_assert_double_eq_tol(cos(0.0), 1, EXACT);
    ck_assert_double_eq_tol(cos(3.141592653589793 / 2), 0, EXACT);
    const int update_at_zero = 5;
    ck_assert_double_eq_tol(want[update_at_zero - 1], 0, EXACT);
}
END_TEST

/* (9.9): the factor climbs 1/4, 1/2, 3/4, 1 and stays: 1/40, 1/20, 3/40, 1/10. */
START_TEST(table_linearlr)
{
    const double want[] = {1.0 / 40, 1.0 / 20, 3.0 / 40, 1.0 / 10, 1.0 / 10, 1.0 / 10};
    expect_rates(LINEAR_LR, want, 6);
    /* the text: it holds 1/10 from the fourth update on */
    ck_assert_int_eq(holds_from(LINEAR_LR, 1.0 / 10), 4);
}
END_TEST

/* (9.10), max_lr 1, 10 steps: initial 1/25, min 1/250000; the rise ends at
 * step 0.3 * 10 - 1 = 2 with pct = k/2: 1/25, 1 - (24/25)/2 = 13/25, 1;
 * then pct = (k - 2)/7: 1/250000 + (1 - 1/250000)(1 + cos(pi/7))/2 at
 * update 4.  Momentum runs the other way: 0.95, 0.9, 0.85, then
 * 0.95 - 0.1 (1 + cos(pi/7))/2. */
/* (9.10), PyTorch's _annealing_cos: from start (p = 0) to end (p = 1). */
static double anneal(double start, double end, double p)
{
    return end + (start - end) * (1 + cos(3.141592653589793 * p)) / 2;
}

START_TEST(table_onecyclelr)
{
    const double low = 1.0 / 250000, half = (1 + cos(3.141592653589793 / 7)) / 2;
    const double want[] = {1.0 / 25, 13.0 / 25, 1.0, low + (1 - low) * half};
    const double want_momentum[] = {0.95, 0.9, 0.85, 0.95 - 0.1 * half};
    double rate[WORKED_STEPS], momentum[WORKED_STEPS];
    expect_rates(ONE_CYCLE_LR, want, 4);
    /* update 2 by (9.10): anneal(1/25, 1, 1/2) = 1 + (1/25 - 1)/2 = 13/25 */
    ck_assert_double_eq_tol(1 + (1.0 / 25 - 1) * (1 + cos(3.141592653589793 * (1.0 / 2))) / 2,
                            13.0 / 25, EXACT);
    /* (9.10) over the warm-up, 0 <= p <= 1: anneal(1/25, 1, p) is the rate
     * of updates 0, 1, 2 at p = 0, 1/2, 1 */
    {
        const double from = 1.0 / 25, to = 1.0, pi = 3.141592653589793;
        for (int i = 0; i <= 2; i++) {
            const double p = i / 2.0;
            ck_assert(0 <= p && p <= 1 && fabs(want[i] - (to + (from - to) * (1 + cos(pi * p)) / 2)) <= EXACT);
        }
    }
    ck_assert_double_eq_tol(anneal(1.0 / 25, 1, 1.0 / 2), 1 + (1.0 / 25 - 1) / 2, EXACT);
    worked_rates(ONE_CYCLE_LR, WORKED_STEPS, rate, momentum);
    ck_assert_double_eq_tol(rate[1], anneal(1.0 / 25, 1, 1.0 / 2), EXACT);
    for (int k = 0; k < 4; k++)
        ck_assert_double_eq_tol(momentum[k], want_momentum[k], EXACT);
}
END_TEST

/* The chained rates (PyTorch's step()) against the closed forms, 200 steps,
 * with settings that cross several milestones and two cosine periods. */
START_TEST(chained_equals_closed_form)
{
    static const enum scheduler_name all[] = {STEP_LR, MULTI_STEP_LR, EXPONENTIAL_LR,
                                              COSINE_ANNEALING_LR, LINEAR_LR, ONE_CYCLE_LR};
    for (int j = 0; j < 6; j++) {
        struct scheduler_settings s = scheduler_defaults(all[j]);
        s.step_size = 7;
        s.gamma = all[j] == EXPONENTIAL_LR ? 0.98 : 0.5;
        s.milestones[0] = 10; s.milestones[1] = 50; s.milestones[2] = 51; s.milestone_count = 3;
        s.t_max = 40; s.eta_min = 0.001;
        s.total_iters = 30;
        s.max_lr = 0.3; s.total_steps = 200;
        struct hyper hyper = sgd_kind.defaults;
        hyper.lr = 0.1;
        hyper.momentum = 0.9;
        struct optimizer opt;
        struct scheduler sched;
        optimizer_init(&opt, &sgd_kind, &hyper, 1);
        ck_assert_ptr_null(scheduler_check(&s, &opt));
        scheduler_init(&sched, &s, &opt);
        for (long t = 0; t < 200; t++) {
            double closed = schedule_closed_form(&s, 0.1, t);
            ck_assert_msg(fabs(opt.hyper.lr - closed) <= 1e-13 * fmax(1.0, fabs(closed)),
                          "%s at step %ld: chained %.17g, closed %.17g",
                          scheduler_name_text(all[j]), t, opt.hyper.lr, closed);
            scheduler_step(&sched, &opt);
        }
        optimizer_free(&opt);
    }
    {   /* (9.8) as written, and the chained factor, at T = 40 and k = 6 */
        const double pi = acos(-1.0), eta0 = 0.1, eta_min = 0.001, T = 40, k = 6;
        struct scheduler_settings s = scheduler_defaults(COSINE_ANNEALING_LR);
        s.t_max = 40;
        s.eta_min = 0.001;
        double at_k = schedule_closed_form(&s, eta0, 6), before = schedule_closed_form(&s, eta0, 5);
        ck_assert_double_eq_tol(at_k, eta_min + (eta0 - eta_min) * (1 + cos(pi * k / T)) / 2, EXACT);
        ck_assert_double_eq_tol((at_k - eta_min) / (before - eta_min),
                                (1 + cos(pi * k / T)) / (1 + cos(pi * (k - 1) / T)), 1e-11);
    }
}
END_TEST

/* The constructor takes one step: last_epoch is 0 before update 1, and
 * update t + 1 uses the rate of step t. */
START_TEST(last_epoch_convention)
{
    struct scheduler_settings s = worked_settings(EXPONENTIAL_LR);
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    struct scheduler sched;
    hyper.lr = WORKED_LR;
    optimizer_init(&opt, &sgd_kind, &hyper, 1);
    scheduler_init(&sched, &s, &opt);
    ck_assert_int_eq(sched.last_epoch, 0);
    for (long t = 0; t < 5; t++) {
        ck_assert_double_eq_tol(opt.hyper.lr, schedule_closed_form(&s, WORKED_LR, t), EXACT);
        scheduler_step(&sched, &opt);      /* after update t + 1 */
        ck_assert_int_eq(sched.last_epoch, t + 1);
    }
    optimizer_free(&opt);
}
END_TEST

/* PyTorch's defaults (torch/optim/lr_scheduler.py): LinearLR from 1/3 to 1
 * in 5; OneCycleLR pct_start 0.3, div_factor 25, final_div_factor 1e4,
 * momentum from 0.95 down to 0.85; gamma 0.1. */
START_TEST(pytorch_defaults)
{
    struct scheduler_settings linear = scheduler_defaults(LINEAR_LR);
    ck_assert_double_eq(linear.start_factor, 1.0 / 3);
    ck_assert_double_eq(linear.end_factor, 1);
    ck_assert_int_eq(linear.total_iters, 5);
    ck_assert_double_eq(scheduler_defaults(STEP_LR).gamma, 0.1);
}
END_TEST

/* OneCycleLR's defaults, and where the worked one-cycle's climb ends. */
START_TEST(onecycle_defaults)
{
    struct scheduler_settings cycle = scheduler_defaults(ONE_CYCLE_LR);
    ck_assert_double_eq(cycle.pct_start, 0.3);
    ck_assert_double_eq(cycle.div_factor, 25);
    ck_assert_double_eq(cycle.final_div_factor, 1e4);
    ck_assert_double_eq(cycle.max_momentum, 0.95);
    ck_assert_double_eq(cycle.base_momentum, 0.85);
    /* The climb of the worked one-cycle (10 steps) ends at step 0.3 * 10 - 1 = 2,
     * so update 2 (t = 1) is half-way up: p = 1/2. */
    ck_assert_double_eq_tol(0.3 * 10 - 1, 2, 1e-15);
    ck_assert_double_eq_tol(1 / (cycle.pct_start * 10 - 1), 1.0 / 2, 1e-15);
}
END_TEST

/* PyTorch's warning: scheduler.step() before optimizer.step() skips the
 * first value.  Stepping the scheduler first, update k uses eta_(k+1). */
START_TEST(scheduler_first_skips_the_first_rate)
{
    struct scheduler_settings s = worked_settings(COSINE_ANNEALING_LR);
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    struct scheduler sched;
    double right[WORKED_STEPS], momentum[WORKED_STEPS];
    worked_rates(COSINE_ANNEALING_LR, WORKED_STEPS, right, momentum);
    hyper.lr = WORKED_LR;
    optimizer_init(&opt, &sgd_kind, &hyper, 1);
    scheduler_init(&sched, &s, &opt);
    for (int k = 0; k + 1 < WORKED_STEPS; k++) {
        scheduler_step(&sched, &opt);
        ck_assert_double_eq_tol(opt.hyper.lr, right[k + 1], EXACT);   /* used by update k + 1 */
    }
    optimizer_free(&opt);
}
END_TEST

START_TEST(constructor_refusals)
{
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    optimizer_init(&opt, &sgd_kind, &hyper, 1);
    struct scheduler_settings s = scheduler_defaults(STEP_LR);
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));               /* step_size 0 */
    s = scheduler_defaults(LINEAR_LR);
    s.start_factor = 0.0;
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));               /* 0/0 in the chained form */
    s = scheduler_defaults(MULTI_STEP_LR);
    s.milestones[0] = 5; s.milestones[1] = 3; s.milestone_count = 2;
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));
    s = scheduler_defaults(ONE_CYCLE_LR);
    s.max_lr = 1; s.total_steps = 10; s.pct_start = 1.5;
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));
    s.pct_start = 0.3;
    ck_assert_ptr_null(scheduler_check(&s, &opt));
    optimizer_free(&opt);
    ck_assert_int_eq(scheduler_from_text("cosineannealinglr"), COSINE_ANNEALING_LR);
    ck_assert_int_eq(scheduler_from_text("cosine"), -1);
}
END_TEST

/* The model (9.1), (9.2) and its floor (9.3), against a direct
 * transcription: x <- (1 - eta mu) x - eta sigma xi; e <- (1 - eta mu)^2 e
 * + eta^2 sigma^2; excess mu e / 2; the fixed point e = eta sigma^2 /
 * (mu (2 - eta mu)), the floor eta sigma^2 / (2 (2 - eta mu)), close to
 * eta sigma^2 / 4 for small eta mu; 1/38 for eta = 0.1 = 0.1 / (2 * 1.9). */
START_TEST(noisy_model)
{
    const struct noisy_quadratic q = {.mu = 1, .sigma = 1, .x0 = 10.0};
    double eta[3] = {0.1, 0.3, 1.5}, excess[4], sampled[4];
    double e = 10.0 * 10.0, x = 10.0;
    struct rng rng;
    noisy_expected(&q, eta, 3, excess);
    noisy_sampled(&q, eta, 3, 7, sampled);
    rng_seed(&rng, 7);
    ck_assert_double_eq_tol(excess[0], e / 2, EXACT);
    for (int k = 0; k < 3; k++) {
        e = (1 - eta[k] * q.mu) * (1 - eta[k] * q.mu) * e + eta[k] * eta[k] * q.sigma * q.sigma;
        x = (1 - eta[k] * q.mu) * x - eta[k] * q.sigma * rng_normal(&rng);
        ck_assert_double_eq_tol(excess[k + 1], q.mu * e / 2, 1e-12);
        ck_assert_double_eq_tol(sampled[k + 1], q.mu * x * x / 2, 1e-12);
    }
    double floor = noisy_floor(&q, 0.1), fixed = 0.1 / (q.mu * (2 - 0.1 * q.mu));
    ck_assert_double_eq_tol(fixed, (1 - 0.1) * (1 - 0.1) * fixed + 0.1 * 0.1, 1e-15);
    ck_assert_double_eq_tol(floor, q.mu * fixed / 2, EXACT);
    ck_assert_double_eq_tol(floor, 0.1 / (2 * 1.9), EXACT);
    /* (9.3) as written, and "0.1 / (2 · 1.9) = 1/38" in one assertion */
    ck_assert_double_eq_tol(floor, 0.1 * q.sigma * q.sigma / (2 * (2 - 0.1 * q.mu)), EXACT);
    ck_assert(close_to(floor, 0.1 / (2 * 1.9), EXACT) && close_to(floor, 1 / 38.0, EXACT));
    ck_assert_double_eq_tol(floor, 1 / 38.0, EXACT);
    const double small_eta_denominator = 4;     /* eta sigma^2 / 4 for small eta mu */
    ck_assert_double_eq_tol(noisy_floor(&q, 1e-6) / 1e-6, 1 / small_eta_denominator, 1e-6);
}
END_TEST

/* (9.3): the floor of eta = 1/10 with mu = sigma = 1 is
 * (1/10) / (2 (2 - 1/10)) = 1/38, and the recursion (9.2) settles on it. */
START_TEST(noise_floor_of_a_constant_rate)
{
    double *eta = calloc(MEASURE_STEPS, sizeof *eta);
    double *excess = calloc(MEASURE_STEPS + 1, sizeof *excess);
    ck_assert_double_eq_tol(noisy_floor(&chapter_problem, 0.1), 1 / 38.0, EXACT);
    chapter_rates(CONSTANT, eta);
    noisy_expected(&chapter_problem, eta, MEASURE_STEPS, excess);
    ck_assert_double_eq_tol(excess[MEASURE_STEPS], 1 / 38.0, 1e-12);
    /* The cause is the constant rate: the decaying schedules end far below it. */
    for (int which = ONE_OVER_K; which <= COSINE; which++) {
        chapter_rates((enum race_schedule)which, eta);
        noisy_expected(&chapter_problem, eta, MEASURE_STEPS, excess);
        ck_assert_double_lt(excess[MEASURE_STEPS], 0.1 / 38);
    }
    free(eta);
    free(excess);
}
END_TEST

/* (9.4): for 2 c mu > 1 the excess approaches c^2 sigma^2 mu / (2 (2 c mu - 1)) / k,
 * 2/3 / k for c = 2; the 1/k schedule of the chapter, 2/(k + 20), ends at
 * update 10 000 within 1 % of (2/3)/10 020. */
START_TEST(one_over_k_constant)
{
    double *eta = calloc(MEASURE_STEPS, sizeof *eta);
    double *excess = calloc(MEASURE_STEPS + 1, sizeof *excess);
    chapter_rates(ONE_OVER_K, eta);
    noisy_expected(&chapter_problem, eta, MEASURE_STEPS, excess);
    double c = 2, mu = 1, sigma = 1;
    double constant = mu * c * c * sigma * sigma / (2 * (2 * c * mu - 1));
    ck_assert_double_eq_tol(constant, 2.0 / 3, EXACT);
    double predicted = constant / 10020;
    ck_assert_double_eq_tol(100 * excess[MEASURE_STEPS] / predicted, 100, 1);   /* percent */
    {   /* (9.4) as written, at the last step k = 10020: within 1% */
        const double k = 10020;
        ck_assert_double_lt(fabs(excess[MEASURE_STEPS] / (constant * 1 / k) - 1), 0.01);
    }
    free(eta);
    free(excess);
}
END_TEST

/* (9.4): slope -1 when 2 c mu > 1 (c = 2), -2 c mu when not (c = 1/4: -1/2).
 * The exact recursion within 0.005 (its correction terms at k >= 1000);
 * the sampled slope within three standard errors of its spread. */
/* The derivation of (9.4), step by step, at numbers: c = 2, mu = sigma = 1,
 * k = 10^4 and eta_k = c/k.  (1 - eta_k mu)^2 is 1 - 2 c mu/k up to its
 * c^2 mu^2/k^2; 1/(k + 1) is 1/k - 1/k^2 up to 1/k^3; A = c^2 sigma^2 /
 * (2 c mu - 1) makes both sides of the recursion agree, and the excess
 * mu/2 A/k is (9.4).  For c = 1/4, 2 c mu < 1 and that A is negative, and
 * the noiseless factors multiply to k^(-2 c mu): from k = 1000 to 2000,
 * 2^(-1/2), up to 1/1000. */
START_TEST(one_over_k_derivation)
{
    const double c = 2, mu = 1, sigma = 1, k = 1e4, eta = c / k;
    const double a = c * c * sigma * sigma / (2 * c * mu - 1);
    const double slow = 1.0 / 4;
    /* one update of (9.2) at eta_k = c/k, by the code (noisy_expected; its
     * excess is mu V / 2): noiseless from V = 1, its factor; from x = 0,
     * the noise term alone; from V^(k) = A/k, the next V */
    const struct noisy_quadratic quiet = {mu, 0, 1}, still = {mu, sigma, 0}, at_k = {mu, sigma, sqrt(a / k)};
    const double rate[1] = {eta};
    double ex[2], product, *slow_rates, *slow_excess;
    noisy_expected(&quiet, rate, 1, ex);
    const double factor = ex[1] / ex[0];
    noisy_expected(&still, rate, 1, ex);
    const double noise = 2 * ex[1] / mu;
    noisy_expected(&at_k, rate, 1, ex);
    const double next = 2 * ex[1] / mu;
    ck_assert_double_eq_tol(factor, 1 - 2 * c * mu / k, c * c * mu * mu / (k * k) + EXACT);
    ck_assert_double_eq_tol(noise, c * c * sigma * sigma / (k * k), EXACT);
    ck_assert_double_eq_tol(next, (1 - 2 * c * mu / k) * a / k + c * c * sigma * sigma / (k * k),
                            c * c * mu * mu / (k * k) * a / k + EXACT);
    /* the ansatz holds to O(1/k^3): next is A/k - A/k^2, as 1/(k + 1) is 1/k - 1/k^2 */
    ck_assert_double_eq_tol(1 / (k + 1), 1 / k - 1 / (k * k), 1 / (k * k * k));
    ck_assert_double_eq_tol(a / k - a / (k * k), next, c * c * mu * mu * a / (k * k * k) + EXACT);
    ck_assert_double_eq_tol(a / (k + 1), next, (c * c * mu * mu + 1) * a / (k * k * k));
    /* ... exactly because A (2 c mu - 1) = c^2 sigma^2, the code's noise term times k^2 */
    ck_assert_double_eq_tol(a * (2 * c * mu - 1), noise * k * k, 1e-12);
    ck_assert_double_eq_tol(mu * c * c * sigma * sigma / (2 * (2 * c * mu - 1)) * 1 / k,
                            mu / 2 * a / k, EXACT);
    /* c = 1/4: 2 c mu < 1, that A is negative, and the noiseless factors of
     * the code's (9.2) multiply to k^(-2 c mu) from k = 1000 to 2000 */
    ck_assert(2 * slow * mu < 1);
    ck_assert_double_lt(slow * slow * sigma * sigma / (2 * slow * mu - 1), 0);
    slow_rates = calloc(2000, sizeof *slow_rates);
    slow_excess = calloc(2001, sizeof *slow_excess);
    ck_assert(slow_rates != NULL && slow_excess != NULL);
    for (int j = 1; j < 2000; j++)
        slow_rates[j] = slow / j;
    noisy_expected(&quiet, slow_rates, 2000, slow_excess);
    product = slow_excess[2000] / slow_excess[1000];
    free(slow_rates);
    free(slow_excess);
    ck_assert_double_eq_tol(product, pow(2000.0 / 1000, -2 * slow * mu), 1e-3);
    ck_assert_double_gt(product, 1.0 / 2);        /* slower than 1/k, which halves it */
}
END_TEST

START_TEST(one_over_k_slopes)
{
    static const double c[] = {2.0, 1.0 / 4}, mu = 1;
    struct slope slopes[2];
    measure_slopes(c, 2, slopes);       /* both sampled on the same draws */
    for (int i = 0; i < 2; i++) {
        double want = 2 * c[i] * mu > 1 ? -1.0 : -2 * c[i] * mu;      /* -1, or -1/2 */
        if (i == 0)
            ck_assert_double_eq_tol(want, -1, EXACT);          /* 2 c mu > 1: slope -1 */
        else
            ck_assert_double_eq_tol(want, -1.0 / 2, EXACT);    /* -2 c mu */
        if (i == 1)     /* the slope as the text computes it, c = 1/4 */
            ck_assert_double_eq_tol(-2 * c[1] * mu, -1.0 / 2, EXACT);
        struct slope s = slopes[i];
        ck_assert_double_eq_tol(s.exact, want, 0.005);
        ck_assert_double_eq_tol(s.mean, want, 3 * s.sd / sqrt(SEED_GROUPS) + 0.005);
    }
}
END_TEST

/* (9.11): from x = 3 a constant 0.5 has eta x^2 = 9/2 > 2: |x| grows at the
 * first update and never shrinks again.  With LinearLR's warm-up (1/3 of
 * the rate, up to all of it in 5 updates) eta_k x_k^2 stays at most 3/2:
 * every update shrinks |x|, and 100 updates end near 0. */
START_TEST(warmup_rescues_the_large_rate)
{
    struct scheduler_settings warm = scheduler_defaults(LINEAR_LR);
    struct warmup_run plain = quartic_run(3.0, 0.5, NULL, 100, NULL, NULL);
    struct warmup_run warmed = quartic_run(3.0, 0.5, &warm, 100, NULL, NULL);
    struct warmup_run first = quartic_run(3.0, 0.5, NULL, 1, NULL, NULL);
    ck_assert_double_eq_tol(first.x, -10.5, EXACT);
    ck_assert_double_eq_tol(first.x, (1 - 0.5 * 3.0 * 3.0) * 3.0, EXACT);     /* (9.11) */
    ck_assert(plain.diverged);
    ck_assert_int_eq(plain.steps + 1, 6);
    ck_assert_double_eq_tol(first.worst, 9.0 / 2, EXACT);      /* 0.5 * 3^2 > 2 */
    ck_assert_double_gt(first.worst, 2);
    ck_assert_double_lt(warmed.worst, 2);
    ck_assert(!warmed.diverged);
    ck_assert_double_eq_tol(warmed.worst, 3.0 / 2, EXACT);   /* the first update: (1/6) 9 */
    ck_assert_double_lt(fabs(warmed.x), 0.1);
    double rate[1];
    quartic_run(3.0, 0.5, &warm, 1, NULL, rate);
    ck_assert_double_eq_tol(rate[0], 1.0 / 6, EXACT);          /* a third of 0.5 */
    ck_assert_double_eq_tol(rate[0] / 0.5, 1.0 / 3, EXACT);    /* "a third of the rate" */
}
END_TEST

/* From 3 the largest constant rate that shrinks |x| at every update is
 * 2/9: just below it converges, just above it diverges. */
START_TEST(warmup_threshold)
{
    struct warmup_run below = quartic_run(3.0, 2.0 / 9 * (1 - 1e-9), NULL, 1000, NULL, NULL);
    struct warmup_run above = quartic_run(3.0, 2.0 / 9 * (1 + 1e-9), NULL, 1000, NULL, NULL);
    ck_assert(!below.diverged);
    ck_assert(above.diverged);
    ck_assert_double_eq_tol(3.0 / 2, 1.0 / 6 * 9, EXACT);
}
END_TEST

/* The cause is the start's curvature, not the rate: the same constant 0.5
 * from x = 1.9 (eta x^2 = 1.805 < 2) converges without any warm-up, and a
 * constant 0.2 from 3 (9/5 < 2) too. */
START_TEST(warmup_cause_is_the_start)
{
    struct warmup_run near = quartic_run(1.9, 0.5, NULL, 100, NULL, NULL);
    struct warmup_run slow = quartic_run(3.0, 0.2, NULL, 100, NULL, NULL);
    ck_assert(!near.diverged);
    ck_assert(!slow.diverged);
    ck_assert_double_eq_tol(slow.worst, 9.0 / 5, EXACT);
    ck_assert_double_eq_tol(near.worst, 1.805, 1e-15);
    ck_assert_double_lt(near.worst, 2);
    ck_assert(close_to(near.worst, 1.805, 1e-15) && near.worst < 2);
    ck_assert_double_lt(fabs(near.x), 0.1);
}
END_TEST

/* The race: with noisy gradients (chapter 4's regression, SGD in batches
 * of 8) the tuned cosine schedule ends below the tuned constant rate by
 * more than three standard deviations of either, on ten seeds; on Rosenbrock
 * (Adam, exact gradients) the tuned constant rate ends lowest of all.  That
 * the noise is the cause is race_exact_has_no_floor's test. */
START_TEST(race_noise_decides)
{
    struct race_result reg[RACE_SCHEDULES], ros[RACE_SCHEDULES];
    race_regression(reg, NULL, 0);
    race_rosenbrock(ros, NULL, 0);
    ck_assert_double_lt(reg[3].mean + 3 * reg[3].sd, reg[0].mean - 3 * reg[0].sd / sqrt(RACE_SEEDS));
    ck_assert_double_lt(reg[4].mean + 3 * reg[4].sd, reg[0].mean - 3 * reg[0].sd / sqrt(RACE_SEEDS));
    /* The prose: every decaying schedule ends below the constant rate on
     * average, and 1/k (1) and step (2) stay within its spread (one sd). */
    for (int i = 1; i < RACE_SCHEDULES; i++)
        ck_assert_double_lt(reg[i].mean, reg[0].mean);
    for (int i = 1; i <= 2; i++)
        ck_assert_double_gt(reg[i].mean, reg[0].mean - reg[0].sd);
    for (int i = 1; i < RACE_SCHEDULES; i++)
        ck_assert_double_lt(ros[0].mean, ros[i].mean);
    /* "When each is used": cosine ends lowest of the five against noise. */
    for (int i = 0; i < RACE_SCHEDULES; i++)
        if (i != 3)
            ck_assert_double_lt(reg[3].mean, reg[i].mean);
}
END_TEST

/* The race's schedules as the text describes them: 1/k's k0 is a tenth of
 * the budget (read back from the first update's factor k0/(1 + k0)), and
 * the step schedule divides by 10 at half and at three quarters of it. */
START_TEST(race_schedules_as_the_text_says)
{
    enum { BUDGET = 2500 };
    static double rates[BUDGET];
    long drops[2], found = 0;
    race_rates(1, BUDGET, 1.0, rates);
    ck_assert_double_eq(rates[0], 1.0);
    ck_assert_double_eq_tol(rates[1] / (1 - rates[1]) / BUDGET, 1.0 / 10, 1e-12);
    race_rates(2, BUDGET, 1.0, rates);
    for (long k = 1; k < BUDGET && found < 2; k++)
        if (rates[k] < rates[k - 1]) {
            ck_assert_double_eq_tol(rates[k] / rates[k - 1], 1 / 10.0, 1e-15);
            drops[found++] = k;
        }
    ck_assert_int_eq(found, 2);
    ck_assert_double_eq((double)drops[0] / BUDGET, 1.0 / 2);
    ck_assert_double_eq((double)drops[1] / BUDGET, 3.0 / 4);
}
END_TEST

/* The race's cause isolated: the same regression, the same SGD, grid,
 * budget and seeds, with the exact gradient of all samples.  With the
 * noise gone there is no floor: every schedule, the constant rate too,
 * ends at the rounding level of doubles (excess below 1e-29, where the
 * noisy race's constant rate stays above 1e-4): the 24-fold gap closes. */
START_TEST(race_exact_has_no_floor)
{
    struct race_result exact[RACE_SCHEDULES], noisy[RACE_SCHEDULES];
    race_regression_exact(exact);
    race_regression(noisy, NULL, 0);
    for (int i = 0; i < RACE_SCHEDULES; i++)
        ck_assert_double_lt(exact[i].mean, 1e-29);
    ck_assert_double_gt(noisy[0].mean, 1e-4);
    ck_assert_double_gt(noisy[0].mean / noisy[3].mean, 10);
}
END_TEST

/* The exact gradient the race uses, 2 G (w - w*), is mse_grad over all samples. */
START_TEST(exact_gradient_is_the_full_batch)
{
    struct dataset data;
    double w_true[4], w_star[4], gram[16], w[4] = {0.5, -1, 2, 0.25}, full[4], viagram[4];
    synthetic_regression(&data, w_true, 200, 4, 0.5, 7);
    struct regression model = {.data = &data, .bias = false};
    ck_assert(least_squares(w_star, &data));
    gram_matrix(gram, &data);
    mse_grad(&model, full, w, NULL, 0);
    for (int i = 0; i < 4; i++) {
        viagram[i] = 0;
        for (int j = 0; j < 4; j++)
            viagram[i] += 2 * gram[i * 4 + j] * (w[j] - w_star[j]);
        ck_assert_double_eq_tol(viagram[i], full[i], 1e-12);   /* rounding of 200-term sums */
    }
    dataset_free(&data);
}
END_TEST

/* StepLR(step_size=3, gamma=0.5) from 0.03, read as updates and as epochs:
 * per update the rate halves every three updates and is below 0.03/2^10
 * after 30 of the 2500, so the run stops near its start (excess above 0.1);
 * per epoch it halves three times in ten epochs and ends lower than the
 * constant rate by more than both spreads. */
START_TEST(step_every_epoch_not_update)
{
    struct race_result every[3];
    race_step_every(every);
    ck_assert_double_gt(every[1].mean, 0.1);
    {   /* StepLR(3, 0.5) read per update: the code's rate after 30 updates */
        struct scheduler_settings per_update = scheduler_defaults(STEP_LR);
        per_update.step_size = 3;
        per_update.gamma = 0.5;
        ck_assert_double_eq_tol(schedule_closed_form(&per_update, 0.03, 30), 0.03 * pow(0.5, 30 / 3), EXACT);
        ck_assert_double_lt(schedule_closed_form(&per_update, 0.03, 30), 0.03 / 1000);
        /* "it halves it every three updates, the rate is below a thousandth
         * of its start after 30 updates" */
        for (int k = 3; k <= 30; k += 3)
            ck_assert_double_eq_tol(schedule_closed_form(&per_update, 0.03, k) /
                                        schedule_closed_form(&per_update, 0.03, k - 1),
                                    1.0 / 2, EXACT);
        ck_assert_double_lt(schedule_closed_form(&per_update, 0.03, 30) / 0.03, 1.0 / 1000);
    }
    {   /* the same StepLR stepped once an epoch: the rate halves three times
         * in the ten epochs (after epochs 3, 6 and 9) */
        struct scheduler_settings per_epoch = scheduler_defaults(STEP_LR);
        const int epochs = 10;
        int halvings = 0;
        per_epoch.step_size = 3;
        per_epoch.gamma = 0.5;
        for (int e = 1; e <= epochs; e++) {
            const double ratio = schedule_closed_form(&per_epoch, 0.03, e) /
                                 schedule_closed_form(&per_epoch, 0.03, e - 1);
            if (ratio < 1) {    /* each change of the rate halves it */
                ck_assert_double_eq_tol(ratio, 1.0 / 2, EXACT);
                halvings++;
            }
        }
        ck_assert_int_eq(halvings, 3);
    }
    ck_assert_double_gt(every[1].mean, 100 * every[0].mean);
    ck_assert_double_lt(every[2].mean + every[2].sd, every[0].mean - every[0].sd);
}
END_TEST

/* Adam's first update moves every coordinate by lr, whatever the size of
 * its gradient (chapter 8: m/sqrt(v) = g/|g| after bias correction, up to
 * eps): on the race's regression the first gradient's coordinates differ
 * in size, the first steps do not (to 1e-5 of lr: the smallest gradient
 * coordinate is above 1e-3, so eps/|g| is below 1e-5). */
START_TEST(adam_first_step_is_lr_per_coordinate)
{
    struct dataset data;
    double w_true[16], w[16] = {0}, grad[16], gmin = INFINITY, gmax = 0;
    synthetic_regression(&data, w_true, 2000, 16, 0.5, 0);
    struct regression model = {.data = &data, .bias = false};
    struct hyper hyper = adam_kind.defaults;
    hyper.lr = 0.3;
    struct optimizer opt;
    optimizer_init(&opt, &adam_kind, &hyper, 16);
    size_t batch[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    mse_grad(&model, grad, w, batch, 8);
    for (int i = 0; i < 16; i++) {
        gmin = fmin(gmin, fabs(grad[i]));
        gmax = fmax(gmax, fabs(grad[i]));
    }
    optimizer_step(&opt, w, grad);
    ck_assert_double_gt(gmax / gmin, 10);
    ck_assert_double_gt(gmin, 1e-3);
    for (int i = 0; i < 16; i++)
        ck_assert_double_eq_tol(fabs(w[i]) / 0.3, 1, 1e-5);     /* m-hat/sqrt(v-hat) = +-1 */
    optimizer_free(&opt);
    dataset_free(&data);
}
END_TEST

/* Adam's first step on the logistic fit (warmup.h): -lr whatever lr is (to
 * 4e-7 of it: eps/|g| with g = 0.05 is 2e-7, twice that for rounding).
 * From lr 3 on, without warm-up the run ends past w = -10, where the
 * gradient is below 1e-5, at the loss of a saturated logistic,
 * 0.3^2/2 = 0.045 (to 2e-5: there logistic(w) < 4.6e-5, and f differs by
 * at most 0.3 times that), after 200 updates and after 2000; with LinearLR
 * from 0.1 over 10 updates it ends below 1e-9, at w* = ln(3/7) to 3e-4
 * (f < 1e-9 puts logistic(w) within 4.5e-5 of 0.3, where its slope is 0.21).  Rates 1 and 2 need no
 * warm-up.  At rates 2, 4 and 5 the warmed runs drift off again by 2000
 * updates (f above 1e-5; at 2 above the run without warm-up): the warm-up
 * rescues the start only. */
START_TEST(adam_warmup_rescues_the_logistic)
{
    struct scheduler_settings warm = logistic_warmup();
    ck_assert_double_eq_tol(warm.start_factor, 0.1, EXACT);
    ck_assert_int_eq(warm.total_iters, 10);
    /* "a warm-up from a tenth of the rate over ten updates", and on the
     * race's regression "from a tenth over 100 updates": the settings
     * race_adam_warmup runs, read through the schedule's closed form (the
     * first update at a tenth of the rate, the full rate first at update
     * 100 counted from 0) */
    ck_assert_double_eq_tol(warm.start_factor, 1.0 / 10, EXACT);
    {
        const struct scheduler_settings race = race_warmup();
        ck_assert_int_eq(race.total_iters, 100);
        ck_assert_double_eq_tol(schedule_closed_form(&race, 1.0, 0), 1.0 / 10, EXACT);
        ck_assert_double_lt(schedule_closed_form(&race, 1.0, race.total_iters - 1), 1);
        ck_assert_double_eq_tol(schedule_closed_form(&race, 1.0, race.total_iters), 1, EXACT);
    }
    for (int lr = 3; lr <= 5; lr++) {
        struct logistic_run plain = adam_logistic_run(lr, NULL, 200);
        struct logistic_run longer = adam_logistic_run(lr, NULL, 2000);
        struct logistic_run warmed = adam_logistic_run(lr, &warm, 200);
        ck_assert_double_eq_tol(plain.first, -lr, lr * 4e-7);
        ck_assert_double_lt(plain.w, -10);
        double p = 1 / (1 + exp(-plain.w));
        ck_assert_double_lt(fabs((p - 0.3) * p * (1 - p)), 1e-5);
        /* f(w) = 1/2 (logistic(w) - 0.3)^2, logistic(w) = 1/(1 + e^(-w)) */
        ck_assert_double_eq_tol(plain.f, 1.0 / 2 * square(p - 0.3), 1e-12);
        ck_assert_double_eq_tol(plain.f, square(1 / (1 + exp(-plain.w)) - 0.3) / 2, 1e-12);
        ck_assert_double_eq_tol(plain.f, pow(0.3, 2) / 2, 2e-5);
        ck_assert_double_eq_tol(longer.f, 0.045, 2e-5);
        ck_assert_double_lt(warmed.f, 1e-9);
        ck_assert_double_eq_tol(warmed.w, log(3.0 / 7), 3e-4);
        ck_assert_double_eq_tol(warmed.first, -0.1 * lr, lr * 4e-7);
        /* "a first step of a tenth of it": the warmed first move over the
         * plain one.  Both runs start at w = 0 with the same gradient, so
         * Adam's first move differs only by the factor the warm-up applies
         * to lr: the ratio is 1/10 to rounding (a few ulps, 1e-15) */
        ck_assert_double_eq_tol(warmed.first / plain.first, 1.0 / 10, 1e-15);
    }
    for (int lr = 1; lr <= 2; lr++)
        ck_assert_double_lt(adam_logistic_run(lr, NULL, 200).f, 1e-9);
    static const double drift[] = {2, 4, 5};
    for (int i = 0; i < 3; i++)
        ck_assert_double_gt(adam_logistic_run(drift[i], &warm, 2000).f, 1e-5);
    ck_assert_double_gt(adam_logistic_run(2, &warm, 2000).f, adam_logistic_run(2, NULL, 2000).f);
    ck_assert_double_eq_tol(adam_logistic_run(1, NULL, 200).w, -0.847, 0.0005);   /* w* = ln(3/7) */
    /* f(w) = (1/2)(logistic(w) - 0.3)^2: at w = 0, 0.2^2/2 */
    ck_assert_double_eq_tol(adam_logistic_run(1, NULL, 0).f, (1.0 / 2) * 0.2 * 0.2, EXACT);
    ck_assert_double_eq_tol(adam_logistic_run(3, NULL, 1).first, -3, 3e-6);
}
END_TEST

/* Remove the cause, the effect goes: the warmed runs drift off the minimum
 * because they stay at the full rate.  The same warm-up (a tenth of the
 * rate, rising over ten updates) followed by a decay, OneCycleLR's cosine
 * down to 1e-5 of the start (final_div_factor 1e4), momentum not cycled so
 * that only the rate differs: at every rate from 1 to 5 the run ends at w*
 * after 2000 updates (f under 1e-20; measured 0 in doubles), where the
 * warm-up alone left f above 1e-5 at rates 2, 4 and 5. */
START_TEST(warmup_then_decay_stays_at_the_minimum)
{
    for (int lr = 1; lr <= 5; lr++) {
        struct scheduler_settings cycle = scheduler_defaults(ONE_CYCLE_LR);
        cycle.max_lr = lr;
        cycle.total_steps = 2000;
        cycle.div_factor = 10;                  /* starts at a tenth of the rate */
        cycle.pct_start = 10.0 / 2000;          /* and reaches all of it in ten updates */
        cycle.cycle_momentum = false;
        struct logistic_run run = adam_logistic_run(lr, &cycle, 2000);
        ck_assert_double_lt(run.f, 1e-20);
        ck_assert_double_eq_tol(run.w, log(3.0 / 7), 1e-9);
        ck_assert_double_eq_tol(run.first, -0.1 * lr, lr * 4e-7);
        ck_assert_double_eq_tol(run.first / -lr, 1.0 / 10, 4e-7);   /* "from a tenth of the rate" */
    }
}
END_TEST

/* What the measurement shows: on this regression a warm-up changes Adam's
 * result by less than the spread over seeds, at every rate of the table,
 * both at the end and at the worst point of the run. */
START_TEST(adam_warmup_makes_no_difference_here)
{
    struct adam_warmup adam[RACE_ADAM_RATES];
    race_adam_warmup(adam);
    for (int g = 0; g < RACE_ADAM_RATES; g++) {
        ck_assert_double_lt(fabs(adam[g].end[1].mean - adam[g].end[0].mean), adam[g].end[0].sd);
        ck_assert_double_lt(fabs(adam[g].worst[1].mean - adam[g].worst[0].mean),
                            adam[g].worst[0].sd);
    }
}
END_TEST

/* k0 = 1 + c: the first rate c/(1 + c) is below 1 = 1/mu for every c, so
 * no update of the slope runs overshoots the minimum. */
START_TEST(slope_rates_start_below_one)
{
    double *eta = calloc(MEASURE_STEPS, sizeof *eta);
    ck_assert_ptr_nonnull(eta);
    const double mu = 1;                /* the chapter's curvature: 1/mu = 1 */
    slope_rates(2.0, eta);
    ck_assert_double_eq_tol(eta[0], 2.0 / 3, EXACT);
    ck_assert_double_eq_tol(eta[0], 2.0 / (1 + 2.0), EXACT);      /* c/(1 + c), k0 = 1 + c */
    ck_assert_double_lt(eta[0], 1 / mu);
    slope_rates(1.0 / 4, eta);
    ck_assert_double_eq_tol(eta[0], 1.0 / 5, EXACT);
    ck_assert_double_eq_tol(eta[0], 0.25 / (1 + 0.25), EXACT);
    ck_assert_double_lt(eta[0], 1 / mu);
    free(eta);
}
END_TEST

/* The c among 1.5, 1.55, ..., 2.5 whose 1/k schedule c/(k + 1 + c) leaves
 * the least constant k E f, read off the code's (9.2) (noisy_expected, sigma
 * = 1, from x = 1) after 1e5 updates: its 1/k^2 terms are 1e-5 of it, and
 * neighbours on the grid differ by 6e-4 near the least. */
static double least_constant_c(double mu)
{
    enum { K = 100000 };
    const struct noisy_quadratic q = {mu, 1, 1};
    double *rates = calloc(K, sizeof *rates), *excess = calloc(K + 1, sizeof *excess);
    double lowest = 1e300, best = 0;
    ck_assert(rates != NULL && excess != NULL);
    for (int i = 30; i <= 50; i++) {
        rate_one_over_k(rates, K, i / 20.0, 1 + i / 20.0);
        noisy_expected(&q, rates, K, excess);
        if (excess[K] * K < lowest)
            lowest = excess[K] * K, best = i / 20.0;
    }
    free(rates);
    free(excess);
    return best;
}

/* The worked answers (solutions/09-schedules.md). */
START_TEST(answers_by_hand)
{
    /* 1: (9.8) at t = 5 of T = 10 from 0.1 to 0.001: 0.001 + 0.099/2 = 0.0505. */
    struct scheduler_settings cosine = scheduler_defaults(COSINE_ANNEALING_LR);
    cosine.t_max = 10;
    cosine.eta_min = 0.001;
    ck_assert_double_eq_tol(schedule_closed_form(&cosine, 0.1, 5), 0.001 + 0.099 / 2, EXACT);
    ck_assert_double_eq_tol(schedule_closed_form(&cosine, 0.1, 5), 0.0505, EXACT);
    {   /* the cosine term of the code's rate there, cos(pi/2) = 0 */
        const double cosine_term = 2 * (schedule_closed_form(&cosine, 0.1, 5) - 0.001) / (0.1 - 0.001) - 1;
        ck_assert(close_to(cosine_term, cos(acos(-1.0) / 2), 1e-15) && close_to(cosine_term, 0, 1e-15));
    }
    {
        const double pi = acos(-1.0);
        ck_assert_double_eq_tol(schedule_closed_form(&cosine, 0.1, 5),
                                0.001 + (0.1 - 0.001) * (1 + cos(5 * pi / 10)) / 2, EXACT);
    }
}
END_TEST

/* Worked answer 2: milestones 30, 80 (gamma 0.1) from 0.1: the rate is 0.1
 * up to step 29, 0.01 from 30 to 79 (above 0.005), 0.001 from 80, the rate
 * of update 81.  The last step of each rate is searched, not assumed. */
START_TEST(answer_2_first_rate_below)
{
    struct scheduler_settings multi = scheduler_defaults(MULTI_STEP_LR);
    long last_first = 0, last_second, first_below = 0;
    multi.milestones[0] = 30;
    multi.milestones[1] = 80;
    multi.milestone_count = 2;
    while (schedule_closed_form(&multi, 0.1, last_first + 1) == schedule_closed_form(&multi, 0.1, 0))
        last_first++;
    last_second = last_first + 1;
    while (schedule_closed_form(&multi, 0.1, last_second + 1) == schedule_closed_form(&multi, 0.1, last_first + 1))
        last_second++;
    while (schedule_closed_form(&multi, 0.1, first_below) >= 0.005)
        first_below++;
    ck_assert_int_eq(last_first, 29);
    ck_assert_int_eq(last_second, 79);
    ck_assert_int_eq(first_below, 80);
    ck_assert_double_eq_tol(schedule_closed_form(&multi, 0.1, 0), 0.1, EXACT);
    ck_assert_double_eq_tol(schedule_closed_form(&multi, 0.1, last_second), 0.01, EXACT);
    ck_assert_double_gt(schedule_closed_form(&multi, 0.1, last_second), 0.005);
    ck_assert_double_eq_tol(schedule_closed_form(&multi, 0.1, first_below), 0.001, EXACT);
    ck_assert_int_eq(last_first + 1, 30);
    ck_assert_int_eq(first_below + 1, 81);     /* step k's rate drives update k + 1 */
}
END_TEST

/* The constant of (9.4), k E f, for the 1/k schedule eta_k = c/k on the
 * quadratic mu (sigma = 1), read off one update of the code's (9.2) at
 * k = 1e7: noisy_expected gives the factor (1 - eta mu)^2 (from e = 1,
 * no noise) and the noise term eta^2 sigma^2 (from x = 0), and the A with
 * e_k = A/k carried to e_(k+1) = A/(k + 1) is noise / (1/(k + 1) -
 * factor/k); the constant is mu A / 2.  That A differs from (9.4)'s by
 * O(1/(k (2 c mu - 1))), 1e-6 at c = 1.1, mu = 1/2, and the subtraction
 * loses about 8 digits of 16: both far inside 1e-4 on 3.025. */
static double constant_of_the_code(double mu, double c)
{
    const double k = 1e7, rate[1] = {c / k};
    const struct noisy_quadratic quiet = {mu, 0, 1}, still = {mu, 1, 0};
    double ex[2];
    noisy_expected(&quiet, rate, 1, ex);
    const double factor = ex[1] / ex[0];
    noisy_expected(&still, rate, 1, ex);
    const double noise = 2 * ex[1] / mu;
    return mu / 2 * noise / (1 / (k + 1) - factor / k);
}

/* Worked answer 3: mu = 1/2, c and k0. */
START_TEST(answer_3_choosing_c)
{
    /* mu = 1/2: the constant mu c^2 / (2 (2 c mu - 1)) is least at c = 1/mu = 2,
     * and 3.025 at c = 1.1 (1 at c = 2); k0 = c / 0.1 = 20. */
    double mu = 1.0 / 2, near = 1.1;
    {   /* the constants at c = 1.1 and c = 2, from the code's (9.2), and
         * (9.4)'s closed form mu c^2 / (2 (2 c mu - 1)) at c = 1.1 */
        const double at_near = constant_of_the_code(mu, near), at_best = constant_of_the_code(mu, 2);
        ck_assert_double_eq_tol(at_near, mu * near * near / (2 * (2 * near * mu - 1)), 1e-4);
        ck_assert_double_eq_tol(at_near, 3.025, 1e-4);
        ck_assert_double_eq_tol(at_best, 1, 1e-4);
        for (double c = 1.05; c < 4; c += 0.05)
            ck_assert_double_ge(constant_of_the_code(mu, c), at_best - 1e-4);
    }
    {   /* the c of the least constant by the code's (9.2) */
        const double best_code = least_constant_c(mu);
        ck_assert_double_eq_tol(best_code / 0.1, 20, 1e-12);          /* k0 = c / 0.1 */
        ck_assert(best_code == 1 / mu && best_code == 2);              /* c = 1/mu = 2 */
        /* the derivative vanishes there: 2c (2c mu - 1) = 2 mu c^2 */
        ck_assert_double_eq_tol(2 * best_code * (2 * best_code * mu - 1), 2 * mu * best_code * best_code, EXACT);
        /* it passes the condition 2 c mu > 1, that is c > 1/(2 mu), c > 1 */
        ck_assert(2 * best_code * mu > 1 && best_code > 1 / (2 * mu) && best_code > 1);
        ck_assert_double_eq_tol(best_code * mu, 1, EXACT);
    }
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("09-schedules");
    TCase *table = tcase_create("ch09 the schedules by hand");
    TCase *pytorch = tcase_create("ch09 PyTorch's forms");
    TCase *noise = tcase_create("ch09 noise floor and 1/k");
    TCase *warmup = tcase_create("ch09 warm-up");
    tcase_add_test(table, table_steplr);
    tcase_add_test(table, table_multisteplr);
    tcase_add_test(table, multisteplr_holds_each_rate);
    tcase_add_test(table, table_exponentiallr);
    tcase_add_test(table, table_cosineannealinglr);
    tcase_add_test(table, table_linearlr);
    tcase_add_test(table, table_onecyclelr);
    tcase_add_test(pytorch, chained_equals_closed_form);
    tcase_add_test(pytorch, scheduler_first_skips_the_first_rate);
    tcase_add_test(pytorch, constructor_refusals);
    tcase_add_test(pytorch, last_epoch_convention);
    tcase_add_test(pytorch, pytorch_defaults);
    tcase_add_test(pytorch, onecycle_defaults);
    tcase_add_test(noise, noisy_model);
    tcase_add_test(noise, noise_floor_of_a_constant_rate);
    tcase_add_test(noise, one_over_k_constant);
    tcase_add_test(noise, one_over_k_slopes);
    tcase_add_test(noise, one_over_k_derivation);
    tcase_set_timeout(noise, 30);
    tcase_add_test(warmup, warmup_rescues_the_large_rate);
    tcase_add_test(warmup, warmup_cause_is_the_start);
    tcase_add_test(warmup, warmup_threshold);
    tcase_add_test(table, answers_by_hand);
    tcase_add_test(table, answer_2_first_rate_below);
    tcase_add_test(table, answer_3_choosing_c);
    tcase_add_test(noise, race_noise_decides);
    tcase_add_test(table, race_schedules_as_the_text_says);
    tcase_add_test(noise, race_exact_has_no_floor);
    tcase_add_test(noise, exact_gradient_is_the_full_batch);
    tcase_add_test(noise, step_every_epoch_not_update);
    tcase_add_test(noise, adam_first_step_is_lr_per_coordinate);
    tcase_add_test(noise, adam_warmup_makes_no_difference_here);
    tcase_add_test(warmup, adam_warmup_rescues_the_logistic);
    tcase_add_test(warmup, warmup_then_decay_stays_at_the_minimum);
    tcase_add_test(noise, slope_rates_start_below_one);
    suite_add_tcase(suite, table);
    suite_add_tcase(suite, pytorch);
    suite_add_tcase(suite, noise);
    suite_add_tcase(suite, warmup);
    return suite;
}
