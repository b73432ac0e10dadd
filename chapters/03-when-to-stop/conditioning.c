/* conditioning.c: condition numbers and the rate (3.4) (see conditioning.h). */
#include "03-when-to-stop/conditioning.h"
#include "00-toolkit/functions.h"
#include "03-when-to-stop/line_search.h"

#include <math.h>

/* ANCHOR: rate */
double kantorovich_rate(double kappa)
{
    double r = (kappa - 1.0) / (kappa + 1.0);
    return r * r;
}
/* ANCHOR_END: rate */

long steps_to_reduce(double kappa, double reduction)
{
    double rate = kantorovich_rate(kappa);
    if (rate == 0.0)
        return 1;
    return (long)ceil(log(reduction) / log(rate) - 1e-9);   /* an exact integer stays */
}

long measured_steps_to_reduce(double kappa, double reduction, long max_steps)
{
    const double curvature[2] = {1.0, kappa};
    struct function f = quadratic(curvature, 2);
    double x[2] = {kappa, 1.0}, f0 = f.value(&f, x);
    struct descent_settings s = {LINE_SEARCH_EXACT, 0.0, 0.0, 0.0, 0.0, 1, 0};
    for (long k = 1; k <= max_steps; k++) {
        struct descent_run run = line_search_descent(&f, x, &s, NULL);
        if (run.loss <= reduction * f0)
            return k;
    }
    return max_steps;
}

void symmetric_2x2_eigenvalues(double a, double b, double d, double *low, double *high)
{
    double mean = (a + d) / 2.0, radius = hypot((a - d) / 2.0, b);
    *low = mean - radius;
    *high = mean + radius;
}

/* f = (1 - x1)^2 + 100 (x2 - x1^2)^2:
 * f_11 = 2 - 400 (x2 - x1^2) + 800 x1^2, f_12 = -400 x1, f_22 = 200. */
void rosenbrock_hessian(const double *x, double *h11, double *h12, double *h22)
{
    *h11 = 2.0 - 400.0 * (x[1] - x[0] * x[0]) + 800.0 * x[0] * x[0];
    *h12 = -400.0 * x[0];
    *h22 = 200.0;
}
