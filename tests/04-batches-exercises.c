/* tests/04-batches-exercises.c: chapter 4's code exercise. */
#include "harness.h"
#include "04-batches/exercises.h"
#include "04-batches/regression.h"
#include "00-toolkit/rng.h"

#include <stdio.h>

/* The worked example's first mini-batch, samples 1 and 2 at w = (0, 0):
 * errors -4 and -6, so grad = (2/2) (-4 (1, 1) - 6 (2, 1)) = (-16, -10);
 * then sample 3 alone at w = (8/5, 1): error 18/5 - 6 = -12/5, grad =
 * 2 (-12/5) (1, 2) = (-24/5, -48/5).  Tolerance 1e-12: a few operations on
 * small integers and fifths, exact to the last bit or two. */
START_TEST(minibatch_gradient_of_the_worked_example)
{
    static const double x[6] = {1, 1, 2, 1, 1, 2}, y[3] = {4, 6, 6};
    static const size_t first[2] = {0, 1}, third[1] = {2};
    const double zero[2] = {0, 0}, after[2] = {8.0 / 5, 1.0};
    double grad[2];
    GIVEN("minibatch_gradient(grad, w = (0, 0), the worked example's samples, "
          "batch = {0, 1}, size = 2)");
    minibatch_gradient(grad, zero, x, y, 2, first, 2);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(grad[0], -16.0, 1e-12,
                  "the loss is an average over the batch: so is its gradient");
    EXPECT_ANSWER(grad[1], -10.0, 1e-12,
                  "(4.2): which feature multiplies the error in coordinate j?");
    GIVEN("minibatch_gradient(grad, w = (8/5, 1), the worked example's samples, "
          "batch = {2}, size = 1)");
    minibatch_gradient(grad, after, x, y, 2, third, 1);
    EXPECT_ANSWER(grad[0], -24.0 / 5, 1e-12,
                  "batch = {2} means sample 3: take x and y of sample batch[k], not of sample k");
    EXPECT_ANSWER(grad[1], -48.0 / 5, 1e-12,
                  "batch = {2} means sample 3: take x and y of sample batch[k], not of sample k");
}
END_TEST

/* On 30 random samples of 5 features (from the book's generator, into
 * fixed arrays: nothing to free if the test ends early), any batch (here
 * every third sample, backwards) must give mse_grad's numbers.  Tolerance
 * 1e-12: both sum the same terms in the same order, so they agree to
 * rounding. */
START_TEST(minibatch_gradient_matches_mse_grad)
{
    static double x[30 * 5], y[30];
    struct dataset data = {30, 5, x, y, NULL};
    struct regression model = {&data, false};
    const double w[5] = {0.5, -1, 0.25, 2, -0.75};
    double mine[5], theirs[5];
    size_t batch[10];
    struct rng rng;
    rng_seed(&rng, 7);
    for (size_t i = 0; i < 30 * 5; i++)
        x[i] = rng_normal(&rng);
    for (size_t i = 0; i < 30; i++)
        y[i] = rng_normal(&rng);
    for (size_t k = 0; k < 10; k++)
        batch[k] = 27 - 3 * k;
    GIVEN("minibatch_gradient(grad, w = (0.5, -1, 0.25, 2, -0.75), 30 random samples of 5 "
          "features, batch = {27, 24, ..., 0}, size = 10)");
    minibatch_gradient(mine, w, x, y, 5, batch, 10);
    RETURN_IF_PENDING();
    mse_grad(&model, theirs, w, batch, 10);
    for (size_t j = 0; j < 5; j++) {
        GIVEN("minibatch_gradient on 30 random samples of 5 features, batch = {27, 24, ..., 0}, "
              "size = 10, against mse_grad: coordinate %zu", j);
        EXPECT_ANSWER(mine[j], theirs[j], 1e-12,
                      "take the samples the batch names, in any order, and divide by its size");
    }
}
END_TEST

/* Exercises 5 and 6: against mse_loss and mse_grad on 40 random
 * problems (1 to 4 features, 1 to 12 samples, with and without a bias),
 * each on the whole data (batch NULL), a random batch and a batch of one.
 * Tolerance 1e-12 relative to max(1, |expected|): the same sums,
 * perhaps in another order or with 2/|B| applied per sample. */
struct random_problem {
    struct dataset data;
    struct regression model;
    double theta[5];
    size_t batch[12], size;
};

static void random_problem(struct random_problem *p, int n)
{
    struct rng r;
    rng_seed(&r, 40 + (uint64_t)n);
    size_t features = 1 + (size_t)rng_below(&r, 4), count = 1 + (size_t)rng_below(&r, 12);
    dataset_init(&p->data, count, features);
    for (size_t i = 0; i < count * features; i++)
        p->data.x[i] = rng_normal(&r);
    for (size_t i = 0; i < count; i++)
        p->data.y[i] = rng_normal(&r);
    p->model = (struct regression){.data = &p->data, .bias = rng_below(&r, 2) == 1};
    for (size_t j = 0; j < regression_dim(&p->model); j++)
        p->theta[j] = rng_normal(&r);
    p->size = 1 + (size_t)rng_below(&r, count);
    for (size_t k = 0; k < p->size; k++)
        p->batch[k] = (size_t)rng_below(&r, count);
}

static const char *batch_name(int which)
{
    return which == 0   ? "batch NULL (every sample)"
           : which == 1 ? "a random batch"
                        : "a batch of one";
}

