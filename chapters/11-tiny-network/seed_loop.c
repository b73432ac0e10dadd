/* seed_loop.c: the seed's loop (seed_loop.h), one PyTorch line at a time. */
#include "11-tiny-network/seed_loop.h"
#include "00-toolkit/optimizer.h"
#include "00-toolkit/rng.h"
#include "06-momentum/sgd.h"
#include "11-tiny-network/network.h"

#include <string.h>

void seed_data(struct dataset *data, uint64_t seed)
{
    struct rng rng;
    rng_seed(&rng, seed);
    dataset_init(data, SEED_SAMPLES, SEED_FEATURES);
    for (size_t i = 0; i < SEED_SAMPLES * SEED_FEATURES; i++)
        data->x[i] = rng_normal(&rng);                  /* x = torch.randn(100, 10) */
    for (size_t i = 0; i < SEED_SAMPLES; i++)
        data->y[i] = rng_normal(&rng);                  /* y = torch.randn(100, 1) */
}

void seed_loop(struct seed_run *run, const struct dataset *data, uint64_t init_seed)
{
    const size_t n = SEED_SAMPLES, d = SEED_FEATURES;
    double theta[SEED_DIM], grad[SEED_DIM], output[SEED_SAMPLES];
    double *weight = theta, *bias = theta + d;          /* model.parameters() */
    double *weight_grad = grad, *bias_grad = grad + d;  /* their .grad */
    struct network model;
    struct optimizer optimizer;
    struct hyper hyper = sgd_kind.defaults;
    struct rng rng;

    network_init(&model, d, 0, 1, ACTIVATION_TANH, LOSS_MSE);    /* nn.Linear(10, 1) */
    rng_seed(&rng, init_seed);
    network_init_parameters(&model, theta, &rng);       /* its reset_parameters() */
    memcpy(run->theta0, theta, sizeof theta);
    hyper.lr = SEED_LR;                                 /* optim.SGD(..., lr=0.01) */
    optimizer_init(&optimizer, &sgd_kind, &hyper, SEED_DIM);

    /* ANCHOR: loop */
    for (int epoch = 0; epoch < SEED_EPOCHS; epoch++) {
        memset(grad, 0, sizeof grad);                   /* optimizer.zero_grad() */

        for (size_t i = 0; i < n; i++) {                /* output = model(x) */
            double sum = 0.0;
            for (size_t j = 0; j < d; j++)
                sum += weight[j] * data->x[i * d + j];
            output[i] = sum + bias[0];
        }

        double loss = 0.0;                              /* loss = criterion(output, y) */
        for (size_t i = 0; i < n; i++)
            loss += (output[i] - data->y[i]) * (output[i] - data->y[i]);
        loss /= (double)n;
        run->loss[epoch] = loss;

        for (size_t i = 0; i < n; i++) {                /* loss.backward() */
            double dz = 2.0 * (output[i] - data->y[i]) / (double)n;   /* dloss/doutput[i] */
            for (size_t j = 0; j < d; j++)
                weight_grad[j] += dz * data->x[i * d + j];            /* dz x^T */
            bias_grad[0] += dz;
        }

        optimizer_step(&optimizer, theta, grad);        /* optimizer.step() */
    }
    /* ANCHOR_END: loop */
    memcpy(run->theta, theta, sizeof theta);
    optimizer_free(&optimizer);
    network_free(&model);
}
