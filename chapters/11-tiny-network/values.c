/* values.c: the named values of chapter 11 (reports.h).  Each is measured
 * here, by the same functions as the tables, so the text cannot drift
 * from the code. */
#include "11-tiny-network/claims.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"
#include "11-tiny-network/seed_loop.h"

#include <math.h>

static void over_seeds_values(FILE *out, enum task task, const char *prefix)
{
    struct task_data data;
    task_load(&data, task);
    for (int o = 0; o < OPTIMIZERS; o++) {
        struct training t = task_training(task, optimizer_names[o]);
        struct over_seeds s = run_over_seeds(&data, optimizer_names[o], NULL);
        fprintf(out, "%s_%s_lr %g\n", prefix, optimizer_names[o], t.hyper.lr);
        fprintf(out, "%s_%s_accuracy %.1f\n", prefix, optimizer_names[o],
                100 * s.accuracy_mean);
        fprintf(out, "%s_%s_accuracy_sd %.1f\n", prefix, optimizer_names[o],
                100 * s.accuracy_sd);
        fprintf(out, "%s_%s_accuracy_min %.1f\n", prefix, optimizer_names[o],
                100 * s.accuracy_min);
        fprintf(out, "%s_%s_accuracy_max %.1f\n", prefix, optimizer_names[o],
                100 * s.accuracy_max);
    }
    fprintf(out, "%s_train_count %zu\n%s_test_count %zu\n", prefix, data.train.count, prefix,
            data.test.count);
    task_free(&data);
}

void chapter11_values(FILE *out)
{
    struct dataset data;
    struct seed_run run;
    seed_data(&data, SEED_DATA_SEED);
    seed_loop(&run, &data, SEED_INIT_SEED);
    fprintf(out, "seed_loss_first %.4f\n", run.loss[0]);
    fprintf(out, "seed_loss_last %.4f\n", run.loss[SEED_EPOCHS - 1]);
    fprintf(out, "seed_init_bound %.4f\n", 1 / sqrt((double)SEED_FEATURES));
    dataset_free(&data);

    over_seeds_values(out, TASK_CANCER, "cancer");
    over_seeds_values(out, TASK_DIGITS, "digits");

    struct rate_claim c = rate_claim_cancer();
    fprintf(out, "cancer_curvature %.2f\n", c.curvature);
    fprintf(out, "cancer_two_over_l %.2f\n", 2 / c.curvature);
    double l0 = digits_curvature(1, 0);
    fprintf(out, "digits_curvature %.2f\n", l0);
    fprintf(out, "digits_two_over_l %.1f\n", 2 / l0);
    fprintf(out, "noise_drop %.0f\n", noise_trace(NOISE_EPOCHS) / noise_trace(DIGITS_EPOCHS));
}
