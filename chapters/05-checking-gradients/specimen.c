/* specimen.c: the broken NumPy regression in C, and its repairs
 * (specimen.h). */
#include "05-checking-gradients/specimen.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/rng.h"

#include <math.h>

void specimen_init(struct specimen *s, unsigned long long seed, enum specimen_stage stage)
{
    struct rng rng;
    rng_seed(&rng, seed);
    for (size_t i = 0; i < SPECIMEN_COUNT; i++)
        s->x[i] = rng_uniform(&rng);
    for (size_t i = 0; i < SPECIMEN_COUNT; i++)
        s->y[i] = 3.0 * s->x[i] + rng_uniform(&rng);
    s->theta0 = rng_uniform(&rng);
    s->stage = stage;
}

/* ANCHOR: seed */
/* (theta[0] * X).sum(axis=0): theta x_j summed over all samples j, one
 * number, which NumPy then broadcasts against every y_i. */
static double seed_prediction(const struct specimen *s, double theta)
{
    double sum = 0.0;
    for (size_t j = 0; j < SPECIMEN_COUNT; j++)
        sum += theta * s->x[j];
    return sum;
}

/* np.mean((y - (theta[0] * X).sum(axis=0)) ** 2) */
static double seed_loss(const struct specimen *s, double theta)
{
    double prediction = seed_prediction(s, theta), sum = 0.0;
    for (size_t i = 0; i < SPECIMEN_COUNT; i++)
        sum += (s->y[i] - prediction) * (s->y[i] - prediction);
    return sum / SPECIMEN_COUNT;
}

/* (X.T @ (y - (theta[0] * X).sum(axis=0))).flatten() */
static double seed_gradient(const struct specimen *s, double theta)
{
    double prediction = seed_prediction(s, theta), sum = 0.0;
    for (size_t i = 0; i < SPECIMEN_COUNT; i++)
        sum += s->x[i] * (s->y[i] - prediction);
    return sum;
}
/* ANCHOR_END: seed */

double specimen_loss(const struct specimen *s, double theta)
{
    double sum = 0.0;
    if (s->stage == SPECIMEN_SEED)
        return seed_loss(s, theta);
    for (size_t i = 0; i < SPECIMEN_COUNT; i++)
        sum += (s->y[i] - theta * s->x[i]) * (s->y[i] - theta * s->x[i]);
    return sum / SPECIMEN_COUNT;
}

/* ANCHOR: repairs */
double specimen_gradient(const struct specimen *s, double theta)
{
    double sum = 0.0;
    if (s->stage == SPECIMEN_SEED)
        return seed_gradient(s, theta);
    for (size_t i = 0; i < SPECIMEN_COUNT; i++) {
        if (s->stage == SPECIMEN_FIXED)
            sum += s->x[i] * (theta * s->x[i] - s->y[i]);  /* d/dtheta of (theta x_i - y_i)^2 / 2 */
        else
            sum += s->x[i] * (s->y[i] - theta * s->x[i]);  /* the seed's sign */
    }
    if (s->stage == SPECIMEN_PER_SAMPLE)
        return sum;                                         /* the seed's sum */
    return 2.0 * sum / SPECIMEN_COUNT;                      /* the mean's 1/n, the square's 2 */
}
/* ANCHOR_END: repairs */

static double checked_value(const void *context, const double *x)
{
    return specimen_loss(context, x[0]);
}

static void checked_gradient(const void *context, double *grad, const double *x)
{
    grad[0] = specimen_gradient(context, x[0]);
}

struct checked specimen_checked(const struct specimen *s)
{
    struct checked objective = {s, 1, checked_value, checked_gradient};
    return objective;
}

const char *specimen_stage_name(enum specimen_stage stage)
{
    static const char *const names[SPECIMEN_STAGES] = {"seed", "per_sample", "mean", "fixed"};
    return names[stage];
}

double specimen_theta_star(const struct specimen *s)
{
    double xy = 0.0, xx = 0.0;
    for (size_t i = 0; i < SPECIMEN_COUNT; i++) {
        xy += s->x[i] * s->y[i];
        xx += s->x[i] * s->x[i];
    }
    return xy / xx;
}

struct specimen_run specimen_descent(const struct specimen *s, FILE *out)
{
    struct specimen_run run = {0, false, s->theta0, specimen_loss(s, s->theta0)};
    if (out) {
        fprintf(out, "step,loss,theta\n");
        fprintf(out, "0,%.17g,%.17g\n", run.loss, run.theta);
    }
    for (long k = 1; k <= SPECIMEN_STEPS; k++) {
        double theta = run.theta - SPECIMEN_ALPHA * specimen_gradient(s, run.theta);
        double loss = specimen_loss(s, theta);
        if (!isfinite(theta) || !isfinite(loss)) {
            run.diverged = true;
            break;
        }
        run.theta = theta, run.loss = loss, run.steps = k;
        if (out)
            fprintf(out, "%ld,%.17g,%.17g\n", k, loss, theta);
    }
    return run;
}

void specimen_report(FILE *out)
{
    for (int stage = SPECIMEN_SEED; stage < SPECIMEN_STAGES; stage++) {
        struct specimen s;
        struct checked objective;
        struct specimen_run run;
        struct rng rng;
        specimen_init(&s, SPECIMEN_SEED_VALUE, (enum specimen_stage)stage);
        objective = specimen_checked(&s);
        rng_seed(&rng, 5);
        fprintf(out, "stage %-10s  %8s  %14s  %14s  %10s  %10s  %s\n",
                specimen_stage_name(s.stage), "theta", "gradient g", "central n", "g/n",
                "r (5.7)", "verdict");
        for (int k = 0; k < 5; k++) {
            double theta = 5.0 * (2.0 * rng_uniform(&rng) - 1.0), g, n;
            struct gradcheck_result r = gradcheck(&objective, &theta, &g, &n, GRADCHECK_FLOOR);
            fprintf(out, "%-16s  %8.4f  %14.6e  %14.6e  %10.4f  %10.3e  %s\n", "", theta, g, n,
                    g / n, r.worst, gradcheck_verdict(r.worst));
        }
        run = specimen_descent(&s, NULL);
        if (run.diverged)
            fprintf(out, "%-16s  descent: the loss overflows at step %ld (last finite: %.3e)\n\n",
                    "", run.steps + 1, run.loss);
        else
            fprintf(out, "%-16s  descent: after %ld steps theta = %.6g, loss = %.6g\n\n", "",
                    run.steps, run.theta, run.loss);
    }
}
