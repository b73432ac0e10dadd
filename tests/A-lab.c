/* tests/A-lab.c: the lab's optimizers, run loop and checks.
 *
 * Three groups:
 *   - equivalences that must hold bit for bit: SGD without momentum is
 *     chapter 1's gd_step, full batch is batch = N, AdamW without weight
 *     decay is Adam, a shuffled run with the same seed repeats itself;
 *   - the first two or three steps of every optimizer, hand-computed on a
 *     one-parameter problem with a gradient we choose (constant, or one
 *     that changes), written as the closed form, and each flag's effect;
 *   - PyTorch's checks on hyper-parameters and the CSV reader's happy
 *     paths (its errors are tests/A-lab.sh's, which checks exit statuses).
 *
 * Tolerance: each closed form below is a few dozen double operations away
 * from the optimizer's arithmetic on numbers of order 1, so the two agree
 * to a few units in the last place (about 1e-15); 1e-12 leaves room and
 * still catches any wrong term, whose effect is 1e-9 or more (eps = 1e-8
 * times a gradient of order 1 is the smallest term that we want to see).
 */
#define _POSIX_C_SOURCE 200809L     /* mkstemp, fdopen */

#include "harness.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "00-toolkit/rng.h"
#include "01-update-rule/gd.h"
#include "04-batches/regression.h"
#include "06-momentum/sgd.h"
#include "07-adaptive/adadelta.h"
#include "07-adaptive/adagrad.h"
#include "07-adaptive/rmsprop.h"
#include "08-adam/adam.h"
#include "08-adam/adamax.h"
#include "08-adam/nadam.h"
#include "09-schedules/schedule.h"
#include "10-failures/chain.h"
#include "10-failures/clip.h"
#include "A-lab/datafile.h"
#include "A-lab/extras.h"
#include "A-lab/kinds.h"
#include "A-lab/lab.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#define TOLERANCE 1e-12

/* theta[k] <- the parameter after k + 1 steps of kind with h, from theta0,
 * fed the gradients grads[0..count) in turn (one parameter). */
static void run_steps(const struct optimizer_kind *kind, const struct hyper *h, double theta0,
                      const double *grads, int count, double *theta)
{
    struct optimizer opt;
    double x = theta0;
    optimizer_init(&opt, kind, h, 1);
    for (int k = 0; k < count; k++) {
        optimizer_step(&opt, &x, &grads[k]);
        theta[k] = x;
    }
    optimizer_free(&opt);
}

static const double two_twice[3] = {2.0, 2.0, 2.0};   /* the constant gradient g = 2 */

/* ------------------------------------------------------ equivalences */

/* SGD with momentum 0 is theta <- theta - lr grad, eq. (1.1): 500 steps on
 * Rosenbrock agree bit for bit. */
START_TEST(sgd_without_momentum_is_gd_step)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double a[2] = {-1.5, 2.0}, b[2] = {-1.5, 2.0}, grad[2];
    h.lr = 1e-3;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k < 500; k++) {
        f.gradient(&f, grad, a);
        optimizer_step(&opt, a, grad);
        f.gradient(&f, grad, b);
        gd_step(b, grad, 2, 1e-3);
        ck_assert(a[0] == b[0] && a[1] == b[1]);
    }
    optimizer_free(&opt);
}
END_TEST

/* A small data set: y = 2 x1 - x2 + 1/2 plus a wobble, 7 samples. */
static void small_data(struct dataset *data)
{
    static const double x[7][2] = {{1, 2}, {2, 0}, {0, 1}, {3, 1}, {-1, 2}, {2, 2}, {1, -1}};
    static const double wobble[7] = {0.1, -0.2, 0.05, 0.0, 0.3, -0.1, 0.2};
    dataset_init(data, 7, 2);
    for (size_t i = 0; i < 7; i++) {
        data->x[2 * i] = x[i][0];
        data->x[2 * i + 1] = x[i][1];
        data->y[i] = 2 * x[i][0] - x[i][1] + 0.5 + wobble[i];
    }
}

/* Run kind on the small data set; theta gets the last iterate, the CSV
 * goes to out (may be NULL). */
static struct run_result run_data(const struct optimizer_kind *kind, const struct hyper *h,
                                  size_t batch, bool shuffle, uint64_t seed, long steps,
                                  double *theta, FILE *out)
{
    struct dataset data;
    struct regression model = {&data, true};
    struct objective objective = {NULL, &model, false, NULL, false};
    struct schedule schedule = {steps, 1, batch, shuffle, seed};
    struct optimizer opt;
    struct run_result result;
    small_data(&data);
    theta[0] = theta[1] = theta[2] = 0.0;
    optimizer_init(&opt, kind, h, 3);
    result = lab_run(out, theta, &opt, &objective, &schedule);
    optimizer_free(&opt);
    dataset_free(&data);
    return result;
}

/* Full batch (mse_grad over all samples, by hand), batch = N through the
 * lab, and a batch larger than N (a DataLoader gives one batch of N) are
 * the same run, bit for bit. */
START_TEST(full_batch_is_batch_n)
{
    struct dataset data;
    struct regression model = {&data, true};
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double by_hand[3] = {0, 0, 0}, grad[3], batch_n[3], batch_big[3];
    h.lr = 0.02;
    h.momentum = 0.9;
    small_data(&data);
    optimizer_init(&opt, &sgd_kind, &h, 3);
    for (int k = 0; k < 50; k++) {
        mse_grad(&model, grad, by_hand, NULL, 0);
        optimizer_step(&opt, by_hand, grad);
    }
    optimizer_free(&opt);
    dataset_free(&data);
    run_data(&sgd_kind, &h, 7, false, 0, 50, batch_n, NULL);
    run_data(&sgd_kind, &h, 100, false, 0, 50, batch_big, NULL);
    for (int i = 0; i < 3; i++) {
        ck_assert(by_hand[i] == batch_n[i]);
        ck_assert(by_hand[i] == batch_big[i]);
    }
}
END_TEST

/* AdamW decays theta by (1 - lr lambda) before Adam's update; with
 * lambda = 0 the factor is exactly 1, so AdamW is Adam, AMSGrad or not. */
START_TEST(adamw_without_decay_is_adam)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    for (int amsgrad = 0; amsgrad <= 1; amsgrad++) {
        struct hyper ha = adam_kind.defaults, hw = adamw_kind.defaults;
        struct optimizer adam, adamw;
        double a[2] = {-1.5, 2.0}, w[2] = {-1.5, 2.0}, grad[2];
        ha.lr = hw.lr = 0.01;
        hw.weight_decay = 0.0;
        ha.amsgrad = hw.amsgrad = amsgrad;
        optimizer_init(&adam, &adam_kind, &ha, 2);
        optimizer_init(&adamw, &adamw_kind, &hw, 2);
        for (int k = 0; k < 300; k++) {
            f.gradient(&f, grad, a);
            optimizer_step(&adam, a, grad);
            f.gradient(&f, grad, w);
            optimizer_step(&adamw, w, grad);
            ck_assert(a[0] == w[0] && a[1] == w[1]);
        }
        optimizer_free(&adam);
        optimizer_free(&adamw);
    }
}
END_TEST

/* The whole CSV of a run, as one string (caller frees). */
static char *slurp(FILE *file)
{
    long size;
    char *text;
    fflush(file);
    size = ftell(file);
    text = calloc((size_t)size + 1, 1);
    rewind(file);
    ck_assert_uint_eq(fread(text, 1, (size_t)size, file), (size_t)size);
    fclose(file);
    return text;
}

/* Mini-batches of 3 (the last one of each epoch has 1 sample), shuffled
 * with seed 42: the same rows twice; another seed, other rows; and
 * sequential order differs from both. */
START_TEST(shuffled_run_repeats_with_its_seed)
{
    struct hyper h = adam_kind.defaults;
    double theta[3];
    char *first, *second, *other, *sequential;
    FILE *out;
    h.lr = 0.05;
    out = tmpfile();
    run_data(&adam_kind, &h, 3, true, 42, 60, theta, out);
    first = slurp(out);
    out = tmpfile();
    run_data(&adam_kind, &h, 3, true, 42, 60, theta, out);
    second = slurp(out);
    out = tmpfile();
    run_data(&adam_kind, &h, 3, true, 43, 60, theta, out);
    other = slurp(out);
    out = tmpfile();
    run_data(&adam_kind, &h, 3, false, 42, 60, theta, out);
    sequential = slurp(out);
    ck_assert_str_eq(first, second);
    ck_assert_str_ne(first, other);
    ck_assert_str_ne(first, sequential);
    ck_assert_ptr_nonnull(strstr(first, "step,loss,w1,w2,b\n0,"));
    free(first);
    free(second);
    free(other);
    free(sequential);
}
END_TEST

/* Shuffling, by hand: epoch 1 of 7 samples with seed 42 visits them in the
 * order rng_shuffle gives; one SGD step per sample reproduces the lab. */
START_TEST(shuffle_visits_rng_shuffle_order)
{
    struct dataset data;
    struct regression model = {&data, true};
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    struct rng rng;
    size_t order[7];
    double theta[3] = {0, 0, 0}, grad[3], lab_theta[3];
    h.lr = 0.01;
    small_data(&data);
    rng_seed(&rng, 42);
    optimizer_init(&opt, &sgd_kind, &h, 3);
    for (int epoch = 0; epoch < 2; epoch++) {
        for (size_t i = 0; i < 7; i++)
            order[i] = i;
        rng_shuffle(&rng, order, 7);
        {   /* a permutation of the identity 0, ..., N - 1 */
            unsigned seen = 0;
            for (size_t i = 0; i < 7; i++)
                seen |= 1u << order[i];
            ck_assert_uint_eq(seen, (1u << 7) - 1);
        }
        for (size_t i = 0; i < 7; i++) {
            mse_grad(&model, grad, theta, &order[i], 1);
            optimizer_step(&opt, theta, grad);
        }
    }
    optimizer_free(&opt);
    dataset_free(&data);
    run_data(&sgd_kind, &h, 1, true, 42, 14, lab_theta, NULL);
    for (int i = 0; i < 3; i++)
        ck_assert(theta[i] == lab_theta[i]);
}
END_TEST

