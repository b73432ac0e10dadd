/* measure.c: chapter 9's measurements (see measure.h). */
#include "09-schedules/measure.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "06-momentum/sgd.h"
#include "09-schedules/schedule.h"

const struct noisy_quadratic chapter_problem = {.mu = 1.0, .sigma = 1.0, .x0 = 10.0};

void chapter_rates(enum race_schedule which, double *eta)
{
    switch (which) {
    case CONSTANT:
        for (long k = 0; k < MEASURE_STEPS; k++)
            eta[k] = 0.1;
        break;
    case ONE_OVER_K:
        rate_one_over_k(eta, MEASURE_STEPS, 2.0, 20.0);
        break;
    case COSINE:
    case SCHEDULE_COUNT: {
        struct hyper hyper = sgd_kind.defaults;
        struct optimizer opt;
        struct scheduler sched;
        struct scheduler_settings s = scheduler_defaults(COSINE_ANNEALING_LR);
        s.t_max = MEASURE_STEPS;
        hyper.lr = 0.1;
        optimizer_init(&opt, &sgd_kind, &hyper, 1);
        scheduler_init(&sched, &s, &opt);
        for (long k = 0; k < MEASURE_STEPS; k++) {
            eta[k] = opt.hyper.lr;
            scheduler_step(&sched, &opt);
        }
        optimizer_free(&opt);
        break;
    }
    }
}

void slope_rates(double c, double *eta)
{
    rate_one_over_k(eta, MEASURE_STEPS, c, 1.0 + c);
}

/* The sampled runs of a schedule, made once per program run: the mean
 * over seeds 0..count-1 (sampled_mean) and, for SEED_GROUPS groups of
 * SEEDS_PER_GROUP seeds, the slopes of the group means (measure_slope)
 * come from the same runs, seeds 0, 1, 2, ... in that order, each added
 * to its sums exactly as when they were computed apart.  So a program
 * that prints the report and writes the figures' data (ch09 --example
 * noise --csv DIR) samples each schedule once, not twice.  And the schedules a
 * program needs are sampled together (sample_together): the draws of a
 * seed are the same for every schedule, so they are made once a seed, not
 * once a seed and schedule; each run is still (9.1) with those draws,
 * number for number. */
struct sampled {
    double *eta;              /* the schedule's MEASURE_STEPS rates */
    unsigned count;           /* seeds 0..count-1 */
    double *mean;             /* excess[0..MEASURE_STEPS], mean over the seeds */
    double slope_mean, slope_sd;    /* when count is SEED_GROUPS * SEEDS_PER_GROUP */
};
enum { SAMPLED_KEPT = 8 };    /* schedules kept; the program samples five */
static struct sampled kept[SAMPLED_KEPT];
static int kept_count, kept_next;

static struct sampled *find_kept(const double *eta, unsigned count)
{
    for (int i = 0; i < kept_count; i++)
        if (kept[i].count == count && memcmp(kept[i].eta, eta, MEASURE_STEPS * sizeof *eta) == 0)
            return &kept[i];
    return NULL;
}

/* Sample the schedules etas[0..n) (n <= SAMPLED_KEPT) not kept yet, over
 * seeds 0..count-1, into kept. */
