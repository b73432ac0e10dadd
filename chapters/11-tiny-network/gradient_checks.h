/* gradient_checks.h: backpropagation checked both ways.
 *
 * Every model and loss of the chapter, on a few random samples at random
 * parameters, compared with chapter 5's central difference (gradcheck.h,
 * (5.2) and (5.7)) and with the complex step of the same loss
 * (network_complex.h, (5.5)).  Both verdicts are the worst relative error
 * (5.7) over every coordinate of every point, with chapter 5's floor
 * GRADCHECK_FLOOR.  The chapter prints them (--example gradients) and
 * tests/11-tiny-network.c asserts them.
 */
#ifndef DESCENT_GRADIENT_CHECKS_H
#define DESCENT_GRADIENT_CHECKS_H

#include <stddef.h>
#include <stdint.h>

#include "04-batches/regression.h"
#include "11-tiny-network/network.h"

/* The random problems: GRADIENT_SAMPLES samples, GRADIENT_POINTS points
 * theta with every coordinate uniform on [-1, 1) (book's generator, seed
 * GRADIENT_SEED for the data, GRADIENT_SEED + 1 for the points). */
#define GRADIENT_SAMPLES 7
#define GRADIENT_POINTS 5
#define GRADIENT_SEED 5

/* One model and loss: the linear model when hidden is 0. */
struct gradient_case {
    const char *name;
    size_t inputs, hidden, outputs;
    enum activation activation;
    enum loss loss;
};

/* The chapter's models: linear with each loss, one hidden layer with each
 * activation and each loss. */
extern const struct gradient_case gradient_cases[];
extern const size_t gradient_case_count;

/* The worst relative errors (5.7) of network_gradient. */
struct gradient_errors {
    double central;         /* against (5.2), step (5.6) */
    double complex_step;    /* against (5.5), h = COMPLEX_STEP */
};

/* A network and its samples as chapter 5's objective (struct checked,
 * gradcheck.h, whose context points to one of these): the value is
 * network_loss over every sample, the gradient network_gradient. */
struct network_on_data {
    const struct network *net;
    const struct dataset *data;
};
double network_on_data_loss(const void *context, const double *theta);
void network_on_data_gradient(const void *context, double *grad, const double *theta);

/* data <- count samples of inputs features, each standard normal, with
 * targets fitting loss: standard normal (mse), 0 or 1 (bce), a class below
 * classes (cross-entropy); dataset_free it. */
void network_random_data(struct dataset *data, size_t count, size_t inputs, enum loss loss,
                         size_t classes, uint64_t seed);

/* Both errors of net's gradient at theta over every sample of data. */
struct gradient_errors gradient_errors_at(const struct network *net, const double *theta,
                                          const struct dataset *data);

/* The worst of both errors over the GRADIENT_POINTS random points of one
 * case, on its GRADIENT_SAMPLES random samples. */
struct gradient_errors gradient_case_errors(const struct gradient_case *c);

#endif
