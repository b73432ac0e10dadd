/* sweep_report.c: the learning-rate sweeps (reports.h). */
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <math.h>
#include <stdlib.h>

static const char *const task_titles[3] = {"breast cancer (logistic regression)",
                                           "digits (64-32-10 network)",
                                           "two moons (2-8-2 network)"};
static const char *const task_files[3] = {"sweep_cancer.csv", "sweep_digits.csv",
                                          "sweep_moons.csv"};

void sweep_print(FILE *out, const char *csv_dir)
{
    for (int task = 0; task < 3; task++) {
        struct task_data data;
        double loss[SWEEP_RATES][OPTIMIZERS], accuracy[SWEEP_RATES][OPTIMIZERS];
        FILE *csv = csv_dir ? csv_create(csv_dir, task_files[task]) : NULL;
        task_load(&data, (enum task)task);
        sweep(loss, accuracy, &data);
        if (task > 0)
            fprintf(out, "\n");
        fprintf(out, "%s, seed 1: final training loss (test accuracy %%)\n", task_titles[task]);
        fprintf(out, "%-6s  %-18s  %-18s  %s\n", "lr", optimizer_names[0], optimizer_names[1],
                optimizer_names[2]);
        if (csv)
            fprintf(csv, "lr,sgd,momentum,adam\n");
        for (int k = 0; k < SWEEP_RATES; k++) {
            fprintf(out, "%-6g", sweep_rates[k]);
            if (csv)
                fprintf(csv, "%.17g", sweep_rates[k]);
            for (int o = 0; o < OPTIMIZERS; o++) {
                fprintf(out, "  %-9.2e (%5.1f)%s", loss[k][o], 100 * accuracy[k][o],
                        o + 1 < OPTIMIZERS ? "  " : "");
                if (csv)
                    fprintf(csv, ",%.17g", isfinite(loss[k][o]) ? loss[k][o] : 1e300);
            }
            fprintf(out, "\n");
            if (csv)
                fprintf(csv, "\n");
        }
        fprintf(out, "%-6s", "best");
        for (int o = 0; o < OPTIMIZERS; o++) {
            double lr = task_training((enum task)task, optimizer_names[o]).hyper.lr;
            int best = 0;
            for (int k = 1; k < SWEEP_RATES; k++)
                if (loss[k][o] < loss[best][o])
                    best = k;
            if (sweep_rates[best] != lr)
                fail(1, "the tuned rate %g of %s on %s is no longer the sweep's best (%g): "
                        "update tuned_lr in experiments.c", lr, optimizer_names[o],
                     task_titles[task], sweep_rates[best]);
            fprintf(out, o + 1 < OPTIMIZERS ? "  %-18g" : "  %g", lr);
        }
        fprintf(out, "\n");
        if (csv)
            csv_close(csv, task_files[task]);
        task_free(&data);
    }
}
