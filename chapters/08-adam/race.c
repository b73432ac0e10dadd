/* race.c: the optimizer race (see race.h). */
#include "08-adam/race.h"
#include "00-toolkit/csv.h"
#include "06-momentum/sgd.h"
#include "07-adaptive/adagrad.h"
#include "07-adaptive/rmsprop.h"
#include "08-adam/adam.h"

#include <math.h>

void race_racers(struct racer racers[RACERS])
{
    racers[0] = (struct racer){"sgd", &sgd_kind, sgd_kind.defaults};
    racers[1] = (struct racer){"momentum", &sgd_kind, sgd_kind.defaults};
    racers[1].hyper.momentum = 0.9;
    racers[2] = (struct racer){"nesterov", &sgd_kind, sgd_kind.defaults};
    racers[2].hyper.momentum = 0.9;
    racers[2].hyper.nesterov = true;
    racers[3] = (struct racer){"adagrad", &adagrad_kind, adagrad_kind.defaults};
    racers[4] = (struct racer){"rmsprop", &rmsprop_kind, rmsprop_kind.defaults};
    racers[5] = (struct racer){"adam", &adam_kind, adam_kind.defaults};
}

/* ANCHOR: saddle */
/* f = x1^2 + (x2^2 - 1)^2 / 4.  At the origin the Hessian is diag(2, -1):
 * a saddle.  grad f = (2 x1, x2^3 - x2). */
static double saddle_value(const struct function *f, const double *x)
{
    (void)f;
    double well = x[1] * x[1] - 1.0;
    return x[0] * x[0] + 0.25 * well * well;
}

static void saddle_gradient(const struct function *f, double *grad, const double *x)
{
    (void)f;
    grad[0] = 2.0 * x[0];
    grad[1] = x[1] * x[1] * x[1] - x[1];
}
/* ANCHOR_END: saddle */

struct function saddle(void)
{
    struct function f = {.name = "saddle", .dim = 2, .param_count = 0,
                         .start = {1.0, 1e-3},
                         .value = saddle_value, .gradient = saddle_gradient};
    return f;
}

/* ANCHOR: run */
struct race_result race_run(const struct racer *racer, const struct function *f,
                            long steps, double target, FILE *trace)
{
    struct race_result result = {0, false, 0.0, -1};
    struct optimizer opt;
    double x[FUNCTION_MAX_DIM], grad[FUNCTION_MAX_DIM];

    for (size_t i = 0; i < f->dim; i++)
        x[i] = f->start[i];
    optimizer_init(&opt, racer->kind, &racer->hyper, f->dim);
    result.loss = f->value(f, x);
    for (long k = 0;; k++) {
        double loss = f->value(f, x);
        if (!row_is_finite(loss, x, f->dim) || fabs(loss) > 1e100) {
            result.diverged = true;             /* keep the last finite point */
            break;
        }
        result.loss = loss;
        result.steps = k;
        if (trace)
            csv_row(trace, k, loss, x, f->dim);
        if (loss >= target)
            result.steps_to_target = -1;        /* not there yet, or left again */
        else if (result.steps_to_target < 0)
            result.steps_to_target = k;
        if (k == steps)
            break;
        f->gradient(f, grad, x);
        optimizer_step(&opt, x, grad);
    }
    optimizer_free(&opt);
    return result;
}
/* ANCHOR_END: run */

/* a better than b: reaching the target sooner, else a lower final loss */
static bool better(struct race_result a, struct race_result b)
{
    if (a.diverged != b.diverged)
        return !a.diverged;
    if (a.steps_to_target >= 0 || b.steps_to_target >= 0) {
        if (b.steps_to_target < 0)
            return true;
        if (a.steps_to_target < 0)
            return false;
        return a.steps_to_target < b.steps_to_target;
    }
    return a.loss < b.loss;
}

struct race_result race_tune(struct racer *racer, const struct function *f,
                             long steps, double target)
{
    static const double mantissa[3] = {1.0, 2.0, 5.0};
    struct race_result best = {0, true, INFINITY, -1};
    double best_lr = racer->hyper.lr;

    for (int e = -5; e <= 0; e++) {
        for (int j = 0; j < 3; j++) {
            if (e == 0 && j > 0)
                break;                          /* the grid ends at lr = 1 */
            racer->hyper.lr = mantissa[j] * pow(10.0, e);
            struct race_result r = race_run(racer, f, steps, target, NULL);
            if (better(r, best)) {
                best = r;
                best_lr = racer->hyper.lr;
            }
        }
    }
    racer->hyper.lr = best_lr;
    return best;
}
