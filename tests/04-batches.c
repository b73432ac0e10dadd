/* tests/04-batches.c: the worked examples of chapter 4 and its module.
 *
 * The three samples (x1, x2, y) = (1, 1, 4), (2, 1, 6), (1, 2, 6), model
 * y_hat = w1 x1 + w2 x2, w^(0) = (0, 0), eta = 1/10.  Every expected value is
 * the exact fraction the chapter derives.  Tolerance: each is a few dozen
 * double operations on small integers and tenths away from that fraction,
 * so within a few units in the last place (1e-15 relative for numbers of
 * size 1 to 30); 1e-12 leaves room and still catches any wrong step.
 */
#include "harness.h"
#include "01-update-rule/gd.h"
#include "04-batches/regression.h"
#include "06-momentum/sgd.h"
#include "A-lab/datafile.h"
#include "A-lab/lab.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#define TOLERANCE 1e-12

static struct dataset data;
static struct regression model;
static const size_t all[3] = {0, 1, 2};

static void three_samples(void)
{
    static const double x[6] = {1, 1, 2, 1, 1, 2}, y[3] = {4, 6, 6};
    dataset_init(&data, 3, 2);
    for (size_t i = 0; i < 6; i++)
        data.x[i] = x[i];
    for (size_t i = 0; i < 3; i++)
        data.y[i] = y[i];
    model = (struct regression){&data, false};
}

static void free_samples(void)
{
    dataset_free(&data);
}

/* One update on batch[0..size) at w, checked against the hand table:
 * the batch's loss and gradient at w, the new w, the loss on all three. */
static void check_update(double *w, const size_t *batch, size_t size, double batch_loss,
                         double g1, double g2, double w1, double w2, double loss)
{
    double grad[2];
    ck_assert_double_eq_tol(mse_loss(&model, w, batch, size), batch_loss, TOLERANCE);
    mse_grad(&model, grad, w, batch, size);
    ck_assert_double_eq_tol(grad[0], g1, TOLERANCE);
    ck_assert_double_eq_tol(grad[1], g2, TOLERANCE);
    gd_step(w, grad, 2, 0.1);
    ck_assert_double_eq_tol(w[0], w1, TOLERANCE);
    ck_assert_double_eq_tol(w[1], w2, TOLERANCE);
    ck_assert_double_eq_tol(mse_loss(&model, w, NULL, 0), loss, TOLERANCE);
}

/* BGD, three iterations.  w^(k) = (2 - 2 (4/15)^k) (1, 1),
 * L(w^(k)) = 88/3 (16/225)^k, grad L(w^(k)) = -44/3 (4/15)^k (1, 1). */
START_TEST(bgd_three_iterations)
{
    double w[2] = {0, 0};
    ck_assert_double_eq_tol(mse_loss(&model, w, NULL, 0), 88.0 / 3, TOLERANCE);
    check_update(w, all, 3, 88.0 / 3, -44.0 / 3, -44.0 / 3, 22.0 / 15, 22.0 / 15,
                 1408.0 / 675);
    /* predictions at w^(1) = (22/15, 22/15): 44/15, 22/5, 22/5 */
    ck_assert_double_eq_tol(regression_predict(&model, w, 0), 44.0 / 15, TOLERANCE);
    ck_assert_double_eq_tol(regression_predict(&model, w, 1), 22.0 / 5, TOLERANCE);
    ck_assert_double_eq_tol(regression_predict(&model, w, 2), 22.0 / 5, TOLERANCE);
    check_update(w, all, 3, 1408.0 / 675, -176.0 / 45, -176.0 / 45, 418.0 / 225, 418.0 / 225,
                 22528.0 / 151875);
    /* predictions at w_2 = 418/225 (1, 1): 836/225, 418/75, 418/75 */
    ck_assert_double_eq_tol(regression_predict(&model, w, 0), 836.0 / 225, TOLERANCE);
    ck_assert_double_eq_tol(regression_predict(&model, w, 1), 418.0 / 75, TOLERANCE);
    check_update(w, all, 3, 22528.0 / 151875, -704.0 / 675, -704.0 / 675, 6622.0 / 3375,
                 6622.0 / 3375, 360448.0 / 34171875);
}
END_TEST

