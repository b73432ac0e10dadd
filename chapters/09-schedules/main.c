/* main.c: chapter 9's program, build/ch09.
 *
 *   ch09 [--example NAME] [--csv DIR]
 *   ch09 --values
 * Prints the chapter's worked examples, one part at a time (--example NAME)
 * or the first four:
 *   table        the six schedules of the chapter's table, update by update
 *   noise        the noise floor of a constant rate, and how decaying schedules
 *                remove it (noisy quadratic, exact expectation and 1000 seeds)
 *   warmup       x^4/4 from 3: a constant rate that diverges, rescued by warm-up
 *   race         five schedules at an equal budget, tuned, on chapter 4's
 *                regression (ten seeds) and on Rosenbrock with Adam
 *   race-exact   the regression race again with exact gradients (no noise)
 *   step-every   StepLR stepped per update and per epoch on the regression
 *   adam-warmup  Adam on the regression with and without warm-up
 *   pytorch      the rates of the cases pytorch_check.py runs in PyTorch
 * --csv DIR also writes the figures' data into DIR (alone: only that);
 * --values prints the numbers the chapter's prose quotes, one "name value"
 * a line.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "09-schedules/measure.h"
#include "09-schedules/pytorch.h"
#include "09-schedules/race.h"
#include "09-schedules/warmup.h"
#include "09-schedules/worked.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WARMUP_STEPS 100
#define WARMUP_X0 3.0
#define WARMUP_LR 0.5

static void usage(void)
{
    puts("usage: ch09 [--example NAME] [--csv DIR]\n"
         "       ch09 --values\n"
         "  with no flag: the parts table, noise, warmup and race\n"
         "  --example NAME  one part:\n"
         "                  table        the rate of updates 1-8 under the six schedules\n"
         "                  noise        a constant rate's noise floor and what decay does\n"
         "                  warmup       a run diverging without warm-up, not with it\n"
         "                  race         five schedules at an equal budget, two problems\n"
         "                  race-exact   the regression race with exact gradients\n"
         "                  step-every   StepLR stepped every update and every epoch\n"
         "                  adam-warmup  Adam with and without a LinearLR warm-up\n"
         "                  pytorch      rates and momenta of pytorch_check.py's cases\n"
         "  --values        the numbers the chapter quotes, as 'name value' lines\n"
         "  --csv DIR       also write the figures' data into DIR (alone: only that;\n"
         "                  not with race-exact, step-every, adam-warmup or pytorch)");
}

/* adam-warmup: the logistic, where the first step matters, then the
 * regression, where it does not. */
static void adam_warmup_report(FILE *out)
{
    print_adam_logistic(out);
    fputc('\n', out);
    print_adam_warmup(out);
}

/* LinearLR with PyTorch's defaults: from 1/3 of the rate to all of it in 5 updates. */
static struct scheduler_settings warmup_settings(void)
{
    return scheduler_defaults(LINEAR_LR);
}

static void print_warmup(FILE *out)
{
    struct scheduler_settings warm = warmup_settings();
    struct warmup_run plain = quartic_run(WARMUP_X0, WARMUP_LR, NULL, WARMUP_STEPS, NULL, NULL);
    struct warmup_run safe = quartic_run(WARMUP_X0, 0.2, NULL, WARMUP_STEPS, NULL, NULL);
    struct warmup_run warmed = quartic_run(WARMUP_X0, WARMUP_LR, &warm, WARMUP_STEPS, NULL, NULL);

    fprintf(out, "f(x) = x^4/4 from x = 3, %d updates of SGD; |x| shrinks while lr x^2 < 2\n\n",
            WARMUP_STEPS);
    fprintf(out, "%-36s %-22s %s\n", "rate", "largest lr x^2", "end");
    fprintf(out, "%-36s %-22.4g %s after update %ld\n", "constant 0.5", plain.worst,
            plain.diverged ? "diverged" : "finished", plain.steps + 1);
    fprintf(out, "%-36s %-22.4g f = %.3g\n", "constant 0.2 (below 2/9)", safe.worst,
            pow(safe.x, 4) / 4.0);
    fprintf(out, "%-36s %-22.4g f = %.3g\n", "0.5 after LinearLR warm-up (1/3, 5)", warmed.worst,
            pow(warmed.x, 4) / 4.0);
}

