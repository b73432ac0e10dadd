/* Chapter 3, exercise 7, a reference answer: steepest descent with (3.3). */
#include "00-toolkit/csv.h"
#include "03-when-to-stop/exercises.h"
#include "03-when-to-stop/line_search.h"

long exact_descent(const struct function *f, double *x, double tolerance, long max_steps)
{
    double grad[FUNCTION_MAX_DIM], hg[FUNCTION_MAX_DIM];
    long steps = 0;
    f->gradient(f, grad, x);
    while (steps < max_steps && !(vec_norm(grad, f->dim) < tolerance)) {
        quadratic_hessian_times(f, hg, grad);
        double alpha = exact_step(grad, hg, f->dim);
        for (size_t i = 0; i < f->dim; i++)
            x[i] -= alpha * grad[i];
        steps++;
        f->gradient(f, grad, x);
    }
    return steps;
}
