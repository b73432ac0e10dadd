/* learning_rate.c: the regimes of (2.1) and the curvature of x^2 sin x. */
#include "02-learning-rate/learning_rate.h"
#include "00-toolkit/functions.h"
#include "01-update-rule/gd.h"

#include <math.h>

/* ANCHOR: regime */
enum regime regime_of(double eta, double curvature)
{
    double q = eta * curvature;     /* the step times the curvature */
    if (q <= 0.0)
        return REGIME_NOT_A_MINIMUM;
    if (q < 1.0)
        return REGIME_CRAWL;
    if (q == 1.0)                   /* exactly; 0.1 * 10 rounds to 1.0 */
        return REGIME_ONE_STEP;
    if (q < 2.0)
        return REGIME_OSCILLATE;
    if (q == 2.0)
        return REGIME_BOUNCE;
    return REGIME_DIVERGE;
}
/* ANCHOR_END: regime */

const char *regime_name(enum regime regime)
{
    switch (regime) {
    case REGIME_NOT_A_MINIMUM: return "no minimum";
    case REGIME_CRAWL: return "monotone crawl";
    case REGIME_ONE_STEP: return "one step";
    case REGIME_OSCILLATE: return "oscillates, converges";
    case REGIME_BOUNCE: return "bounces for ever";
    case REGIME_DIVERGE: return "does not converge";
    }
    return "?";
}

/* ANCHOR: curvature */
/* f = x^2 sin x
 * f'   = 2x sin x + x^2 cos x
 * f''  = (2 - x^2) sin x + 4x cos x
 * f''' = (6 - x^2) cos x - 6x sin x */
double x2sinx_second_derivative(double x)
{
    return (2.0 - x * x) * sin(x) + 4.0 * x * cos(x);
}
/* ANCHOR_END: curvature */

double x2sinx_third_derivative(double x)
{
    return (6.0 - x * x) * cos(x) - 6.0 * x * sin(x);
}

double x2sinx_local_minimum(double guess)
{
    double x = guess;
    for (int i = 0; i < 100; i++) {
        double slope = 2.0 * x * sin(x) + x * x * cos(x);
        double step = slope / x2sinx_second_derivative(x);
        x -= step;
        if (fabs(step) <= 1e-15 * fabs(x))
            break;
    }
    return x;
}

double x2sinx_descent(double eta, long steps, FILE *trace)
{
    const struct function f = function_from_spec("--function", "x2sinx");
    double x = 3.0;
    gradient_descent(&f, &x, eta, 0.0, steps, trace, 1);
    return x;
}
