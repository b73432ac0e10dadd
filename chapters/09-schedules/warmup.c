/* warmup.c: SGD with and without warm-up on x^4/4 (chapter 9, (9.11)). */
#include "09-schedules/warmup.h"

#include <math.h>

#include "06-momentum/sgd.h"

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