/* The manual's example, chapter 4's three samples (x1, x2, y) = (1, 1, 4),
 * (2, 1, 6), (1, 2, 6), no bias, lr 0.1, read from the file the manual
 * uses: the loss at 0 is (16 + 36 + 36) / 3 = 88/3, the gradient is
 * (2/3)(-4 - 12 - 6) = -44/3 for both weights, so step 1 gives 22/15 each. */
START_TEST(manual_three_samples)
{
    struct dataset data;
    struct regression model = {&data, false};
    struct objective objective = {NULL, &model, false, NULL, false};
    struct schedule schedule = {1, 1, 3, false, 0};
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double theta[2] = {0, 0};
    h.lr = 0.1;
    dataset_read_csv(&data, "chapters/A-lab/three-samples.csv");
    ck_assert_double_eq_tol(objective_loss(&objective, theta), 88.0 / 3, TOLERANCE);
    /* the mean (1/|B|) sum (y_hat - y)^2, y_hat = 0: the targets 4, 6, 6 squared */
    ck_assert_double_eq_tol(objective_loss(&objective, theta), 1 / (double)data.count * (16.0 + 36 + 36),
                            TOLERANCE);
    optimizer_init(&opt, &sgd_kind, &h, 2);
    lab_run(NULL, theta, &opt, &objective, &schedule);
    optimizer_free(&opt);
    ck_assert_double_eq_tol(theta[0], 22.0 / 15, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], 22.0 / 15, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], 0.1 * 44.0 / 3, TOLERANCE);
    dataset_free(&data);
}
END_TEST

/* ------------------------------------------------------------- SGD */

/* lr 0.1, g = 2, theta0 = 1, momentum 0.9, dampening 0.5:
 * v1 = g (a copy, no dampening), v2 = 0.9 v1 + 0.5 g, v3 = 0.9 v2 + 0.5 g,
 * so theta3 = 1 - 0.1 (2 + 2.8 + 3.52). */
START_TEST(sgd_momentum_and_dampening)
{
    struct hyper h = sgd_kind.defaults;
    double theta[3];
    const double g = 2, mu = 0.9, d = 0.5, lr = 0.1;
    const double v1 = g, v2 = mu * v1 + (1 - d) * g, v3 = mu * v2 + (1 - d) * g;
    h.lr = lr, h.momentum = mu, h.dampening = d;
    run_steps(&sgd_kind, &h, 1.0, two_twice, 3, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * v1, TOLERANCE);          /* 0.8 */
    ck_assert_double_eq_tol(theta[1], 1 - lr * (v1 + v2), TOLERANCE);   /* 0.52 */
    ck_assert_double_eq_tol(theta[2], 1 - lr * (v1 + v2 + v3), TOLERANCE); /* 0.168 */
    ck_assert_double_eq_tol(theta[2], 0.168, TOLERANCE);
}
END_TEST

/* Nesterov: the step is g + mu v; with constant g, v1 = g and
 * v2 = (1 + mu) g, so the steps are lr g (1 + mu) and lr g (1 + mu + mu^2). */
START_TEST(sgd_nesterov)
{
    struct hyper h = sgd_kind.defaults;
    double theta[2];
    const double g = 2, mu = 0.9, lr = 0.1;
    h.lr = lr, h.momentum = mu, h.nesterov = true;
    run_steps(&sgd_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * g * (1 + mu), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], 1 - lr * g * (1 + mu) - lr * g * (1 + mu + mu * mu),
                            TOLERANCE);
}
END_TEST

/* Weight decay adds lambda theta to g: theta1 = (1 - lr lambda) theta0 - lr g;
 * maximize climbs: theta1 = theta0 + lr g. */
START_TEST(sgd_weight_decay_and_maximize)
{
    struct hyper h = sgd_kind.defaults;
    double theta[2];
    const double lr = 0.1, lambda = 0.5;
    h.lr = lr, h.weight_decay = lambda;
    run_steps(&sgd_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], (1 - lr * lambda) * 1.0 - lr * 2, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], (1 - lr * lambda) * theta[0] - lr * 2, TOLERANCE);
    h.weight_decay = 0, h.maximize = true;
    run_steps(&sgd_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1.2, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], 1.4, TOLERANCE);
}
END_TEST

/* ---------------------------------------------------------- Adagrad */

/* Default Adagrad, g = 2: s_t = 4t, so theta_t = theta_{t-1} - lr 2 / (2 sqrt t
 * + eps), i.e. lr/sqrt(t) per step up to eps. */
