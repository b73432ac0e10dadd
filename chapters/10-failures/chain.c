/* chain.c: deep scalar chains, forward and backward (see chain.h). */
#include "10-failures/chain.h"

#include <math.h>

/* Forward pass: h[0..layers], h[0] = x. */
static void forward(const struct function *f, const double *w, double *h)
{
    bool tanh_layers = f->param[2] != 0.0;
    h[0] = f->param[0];
    for (size_t j = 1; j <= f->dim; j++)
        h[j] = tanh_layers ? tanh(w[j - 1] * h[j - 1]) : w[j - 1] * h[j - 1];
}

static double chain_value(const struct function *f, const double *w)
{
    double h[FUNCTION_MAX_DIM + 1];
    forward(f, w, h);
    double r = h[f->dim] - f->param[1];
    return 0.5 * r * r;
}

/* ANCHOR: backward */
/* Backpropagation: delta = df/dh_j, from the top down.  A layer h_j =
 * act(w_j h_(j-1)) passes delta s_j w_j down and keeps delta s_j h_(j-1)
 * as df/dw_j, with s_j its activation's slope: 1, or 1 - h_j^2 for tanh. */
static void chain_gradient(const struct function *f, double *grad, const double *w)
{
    bool tanh_layers = f->param[2] != 0.0;
    double h[FUNCTION_MAX_DIM + 1];
    forward(f, w, h);
    double delta = h[f->dim] - f->param[1];                   /* df/dh_L */
    for (size_t j = f->dim; j >= 1; j--) {
        double slope = tanh_layers ? 1.0 - h[j] * h[j] : 1.0;
        grad[j - 1] = delta * slope * h[j - 1];
        delta *= slope * w[j - 1];                             /* df/dh_(j-1) */
    }
}
/* ANCHOR_END: backward */

struct function chain_function(size_t layers, bool tanh_layers, double x, double t, double w0)
{
    struct function f = {.name = tanh_layers ? "tanh-chain" : "chain", .dim = layers,
                         .param_count = 3, .value = chain_value, .gradient = chain_gradient};
    f.param[0] = x;
    f.param[1] = t;
    f.param[2] = tanh_layers ? 1.0 : 0.0;
    for (size_t j = 0; j < layers; j++)
        f.start[j] = w0;
    return f;
}

double chain_first_factor(const double *w, size_t layers, bool tanh_layers, double x)
{
    /* Forward, keeping only what the backward pass needs: the slopes s_j. */
    double h = x, product = 1.0;
    for (size_t j = 0; j < layers; j++) {
        h = tanh_layers ? tanh(w[j] * h) : w[j] * h;
        double slope = tanh_layers ? 1.0 - h * h : 1.0;
        product *= j == 0 ? slope * x : slope * w[j];       /* (10.2) */
    }
    return product;
}
