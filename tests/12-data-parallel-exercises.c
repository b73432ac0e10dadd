/* tests/12-data-parallel-exercises.c: chapter 12's code exercises.
 *
 * Tolerances: a weighted average of four numbers and a product and a
 * quotient of a few: 1e-15 relative to the answer. */
#include "harness.h"
#include "00-toolkit/rng.h"
#include "12-data-parallel/exercises.h"

#include <math.h>
#include <stdio.h>

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
    /* 30 random cases, so that no list of answers passes: 1 to 6 shares of
     * 0 to 5 samples (one at least), 1 to 3 coordinates, means in [-1, 1];
     * (12.2) computed here, sum n_r m_r / sum n_r, to 1e-14 (another
     * order of the same sums). */
    struct rng r;
    rng_seed(&r, 122);
    for (int n = 0; n < 30; n++) {
        size_t shares = 1 + (size_t)rng_below(&r, 6), dim = 1 + (size_t)rng_below(&r, 3);
        size_t sizes_r[6], total = 0, used = 0;
        double rows_r[18], got[3], want[3] = {0, 0, 0};
        char list[400];
        for (size_t k = 0; k < shares; k++) {
            sizes_r[k] = (size_t)rng_below(&r, 6);
            if (k == shares - 1 && total == 0)
                sizes_r[k] = 1;
            total += sizes_r[k];
            used += (size_t)snprintf(list + used, sizeof list - used, "%s%zu", k ? ", " : "",
                                     sizes_r[k]);
            for (size_t j = 0; j < dim; j++) {
                rows_r[k * dim + j] = 2.0 * rng_uniform(&r) - 1.0;
                want[j] += (double)sizes_r[k] * rows_r[k * dim + j];
            }
        }
        GIVEN("average_of_shares(mean, means = random, counts = {%s}, shares = %zu, dim = %zu) "
              "(case %d of 30)", list, shares, dim, n + 1);
        average_of_shares(got, rows_r, sizes_r, shares, dim);
        for (size_t j = 0; j < dim; j++) {
            char name[32];
            snprintf(name, sizeof name, "mean[%zu]", j);
            exercise_expect(name, got[j], want[j] / (double)total, 1e-14,
                            "(12.2): each share's mean weighed by its count, over all samples");
        }
    }
}
END_TEST

/* Exercise 12.4 on random cases (a function of its own: its numbers are
 * no part of the test the solutions' text names). */
static void linear_scaling_random_cases(void)
{
    /* 40 random cases, so that no list of answers passes: the linear
     * scaling rule lr * batch / base_batch, reached linearly over warmup
     * updates (step + 1) / warmup, computed here (to 1e-12 relative:
     * the same products in another order). */
    struct rng r;
    rng_seed(&r, 124);
    for (int n = 0; n < 40; n++) {
        double lr = 0.01 + rng_uniform(&r), base = (double)(32 << rng_below(&r, 4)),
               batch = (double)(16 << rng_below(&r, 10));
        long warmup = (long)rng_below(&r, 8), step = (long)rng_below(&r, 12);
        double want = lr * batch / base;
        if (warmup > 0 && step + 1 < warmup)
            want *= (double)(step + 1) / (double)warmup;
        GIVEN("scaled_warmup_lr(lr = %.17g, base_batch = %g, batch = %g, step = %ld, "
              "warmup = %ld), random (case %d of 40)", lr, base, batch, step, warmup, n + 1);
        EXPECT_ANSWER(scaled_warmup_lr(lr, base, batch, step, warmup), want, 1e-12 * want,
                      "the rate grows with the batch in proportion; during the warm-up, by the "
                      "same amount every update, reaching it at update warmup - 1");
    }
}

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
    linear_scaling_random_cases();
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("12-data-parallel exercises");
    ADD_EXERCISE(suite, "12.3 the weighted average of the shares", weighted_average_by_hand);
    ADD_EXERCISE(suite, "12.4 the linear scaling rule with warm-up", linear_scaling_by_hand);
    return suite;
}
