/* landscape.c: saddle, plateau and basins (see landscape.h). */
#include "10-failures/landscape.h"

#include <math.h>
#include <string.h>

#include "00-toolkit/optimizer.h"
#include "00-toolkit/rng.h"
#include "01-update-rule/gd.h"
#include "06-momentum/sgd.h"

long saddle_escape_steps(double delta, double eta, double sigma, uint64_t seed, long max_steps)
{
    static const double curvature[2] = {1.0, -1.0};
    struct function f = quadratic(curvature, 2);
    struct rng rng;
    double x[2] = {1.0, delta}, grad[2];
    rng_seed(&rng, seed);
    for (long k = 1; k <= max_steps; k++) {
        f.gradient(&f, grad, x);
        if (sigma > 0.0) {
            grad[0] += sigma * rng_normal(&rng);
            grad[1] += sigma * rng_normal(&rng);
        }
        gd_step(x, grad, 2, eta);
        if (fabs(x[1]) >= 1.0)
            return k;
    }
    return -1;
}

long saddle_escape_momentum(double delta, double lr, double momentum, double sigma, uint64_t seed,
                            long max_steps)
{
    static const double curvature[2] = {1.0, -1.0};
    struct function f = quadratic(curvature, 2);
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    struct rng rng;
    double x[2] = {1.0, delta}, grad[2];
    long result = -1;
    hyper.lr = lr;
    hyper.momentum = momentum;
    optimizer_init(&opt, &sgd_kind, &hyper, 2);
    rng_seed(&rng, seed);
    for (long k = 1; k <= max_steps; k++) {
        f.gradient(&f, grad, x);
        if (sigma > 0.0) {
            grad[0] += sigma * rng_normal(&rng);
            grad[1] += sigma * rng_normal(&rng);
        }
        optimizer_step(&opt, x, grad);
        if (fabs(x[1]) >= 1.0) {
            result = k;
            break;
        }
    }
    optimizer_free(&opt);
    return result;
}

long saddle_escape_predicted(double delta, double eta)
{
    return (long)ceil(log(1.0 / delta) / log(1.0 + eta));              /* (10.1) */
}

static double sigmoid(double w)
{
    return 1.0 / (1.0 + exp(-w));
}

static double plateau_value(const struct function *f, const double *w)
{
    double r = sigmoid(w[0]) - f->param[0];
    return r * r;
}

static void plateau_gradient(const struct function *f, double *grad, const double *w)
{
    double s = sigmoid(w[0]);
    grad[0] = 2.0 * (s - f->param[0]) * s * (1.0 - s);     /* sigmoid' = s (1 - s) */
}

struct function plateau_function(void)
{
    struct function f = {.name = "plateau", .dim = 1, .param_count = 1,
                         .value = plateau_value, .gradient = plateau_gradient};
    f.param[0] = 0.9;
    f.start[0] = -10.0;
    return f;
}

const double himmelblau_minima[4][2] = {
    {3.0, 2.0},
    {-2.805118086952745, 3.131312518250573},
    {-3.779310253377747, -3.283185991286170},
    {3.584428340330492, -1.848126526964404},
};

/* Whether a[0..n) and b[0..n) hold the same bits (0.0 and -0.0 differ). */
static bool same_bits(const double *a, const double *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (memcmp(&a[i], &b[i], sizeof a[i]) != 0)
            return false;
    return true;
}

bool descend(const struct function *f, double *x, double lr, double momentum, long steps)
{
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    double grad[FUNCTION_MAX_DIM], x_before[FUNCTION_MAX_DIM], b_before[FUNCTION_MAX_DIM];
    bool finite = true;
    hyper.lr = lr;
    hyper.momentum = momentum;
    optimizer_init(&opt, &sgd_kind, &hyper, f->dim);
    for (long k = 0; k < steps && finite; k++) {
        for (size_t i = 0; i < f->dim; i++) {
            x_before[i] = x[i];
            b_before[i] = momentum != 0.0 ? opt.buffer[0][i] : 0.0;
        }
        f->gradient(f, grad, x);
        optimizer_step(&opt, x, grad);
        for (size_t i = 0; i < f->dim; i++)
            if (!isfinite(x[i]) || fabs(x[i]) > 1e6)
                finite = false;
        /* An update after the first that left x, and the momentum buffer,
         * bit for bit as they were is a fixed point: every later update
         * computes the same gradient and repeats it, so the remaining
         * steps would end exactly here.  (Most runs get there long before
         * their last step: near a minimum the step rounds to nothing.) */
        if (k > 0 && same_bits(x, x_before, f->dim) &&
            (momentum == 0.0 || same_bits(opt.buffer[0], b_before, f->dim)))
            break;
    }
    optimizer_free(&opt);
    return finite;
}

int himmelblau_basin(double x1, double x2, double lr, double momentum, long steps)
{
    struct function f = function_from_spec("--function", "himmelblau");
    double x[2] = {x1, x2};
    if (!descend(&f, x, lr, momentum, steps))
        return -1;
    for (int m = 0; m < 4; m++)
        if (hypot(x[0] - himmelblau_minima[m][0], x[1] - himmelblau_minima[m][1]) < 1e-3)
            return m;
    return -1;
}

const double x2sinx_minima[3] = {-8.096163603223, -2.288929728103, 5.086985094102};

int x2sinx_basin(double x0, double lr, double momentum, long steps)
{
    struct function f = function_from_spec("--function", "x2sinx");
    double x[1] = {x0};
    if (!descend(&f, x, lr, momentum, steps))
        return -1;
    for (int m = 0; m < 3; m++)
        if (fabs(x[0] - x2sinx_minima[m]) < 1e-3)
            return m;
    return -1;
}
