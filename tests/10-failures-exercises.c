/* tests/10-failures-exercises.c: chapter 10's code exercise, graded against
 * the book's clip_grad_norm (clip.h) on many random gradients. */
#include "harness.h"
#include "00-toolkit/rng.h"
#include "10-failures/clip.h"
#include "10-failures/exercises.h"

/* (10.4) on g = (3, 4) with max 1: (3, 4)/5.000001, norm 5 returned; then
 * 200 random gradients of 1 to 9 coordinates and scales 1e-3 to 1e3, each
 * against the book's function to 1e-15 relative (the same operations). */
START_TEST(clip_by_norm_like_pytorch)
{
    double g[2] = {3, 4};
    GIVEN("clip_by_norm(g = {3, 4}, dim = 2, max_norm = 1)");
    double norm = clip_by_norm(g, 2, 1.0);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(norm, 5.0, 1e-15, "return the length of the gradient before clipping");
    EXPECT_ANSWER(g[0], 3 / 5.000001, 1e-15, "(10.4): one factor for every coordinate; mind PyTorch's small number in the division");
    EXPECT_ANSWER(g[1], 4 / 5.000001, 1e-15, "the same factor for every coordinate");
    struct rng rng;
    rng_seed(&rng, 10);
    for (int trial = 0; trial < 200; trial++) {
        size_t dim = 1 + rng_below(&rng, 9);
        double scale = pow(10.0, 6 * rng_uniform(&rng) - 3), mine[9], book[9];
        for (size_t i = 0; i < dim; i++)
            mine[i] = book[i] = scale * (2 * rng_uniform(&rng) - 1);
        double length = clip_grad_norm(book, dim, 1.0);
        clip_by_norm(mine, dim, 1.0);
        GIVEN("clip_by_norm(a random g of %zu coordinates and length %.6g, max_norm = 1)", dim, length);
        for (size_t i = 0; i < dim; i++)
            EXPECT_ANSWER(mine[i], book[i], 1e-15 * fabs(book[i]),
                          "(10.4): one factor for every coordinate, never above 1: "
                          "a short gradient is left as it is");
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("10-failures exercises");
    ADD_EXERCISE(suite, "10.3 clip a gradient by its norm", clip_by_norm_like_pytorch);
    return suite;
}
