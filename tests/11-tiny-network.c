/* tests/11-tiny-network.c: the claims of chapter 11.
 *
 * Tolerances.  The worked example by hand is exact in binary (halves,
 * quarters, eighths): its parameters, gradients and step are compared with
 * tolerance 0.  Its losses are ln 2 and ln(1 + e^(-17/4)), computed as
 * (m - z_c) + log(sum of e^(z_i - m)), whose sum is rounded near 1 or 2:
 * an absolute error of a few DBL_EPSILON (4 DBL_EPSILON allowed).  Backpropagation is compared with chapter 5's
 * central difference, whose own error is about 1e-10 relative: it passes
 * below GRADCHECK_PASS = 1e-6 (gradcheck.h).  The network module and
 * chapter 4's regression add the same terms in a different order:
 * relative 1e-14 covers 100 samples of rounding.
 */
#include "harness.h"
#include "00-toolkit/rng.h"
#include "04-batches/regression.h"
#include "05-checking-gradients/complex_functions.h"
#include "05-checking-gradients/gradcheck.h"
#include "06-momentum/sgd.h"
#include "08-adam/adam.h"
#include "11-tiny-network/by_hand.h"
#include "11-tiny-network/claims.h"
#include "11-tiny-network/curvature.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/gradient_checks.h"
#include "11-tiny-network/data.h"
#include "11-tiny-network/network.h"
#include "11-tiny-network/network_complex.h"
#include "11-tiny-network/seed_loop.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------- checked models */

/* The worst relative error of (5.7) over 20 random points. */
static double worst_backprop_error(size_t inputs, size_t hidden, size_t outputs,
                                   enum activation activation, enum loss loss)
{
    struct network net;
    struct dataset data;
    struct rng rng;
    network_init(&net, inputs, hidden, outputs, activation, loss);
    network_random_data(&data, 7, inputs, loss, outputs, 5);
    size_t dim = network_dim(&net);
    double center[200] = {0};
    struct network_on_data m = {&net, &data};
    struct checked objective = {&m, dim, network_on_data_loss, network_on_data_gradient};
    rng_seed(&rng, 11);
    struct gradcheck_result r = gradcheck_random(&objective, center, 1.0, 20, &rng, NULL);
    network_free(&net);
    dataset_free(&data);
    return r.worst;
}

/* Every model and loss the chapter uses, against chapter 5's check. */
START_TEST(every_backpropagation_checked)
{
    static const enum activation acts[3] = {ACTIVATION_TANH, ACTIVATION_RELU,
                                            ACTIVATION_SIGMOID};
    ck_assert_double_eq(GRADCHECK_PASS, 1e-6);
    ck_assert_double_lt(worst_backprop_error(4, 0, 1, ACTIVATION_TANH, LOSS_MSE), GRADCHECK_PASS);
    ck_assert_double_lt(worst_backprop_error(4, 0, 1, ACTIVATION_TANH, LOSS_BCE), GRADCHECK_PASS);
    ck_assert_double_lt(worst_backprop_error(4, 0, 3, ACTIVATION_TANH, LOSS_CROSS_ENTROPY),
                        GRADCHECK_PASS);
    for (int a = 0; a < 3; a++) {
        ck_assert_double_lt(worst_backprop_error(3, 5, 4, acts[a], LOSS_CROSS_ENTROPY),
                            GRADCHECK_PASS);
        ck_assert_double_lt(worst_backprop_error(3, 5, 1, acts[a], LOSS_BCE), GRADCHECK_PASS);
        ck_assert_double_lt(worst_backprop_error(3, 5, 1, acts[a], LOSS_MSE), GRADCHECK_PASS);
    }
    {   /* (11.10)'s slopes against central differences: tanh' = 1 - a^2,
         * sigmoid' = a(1 - a); at h = 1e-4 the difference's error h^2 f'''/6
         * is below 3e-9, hence 1e-8 */
        const double u = 0.3, h = 1e-4;
        const double a = tanh(u), s = sigmoid(u);
        ck_assert_double_eq_tol((tanh(u + h) - tanh(u - h)) / (2 * h), 1 - a * a, 1e-8);
        ck_assert_double_eq_tol((sigmoid(u + h) - sigmoid(u - h)) / (2 * h), s * (1 - s), 1e-8);
    }
}
END_TEST

/* The check can fail: a network whose W2 gradient is left out of the
 * hidden layer's backward pass (da computed with W2 = 0) is caught.
 * Here the same effect: the gradient of a tanh network checked against
 * the loss of a sigmoid one. */
static const struct network *mismatched_net;
static void wrong_gradient(const void *context, double *grad, const double *theta)
{
    const struct network_on_data *m = context;
    network_gradient(mismatched_net, grad, theta, m->data, NULL, 0);
}

/* Two 3-4-3 networks for cross-entropy that differ only in their
 * activation (tanh, sigmoid), five random samples, and theta [64] drawn
 * for the tanh one: a gradient of one is a wrong gradient of the other. */