START_TEST(adagrad_first_steps)
{
    struct hyper h = adagrad_kind.defaults;
    double theta[3];
    const double lr = 0.01, eps = 1e-10;
    run_steps(&adagrad_kind, &h, 1.0, two_twice, 3, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2 / (2 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * 2 / (2 * sqrt(2.0) + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[2], theta[1] - lr * 2 / (2 * sqrt(3.0) + eps), TOLERANCE);
}
END_TEST

/* lr_decay 0.5 and an initial accumulator 5: step t uses
 * lr / (1 + (t - 1) 0.5) and s_t = 5 + 4t: s1 = 9, s2 = 13. */
START_TEST(adagrad_lr_decay_and_initial_accumulator)
{
    struct hyper h = adagrad_kind.defaults;
    double theta[2];
    const double lr = 0.1, eps = 1e-10;
    h.lr = lr, h.lr_decay = 0.5, h.initial_accumulator_value = 5;
    run_steps(&adagrad_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2 / (3 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr / 1.5 * 2 / (sqrt(13.0) + eps), TOLERANCE);
}
END_TEST

/* Adagrad's default eps, 1e-10, moves the first step by 5e-13 only, below
 * TOLERANCE; eps = 1 shows where it goes: outside the root, the first step
 * is lr 2 / (sqrt 4 + 1) = lr 2/3 (inside it would be lr 2 / sqrt 5). */
START_TEST(adagrad_eps_outside_the_root)
{
    struct hyper h = adagrad_kind.defaults;
    double theta[1];
    const double lr = 0.1;
    h.lr = lr, h.eps = 1;
    run_steps(&adagrad_kind, &h, 1.0, two_twice, 1, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2.0 / 3, TOLERANCE);
}
END_TEST

/* Weight decay: g1 = 2 + 0.5 * 1 = 2.5; maximize: the step goes up. */
START_TEST(adagrad_weight_decay_and_maximize)
{
    struct hyper h = adagrad_kind.defaults;
    double theta[1];
    const double lr = 0.1, eps = 1e-10;
    h.lr = lr, h.weight_decay = 0.5;
    run_steps(&adagrad_kind, &h, 1.0, two_twice, 1, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2.5 / (2.5 + eps), TOLERANCE);
    h.weight_decay = 0, h.maximize = true;
    run_steps(&adagrad_kind, &h, 1.0, two_twice, 1, theta);
    ck_assert_double_eq_tol(theta[0], 1 + lr * 2 / (2 + eps), TOLERANCE);
}
END_TEST

/* ---------------------------------------------------------- RMSprop */

/* alpha = 0.75, g = 2: v_t = (1 - 0.75^t) 4, so v1 = 1 and v2 = 1.75. */
START_TEST(rmsprop_first_steps)
{
    struct hyper h = rmsprop_kind.defaults;
    double theta[2];
    const double lr = 0.1, eps = 1e-8;
    h.lr = lr, h.alpha = 0.75;
    run_steps(&rmsprop_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2 / (1 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * 2 / (sqrt(1.75) + eps), TOLERANCE);
}
END_TEST

/* Centered, alpha = 0.5: m_t = (1 - 0.5^t) g too, and
 * v_t - m_t^2 = g^2 (1 - 0.5^t) 0.5^t: 1 at t = 1, 0.75 at t = 2. */
START_TEST(rmsprop_centered)
{
    struct hyper h = rmsprop_kind.defaults;
    double theta[2];
    const double lr = 0.1, eps = 1e-8;
    h.lr = lr, h.alpha = 0.5, h.centered = true;
    run_steps(&rmsprop_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2 / (1 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * 2 / (sqrt(0.75) + eps), TOLERANCE);
}
END_TEST

/* Momentum 0.9, alpha = 0.75: the buffer starts at zero, so
 * b1 = g / d1 and b2 = 0.9 b1 + g / d2 (d1 = 1 + eps, d2 = sqrt(1.75) + eps). */
START_TEST(rmsprop_momentum)
{
    struct hyper h = rmsprop_kind.defaults;
    double theta[2];
    const double lr = 0.1, eps = 1e-8, d1 = 1 + eps, d2 = sqrt(1.75) + eps;
    h.lr = lr, h.alpha = 0.75, h.momentum = 0.9;
    run_steps(&rmsprop_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2 / d1, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * (0.9 * 2 / d1 + 2 / d2), TOLERANCE);
}
END_TEST

/* --------------------------------------------------------- Adadelta */

/* rho = 0.5, eps = 1e-2 (large, so its role shows), lr 1, g = 2:
 * v1 = 2, delta1 = sqrt(eps / (2 + eps)) g, u1 = delta1^2 / 2,
 * v2 = 3, delta2 = sqrt((u1 + eps) / (3 + eps)) g. */
START_TEST(adadelta_first_steps)
{
    struct hyper h = adadelta_kind.defaults;
    double theta[2];
    const double eps = 1e-2;
    const double delta1 = sqrt(eps / (2 + eps)) * 2, u1 = delta1 * delta1 / 2;
    const double delta2 = sqrt((u1 + eps) / (3 + eps)) * 2;
    h.rho = 0.5, h.eps = eps;
    run_steps(&adadelta_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - delta1, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], 1 - delta1 - delta2, TOLERANCE);
}
END_TEST

/* ------------------------------------------------------------- Adam */

/* Constant g: m-hat = g and v-hat = g^2 at every step, so every step is
 * lr g / (|g| + eps) = lr sign(g) up to eps. */
START_TEST(adam_constant_gradient_steps_by_lr)
{
    struct hyper h = adam_kind.defaults;
    double theta[3];
    const double lr = 0.1, eps = 1e-8, step = lr * 2 / (2 + eps);
    h.lr = lr;
    run_steps(&adam_kind, &h, 1.0, two_twice, 3, theta);
    ck_assert_double_eq_tol(theta[0], 1 - step, TOLERANCE);
    ck_assert_double_eq_tol(theta[1], 1 - 2 * step, TOLERANCE);
    ck_assert_double_eq_tol(theta[2], 1 - 3 * step, TOLERANCE);
}
END_TEST

/* g1 = 1, g2 = 3: m-hat2 = (b1 + 3) / (1 + b1), v-hat2 = (b2 + 9) / (1 + b2). */
START_TEST(adam_changing_gradient)
{
    struct hyper h = adam_kind.defaults;
    const double grads[2] = {1, 3}, lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double theta[2];
    h.lr = lr;
    run_steps(&adam_kind, &h, 1.0, grads, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr / (1 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * ((b1 + 3) / (1 + b1)) /
                            (sqrt((b2 + 9) / (1 + b2)) + eps), TOLERANCE);
}
END_TEST

/* AMSGrad keeps the largest raw v: betas 0.5, 0.5, g1 = 3, g2 = 1:
 * v1 = 4.5, v2 = 2.75, max 4.5, v-hat = 4.5 / 0.75 = 6 (plain Adam:
 * 2.75 / 0.75 = 11/3); m-hat2 = 1.25 / 0.75 = 5/3. */
START_TEST(adam_amsgrad)
{
    struct hyper h = adam_kind.defaults;
    const double grads[2] = {3, 1}, lr = 0.1, eps = 1e-8;
    double theta[2];
    h.lr = lr, h.beta1 = 0.5, h.beta2 = 0.5, h.amsgrad = true;
    run_steps(&adam_kind, &h, 1.0, grads, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 3 / (3 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * (5.0 / 3) / (sqrt(6.0) + eps), TOLERANCE);
    h.amsgrad = false;
    run_steps(&adam_kind, &h, 1.0, grads, 2, theta);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr * (5.0 / 3) / (sqrt(11.0 / 3) + eps),
                            TOLERANCE);
}
END_TEST

/* Adam's weight decay is L2 (g' = g + lambda theta: the step is still
 * lr sign(g')), AdamW's is decoupled (theta shrinks by 1 - lr lambda first);
 * maximize flips the sign of the step. */
START_TEST(adam_weight_decay_adamw_and_maximize)
{
    struct hyper h = adam_kind.defaults, w = adamw_kind.defaults;
    const double lr = 0.1, lambda = 0.5, eps = 1e-8;
    double theta[1];
    h.lr = lr, h.weight_decay = lambda;
    run_steps(&adam_kind, &h, 1.0, two_twice, 1, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr * 2.5 / (2.5 + eps), TOLERANCE);
    w.lr = lr, w.weight_decay = lambda;
    run_steps(&adamw_kind, &w, 1.0, two_twice, 1, theta);
    ck_assert_double_eq_tol(theta[0], (1 - lr * lambda) - lr * 2 / (2 + eps), TOLERANCE);
    h.weight_decay = 0, h.maximize = true;
    run_steps(&adam_kind, &h, 1.0, two_twice, 1, theta);
    ck_assert_double_eq_tol(theta[0], 1 + lr * 2 / (2 + eps), TOLERANCE);
}
END_TEST

/* ----------------------------------------------------------- Adamax */

/* betas 0.5, 0.75, g1 = 2, g2 = 1: u1 = 2 + eps, m1 = 1, step lr / 0.5;
 * u2 = max(0.75 u1, 1 + eps) = 0.75 (2 + eps), m2 = 1, step lr / 0.75. */
START_TEST(adamax_first_steps)
{
    struct hyper h = adamax_kind.defaults;
    const double grads[2] = {2, 1}, lr = 0.1, eps = 1e-8;
    double theta[2];
    h.lr = lr, h.beta1 = 0.5, h.beta2 = 0.75;
    run_steps(&adamax_kind, &h, 1.0, grads, 2, theta);
    ck_assert_double_eq_tol(theta[0], 1 - lr / 0.5 * 1 / (2 + eps), TOLERANCE);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr / 0.75 * 1 / (0.75 * (2 + eps)), TOLERANCE);
}
END_TEST

/* ------------------------------------------------------------ NAdam */

/* mu_t = b1 (1 - 0.96^(t psi) / 2).  Step 1: m1 = (1 - b1) g, v-hat = g^2,
 * theta1 = theta0 - lr g / (|g| + eps) [1 + mu2 (1 - b1) / (1 - mu1 mu2)]
 * (PyTorch 2.x: the product up to t + 1 is mu1 mu2; 1.13 used mu1^2 mu2). */
START_TEST(nadam_first_step)
{
    struct hyper h = nadam_kind.defaults;
    const double lr = 0.1, b1 = 0.9, eps = 1e-8;
    double theta[1];
    for (int k = 0; k < 2; k++) {
        const double psi = k == 0 ? 4e-3 : 0.5;
        const double mu1 = b1 * (1 - 0.5 * pow(0.96, psi));
        const double mu2 = b1 * (1 - 0.5 * pow(0.96, 2 * psi));
        h.lr = lr, h.momentum_decay = psi;
        run_steps(&nadam_kind, &h, 1.0, two_twice, 1, theta);
        ck_assert_double_eq_tol(theta[0], 1 - lr * 2 / (2 + eps) *
                                (1 + mu2 * (1 - b1) / (1 - mu1 * mu2)), TOLERANCE);
    }
}
END_TEST

/* Step 2 with psi = 0: mu = b1 / 2 every step (call it mu), products mu^2
 * and mu^3; m2 = (1 - b1^2) g, v-hat = g^2. */
START_TEST(nadam_second_step)
{
    struct hyper h = nadam_kind.defaults;
    const double lr = 0.1, b1 = 0.9, eps = 1e-8, mu = b1 / 2;
    double theta[2];
    h.lr = lr, h.momentum_decay = 0;
    run_steps(&nadam_kind, &h, 1.0, two_twice, 2, theta);
    ck_assert_double_eq_tol(theta[1], theta[0] - lr / (2 + eps) *
                            ((1 - mu) / (1 - mu * mu) * 2 +
                             mu / (1 - mu * mu * mu) * (1 - b1 * b1) * 2), TOLERANCE);
}
END_TEST

/* ------------------------------------------- flags on every optimizer */

/* Gradients that change sign and size, for the two tests below. */
static const double wiggly[6] = {2.0, -0.5, 1.25, 3.0, -2.0, 0.75};

/* maximize negates the gradient first and changes nothing else, so it is
 * minimising with -g, bit for bit, for every optimizer (weight decay on, to
 * show that it is added after the negation). */
START_TEST(maximize_is_minimising_minus_g)
{
    for (size_t k = 0; optimizer_kinds[k] != NULL; k++) {
        const struct optimizer_kind *kind = optimizer_kinds[k];
        struct hyper up = kind->defaults, down = kind->defaults;
        struct optimizer a, b;
        double x = 1.0, y = 1.0;
        up.lr = down.lr = 0.1;
        up.weight_decay = down.weight_decay = 0.25;
        up.maximize = true;
        optimizer_init(&a, kind, &up, 1);
        optimizer_init(&b, kind, &down, 1);
        for (int t = 0; t < 6; t++) {
            double minus = -wiggly[t];
            optimizer_step(&a, &x, &wiggly[t]);
            optimizer_step(&b, &y, &minus);
            ck_assert_msg(x == y, "%s, step %d: %.17g != %.17g", kind->name, t + 1, x, y);
        }
        optimizer_free(&a);
        optimizer_free(&b);
    }
}
END_TEST

/* Weight decay (all but AdamW) is the gradient of the L2 penalty
 * lambda/2 theta^2 added to g: the same as no decay fed g + lambda theta. */
START_TEST(weight_decay_is_an_l2_gradient)
{
    for (size_t k = 0; optimizer_kinds[k] != NULL; k++) {
        const struct optimizer_kind *kind = optimizer_kinds[k];
        struct hyper decay = kind->defaults, plain = kind->defaults;
        struct optimizer a, b;
        double x = 1.0, y = 1.0;
        if (kind == &adamw_kind)
            continue;                       /* decoupled: tested by hand above */
        decay.lr = plain.lr = 0.1;
        decay.weight_decay = 0.25;
        plain.weight_decay = 0.0;
        optimizer_init(&a, kind, &decay, 1);
        optimizer_init(&b, kind, &plain, 1);
        for (int t = 0; t < 6; t++) {
            double with_penalty = wiggly[t] + 0.25 * y;
            optimizer_step(&a, &x, &wiggly[t]);
            optimizer_step(&b, &y, &with_penalty);
            ck_assert_msg(x == y, "%s, step %d: %.17g != %.17g", kind->name, t + 1, x, y);
        }
        optimizer_free(&a);
        optimizer_free(&b);
    }
}
END_TEST

/* optimizer_reset forgets everything: a run after a reset repeats the
 * first run bit for bit (the lab never resets mid-run; chapters do). */
START_TEST(reset_starts_afresh)
{
    for (size_t k = 0; optimizer_kinds[k] != NULL; k++) {
        const struct optimizer_kind *kind = optimizer_kinds[k];
        struct hyper h = kind->defaults;
        struct optimizer opt;
        double first[6], x = 1.0;
        h.lr = 0.1;
        optimizer_init(&opt, kind, &h, 1);
        for (int t = 0; t < 6; t++) {
            optimizer_step(&opt, &x, &wiggly[t]);
            first[t] = x;
        }
        optimizer_reset(&opt);
        x = 1.0;
        for (int t = 0; t < 6; t++) {
            optimizer_step(&opt, &x, &wiggly[t]);
            ck_assert_msg(x == first[t], "%s after reset, step %d", kind->name, t + 1);
        }
        optimizer_free(&opt);
    }
}
END_TEST

/* ------------------------------------------------ PyTorch's checks */

static bool valid(const char *name, struct hyper h)
{
    char message[256];
    return hyper_is_valid(optimizer_kind_named(name), &h, message, sizeof message);
}

START_TEST(checks_refuse_what_pytorch_refuses)
{
    struct hyper h = sgd_kind.defaults;
    ck_assert(valid("sgd", h));
    h.lr = -0.1;
    ck_assert(!valid("sgd", h));
    h = sgd_kind.defaults, h.nesterov = true;
    ck_assert(!valid("sgd", h));                  /* Nesterov without momentum */
    h.momentum = 0.9;
    ck_assert(valid("sgd", h));
    h.dampening = 0.1;
    ck_assert(!valid("sgd", h));                  /* ... or with dampening */
    h = adam_kind.defaults, h.beta1 = 1.0;
    ck_assert(!valid("adam", h));                 /* betas in [0, 1) */
    h = adam_kind.defaults, h.beta2 = -0.1;
    ck_assert(!valid("adamw", h));
    h = adam_kind.defaults, h.beta1 = 0.0;
    ck_assert(valid("adam", h));
    h = adadelta_kind.defaults, h.rho = 1.0;
    ck_assert(valid("adadelta", h));              /* rho in [0, 1], closed */
    h = adadelta_kind.defaults, h.rho = 0;
    ck_assert(valid("adadelta", h));
    h.rho = 1.5;
    ck_assert(!valid("adadelta", h));
    h = adagrad_kind.defaults, h.lr_decay = -1;
    ck_assert(!valid("adagrad", h));
    h = adagrad_kind.defaults, h.initial_accumulator_value = -1;
    ck_assert(!valid("adagrad", h));
    h = rmsprop_kind.defaults, h.alpha = -0.5;
    ck_assert(!valid("rmsprop", h));
    h = nadam_kind.defaults, h.momentum_decay = -1;
    ck_assert(!valid("nadam", h));
    h = nadam_kind.defaults, h.eps = -1e-8;
    ck_assert(!valid("nadam", h));
    h = adamax_kind.defaults, h.weight_decay = -1;
    ck_assert(!valid("adamax", h));
}
END_TEST

START_TEST(every_optimizer_is_named_and_takes_lr)
{
    static const char *const names[] = {"sgd", "adagrad", "rmsprop", "adadelta",
                                        "adam", "adamw", "adamax", "nadam"};
    for (size_t k = 0; k < 8; k++) {
        const struct optimizer_kind *kind = optimizer_kind_named(names[k]);
        ck_assert_ptr_nonnull(kind);
        ck_assert(kind->takes & TAKES_LR);
    }
    ck_assert_ptr_null(optimizer_kind_named("adamm"));
    ck_assert_uint_eq(hyper_flag_bit("--initial-accumulator-value"),
                      TAKES_INITIAL_ACCUMULATOR_VALUE);
    ck_assert_str_eq(hyper_flag_name(TAKES_BETAS), "--betas");
}
END_TEST

/* ------------------------------------------------ the run loop, CSV */

/* The lab's loop with SGD at learning rate lr on a built-in function from
 * theta[0..dim) (left at the last finite iterate), printing every every-th
 * row; the CSV comes back in *text (caller frees). */
/* "\nSTEP,": the start of the row of that step in a run's CSV. */
static const char *row_of(long step)
{
    static char row[32];
    snprintf(row, sizeof row, "\n%ld,", step);
    return row;
}

static struct run_result run_sgd(const char *spec, double lr, double *theta, long steps,
                                 long every, char **text)
{
    struct function f = function_from_spec("--function", spec);
    struct objective objective = {&f, NULL, false, NULL, false};
    struct schedule schedule = {steps, every, 0, false, 0};
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    FILE *out = tmpfile();
    struct run_result result;
    h.lr = lr;
    optimizer_init(&opt, &sgd_kind, &h, f.dim);
    result = lab_run(out, theta, &opt, &objective, &schedule);
    optimizer_free(&opt);
    *text = slurp(out);
    return result;
}

/* --every 4 over 10 steps prints rows 0, 4, 8 and the last, 10. */
START_TEST(every_prints_the_last_row_too)
{
    double theta[2] = {0, 0};
    char *text;
    struct run_result result = run_sgd("booth", 0.01, theta, 10, 4, &text);
    ck_assert_int_eq(result.rows, 4);
    ck_assert(!result.diverged);
    ck_assert_ptr_nonnull(strstr(text, "step,loss,x1,x2\n0,74,0,0\n4,"));
    ck_assert_ptr_nonnull(strstr(text, "\n8,"));
    ck_assert_ptr_nonnull(strstr(text, row_of(2 * 4)));    /* the row 2K, K = 4 */
    ck_assert_ptr_nonnull(strstr(text, "\n10,"));
    free(text);
}
END_TEST

/* f = x^2 / 2 with lr 3 multiplies x by -2 each step: from 1, x = (-2)^k.
 * f is computed as 0.5 (x x), and x x = 2^1024 overflows at k = 512 (f
 * itself would be 2^1023).  Printing every row, the run stops there: row
 * 511 is the last one, and theta is left at x_511 = -2^511. */
START_TEST(divergence_stops_at_the_last_finite_row)
{
    double theta[1] = {1};
    char *text;
    struct run_result result = run_sgd("quadratic:1", 3, theta, 5000, 1, &text);
    ck_assert(result.diverged);
    ck_assert_int_eq(result.diverged_at, 512);
    ck_assert_str_eq(result.why, "the loss");
    ck_assert_int_eq(result.rows, 512);                       /* rows 0..511 */
    ck_assert_ptr_nonnull(strstr(text, "\n511,"));
    ck_assert_ptr_null(strstr(text, "\n512,"));
    ck_assert_ptr_null(strstr(text, "inf"));
    ck_assert_ptr_null(strstr(text, "nan"));
    ck_assert_double_eq(theta[0], -ldexp(1.0, 511));
    free(text);
}
END_TEST

/* With --every 100 the loss is looked at on printed rows only: the run is
 * stopped at row 600, whose loss is inf; rows 0..500 were printed, and
 * row 599 (f = 2^1197) cannot be. */
START_TEST(divergence_with_every)
{
    double theta[1] = {1};
    char *text;
    struct run_result result = run_sgd("quadratic:1", 3, theta, 5000, 100, &text);
    ck_assert(result.diverged);
    ck_assert_int_eq(result.diverged_at, 600);
    ck_assert_int_eq(result.rows, 6);                         /* 0, 100, ..., 500 */
    ck_assert_ptr_nonnull(strstr(text, "\n500,"));
    ck_assert_ptr_null(strstr(text, "inf"));
    free(text);
}
END_TEST

/* Parameters are checked at every step, printed or not: from x = 2^500
 * (f = 2^999, finite), x_k = (-2)^k 2^500 overflows at k = 524, between
 * printed rows 0 and 1000. */
START_TEST(divergence_of_a_parameter)
{
    double theta[1] = {ldexp(1.0, 500)};
    char *text;
    struct run_result result = run_sgd("quadratic:1", 3, theta, 2000, 1000, &text);
    free(text);
    ck_assert(result.diverged);
    ck_assert_int_eq(result.diverged_at, 524);
    ck_assert_str_eq(result.why, "a parameter");
    ck_assert_int_eq(result.rows, 1);
}
END_TEST

/* CRLF line ends, spaces around numbers, no final newline. */
START_TEST(data_file_crlf_and_no_final_newline)
{
    static const char text[] = "x1, x2 ,y\r\n1,2,3\r\n 4 ,5, 6\r\n-1e-3,.2e1,7";
    struct dataset data;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
    ck_assert_uint_eq(data.count, 3);
    ck_assert_uint_eq(data.features, 2);
    ck_assert_double_eq(data.x[2], 4.0);
    ck_assert_double_eq(data.x[4], -1e-3);
    ck_assert_double_eq(data.x[5], 2.0);
    ck_assert_double_eq(data.y[2], 7.0);
    dataset_free(&data);
}
END_TEST

/* A spreadsheet's byte order mark, and the bare CR line ends of old Macs. */
START_TEST(data_file_byte_order_mark_and_bare_cr)
{
    static const char text[] = "\xef\xbb\xbfx,y\r1,3\r2,5\r\r";
    struct dataset data;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
    ck_assert_uint_eq(data.count, 2);
    ck_assert_double_eq(data.x[1], 2.0);
    ck_assert_double_eq(data.y[1], 5.0);
    dataset_free(&data);
}
END_TEST

START_TEST(data_file_trailing_blank_lines)
{
    static const char text[] = "a,y\n1,2\n\n\r\n";
    struct dataset data;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
    ck_assert_uint_eq(data.count, 1);
    ck_assert_double_eq(data.y[0], 2.0);
    dataset_free(&data);
}
END_TEST

/* Appends the cell text[0..) to the growing buffer *all (used *used). */
static void append(char **all, size_t *used, size_t *room, const char *text)
{
    size_t length = strlen(text);
    if (*used + length + 1 > *room) {
        *room = 2 * (*used + length + 1);
        *all = realloc(*all, *room);
        ck_assert_ptr_nonnull(*all);
    }
    memcpy(*all + *used, text, length + 1);
    *used += length;
}

/* The text of a data file of `rows` rows of `columns` cells of the book's
 * normal numbers, in the styles chosen by the generator: %.17g or %.6g,
 * some cells quoted or with spaces (which the careful way reads), and LF,
 * CRLF or CR line ends; expected[] <- what strtod reads in each cell. */
static char *file_text(size_t rows, size_t columns, bool mixed, double *expected, size_t *used)
{
    static const char *const ends[] = {"\n", "\r\n", "\r"};
    struct rng rng;
    char *all = NULL, cell[64];
    size_t room = 0;
    *used = 0;
    rng_seed(&rng, 7);
    for (size_t j = 0; j < columns; j++) {
        snprintf(cell, sizeof cell, j + 1 < columns ? "x%zu," : "y\n", j + 1);
        append(&all, used, &room, cell);
    }
    for (size_t i = 0; i < rows; i++) {
        const char *end = mixed ? ends[rng_below(&rng, 3)] : "\n";
        for (size_t j = 0; j < columns; j++) {
            double value = rng_normal(&rng);
            int style = mixed ? (int)rng_below(&rng, 8) : 0;
            char numeral[32];
            snprintf(numeral, sizeof numeral, style == 1 ? "%.6g" : "%.17g", value);
            expected[i * columns + j] = strtod(numeral, NULL);
            snprintf(cell, sizeof cell, style == 2 ? "\"%s\"" : style == 3 ? " %s " : "%s",
                     numeral);
            append(&all, used, &room, cell);
            append(&all, used, &room, j + 1 < columns ? "," : end);
        }
    }
    return all;
}

/* dataset_read_csv reads a file in blocks of 16 KiB cut after their last
 * line end, and makes room for its rows from the file's size after the
 * first block: it must read what dataset_parse_csv reads in the same text
 * whole, and both what strtod reads in each cell, bit for bit.  The files:
 * 3000 rows of 3 cells in every style above, mixed, over a dozen blocks
 * (read the fast way and the careful way, line ends of every kind), and 12
 * rows of 1200 cells, each longer than a block (cut wherever it falls). */
START_TEST(read_in_blocks_is_read_whole)
{
    static const size_t shapes[2][2] = {{3000, 3}, {12, 1200}};
    for (int s = 0; s < 2; s++) {
        const size_t rows = shapes[s][0], columns = shapes[s][1];
        double *expected = calloc(rows * columns, sizeof *expected);
        size_t length;
        char *text = file_text(rows, columns, s == 0, expected, &length);
        char path[] = "/tmp/descent-blocks-XXXXXX";
        int fd = mkstemp(path);
        FILE *file = fd < 0 ? NULL : fdopen(fd, "wb");
        struct dataset whole, blocks;
        ck_assert_ptr_nonnull(file);
        ck_assert_uint_eq(fwrite(text, 1, length, file), length);
        ck_assert_int_eq(fclose(file), 0);
        ck_assert_uint_gt(length, 16384 * (s == 0 ? 4 : 12));  /* many blocks, long rows */
        dataset_parse_csv(&whole, path, text, length);
        dataset_read_csv(&blocks, path);
        remove(path);
        ck_assert_uint_eq(whole.count, rows);
        ck_assert_uint_eq(blocks.count, rows);
        ck_assert_uint_eq(blocks.features, columns - 1);
        for (size_t i = 0; i < rows; i++) {
            for (size_t j = 0; j + 1 < columns; j++) {
                const size_t at = i * (columns - 1) + j;
                ck_assert_int_eq(memcmp(&blocks.x[at], &expected[i * columns + j],
                                        sizeof(double)), 0);
                ck_assert_int_eq(memcmp(&whole.x[at], &blocks.x[at], sizeof(double)), 0);
            }
            ck_assert_int_eq(memcmp(&blocks.y[i], &expected[i * columns + columns - 1],
                                    sizeof(double)), 0);
            ck_assert_int_eq(memcmp(&whole.y[i], &blocks.y[i], sizeof(double)), 0);
        }
        dataset_free(&whole);
        dataset_free(&blocks);
        free(text);
        free(expected);
    }
}
END_TEST

/* A bad cell stops the program with status 2 (the message is checked by
 * tests/A-lab.sh, so it is kept out of this suite's report). */
START_TEST(data_file_bad_cell_exits_2)
{
    static const char text[] = "a,y\n1,nan\n";
    struct dataset data;
    if (freopen("/dev/null", "w", stderr) == NULL)
        return;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
}
END_TEST

/* Files as people save them (the manual's "What the reader reads"): every
 * cell quoted, a byte order mark, names that look like numbers to strtod
 * but are not decimal numerals (nan, 0x1F), a pandas index column read as
 * a feature, numbers written 0.5, -2, .5, 1e-3, spaces inside quotes. */
START_TEST(reader_reads_as_people_save)
{
    static const char text[] = "\xef\xbb\xbf\"nan\",0x1F,\"Unnamed: 0\",\"a \"\"b\"\"\",y\r\n"
                               "\"0.5\", -2 ,\" .5 \",1e-3,7\r\n";
    struct dataset data;
    if (freopen("/dev/null", "w", stderr) == NULL)  /* the index column's warning */
        return;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
    ck_assert_uint_eq(data.count, 1);
    ck_assert_uint_eq(data.features, 4);
    ck_assert_double_eq(data.x[0], 0.5);
    ck_assert_double_eq(data.x[1], -2.0);
    ck_assert_double_eq(data.x[2], .5);
    ck_assert_double_eq(data.x[3], 1e-3);
    ck_assert_double_eq(data.y[0], 7.0);
    dataset_free(&data);
}
END_TEST

/* A decimal comma and thousands separators, quoted so that they stay one
 * cell, are refused (tests/A-lab.sh checks the advice in the messages). */
START_TEST(decimal_comma_is_refused)
{
    static const char text[] = "x,y\n\"1,5\",2\n";
    struct dataset data;
    if (freopen("/dev/null", "w", stderr) == NULL)
        return;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
}
END_TEST

START_TEST(thousands_separators_are_refused)
{
    static const char text[] = "x,y\n\"1,234,567\",2\n";
    struct dataset data;
    if (freopen("/dev/null", "w", stderr) == NULL)
        return;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
}
END_TEST

/* --standardize on y = 2x + 1 at x = 1, 2, 3: the mean is 2 and the
 * standard deviation (divided by n) sqrt(2/3); the scaled feature z has
 * mean 0 and variance 1, and y = 2 sqrt(2/3) z + 5 holds at every sample.
 * Tolerance 1e-15: a few roundings of numbers near 1 to 7. */
START_TEST(standardize_line)
{
    static const char text[] = "x,y\n1,3\n2,5\n3,7\n";
    struct dataset data;
    double mean, spread, sum = 0.0;
    dataset_parse_csv(&data, "t.csv", text, sizeof text - 1);
    ck_assert_uint_eq(dataset_standardize(&data, &mean, &spread), 0);
    ck_assert_double_eq(mean, 2.0);
    ck_assert_double_eq_tol(spread, sqrt(2.0 / 3), 1e-15);
    for (size_t i = 0; i < 3; i++) {
        sum += data.x[i];
        /* z = (x - mean) / sd: so the scaled feature has variance 1 */
        ck_assert_double_eq_tol(data.x[i] * spread, (double)i + 1 - mean, 1e-15);
        ck_assert_double_eq_tol(data.y[i], 2 * sqrt(2.0 / 3) * data.x[i] + 5, 1e-15);
    }
    ck_assert_double_eq_tol(sum / 3, 0.0, 1e-15);
    dataset_free(&data);
}
END_TEST

/* --gradcheck (chapter 5): every built-in gradient and the regression pass
 * at their starts; a gradient with one coordinate's sign flipped is found
 * at that coordinate with relative error 2 (equal sizes, opposite signs). */
static void booth_sign_flipped(const struct function *f, double *grad, const double *x)
{
    struct function booth = function_from_spec("--function", "booth");
    (void)f;
    booth.gradient(&booth, grad, x);
    grad[1] = -grad[1];
}

START_TEST(gradcheck_passes_the_book_and_finds_a_flipped_sign)
{
    static const char *const specs[] = {"quadratic", "rosenbrock", "beale", "himmelblau",
                                        "booth", "x2sinx"};
    struct function f;
    struct objective objective = {&f, NULL, false, NULL, false};
    const double x[2] = {0.5, -1.0};
    struct gradcheck_result r;
    for (size_t k = 0; k < sizeof specs / sizeof specs[0]; k++) {
        f = function_from_spec("--function", specs[k]);
        ck_assert_double_le(lab_gradcheck(&objective, f.start).worst, GRADCHECK_PASS);
    }
    f = function_from_spec("--function", "booth");
    f.gradient = booth_sign_flipped;
    r = lab_gradcheck(&objective, x);
    ck_assert_int_eq(r.coordinate, 1);
    ck_assert_double_eq_tol(r.worst, 2.0, 1e-9);
}
END_TEST

/* ------------------------------------------- the manual's own claims */

/* The optimizer tables of chapters/A-lab/README.md: PyTorch's defaults, as
 * every kind starts them; first SGD and chapter 7's optimizers. */
START_TEST(manual_defaults_chapters_6_7)
{
    ck_assert_double_eq(sgd_kind.defaults.lr, 0.001);
    ck_assert_double_eq(sgd_kind.defaults.momentum, 0);
    ck_assert_double_eq(sgd_kind.defaults.dampening, 0);
    ck_assert_double_eq(sgd_kind.defaults.weight_decay, 0);
    ck_assert_double_eq(adagrad_kind.defaults.lr, 0.01);
    ck_assert_double_eq(adagrad_kind.defaults.lr_decay, 0);
    ck_assert_double_eq(adagrad_kind.defaults.initial_accumulator_value, 0);
    ck_assert_double_eq(adagrad_kind.defaults.weight_decay, 0);
    ck_assert_double_eq(adagrad_kind.defaults.eps, 1e-10);
    ck_assert_double_eq(rmsprop_kind.defaults.lr, 0.01);
    ck_assert_double_eq(rmsprop_kind.defaults.alpha, 0.99);
    ck_assert_double_eq(rmsprop_kind.defaults.eps, 1e-8);
    ck_assert_double_eq(rmsprop_kind.defaults.momentum, 0);
    ck_assert_double_eq(rmsprop_kind.defaults.weight_decay, 0);
    ck_assert_double_eq(adadelta_kind.defaults.lr, 1);
    ck_assert_double_eq(adadelta_kind.defaults.rho, 0.9);
    ck_assert_double_eq(adadelta_kind.defaults.eps, 1e-6);
    ck_assert_double_eq(adadelta_kind.defaults.weight_decay, 0);
    /* each row of the manual's table as one assertion, in its order */
    {
        const struct hyper sgd = sgd_kind.defaults, adagrad = adagrad_kind.defaults;
        const struct hyper rmsprop = rmsprop_kind.defaults, adadelta = adadelta_kind.defaults;
        ck_assert(sgd.lr == 0.001 && sgd.momentum == 0 && sgd.dampening == 0 && sgd.weight_decay == 0);
        ck_assert(adagrad.lr == 0.01 && adagrad.lr_decay == 0 && adagrad.weight_decay == 0 &&
                  adagrad.initial_accumulator_value == 0 && adagrad.eps == 1e-10);
        ck_assert(rmsprop.lr == 0.01 && rmsprop.alpha == 0.99 && rmsprop.eps == 1e-8 && rmsprop.weight_decay == 0 &&
                  rmsprop.momentum == 0);
        ck_assert(adadelta.lr == 1 && adadelta.rho == 0.9 && adadelta.eps == 1e-6 && adadelta.weight_decay == 0);
    }
}
END_TEST

/* The Adam family's (NAdam's flags are AdaMax's plus momentum_decay). */
START_TEST(manual_defaults_chapter_8)
{
    ck_assert_double_eq(adam_kind.defaults.lr, 0.001);
    ck_assert_double_eq(adam_kind.defaults.beta1, 0.9);
    ck_assert_double_eq(adam_kind.defaults.beta2, 0.999);
    ck_assert_double_eq(adam_kind.defaults.eps, 1e-8);
    ck_assert_double_eq(adam_kind.defaults.weight_decay, 0);
    ck_assert_double_eq(adamw_kind.defaults.weight_decay, 0.01);
    ck_assert_double_eq(adamax_kind.defaults.lr, 0.002);
    ck_assert_double_eq(adamax_kind.defaults.beta1, 0.9);
    ck_assert_double_eq(adamax_kind.defaults.beta2, 0.999);
    ck_assert_double_eq(adamax_kind.defaults.eps, 1e-8);
    ck_assert_double_eq(adamax_kind.defaults.weight_decay, 0);
    ck_assert_double_eq(nadam_kind.defaults.lr, adamax_kind.defaults.lr);
    ck_assert_double_eq(nadam_kind.defaults.beta1, adamax_kind.defaults.beta1);
    ck_assert_double_eq(nadam_kind.defaults.beta2, adamax_kind.defaults.beta2);
    ck_assert_double_eq(nadam_kind.defaults.eps, adamax_kind.defaults.eps);
    ck_assert_double_eq(nadam_kind.defaults.weight_decay, adamax_kind.defaults.weight_decay);
    ck_assert_double_eq(nadam_kind.defaults.momentum_decay, 0.004);
    /* each row of the manual's table as one assertion, in its order */
    {
        const struct hyper adam = adam_kind.defaults, adamax = adamax_kind.defaults;
        ck_assert(adam.lr == 0.001 && adam.beta1 == 0.9 && adam.beta2 == 0.999 && adam.eps == 1e-8 &&
                  adam.weight_decay == 0);
        ck_assert(adamax.lr == 0.002 && adamax.beta1 == 0.9 && adamax.beta2 == 0.999 && adamax.eps == 1e-8 &&
                  adamax.weight_decay == 0);
    }
}
END_TEST

/* kind (with lr, or its default when lr is 0) on Rosenbrock from the lab's
 * start (-1.5, 2) for steps updates; returns the loss, and the path length
 * of x1 (the sum of |x1 moves|) and the longest move of either coordinate. */
static double rosenbrock_run(const struct optimizer_kind *kind, double lr, long steps,
                             double *theta, double *path, double *longest)
{
    const struct function f = function_from_spec("--function", "rosenbrock");
    struct hyper h = kind->defaults;
    struct optimizer opt;
    double grad[2];
    if (lr > 0)
        h.lr = lr;
    theta[0] = -1.5, theta[1] = 2;
    *path = *longest = 0;
    optimizer_init(&opt, kind, &h, 2);
    for (long k = 0; k < steps; k++) {
        double before[2] = {theta[0], theta[1]};
        f.gradient(&f, grad, theta);
        optimizer_step(&opt, theta, grad);
        *path += fabs(theta[0] - before[0]);
        *longest = fmax(*longest, fmax(fabs(theta[0] - before[0]), fabs(theta[1] - before[1])));
    }
    optimizer_free(&opt);
    return f.value(&f, theta);
}

/* The manual's first run: Adam with lr 0.1, whose first step moves each
 * coordinate by lr |g| / (|g| + eps), 0.1 to within 1e-9, although the
 * gradient at (-1.5, 2) is (-155, -50): -1.5 -> -1.4 and 2 -> 2.1.  Row 0
 * is the start. */
/* The manual's divergence: gradient descent on 1/2 (x1^2 + 10 x2^2) with
 * lr 0.3 multiplies x2 by 1 - 0.3 * 10 = -2 at every step; printed every 100
 * steps, the overflowing loss is noticed at the row of step 600. */
START_TEST(manual_divergence)
{
    const struct function f = function_from_spec("--function", "quadratic");
    struct objective objective = {0};
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double theta[2] = {1, 1};
    objective.function = &f;
    h.lr = 0.3;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    struct schedule one = {1, 1, 0, false, 0};
    lab_run(NULL, theta, &opt, &objective, &one);
    ck_assert_double_eq_tol(theta[1], 1 - 0.3 * 10, 1e-15);
    ck_assert_double_eq_tol(theta[1], -2, 1e-15);
    optimizer_free(&opt);
    theta[0] = theta[1] = 1;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    struct schedule run = {1000, 100, 0, false, 0};
    FILE *rows = tmpfile();                 /* the loss is checked on printed rows */
    ck_assert_ptr_nonnull(rows);
    struct run_result r = lab_run(rows, theta, &opt, &objective, &run);
    fclose(rows);
    ck_assert(r.diverged);
    ck_assert_int_eq(r.diverged_at, 600);
    optimizer_free(&opt);
}
END_TEST

/* "The loss only on the rows that are printed, so with --every K an
 * overflowing loss is noticed at the next printed row (here step 600;
 * printing every row, the lab stops at the very first row whose loss is
 * infinite)."  x2 = (-2)^k, so f = 5 4^k + ... overflows first at k = 511
 * (5 2^1022 > DBL_MAX), while the parameters stay finite until 2^1024.
 * Printing every 100th row the run is stopped at 600, printing every row at
 * 511: the delay is the printing, and goes with it. */
START_TEST(divergence_noticed_at_the_next_printed_row)
{
    const struct function f = function_from_spec("--function", "quadratic");
    struct objective objective = {0};
    struct hyper h = sgd_kind.defaults;
    const long every[2] = {100, 1}, seen[2] = {600, 511};
    objective.function = &f;
    h.lr = 0.3;
    ck_assert(isinf(5 * ldexp(1, 1022)) && !isinf(5 * ldexp(1, 1020)));
    for (int c = 0; c < 2; c++) {
        struct optimizer opt;
        double theta[2] = {1, 1};
        struct schedule run = {1000, every[c], 0, false, 0};
        FILE *rows = tmpfile();
        struct run_result r;
        ck_assert_ptr_nonnull(rows);
        optimizer_init(&opt, &sgd_kind, &h, 2);
        r = lab_run(rows, theta, &opt, &objective, &run);
        fclose(rows);
        optimizer_free(&opt);
        ck_assert(r.diverged);
        ck_assert_int_eq(r.diverged_at, seen[c]);
        ck_assert_str_eq(r.why, "the loss");
    }
}
END_TEST

START_TEST(manual_first_run)
{
    const struct function f = function_from_spec("--function", "rosenbrock");
    double theta[2] = {-1.5, 2}, grad[2], path, longest;
    f.gradient(&f, grad, theta);
    ck_assert_double_eq_tol(grad[0], -155, 1e-12);
    ck_assert_double_eq_tol(grad[1], -50, 1e-12);
    rosenbrock_run(&adam_kind, 0.1, 0, theta, &path, &longest);
    ck_assert_double_eq(theta[0], -1.5);
    ck_assert_double_eq(theta[1], 2);
    rosenbrock_run(&adam_kind, 0.1, 1, theta, &path, &longest);
    ck_assert_double_eq_tol(theta[0], -1.4, 1e-9);
    ck_assert_double_eq_tol(theta[1], 2.1, 1e-9);
}
END_TEST

/* Plain SGD ends lower than Adam after 2000 steps with their defaults, and
 * why: Adam's moves are at most about its lr, 0.001 (the longest here is
 * 0.001 to 1e-6), so in 2000 steps x1 could move by 2000 * 0.001 = 2 at
 * most, less than the 2.5 from -1.5 to the minimum's 1; it moves 0.21 in
 * all.  Remove the cause, ten times the lr (0.01), and Adam ends at 0.0077,
 * below SGD's 0.195. */
START_TEST(manual_sgd_beats_adam_with_defaults)
{
    double theta[2], path, longest, sgd, adam, adam_longer;
    sgd = rosenbrock_run(&sgd_kind, 0, 2000, theta, &path, &longest);
    adam = rosenbrock_run(&adam_kind, 0, 2000, theta, &path, &longest);
    ck_assert_double_lt(sgd, adam);
    ck_assert_str_eq(fixed(3, sgd), "0.195");
    ck_assert_double_le(longest, 0.001 * (1 + 1e-6));
    {
        /* Rosenbrock's x1: its minimum a and its start, from the toolkit */
        const struct function rosenbrock = function_from_spec("--function", "rosenbrock");
        const double minimum = rosenbrock.param[0], start = rosenbrock.start[0];
        ck_assert(start == -1.5 && minimum == 1);
        ck_assert_double_lt(2000 * 0.001, minimum - start);
        ck_assert_double_eq_tol(minimum - start, 2.5, 1e-15);
    }
    ck_assert_str_eq(fixed(2, path), "0.21");
    ck_assert_double_le(path, 2);    /* 2000 moves of at most 0.001 */
    adam_longer = rosenbrock_run(&adam_kind, 0.01, 2000, theta, &path, &longest);
    ck_assert_double_lt(adam_longer, sgd);
    ck_assert_str_eq(fixed(4, adam_longer), "0.0077");
}
END_TEST

/* The manual's shuffled SGD on the three samples (batch 1, shuffle:1, lr
 * 0.1): step 4 leaves the weights where step 3 put them, (2.384, 1.808),
 * because the first sample of the second epoch is row 3 of the file,
 * x = (1, 2) with y = 6, which they already fit: 2.384 + 2 * 1.808 = 6, so
 * its gradient is 0 (to rounding: 1e-15). */
START_TEST(manual_shuffled_step_4)
{
    struct dataset data;
    struct regression model = {&data, false};
    struct objective objective = {NULL, &model, false, NULL, false};
    struct hyper h = sgd_kind.defaults;
    struct rng rng;
    size_t order[3];
    double after[7][2] = {{0, 0}};
    long still = 0, last_move = 0;
    h.lr = 0.1;
    dataset_read_csv(&data, "chapters/A-lab/three-samples.csv");
    for (long steps = 1; steps <= 6; steps++) {    /* the manual's six rows */
        struct schedule schedule = {steps, 1, 1, true, 1};
        struct optimizer opt;
        after[steps][0] = after[steps][1] = 0;
        optimizer_init(&opt, &sgd_kind, &h, 2);
        lab_run(NULL, after[steps], &opt, &objective, &schedule);
        optimizer_free(&opt);
        if (fabs(after[steps][0] - after[steps - 1][0]) < 1e-15
            && fabs(after[steps][1] - after[steps - 1][1]) < 1e-15) {
            if (still == 0)
                still = steps;
        } else if (still == 0) {
            last_move = steps;
        }
    }
    ck_assert_int_eq(still, 4);            /* the one step that does not move */
    ck_assert_int_eq(last_move, 3);        /* where the weights stay */
    ck_assert_double_eq_tol(after[3][0], 2.384, 1e-12);
    ck_assert_double_eq_tol(after[3][1], 1.808, 1e-12);
    ck_assert_double_eq_tol(2.384 + 2 * 1.808, 6, 1e-12);
    rng_seed(&rng, 1);                       /* the order of epoch 2 */
    for (int epoch = 0; epoch < 2; epoch++) {
        for (size_t i = 0; i < 3; i++)
            order[i] = i;
        rng_shuffle(&rng, order, 3);
    }
    ck_assert_uint_eq(order[0], 2);          /* the file's third row: 1, 2, 6 */
    dataset_free(&data);
}
END_TEST

/* ------------------------------------- chapters 9 and 10 in the lab */

/* The refusals the manual lists, through scheduler_check as the lab calls
 * it: a step_size or T_max below 1 (the smallest accepted is 1), a
 * start_factor of 0, a pct_start outside [0, 1]. */
START_TEST(lab_scheduler_refusals)
{
    struct optimizer opt;
    struct hyper h = sgd_kind.defaults;
    long smallest_step = LONG_MAX, smallest_t_max = LONG_MAX;     /* none yet */
    struct scheduler_settings s;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (long n = 3; n >= -3; n--) {
        s = scheduler_defaults(STEP_LR);
        s.step_size = n;
        if (scheduler_check(&s, &opt) == NULL)
            smallest_step = n;
        s = scheduler_defaults(COSINE_ANNEALING_LR);
        s.t_max = n;
        if (scheduler_check(&s, &opt) == NULL)
            smallest_t_max = n;
    }
    ck_assert_int_eq(smallest_step, 1);
    ck_assert_int_eq(smallest_t_max, 1);
    s = scheduler_defaults(LINEAR_LR);
    ck_assert_ptr_null(scheduler_check(&s, &opt));
    s.start_factor = 0;
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));
    s = scheduler_defaults(ONE_CYCLE_LR);
    s.max_lr = 0.1, s.total_steps = 10, s.cycle_momentum = false;
    s.pct_start = 0;
    ck_assert_ptr_null(scheduler_check(&s, &opt));
    s.pct_start = 1;
    ck_assert_ptr_null(scheduler_check(&s, &opt));
    s.pct_start = -0.01;
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));
    s.pct_start = 1.01;
    ck_assert_ptr_nonnull(scheduler_check(&s, &opt));
    optimizer_free(&opt);
}
END_TEST

