/* lab_flags.c: chapter 3's flags of the lab (see lab_flags.h). */
#include "03-when-to-stop/lab_flags.h"
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/optimizer.h"

#include <string.h>

struct lab_line_search lab_line_search_defaults(void)
{
    struct lab_line_search o = {LINE_SEARCH_NONE, 1e-4, 0.5, 0.0, false, false, false, false};
    return o;
}

static void once(const char *flag, bool *given)
{
    if (*given)
        fail(EXIT_USAGE, "%s given twice", flag);
    *given = true;
}

bool lab_line_search_flag(struct lab_line_search *o, int argc, char **argv, int *i)
{
    const char *flag = argv[*i];
    if (strcmp(flag, "--line-search") == 0) {
        const char *kind;
        once(flag, &o->search_given);
        kind = flag_value(argc, argv, i);
        if (strcmp(kind, "armijo") == 0)
            o->search = LINE_SEARCH_ARMIJO;
        else if (strcmp(kind, "exact") == 0)
            o->search = LINE_SEARCH_EXACT;
        else
            unknown_choice(flag, "line search", kind, "armijo, exact");
    } else if (strcmp(flag, "--armijo-c") == 0) {
        once(flag, &o->c_given);
        o->c = parse_number_in(flag, flag_value(argc, argv, i), 0.0, 1.0);
        if (o->c == 0.0 || o->c == 1.0)
            fail(EXIT_USAGE, "--armijo-c: c must lie strictly between 0 and 1 (default 1e-4)");
    } else if (strcmp(flag, "--backtrack") == 0) {
        once(flag, &o->rho_given);
        o->rho = parse_number_in(flag, flag_value(argc, argv, i), 0.0, 1.0);
        if (o->rho == 0.0 || o->rho == 1.0)
            fail(EXIT_USAGE, "--backtrack: the factor must lie strictly between 0 and 1 "
                 "(default 0.5)");
    } else if (strcmp(flag, "--tol") == 0) {
        once(flag, &o->tol_given);
        o->tol = parse_positive(flag, flag_value(argc, argv, i), 1e300);
    } else
        return false;
    return true;
}

void lab_line_search_check(const struct lab_line_search *o, const char *optimizer,
                           unsigned hyper_given, const struct function *function,
                           bool full_batch)
{
    if ((o->c_given || o->rho_given) && o->search != LINE_SEARCH_ARMIJO)
        fail(EXIT_USAGE, "%s applies to --line-search armijo only",
             o->c_given ? "--armijo-c" : "--backtrack");
    if (o->search == LINE_SEARCH_NONE)
        return;
    if (strcmp(optimizer, "sgd") != 0 || (hyper_given & ~TAKES_LR) != 0)
        fail(EXIT_USAGE, "--line-search takes plain gradient steps: --optimizer sgd with "
             "no hyper-parameter but --lr");
    if (o->search == LINE_SEARCH_EXACT) {
        if (function != NULL && strcmp(function->name, "quadratic") != 0)
            fail(EXIT_USAGE, "--line-search exact needs a quadratic objective (quadratic:..., "
                 "or --data without --batch); %s is not one: try --line-search armijo",
                 function->name);
        if (function == NULL && !full_batch)
            fail(EXIT_USAGE, "--line-search exact needs the whole data set in every update: "
                 "drop --batch, or use --line-search armijo");
    }
}

/* ANCHOR: curvature */
double quadratic_curvature_along(const struct function *f, const double *grad)
{
    double sum = 0.0;
    for (size_t i = 0; i < f->dim; i++)
        sum += f->param[i] * grad[i] * grad[i];
    return sum;
}

/* L(theta) = 1/n sum (theta . x~_i - y_i)^2 has Hessian 2/n sum x~_i x~_i',
 * so g'Hg = 2/n sum (g . x~_i)^2, and g . x~_i is the model's prediction
 * with theta = g. */
double mse_curvature_along(const struct regression *model, const double *grad)
{
    double sum = 0.0;
    for (size_t i = 0; i < model->data->count; i++) {
        double along = regression_predict(model, grad, i);
        sum += along * along;
    }
    return 2.0 * sum / (double)model->data->count;
}
/* ANCHOR_END: curvature */

double batch_loss(const void *context, const double *theta)
{
    const struct batch_loss *b = context;
    return mse_loss(b->model, theta, b->batch, b->size);
}

double lab_line_search_update(const struct lab_line_search *o, double lr, double *theta,
                              const double *grad, size_t dim, double curvature,
                              loss_fn *loss, const void *context, double loss_at_theta,
                              double *scratch)
{
    double alpha;
    if (o->search == LINE_SEARCH_EXACT) {
        double gg = 0.0;
        for (size_t i = 0; i < dim; i++)
            gg += grad[i] * grad[i];
        alpha = gg > 0.0 && curvature > 0.0 ? gg / curvature : 0.0;      /* (3.3) */
        for (size_t i = 0; i < dim; i++)
            theta[i] -= alpha * grad[i];
        return alpha;
    }
    {
        struct armijo_result r = armijo_backtrack(loss, context, dim, theta, loss_at_theta,
                                                  grad, lr, o->c, o->rho, scratch);
        if (r.accepted)
            memcpy(theta, scratch, dim * sizeof *theta);
        return r.accepted ? r.alpha : 0.0;
    }
}
