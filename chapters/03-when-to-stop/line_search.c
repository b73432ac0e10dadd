/* line_search.c: exact and backtracking line searches, and the loop of
 * steepest descent around them (see line_search.h). */
#include "03-when-to-stop/line_search.h"
#include "00-toolkit/csv.h"
#include "01-update-rule/gd.h"

#include <math.h>
#include <string.h>

/* ANCHOR: exact */
/* phi(alpha) = f(x - alpha g) = f(x) - alpha g'g + alpha^2/2 g'Hg on a
 * quadratic; phi'(alpha) = 0 gives (3.3). */
double exact_step(const double *grad, const double *hessian_grad, size_t dim)
{
    double gg = 0.0, ghg = 0.0;
    for (size_t i = 0; i < dim; i++) {
        gg += grad[i] * grad[i];
        ghg += grad[i] * hessian_grad[i];
    }
    return gg > 0.0 && ghg > 0.0 ? gg / ghg : 0.0;
}
/* ANCHOR_END: exact */

void quadratic_hessian_times(const struct function *f, double *out, const double *v)
{
    for (size_t i = 0; i < f->dim; i++)
        out[i] = f->param[i] * v[i];
}

double function_loss(const void *function, const double *x)
{
    const struct function *f = function;
    return f->value(f, x);
}

/* ANCHOR: armijo */
struct armijo_result armijo_backtrack(loss_fn *loss, const void *context, size_t dim,
                                      const double *x, double fx, const double *grad,
                                      double alpha0, double c, double rho, double *next)
{
    struct armijo_result r = {alpha0, fx, 0, 0, false};
    double gg = 0.0;
    for (size_t i = 0; i < dim; i++)
        gg += grad[i] * grad[i];
    for (;;) {
        bool moved = false;
        for (size_t i = 0; i < dim; i++) {
            next[i] = x[i] - r.alpha * grad[i];
            moved |= next[i] != x[i];
        }
        if (!moved)                     /* rounding: no shorter step can help */
            break;
        r.loss = loss(context, next);
        r.evaluations++;
        if (r.loss <= fx - c * r.alpha * gg) {          /* (3.5) */
            r.accepted = true;
            return r;
        }
        r.alpha *= rho;                 /* NaN and inf fail (3.5) too: shorter */
        r.backtracks++;
    }
    memcpy(next, x, dim * sizeof *next);
    r.alpha = 0.0;
    r.loss = fx;
    return r;
}
/* ANCHOR_END: armijo */

void csv_row_alpha(FILE *out, long step, double loss, const double *x, size_t dim,
                   double alpha)
{
    fprintf(out, "%ld,%.17g", step, loss);
    for (size_t i = 0; i < dim; i++)
        fprintf(out, ",%.17g", x[i]);
    if (step == 0)
        fputs(",\n", out);
    else
        fprintf(out, ",%.17g\n", alpha);
    csv_check(out);     /* a full disk or a closed pipe stops the run here */
}

/* ANCHOR: loop */
struct descent_run line_search_descent(const struct function *f, double *x,
                                       const struct descent_settings *s, FILE *trace)
{
    double grad[FUNCTION_MAX_DIM], next[FUNCTION_MAX_DIM], hg[FUNCTION_MAX_DIM];
    double alpha = 0.0;
    struct descent_run run = {0};

    run.loss = f->value(f, x);
    run.evaluations = 1;
    f->gradient(f, grad, x);
    run.gradients = 1;
    run.grad_norm = vec_norm(grad, f->dim);
    run.min_alpha = INFINITY;
    if (trace) {
        csv_header(trace, "x", f->dim, "alpha");
        csv_row_alpha(trace, 0, run.loss, x, f->dim, 0.0);
    }
    while (run.steps < s->max_steps && !(run.grad_norm < s->tolerance)) {
        double loss;
        memcpy(next, x, f->dim * sizeof *next);
        if (s->search == LINE_SEARCH_ARMIJO) {
            struct armijo_result r = armijo_backtrack(function_loss, f, f->dim, x, run.loss,
                                                      grad, s->lr, s->c, s->rho, next);
            run.evaluations += r.evaluations;
            if (!r.accepted) {
                run.stalled = true;
                break;
            }
            alpha = r.alpha;
            loss = r.loss;                      /* already known: no new call */
        } else {
            if (s->search == LINE_SEARCH_EXACT) {
                quadratic_hessian_times(f, hg, grad);
                alpha = exact_step(grad, hg, f->dim);
            } else
                alpha = s->lr;
            gd_step(next, grad, f->dim, alpha);             /* (1.1) with eta = alpha */
            loss = f->value(f, next);
            run.evaluations++;
            if (!row_is_finite(loss, next, f->dim)) {
                run.diverged = true;
                break;
            }
        }
        memcpy(x, next, f->dim * sizeof *x);
        run.steps++;
        run.loss = loss;
        run.min_alpha = fmin(run.min_alpha, alpha);
        run.max_alpha = fmax(run.max_alpha, alpha);
        f->gradient(f, grad, x);
        run.gradients++;
        run.grad_norm = vec_norm(grad, f->dim);
        if (trace && s->every > 0 && run.steps % s->every == 0)
            csv_row_alpha(trace, run.steps, run.loss, x, f->dim, alpha);
    }
    run.converged = run.grad_norm < s->tolerance;
    if (trace && run.steps > 0 && (s->every <= 0 || run.steps % s->every != 0))
        csv_row_alpha(trace, run.steps, run.loss, x, f->dim, alpha);
    if (run.steps == 0)
        run.min_alpha = 0.0;
    return run;
}
/* ANCHOR_END: loop */