/* The defaults the manual's table states are PyTorch's (lr_scheduler.py,
 * 2.x): gamma 0.1 (StepLR, MultiStepLR), eta_min 0, start_factor 1/3,
 * end_factor 1, total_iters 5, pct_start 0.3, div_factor 25,
 * final_div_factor 1e4, momentum from 0.85 to 0.95, cycled; and a
 * scheduler flag given to the lab lands in the settings, the required
 * ones left for the user (0 until given). */
START_TEST(lab_scheduler_defaults)
{
    struct scheduler_settings s = scheduler_defaults(STEP_LR);
    struct lab_extras o = lab_extras_defaults();
    char *argv[] = {"descent", "--t-max", "10", "--scheduler", "cosineannealinglr",
                    "--eta-min", "0.5"};
    ck_assert_double_eq(s.gamma, 0.1);
    ck_assert_double_eq(scheduler_defaults(MULTI_STEP_LR).gamma, 0.1);
    ck_assert_int_eq(s.step_size, 0);
    ck_assert_double_eq(s.eta_min, 0);
    ck_assert_double_eq(s.start_factor, 1.0 / 3);
    ck_assert_double_eq(s.end_factor, 1);
    ck_assert_int_eq(s.total_iters, 5);
    ck_assert_double_eq(s.pct_start, 0.3);
    ck_assert_double_eq_tol(100 * s.pct_start, 30, 1e-12);     /* "30 %" of the run */
    ck_assert_double_eq(s.div_factor, 25);
    ck_assert_double_eq(s.final_div_factor, 1e4);
    {   /* "Adam on Booth ... down to a ten-thousandth of its start": the
         * appendix's OneCycleLR (--max-lr 0.5, 100 updates), its rate at the
         * last update over its first; the same doubles as the woven run
         * prints (2e-6 over 0.02), to rounding */
        struct scheduler_settings one = scheduler_defaults(ONE_CYCLE_LR);
        one.max_lr = 0.5;
        one.total_steps = 100;
        ck_assert_double_eq_tol(schedule_closed_form(&one, 0.5, one.total_steps - 1) /
                                    schedule_closed_form(&one, 0.5, 0),
                                1.0 / 10000, 1e-18);
    }
    ck_assert_double_eq(s.base_momentum, 0.85);
    ck_assert_double_eq(s.max_momentum, 0.95);
    ck_assert(s.cycle_momentum && !s.three_phase && !s.anneal_linear);
    /* flags before --scheduler are kept; the rest are the defaults */
    for (int i = 1; i < 7; i++)
        ck_assert(lab_extras_flag(&o, 7, argv, &i));
    ck_assert(o.scheduler_on);
    ck_assert_int_eq(o.scheduler.name, COSINE_ANNEALING_LR);
    ck_assert_int_eq(o.scheduler.t_max, 10);
    ck_assert_double_eq(o.scheduler.eta_min, 0.5);
}
END_TEST