/* The closed form at k = 10: w = 2 - 2 (4/15)^10 = 2 - 2097152/576650390625. */
START_TEST(bgd_closed_form_at_step_10)
{
    double w[2] = {0, 0}, grad[2];
    for (int k = 0; k < 10; k++) {
        mse_grad(&model, grad, w, NULL, 0);
        gd_step(w, grad, 2, 0.1);
    }
    ck_assert_double_eq_tol(w[0], 2.0 - 2097152.0 / 576650390625.0, TOLERANCE);
    ck_assert_double_eq_tol(w[1], 2.0 - 2097152.0 / 576650390625.0, TOLERANCE);
}
END_TEST

/* A hand calculation that rounds w to two decimals after every update gets
 * 1.47, 1.86, then 1.86 + (1/10)(22/3)(0.14) = 1.962666..., written 1.963;
 * its losses at 1.47 and 1.86 are 22/3 (0.53)^2 = 2.0599... and
 * 22/3 (0.14)^2 = 0.143733..., printed 2.06 and 0.144. */
START_TEST(rounded_path)
{
    double rounded[2] = {0, 0}, grad[2];
    mse_grad(&model, grad, rounded, NULL, 0);
    gd_step(rounded, grad, 2, 0.1);
    /* Rounding 22/15 to 1.47 moves w by 1/300 (0.0033); the distance to 2
     * becomes 0.53 = (159/160)(8/15), so the loss drops by 1 - (159/160)^2
     * = 319/25600, the chapter's "about 1.2 %". */
    ck_assert_double_eq_tol(round(100.0 * rounded[0]) / 100.0, 1.47, TOLERANCE);
    ck_assert_double_eq_tol(1.47 - rounded[0], 1.0 / 300, TOLERANCE);
    ck_assert_double_eq_tol(1.0 - (0.53 / (2.0 - rounded[0])) * (0.53 / (2.0 - rounded[0])), 319.0 / 25600,
                            TOLERANCE);
    rounded[0] = rounded[1] = 1.47;
    ck_assert_double_eq_tol(mse_loss(&model, rounded, NULL, 0), 22.0 / 3 * 0.53 * 0.53, TOLERANCE);
    mse_grad(&model, grad, rounded, NULL, 0);
    gd_step(rounded, grad, 2, 0.1);
    ck_assert_double_eq_tol(rounded[0], 1.47 + 22.0 / 3 * 0.053, TOLERANCE);
    rounded[0] = rounded[1] = 1.86;
    ck_assert_double_eq_tol(mse_loss(&model, rounded, NULL, 0), 22.0 / 3 * 0.14 * 0.14, TOLERANCE);
    mse_grad(&model, grad, rounded, NULL, 0);
    gd_step(rounded, grad, 2, 0.1);
    ck_assert_double_eq_tol(rounded[0], 1.86 + 22.0 / 3 * 0.014, TOLERANCE);
}
END_TEST

/* SGD in order 1, 2, 3: single-sample losses 16, 324/25, 324/625 before
 * each update; after them w = (4/5, 4/5), (56/25, 38/25), (298/125, 226/125)
 * and the loss on all three 264/25, 24/125, 384/3125. */
START_TEST(sgd_three_updates)
{
    double w[2] = {0, 0};
    check_update(w, &all[0], 1, 16.0, -8.0, -8.0, 4.0 / 5, 4.0 / 5, 264.0 / 25);
    ck_assert_double_eq_tol(regression_predict(&model, w, 1), 12.0 / 5, TOLERANCE);
    check_update(w, &all[1], 1, 324.0 / 25, -72.0 / 5, -36.0 / 5, 56.0 / 25, 38.0 / 25,
                 24.0 / 125);
    /* The second update divides the loss on all three by (264/25)/(24/125) = 55. */
    ck_assert_double_eq_tol((264.0 / 25) / mse_loss(&model, w, NULL, 0), 55.0, TOLERANCE);
    ck_assert_double_eq_tol(regression_predict(&model, w, 2), 132.0 / 25, TOLERANCE);
    check_update(w, &all[2], 1, 324.0 / 625, -36.0 / 25, -72.0 / 25, 298.0 / 125, 226.0 / 125,
                 384.0 / 3125);
}
END_TEST

