/* gradient_checks.c: backpropagation against the central difference and
 * the complex step (gradient_checks.h). */
#include "11-tiny-network/gradient_checks.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/rng.h"
#include "05-checking-gradients/gradcheck.h"
#include "11-tiny-network/network_complex.h"

#include <math.h>
#include <stdlib.h>

const struct gradient_case gradient_cases[] = {
    {"linear", 4, 0, 1, ACTIVATION_TANH, LOSS_MSE},
    {"linear (logistic)", 4, 0, 1, ACTIVATION_TANH, LOSS_BCE},
    {"linear", 4, 0, 3, ACTIVATION_TANH, LOSS_CROSS_ENTROPY},
    {"3-5-1 tanh", 3, 5, 1, ACTIVATION_TANH, LOSS_MSE},
    {"3-5-1 tanh", 3, 5, 1, ACTIVATION_TANH, LOSS_BCE},
    {"3-5-4 tanh", 3, 5, 4, ACTIVATION_TANH, LOSS_CROSS_ENTROPY},
    {"3-5-1 relu", 3, 5, 1, ACTIVATION_RELU, LOSS_MSE},
    {"3-5-1 relu", 3, 5, 1, ACTIVATION_RELU, LOSS_BCE},
    {"3-5-4 relu", 3, 5, 4, ACTIVATION_RELU, LOSS_CROSS_ENTROPY},
    {"3-5-1 sigmoid", 3, 5, 1, ACTIVATION_SIGMOID, LOSS_MSE},
    {"3-5-1 sigmoid", 3, 5, 1, ACTIVATION_SIGMOID, LOSS_BCE},
    {"3-5-4 sigmoid", 3, 5, 4, ACTIVATION_SIGMOID, LOSS_CROSS_ENTROPY},
};
const size_t gradient_case_count = sizeof gradient_cases / sizeof gradient_cases[0];

void network_random_data(struct dataset *data, size_t count, size_t inputs, enum loss loss,
                         size_t classes, uint64_t seed)
{
    struct rng rng;
    rng_seed(&rng, seed);
    dataset_init(data, count, inputs);
    for (size_t i = 0; i < count * inputs; i++)
        data->x[i] = rng_normal(&rng);
    for (size_t i = 0; i < count; i++)
        data->y[i] = loss == LOSS_MSE ? rng_normal(&rng)
                   : loss == LOSS_BCE ? (double)rng_below(&rng, 2)
                   : (double)rng_below(&rng, classes);
}

double network_on_data_loss(const void *context, const double *theta)
{
    const struct network_on_data *m = context;
    return network_loss(m->net, theta, m->data, NULL, 0);
}

void network_on_data_gradient(const void *context, double *grad, const double *theta)
{
    const struct network_on_data *m = context;
    network_gradient(m->net, grad, theta, m->data, NULL, 0);
}

struct gradient_errors gradient_errors_at(const struct network *net, const double *theta,
                                          const struct dataset *data)
{
    size_t dim = network_dim(net);
    double *grad = xcalloc(3 * dim, sizeof *grad), *numeric = grad + dim, *step = numeric + dim;
    struct network_on_data m = {net, data};
    struct checked objective = {&m, dim, network_on_data_loss, network_on_data_gradient};
    struct gradient_errors e = {gradcheck(&objective, theta, grad, numeric, GRADCHECK_FLOOR).worst,
                                0.0};
    network_complex_step(net, step, theta, data, NULL, 0);
    for (size_t p = 0; p < dim; p++)
        e.complex_step = fmax(e.complex_step, relative_error(grad[p], step[p], GRADCHECK_FLOOR));
    free(grad);
    return e;
}

struct gradient_errors gradient_case_errors(const struct gradient_case *c)
{
    struct network net;
    struct dataset data;
    struct rng rng;
    struct gradient_errors worst = {0.0, 0.0};
    network_init(&net, c->inputs, c->hidden, c->outputs, c->activation, c->loss);
    network_random_data(&data, GRADIENT_SAMPLES, c->inputs, c->loss, c->outputs, GRADIENT_SEED);
    size_t dim = network_dim(&net);
    double *theta = xcalloc(dim, sizeof *theta);
    rng_seed(&rng, GRADIENT_SEED + 1);
    for (int point = 0; point < GRADIENT_POINTS; point++) {
        for (size_t p = 0; p < dim; p++)
            theta[p] = 2.0 * rng_uniform(&rng) - 1.0;
        struct gradient_errors e = gradient_errors_at(&net, theta, &data);
        worst.central = fmax(worst.central, e.central);
        worst.complex_step = fmax(worst.complex_step, e.complex_step);
    }
    free(theta);
    network_free(&net);
    dataset_free(&data);
    return worst;
}
