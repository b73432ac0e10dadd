/* functions.c: the test functions and their exact gradients (see
 * functions.h).  Each gradient is the derivative worked out by hand; the
 * toolkit's tests compare every one against a central difference. */
#include "00-toolkit/functions.h"
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <math.h>
#include <string.h>

const char function_names[] = "quadratic, rosenbrock, beale, himmelblau, booth, x2sinx";

/* ANCHOR: quadratic */
/* f = 1/2 sum a_i x_i^2, so df/dx_i = a_i x_i. */
static double quadratic_value(const struct function *f, const double *x)
{
    double sum = 0.0;
    for (size_t i = 0; i < f->dim; i++)
        sum += f->param[i] * x[i] * x[i];
    return 0.5 * sum;
}

static void quadratic_gradient(const struct function *f, double *grad, const double *x)
{
    for (size_t i = 0; i < f->dim; i++)
        grad[i] = f->param[i] * x[i];
}
/* ANCHOR_END: quadratic */

static double rosenbrock_value(const struct function *f, const double *x)
{
    double a = f->param[0], b = f->param[1];
    double valley = x[1] - x[0] * x[0];
    return (a - x[0]) * (a - x[0]) + b * valley * valley;
}

static void rosenbrock_gradient(const struct function *f, double *grad, const double *x)
{
    double a = f->param[0], b = f->param[1];
    double valley = x[1] - x[0] * x[0];
    grad[0] = -2.0 * (a - x[0]) - 4.0 * b * x[0] * valley;
    grad[1] = 2.0 * b * valley;
}

/* Beale: r_k = c_k - x1 + x1 x2^k for k = 1, 2, 3; f = sum r_k^2. */
static const double beale_c[3] = {1.5, 2.25, 2.625};

static double beale_value(const struct function *f, const double *x)
{
    double sum = 0.0, power = 1.0;
    (void)f;
    for (int k = 0; k < 3; k++) {
        power *= x[1];
        double r = beale_c[k] - x[0] + x[0] * power;
        sum += r * r;
    }
    return sum;
}

static void beale_gradient(const struct function *f, double *grad, const double *x)
{
    double power = 1.0; /* x2^(k-1) */
    (void)f;
    grad[0] = grad[1] = 0.0;
    for (int k = 1; k <= 3; k++) {
        double r = beale_c[k - 1] - x[0] + x[0] * power * x[1];
        grad[0] += 2.0 * r * (power * x[1] - 1.0);  /* dr/dx1 = x2^k - 1 */
        grad[1] += 2.0 * r * k * x[0] * power;      /* dr/dx2 = k x1 x2^(k-1) */
        power *= x[1];
    }
}

static double himmelblau_value(const struct function *f, const double *x)
{
    double u = x[0] * x[0] + x[1] - 11.0, v = x[0] + x[1] * x[1] - 7.0;
    (void)f;
    return u * u + v * v;
}

static void himmelblau_gradient(const struct function *f, double *grad, const double *x)
{
    double u = x[0] * x[0] + x[1] - 11.0, v = x[0] + x[1] * x[1] - 7.0;
    (void)f;
    grad[0] = 4.0 * x[0] * u + 2.0 * v;
    grad[1] = 2.0 * u + 4.0 * x[1] * v;
}

static double booth_value(const struct function *f, const double *x)
{
    double u = x[0] + 2.0 * x[1] - 7.0, v = 2.0 * x[0] + x[1] - 5.0;
    (void)f;
    return u * u + v * v;
}

static void booth_gradient(const struct function *f, double *grad, const double *x)
{
    double u = x[0] + 2.0 * x[1] - 7.0, v = 2.0 * x[0] + x[1] - 5.0;
    (void)f;
    grad[0] = 2.0 * u + 4.0 * v;
    grad[1] = 4.0 * u + 2.0 * v;
}

/* ANCHOR: x2sinx */
/* f = x^2 sin x, f' = 2x sin x + x^2 cos x. */
static double x2sinx_value(const struct function *f, const double *x)
{
    (void)f;
    return x[0] * x[0] * sin(x[0]);
}

static void x2sinx_gradient(const struct function *f, double *grad, const double *x)
{
    (void)f;
    grad[0] = 2.0 * x[0] * sin(x[0]) + x[0] * x[0] * cos(x[0]);
}
/* ANCHOR_END: x2sinx */

struct catalogue_entry {
    const char *name;
    size_t dim;
    size_t param_count;                   /* 0: takes none */
    double param[2];
    double start[2];
    double (*value)(const struct function *f, const double *x);
    void (*gradient)(const struct function *f, double *grad, const double *x);
};

static const struct catalogue_entry catalogue[] = {
    {"rosenbrock", 2, 2, {1.0, 100.0}, {-1.5, 2.0}, rosenbrock_value, rosenbrock_gradient},
    {"beale", 2, 0, {0}, {1.0, 1.5}, beale_value, beale_gradient},
    {"himmelblau", 2, 0, {0}, {0.0, 0.0}, himmelblau_value, himmelblau_gradient},
    {"booth", 2, 0, {0}, {0.0, 0.0}, booth_value, booth_gradient},
    {"x2sinx", 1, 0, {0}, {3.0}, x2sinx_value, x2sinx_gradient},
};

struct function quadratic(const double *curvature, size_t dim)
{
    struct function f = {0};
    f.name = "quadratic";
    f.dim = dim;
    f.param_count = dim;
    for (size_t i = 0; i < dim; i++) {
        f.param[i] = curvature[i];
        f.start[i] = 1.0;
    }
    f.value = quadratic_value;
    f.gradient = quadratic_gradient;
    return f;
}

struct function function_from_spec(const char *flag, const char *spec)
{
    size_t name_length = strcspn(spec, ":");
    const char *params = spec[name_length] == ':' ? spec + name_length + 1 : NULL;
    double values[FUNCTION_MAX_DIM];
    size_t count = 0;

    if (params != NULL)
        count = parse_number_list(flag, params, values, FUNCTION_MAX_DIM);

    if (name_length == strlen("quadratic") && strncmp(spec, "quadratic", name_length) == 0) {
        static const double default_curvature[2] = {1.0, 10.0};
        return params ? quadratic(values, count) : quadratic(default_curvature, 2);
    }
    for (size_t k = 0; k < sizeof catalogue / sizeof catalogue[0]; k++) {
        const struct catalogue_entry *entry = &catalogue[k];
        struct function f = {0};
        if (strlen(entry->name) != name_length || strncmp(spec, entry->name, name_length) != 0)
            continue;
        if (params && entry->param_count == 0)
            fail(EXIT_USAGE, "%s: %s takes no parameters", flag, entry->name);
        if (params && count != entry->param_count)
            fail(EXIT_USAGE, "%s: %s takes %zu parameters, not %zu", flag, entry->name,
                 entry->param_count, count);
        f.name = entry->name;
        f.dim = entry->dim;
        f.param_count = entry->param_count;
        for (size_t i = 0; i < entry->param_count; i++)
            f.param[i] = params ? values[i] : entry->param[i];
        for (size_t i = 0; i < entry->dim; i++)
            f.start[i] = entry->start[i];
        f.value = entry->value;
        f.gradient = entry->gradient;
        return f;
    }
    fail(EXIT_USAGE, "%s: unknown function '%.*s' (known: %s)", flag, (int)name_length, spec,
         function_names);
}
