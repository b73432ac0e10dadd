/* Chapter 1, exercise 7, a reference answer: the loop with its stopping rule. */
#include "00-toolkit/csv.h"
#include "01-update-rule/exercises.h"

struct gd_run gd_loop_yours(const struct function *f, double *x, double eta,
                            double tolerance, long max_steps)
{
    double grad[FUNCTION_MAX_DIM], next[FUNCTION_MAX_DIM];
    struct gd_run run = {0};

    run.loss = f->value(f, x);
    f->gradient(f, grad, x);
    run.grad_norm = vec_norm(grad, f->dim);
    if (!row_is_finite(run.loss, x, f->dim)) {
        run.diverged = true;
        return run;
    }
    while (run.steps < max_steps && !(run.grad_norm < tolerance)) {
        for (size_t i = 0; i < f->dim; i++)
            next[i] = x[i] - eta * grad[i];                     /* (1.1) */
        double loss = f->value(f, next);
        if (!row_is_finite(loss, next, f->dim)) {
            run.diverged = true;                                /* keep x */
            break;
        }
        for (size_t i = 0; i < f->dim; i++)
            x[i] = next[i];
        run.steps++;
        run.loss = loss;
        f->gradient(f, grad, x);
        run.grad_norm = vec_norm(grad, f->dim);
    }
    run.converged = run.grad_norm < tolerance;
    return run;
}