static void print_values(FILE *out)
{
    double rate[WORKED_STEPS], momentum[WORKED_STEPS];
    worked_rates(ONE_CYCLE_LR, WORKED_STEPS, rate, momentum);
    fprintf(out, "onecycle_rate_4 %.4f\n", rate[3]);
    fprintf(out, "onecycle_momentum_4 %.4f\n", momentum[3]);
    fprintf(out, "floor_constant %.4f\n", noisy_floor(&chapter_problem, 0.1));

    double *eta = xcalloc(MEASURE_STEPS, sizeof *eta);
    double *excess = xcalloc(MEASURE_STEPS + 1, sizeof *excess);
    static const char *const names[] = {"end_constant", "end_one_over_k", "end_cosine"};
    for (int which = 0; which < SCHEDULE_COUNT; which++) {
        chapter_rates((enum race_schedule)which, eta);
        noisy_expected(&chapter_problem, eta, MEASURE_STEPS, excess);
        fprintf(out, "%s %.2e\n", names[which], excess[MEASURE_STEPS]);
    }
    chapter_rates(CONSTANT, eta);
    noisy_expected(&chapter_problem, eta, MEASURE_STEPS, excess);
    double constant_end = excess[MEASURE_STEPS];
    chapter_rates(ONE_OVER_K, eta);
    noisy_expected(&chapter_problem, eta, MEASURE_STEPS, excess);
    fprintf(out, "ratio_constant_one_over_k %.0f\n", constant_end / excess[MEASURE_STEPS]);
    free(eta);
    free(excess);
    static const double cs[2] = {2.0, 0.25};
    struct slope slopes[2], two, quarter;
    measure_slopes(cs, 2, slopes);
    two = slopes[0], quarter = slopes[1];
    fprintf(out, "slope_c2_sampled %.2f\n", two.mean);
    fprintf(out, "slope_c2_sd %.2f\n", two.sd);
    fprintf(out, "slope_c025_sampled %.3f\n", quarter.mean);

    struct scheduler_settings warm = warmup_settings();
    struct warmup_run plain = quartic_run(WARMUP_X0, WARMUP_LR, NULL, WARMUP_STEPS, NULL, NULL);
    struct warmup_run warmed = quartic_run(WARMUP_X0, WARMUP_LR, &warm, WARMUP_STEPS, NULL, NULL);
    fprintf(out, "warmup_diverges_at %ld\n", plain.steps + 1);
    fprintf(out, "warmup_worst %.3f\n", warmed.worst);

    struct race_result reg[RACE_SCHEDULES];
    race_regression(reg, NULL, 0);
    fprintf(out, "race_constant_over_cosine %.0f\n", reg[0].mean / reg[3].mean);
}

