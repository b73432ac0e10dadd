/* tests/04-batches-exercises.c: chapter 4's code exercise. */
#include "harness.h"
#include "04-batches/exercises.h"
#include "04-batches/regression.h"

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
    minibatch_gradient(grad, zero, x, y, 2, first, 2);
    RETURN_IF_PENDING();
    GIVEN("minibatch_gradient(grad, w = (0, 0), the worked example's samples, "
          "batch = {0, 1}, size = 2)");
    EXPECT_ANSWER(grad[0], -16.0, 1e-12,
                  "the loss is an average over the batch: so is its gradient");
    EXPECT_ANSWER(grad[1], -10.0, 1e-12,
                  "coordinate j of a sample's gradient is 2 (its error) x_ij");
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
    struct dataset data = {30, 5, x, y};
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

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("04-batches exercises");
    TCase *gradient = exercise_case("4.4 the mini-batch gradient");
    tcase_add_test(gradient, minibatch_gradient_of_the_worked_example);
    tcase_add_test(gradient, minibatch_gradient_matches_mse_grad);
    suite_add_tcase(suite, gradient);
    return suite;
}
