/* task_table.c: one task's optimizers over the seeds (reports.h). */
#include "00-toolkit/csv.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <stdio.h>

/* One task's optimizers over the seeds, and the curves of seed 1. */
void task_table(FILE *out, const char *csv_dir, int task_number, const char *prefix)
{
    enum task task = (enum task)task_number;
    struct task_data data;
    struct network net;
    task_load(&data, task);
    task_network(&net, task);
    fprintf(out, "%zu training and %zu test samples, %zu parameters, batches of %zu, "
                 "%ld epochs\n", data.train.count, data.test.count, network_dim(&net),
            task_training(task, "sgd").batch_size, task_training(task, "sgd").epochs);
    fprintf(out, "%-9s  %-6s  %-19s  %-19s  %s\n", "optimizer", "lr", "test loss",
            "test accuracy %", "range %");
    for (int o = 0; o < OPTIMIZERS; o++) {
        struct training t = task_training(task, optimizer_names[o]);
        char name[64];
        snprintf(name, sizeof name, "%s_%s.csv", prefix, optimizer_names[o]);
        FILE *csv = csv_dir ? csv_create(csv_dir, name) : NULL;
        struct over_seeds s = run_over_seeds(&data, optimizer_names[o], csv);
        if (csv)
            csv_close(csv, name);
        fprintf(out, "%-9s  %-6g  %.4f +- %.4f     %5.2f +- %4.2f      %5.2f to %5.2f%s\n",
                optimizer_names[o], t.hyper.lr, s.loss_mean, s.loss_sd,
                100 * s.accuracy_mean, 100 * s.accuracy_sd, 100 * s.accuracy_min,
                100 * s.accuracy_max, s.diverged ? "  (diverged)" : "");
    }
    fprintf(out, "(mean +- sample standard deviation over seeds 1 to %d)\n", SEEDS);
    network_free(&net);
    task_free(&data);
}
