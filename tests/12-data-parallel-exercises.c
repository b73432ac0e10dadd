/* tests/12-data-parallel-exercises.c: chapter 12's code exercises.
 *
 * Tolerances: a weighted average of four numbers and a product and a
 * quotient of a few: 1e-15 relative to the answer. */
#include "harness.h"
#include "12-data-parallel/exercises.h"

#include <math.h>

/* (12.2): means 2 (3 samples) and 5 (1 sample) give 11/4, not the
 * unweighted 7/2; an empty share's row holds garbage and is left out;
 * two coordinates, shares of 1, 2 and 1 samples. */
START_TEST(weighted_average_by_hand)
{
    const double means[3] = {2.0, 5.0, INFINITY};     /* garbage: 0 x inf is NaN */
    const size_t counts[3] = {3, 1, 0};
    const double rows[6] = {1.0, -1.0, 4.0, 2.0, 7.0, 0.5};
    const size_t sizes[3] = {1, 2, 1};
    double mean = -1.0, pair[2] = {-1.0, -1.0};
    GIVEN("average_of_shares(mean, means = {2, 5}, counts = {3, 1}, shares = 2, dim = 1)");
    average_of_shares(&mean, means, counts, 2, 1);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(mean, 11.0 / 4, 1e-15,
                  "a share of 3 samples counts three times as much as a share of 1");
    GIVEN("average_of_shares(mean, means = {2, 5, inf}, counts = {3, 1, 0}, shares = 3, "
          "dim = 1)");
    average_of_shares(&mean, means, counts, 3, 1);
    EXPECT_ANSWER(mean, 11.0 / 4, 1e-15,
                  "an empty share has no mean: skip it without reading its row "
                  "(0 x inf is NaN)");
    GIVEN("average_of_shares(mean, means = {{1, -1}, {4, 2}, {7, 0.5}}, counts = {1, 2, 1}, "
          "shares = 3, dim = 2)");
    average_of_shares(pair, rows, sizes, 3, 2);
    EXPECT_ANSWER(pair[0], (1.0 + 2 * 4.0 + 7.0) / 4, 1e-15, "row r of means starts at r * dim");
    EXPECT_ANSWER(pair[1], (-1.0 + 2 * 2.0 + 0.5) / 4, 1e-15, "each coordinate on its own");
}
END_TEST

/* Goyal et al.'s numbers: 0.1 for 256 images, so 3.2 for 8192; with a
 * warm-up of 5 updates: 0.64, 1.28, ..., then 3.2 from update 4 on. */
START_TEST(linear_scaling_by_hand)
{
    GIVEN("scaled_warmup_lr(lr = 0.1, base_batch = 256, batch = 8192, step = 100, warmup = 0)");
    double got = scaled_warmup_lr(0.1, 256, 8192, 100, 0);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 3.2, 1e-15, "8192 is 32 times 256");
    GIVEN("scaled_warmup_lr(lr = 0.1, base_batch = 256, batch = 8192, step = 0, warmup = 5)");
    EXPECT_ANSWER(scaled_warmup_lr(0.1, 256, 8192, 0, 5), 3.2 / 5, 1e-15,
                  "the first update of a warm-up of 5 is step 0: which part of the scaled "
                  "rate does it use?");
    GIVEN("scaled_warmup_lr(lr = 0.1, base_batch = 256, batch = 8192, step = 1, warmup = 5)");
    EXPECT_ANSWER(scaled_warmup_lr(0.1, 256, 8192, 1, 5), 2 * 3.2 / 5, 1e-15,
                  "the rate rises by the same amount every update");
    GIVEN("scaled_warmup_lr(lr = 0.1, base_batch = 256, batch = 8192, step = 4, warmup = 5)");
    EXPECT_ANSWER(scaled_warmup_lr(0.1, 256, 8192, 4, 5), 3.2, 1e-15,
                  "update warmup - 1 already uses the full rate");
    GIVEN("scaled_warmup_lr(lr = 0.1, base_batch = 256, batch = 64, step = 9, warmup = 5)");
    EXPECT_ANSWER(scaled_warmup_lr(0.1, 256, 64, 9, 5), 0.025, 1e-15,
                  "a smaller batch: the rule scales the rate down too");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("12-data-parallel exercises");
    ADD_EXERCISE(suite, "12.3 the weighted average of the shares", weighted_average_by_hand);
    ADD_EXERCISE(suite, "12.4 the linear scaling rule with warm-up", linear_scaling_by_hand);
    return suite;
}
