/* complex_functions.c: the objectives' values in complex arithmetic
 * (complex_functions.h).  Each function follows its real original in
 * chapters/00-toolkit/functions.c operation for operation, so that the
 * real part rounds exactly as the original does. */
#include "05-checking-gradients/complex_functions.h"
#include "05-checking-gradients/differences.h"
#include "00-toolkit/fail.h"

#include <stdlib.h>
#include <string.h>

typedef double complex value_complex(const struct function *f, const double complex *x);

static double complex quadratic_complex(const struct function *f, const double complex *x)
{
    double complex sum = 0.0;
    for (size_t i = 0; i < f->dim; i++)
        sum += f->param[i] * x[i] * x[i];
    return 0.5 * sum;
}

static double complex rosenbrock_complex(const struct function *f, const double complex *x)
{
    double a = f->param[0], b = f->param[1];
    double complex valley = x[1] - x[0] * x[0];
    return (a - x[0]) * (a - x[0]) + b * valley * valley;
}

static double complex beale_complex(const struct function *f, const double complex *x)
{
    static const double c[3] = {1.5, 2.25, 2.625};
    double complex sum = 0.0, power = 1.0;
    (void)f;
    for (int k = 0; k < 3; k++) {
        power *= x[1];
        double complex r = c[k] - x[0] + x[0] * power;
        sum += r * r;
    }
    return sum;
}

static double complex himmelblau_complex(const struct function *f, const double complex *x)
{
    double complex u = x[0] * x[0] + x[1] - 11.0, v = x[0] + x[1] * x[1] - 7.0;
    (void)f;
    return u * u + v * v;
}

static double complex booth_complex(const struct function *f, const double complex *x)
{
    double complex u = x[0] + 2.0 * x[1] - 7.0, v = 2.0 * x[0] + x[1] - 5.0;
    (void)f;
    return u * u + v * v;
}

static double complex x2sinx_complex(const struct function *f, const double complex *x)
{
    (void)f;
    return x[0] * x[0] * csin(x[0]);
}

static const struct {
    const char *name;
    value_complex *value;
} versions[] = {
    {"quadratic", quadratic_complex},   {"rosenbrock", rosenbrock_complex},
    {"beale", beale_complex},           {"himmelblau", himmelblau_complex},
    {"booth", booth_complex},           {"x2sinx", x2sinx_complex},
};

static value_complex *version_of(const struct function *f)
{
    for (size_t k = 0; k < sizeof versions / sizeof versions[0]; k++)
        if (strcmp(versions[k].name, f->name) == 0)
            return versions[k].value;
    return NULL;
}

bool has_complex_value(const struct function *f)
{
    return version_of(f) != NULL;
}

double complex function_value_complex(const struct function *f, const double complex *z)
{
    value_complex *value = version_of(f);
    if (value == NULL)
        fail(EXIT_USAGE, "no complex version of %s for the complex step", f->name);
    return value(f, z);
}

/* ANCHOR: complex_step_gradient */
void function_complex_step(const struct function *f, double *grad, const double *x)
{
    double complex z[FUNCTION_MAX_DIM];
    for (size_t i = 0; i < f->dim; i++)
        z[i] = x[i];
    for (size_t i = 0; i < f->dim; i++) {
        z[i] = complex_of(x[i], COMPLEX_STEP);                  /* x + ih e_i */
        grad[i] = cimag(function_value_complex(f, z)) / COMPLEX_STEP;
        z[i] = x[i];
    }
}
/* ANCHOR_END: complex_step_gradient */

/* mse_loss of chapter 4 over all samples, in the order it sums. */
double complex mse_loss_complex(const struct regression *model, const double complex *theta)
{
    const struct dataset *data = model->data;
    double complex sum = 0.0;
    for (size_t i = 0; i < data->count; i++) {
        const double *xi = data->x + i * data->features;
        double complex y_hat = model->bias ? theta[data->features] : 0.0, r;
        for (size_t j = 0; j < data->features; j++)
            y_hat += theta[j] * xi[j];
        r = y_hat - data->y[i];
        sum += r * r;
    }
    return sum / (double)data->count;
}

void mse_complex_step(const struct regression *model, double *grad, const double *theta)
{
    size_t dim = regression_dim(model);
    double complex *z = xcalloc(dim, sizeof *z);
    for (size_t i = 0; i < dim; i++)
        z[i] = theta[i];
    for (size_t i = 0; i < dim; i++) {
        z[i] = complex_of(theta[i], COMPLEX_STEP);
        grad[i] = cimag(mse_loss_complex(model, z)) / COMPLEX_STEP;
        z[i] = theta[i];
    }
    free(z);
}