/* The lab's line-search defaults as the appendix states them: Armijo's
 * backtracking factor one half, its constant 1e-4. */
START_TEST(lab_line_search_defaults_as_documented)
{
    const struct lab_line_search d = lab_line_search_defaults();
    ck_assert_double_eq(d.rho, 1.0 / 2);
    ck_assert_double_eq(d.c, 1e-4);
}
END_TEST

/* The lab's loop with a scheduler: the last column is the rate each row's
 * update used.  StepLR(step_size 2, gamma 1/2) from lr 1/8 (exact in
 * binary) on booth: rows 0, 1, 2 used 1/8, rows 3, 4 used 1/16, row 5
 * 1/32 (row 0: the first update's rate).  Per epoch on small_data's seven
 * samples in batches of three (3 updates an epoch, the last of 1 sample),
 * ExponentialLR(1/2) halves after rows 3 and 6. */
START_TEST(lab_scheduler_lr_column)
{
    struct function f = function_from_spec("--function", "booth");
    struct objective objective = {.function = &f};
    struct schedule schedule = {5, 1, 0, false, 0};
    struct lab_line_search none = lab_line_search_defaults();
    struct lab_extras extras = lab_extras_defaults();
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double theta[2] = {0, 0};
    FILE *out = tmpfile();
    char *text;
    extras.scheduler_on = true;
    extras.scheduler = scheduler_defaults(STEP_LR);
    extras.scheduler.step_size = 2;
    extras.scheduler.gamma = 0.5;
    h.lr = 0.125;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    lab_run_extended(out, theta, &opt, &objective, &schedule, &none, &extras);
    optimizer_free(&opt);
    text = slurp(out);
    ck_assert_ptr_nonnull(strstr(text, "step,loss,x1,x2,lr\n0,74,0,0,0.125\n1,"));
    ck_assert_ptr_nonnull(strstr(text, ",0.125\n2,"));
    ck_assert_ptr_nonnull(strstr(text, ",0.125\n3,"));
    ck_assert_ptr_nonnull(strstr(text, ",0.0625\n4,"));
    ck_assert_ptr_nonnull(strstr(text, ",0.0625\n5,"));
    ck_assert_ptr_nonnull(strstr(text, ",0.03125\n"));
    {   /* "steplr halving the rate every second update": the lr column read
         * back, rows 1 to 5 (row k: the rate of update k) */
        double lr[6];
        const char *line = text;
        for (int k = 0; k < 6; k++) {
            const char *end;
            line = strchr(line, '\n') + 1;             /* past the header, then row k - 1 */
            end = strchr(line, '\n');
            ck_assert_ptr_nonnull(end);
            while (end > line && end[-1] != ',')
                end--;
            lr[k] = strtod(end, NULL);
        }
        for (int k = 0; k < 3; k++)          /* updates 1 to 3 against 3 to 5 */
            ck_assert_double_eq(lr[k + 3] / lr[k + 1], 1.0 / 2);
    }
    free(text);
    {
        struct dataset data = {0};
        struct regression model = {&data, true};
        struct objective on_data = {.model = &model};
        struct schedule epochs = {9, 1, 3, false, 0};
        double w[3] = {0, 0, 0};
        small_data(&data);
        extras.scheduler = scheduler_defaults(EXPONENTIAL_LR);
        extras.scheduler.gamma = 0.5;
        extras.every_epoch = true;
        out = tmpfile();
        optimizer_init(&opt, &sgd_kind, &h, 3);
        lab_run_extended(out, w, &opt, &on_data, &epochs, &none, &extras);
        optimizer_free(&opt);
        dataset_free(&data);
        text = slurp(out);
        ck_assert_ptr_nonnull(strstr(text, ",0.125\n4,"));
        ck_assert_ptr_nonnull(strstr(text, ",0.0625\n5,"));
        ck_assert_ptr_nonnull(strstr(text, ",0.0625\n7,"));
        ck_assert_ptr_nonnull(strstr(text, ",0.03125\n8,"));
        free(text);
    }
}
END_TEST

