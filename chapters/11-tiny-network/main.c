/* main.c: chapter 11's program, build/ch11.
 *
 *   ch11 [--example NAME] [--csv DIR]
 *   ch11 --values
 * Prints the chapter's worked examples (--example one of them), writes the
 * figures' data with --csv, and the numbers the text quotes with --values.
 * make trains the runs several outputs share once, with --example
 * runs-tuned and runs-sweep, and names them in DESCENT_CH11_RUNS for the
 * outputs (experiments.h, "Shared runs").
 * The work is done in the chapter's module (network.h, train.h) and in one
 * small file per example (reports.h).
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "11-tiny-network/data.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct example {
    const char *name;
    void (*report)(FILE *out, const char *csv_dir);
    int shown;                      /* without --example: 1 always, 2 with --csv */
    bool reads_data;                /* reads the CSV files of data/ */
};

static const struct example examples[] = {
    {"seed-loop", seed_loop_print, 1, false},
    {"by-hand", by_hand_report, 1, false},
    {"gradients", gradients_report, 1, false},
    {"pytorch", seed_loop_dump, 0, false},
    {"pytorch-network", network_dump, 0, true},
    {"sweep", sweep_print, 2, true},
    {"cancer", cancer_print, 2, true},
    {"digits", digits_print, 2, true},
    {"moons", moons_print, 2, false},
    {"claims", claims_print, 2, true},
    {"runs-tuned", shared_runs_tuned, 0, true},
    {"runs-sweep", shared_runs_sweep, 0, true},
};
#define EXAMPLES (sizeof examples / sizeof examples[0])

static void usage(void)
{
    puts("usage: ch11 [--example NAME] [--csv DIR]\n"
         "       ch11 --values\n"
         "  with no flag: the worked examples seed-loop, by-hand and gradients\n"
         "  --example NAME   one part: seed-loop, by-hand, gradients, pytorch or\n"
         "                   pytorch-network\n"
         "                   (for pytorch_check.py: the seed's loop, the digits\n"
         "                   network's first steps, with their data), or one that trains\n"
         "                   on the data (seconds to a minute): sweep, cancer,\n"
         "                   digits, moons, claims\n"
         "  --values         the numbers the chapter's text quotes, one per line\n"
         "  --csv DIR        also write the part's figure data into DIR (without\n"
         "                   --example: every part's)\n"
         "  --example runs-tuned or runs-sweep --csv DIR\n"
         "                   (for make) train the runs several parts share into\n"
         "                   DIR/tuned.runs or DIR/sweep.runs; the parts read them\n"
         "                   from the files DESCENT_CH11_RUNS names (separated by :)\n"
         "Run it from the top folder of descent: it reads chapters/11-tiny-network/data.");
}

/* Stop (exit status 2) before any work if dir cannot take the data. */
static void check_writable(const char *dir)
{
    static const char probe[] = ".ch11-probe";
    char path[4096];
    csv_close(csv_create(dir, probe), probe);
    snprintf(path, sizeof path, "%s/%s", dir, probe);
    remove(path);
}

static bool shown_without_example(const struct example *e, const char *csv_dir)
{
    return e->shown == 1 || (e->shown == 2 && csv_dir);
}

/* Stop (exit status 2) before anything is printed if the data files cannot
 * be read or are not the book's (task_load checks them): they are found
 * from the top folder of descent. */
static void check_data(void)
{
    static const char *const paths[] = {BREAST_CANCER_CSV, DIGITS_CSV};
    static const enum task tasks[] = {TASK_CANCER, TASK_DIGITS};
    static bool checked;
    if (checked)
        return;
    checked = true;
    for (size_t k = 0; k < sizeof paths / sizeof paths[0]; k++) {
        struct task_data data;
        FILE *file = fopen(paths[k], "rb");
        if (!file) {
            int error = errno;
            FILE *top = fopen("chapters/11-tiny-network/README.md", "rb");   /* here? */
            if (top)
                fclose(top);
            fail(EXIT_USAGE, "cannot read %s: %s (%s)", paths[k], strerror(error),
                 top ? "restore the book's copy: git checkout -- chapters/11-tiny-network/data"
                     : "run ch11 from the top folder of descent");
        }
        fclose(file);
        task_load(&data, tasks[k]);
        task_free(&data);
    }
}

int main(int argc, char **argv)
{
    fail_program = "ch11";
    struct example_flags flags = parse_example_flags(argc, argv, usage);
    const char *csv_dir = flags.csv_dir, *example = flags.example;
    bool values = flags.values;
    if (csv_dir)
        check_writable(csv_dir);
    read_shared_runs();                 /* DESCENT_CH11_RUNS, before anything is printed */
    if (values) {
        check_data();
        chapter11_values(stdout);
        return 0;
    }
    if (example) {
        for (size_t k = 0; k < EXAMPLES; k++)
            if (strcmp(examples[k].name, example) == 0) {
                if (examples[k].reads_data)
                    check_data();
                examples[k].report(stdout, csv_dir);
                return 0;
            }
        unknown_choice("--example", "example", example,
                       "seed-loop, by-hand, gradients, pytorch, pytorch-network, sweep, "
                       "cancer, digits, moons, claims, runs-tuned, runs-sweep");
    }
    for (size_t k = 0; k < EXAMPLES; k++)
        if (shown_without_example(&examples[k], csv_dir) && examples[k].reads_data)
            check_data();
    for (size_t k = 0, shown = 0; k < EXAMPLES; k++) {
        if (!shown_without_example(&examples[k], csv_dir))
            continue;
        if (shown++ > 0)
            putchar('\n');
        examples[k].report(stdout, csv_dir);
    }
    return 0;
}