/* Batches of two: {1, 2}, {3}, {1, 2}, {3}. */
START_TEST(minibatch_two_epochs)
{
    double w[2] = {0, 0};
    check_update(w, &all[0], 2, 26.0, -16.0, -10.0, 8.0 / 5, 1.0, 274.0 / 75);
    ck_assert_double_eq_tol(regression_predict(&model, w, 2), 18.0 / 5, TOLERANCE);
    check_update(w, &all[2], 1, 144.0 / 25, -24.0 / 5, -48.0 / 5, 52.0 / 25, 49.0 / 25,
                 2.0 / 375);
    check_update(w, &all[0], 2, 1.0 / 125, 7.0 / 25, 4.0 / 25, 513.0 / 250, 243.0 / 125,
                 37.0 / 18750);
    check_update(w, &all[2], 1, 9.0 / 2500, -3.0 / 25, -6.0 / 25, 258.0 / 125, 246.0 / 125,
                 32.0 / 9375);
}
END_TEST

/* Exercise 1: the fourth BGD iteration, from w^(3) = 6622/3375 (1, 1):
 * grad = -2816/10125 (1, 1), w^(4) = 100738/50625 (1, 1),
 * L(w^(4)) = 5767168/7688671875. */
START_TEST(exercise_1_fourth_iteration)
{
    double w[2] = {6622.0 / 3375, 6622.0 / 3375};
    ck_assert_double_eq_tol(regression_predict(&model, w, 0), 13244.0 / 3375, TOLERANCE);
    ck_assert_double_eq_tol(regression_predict(&model, w, 1), 6622.0 / 1125, TOLERANCE);
    ck_assert_double_eq_tol(regression_predict(&model, w, 2), 6622.0 / 1125, TOLERANCE);
    check_update(w, all, 3, 360448.0 / 34171875, -2816.0 / 10125, -2816.0 / 10125,
                 100738.0 / 50625, 100738.0 / 50625, 5767168.0 / 7688671875.0);
}
END_TEST

/* Exercise 2: SGD in order 3, 2, 1: single-sample losses 36, 36/25,
 * 64/625; w = (6/5, 12/5), (42/25, 66/25), (202/125, 322/125); losses on all
 * three 8/15, 128/375, 3456/15625. */
START_TEST(exercise_2_order_3_2_1)
{
    double w[2] = {0, 0};
    check_update(w, &all[2], 1, 36.0, -12.0, -24.0, 6.0 / 5, 12.0 / 5, 8.0 / 15);
    ck_assert_double_eq_tol(regression_predict(&model, w, 1), 24.0 / 5, TOLERANCE);
    check_update(w, &all[1], 1, 36.0 / 25, -24.0 / 5, -12.0 / 5, 42.0 / 25, 66.0 / 25,
                 128.0 / 375);
    ck_assert_double_eq_tol(regression_predict(&model, w, 0), 108.0 / 25, TOLERANCE);
    check_update(w, &all[0], 1, 64.0 / 625, 16.0 / 25, 16.0 / 25, 202.0 / 125, 322.0 / 125,
                 3456.0 / 15625);
}
END_TEST

/* Exercise 3: the Hessian is (2/3) X^T X = [[4, 10/3], [10/3, 4]], with
 * eigenvalues 22/3 (along (1, 1)) and 2/3; BGD is stable for eta < 2/(22/3)
 * = 3/11.  At eta = 3/11, r = -1: w goes 0, (4, 4), 0, ...; at 0.28 the
 * error grows by |1 - 22(0.28)/3| = 1.0533... per step; at 0.27 it shrinks
 * by 0.98. */