START_TEST(mse_loss_like_the_book)
{
    struct random_problem p;
    random_problem(&p, 0);
    GIVEN("mse_loss_yours(model, theta, batch = NULL, size = 0) on a random problem");
    double first = mse_loss_yours(&p.model, p.theta, NULL, 0);
    RETURN_IF_PENDING();
    (void)first;
    dataset_free(&p.data);
    for (int n = 0; n < 40; n++) {
        random_problem(&p, n);
        for (int which = 0; which < 3; which++) {
            const size_t *batch = which == 0 ? NULL : p.batch;
            size_t size = which == 2 ? 1 : p.size;
            double want = mse_loss(&p.model, p.theta, batch, size);
            GIVEN("mse_loss_yours on random problem %d: %zu samples of %zu features, bias %s, "
                  "%s", n + 1, p.data.count, p.data.features, p.model.bias ? "on" : "off",
                  batch_name(which));
            EXPECT_ANSWER(mse_loss_yours(&p.model, p.theta, batch, size), want,
                          1e-12 * fmax(1.0, want),
                          which == 0 ? "batch NULL means every sample, in order: size is then "
                                       "model->data->count"
                                     : p.model.bias ? "y_hat includes b, theta's last entry, "
                                                      "when model->bias (regression_predict)"
                                                    : "(4.1) over the batch's samples: which "
                                                      "average, of what?");
        }
        dataset_free(&p.data);
    }
}
END_TEST

START_TEST(mse_grad_like_the_book)
{
    struct random_problem p;
    double mine[5], want[5];
    random_problem(&p, 0);
    GIVEN("mse_grad_yours(model, grad, theta, batch = NULL, size = 0) on a random problem");
    mse_grad_yours(&p.model, mine, p.theta, NULL, 0);
    RETURN_IF_PENDING();
    dataset_free(&p.data);
    for (int n = 0; n < 40; n++) {
        random_problem(&p, n);
        for (int which = 0; which < 3; which++) {
            const size_t *batch = which == 0 ? NULL : p.batch;
            size_t size = which == 2 ? 1 : p.size, dim = regression_dim(&p.model);
            mse_grad(&p.model, want, p.theta, batch, size);
            for (size_t j = 0; j < dim; j++)
                mine[j] = NAN;
            mse_grad_yours(&p.model, mine, p.theta, batch, size);
            GIVEN("mse_grad_yours on random problem %d: %zu samples of %zu features, bias %s, "
                  "%s", n + 1, p.data.count, p.data.features, p.model.bias ? "on" : "off",
                  batch_name(which));
            for (size_t j = 0; j < dim; j++) {
                char name[48];
                snprintf(name, sizeof name, "grad[%zu]%s", j,
                         j == p.data.features ? ", b's derivative" : "");
                exercise_expect(name, mine[j], want[j], 1e-12 * fmax(1.0, fabs(want[j])),
                              j == p.data.features
                                  ? "b's derivative: differentiate (4.1) with respect to "
                                    "b; what does the bias multiply in y_hat?"
                                  : which == 0 ? "batch NULL means every sample, in order"
                                               : "(4.2) for coordinate j; set every entry, "
                                                 "starting from 0");
            }
        }
        dataset_free(&p.data);
    }
}
END_TEST

/* Exercise 7: three epochs against minibatch_epoch on a random problem of
 * 10 samples (batches of 3, so the last one is short), shuffled and in
 * order.  Tolerance 1e-12 as above: mse_grad and gd_step are the same. */
START_TEST(epoch_like_the_book)
{
    struct dataset data;
    double w_true[3], mine[4] = {0}, book[4] = {0}, grad[4];
    struct epoch a, b;
    synthetic_regression(&data, w_true, 10, 3, 0.1, 7);
    struct regression model = {.data = &data, .bias = true};
    epoch_init(&a, 10, 3, false, 9);
    GIVEN("minibatch_epoch_yours(model, theta = 0, grad, epoch of 10 samples in batches of 3, "
          "eta = 0.05)");
    minibatch_epoch_yours(&model, mine, grad, &a, 0.05);
    epoch_free(&a);
    RETURN_IF_PENDING();        /* (each test runs in its own process) */
    for (int shuffle = 0; shuffle < 2; shuffle++) {
        for (size_t j = 0; j < 4; j++)
            mine[j] = book[j] = 0.0;
        epoch_init(&a, 10, 3, shuffle, 9);
        epoch_init(&b, 10, 3, shuffle, 9);
        for (int e = 1; e <= 3; e++) {
            long updates = minibatch_epoch_yours(&model, mine, grad, &a, 0.05);
            GIVEN("epoch %d of minibatch_epoch_yours: 10 samples, batches of 3, %s, lr = 0.05",
                  e, shuffle ? "shuffled" : "in order");
            EXPECT_ANSWER(updates, minibatch_epoch(&model, book, grad, &b, 0.05), 0,
                          "one update per batch: 10 samples in batches of 3 is 4 updates");
            for (size_t j = 0; j < 4; j++) {
                char name[32];
                snprintf(name, sizeof name, "theta[%zu] after the epoch", j);
                exercise_expect(name, mine[j], book[j], 1e-12 * fmax(1.0, fabs(book[j])),
                                "start the epoch (epoch_start) so that it is reshuffled; the "
                                "gradient of each batch at the theta the last step left");
            }
        }
        epoch_free(&a);
        epoch_free(&b);
    }
    dataset_free(&data);
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("04-batches exercises");
    TCase *gradient = exercise_case("4.4 the mini-batch gradient");
    tcase_add_test(gradient, minibatch_gradient_of_the_worked_example);
    tcase_add_test(gradient, minibatch_gradient_matches_mse_grad);
    suite_add_tcase(suite, gradient);
    ADD_EXERCISE(suite, "4.5 the loss of a batch", mse_loss_like_the_book);
    ADD_EXERCISE(suite, "4.6 the gradient of a batch, with a bias", mse_grad_like_the_book);
    ADD_EXERCISE(suite, "4.7 one epoch of mini-batch descent", epoch_like_the_book);
    return suite;
}
