/* example.c: chapter 6's worked example (see example.h). */
#include "06-momentum/example.h"
#include "00-toolkit/functions.h"
#include "06-momentum/sgd.h"

/* ANCHOR: example */
void worked_example_steps(double momentum, bool nesterov, double x[4][2], double b[4][2])
{
    static const double curvature[2] = {1.0, 3.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double theta[2] = {1.0, 1.0}, grad[2];

    h.lr = 0.25;
    h.momentum = momentum;
    h.nesterov = nesterov;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k <= 3; k++) {
        for (int i = 0; i < 2; i++) {
            x[k][i] = theta[i];
            b[k][i] = opt.buffer[0][i];
        }
        f.gradient(&f, grad, theta);
        optimizer_step(&opt, theta, grad);
    }
    optimizer_free(&opt);
}
/* ANCHOR_END: example */
