/* gradcheck.c: the gradient check of chapter 5 (gradcheck.h). */
#include "05-checking-gradients/gradcheck.h"
#include "05-checking-gradients/differences.h"
#include "00-toolkit/fail.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double function_value(const void *context, const double *x)
{
    const struct function *f = context;
    return f->value(f, x);
}

static void function_gradient(const void *context, double *grad, const double *x)
{
    const struct function *f = context;
    f->gradient(f, grad, x);
}

struct checked checked_function(const struct function *f)
{
    struct checked objective = {f, f->dim, function_value, function_gradient};
    return objective;
}

/* ANCHOR: relative_error */
/* (5.7): the larger of the two magnitudes, so r <= 2 always and r = 2
 * exactly when the two have opposite signs and equal size; the floor keeps
 * two tiny numbers (rounding noise near a minimum) from looking different. */
double relative_error(double analytic, double numeric, double floor)
{
    double scale = fmax(floor, fmax(fabs(analytic), fabs(numeric)));
    return fabs(analytic - numeric) / scale;
}
/* ANCHOR_END: relative_error */

/* (5.6): the step (5.4) predicts for |f| ~ |f'''|, scaled with x_i so that
 * x_i + h_i differs from x_i in about a third of its digits. */
double gradcheck_step(double xi)
{
    return cbrt(EPS_MACH) * fmax(1.0, fabs(xi));
}

/* ANCHOR: gradcheck */
struct gradcheck_result gradcheck(const struct checked *objective, const double *x,
                                  double *grad, double *numeric, double floor)
{
    struct gradcheck_result result = {0.0, 0, 0.0, 0.0};
    double *probe = xcalloc(objective->dim, sizeof *probe);
    memcpy(probe, x, objective->dim * sizeof *probe);
    objective->gradient(objective->context, grad, x);
    for (size_t i = 0; i < objective->dim; i++) {
        double h = gradcheck_step(x[i]), up, down, r;
        probe[i] = x[i] + h;
        up = objective->value(objective->context, probe);
        probe[i] = x[i] - h;
        down = objective->value(objective->context, probe);
        probe[i] = x[i];
        numeric[i] = (up - down) / (2.0 * h);                      /* (5.2) */
        r = relative_error(grad[i], numeric[i], floor);            /* (5.7) */
        if (i == 0 || r > result.worst || isnan(r)) {
            result.worst = r;
            result.coordinate = i;
            result.analytic = grad[i];
            result.numeric = numeric[i];
        }
    }
    free(probe);
    return result;
}
/* ANCHOR_END: gradcheck */

struct gradcheck_result gradcheck_random(const struct checked *objective, const double *center,
                                         double width, size_t count, struct rng *rng,
                                         double *worst_x)
{
    struct gradcheck_result worst = {0.0, 0, 0.0, 0.0};
    size_t dim = objective->dim;
    double *x = xcalloc(3 * dim, sizeof *x), *grad = x + dim, *numeric = x + 2 * dim;
    for (size_t k = 0; k < count; k++) {
        struct gradcheck_result here;
        for (size_t i = 0; i < dim; i++)
            x[i] = center[i] + width * (2.0 * rng_uniform(rng) - 1.0);
        here = gradcheck(objective, x, grad, numeric, GRADCHECK_FLOOR);
        if (k == 0 || here.worst > worst.worst || isnan(here.worst)) {
            worst = here;
            if (worst_x != NULL)
                memcpy(worst_x, x, dim * sizeof *x);
        }
    }
    free(x);
    return worst;
}

const char *gradcheck_verdict(double r)
{
    if (r < GRADCHECK_PASS)
        return "pass";
    if (r <= GRADCHECK_WRONG)
        return "suspect";
    return "wrong";
}