static void write_csv(const char *dir)
{
    /* schedules.csv: 100 updates of each schedule at the figure's settings. */
    enum { STEPS = 100 };
    static const enum scheduler_name order[] = {STEP_LR, MULTI_STEP_LR, EXPONENTIAL_LR,
                                                COSINE_ANNEALING_LR, LINEAR_LR, ONE_CYCLE_LR};
    double rate[6][STEPS];
    for (int j = 0; j < 6; j++) {
        struct scheduler_settings s = scheduler_defaults(order[j]);
        s.step_size = 30; s.gamma = order[j] == EXPONENTIAL_LR ? 0.97 : 0.5;
        s.milestones[0] = 40; s.milestones[1] = 70; s.milestone_count = 2;
        s.t_max = STEPS; s.total_iters = 20; s.start_factor = 0.1;
        s.max_lr = 0.1; s.total_steps = STEPS;
        struct hyper hyper = {0};
        hyper.lr = 0.1;
        hyper.momentum = 0.9;
        static const struct optimizer_kind plain = {.name = "sgd", .takes = TAKES_MOMENTUM};
        struct optimizer opt = {.kind = &plain, .hyper = hyper};
        struct scheduler sched;
        scheduler_init(&sched, &s, &opt);
        for (int k = 0; k < STEPS; k++) {
            rate[j][k] = opt.hyper.lr;
            scheduler_step(&sched, &opt);
        }
    }
    FILE *out = csv_create(dir, "schedules.csv");
    fprintf(out, "update,steplr,multisteplr,exponentiallr,cosineannealinglr,linearlr,onecyclelr\n");
    for (int k = 0; k < STEPS; k++)
        fprintf(out, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n", k + 1, rate[0][k], rate[1][k],
                rate[2][k], rate[3][k], rate[4][k], rate[5][k]);
    csv_close(out, "schedules.csv");

    write_measurement_csv(dir);

    double loss[3][WARMUP_STEPS + 1], lr[WARMUP_STEPS];
    struct scheduler_settings warm = warmup_settings();
    for (int j = 0; j < 3; j++)
        for (int k = 0; k <= WARMUP_STEPS; k++)
            loss[j][k] = NAN;
    struct warmup_run plain = quartic_run(WARMUP_X0, WARMUP_LR, NULL, WARMUP_STEPS, loss[0], NULL);
    quartic_run(WARMUP_X0, 0.2, NULL, WARMUP_STEPS, loss[1], NULL);
    quartic_run(WARMUP_X0, WARMUP_LR, &warm, WARMUP_STEPS, loss[2], lr);
    out = csv_create(dir, "warmup.csv");
    fprintf(out, "k,constant_05,constant_02,warmup_05,warmup_lr\n");
    for (int k = 0; k <= WARMUP_STEPS; k++) {
        fprintf(out, "%d,", k);
        if (k <= plain.steps) fprintf(out, "%.17g", loss[0][k]);   /* empty once diverged */
        fprintf(out, ",%.17g,%.17g,", loss[1][k], loss[2][k]);
        if (k < WARMUP_STEPS) fprintf(out, "%.17g", lr[k]);
        fputc('\n', out);
    }
    csv_close(out, "warmup.csv");

    /* adam_warmup.csv: the logistic fit at rate 3, without and with warm-up. */
    double plain_f[LOGISTIC_STEPS + 1], warm_f[LOGISTIC_STEPS + 1];
    struct scheduler_settings logistic_warm = logistic_warmup();
    adam_logistic_trace(3.0, NULL, LOGISTIC_STEPS, plain_f);
    adam_logistic_trace(3.0, &logistic_warm, LOGISTIC_STEPS, warm_f);
    out = csv_create(dir, "adam_warmup.csv");
    fprintf(out, "k,no_warmup,warmup\n");
    for (int k = 0; k <= LOGISTIC_STEPS; k++)
        fprintf(out, "%d,%.17g,%.17g\n", k, plain_f[k], warm_f[k]);
    csv_close(out, "adam_warmup.csv");

    enum { POINTS = 50 };
    double curve[2][RACE_SCHEDULES * (POINTS + 1)];
    struct race_result results[RACE_SCHEDULES];
    race_regression(results, curve[0], POINTS);
    race_rosenbrock(results, curve[1], POINTS);
    static const char *const files[2] = {"race_regression.csv", "race_rosenbrock.csv"};
    static const long budget[2] = {2500, 2000};
    for (int p = 0; p < 2; p++) {
        out = csv_create(dir, files[p]);
        fprintf(out, "update,constant,one_over_k,step,cosine,one_cycle\n");
        for (int i = 0; i <= POINTS; i++) {
            fprintf(out, "%ld", budget[p] / POINTS * i);
            for (int j = 0; j < RACE_SCHEDULES; j++)
                fprintf(out, ",%.17g", curve[p][j * (POINTS + 1) + i]);
            fputc('\n', out);
        }
        csv_close(out, files[p]);
    }
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*report)(FILE *);
        bool has_figures;       /* --csv goes with it; shown when no part is named */
    } parts[] = {
        {"table", print_worked_table, true},
        {"noise", print_measurements, true},
        {"warmup", print_warmup, true},
        {"race", print_race, true},
        {"race-exact", print_race_exact, false},
        {"step-every", print_step_every, false},
        {"adam-warmup", adam_warmup_report, false},
        {"pytorch", print_pytorch_table, false},
    };
    enum { PARTS = sizeof parts / sizeof parts[0] };

    fail_program = "ch09";
    struct example_flags flags = parse_example_flags(argc, argv, usage);
    int chosen = -1;                    /* -1: the parts with figures */
    if (flags.example != NULL) {
        for (chosen = 0; chosen < PARTS && strcmp(flags.example, parts[chosen].name) != 0;
             chosen++)
            ;
        if (chosen == PARTS)
            unknown_choice("--example", "example", flags.example,
                           "table, noise, warmup, race, race-exact, step-every, "
                           "adam-warmup, pytorch");
        if (flags.csv_dir != NULL && !parts[chosen].has_figures)
            fail(EXIT_USAGE, "--example %s writes no figure data: leave out --csv",
                 parts[chosen].name);
    }
    if (flags.csv_dir != NULL)
        write_csv(flags.csv_dir);
    if (flags.values) {
        print_values(stdout);
        return 0;
    }
    if (flags.csv_dir != NULL && chosen < 0)
        return 0;                       /* --csv alone: the figures' data only */
    /* check_stdout after each report: a full disk or a closed pipe stops
     * the run there, not after the reports still to compute. */
    for (int r = 0, shown = 0; r < PARTS; r++)
        if (chosen < 0 ? parts[r].has_figures : r == chosen) {
            if (shown++ > 0)
                putchar('\n');
            parts[r].report(stdout);
            check_stdout();
        }
    return 0;
}
