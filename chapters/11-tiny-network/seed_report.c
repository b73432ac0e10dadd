/* seed_report.c: what build/ch11 prints about the seed's loop (reports.h). */
#include "11-tiny-network/reports.h"
#include "11-tiny-network/seed_loop.h"

void seed_loop_print(FILE *out, const char *csv_dir)
{
    (void)csv_dir;
    struct dataset data;
    struct seed_run run;
    seed_data(&data, SEED_DATA_SEED);
    seed_loop(&run, &data, SEED_INIT_SEED);
    fprintf(out, "Linear(10, 1), MSELoss, SGD(lr=0.01), 100 samples, full batch\n");
    fprintf(out, "%5s  %s\n", "epoch", "loss");
    for (int e = 0; e < SEED_EPOCHS; e++)
        if (e % 10 == 0 || e == SEED_EPOCHS - 1)
            fprintf(out, "%5d  %.6f\n", e, run.loss[e]);
    dataset_free(&data);
}

void seed_loop_dump(FILE *out, const char *csv_dir)
{
    (void)csv_dir;
    struct dataset data;
    struct seed_run run;
    seed_data(&data, SEED_DATA_SEED);
    seed_loop(&run, &data, SEED_INIT_SEED);
    fprintf(out, "samples %d features %d epochs %d lr %.17g\n", SEED_SAMPLES, SEED_FEATURES,
            SEED_EPOCHS, SEED_LR);
    for (int i = 0; i < SEED_SAMPLES; i++) {
        fprintf(out, "x");
        for (int j = 0; j < SEED_FEATURES; j++)
            fprintf(out, " %.17g", data.x[i * SEED_FEATURES + j]);
        fprintf(out, "\ny %.17g\n", data.y[i]);
    }
    fprintf(out, "theta0");
    for (int p = 0; p < SEED_DIM; p++)
        fprintf(out, " %.17g", run.theta0[p]);
    for (int e = 0; e < SEED_EPOCHS; e++)
        fprintf(out, "\nloss %d %.17g", e, run.loss[e]);
    fprintf(out, "\ntheta");
    for (int p = 0; p < SEED_DIM; p++)
        fprintf(out, " %.17g", run.theta[p]);
    fprintf(out, "\n");
    dataset_free(&data);
}
