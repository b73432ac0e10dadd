/* book_gradients.c: every gradient of the book against the complex step
 * and the central difference (book_gradients.h). */
#include "05-checking-gradients/book_gradients.h"
#include "05-checking-gradients/complex_functions.h"
#include "05-checking-gradients/gradcheck.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/rng.h"
#include "04-batches/regression.h"

#include <math.h>

static const char *const function_specs[BOOK_OBJECTIVES - 1] = {
    "quadratic", "quadratic:1,2,3,4,5", "rosenbrock", "beale", "himmelblau", "booth", "x2sinx",
};

/* The regression of chapter 4's comparison, smaller: 50 samples, 3
 * features and a bias. */
static double regression_value(const void *context, const double *theta)
{
    return mse_loss(context, theta, NULL, 0);
}

static void regression_gradient(const void *context, double *grad, const double *theta)
{
    mse_grad(context, grad, theta, NULL, 0);
}

/* The worst r of analytic against complex step, and of gradcheck(), at
 * one point. */
static void check_point(struct book_gradient *row, const struct checked *objective,
                        const double *complex_grad, const double *x)
{
    double grad[FUNCTION_MAX_DIM], numeric[FUNCTION_MAX_DIM];
    struct gradcheck_result central = gradcheck(objective, x, grad, numeric, GRADCHECK_FLOOR);
    for (size_t i = 0; i < objective->dim; i++)
        row->complex_worst =
            fmax(row->complex_worst, relative_error(grad[i], complex_grad[i], GRADCHECK_FLOOR));
    row->central_worst = fmax(row->central_worst, central.worst);
}

void check_book_gradients(struct book_gradient *rows, uint64_t seed)
{
    struct rng rng;
    struct dataset data;
    double w_true[3], x[FUNCTION_MAX_DIM], complex_grad[FUNCTION_MAX_DIM];
    rng_seed(&rng, seed);
    for (size_t k = 0; k < BOOK_OBJECTIVES - 1; k++) {
        struct function f = function_from_spec("--function", function_specs[k]);
        struct checked objective = checked_function(&f);
        double width = f.dim == 1 ? 6.0 : 2.0;
        rows[k] = (struct book_gradient){function_specs[k], f.dim, 0.0, 0.0};
        for (int p = 0; p < BOOK_POINTS; p++) {
            for (size_t i = 0; i < f.dim; i++)
                x[i] = width * (2.0 * rng_uniform(&rng) - 1.0);
            function_complex_step(&f, complex_grad, x);
            check_point(&rows[k], &objective, complex_grad, x);
        }
    }
    synthetic_regression(&data, w_true, 50, 3, 0.1, seed);
    {
        struct regression model = {&data, true};
        struct checked objective = {&model, regression_dim(&model), regression_value,
                                    regression_gradient};
        struct book_gradient *row = &rows[BOOK_OBJECTIVES - 1];
        *row = (struct book_gradient){"regression", objective.dim, 0.0, 0.0};
        for (int p = 0; p < BOOK_POINTS; p++) {
            for (size_t i = 0; i < objective.dim; i++)
                x[i] = 2.0 * (2.0 * rng_uniform(&rng) - 1.0);
            mse_complex_step(&model, complex_grad, x);
            check_point(row, &objective, complex_grad, x);
        }
    }
    dataset_free(&data);
}

void book_gradients_report(FILE *out)
{
    struct book_gradient rows[BOOK_OBJECTIVES];
    check_book_gradients(rows, BOOK_SEED);
    fprintf(out, "%-20s  %3s  %22s  %22s\n", "objective", "dim", "max r vs complex step",
            "max r vs central (5.6)");
    for (size_t k = 0; k < BOOK_OBJECTIVES; k++)
        fprintf(out, "%-20s  %3zu  %22.0e  %22.0e\n", rows[k].name, rows[k].dim,
                rows[k].complex_worst, rows[k].central_worst);
}