static void sample_together(const double *const *etas, int n, unsigned count)
{
    struct sampled *runs[SAMPLED_KEPT];
    double *groups[SAMPLED_KEPT], sums[SAMPLED_KEPT], sums2[SAMPLED_KEPT];
    int m = 0;
    for (int j = 0; j < n && j < SAMPLED_KEPT; j++) {
        if (find_kept(etas[j], count) != NULL)
            continue;
        struct sampled *s = &kept[kept_next];
        kept_next = (kept_next + 1) % SAMPLED_KEPT;
        if (kept_count < SAMPLED_KEPT)
            kept_count++;
        free(s->eta);
        free(s->mean);
        s->eta = xcalloc(MEASURE_STEPS, sizeof *s->eta);
        memcpy(s->eta, etas[j], MEASURE_STEPS * sizeof *s->eta);
        s->count = count;
        s->mean = xcalloc(MEASURE_STEPS + 1, sizeof *s->mean);
        groups[m] = xcalloc(MEASURE_STEPS + 1, sizeof *groups[m]);
        sums[m] = sums2[m] = 0.0;
        runs[m++] = s;
    }
    if (m == 0)
        return;

    const double *etas_new[SAMPLED_KEPT];
    double *excess[SAMPLED_KEPT];
    double *xi = xcalloc(MEASURE_STEPS, sizeof *xi);
    bool grouped = count == SEED_GROUPS * SEEDS_PER_GROUP;
    for (int j = 0; j < m; j++) {
        etas_new[j] = runs[j]->eta;
        excess[j] = xcalloc(MEASURE_STEPS + 1, sizeof *excess[j]);
    }
    for (unsigned seed = 0; seed < count; seed++) {
        noisy_draws(seed, MEASURE_STEPS, xi);
        noisy_runs(&chapter_problem, etas_new, m, MEASURE_STEPS, xi, excess);
        for (int j = 0; j < m; j++) {
            const double *run = excess[j];
            double *mean = runs[j]->mean, *group = groups[j];
            for (long k = 0; k <= MEASURE_STEPS; k++)
                mean[k] += run[k] / count;
            if (!grouped)
                continue;
            if (seed % SEEDS_PER_GROUP == 0)
                for (long k = 0; k <= MEASURE_STEPS; k++)
                    group[k] = 0.0;
            for (long k = 0; k <= MEASURE_STEPS; k++)
                group[k] += run[k] / SEEDS_PER_GROUP;
            if (seed % SEEDS_PER_GROUP == SEEDS_PER_GROUP - 1) {
                double p = log_log_slope(group, SLOPE_FROM, SLOPE_TO);
                sums[j] += p;
                sums2[j] += p * p;
            }
        }
    }
    for (int j = 0; j < m; j++)
        free(excess[j]);
    free(xi);
    for (int j = 0; j < m; j++) {
        runs[j]->slope_mean = sums[j] / SEED_GROUPS;
        runs[j]->slope_sd = sqrt((sums2[j] - sums[j] * sums[j] / SEED_GROUPS) / (SEED_GROUPS - 1));
        free(groups[j]);
    }
}

static const struct sampled *sampled_runs(const double *eta, unsigned count)
{
    const struct sampled *s = find_kept(eta, count);
    if (s == NULL) {
        sample_together(&eta, 1, count);
        s = find_kept(eta, count);
    }
    return s;
}

/* The five schedules of the report and the figures, sampled together:
 * the three of the chapter, and the 1/k rates of the slopes. */
static const double slope_cs[] = {2.0, 0.25};

static void sample_chapter_schedules(void)
{
    double *etas[SCHEDULE_COUNT + 2];
    for (int j = 0; j < SCHEDULE_COUNT + 2; j++)
        etas[j] = xcalloc(MEASURE_STEPS, sizeof *etas[j]);
    for (int which = 0; which < SCHEDULE_COUNT; which++)
        chapter_rates((enum race_schedule)which, etas[which]);
    for (int i = 0; i < 2; i++)
        slope_rates(slope_cs[i], etas[SCHEDULE_COUNT + i]);
    sample_together((const double *const *)etas, SCHEDULE_COUNT + 2,
                    SEED_GROUPS * SEEDS_PER_GROUP);
    for (int j = 0; j < SCHEDULE_COUNT + 2; j++)
        free(etas[j]);
}

void sampled_mean(const double *eta, unsigned count, double *excess)
{
    memcpy(excess, sampled_runs(eta, count)->mean, (MEASURE_STEPS + 1) * sizeof *excess);
}

void measure_slopes(const double *c, int n, struct slope *slopes)
{
    double *etas[SAMPLED_KEPT] = {NULL};
    double *excess = xcalloc(MEASURE_STEPS + 1, sizeof *excess);
    if (n > SAMPLED_KEPT)
        fail(1, "measure_slopes: at most %d slopes at once", SAMPLED_KEPT);
    for (int i = 0; i < n; i++) {
        etas[i] = xcalloc(MEASURE_STEPS, sizeof *etas[i]);
        slope_rates(c[i], etas[i]);
    }
    sample_together((const double *const *)etas, n, SEED_GROUPS * SEEDS_PER_GROUP);
    for (int i = 0; i < n; i++) {
        const struct sampled *s = sampled_runs(etas[i], SEED_GROUPS * SEEDS_PER_GROUP);
        noisy_expected(&chapter_problem, etas[i], MEASURE_STEPS, excess);
        slopes[i].exact = log_log_slope(excess, SLOPE_FROM, SLOPE_TO);
        slopes[i].mean = s->slope_mean;
        slopes[i].sd = s->slope_sd;
        free(etas[i]);
    }
    free(excess);
}

struct slope measure_slope(double c)
{
    struct slope slope;
    measure_slopes(&c, 1, &slope);
    return slope;
}

static const char *const schedule_label[] = {"constant 0.1", "1/k: 2/(k + 20)", "cosine to 0"};

