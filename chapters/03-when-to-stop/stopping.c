/* stopping.c: the stopping rules of chapter 3 (see stopping.h). */
#include "03-when-to-stop/stopping.h"
#include "00-toolkit/csv.h"
#include "01-update-rule/gd.h"

#include <math.h>
#include <stdbool.h>
#include <string.h>

/* ANCHOR: bounds */
/* Strong convexity: f(y) >= f(x) + g'(y - x) + mu/2 ||y - x||^2 for all y.
 * The right side is smallest at y = x - g/mu, where it is f(x) - g'g/(2 mu):
 * so f* >= f(x) - ||g||^2/(2 mu), which is (3.1). */
double gap_bound(double grad_norm, double mu)
{
    return grad_norm * grad_norm / (2.0 * mu);
}

/* The same inequality at y = x*, added to its mirror image (x and x*
 * swapped, grad f(x*) = 0) gives g'(x - x*) >= mu ||x - x*||^2; with
 * Cauchy-Schwarz ||g|| ||x - x*|| >= mu ||x - x*||^2, which is (3.2). */
double distance_bound(double grad_norm, double mu)
{
    return grad_norm / mu;
}
/* ANCHOR_END: bounds */

const char *stop_rule_name(enum stop_rule rule)
{
    static const char *const names[STOP_RULES] = {"gradient", "loss change", "step length"};
    return names[rule];
}

static double distance_to(const double *x, const double *x_star, size_t dim)
{
    double d[FUNCTION_MAX_DIM];
    for (size_t i = 0; i < dim; i++)
        d[i] = x[i] - x_star[i];
    return vec_norm(d, dim);
}

struct stop_report first_stops(const struct function *f, const double *x0, double eta,
                               const struct stop_thresholds *t, const double *x_star,
                               double f_star, long max_steps)
{
    struct stop_report report;
    double x[FUNCTION_MAX_DIM], before[FUNCTION_MAX_DIM], grad[FUNCTION_MAX_DIM];
    double step[FUNCTION_MAX_DIM], loss, previous_loss = 0.0;
    int pending = STOP_RULES;

    for (int r = 0; r < STOP_RULES; r++) {
        report.step[r] = -1;
        report.distance[r] = report.gap[r] = NAN;
    }
    memcpy(x, x0, f->dim * sizeof *x);
    memcpy(before, x0, f->dim * sizeof *before);
    for (long k = 0; k <= max_steps && pending > 0; k++) {
        bool fires[STOP_RULES];
        loss = f->value(f, x);
        f->gradient(f, grad, x);
        for (size_t i = 0; i < f->dim; i++)
            step[i] = x[i] - before[i];
        fires[STOP_GRADIENT] = vec_norm(grad, f->dim) < t->gradient;
        fires[STOP_LOSS_CHANGE] = k > 0 && fabs(loss - previous_loss) < t->loss_change;
        fires[STOP_STEP_LENGTH] = k > 0 && vec_norm(step, f->dim) < t->step_length;
        for (int r = 0; r < STOP_RULES; r++)
            if (fires[r] && report.step[r] < 0) {
                report.step[r] = k;
                report.distance[r] = distance_to(x, x_star, f->dim);
                report.gap[r] = loss - f_star;
                pending--;
            }
        memcpy(before, x, f->dim * sizeof *x);
        previous_loss = loss;
        gd_step(x, grad, f->dim, eta);
    }
    return report;
}
