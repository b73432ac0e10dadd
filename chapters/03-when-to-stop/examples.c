/* examples.c: chapter 3's worked examples (see examples.h). */
#include "03-when-to-stop/examples.h"
#include "00-toolkit/functions.h"
#include "01-update-rule/gd.h"
#include "02-learning-rate/learning_rate.h"

#include <math.h>
#include <string.h>

const double valley_curvature[2] = {1.0, VALLEY_KAPPA};

const struct stop_thresholds chapter_thresholds = {1e-3, 1e-6, 1e-6};

/* ANCHOR: kappa10 */
void kappa_10_steps(double x[4][2], double loss[4], double grad[4][2], double alpha[3])
{
    const struct function f = quadratic(valley_curvature, 2);
    double hg[2];
    x[0][0] = VALLEY_KAPPA;                 /* the worst start (kappa, 1) */
    x[0][1] = 1.0;
    for (int k = 0; k <= 3; k++) {
        loss[k] = f.value(&f, x[k]);
        f.gradient(&f, grad[k], x[k]);
        if (k == 3)
            break;
        quadratic_hessian_times(&f, hg, grad[k]);
        alpha[k] = exact_step(grad[k], hg, 2);                  /* (3.3) */
        memcpy(x[k + 1], x[k], sizeof x[k]);
        gd_step(x[k + 1], grad[k], 2, alpha[k]);
    }
}
/* ANCHOR_END: kappa10 */

struct stop_case stop_example(enum stop_example which)
{
    static const double tiny = 1e-6, one = 1.0, crawl[2] = {1e-3, 1.0};
    struct stop_case c = {"", {{0}, {0}, {0}}};
    const double zero[2] = {0.0, 0.0};
    switch (which) {
    case PLATEAU: {             /* x^2 sin x near its flat point x = 0 */
        const struct function f = function_from_spec("--function", "x2sinx");
        double x0 = 0.01, x_star = x2sinx_local_minimum(5.0);
        c.what = "x^2 sin x from 0.01, eta 0.005";
        c.report = first_stops(&f, &x0, 0.005, &chapter_thresholds, &x_star,
                               f.value(&f, &x_star), 100000);
        break;
    }
    case CRAWL: {               /* a valley with mu = 1e-3, L = 1 */
        const struct function f = quadratic(crawl, 2);
        const double x0[2] = {1.0, 1.0};
        c.what = "1/2(0.001 x1^2 + x2^2), eta 1";
        c.report = first_stops(&f, x0, 1.0, &chapter_thresholds, zero, 0.0, 100000);
        break;
    }
    case UNITS_SMALL:           /* the same bowl, f measured in units 1e6 larger */
    case UNITS_PLAIN: {
        const bool small = which == UNITS_SMALL;
        const struct function f = quadratic(small ? &tiny : &one, 1);
        const double x0 = 1.0;
        c.what = small ? "1/2 1e-6 x^2 from 1, eta 5e5" : "1/2 x^2 from 1, eta 0.5";
        c.report = first_stops(&f, &x0, small ? 5e5 : 0.5, &chapter_thresholds, zero, 0.0,
                               100000);
        break;
    }
    default:
        break;
    }
    return c;
}

struct descent_run valley_run(enum line_search search, double *x, FILE *trace)
{
    const struct function f = quadratic(valley_curvature, 2);
    struct descent_settings s = {search, search == LINE_SEARCH_ARMIJO ? 1.0 : 0.15,
                                 1e-4, 0.5, 1e-6, 100000, 1};
    x[0] = x[1] = 1.0;
    return line_search_descent(&f, x, &s, trace);
}

struct descent_run rosenbrock_run(enum line_search search, double lr, double *x,
                                  double *error, FILE *trace, long every)
{
    const struct function f = function_from_spec("--function", "rosenbrock");
    struct descent_settings s = {search, lr, 1e-4, 0.5, 1e-6, 200000, every};
    struct descent_run run;
    x[0] = f.start[0];
    x[1] = f.start[1];
    run = line_search_descent(&f, x, &s, trace);
    *error = hypot(x[0] - 1.0, x[1] - 1.0);
    return run;
}