/* Booth's gradient at (0, 0) is (-34, -38).  Clamped to 30 it is
 * (-30, -30), of norm 30 sqrt 2 > 40; then scaled to 40 / (norm + 1e-6)
 * its components stay equal.  The other order (the norm first, to
 * (-26.7, -29.8); then nothing to clamp) would not: the lab's step is
 * value, then norm. */
START_TEST(lab_clip_value_then_norm)
{
    struct function f = function_from_spec("--function", "booth");
    struct objective objective = {.function = &f};
    struct schedule schedule = {1, 1, 0, false, 0};
    struct lab_line_search none = lab_line_search_defaults();
    struct lab_extras extras = lab_extras_defaults();
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double theta[2] = {0, 0}, g[2] = {-34, -38};
    const double scale = 40 / (30 * sqrt(2) + 1e-6);
    ck_assert_double_eq(CLIP_EPS, 1e-6);
    extras.clip_value = 30;
    extras.clip_norm = 40;
    h.lr = 1;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    lab_run_extended(NULL, theta, &opt, &objective, &schedule, &none, &extras);
    optimizer_free(&opt);
    ck_assert_double_eq(theta[0], theta[1]);
    ck_assert_double_eq_tol(theta[0], 30 * scale, 1e-12);
    clip_grad_norm(g, 2, 40);               /* the other order */
    clip_grad_value(g, 2, 30);
    ck_assert(fabs(g[0] - g[1]) > 3);
}
END_TEST

