/* tests/09-schedules-exercises.c: chapter 9's code exercises, graded
 * against the book's scheduler (schedule.h) on many settings. */
#include "harness.h"
#include "09-schedules/exercises.h"
#include "09-schedules/schedule.h"

/* (9.8) at the worked values, T = 4 from 1/10: (2 + sqrt 2)/40 at t = 1,
 * 1/20 at t = 2, 0 at t = 4; and exercise 1's 0.0505.  Then the book's
 * closed form on a grid of settings.  A few operations: 1e-15. */
START_TEST(cosine_closed_form)
{
    GIVEN("cosine_rate(eta0 = 0.1, eta_min = 0, t_max = 4, t = 1)");
    double got = cosine_rate(0.1, 0.0, 4, 1);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, (2 + sqrt(2.0)) / 40, 1e-15,
                  "(9.8): half a cosine carries the rate from eta0 at t = 0 to eta_min at t = t_max");
    GIVEN("cosine_rate(eta0 = 0.1, eta_min = 0, t_max = 4, t = 2)");
    EXPECT_ANSWER(cosine_rate(0.1, 0.0, 4, 2), 1.0 / 20, 1e-15, "half-way down the cosine is half-way down the rate");
    GIVEN("cosine_rate(eta0 = 0.1, eta_min = 0.001, t_max = 10, t = 5)");
    EXPECT_ANSWER(cosine_rate(0.1, 0.001, 10, 5), 0.0505, 1e-15, "eta_min is where the rate ends, not 0");
    for (long t_max = 1; t_max <= 20; t_max += 3)
        for (long t = 0; t <= 3 * t_max; t++) {
            struct scheduler_settings s = scheduler_defaults(COSINE_ANNEALING_LR);
            s.t_max = t_max;
            s.eta_min = 0.002;
            GIVEN("cosine_rate(eta0 = 0.3, eta_min = 0.002, t_max = %ld, t = %ld)", t_max, t);
            EXPECT_ANSWER(cosine_rate(0.3, 0.002, t_max, t), schedule_closed_form(&s, 0.3, t), 1e-15,
                          "past t_max the cosine keeps going: the formula needs no special case");
        }
}
END_TEST

/* StepLR(step_size 3, gamma 1/2) from 1/10: 1/10, 1/10, 1/10, 1/20, ...; the
 * chain from the exercise must reproduce the book's scheduler exactly. */
START_TEST(steplr_chain)
{
    GIVEN("steplr_next(lr = 0.1, gamma = 0.5, step_size = 3, t = 3)");
    double got = steplr_next(0.1, 0.5, 3, 3);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 0.05, 0, "(9.5): what happens to the rate when t reaches step_size?");
    GIVEN("steplr_next(lr = 0.1, gamma = 0.5, step_size = 3, t = 2)");
    EXPECT_ANSWER(steplr_next(0.1, 0.5, 3, 2), 0.1, 0,
                  "(9.5): what does the rate do on a step where the floor does not change?");
    for (long size = 1; size <= 5; size++) {
        struct scheduler_settings s = scheduler_defaults(STEP_LR);
        s.step_size = size;
        s.gamma = 0.7;
        double lr = 0.2;
        for (long t = 1; t <= 40; t++) {
            GIVEN("steplr_next chained from lr = 0.2 with gamma = 0.7, step_size = %ld: the rate at t = %ld", size, t);
            lr = steplr_next(lr, 0.7, size, t);
            EXPECT_ANSWER(lr, schedule_closed_form(&s, 0.2, t), 1e-15,
                          "(9.5)'s floor changes again later: does your rate?");
        }
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("09-schedules exercises");
    ADD_EXERCISE(suite, "9.4 the cosine schedule's closed form", cosine_closed_form);
    ADD_EXERCISE(suite, "9.5 one step of StepLR", steplr_chain);
    return suite;
}
