/* gd.c: equation (1.1) and the loop of chapter 1 (see gd.h). */
#include "01-update-rule/gd.h"
#include "00-toolkit/csv.h"

/* ANCHOR: step */
void gd_step(double *theta, const double *grad, size_t dim, double eta)
{
    for (size_t i = 0; i < dim; i++)
        theta[i] -= eta * grad[i];
}
/* ANCHOR_END: step */

/* ANCHOR: loop */
struct gd_run gradient_descent(const struct function *f, double *x, double eta,
                               double tolerance, long max_steps, FILE *trace, long every)
{
    double grad[FUNCTION_MAX_DIM], next[FUNCTION_MAX_DIM];
    struct gd_run run = {0};

    run.loss = f->value(f, x);
    f->gradient(f, grad, x);
    run.grad_norm = vec_norm(grad, f->dim);
    if (!row_is_finite(run.loss, x, f->dim)) {
        run.diverged = true;             /* nothing finite to start from */
        return run;
    }
    if (trace) {
        csv_header(trace, "x", f->dim, NULL);
        csv_row(trace, 0, run.loss, x, f->dim);
    }
    while (run.steps < max_steps && !(run.grad_norm < tolerance)) {
        double loss;
        for (size_t i = 0; i < f->dim; i++)
            next[i] = x[i];
        gd_step(next, grad, f->dim, eta);
        loss = f->value(f, next);
        if (!row_is_finite(loss, next, f->dim)) {
            run.diverged = true;         /* keep the last finite point */
            break;
        }
        for (size_t i = 0; i < f->dim; i++)
            x[i] = next[i];
        run.steps++;
        run.loss = loss;
        f->gradient(f, grad, x);
        run.grad_norm = vec_norm(grad, f->dim);
        if (trace && every > 0 && run.steps % every == 0)
            csv_row(trace, run.steps, run.loss, x, f->dim);
    }
    run.converged = run.grad_norm < tolerance;
    if (trace && run.steps > 0 && (every <= 0 || run.steps % every != 0))
        csv_row(trace, run.steps, run.loss, x, f->dim);   /* the last row, always */
    return run;
}
/* ANCHOR_END: loop */
