/* chain.c: deep scalar chains, forward and backward (see chain.h). */
#include "10-failures/chain.h"

#include <math.h>

double chain_activate(int activation, double z)
{
    switch (activation) {
    case CHAIN_TANH:
        return tanh(z);
    case CHAIN_SIGMOID:
        return 1.0 / (1.0 + exp(-z));
    default:
        return z;
    }
}

double chain_slope_at(int activation, double a)
{
    switch (activation) {
    case CHAIN_TANH:
        return 1.0 - a * a;             /* tanh' = 1 - tanh^2 */
    case CHAIN_SIGMOID:
        return a * (1.0 - a);           /* phi' = phi (1 - phi), at most 1/4 */
    default:
        return 1.0;
    }
}

/* Forward pass: a[0..layers], a[0] = x. */
static void forward(const struct function *f, const double *w, double *a)
{
    int activation = (int)f->param[2];
    a[0] = f->param[0];
    for (size_t j = 1; j <= f->dim; j++)
        a[j] = chain_activate(activation, w[j - 1] * a[j - 1]);
}

static double chain_value(const struct function *f, const double *w)
{
    double a[FUNCTION_MAX_DIM + 1];
    forward(f, w, a);
    double r = a[f->dim] - f->param[1];
    return 0.5 * r * r;
}

/* ANCHOR: backward */
/* Backpropagation: delta = df/da_j, from the top down.  A layer a_j =
 * act(w_j a_(j-1)) passes delta s_j w_j down and keeps delta s_j a_(j-1)
 * as df/dw_j, with s_j its activation's slope (chain_slope_at). */
static void chain_gradient(const struct function *f, double *grad, const double *w)
{
    int activation = (int)f->param[2];
    double a[FUNCTION_MAX_DIM + 1];
    forward(f, w, a);
    double delta = a[f->dim] - f->param[1];                   /* df/da_n */
    for (size_t j = f->dim; j >= 1; j--) {
        double slope = chain_slope_at(activation, a[j]);
        grad[j - 1] = delta * slope * a[j - 1];
        delta *= slope * w[j - 1];                             /* df/da_(j-1) */
    }
}
/* ANCHOR_END: backward */

struct function chain_function(size_t layers, int activation, double x, double y, double w0)
{
    static const char *const names[] = {"chain", "tanh-chain", "sigmoid-chain"};
    struct function f = {.name = names[activation], .dim = layers,
                         .param_count = 3, .value = chain_value, .gradient = chain_gradient};
    f.param[0] = x;
    f.param[1] = y;
    f.param[2] = activation;
    for (size_t j = 0; j < layers; j++)
        f.start[j] = w0;
    return f;
}

double chain_first_factor(const double *w, size_t layers, int activation, double x)
{
    /* Forward, keeping only what the backward pass needs: the slopes s_j. */
    double a = x, product = 1.0;
    for (size_t j = 0; j < layers; j++) {
        a = chain_activate(activation, w[j] * a);
        double slope = chain_slope_at(activation, a);
        product *= j == 0 ? slope * x : slope * w[j];       /* (10.2) */
    }
    return product;
}
