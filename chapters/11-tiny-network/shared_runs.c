/* shared_runs.c: the runs several outputs share, trained once (reports.h,
 * experiments.h's shared runs). */
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "11-tiny-network/claims.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <errno.h>
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

void shared_runs_tuned(FILE *out, const char *csv_dir)
{
    struct task_data data;
    (void)out;
    needs_dir(csv_dir, "runs-tuned");
    task_load(&data, TASK_DIGITS);
    for (int o = 0; o < OPTIMIZERS; o++) {
        FILE *curve = tmpfile();    /* seed 1's curve, as --example digits --csv draws it */
        if (!curve)
            fail(EXIT_USAGE, "cannot open a temporary file for a curve: %s", strerror(errno));
        run_over_seeds(&data, optimizer_names[o], curve);
        fclose(curve);
    }
    task_free(&data);
    digits_curvature(1, 0);
    write_file(csv_dir, "tuned.runs");
}

void shared_runs_sweep(FILE *out, const char *csv_dir)
{
    struct task_data data;
    double loss[SWEEP_RATES][OPTIMIZERS], accuracy[SWEEP_RATES][OPTIMIZERS];
    (void)out;
    needs_dir(csv_dir, "runs-sweep");
    task_load(&data, TASK_DIGITS);
    sweep(loss, accuracy, &data);
    task_free(&data);
    write_file(csv_dir, "sweep.runs");
}