START_TEST(exercise_3_largest_stable_eta)
{
    double w[2] = {0, 0}, grad[2];
    mse_grad(&model, grad, w, NULL, 0);
    gd_step(w, grad, 2, 3.0 / 11);
    ck_assert_double_eq_tol(w[0], 4.0, TOLERANCE);
    ck_assert_double_eq_tol(w[1], 4.0, TOLERANCE);
    mse_grad(&model, grad, w, NULL, 0);
    gd_step(w, grad, 2, 3.0 / 11);
    ck_assert_double_eq_tol(w[0], 0.0, TOLERANCE);
    for (int k = 0; k < 2; k++) {
        double eta = k == 0 ? 0.28 : 0.27, r = 1.0 - 22.0 * eta / 3.0;
        w[0] = w[1] = 0;
        mse_grad(&model, grad, w, NULL, 0);
        gd_step(w, grad, 2, eta);
        ck_assert_double_eq_tol(w[0] - 2.0, -2.0 * r, TOLERANCE);
        mse_grad(&model, grad, w, NULL, 0);
        gd_step(w, grad, 2, eta);
        ck_assert_double_eq_tol(w[0] - 2.0, -2.0 * r * r, TOLERANCE);
    }
}
END_TEST

/* ---------------------------------------------------------------- module */

/* [[4, 2], [2, 3]] x = (8, 7): L = [[2, 0], [1, sqrt 2]], x = (5/4, 3/2). */
START_TEST(cholesky_small_system)
{
    double a[4] = {4, 2, 2, 3}, b[2] = {8, 7}, singular[4] = {1, 2, 2, 4}, c[2] = {1, 1};
    ck_assert(cholesky_solve(a, b, 2));
    ck_assert_double_eq_tol(a[0], 2.0, TOLERANCE);
    ck_assert_double_eq_tol(a[2], 1.0, TOLERANCE);
    ck_assert_double_eq_tol(a[3], sqrt(2.0), TOLERANCE);
    ck_assert_double_eq_tol(b[0], 5.0 / 4, TOLERANCE);
    ck_assert_double_eq_tol(b[1], 3.0 / 2, TOLERANCE);
    ck_assert(!cholesky_solve(singular, c, 2));
}
END_TEST

/* On the three samples the least-squares weights are (2, 2), exactly: the
 * data fit with no residual.  Gram = X^T X / 3 = [[2, 5/3], [5/3, 2]]. */
START_TEST(least_squares_of_the_worked_example)
{
    double w[2], gram[4];
    ck_assert(least_squares(w, &data));
    ck_assert_double_eq_tol(w[0], 2.0, TOLERANCE);
    ck_assert_double_eq_tol(w[1], 2.0, TOLERANCE);
    gram_matrix(gram, &data);
    ck_assert_double_eq_tol(gram[0], 2.0, TOLERANCE);
    ck_assert_double_eq_tol(gram[1], 5.0 / 3, TOLERANCE);
    ck_assert_double_eq_tol(gram[2], 5.0 / 3, TOLERANCE);
    ck_assert_double_eq_tol(gram[3], 2.0, TOLERANCE);
}
END_TEST

/* Power iteration: the Gram matrix above has eigenvalues 2 + 5/3 = 11/3
 * (along (1, 1), where the iteration starts, so it is exact at once) and
 * 2 - 5/3 = 1/3: half the Hessian's 22/3 and 2/3.  From starts off the
 * top eigenvector, [[3, 1], [1, 2]] has (5 + sqrt 5)/2 and (5 - sqrt 5)/2
 * (ratio 0.38) and diag(1/2, 2, 1) has 2 (ratio 1/2, as chapter 4's Gram
 * matrix): the Rayleigh quotient's error shrinks like ratio^(2k), far
 * below 1e-12 after 200 products. */
START_TEST(largest_eigenvalue_by_power_iteration)
{
    double gram[4], skew[4] = {3, 1, 1, 2}, diagonal[9] = {0.5, 0, 0, 0, 2, 0, 0, 0, 1};
    gram_matrix(gram, &data);
    ck_assert_double_eq_tol(largest_eigenvalue(gram, 2), 11.0 / 3, TOLERANCE);
    ck_assert_double_eq_tol(largest_eigenvalue(skew, 2), (5.0 + sqrt(5.0)) / 2, TOLERANCE);
    ck_assert_double_eq_tol(largest_eigenvalue(diagonal, 3), 2.0, TOLERANCE);
}
END_TEST