/* chain:10,1.5: output 1.5^10 = 57.665..., target 1, loss 1605.46;
 * every weight's gradient is (h - 1) h / 1.5 = (1.5^10 - 1) 1.5^9 = 2178.3;
 * with lr 0.1 the first update takes every weight to 1.5 - 217.8 = -216.3. */
START_TEST(lab_chain_gradient)
{
    struct function f = lab_function_from_spec("--function", "chain:10,1.5");
    double grad[10], h = pow(1.5, 10);
    f.gradient(&f, grad, f.start);
    ck_assert_str_eq(fixed(1, h), "57.7");
    ck_assert_double_eq_tol(2 * f.value(&f, f.start), (h - 1) * (h - 1), 1e-9);
    /* the target, read back from the loss (output - target)^2 / 2 */
    ck_assert_double_eq_tol(h - sqrt(2 * f.value(&f, f.start)), 1, 1e-9);
    ck_assert_double_eq_tol(grad[0], (h - 1) * pow(1.5, 9), 1e-9);
    ck_assert_str_eq(fixed(0, grad[0]), "2178");
    ck_assert_str_eq(fixed(0, 1.5 - 0.1 * grad[0]), "-216");
    for (int j = 1; j < 10; j++)                /* every weight's the same */
        ck_assert_double_eq_tol(grad[j], grad[0], 1e-9);
}
END_TEST

