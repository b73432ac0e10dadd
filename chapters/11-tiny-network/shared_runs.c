/* shared_runs.c: the runs several outputs share, trained once (reports.h,
 * experiments.h's shared runs). */
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "11-tiny-network/claims.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

/* Write what this process remembered into csv_dir/name. */
static void write_file(const char *csv_dir, const char *name)
{
    FILE *file = csv_create(csv_dir, name);
    write_shared_runs(file);
    csv_close(file, name);
}

static const char *needs_dir(const char *csv_dir, const char *part)
{
    if (!csv_dir)
        fail(EXIT_USAGE, "--example %s writes its runs into the folder of --csv DIR", part);
    return csv_dir;
}

/* Seed 1's runs at the tuned rates are also the sweep's: runs-sweep trains
 * them, with the curves --example digits --csv draws, and runs-tuned the
 * seeds 2 to SEEDS. */
void shared_runs_tuned(FILE *out, const char *csv_dir)
{
    struct task_data data;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    (void)out;
    needs_dir(csv_dir, "runs-tuned");
    task_load(&data, TASK_DIGITS);
    for (int o = 0; o < OPTIMIZERS; o++) {
        struct tuned_edit tuned = tuned_settings(TASK_DIGITS, optimizer_names[o]);
        for (uint64_t seed = 2; seed <= SEEDS; seed++)
            tuned_run(&data, &tuned, seed, theta, NULL);
    }
    task_free(&data);
    digits_curvature(1, 0);
    write_file(csv_dir, "tuned.runs");
}

void shared_runs_sweep(FILE *out, const char *csv_dir)
{
    struct task_data data;
    double loss[SWEEP_RATES][OPTIMIZERS], accuracy[SWEEP_RATES][OPTIMIZERS];
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    (void)out;
    needs_dir(csv_dir, "runs-sweep");
    task_load(&data, TASK_DIGITS);
    for (int o = 0; o < OPTIMIZERS; o++) {
        struct tuned_edit tuned = tuned_settings(TASK_DIGITS, optimizer_names[o]);
        FILE *curve = tmpfile();
        if (!curve)
            fail(EXIT_USAGE, "cannot open a temporary file for a curve: %s", strerror(errno));
        tuned_run(&data, &tuned, 1, theta, curve);
        fclose(curve);
    }
    sweep(loss, accuracy, &data);
    task_free(&data);
    write_file(csv_dir, "sweep.runs");
}