/* excess_loss is L(w) - L(w*) without a pass over the data, and the
 * gradient at w* vanishes.  500 samples x 6 features; tolerance 1e-12 on
 * numbers of size 1 to 10: the two sides sum 500 terms in different
 * orders, a relative error near 500 * 2^-53 ~ 6e-14 at worst. */
START_TEST(excess_loss_agrees_with_mse_loss)
{
    struct dataset small;
    struct regression m;
    double w_true[6], w_star[6], gram[36], grad[6];
    double w[6] = {1, -1, 0.5, 0, 2, -0.5};
    synthetic_regression(&small, w_true, 500, 6, 0.3, 11);
    m = (struct regression){&small, false};
    ck_assert(least_squares(w_star, &small));
    gram_matrix(gram, &small);
    ck_assert_double_eq_tol(excess_loss(gram, w, w_star, 6),
                            mse_loss(&m, w, NULL, 0) - mse_loss(&m, w_star, NULL, 0),
                            TOLERANCE);
    mse_grad(&m, grad, w_star, NULL, 0);
    for (size_t j = 0; j < 6; j++)
        ck_assert_double_eq_tol(grad[j], 0.0, TOLERANCE);
    dataset_free(&small);
}
END_TEST

/* The generator is the documented recipe: the same seed, the same bytes;
 * w_true[0] = 2 u - 1 with u the first uniform of the seed's stream. */
START_TEST(synthetic_data_follow_the_recipe)
{
    struct dataset a, b;
    struct rng rng;
    double w_a[3], w_b[3], u, sum;
    synthetic_regression(&a, w_a, 50, 3, 0.5, 4);
    synthetic_regression(&b, w_b, 50, 3, 0.5, 4);
    ck_assert_mem_eq(a.x, b.x, 150 * sizeof(double));
    ck_assert_mem_eq(a.y, b.y, 50 * sizeof(double));
    rng_seed(&rng, 4);
    u = rng_uniform(&rng);
    ck_assert_double_eq(w_a[0], 2.0 * u - 1.0);
    rng_uniform(&rng);
    rng_uniform(&rng);
    sum = 0.0;
    for (int k = 0; k < 12; k++)
        sum += rng_uniform(&rng);
    ck_assert_double_eq(a.x[0], sum - 6.0);     /* x[0][0] = z / sqrt(1), exactly */
    dataset_free(&a);
    dataset_free(&b);
}
END_TEST

/* 7 samples in batches of 3: sizes 3, 3, 1 (drop_last=False); shuffled,
 * every epoch is a permutation of 0..6. */
START_TEST(epoch_batches)
{
    struct epoch epoch;
    const size_t *batch;
    size_t sizes[4], count = 0, size;
    epoch_init(&epoch, 7, 3, false, 1);
    epoch_start(&epoch);
    while ((size = epoch_next_batch(&epoch, &batch)) > 0 && count < 4)
        sizes[count++] = size;
    ck_assert_uint_eq(count, 3);
    ck_assert_uint_eq(sizes[0], 3);
    ck_assert_uint_eq(sizes[2], 1);
    epoch_free(&epoch);

    epoch_init(&epoch, 7, 3, true, 1);
    for (int e = 0; e < 3; e++) {
        int seen[7] = {0};
        epoch_start(&epoch);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0)
            for (size_t k = 0; k < size; k++)
                seen[batch[k]]++;
        for (int i = 0; i < 7; i++)
            ck_assert_int_eq(seen[i], 1);
    }
    epoch_free(&epoch);
}
END_TEST

