/* network.h: the models of chapter 11, with backpropagation by hand.
 *
 * Three models, one parameter vector theta each, laid out as PyTorch's
 * model.parameters() lists them (weights row-major, out x in, as
 * nn.Linear stores them):
 *
 *   linear     z = W x + b                 theta = (W [K x D], b [K])
 *   one hidden layer (hidden H > 0):
 *              a = act(W1 x + b1),  z = W2 a + b2
 *                                          theta = (W1 [H x D], b1 [H],
 *                                                   W2 [K x H], b2 [K])
 *   act = tanh, relu or sigmoid, applied to each of the H entries.
 *
 * and three losses of the outputs z (the "logits"), each the mean over the
 * samples of a batch, as torch.nn's default reduction="mean":
 *
 *   mse            K = 1: (z - y)^2                         nn.MSELoss
 *   bce            K = 1, y in {0, 1}:
 *                  max(z, 0) - z y + log(1 + exp(-|z|))      nn.BCEWithLogitsLoss
 *   cross-entropy  K classes, y the class index c:
 *                  logsumexp(z) - z_c                        nn.CrossEntropyLoss
 *
 * Backpropagation (chapter 11's README, equations (11.6) to (11.11)), per
 * sample, shapes in brackets, then averaged over the batch:
 *   dz  = dloss/dz           [K]  mse: 2 (z - y); bce: sigmoid(z) - y;
 *                                 cross-entropy: softmax(z) - onehot(c)
 *   dW2 = dz a^T             [K x H]      db2 = dz   [K]
 *   da  = W2^T dz            [H]
 *   du  = da * act'(u)       [H]          (u = W1 x + b1, elementwise)
 *   dW1 = du x^T             [H x D]      db1 = du   [H]
 * For the linear model the first line and dW = dz x^T, db = dz suffice.
 * Summing the per-sample outer products is the matrix product of the
 * batch form (dW2 = dZ^T A over a batch of B rows) written one row at a
 * time; the result is the same up to the order of the additions.  The
 * code adds them sample after sample, in the batch's order, four samples
 * in each pass over a matrix (network.c's add_outer_products).
 *
 * The forward pass and the losses are written once, in forward_pass.h,
 * over a scalar type: network.c makes them in double, network_complex.c in
 * double complex for the complex step that checks backpropagation.
 *
 * It leaves out on purpose: more layers, regularisation in the loss (the
 * optimizers' weight_decay does it), float32, and any speed trick beyond
 * keeping the inner loops contiguous, summing eight rows of a layer side
 * by side (forward_pass.h's affine) and adding four samples' outer
 * products in one pass, two entries per step (network.c), none of which
 * changes a bit of any result.
 */
#ifndef DESCENT_NETWORK_H
#define DESCENT_NETWORK_H

#include <stddef.h>

#include "00-toolkit/rng.h"
#include "04-batches/regression.h"

enum activation { ACTIVATION_TANH, ACTIVATION_RELU, ACTIVATION_SIGMOID };
enum loss { LOSS_MSE, LOSS_BCE, LOSS_CROSS_ENTROPY };

struct network {
    size_t inputs;              /* D */
    size_t hidden;              /* H; 0: the linear model */
    size_t outputs;             /* K (1 for mse and bce) */
    enum activation activation;
    enum loss loss;
    double *scratch;            /* 4 (3 H + 2 K) doubles, owned: a, u, z, dz,
                                   du of four samples (network_gradient) */
};

/* Set up a model; stops with a usage error (exit 2) when outputs is not 1
 * for mse or bce, or below 2 for cross-entropy.  network_free releases
 * the scratch. */
void network_init(struct network *net, size_t inputs, size_t hidden, size_t outputs,
                  enum activation activation, enum loss loss);
void network_free(struct network *net);

/* Length of theta (see the layout above). */
size_t network_dim(const struct network *net);