/* The same chain clipped at norm 1, lr 0.1, for 1000 steps: every weight
 * ends at 1 exactly and the loss at 0 (a product of ten ones is the
 * target). */
START_TEST(lab_chain_clipped)
{
    struct function f = lab_function_from_spec("--function", "chain:10,1.5");
    struct objective objective = {.function = &f};
    struct schedule schedule = {1000, 1000, 0, false, 0};
    struct lab_line_search none = lab_line_search_defaults();
    struct lab_extras extras = lab_extras_defaults();
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double theta[10];
    struct run_result result;
    memcpy(theta, f.start, sizeof theta);
    extras.clip_norm = 1;
    h.lr = 0.1;
    optimizer_init(&opt, &sgd_kind, &h, 10);
    result = lab_run_extended(NULL, theta, &opt, &objective, &schedule, &none, &extras);
    optimizer_free(&opt);
    ck_assert(!result.diverged);
    for (int j = 0; j < 10; j++)
        ck_assert_double_eq(theta[j], 1);
    ck_assert_double_eq(f.value(&f, theta), 0);
}
END_TEST

/* The manual quotes the tolerances of tests/A-lab/torch_schedules.py:
 * 1e-15 relative to max(1, |value|), and chapter 6's 1e-13 for SGD with
 * momentum.  A change in the script must reach the manual. */
START_TEST(lab_torch_tolerances)
{
    FILE *script = fopen("tests/A-lab/torch_schedules.py", "r");
    const char *line;
    char *text;
    ck_assert_ptr_nonnull(script);
    fseek(script, 0, SEEK_END);             /* slurp reads up to the position */
    text = slurp(script);
    line = strstr(text, "\nTOLERANCE = 1e-15");
    ck_assert_ptr_nonnull(line);
    ck_assert_int_eq(line[strlen("\nTOLERANCE = 1e-15")], '\n');     /* not 1e-150 */
    ck_assert_ptr_nonnull(strstr(text, "\nFUSED_TOLERANCE = 1e-13 "));
    ck_assert_ptr_nonnull(strstr(text, "abs(ours - theirs) / max(1.0, abs(theirs))"));
    free(text);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("A-lab");
    TCase *same = tcase_create("lab equivalences");
    TCase *sgd = tcase_create("lab SGD by hand");
    TCase *adaptive = tcase_create("lab Adagrad, RMSprop, Adadelta by hand");
    TCase *adam = tcase_create("lab Adam, AdamW, Adamax, NAdam by hand");
    TCase *flags = tcase_create("lab flags on every optimizer");
    TCase *checks = tcase_create("lab PyTorch's checks");
    TCase *loop = tcase_create("lab run loop and data files");

    tcase_add_test(same, sgd_without_momentum_is_gd_step);
    tcase_add_test(same, full_batch_is_batch_n);
    tcase_add_test(same, adamw_without_decay_is_adam);
    tcase_add_test(same, shuffled_run_repeats_with_its_seed);
    tcase_add_test(same, shuffle_visits_rng_shuffle_order);
    tcase_add_test(same, manual_three_samples);
    tcase_add_test(sgd, sgd_momentum_and_dampening);
    tcase_add_test(sgd, sgd_nesterov);
    tcase_add_test(sgd, sgd_weight_decay_and_maximize);
    tcase_add_test(adaptive, adagrad_first_steps);
    tcase_add_test(adaptive, adagrad_lr_decay_and_initial_accumulator);
    tcase_add_test(adaptive, adagrad_eps_outside_the_root);
    tcase_add_test(adaptive, adagrad_weight_decay_and_maximize);
    tcase_add_test(adaptive, rmsprop_first_steps);
    tcase_add_test(adaptive, rmsprop_centered);
    tcase_add_test(adaptive, rmsprop_momentum);
    tcase_add_test(adaptive, adadelta_first_steps);
    tcase_add_test(adam, adam_constant_gradient_steps_by_lr);
    tcase_add_test(adam, adam_changing_gradient);
    tcase_add_test(adam, adam_amsgrad);
    tcase_add_test(adam, adam_weight_decay_adamw_and_maximize);
    tcase_add_test(adam, adamax_first_steps);
    tcase_add_test(adam, nadam_first_step);
    tcase_add_test(adam, nadam_second_step);
    tcase_add_test(flags, maximize_is_minimising_minus_g);
    tcase_add_test(flags, weight_decay_is_an_l2_gradient);
    tcase_add_test(flags, reset_starts_afresh);
    tcase_add_test(checks, checks_refuse_what_pytorch_refuses);
    tcase_add_test(checks, every_optimizer_is_named_and_takes_lr);
    tcase_add_test(loop, every_prints_the_last_row_too);
    tcase_add_test(loop, gradcheck_passes_the_book_and_finds_a_flipped_sign);
    tcase_add_test(loop, divergence_stops_at_the_last_finite_row);
    tcase_add_test(loop, divergence_with_every);
    tcase_add_test(loop, divergence_of_a_parameter);
    tcase_add_test(loop, data_file_crlf_and_no_final_newline);
    tcase_add_test(loop, data_file_byte_order_mark_and_bare_cr);
    tcase_add_test(loop, data_file_trailing_blank_lines);
    tcase_add_exit_test(loop, data_file_bad_cell_exits_2, 2);
    tcase_add_test(loop, reader_reads_as_people_save);
    tcase_add_test(loop, read_in_blocks_is_read_whole);
    tcase_add_test(loop, standardize_line);
    if (!(getenv("CK_FORK") && strcmp(getenv("CK_FORK"), "no") == 0)) {
        tcase_add_exit_test(loop, decimal_comma_is_refused, 2);
        tcase_add_exit_test(loop, thousands_separators_are_refused, 2);
    }
    suite_add_tcase(suite, same);
    suite_add_tcase(suite, sgd);
    suite_add_tcase(suite, adaptive);
    suite_add_tcase(suite, adam);
    suite_add_tcase(suite, flags);
    suite_add_tcase(suite, checks);
    suite_add_tcase(suite, loop);
    {
        TCase *manual = tcase_create("lab: the manual's claims");
        tcase_add_test(manual, manual_defaults_chapters_6_7);
        tcase_add_test(manual, manual_defaults_chapter_8);
        tcase_add_test(manual, manual_first_run);
        tcase_add_test(manual, manual_divergence);
        tcase_add_test(manual, divergence_noticed_at_the_next_printed_row);
        tcase_add_test(manual, manual_sgd_beats_adam_with_defaults);
        tcase_add_test(manual, manual_shuffled_step_4);
        suite_add_tcase(suite, manual);
    }
    {
        TCase *extras = tcase_create("lab: schedulers and clipping (chapters 9, 10)");
        tcase_add_test(extras, lab_scheduler_defaults);
        tcase_add_test(extras, lab_scheduler_refusals);
        tcase_add_test(extras, lab_scheduler_lr_column);
        tcase_add_test(extras, lab_line_search_defaults_as_documented);
        tcase_add_test(extras, lab_clip_value_then_norm);
        tcase_add_test(extras, lab_chain_gradient);
        tcase_add_test(extras, lab_chain_clipped);
        tcase_add_test(extras, lab_torch_tolerances);
        suite_add_tcase(suite, extras);
    }
    return suite;
}