/* minibatch_epoch with batch 1 in order 1, 2, 3 is the SGD table. */
START_TEST(minibatch_epoch_is_the_sgd_table)
{
    struct epoch epoch;
    double w[2] = {0, 0}, grad[2];
    epoch_init(&epoch, 3, 1, false, 0);
    ck_assert_int_eq(minibatch_epoch(&model, w, grad, &epoch, 0.1), 3);
    ck_assert_double_eq_tol(w[0], 298.0 / 125, TOLERANCE);
    ck_assert_double_eq_tol(w[1], 226.0 / 125, TOLERANCE);
    epoch_free(&epoch);
}
END_TEST

/* The chapter's claim ("The same runs in the lab"): a data set written
 * with %.17g (as --write-data does) reads back into the lab bit for bit, and the lab's run with sgd,
 * --batch 32 --lr 0.032 --order shuffle:5 for two epochs ends on exactly
 * the weights of two minibatch_epoch calls with seed 5.  103 samples of 4
 * features, so that the last batch of an epoch (7) is smaller.  Exact
 * equality: the same operations in the same order. */
START_TEST(the_lab_runs_the_same_epochs)
{
    enum { COUNT = 103, FEATURES = 4 };
    static char text[COUNT * (FEATURES + 1) * 26 + 64];
    struct dataset made, read;
    struct regression model, model_read;
    struct epoch epoch;
    struct optimizer opt;
    struct hyper h = sgd_kind.defaults;
    struct objective objective;
    struct schedule schedule = {0, 0, 32, true, 5};
    double w_true[FEATURES], w[FEATURES] = {0}, theta[FEATURES] = {0}, grad[FEATURES];
    size_t used = (size_t)snprintf(text, sizeof text, "x1,x2,x3,x4,y\n");
    synthetic_regression(&made, w_true, COUNT, FEATURES, 0.5, 4);
    for (size_t i = 0; i < COUNT; i++) {
        for (size_t j = 0; j < FEATURES; j++)
            used += (size_t)snprintf(text + used, sizeof text - used, "%.17g,",
                                     made.x[i * FEATURES + j]);
        used += (size_t)snprintf(text + used, sizeof text - used, "%.17g\n", made.y[i]);
    }
    ck_assert_uint_lt(used, sizeof text);
    dataset_parse_csv(&read, "written.csv", text, used);
    ck_assert_mem_eq(read.x, made.x, sizeof(double) * COUNT * FEATURES);
    ck_assert_mem_eq(read.y, made.y, sizeof(double) * COUNT);

    model = (struct regression){&made, false};
    epoch_init(&epoch, COUNT, 32, true, 5);
    for (int e = 0; e < 2; e++)
        minibatch_epoch(&model, w, grad, &epoch, 0.032);
    epoch_free(&epoch);

    model_read = (struct regression){&read, false};
    objective = (struct objective){NULL, &model_read, false};
    schedule.steps = 2 * updates_per_epoch(COUNT, 32);
    schedule.every = schedule.steps;
    h.lr = 0.032;
    optimizer_init(&opt, &sgd_kind, &h, FEATURES);
    lab_run(NULL, theta, &opt, &objective, &schedule);
    optimizer_free(&opt);
    ck_assert_mem_eq(theta, w, sizeof w);
    dataset_free(&made);
    dataset_free(&read);
}
END_TEST

/* (4.4), the noise floor.  For small eta the covariance Sigma of e = w - w*
 * settles where H Sigma + Sigma H = eta S, with H = 2G the Hessian and
 * S = 4 sigma^2 G / B the covariance of a batch gradient's noise at w*.
 * Sigma = eta sigma^2 I / B solves it, and E[L - L*] = tr(G Sigma) =
 * eta sigma^2 tr(G) / B.  Checked on the worked example's G = X^T X / 3 =
 * [[2, 5/3], [5/3, 2]] (eigenvalues 11/3 along (1, 1), 1/3 along (1, -1)),
 * with sigma^2 = 1/4, B = 32, eta = 1/100.  Without dropping eta H Sigma H,
 * the recursion Sigma <- (I - eta H) Sigma (I - eta H) + eta^2 S settles,
 * along an eigenvector of G with eigenvalue lambda, at the variance
 * s = eta sigma^2 / (B (1 - eta lambda)) (from 4 lambda s - 4 eta lambda^2 s
 * = 4 eta sigma^2 lambda / B), so
 *     tr(G Sigma) = eta sigma^2 / B (sum of lambda / (1 - eta lambda))
 *                 = eta sigma^2 / B (1100/289 + 100/299),
 * which tends to (4.4) as eta -> 0; here it is 357800/345644 = 1.035 times
 * (4.4).  Iterating the recursion from Sigma = 0 checks that: the error
 * shrinks by (1 - 2 eta/3)^2 a step, below 1e-30 after 6000 steps, and
 * rounding leaves the result within a few units in the last place of the
 * fixed point, so 1e-12 relative holds. */