/* theta <- PyTorch's default nn.Linear initialisation, layer by layer:
 * every weight and bias of a layer with fan_in inputs uniform on
 * [-1/sqrt(fan_in), 1/sqrt(fan_in)), as u = rng_uniform, bound (2u - 1).
 * (torch/nn/modules/linear.py: kaiming_uniform_(weight, a=sqrt(5)) has the
 * bound gain sqrt(3 / fan_in) with gain sqrt(2 / (1 + 5)), which is
 * 1/sqrt(fan_in); the bias is drawn with the same bound.)  The draws go in
 * theta's order: W1, b1, W2, b2. */
void network_init_parameters(const struct network *net, double *theta, struct rng *rng);

/* z[0..K) <- the outputs for one sample x[0..D), (11.1)-(11.3), at
 * theta[0..network_dim); hidden[0..H), when not NULL, receives the
 * activations a. */
void network_forward(const struct network *net, double *z, double *hidden,
                     const double *theta, const double *x);

/* The loss of one sample's outputs z[0..K) against target y (a value for
 * mse, 0 or 1 for bce, a class index for cross-entropy), (11.4), (11.5);
 * dz[0..K), when not NULL, receives dloss/dz, (11.6), (11.7).  The caller
 * guarantees a valid target (lab_model_setup and the chapter's data
 * checks refuse others): a class index >= K is not checked here. */
double loss_of_outputs(const struct network *net, double *dz, const double *z, double y);

/* The mean loss over the samples batch[0..size) of data (batch NULL: all
 * samples in order, size ignored), data->features == D. */
double network_loss(const struct network *net, const double *theta,
                    const struct dataset *data, const size_t *batch, size_t size);

/* grad[0..network_dim) <- the gradient of network_loss over the same
 * batch, by backpropagation (11.6)-(11.11); returns the loss.  size >= 1
 * when batch is not NULL (the caller's guarantee). */
double network_gradient(const struct network *net, double *grad, const double *theta,
                        const struct dataset *data, const size_t *batch, size_t size);

/* The class the model predicts for x: the largest output for
 * cross-entropy, z > 0 for bce (probability above 1/2); for mse, z. */
double network_predict(const struct network *net, const double *theta, const double *x);

/* The fraction of data's samples whose prediction equals the target. */
double network_accuracy(const struct network *net, const double *theta,
                        const struct dataset *data);

/* network_loss over all of data's samples, returned, and network_accuracy,
 * in *accuracy, from one forward pass per sample: the same two numbers,
 * to the last bit, as the two calls, for the work of one (train.c
 * measures the test set this way after every epoch). */
double network_loss_and_accuracy(const struct network *net, const double *theta,
                                 const struct dataset *data, double *accuracy);

/* An upper bound of every |z_i| the model gives at theta for inputs whose
 * entries are at most input_bound in magnitude: layer by layer, |out_r| <=
 * |b_r| + sum_c |W_rc| B, with B = input_bound for the first layer and,
 * for the second, 1 after tanh or sigmoid (their values lie in [-1, 1])
 * and the first layer's bound after relu.  Computed in double, it may
 * fall short of the exact bound by a relative 1e-13 or so.  Infinity when
 * a layer's bound reaches 1e300 (or theta or input_bound is not finite):
 * below that, no partial sum of the forward pass can overflow. */
double network_output_bound(const struct network *net, const double *theta, double input_bound);

/* log(sum_i exp(z_i)) over z[0..count), computed as m + log(sum exp(z_i - m))
 * with m the largest z_i, which neither overflows nor loses every term to
 * underflow. */
double log_sum_exp(const double *z, size_t count);

/* 1 / (1 + exp(-z)), written so that exp never overflows. */
double sigmoid(double z);

/* Names as the lab spells them: "tanh", "relu", "sigmoid"; "mse", "bce",
 * "cross-entropy".  An unknown name stops with a usage error naming flag,
 * in the words of every program (unknown_choice, args.h). */
enum activation activation_from_name(const char *flag, const char *name);
enum loss loss_from_name(const char *flag, const char *name);
const char *activation_name(enum activation activation);
const char *loss_name(enum loss loss);

#endif