void print_measurements(FILE *out)
{
    double *eta = xcalloc(MEASURE_STEPS, sizeof *eta);
    double *expected = xcalloc(MEASURE_STEPS + 1, sizeof *expected);
    double *sampled = xcalloc(MEASURE_STEPS + 1, sizeof *sampled);
    const unsigned seeds = SEED_GROUPS * SEEDS_PER_GROUP;

    sample_chapter_schedules();
    fprintf(out, "Noisy quadratic mu = 1, sigma = 1, x0 = 10; excess loss after %d updates\n",
            MEASURE_STEPS);
    fprintf(out, "floor of the constant rate 0.1, (9.3): %.6f\n\n", noisy_floor(&chapter_problem, 0.1));
    fprintf(out, "%-16s %-14s %s\n", "schedule", "expected (9.2)", "sampled, mean of 1000 seeds");
    for (int which = 0; which < SCHEDULE_COUNT; which++) {
        chapter_rates((enum race_schedule)which, eta);
        noisy_expected(&chapter_problem, eta, MEASURE_STEPS, expected);
        sampled_mean(eta, seeds, sampled);
        fprintf(out, "%-16s %-14.4g %.4g\n", schedule_label[which], expected[MEASURE_STEPS],
                sampled[MEASURE_STEPS]);
    }
    fprintf(out, "\nSlope of log excess against log k, k = %d..%d, eta_k = c/(k + 1 + c)\n",
            SLOPE_FROM, SLOPE_TO);
    fprintf(out, "%-6s %-20s %-9s %s\n", "c", "theory", "exact", "sampled: mean +- sd of 10 groups of 100 seeds");
    for (int i = 0; i < 2; i++) {
        struct slope s = measure_slope(slope_cs[i]);
        double theory = 2.0 * slope_cs[i] > 1.0 ? -1.0 : -2.0 * slope_cs[i];
        char label[32];
        snprintf(label, sizeof label, "%.3f %s", theory, 2.0 * slope_cs[i] > 1.0 ? "(9.4)" : "(-2c mu)");
        fprintf(out, "%-6g %-20s %-9.3f %.3f +- %.3f\n", slope_cs[i], label, s.exact, s.mean, s.sd);
    }
    free(eta);
    free(expected);
    free(sampled);
}

void write_measurement_csv(const char *dir)
{
    double *eta = xcalloc(MEASURE_STEPS, sizeof *eta);
    double *columns[2 * SCHEDULE_COUNT];
    for (int j = 0; j < 2 * SCHEDULE_COUNT; j++)
        columns[j] = xcalloc(MEASURE_STEPS + 1, sizeof *columns[j]);
    sample_chapter_schedules();
    for (int which = 0; which < SCHEDULE_COUNT; which++) {
        chapter_rates((enum race_schedule)which, eta);
        noisy_expected(&chapter_problem, eta, MEASURE_STEPS, columns[2 * which]);
        sampled_mean(eta, SEED_GROUPS * SEEDS_PER_GROUP, columns[2 * which + 1]);
    }
    FILE *noise = csv_create(dir, "noise.csv");
    fprintf(noise, "k,constant,constant_sampled,one_over_k,one_over_k_sampled,cosine,cosine_sampled,floor\n");
    for (long k = 1; k <= MEASURE_STEPS; k++) {
        fprintf(noise, "%ld", k);
        for (int j = 0; j < 2 * SCHEDULE_COUNT; j++)
            fprintf(noise, ",%.17g", columns[j][k]);
        fprintf(noise, ",%.17g\n", noisy_floor(&chapter_problem, 0.1));
    }
    csv_close(noise, "noise.csv");

    FILE *slopes = csv_create(dir, "slopes.csv");
    fprintf(slopes, "k,c2_exact,c2_sampled,c025_exact,c025_sampled\n");
    for (int i = 0; i < 2; i++) {
        slope_rates(slope_cs[i], eta);
        noisy_expected(&chapter_problem, eta, MEASURE_STEPS, columns[2 * i]);
        sampled_mean(eta, SEED_GROUPS * SEEDS_PER_GROUP, columns[2 * i + 1]);
    }
    for (long k = 1; k <= MEASURE_STEPS; k++)
        fprintf(slopes, "%ld,%.17g,%.17g,%.17g,%.17g\n", k, columns[0][k], columns[1][k],
                columns[2][k], columns[3][k]);
    csv_close(slopes, "slopes.csv");
    for (int j = 0; j < 2 * SCHEDULE_COUNT; j++)
        free(columns[j]);
    free(eta);
}