START_TEST(noise_floor_balance)
{
    const double g[2][2] = {{2, 5.0 / 3}, {5.0 / 3, 2}};
    const double sigma2 = 0.25, batch = 32, eta = 0.01, scale = eta * sigma2 / batch;
    double a[2][2], sigma[2][2] = {{0, 0}, {0, 0}};
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            a[i][j] = (i == j) - eta * 2 * g[i][j];     /* I - eta H */
    /* Sigma = scale I: H Sigma + Sigma H = 4 scale G = eta S. */
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            ck_assert_double_eq_tol((2 * g[i][j] * scale + scale * 2 * g[i][j]) / scale,
                                    eta * 4 * sigma2 * g[i][j] / batch / scale, TOLERANCE);
    for (int step = 0; step < 6000; step++) {
        double t[2][2], next[2][2];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                t[i][j] = a[i][0] * sigma[0][j] + a[i][1] * sigma[1][j];
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                next[i][j] = t[i][0] * a[0][j] + t[i][1] * a[1][j]
                             + eta * eta * 4 * sigma2 * g[i][j] / batch;
        memcpy(sigma, next, sizeof sigma);
    }
    double trace = g[0][0] * sigma[0][0] + g[0][1] * sigma[1][0]
                   + g[1][0] * sigma[0][1] + g[1][1] * sigma[1][1];
    ck_assert_double_eq_tol(trace / scale, 1100.0 / 289 + 100.0 / 299, TOLERANCE);
    ck_assert_double_eq_tol(trace / (scale * (g[0][0] + g[1][1])), 357800.0 / 345644,
                            TOLERANCE);
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("04-batches");
    TCase *bgd = tcase_create("ch04 worked example: BGD");
    TCase *sgd = tcase_create("ch04 worked example: SGD");
    TCase *mini = tcase_create("ch04 worked example: mini-batch");
    TCase *by_hand = tcase_create("ch04 exercises by hand");
    TCase *module = tcase_create("ch04 module: least squares, data, epochs");
    TCase *noise = tcase_create("ch04 noise floor (4.4)");
    TCase *cases[6] = {bgd, sgd, mini, by_hand, module, noise};
    for (int c = 0; c < 6; c++) {
        tcase_add_checked_fixture(cases[c], three_samples, free_samples);
        suite_add_tcase(suite, cases[c]);
    }
    tcase_add_test(bgd, bgd_three_iterations);
    tcase_add_test(bgd, bgd_closed_form_at_step_10);
    tcase_add_test(bgd, rounded_path);
    tcase_add_test(sgd, sgd_three_updates);
    tcase_add_test(mini, minibatch_two_epochs);
    tcase_add_test(by_hand, exercise_1_fourth_iteration);
    tcase_add_test(by_hand, exercise_2_order_3_2_1);
    tcase_add_test(by_hand, exercise_3_largest_stable_eta);
    tcase_add_test(module, cholesky_small_system);
    tcase_add_test(module, least_squares_of_the_worked_example);
    tcase_add_test(module, largest_eigenvalue_by_power_iteration);
    tcase_add_test(module, excess_loss_agrees_with_mse_loss);
    tcase_add_test(module, synthetic_data_follow_the_recipe);
    tcase_add_test(module, epoch_batches);
    tcase_add_test(module, minibatch_epoch_is_the_sgd_table);
    tcase_add_test(module, the_lab_runs_the_same_epochs);
    tcase_add_test(noise, noise_floor_balance);
    return suite;
}