static void mismatched_pair(struct network *tanh_net, struct network *sigmoid_net,
                            struct dataset *data, double *theta)
{
    struct rng rng;
    network_init(tanh_net, 3, 4, 3, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    network_init(sigmoid_net, 3, 4, 3, ACTIVATION_SIGMOID, LOSS_CROSS_ENTROPY);
    network_random_data(data, 5, 3, LOSS_CROSS_ENTROPY, 3, 9);
    rng_seed(&rng, 3);
    network_init_parameters(tanh_net, theta, &rng);
}

START_TEST(a_wrong_backward_pass_is_caught)
{
    struct network tanh_net, sigmoid_net;
    struct dataset data;
    double theta[64], grad[64], numeric[64];
    mismatched_pair(&tanh_net, &sigmoid_net, &data, theta);
    mismatched_net = &sigmoid_net;
    struct network_on_data m = {&tanh_net, &data};
    struct checked objective = {&m, network_dim(&tanh_net), network_on_data_loss, wrong_gradient};
    struct gradcheck_result r = gradcheck(&objective, theta, grad, numeric, GRADCHECK_FLOOR);
    ck_assert_double_eq(GRADCHECK_WRONG, 1e-2);
    ck_assert_double_gt(r.worst, GRADCHECK_WRONG);
    network_free(&tanh_net);
    network_free(&sigmoid_net);
    dataset_free(&data);
}
END_TEST

/* The linear model with MSELoss is chapter 4's regression, theta laid out
 * the same way (w, then b). */
START_TEST(linear_mse_is_chapter_4_regression)
{
    struct network net;
    struct dataset data;
    struct rng rng;
    double theta[SEED_DIM], ours[SEED_DIM], theirs[SEED_DIM];
    seed_data(&data, SEED_DATA_SEED);
    network_init(&net, SEED_FEATURES, 0, 1, ACTIVATION_TANH, LOSS_MSE);
    rng_seed(&rng, 4);
    network_init_parameters(&net, theta, &rng);
    struct regression model = {&data, true};
    double loss = network_gradient(&net, ours, theta, &data, NULL, 0);
    mse_grad(&model, theirs, theta, NULL, 0);
    ck_assert_double_eq_tol(loss, mse_loss(&model, theta, NULL, 0), 1e-14 * loss);
    for (int p = 0; p < SEED_DIM; p++)
        ck_assert_double_eq_tol(ours[p], theirs[p], 1e-14 * fabs(theirs[p]) + 1e-16);
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* The seed's loop, written line by line, takes the same first loss and
 * the same first step as network_gradient and the optimizer would. */
START_TEST(seed_loop_is_the_module)
{
    struct network net;
    struct dataset data;
    struct seed_run run;
    double grad[SEED_DIM], theta[SEED_DIM];
    seed_data(&data, SEED_DATA_SEED);
    seed_loop(&run, &data, SEED_INIT_SEED);
    network_init(&net, SEED_FEATURES, 0, 1, ACTIVATION_TANH, LOSS_MSE);
    double loss = network_gradient(&net, grad, run.theta0, &data, NULL, 0);
    ck_assert_double_eq_tol(run.loss[0], loss, 1e-14 * loss);
    /* 100 full-batch steps of lr 0.01 from theta0, with the module */
    memcpy(theta, run.theta0, sizeof theta);
    for (int e = 0; e < SEED_EPOCHS; e++) {
        network_gradient(&net, grad, theta, &data, NULL, 0);
        for (int p = 0; p < SEED_DIM; p++)
            theta[p] -= SEED_LR * grad[p];
    }
    for (int p = 0; p < SEED_DIM; p++)
        ck_assert_double_eq_tol(theta[p], run.theta[p], 1e-12);
    /* the loss falls at every epoch: lr 0.01 is far below 2/L here */
    for (int e = 1; e < SEED_EPOCHS; e++)
        ck_assert_double_lt(run.loss[e], run.loss[e - 1]);
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* The forward pass sums eight, then four rows of a layer side by side
 * (forward_pass.h's affine), each in its own order: its outputs are the
 * very bits of the plain loop below, one row at a time, for layers of 13
 * and 6 rows (a block of eight, one of four and one row left over; a
 * block of four and two left over) and for the linear model's 3 rows (no
 * block at all).  Compared with tolerance 0. */
static void affine_one_row_at_a_time(double *out, const double *weight, const double *bias,
                                     const double *in, size_t rows, size_t cols)
{
    for (size_t r = 0; r < rows; r++) {
        double sum = 0.0;
        for (size_t c = 0; c < cols; c++)
            sum += weight[r * cols + c] * in[c];
        out[r] = sum + bias[r];
    }
}

START_TEST(rows_side_by_side_change_no_bit)
{
    enum { D = 7, H = 13, K = 6, DIM = H * D + H + K * H + K };
    struct network net, line;
    struct rng rng;
    double theta[DIM], x[D], z[K], a[H], u[H], az[H], zz[K];
    network_init(&net, D, H, K, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    network_init(&line, D, 0, 3, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    rng_seed(&rng, 5);
    for (int trial = 0; trial < 20; trial++) {
        network_init_parameters(&net, theta, &rng);
        for (int c = 0; c < D; c++)
            x[c] = rng_normal(&rng);
        network_forward(&net, z, a, theta, x);
        affine_one_row_at_a_time(u, theta, theta + H * D, x, H, D);
        for (int j = 0; j < H; j++)
            az[j] = tanh(u[j]);
        affine_one_row_at_a_time(zz, theta + H * D + H, theta + H * D + H + K * H, az, K, H);
        ck_assert_mem_eq(a, az, sizeof a);
        ck_assert_mem_eq(z, zz, sizeof z);
        network_forward(&line, z, NULL, theta, x);
        affine_one_row_at_a_time(zz, theta, theta + 3 * D, x, 3, D);
        ck_assert_mem_eq(z, zz, 3 * sizeof(double));
    }
    network_free(&net);
    network_free(&line);
}
END_TEST

/* The cross-entropy's gradient reuses the loss's shifted exponentials
 * (network.c's loss_of_outputs keeps them in dz): the loss and dz are the
 * very bits of (11.5) and (11.7) written out plainly, m the largest z_i,
 * the terms e^(z_i - m) summed in order.  Random outputs of 10 classes,
 * every class the target in turn, and the loss without dz; tolerance 0. */
START_TEST(softmax_reuses_the_loss_exponentials)
{
    enum { K = 10 };
    struct network net;
    struct rng rng;
    double z[K], dz[K], plain[K];
    network_init(&net, 3, 0, K, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    rng_seed(&rng, 21);
    for (int trial = 0; trial < 50; trial++) {
        for (int i = 0; i < K; i++)
            z[i] = 4 * rng_normal(&rng);
        double m = z[0], sum = 0.0;
        for (int i = 1; i < K; i++)
            if (z[i] > m)
                m = z[i];
        for (int i = 0; i < K; i++)
            sum += exp(z[i] - m);
        int c = trial % K;
        double loss = loss_of_outputs(&net, dz, z, c), expected = (m - z[c]) + log(sum);
        double alone = loss_of_outputs(&net, NULL, z, c);
        for (int i = 0; i < K; i++)
            plain[i] = exp(z[i] - m) / sum - (i == c ? 1.0 : 0.0);
        ck_assert_mem_eq(&loss, &expected, sizeof loss);
        ck_assert_mem_eq(&alone, &expected, sizeof loss);
        ck_assert_mem_eq(dz, plain, sizeof dz);
    }
    network_free(&net);
}
END_TEST

/* Backpropagation one sample at a time, as network.h's equations read:
 * network_gradient adds four samples in each pass over a matrix
 * (add_outer_products), and must give these very bits. */
static double one_sample_at_a_time(const struct network *net, double *grad, const double *theta,
                                   const struct dataset *data, const size_t *batch, size_t count)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs, width = h == 0 ? d : h;
    double a[8], z[8], dz[8], sum = 0.0;
    memset(grad, 0, network_dim(net) * sizeof(double));
    double *gw1 = grad, *gb1 = gw1 + h * d, *gw2 = gb1 + h, *gb2 = gw2 + k * width;
    const double *w2 = theta + h * d + h;
    for (size_t s = 0; s < count; s++) {
        size_t i = batch ? batch[s] : s;
        const double *x = data->x + i * d, *in = h == 0 ? x : a;
        network_forward(net, z, a, theta, x);
        sum += loss_of_outputs(net, dz, z, data->y[i]);
        for (size_t r = 0; r < k; r++) {
            for (size_t c = 0; c < width; c++)
                gw2[r * width + c] += dz[r] * in[c];
            gb2[r] += dz[r];
        }
        for (size_t j = 0; j < h; j++) {
            double da = 0.0;
            for (size_t r = 0; r < k; r++)
                da += w2[r * h + j] * dz[r];
            double slope = net->activation == ACTIVATION_TANH ? 1.0 - a[j] * a[j]
                         : net->activation == ACTIVATION_RELU ? (a[j] > 0.0 ? 1.0 : 0.0)
                         : a[j] * (1.0 - a[j]);          /* relu: a > 0 exactly when u > 0 */
            double du = da * slope;
            for (size_t c = 0; c < d; c++)
                gw1[j * d + c] += du * x[c];
            gb1[j] += du;
        }
    }
    for (size_t p = 0; p < network_dim(net); p++)
        grad[p] *= 1.0 / (double)count;
    return sum / (double)count;
}

/* Four samples per pass change no bit: network_gradient against
 * one_sample_at_a_time (tolerance 0) for the linear model and the hidden
 * layer with each activation and each loss, on batches of 1 to 9 samples
 * (a pass of four and every remainder) and on all 11. */
START_TEST(outer_products_four_at_a_time)
{
    static const enum activation acts[3] = {ACTIVATION_TANH, ACTIVATION_RELU,
                                            ACTIVATION_SIGMOID};
    static const enum loss losses[3] = {LOSS_MSE, LOSS_BCE, LOSS_CROSS_ENTROPY};
    static const size_t outputs[3] = {1, 1, 3};
    static const size_t batch[9] = {4, 0, 7, 7, 2, 9, 1, 10, 5};
    struct rng rng;
    rng_seed(&rng, 14);
    for (int l = 0; l < 3; l++)
        for (int a = 0; a < 3; a++)
            for (size_t hidden = 0; hidden <= 5; hidden += 5) {
                struct network net;
                struct dataset data;
                double theta[64], ours[64], theirs[64];
                network_init(&net, 4, hidden, outputs[l], acts[a], losses[l]);
                network_random_data(&data, 11, 4, losses[l], outputs[l], 15);
                network_init_parameters(&net, theta, &rng);
                size_t dim = network_dim(&net);
                for (size_t size = 0; size <= 9; size++) {
                    const size_t *which = size == 0 ? NULL : batch;
                    double mine = network_gradient(&net, ours, theta, &data, which, size);
                    double plain = one_sample_at_a_time(&net, theirs, theta, &data, which,
                                                        size == 0 ? 11 : size);
                    ck_assert_mem_eq(&mine, &plain, sizeof mine);
                    ck_assert_mem_eq(ours, theirs, dim * sizeof(double));
                }
                network_free(&net);
                dataset_free(&data);
            }
}
END_TEST

/* network_loss_and_accuracy, which train.c measures the test set with,
 * gives the two numbers of network_loss and network_accuracy to the last
 * bit (tolerance 0), for each loss. */
START_TEST(loss_and_accuracy_in_one_pass)
{
    static const enum loss losses[3] = {LOSS_MSE, LOSS_BCE, LOSS_CROSS_ENTROPY};
    static const size_t outputs[3] = {1, 1, 4};
    for (int l = 0; l < 3; l++) {
        struct network net;
        struct dataset data;
        struct rng rng;
        double theta[200], accuracy;
        network_init(&net, 3, 5, outputs[l], ACTIVATION_TANH, losses[l]);
        network_random_data(&data, 40, 3, losses[l], outputs[l], 13);
        rng_seed(&rng, 6);
        network_init_parameters(&net, theta, &rng);
        double loss = network_loss_and_accuracy(&net, theta, &data, &accuracy);
        ck_assert_mem_eq(&loss, &(double){network_loss(&net, theta, &data, NULL, 0)},
                         sizeof loss);
        ck_assert_mem_eq(&accuracy, &(double){network_accuracy(&net, theta, &data)},
                         sizeof accuracy);
        network_free(&net);
        dataset_free(&data);
    }
}
END_TEST

/* PyTorch's default init: every weight and bias of a layer of fan_in
 * inputs within 1/sqrt(fan_in), the first one the first draw. */
START_TEST(default_init_bounds)
{
    struct network net;
    struct rng rng, again;
    double theta[64 * 32 + 32 + 10 * 32 + 10];
    network_init(&net, 64, 32, 10, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    rng_seed(&rng, 7);
    network_init_parameters(&net, theta, &rng);
    for (size_t p = 0; p < 64 * 32 + 32; p++) {
        ck_assert_double_le(fabs(theta[p]), 1.0 / 8);         /* 1/sqrt(64) */
        ck_assert(-1 / sqrt(64.0) <= theta[p] && theta[p] <= 1 / sqrt(64.0));
    }
    for (size_t p = 64 * 32 + 32; p < network_dim(&net); p++)
        ck_assert_double_le(fabs(theta[p]), 1.0 / sqrt(32));
    rng_seed(&again, 7);
    ck_assert_double_eq(theta[0], (2.0 * rng_uniform(&again) - 1.0) / 8);
    ck_assert_uint_eq(network_dim(&net), 2410);     /* 32 64 + 32 + 10 32 + 10 */
    ck_assert_uint_eq(network_dim(&net), 32 * 64 + 32 + 10 * 32 + 10);
    network_free(&net);
}
END_TEST

/* log-sum-exp and BCE with logits never overflow: z = 1000 would make
 * exp(z) infinite. */
/* Is every label of data one of a and b, and each of them used? */
static int labels_are(const struct dataset *data, double a, double b)
{
    size_t as = 0, bs = 0;
    for (size_t i = 0; i < data->count; i++) {
        as += data->y[i] == a;
        bs += data->y[i] == b;
    }
    return as > 0 && bs > 0 && as + bs == data->count;
}

START_TEST(safe_log_sum_exp)
{
    double big[2] = {1000, 1000}, small[2] = {-1000, -1000}, z;
    struct network bce;
    ck_assert_double_eq_tol(log_sum_exp(big, 2), 1000 + log(2.0), 1e-12);
    ck_assert_double_eq_tol(log_sum_exp(small, 2), -1000 + log(2.0), 1e-12);
    network_init(&bce, 1, 0, 1, ACTIVATION_TANH, LOSS_BCE);
    z = 1000;
    ck_assert_double_eq_tol(loss_of_outputs(&bce, NULL, &z, 0.0), 1000, 1e-12);
    ck_assert_double_eq(loss_of_outputs(&bce, NULL, &z, 1.0), 0.0);
    z = -1000;
    ck_assert_double_eq_tol(loss_of_outputs(&bce, NULL, &z, 1.0), 1000, 1e-12);
    ck_assert_double_eq(sigmoid(-1000), 0.0);
    /* exp overflows just past 709 */
    ck_assert(isfinite(exp(709.0)));
    ck_assert(isinf(exp(710.0)));
    /* BCE as written in (11.4), y in {0, 1}, against -y log s - (1 - y) log(1 - s) */
    for (int y = 0; y <= 1; y++) {
        z = 0.75;
        double s = 1 / (1 + exp(-z)), dz;
        ck_assert_double_eq_tol(loss_of_outputs(&bce, &dz, &z, y),
                                -y * log(s) - (1 - y) * log(1 - s), 1e-15);
        ck_assert_double_eq_tol(loss_of_outputs(&bce, NULL, &z, y),
                                fmax(z, 0) - z * y + log(1 + exp(-fabs(z))), 1e-15);
        ck_assert_double_eq_tol(dz, s - y, 1e-15);
        ck_assert_double_eq_tol(sigmoid(z), 1 / (1 + exp(-z)), 1e-15);
    }
    {   /* the labels BCE is given, y in {0, 1}: the chapter's two moons' */
        struct dataset moons;
        two_moons(&moons, 200, 0.1, 1);
        ck_assert(labels_are(&moons, 0, 1));
        dataset_free(&moons);
    }
    /* the MSE's dz = 2 (z - y) */
    struct network mse;
    double dz;
    network_init(&mse, 1, 0, 1, ACTIVATION_TANH, LOSS_MSE);
    z = 0.75;
    loss_of_outputs(&mse, &dz, &z, 0.25);
    ck_assert_double_eq(dz, 2 * (0.75 - 0.25));
    network_free(&mse);
    network_free(&bce);
}
END_TEST

/* --------------------------------------------------- the complex step */

/* Backpropagation against the complex step (network_complex.h), which
 * evaluates the loss by the very forward pass training runs
 * (forward_pass.h in double complex).  The step h = 1e-20 leaves a
 * truncation error h^2 f'''/6 of about 1e-40 relative, and nothing is
 * subtracted, so the complex step is the derivative to the rounding of
 * the forward pass.  Backpropagation rounds too: both add up the same
 * per-sample terms, of a few units at most here, each with relative
 * errors of a few DBL_EPSILON = 2.2e-16, so they differ by about 1e-15
 * absolute.  Through (5.7) with chapter 5's floor 1e-2, a coordinate
 * smaller than 1e-2 turns that into about 1e-13 at worst: COMPLEX_AGREE
 * = 1e-13 is the bound (the chapter's table shows 1e-14 at worst).  A
 * wrong formula is off by a relative error of order 1, and even a wrong
 * term of one sample of seven is off by far more than 1e-13.  The
 * central difference's own error, 1e-10 relative, is where chapter 5's
 * GRADCHECK_PASS = 1e-6 comes from: the complex step checks seven digits
 * further. */
#define COMPLEX_AGREE 1e-13

START_TEST(backpropagation_against_complex_step)
{
    ck_assert_double_eq(COMPLEX_STEP, 1e-20);
    ck_assert_double_eq(COMPLEX_AGREE, 1e-13);
    ck_assert_double_eq(GRADCHECK_PASS, 1e-6);
    ck_assert_uint_eq(gradient_case_count, 12);       /* 3 linear, 3 activations x 3 losses */
    for (size_t k = 0; k < gradient_case_count; k++) {
        struct gradient_errors e = gradient_case_errors(&gradient_cases[k]);
        ck_assert_msg(e.complex_step < COMPLEX_AGREE, "%s %s: complex step %g",
                      gradient_cases[k].name, loss_name(gradient_cases[k].loss),
                      e.complex_step);
        /* the text: the central errors sit at least a hundredfold below the mark */
        ck_assert_double_lt(e.central, GRADCHECK_PASS / 100);
    }
}
END_TEST

/* The worked example by hand: the complex step gives the exact fractions
 * of the text (its only rounding is that of e^0 / (1 + 1) and of the log
 * of a sum near 2: a few DBL_EPSILON absolute, 4 allowed). */
START_TEST(complex_step_by_hand)
{
    struct network net;
    struct dataset data;
    double theta[BY_HAND_DIM], step[BY_HAND_DIM];
    by_hand_example(&net, theta, &data, 0);
    network_complex_step(&net, step, theta, &data, NULL, 0);
    /* dW1 = [0 0; 1/2 1], db1 = (0, 1/2), dW2 = [0 -3/2; 0 3/2], db2 = (-1/2, 1/2) */
    static const double expected[BY_HAND_DIM] = {0, 0, 1.0 / 2, 1, 0, 1.0 / 2,
                                                 0, -3.0 / 2, 0, 3.0 / 2, -1.0 / 2, 1.0 / 2};
    for (int p = 0; p < BY_HAND_DIM; p++)
        ck_assert_double_eq_tol(step[p], expected[p], 4 * DBL_EPSILON);
    struct gradient_errors e = gradient_errors_at(&net, theta, &data);
    ck_assert_double_lt(e.complex_step, COMPLEX_AGREE);
    ck_assert_double_lt(e.central, GRADCHECK_PASS / 100);     /* as the table's other rows */
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* The complex version is the loss: on the real axis its real part is
 * network_loss's value (the complex exp, tanh and log round the real part
 * as the real ones do, to a few ulps: 1e-15 relative allowed) and its
 * imaginary part is 0. */
START_TEST(complex_loss_is_the_loss)
{
    for (size_t k = 0; k < gradient_case_count; k++) {
        const struct gradient_case *c = &gradient_cases[k];
        struct network net;
        struct dataset data;
        struct rng rng;
        double theta[64];
        double complex z[64];
        network_init(&net, c->inputs, c->hidden, c->outputs, c->activation, c->loss);
        network_random_data(&data, GRADIENT_SAMPLES, c->inputs, c->loss, c->outputs, 3);
        rng_seed(&rng, 4);
        for (size_t p = 0; p < network_dim(&net); p++)
            z[p] = theta[p] = 2.0 * rng_uniform(&rng) - 1.0;
        double loss = network_loss(&net, theta, &data, NULL, 0);
        double complex value = network_loss_complex(&net, z, &data, NULL, 0);
        ck_assert_double_eq_tol(creal(value), loss, 1e-15 * loss);
        ck_assert_double_eq(cimag(value), 0);
        network_free(&net);
        dataset_free(&data);
    }
}
END_TEST

/* The complex step can fail: the gradient of a sigmoid network against
 * the complex step of the tanh network with the same parameters is off by
 * more than chapter 5's GRADCHECK_WRONG. */
START_TEST(complex_step_catches_a_wrong_gradient)
{
    struct network tanh_net, sigmoid_net;
    struct dataset data;
    double theta[64], grad[64], step[64], worst = 0.0;
    mismatched_pair(&tanh_net, &sigmoid_net, &data, theta);
    network_gradient(&sigmoid_net, grad, theta, &data, NULL, 0);
    network_complex_step(&tanh_net, step, theta, &data, NULL, 0);
    for (size_t p = 0; p < network_dim(&tanh_net); p++)
        worst = fmax(worst, relative_error(grad[p], step[p], GRADCHECK_FLOOR));
    ck_assert_double_eq(GRADCHECK_WRONG, 1e-2);
    ck_assert_double_gt(worst, GRADCHECK_WRONG);
    network_free(&tanh_net);
    network_free(&sigmoid_net);
    dataset_free(&data);
}
END_TEST

/* Where the two checks differ: one coordinate of the gradient off by one
 * part in 1e7 (a slip far below any formula's mistake, the size of a
 * wrong rounding of a constant, say) passes chapter 5's central check,
 * whose threshold GRADCHECK_PASS = 1e-6 sits above the difference's own
 * error, and fails the complex step's COMPLEX_AGREE = 1e-13. */
static const struct network *slipped_net;
static void slipped_gradient(const void *context, double *grad, const double *theta)
{
    const struct dataset *data = context;
    network_gradient(slipped_net, grad, theta, data, NULL, 0);
    grad[0] *= 1 + 1e-7;
}

static double slipped_value(const void *context, const double *theta)
{
    return network_loss(slipped_net, theta, context, NULL, 0);
}

START_TEST(complex_step_sees_further)
{
    struct network net;
    struct dataset data;
    double theta[64], grad[64], numeric[64], step[64];
    struct rng rng;
    network_init(&net, 3, 5, 4, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
    network_random_data(&data, GRADIENT_SAMPLES, 3, LOSS_CROSS_ENTROPY, 4, 9);
    rng_seed(&rng, 3);
    network_init_parameters(&net, theta, &rng);
    slipped_net = &net;
    struct checked objective = {&data, network_dim(&net), slipped_value, slipped_gradient};
    double central = gradcheck(&objective, theta, grad, numeric, GRADCHECK_FLOOR).worst;
    network_complex_step(&net, step, theta, &data, NULL, 0);
    double complex_step = relative_error(grad[0], step[0], GRADCHECK_FLOOR);
    ck_assert_double_lt(central, GRADCHECK_PASS);
    ck_assert_double_eq(COMPLEX_AGREE, 1e-13);
    ck_assert_double_gt(complex_step, COMPLEX_AGREE);
    /* the slip, as the complex step measures it (to its 1e-13) */
    ck_assert_double_eq_tol(grad[0] / step[0] - 1, 1e-7, 1e-12);
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* ------------------------------------------------------------- by hand */

/* A pair and a 2x2 matrix (row-major) as the text writes them: (a, b) and [a b; c d]. */
static int is_two(const double *v, double a, double b)
{
    return v[0] == a && v[1] == b;
}

static int is_four(const double *v, double a, double b, double c, double d)
{
    return v[0] == a && v[1] == b && v[2] == c && v[3] == d;
}

static int close_to(double a, double b, double tolerance)
{
    return fabs(a - b) <= tolerance;
}

static void expect_exact(const double *got, const double *expected, size_t count)
{
    for (size_t i = 0; i < count; i++)
        ck_assert_double_eq(got[i], expected[i]);
}

START_TEST(by_hand_forward_and_backward)
{
    struct network net;
    struct dataset data;
    double theta[BY_HAND_DIM], grad[BY_HAND_DIM], z[2], a[2], dz[2];
    by_hand_example(&net, theta, &data, 0);
    network_forward(&net, z, a, theta, data.x);
    ck_assert_double_eq(a[0], 0);
    ck_assert_double_eq(a[1], 3);
    ck_assert_double_eq(z[0], 6);
    ck_assert_double_eq(z[1], 6);
    double loss = loss_of_outputs(&net, dz, z, 0);
    ck_assert_double_eq_tol(loss, log(2.0), 4 * DBL_EPSILON);
    ck_assert_double_eq(dz[0], -1.0 / 2);
    ck_assert_double_eq(dz[1], 1.0 / 2);
    {
        /* the chain by hand, from the parameters (row-major in theta: W1 =
         * [1 -1; 1 1], b1 = (0, 0), W2 = [1 1; -1 2], b2 = (3, 0)) and the
         * input x = (1, 2): u = (1 - 2, 1 + 2); dz = softmax - onehot(0) =
         * (1/2 - 1, 1/2); da = W2^T dz = (-1/2 - 1/2, -1/2 + 1) = (-1, 1/2);
         * du = (0, 1/2), the ReLU passing only the second unit */
        const double *w1 = theta, *b1 = theta + 4, *w2 = theta + 6;
        const double u[2] = {w1[0] * data.x[0] + w1[1] * data.x[1] + b1[0],
                             w1[2] * data.x[0] + w1[3] * data.x[1] + b1[1]};
        double da[2], du[2];
        ck_assert_double_eq(u[0], 1 * 1 - 1 * 2);      /* W1 x */
        ck_assert_double_eq(u[1], 1 * 1 + 1 * 2);
        ck_assert(is_two(u, 1 - 2, 1 + 2) && is_two(u, -1, 3));
        ck_assert(is_two(a, 0, 3));
        ck_assert(is_two(z, 0 + 3 + 3, 0 + 6 + 0) && is_two(z, 6, 6));
        ck_assert(is_two(dz, 1.0 / 2 - 1, 1.0 / 2) && is_two(dz, -1.0 / 2, 1.0 / 2));
        ck_assert_double_eq(dz[0], 1.0 / 2 - 1);
        ck_assert_double_eq(dz[1], 1.0 / 2);
        {   /* the softmax, dz + onehot(0) */
            const double softmax[2] = {dz[0] + 1, dz[1]};
            ck_assert(is_two(softmax, 1.0 / 2, 1.0 / 2));
        }
        da[0] = w2[0] * dz[0] + w2[2] * dz[1];
        da[1] = w2[1] * dz[0] + w2[3] * dz[1];
        ck_assert_double_eq(da[0], -1.0 / 2 - 1.0 / 2);
        ck_assert_double_eq(da[0], -1);
        ck_assert_double_eq(da[1], -1.0 / 2 + 1);
        ck_assert_double_eq(da[1], 1.0 / 2);
        ck_assert(is_two(da, -1.0 / 2 - 1.0 / 2, -1.0 / 2 + 1) && is_two(da, -1, 1.0 / 2));
        du[0] = u[0] > 0 ? da[0] : 0;
        du[1] = u[1] > 0 ? da[1] : 0;
        ck_assert_double_eq(du[0], 0);
        ck_assert_double_eq(du[1], 1.0 / 2);
        ck_assert(is_two(du, 0, 1.0 / 2));
    }
    network_gradient(&net, grad, theta, &data, NULL, 0);
    /* dW1 = [0 0; 1/2 1], db1 = (0, 1/2), dW2 = [0 -3/2; 0 3/2], db2 = (-1/2, 1/2) */
    static const double expected[BY_HAND_DIM] = {0, 0, 1.0 / 2, 1, 0, 1.0 / 2,
                                                 0, -3.0 / 2, 0, 3.0 / 2, -1.0 / 2, 1.0 / 2};
    expect_exact(grad, expected, BY_HAND_DIM);
    ck_assert(is_four(grad + 6, 0, -3.0 / 2, 0, 3.0 / 2));       /* dW2 = dz a' */
    ck_assert(is_two(grad + 10, -1.0 / 2, 1.0 / 2));
    ck_assert(is_four(grad, 0, 0, 1.0 / 2, 1) && is_two(grad + 4, 0, 1.0 / 2));   /* dW1, db1 */
    {   /* the MSE's dz = 2 (z - y) */
        struct network mse;
        double zm = 0.75, dzm;
        network_init(&mse, 1, 0, 1, ACTIVATION_TANH, LOSS_MSE);
        loss_of_outputs(&mse, &dzm, &zm, 0.25);
        ck_assert_double_eq(dzm, 2 * (zm - 0.25));
        network_free(&mse);
    }
    network_free(&net);
    dataset_free(&data);
}
END_TEST

START_TEST(by_hand_one_step)
{
    struct network net;
    struct dataset data;
    double theta[BY_HAND_DIM], grad[BY_HAND_DIM], z[2], a[2];
    by_hand_example(&net, theta, &data, 0);
    network_forward(&net, z, a, theta, data.x);
    const double loss_before = loss_of_outputs(&net, NULL, z, 0);
    network_gradient(&net, grad, theta, &data, NULL, 0);
    ck_assert_double_eq(BY_HAND_LR, 1.0 / 2);
    for (int p = 0; p < BY_HAND_DIM; p++)
        theta[p] -= BY_HAND_LR * grad[p];
    /* W1 = [1 -1; 3/4 1/2], b1 = (0, -1/4), W2 = [1 7/4; -1 5/4], b2 = (13/4, -1/4) */
    static const double expected[BY_HAND_DIM] = {1, -1, 3.0 / 4, 1.0 / 2, 0, -1.0 / 4,
                                                 1, 7.0 / 4, -1, 5.0 / 4, 13.0 / 4, -1.0 / 4};
    expect_exact(theta, expected, BY_HAND_DIM);
    ck_assert(is_four(theta, 1, -1, 3.0 / 4, 1.0 / 2));
    ck_assert(is_two(theta + 4, 0, -1.0 / 4));
    ck_assert(is_four(theta + 6, 1, 7.0 / 4, -1, 5.0 / 4));
    ck_assert(is_two(theta + 10, 13.0 / 4, -1.0 / 4));
    network_forward(&net, z, a, theta, data.x);
    ck_assert_double_eq(a[1], 3.0 / 2);
    ck_assert_double_eq(z[0], 47.0 / 8);
    ck_assert_double_eq(z[1], 13.0 / 8);
    double loss = loss_of_outputs(&net, NULL, z, 0);
    /* log(1 + e^-4.25) through the sum 1 + e^-4.25, rounded near 1:
     * an absolute error of a few DBL_EPSILON, not a relative one */
    ck_assert_double_eq_tol(loss, log1p(exp(-17.0 / 4)), 4 * DBL_EPSILON);
    ck_assert_double_eq_tol(loss, log(1 + exp(-17.0 / 4)), 4 * DBL_EPSILON);   /* as written */
    ck_assert(is_two(a, 0, 3.0 / 2) && is_two(z, 47.0 / 8, 13.0 / 8));
    ck_assert(close_to(loss, log(1 + exp(-17.0 / 4)), 4 * DBL_EPSILON) && close_to(loss, 0.0142, 0.00005));
    ck_assert_str_eq(fixed(4, loss), "0.0142");
    ck_assert_str_eq(fixed(4, log(2.0)), "0.6931");
    /* "nearly fifty times smaller": the loss before the step over after, 48.8 */
    ck_assert_double_lt(loss_before / loss, 50);
    ck_assert_double_gt(loss_before / loss, 45);
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* Exercise 11.1: the same network and sample, class 1.  Every dz flips
 * sign, so every gradient does: dW1 = [0 0; -1/2 -1], db1 = (0, -1/2),
 * dW2 = [0 3/2; 0 -3/2], db2 = (1/2, -1/2); after the step of lr 1/2,
 * a = (0, 9/2), z = (31/8, 101/8), loss ln(1 + e^(-35/4)). */
START_TEST(by_hand_class_1)
{
    struct network net;
    struct dataset data;
    double theta[BY_HAND_DIM], grad[BY_HAND_DIM], z[2], a[2];
    by_hand_example(&net, theta, &data, 1);
    ck_assert_double_eq(BY_HAND_LR, 1.0 / 2);
    network_forward(&net, z, a, theta, data.x);     /* the class is not seen */
    ck_assert_double_eq(a[0], 0);
    ck_assert_double_eq(a[1], 3);
    ck_assert_double_eq(z[0], 6);
    ck_assert_double_eq(z[1], 6);
    {
        /* the same loss ln 2; dz = softmax - onehot(1) = (1/2, 1/2 - 1), the
         * class-0 dz with its sign flipped; then da = W2^T dz = (1, -1/2)
         * and du = (0, -1/2) */
        const double *w2 = theta + 6;
        double dz[2], da[2], du[2];
        ck_assert_double_eq_tol(loss_of_outputs(&net, dz, z, 1), log(2.0), 4 * DBL_EPSILON);
        ck_assert_double_eq(dz[0], 1.0 / 2);
        ck_assert_double_eq(dz[1], 1.0 / 2 - 1);
        da[0] = w2[0] * dz[0] + w2[2] * dz[1];
        da[1] = w2[1] * dz[0] + w2[3] * dz[1];
        ck_assert_double_eq(da[0], 1);
        ck_assert_double_eq(da[1], -1.0 / 2);
        du[0] = a[0] > 0 ? da[0] : 0;
        du[1] = a[1] > 0 ? da[1] : 0;
        {   /* the answer's pairs: softmax (1/2, 1/2), da, du */
            const double softmax[2] = {dz[0], dz[1] + 1};
            ck_assert(is_two(softmax, 1.0 / 2, 1.0 / 2));
            ck_assert(is_two(da, 1, -1.0 / 2));
        }
        ck_assert_double_eq(du[0], 0);
        ck_assert_double_eq(du[1], -1.0 / 2);
    }
    ck_assert(is_two(a, 0, 3));
    network_gradient(&net, grad, theta, &data, NULL, 0);
    static const double expected[BY_HAND_DIM] = {0, 0, -1.0 / 2, -1, 0, -1.0 / 2,
                                                 0, 3.0 / 2, 0, -3.0 / 2, 1.0 / 2, -1.0 / 2};
    expect_exact(grad, expected, BY_HAND_DIM);
    /* dW2 = [0 3/2; 0 -3/2], db2 = (1/2, -1/2), dW1 = [0 0; -1/2 -1], db1 = (0, -1/2) */
    ck_assert(is_four(grad + 6, 0, 3.0 / 2, 0, -3.0 / 2));
    ck_assert(is_two(grad + 10, 1.0 / 2, -1.0 / 2));
    ck_assert(is_four(grad, 0, 0, -1.0 / 2, -1));
    ck_assert(is_two(grad + 4, 0, -1.0 / 2));
    for (int p = 0; p < BY_HAND_DIM; p++)
        theta[p] -= BY_HAND_LR * grad[p];
    /* W1 = [1 -1; 5/4 3/2], b1 = (0, 1/4), W2 = [1 1/4; -1 11/4], b2 = (11/4, 1/4) */
    static const double stepped[BY_HAND_DIM] = {1, -1, 5.0 / 4, 3.0 / 2, 0, 1.0 / 4,
                                                1, 1.0 / 4, -1, 11.0 / 4, 11.0 / 4, 1.0 / 4};
    expect_exact(theta, stepped, BY_HAND_DIM);
    network_forward(&net, z, a, theta, data.x);
    ck_assert(is_four(theta, 1, -1, 5.0 / 4, 3.0 / 2));
    ck_assert(is_two(theta + 4, 0, 1.0 / 4));
    ck_assert(is_four(theta + 6, 1, 1.0 / 4, -1, 11.0 / 4));
    ck_assert(is_two(theta + 10, 11.0 / 4, 1.0 / 4));
    ck_assert(is_two(a, 0, 9.0 / 2));
    ck_assert_double_eq(a[1], 9.0 / 2);             /* 5/4 + 3 + 1/4 */
    ck_assert_double_eq(theta[3] * data.x[1], 3);   /* W1's 3/2 times x2 = 2 */
    ck_assert_double_eq(z[0], 31.0 / 8);
    ck_assert_double_eq(z[0], 9.0 / 8 + 11.0 / 4);
    ck_assert_double_eq(z[1], 101.0 / 8);
    ck_assert_double_eq(z[1], 99.0 / 8 + 1.0 / 4);
    double loss = loss_of_outputs(&net, NULL, z, 1);
    ck_assert_double_eq_tol(loss, log1p(exp(-35.0 / 4)), 4 * DBL_EPSILON);
    ck_assert_str_eq(fixed(6, loss), "0.000158");
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* Chapter 2's rule on logistic regression, where L is known: at theta = 0
 * the Hessian is (1/4) X~^T X~ / N exactly, so power iteration on the
 * Hessian (curvature.h) finds the bound (relative 1e-4: the central
 * difference of gradients with h = 1e-4 is exact for the quadratic part
 * and off by h^2 times the third derivative), and below 2/L the loss
 * never rises. */
START_TEST(rate_rule_on_logistic_regression)
{
    struct task_data data;
    struct network net;
    double theta[31] = {0}, grad[31];
    task_load(&data, TASK_CANCER);
    task_network(&net, TASK_CANCER);
    double l = logistic_curvature_bound(&data.train), rule = 2 / l;
    /* sigma' = sigma (1 - sigma) is largest at z = 0, where it is 1/4 */
    ck_assert_double_eq(sigmoid(0) * (1 - sigmoid(0)), 1.0 / 4);
    ck_assert_double_lt(sigmoid(1) * (1 - sigmoid(1)), 1.0 / 4);
    ck_assert_str_eq(fixed(2, rule), "0.60");
    ck_assert_double_eq_tol(largest_curvature(&net, theta, &data.train), l, 1e-4 * l);
    ck_assert_str_eq(fixed(2, l), "3.32");
    double previous = network_loss(&net, theta, &data.train, NULL, 0);
    /* every sigmoid is 1/2: the mean of 455 terms ln 2, rounded 455 times */
    ck_assert_double_eq_tol(previous, log(2.0), 455 * DBL_EPSILON);
    for (int k = 0; k < 100; k++) {
        network_gradient(&net, grad, theta, &data.train, NULL, 0);
        for (int p = 0; p < 31; p++)
            theta[p] -= 1.9 / l * grad[p];
        double loss = network_loss(&net, theta, &data.train, NULL, 0);
        ck_assert_double_le(loss, previous);
        previous = loss;
    }
    network_free(&net);
    task_free(&data);
}
END_TEST

/* The data: the files hold what data/SOURCES.txt says, and the split is
 * 80 % / 20 %. */
START_TEST(data_as_described)
{
    struct task_data cancer, digits;
    size_t malignant = 0;
    task_load(&cancer, TASK_CANCER);
    task_load(&digits, TASK_DIGITS);
    ck_assert_uint_eq(cancer.train.count + cancer.test.count, 569);
    ck_assert_uint_eq(cancer.train.features, 30);
    ck_assert_uint_eq(cancer.test.count, 114);
    ck_assert_uint_eq(digits.train.count + digits.test.count, 1797);
    ck_assert_uint_eq(digits.train.features, 64);
    ck_assert_uint_eq(digits.test.count, 359);
    /* "keeps a fifth of them": the split's share, and 114 of 569 rounded */
    ck_assert_double_eq_tol(TEST_FRACTION, 1.0 / 5, 1e-15);
    ck_assert_double_eq_tol((double)cancer.test.count / 569, 1.0 / 5, 0.5 / 569);
    for (size_t i = 0; i < cancer.train.count; i++)
        malignant += cancer.train.y[i] == 1;
    for (size_t i = 0; i < cancer.test.count; i++)
        malignant += cancer.test.y[i] == 1;
    ck_assert_uint_eq(malignant, 212);
    ck_assert_str_eq(fixed(2, 100.0 / 114), "0.88");       /* one test sample, % */
    task_free(&cancer);
    task_free(&digits);
}
END_TEST

/* kaiming_uniform_ with a = sqrt(5): gain sqrt(2/(1 + a^2)) = sqrt(1/3),
 * bound gain sqrt(3/fan_in) = 1/sqrt(fan_in), for the seed's fan_in 10:
 * the 3 under the root is the one that turns a uniform's variance
 * bound^2/3 into gain^2/fan_in.  (Rounding: a few ulps, 1e-14.) */
START_TEST(kaiming_bound_by_hand)
{
    /* The book's draw for a layer of fan_in 10 inputs: each parameter is
     * bound (2u - 1) with u the generator's next uniform, so the bound the
     * code used is theta / (2u - 1), read back from the same seed. */
    const double a = sqrt(5.0), fan_in = 10;
    struct network net;
    struct rng rng, again;
    double theta[10 * 3 + 3 + 1 * 3 + 1];
    network_init(&net, 10, 3, 1, ACTIVATION_TANH, LOSS_MSE);
    rng_seed(&rng, 11);
    network_init_parameters(&net, theta, &rng);
    rng_seed(&again, 11);
    for (size_t p = 0; p < 10 * 3 + 3; p++) {
        double bound = theta[p] / (2.0 * rng_uniform(&again) - 1.0);
        /* kaiming_uniform_'s gain sqrt(3/fan_in), gain = sqrt(2/(1 + a^2)):
         * the code's bound to rounding (a few units of 1e-16) */
        ck_assert_double_eq_tol(bound, sqrt(2 / (1 + a * a)) * sqrt(3 / fan_in), 1e-15);
        ck_assert(fabs(sqrt(1.0 / 3) * sqrt(3 / fan_in) - bound) < 1e-15
                  && fabs(1 / sqrt(fan_in) - bound) < 1e-15);
        /* so fan_in bound^2 / gain^2 is 3 */
        ck_assert_double_eq_tol(fan_in * bound * bound * (1 + a * a) / 2, 3, 1e-14);
        /* every draw inside the interval [-1/sqrt(fan_in), 1/sqrt(fan_in)] */
        ck_assert(-1 / sqrt(fan_in) <= theta[p] && theta[p] <= 1 / sqrt(fan_in));
    }
    network_free(&net);
}
END_TEST

/* A uniform on [-1/sqrt(n), 1/sqrt(n)] has variance (2 bound)^2/12 =
 * 1/(3 n): a sum of n such weights times unit inputs has variance 1/3.
 * Measured on the book's draws: the sample variance of 20000 first-layer
 * weights of fan_in n, times n, against 1/3.  Its standard error is
 * sqrt(4/5 / 20000) ~ 0.0063 of 1/3 relative (a uniform's fourth moment is
 * 9/5 its variance squared), so 0.03 absolute on n var (that is 1/3 within
 * about 0.09 relative, over four standard errors) holds at every seed while
 * 1/4 or 1/2 would fail. */
START_TEST(init_variance_third)
{
    for (size_t n = 1; n <= 64; n *= 2) {
        size_t hidden = 20000 / n + 1, count = n * hidden;
        struct network net;
        struct rng rng;
        double *theta, sum = 0, sq = 0;
        network_init(&net, n, hidden, 1, ACTIVATION_TANH, LOSS_MSE);
        theta = malloc(network_dim(&net) * sizeof *theta);
        ck_assert_ptr_nonnull(theta);
        rng_seed(&rng, 3);
        network_init_parameters(&net, theta, &rng);
        for (size_t p = 0; p < count; p++) {
            sum += theta[p];
            sq += theta[p] * theta[p];
        }
        double var = sq / count - (sum / count) * (sum / count);
        ck_assert_double_eq_tol(var, 1 / (3 * (double)n), 0.03 / n);   /* 1/(3 fan_in) */
        ck_assert_double_eq_tol(n * var, 1.0 / 3, 0.03);
        free(theta);
        network_free(&net);
    }
}
END_TEST

/* Momentum's effective rate eta / (1 - beta) at the chapter's beta 0.9 is
 * 10 eta: under a gradient that holds still, the step of the book's SGD
 * with momentum tends to eta/(1 - beta) times it (after 1000 steps beta^1000
 * is gone; x near 300, where two x differ to about 1e-13). */
START_TEST(momentum_effective_rate)
{
    const double beta = 0.9, lr = 0.01;
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double x = 0, g = 3.0, before = 0;
    h.lr = lr;
    h.momentum = beta;
    optimizer_init(&opt, &sgd_kind, &h, 1);
    for (int k = 0; k < 1000; k++) {
        before = x;
        optimizer_step(&opt, &x, &g);
    }
    optimizer_free(&opt);
    ck_assert_double_eq_tol((before - x) / g / lr, 1 / (1 - beta), 1e-10);
    ck_assert_double_eq_tol((before - x) / g / lr, 10, 1e-10);
    ck_assert(close_to((before - x) / g, lr / (1 - beta), 1e-12) && close_to((before - x) / g, 10 * lr, 1e-12));
    /* the text's "within ten percent": the bound claims.c holds the digits
     * network's runs to, relative to SGD's final loss */
    ck_assert_double_eq_tol(MOMENTUM_CLOSE, 10 / 100.0, 1e-15);
}
END_TEST

/* Chapter 4's noise of a batch drawn without replacement, exactly: over
 * all batches of |B| of N samples, E|g_B - g|^2 = tr Cov[g_i] / |B|
 * (N - |B|)/(N - 1), with tr Cov[g_i] the mean of |g_i - g|^2.  Checked by
 * enumerating every pair and triple of N = 5 samples (relative 1e-12: sums
 * of ten terms). */
START_TEST(batch_noise_formula)
{
    struct dataset data;
    struct network net;
    struct rng rng;
    double theta[4], g[4], gi[4], full[4];
    const size_t n = 5;
    network_random_data(&data, n, 3, LOSS_MSE, 1, 12);
    network_init(&net, 3, 0, 1, ACTIVATION_TANH, LOSS_MSE);
    rng_seed(&rng, 2);
    network_init_parameters(&net, theta, &rng);
    network_gradient(&net, full, theta, &data, NULL, 0);
    double trace = 0.0;
    for (size_t i = 0; i < n; i++) {
        network_gradient(&net, gi, theta, &data, &i, 1);
        for (int p = 0; p < 4; p++)
            trace += (gi[p] - full[p]) * (gi[p] - full[p]);
    }
    trace /= (double)n;
    for (size_t size = 2; size <= 3; size++) {
        double sum = 0.0;
        int batches = 0;
        for (unsigned mask = 0; mask < 1u << n; mask++) {
            size_t batch[5], count = 0;
            for (size_t i = 0; i < n; i++)
                if (mask >> i & 1)
                    batch[count++] = i;
            if (count != size)
                continue;
            network_gradient(&net, g, theta, &data, batch, size);
            for (int p = 0; p < 4; p++)
                sum += (g[p] - full[p]) * (g[p] - full[p]);
            batches++;
        }
        double b = (double)size, predicted = trace / b * ((double)n - b) / ((double)n - 1);
        ck_assert_double_eq_tol(sum / batches, predicted, 1e-12 * predicted);
    }
    network_free(&net);
    dataset_free(&data);
}
END_TEST

/* network_output_bound bounds every output: for each activation and
 * loss, linear and hidden, at random parameters scaled by 1, 10 and 1000,
 * every |z_i| of every sample is at most the bound (relative 1e-12 for
 * the rounding of the bound's own sums, about 1e-15 each); the bound is
 * infinite for parameters near overflow (scaled by 1e300) or holding a
 * NaN. */
START_TEST(output_bound_holds)
{
    static const enum activation acts[3] = {ACTIVATION_TANH, ACTIVATION_RELU,
                                            ACTIVATION_SIGMOID};
    static const double scales[3] = {1, 10, 1000};
    struct rng rng;
    rng_seed(&rng, 8);
    for (int a = 0; a < 3; a++)
        for (size_t hidden = 0; hidden <= 5; hidden += 5) {
            struct network net;
            struct dataset data;
            double theta[64], z[4];
            network_init(&net, 3, hidden, 4, acts[a], LOSS_CROSS_ENTROPY);
            network_random_data(&data, 30, 3, LOSS_CROSS_ENTROPY, 4, 9);
            double largest_x = 0.0;
            for (size_t i = 0; i < 30 * 3; i++)
                largest_x = fmax(largest_x, fabs(data.x[i]));
            for (int k = 0; k < 3; k++) {
                network_init_parameters(&net, theta, &rng);
                for (size_t p = 0; p < network_dim(&net); p++)
                    theta[p] *= scales[k];
                double bound = network_output_bound(&net, theta, largest_x);
                ck_assert(isfinite(bound));
                for (size_t i = 0; i < data.count; i++) {
                    network_forward(&net, z, NULL, theta, data.x + 3 * i);
                    for (int c = 0; c < 4; c++)
                        ck_assert_double_le(fabs(z[c]), bound * (1 + 1e-12));
                }
            }
            for (size_t p = 0; p < network_dim(&net); p++)
                theta[p] *= 1e300;
            ck_assert_double_eq(network_output_bound(&net, theta, largest_x), INFINITY);
            theta[0] = NAN;
            ck_assert_double_eq(network_output_bound(&net, theta, 1.0), INFINITY);
            network_free(&net);
            dataset_free(&data);
        }
}
END_TEST

/* Without a curve to write, train_network leaves out the measurements
 * that cannot fail (train.c, SURELY_FINITE = 1e100): the results are
 * those of the same run measured after every epoch (with csv), to the
 * last bit.  A linear model with MSELoss under SGD at rates from 0.5 to
 * 1e10: one that converges, some whose measured loss overflows first,
 * some that diverge inside an epoch; at lr 1e10 the outputs after epoch 1
 * are below 1e100 (so its measurement was left out) and the run diverges
 * in epoch 2, so its result is the kept parameters' measurement. */
START_TEST(unmeasured_epochs_change_nothing)
{
    static const double rates[5] = {0.5, 1, 1.5, 2, 1e10};
    struct dataset train, test;
    struct network net;
    network_random_data(&train, 64, 3, LOSS_MSE, 1, 21);
    network_random_data(&test, 16, 3, LOSS_MSE, 1, 22);
    network_init(&net, 3, 0, 1, ACTIVATION_TANH, LOSS_MSE);
    for (int k = 0; k < 5; k++) {
        struct training t = {.kind = &sgd_kind, .hyper = sgd_kind.defaults, .batch_size = 8,
                             .epochs = 100, .shuffle_seed = 3};
        double quiet[4] = {0}, measured[4] = {0};
        t.hyper.lr = rates[k];
        FILE *csv = tmpfile();
        ck_assert_ptr_nonnull(csv);
        struct training_result a = train_network(&net, quiet, &t, &train, &test, NULL);
        struct training_result b = train_network(&net, measured, &t, &train, &test, csv);
        fclose(csv);
        ck_assert_int_eq(a.diverged, b.diverged);
        ck_assert_int_eq(a.epochs_done, b.epochs_done);
        ck_assert_mem_eq(&a.train_loss, &b.train_loss, sizeof(double));
        ck_assert_mem_eq(&a.test_loss, &b.test_loss, sizeof(double));
        ck_assert_mem_eq(&a.test_accuracy, &b.test_accuracy, sizeof(double));
        if (!a.diverged)
            ck_assert_mem_eq(quiet, measured, sizeof quiet);
        ck_assert(k == 0 ? !a.diverged : a.diverged);
    }
    /* lr 1e10: epoch 1 ends below the bound, epoch 2 diverges */
    struct training t = {.kind = &sgd_kind, .hyper = sgd_kind.defaults, .batch_size = 8,
                         .epochs = 1, .shuffle_seed = 3};
    double theta[4] = {0}, largest_x = 0.0;
    t.hyper.lr = 1e10;
    for (size_t i = 0; i < 64 * 3; i++)
        largest_x = fmax(largest_x, fabs(train.x[i]));
    for (size_t i = 0; i < 16 * 3; i++)
        largest_x = fmax(largest_x, fabs(test.x[i]));
    ck_assert(!train_network(&net, theta, &t, &train, &test, NULL).diverged);
    ck_assert_double_lt(network_output_bound(&net, theta, largest_x), 1e100);
    t.epochs = 100;
    memset(theta, 0, sizeof theta);
    ck_assert_int_eq(train_network(&net, theta, &t, &train, &test, NULL).epochs_done, 1);
    network_free(&net);
    dataset_free(&train);
    dataset_free(&test);
}
END_TEST

/* tuned_run remembers its runs: a second call returns the first one's
 * parameters and result, and each equals, to the last bit, task_run of
 * the settings the edit stands for, written out here; edits differing in
 * any one field (rate, clipping, epochs, schedule, optimizer, seed) are
 * distinct runs.  On the moons (a run takes milliseconds). */
START_TEST(remembered_runs_are_the_runs)
{
    enum { DIM = 2 * MOONS_HIDDEN + MOONS_HIDDEN + 2 * MOONS_HIDDEN + 2 };
    struct task_data data;
    task_load(&data, TASK_MOONS);
    struct tuned_edit base = tuned_settings(TASK_MOONS, "sgd");
    base.epochs = 20;
    struct tuned_edit edits[6];
    uint64_t seeds[6] = {1, 1, 1, 1, 1, 2};
    for (int k = 0; k < 6; k++)
        edits[k] = base;
    edits[1].lr = base.lr / 2;
    edits[2].max_norm = 0.5;
    edits[3].epochs = 15;
    edits[4].cosine = true;
    edits[5].optimizer = "adam";
    double first[6][DIM], again[DIM], fresh[DIM];
    for (int k = 0; k < 6; k++) {
        struct training t = task_training(TASK_MOONS, edits[k].optimizer);
        struct scheduler_settings cosine = scheduler_defaults(COSINE_ANNEALING_LR);
        cosine.t_max = edits[k].epochs;
        t.hyper.lr = edits[k].lr;
        t.max_norm = edits[k].max_norm;
        t.epochs = edits[k].epochs;
        t.schedule = edits[k].cosine ? &cosine : NULL;
        struct training_result r = tuned_run(&data, &edits[k], seeds[k], first[k], NULL);
        struct training_result r2 = tuned_run(&data, &edits[k], seeds[k], again, NULL);
        struct training_result r3 = task_run(&data, &t, seeds[k], fresh, NULL);
        ck_assert_mem_eq(first[k], again, sizeof again);
        ck_assert_mem_eq(first[k], fresh, sizeof fresh);
        ck_assert_mem_eq(&r.train_loss, &r2.train_loss, sizeof(double));
        ck_assert_mem_eq(&r.train_loss, &r3.train_loss, sizeof(double));
        ck_assert_mem_eq(&r.test_accuracy, &r3.test_accuracy, sizeof(double));
        ck_assert_int_eq(r.epochs_done, r3.epochs_done);
        for (int j = 0; j < k; j++)
            ck_assert(memcmp(first[j], first[k], sizeof again) != 0);
    }
    task_free(&data);
}
END_TEST

/* The text of a temporary file, from its start. */
static char *file_text(FILE *file)
{
    long length = ftell(file);
    char *text = calloc((size_t)length + 1, 1);
    ck_assert(text && length >= 0 && fseek(file, 0, SEEK_SET) == 0);
    ck_assert_uint_eq(fread(text, 1, (size_t)length, file), (size_t)length);
    return text;
}

/* Shared runs (experiments.h) are the runs: written by write_shared_runs
 * and read back into a process that has forgotten its own, every run
 * (one with its curve, one diverged, whose losses are not finite) and a
 * curvature come back to the last bit, tuned_run serves them without
 * training (no run is added) and writes the remembered curve, the same
 * bytes as training wrote; writing them again gives the same file.  On
 * the moons (a run takes milliseconds). */
START_TEST(shared_runs_are_the_runs)
{
    enum { DIM = 2 * MOONS_HIDDEN + MOONS_HIDDEN + 2 * MOONS_HIDDEN + 2, RUNS = 3 };
    struct task_data data;
    struct tuned_edit edits[RUNS];
    struct training_result first[RUNS];
    double thetas[RUNS][DIM], theta[DIM], value;
    forget_runs();
    task_load(&data, TASK_MOONS);
    for (int k = 0; k < RUNS; k++) {
        edits[k] = tuned_settings(TASK_MOONS, k == 1 ? "adam" : "sgd");
        edits[k].epochs = 10;
    }
    edits[2].lr = INFINITY;                     /* diverges at once */
    FILE *curve = tmpfile(), *written = tmpfile(), *again = tmpfile(), *copied = tmpfile();
    ck_assert(curve && written && again && copied);
    for (int k = 0; k < RUNS; k++)
        first[k] = tuned_run(&data, &edits[k], 2, thetas[k], k == 0 ? curve : NULL);
    ck_assert(first[2].diverged && !first[0].diverged && !first[1].diverged);
    remember_curvature(3, 0.5, 1.0 / 3);
    write_shared_runs(written);
    ck_assert_uint_eq(remembered_runs(), RUNS);

    forget_runs();
    ck_assert_uint_eq(remembered_runs(), 0);
    ck_assert(!remembered_curvature(3, 0.5, &value));
    rewind(written);
    read_shared_runs_from(written, "test");
    ck_assert_uint_eq(remembered_runs(), RUNS);
    for (int k = 0; k < RUNS; k++) {
        struct training_result r = tuned_run(&data, &edits[k], 2, theta, k == 0 ? copied : NULL);
        ck_assert_mem_eq(theta, thetas[k], sizeof theta);
        ck_assert_mem_eq(&r.train_loss, &first[k].train_loss, sizeof(double));
        ck_assert_mem_eq(&r.test_loss, &first[k].test_loss, sizeof(double));
        ck_assert_mem_eq(&r.test_accuracy, &first[k].test_accuracy, sizeof(double));
        ck_assert_int_eq(r.epochs_done, first[k].epochs_done);
        ck_assert_int_eq(r.diverged, first[k].diverged);
    }
    ck_assert_uint_eq(remembered_runs(), RUNS);            /* none trained */
    char *trained = file_text(curve), *served = file_text(copied);
    ck_assert_str_eq(served, trained);
    ck_assert(strncmp(trained, "epoch,train_loss", 16) == 0);
    double third = 1.0 / 3;
    ck_assert(remembered_curvature(3, 0.5, &value));
    ck_assert_mem_eq(&value, &third, sizeof value);
    write_shared_runs(again);
    char *before = file_text(written), *after = file_text(again);
    ck_assert_str_eq(after, before);
    free(trained);
    free(served);
    free(before);
    free(after);
    fclose(curve);
    fclose(written);
    fclose(again);
    fclose(copied);
    forget_runs();
    task_free(&data);
}
END_TEST

/* The digits are learned: ten epochs of the chapter's SGD (seed 1) read
 * at least 95 % of the test images.  The full 30-epoch runs over five
 * seeds (about 98.9 %, the README's values) are too slow for a test; ten
 * epochs reach about 96 % (the accuracy curve), and 95 % leaves a margin
 * of four test images against a change of seed-level luck, while a
 * broken backward pass or optimizer stays near 10 %. */
START_TEST(digits_are_learned)
{
    struct task_data data;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    struct training t = task_training(TASK_DIGITS, "sgd");
    task_load(&data, TASK_DIGITS);
    t.epochs = 10;
    struct training_result r = task_run(&data, &t, 1, theta, NULL);
    ck_assert(!r.diverged);
    ck_assert_double_ge(r.test_accuracy, 0.95);
    task_free(&data);
}
END_TEST

/* The row of one epoch in a curve tuned_run wrote (epoch,train,test,
 * accuracy), rewound and read from the top; aborts the test if none. */
static void curve_row(FILE *curve, long epoch, double *train, double *test, double *accuracy)
{
    char line[256];
    rewind(curve);
    while (fgets(line, sizeof line, curve)) {
        long e;
        if (sscanf(line, "%ld,%lf,%lf,%lf", &e, train, test, accuracy) == 4 && e == epoch)
            return;
    }
    ck_abort_msg("no row for epoch %ld in the curve", epoch);
}

/* "the default is not Adam's best, which is thirty times larger": the
 * tuned digits rate (the sweep's best, which ch11 checks against the
 * table) over Adam's default lr. */
START_TEST(adam_best_is_thirty_times_its_default)
{
    const struct tuned_edit adam = tuned_settings(TASK_DIGITS, "adam");
    ck_assert_double_eq(adam_kind.defaults.lr, 1e-3);
    ck_assert_double_eq_tol(adam.lr / adam_kind.defaults.lr, 30, 1e-9);
}
END_TEST

/* The three runs each figure of chapter 11 draws: SGD, momentum and Adam. */
static const char *const figure_optimizers[3] = {"sgd", "momentum", "adam"};

/* The figure's run of optimizer on task (seed 1, its tuned settings, which
 * last epochs): its curve, in a temporary file for curve_row. */
static FILE *figure_curve(const struct task_data *data, enum task task, const char *optimizer,
                          long epochs)
{
    static double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    struct tuned_edit edit = tuned_settings(task, optimizer);
    FILE *curve = tmpfile();
    ck_assert(curve != NULL);
    ck_assert_int_eq(edit.epochs, epochs);
    ck_assert(!tuned_run(data, &edit, 1, theta, curve).diverged);
    return curve;
}

/* The digits loss figure: the training loss keeps falling after the test
 * loss has levelled off, and the test accuracy hardly moves.  The runs are
 * the figure's own (seed 1, each optimizer at its tuned settings, the
 * curve build/ch11 --csv writes).  Over epochs 20 to 30 each training
 * loss falls by more than a quarter (the three fall to 0.55, 0.67 and 0.55
 * of their value), while each test loss moves by less than a tenth (-4 %,
 * +8 %, -1 %) and each test accuracy by at most one point, under four of
 * the 359 test images (they move by 0, 0 and one image).  A run that had
 * stopped learning, or whose test loss still fell with its training loss,
 * fails one of the two. */
START_TEST(digits_training_loss_falls_after_the_test_loss_levels)
{
    const char *const *names = figure_optimizers;
    struct task_data data;
    task_load(&data, TASK_DIGITS);
    for (int o = 0; o < 3; o++) {
        FILE *curve = figure_curve(&data, TASK_DIGITS, names[o], 30);
        double train20, test20, accuracy20, train30, test30, accuracy30;
        curve_row(curve, 20, &train20, &test20, &accuracy20);
        curve_row(curve, 30, &train30, &test30, &accuracy30);
        /* "each training loss falls by more than a quarter, each test loss
         * moves by less than a tenth" */
        ck_assert_msg(train30 < (1 - 1.0 / 4) * train20, "%s: training loss %g -> %g", names[o],
                      train20, train30);
        ck_assert_msg(fabs(test30 / test20 - 1) < 1.0 / 10, "%s: test loss %g -> %g", names[o],
                      test20, test30);
        ck_assert_msg(fabs(accuracy30 - accuracy20) <= 0.01, "%s: accuracy %g -> %g", names[o], accuracy20, accuracy30);
        fclose(curve);
    }
    task_free(&data);
}
END_TEST

/* The breast cancer figure (seed 1, tuned rates): "the curves of SGD and
 * Adam jump from epoch to epoch" -- at some epoch after the first, the
 * training loss of each more than triples (SGD's by 4.1, Adam's by 3.3
 * times) -- "while momentum's hardly rises": never by a quarter (its
 * largest rise is by 1.12 times). */
START_TEST(cancer_curves_of_sgd_and_adam_jump)
{
    const char *const *names = figure_optimizers;
    struct task_data data;
    task_load(&data, TASK_CANCER);
    for (int o = 0; o < 3; o++) {
        FILE *curve = figure_curve(&data, TASK_CANCER, names[o], CANCER_EPOCHS);
        double rise = 0, before, train, test, accuracy;
        curve_row(curve, 1, &before, &test, &accuracy);
        for (long e = 2; e <= CANCER_EPOCHS; e++) {
            curve_row(curve, e, &train, &test, &accuracy);
            if (train / before > rise)
                rise = train / before;
            before = train;
        }
        if (o == 1)
            ck_assert_msg(rise < 1 + 1.0 / 4, "momentum: training loss rises %g times", rise);
        else
            ck_assert_msg(rise > 3, "%s: training loss rises at most %g times", names[o], rise);
        fclose(curve);
    }
    task_free(&data);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("11-tiny-network");
    TCase *model = tcase_create("ch11 the models and backpropagation");
    TCase *hand = tcase_create("ch11 backpropagation by hand");
    tcase_add_test(model, every_backpropagation_checked);
    tcase_add_test(model, a_wrong_backward_pass_is_caught);
    tcase_add_test(model, backpropagation_against_complex_step);
    tcase_add_test(model, complex_loss_is_the_loss);
    tcase_add_test(model, complex_step_catches_a_wrong_gradient);
    tcase_add_test(model, complex_step_sees_further);
    tcase_add_test(hand, complex_step_by_hand);
    tcase_add_test(model, linear_mse_is_chapter_4_regression);
    tcase_add_test(model, seed_loop_is_the_module);
    tcase_add_test(model, rows_side_by_side_change_no_bit);
    tcase_add_test(model, loss_and_accuracy_in_one_pass);
    tcase_add_test(model, outer_products_four_at_a_time);
    tcase_add_test(model, softmax_reuses_the_loss_exponentials);
    tcase_add_test(model, default_init_bounds);
    tcase_add_test(model, kaiming_bound_by_hand);
    tcase_add_test(model, init_variance_third);
    tcase_add_test(model, safe_log_sum_exp);
    tcase_add_test(hand, by_hand_forward_and_backward);
    tcase_add_test(hand, by_hand_one_step);
    tcase_add_test(hand, by_hand_class_1);
    tcase_add_test(model, rate_rule_on_logistic_regression);
    tcase_add_test(model, data_as_described);
    tcase_add_test(model, adam_best_is_thirty_times_its_default);
    tcase_add_test(model, batch_noise_formula);
    tcase_add_test(model, momentum_effective_rate);
    tcase_add_test(model, output_bound_holds);
    tcase_add_test(model, unmeasured_epochs_change_nothing);
    tcase_add_test(model, remembered_runs_are_the_runs);
    tcase_add_test(model, shared_runs_are_the_runs);
    tcase_add_test(model, digits_are_learned);
    /* the figures' own runs, trained whole (three digits networks for 30
     * epochs, three cancer models): about 3 s under the sanitizers alone,
     * past Check's default limit of 4 s when CI's other jobs share the
     * cores (seen there) */
    TCase *figures = tcase_create("ch11 the figures' runs");
    tcase_add_test(figures, digits_training_loss_falls_after_the_test_loss_levels);
    tcase_add_test(figures, cancer_curves_of_sgd_and_adam_jump);
    tcase_set_timeout(figures, 60);
    suite_add_tcase(suite, model);
    suite_add_tcase(suite, hand);
    suite_add_tcase(suite, figures);
    return suite;
}
