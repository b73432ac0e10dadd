/* tests/11-tiny-network-exercises.c: chapter 11's code exercises.
 *
 * Tolerances.  The softmax cross-entropy is compared with the chapter's
 * loss_of_outputs, the same operations perhaps in another order: 1e-14
 * absolute on values of order 1.  The hidden layer's backward pass is
 * judged by chapter 5's gradient check (pass below 1e-6, gradcheck.h).
 * The learning rate is compared with 2/L from the chapter's
 * logistic_curvature_bound: both come from 200 power-iteration products
 * of the same matrix, relative 1e-12.
 */
#include "harness.h"

#include <stdio.h>
#include "00-toolkit/rng.h"
#include "05-checking-gradients/gradcheck.h"
#include "11-tiny-network/curvature.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/exercises.h"
#include "11-tiny-network/network.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

START_TEST(softmax_cross_entropy_matches)
{
    const double z[3] = {0.5, -1.0, 2.0};
    double dz[3];
    GIVEN("softmax_cross_entropy(dz, z = (0.5, -1, 2), k = 3, c = 1)");
    double loss = softmax_cross_entropy(dz, z, 3, 1);
    RETURN_IF_PENDING();
    struct network net;
    double want[3];
    network_init(&net, 1, 0, 3, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    double expected = loss_of_outputs(&net, want, z, 1);
    EXPECT_ANSWER(loss, expected, 1e-14,
                  "the loss is (11.5), the cross-entropy of class c: which logit is subtracted?");
    /* one EXPECT_ANSWER per output, so a failure names the index */
    static const char gradient_hint[] =
        "the gradient is (11.7): onehot(c) is the vector with a one at index c and zeros "
        "elsewhere (derive (11.7) from (11.5) first); the dz sum to zero";
    EXPECT_ANSWER(dz[0], want[0], 1e-14, gradient_hint);
    EXPECT_ANSWER(dz[1], want[1], 1e-14, gradient_hint);
    EXPECT_ANSWER(dz[2], want[2], 1e-14, gradient_hint);
    const double big[2] = {1000, 1000};
    loss = softmax_cross_entropy(dz, big, 2, 0);
    GIVEN("softmax_cross_entropy(dz, z = (1000, 1000), k = 2, c = 0)");
    /* m + log(sum) - z_c, the order of the text's log-sum-exp, rounds 1000 + ln 2 to the
     * spacing of doubles near 1000 (2^-43, about 1.1e-13) before the 1000 is
     * taken back: allow twice that; (m - z_c) + log(sum) is exact to 1e-16. */
    EXPECT_ANSWER(loss, log(2.0), 2.3e-13, "exp(1000) overflows: see how the chapter keeps every exponential at most one");
    EXPECT_ANSWER(dz[0], -0.5, 1e-15, "exp(1000) overflows: see how the chapter keeps every exponential at most one");
    network_free(&net);
    /* 30 random cases, so that no list of answers passes: 2 to 6 logits
     * in [-5, 5] and a random class, against the chapter's own
     * loss_of_outputs (the same operations may come in another order:
     * 1e-13, a few hundred units in the last place of numbers below 12). */
    struct rng r;
    rng_seed(&r, 115);
    for (int n = 0; n < 30; n++) {
        size_t k = 2 + (size_t)rng_below(&r, 5), c = (size_t)rng_below(&r, k);
        double logits[6], mine[6], book[6];
        char list[200];
        size_t used = 0;
        for (size_t i = 0; i < k; i++) {
            logits[i] = 10.0 * rng_uniform(&r) - 5.0;
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%.17g", i ? ", " : "",
                                     logits[i]);
        }
        GIVEN("softmax_cross_entropy(dz, z = (%s), k = %zu, c = %zu), random (case %d of 30)",
              list, k, c, n + 1);
        loss = softmax_cross_entropy(mine, logits, k, c);
        network_init(&net, 1, 0, k, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
        EXPECT_ANSWER(loss, loss_of_outputs(&net, book, logits, (double)c), 1e-13,
                      "the loss is (11.5), the cross-entropy of class c: which logit is subtracted?");
        for (size_t i = 0; i < k; i++) {
            char name[32];
            snprintf(name, sizeof name, "dz[%zu]", i);
            exercise_expect(name, mine[i], book[i], 1e-13, gradient_hint);
        }
        network_free(&net);
    }
}
END_TEST

/* The network's gradient with the W1, b1 part recomputed by the learner's
 * hidden_backward, sample by sample, then averaged. */
struct hidden_case {
    struct network net;
    struct dataset data;
};

static double case_value(const void *context, const double *theta)
{
    const struct hidden_case *c = context;
    return network_loss(&c->net, theta, &c->data, NULL, 0);
}

static void case_gradient(const void *context, double *grad, const double *theta)
{
    const struct hidden_case *c = context;
    size_t d = c->net.inputs, h = c->net.hidden, k = c->net.outputs;
    double u[8], a[8], z[4], dz[4];
    network_gradient(&c->net, grad, theta, &c->data, NULL, 0);
    memset(grad, 0, (h * d + h) * sizeof(double));
    for (size_t i = 0; i < c->data.count; i++) {
        const double *x = c->data.x + i * d;
        for (size_t j = 0; j < h; j++) {
            u[j] = theta[h * d + j];
            for (size_t col = 0; col < d; col++)
                u[j] += theta[j * d + col] * x[col];
        }
        network_forward(&c->net, z, a, theta, x);
        loss_of_outputs(&c->net, dz, z, c->data.y[i]);
        hidden_backward(grad, grad + h * d, dz, theta + h * d + h, u, a, x, d, h, k,
                        c->net.activation);
    }
    for (size_t p = 0; p < h * d + h; p++)
        grad[p] /= (double)c->data.count;
}

START_TEST(hidden_backward_passes_the_check)
{
    static const enum activation acts[3] = {ACTIVATION_TANH, ACTIVATION_RELU,
                                            ACTIVATION_SIGMOID};
    static const char *const names[3] = {"tanh", "relu", "sigmoid"};
    for (int t = 0; t < 3; t++) {
        struct hidden_case c;
        struct rng rng;
        double center[64] = {0}, worst_x[64];
        network_init(&c.net, 3, 4, 3, acts[t], LOSS_CROSS_ENTROPY);
        dataset_init(&c.data, 6, 3);
        rng_seed(&rng, 8);
        for (size_t i = 0; i < 18; i++)
            c.data.x[i] = rng_normal(&rng);
        for (size_t i = 0; i < 6; i++)
            c.data.y[i] = (double)rng_below(&rng, 3);
        struct checked objective = {&c, network_dim(&c.net), case_value, case_gradient};
        GIVEN("hidden_backward in a 3-4-3 %s network, 6 samples, against chapter 5's "
              "gradient check at 5 random points", names[t]);
        struct gradcheck_result r = gradcheck_random(&objective, center, 1.0, 5, &rng, worst_x);
        RETURN_IF_PENDING();
        EXPECT_ANSWER(r.worst < GRADCHECK_PASS, 1, 0,
                      "the W1 and b1 gradients disagree with the central difference: "
                      "check how you index W2 (row by row, k rows of h) and the slope (11.10)");
        network_free(&c.net);
        dataset_free(&c.data);
    }
}
END_TEST

START_TEST(learning_rate_from_chapter_2)
{
    struct task_data data;
    task_load(&data, TASK_CANCER);
    GIVEN("logistic_learning_rate(the standardized breast-cancer training set)");
    double lr = logistic_learning_rate(&data.train);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(lr, 2 / logistic_curvature_bound(&data.train),
                  1e-12 * 2 / logistic_curvature_bound(&data.train),
                  "(11.12) bounds the curvature L; chapter 2's rule turns it into a rate");
    /* and tested: at 0.95 times it, full-batch descent never raises the loss */
    struct network net;
    double theta[31] = {0}, grad[31];
    task_network(&net, TASK_CANCER);
    double previous = network_loss(&net, theta, &data.train, NULL, 0);
    for (int k = 0; k < 100; k++) {
        network_gradient(&net, grad, theta, &data.train, NULL, 0);
        for (int p = 0; p < 31; p++)
            theta[p] -= 0.95 * lr * grad[p];
        double loss = network_loss(&net, theta, &data.train, NULL, 0);
        GIVEN("step %d of full-batch descent at 0.95 times your rate", k + 1);
        EXPECT_ANSWER(loss <= previous, 1, 0, "below 2/L the loss cannot rise");
        previous = loss;
    }
    network_free(&net);
    task_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("11-tiny-network exercises");
    ADD_EXERCISE(suite, "11.2 the softmax cross-entropy and its gradient",
                 softmax_cross_entropy_matches);
    ADD_EXERCISE(suite, "11.3 the hidden layer's backward pass", hidden_backward_passes_the_check);
    ADD_EXERCISE(suite, "11.4 a learning rate from chapter 2's rule",
                 learning_rate_from_chapter_2);
    return suite;
}
