/* warmup.c: SGD with and without warm-up on x^4/4 (chapter 9, (9.11)). */
#include "09-schedules/warmup.h"

#include <math.h>

#include "06-momentum/sgd.h"
#include "08-adam/adam.h"

#include <stdio.h>

struct warmup_run quartic_run(double x0, double lr, const struct scheduler_settings *warm,
                              long steps, double *loss, double *rate)
{
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    struct scheduler sched;
    struct warmup_run run = {.x = x0};
    double x = x0;

    hyper.lr = lr;
    optimizer_init(&opt, &sgd_kind, &hyper, 1);
    if (warm != NULL)
        scheduler_init(&sched, warm, &opt);
    if (loss != NULL)
        loss[0] = x * x * x * x / 4.0;
    for (long k = 0; k < steps; k++) {
        double grad = x * x * x;
        double factor = opt.hyper.lr * x * x;     /* x^(k+1) = (1 - factor) x^(k) */
        if (factor > run.worst)
            run.worst = factor;
        if (rate != NULL)
            rate[k] = opt.hyper.lr;
        optimizer_step(&opt, &x, &grad);
        if (warm != NULL)
            scheduler_step(&sched, &opt);
        if (!isfinite(x) || fabs(x) > 1e100) {
            run.diverged = true;
            break;
        }
        run.steps = k + 1;
        run.x = x;
        if (loss != NULL)
            loss[k + 1] = x * x * x * x / 4.0;
    }
    optimizer_free(&opt);
    return run;
}

static double logistic(double w)
{
    return 1.0 / (1.0 + exp(-w));
}

struct scheduler_settings logistic_warmup(void)
{
    struct scheduler_settings warm = scheduler_defaults(LINEAR_LR);
    warm.start_factor = 0.1;
    warm.total_iters = 10;
    return warm;
}

struct logistic_run adam_logistic_run(double lr, const struct scheduler_settings *warm,
                                      long steps)
{
    return adam_logistic_trace(lr, warm, steps, NULL);
}

struct logistic_run adam_logistic_trace(double lr, const struct scheduler_settings *warm,
                                        long steps, double *loss)
{
    struct hyper hyper = adam_kind.defaults;
    struct optimizer opt;
    struct scheduler sched;
    struct logistic_run run = {0};
    double w = 0.0;

    hyper.lr = lr;
    optimizer_init(&opt, &adam_kind, &hyper, 1);
    if (warm != NULL)
        scheduler_init(&sched, warm, &opt);
    for (long k = 0; k < steps; k++) {
        double p = logistic(w);
        if (loss != NULL)
            loss[k] = (p - LOGISTIC_TARGET) * (p - LOGISTIC_TARGET) / 2.0;
        double grad = (p - LOGISTIC_TARGET) * p * (1.0 - p);
        optimizer_step(&opt, &w, &grad);
        if (warm != NULL)
            scheduler_step(&sched, &opt);
        if (k == 0)
            run.first = w;
    }
    optimizer_free(&opt);
    run.w = w;
    run.f = (logistic(w) - LOGISTIC_TARGET) * (logistic(w) - LOGISTIC_TARGET) / 2.0;
    if (loss != NULL)
        loss[steps] = run.f;
    return run;
}

void print_adam_logistic(FILE *out)
{
    static const double rates[] = {1, 2, 3, 4, 5};
    struct scheduler_settings warm = logistic_warmup();
    fprintf(out, "f(w) = (logistic(w) - %g)^2 / 2 from w = 0, Adam; warm-up: LinearLR from\n"
                 "%g of the rate over %ld updates; f after %d and after %d updates\n\n",
            LOGISTIC_TARGET, warm.start_factor, warm.total_iters, LOGISTIC_STEPS,
            10 * LOGISTIC_STEPS);
    fprintf(out, "%-4s %-10s %-20s %s\n", "lr", "w after 1", "no warm-up", "warm-up");
    for (int i = 0; i < 5; i++) {
        struct logistic_run a = adam_logistic_run(rates[i], NULL, LOGISTIC_STEPS);
        struct logistic_run b = adam_logistic_run(rates[i], &warm, LOGISTIC_STEPS);
        struct logistic_run c = adam_logistic_run(rates[i], NULL, 10 * LOGISTIC_STEPS);
        struct logistic_run d = adam_logistic_run(rates[i], &warm, 10 * LOGISTIC_STEPS);
        char no[32], yes[32];
        snprintf(no, sizeof no, "%.1e, %.1e", a.f, c.f);
        snprintf(yes, sizeof yes, "%.1e, %.1e", b.f, d.f);
        fprintf(out, "%-4g %-10g %-20s %s\n", rates[i], a.first, no, yes);
    }
}
