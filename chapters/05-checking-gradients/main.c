/* main.c: chapter 5's program, build/ch05.
 *
 *   ch05                   every table of the chapter
 *   ch05 --example NAME    one of them: steps (the error against h),
 *                          specimen (the broken regression, checked and
 *                          repaired), gradients (every gradient of the
 *                          book), kinks (|x| and ReLU)
 *   ch05 --values          the numbers the chapter's prose quotes
 *   ch05 --csv DIR         also write the figures' data into DIR
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "05-checking-gradients/book_gradients.h"
#include "05-checking-gradients/differences.h"
#include "05-checking-gradients/kinks.h"
#include "05-checking-gradients/specimen.h"
#include "05-checking-gradients/values.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
    const char *name;
    void (*report)(FILE *out);
} examples[] = {
    {"steps", error_curve_report},
    {"specimen", specimen_report},
    {"gradients", book_gradients_report},
    {"kinks", kinks_report},
};
#define EXAMPLES (sizeof examples / sizeof examples[0])

static void write_figure_data(const char *dir)
{
    FILE *file = csv_create(dir, "errors.csv");
    error_curve_csv(file);
    csv_close(file, "errors.csv");
    for (int stage = SPECIMEN_SEED; stage < SPECIMEN_STAGES; stage++) {
        struct specimen s;
        char name[64];
        specimen_init(&s, SPECIMEN_SEED_VALUE, (enum specimen_stage)stage);
        snprintf(name, sizeof name, "specimen_%s.csv", specimen_stage_name(s.stage));
        file = csv_create(dir, name);
        specimen_descent(&s, file);
        csv_close(file, name);
    }
    file = csv_create(dir, "specimen_data.csv");  /* for pytorch_check.py */
    {
        struct specimen s;
        specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_SEED);
        fprintf(file, "x,y\n");
        for (size_t i = 0; i < SPECIMEN_COUNT; i++)
            fprintf(file, "%.17g,%.17g\n", s.x[i], s.y[i]);
    }
    csv_close(file, "specimen_data.csv");
    file = csv_create(dir, "specimen.gp");     /* for the scripts: the minimum */
    {
        struct specimen s;
        specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_FIXED);
        fprintf(file, "loss_star = %.17g\n", specimen_loss(&s, specimen_theta_star(&s)));
    }
    csv_close(file, "specimen.gp");
}

static void usage(void)
{
    puts("usage: ch05 [--example NAME] [--csv DIR]\n"
         "       ch05 --values\n"
         "  with no flag: every table of chapter 5\n"
         "  --example NAME   one table: steps, specimen, gradients or kinks\n"
         "  --values         the numbers the chapter's text quotes, one per line\n"
         "  --csv DIR        write the figures' data into DIR");
}

int main(int argc, char **argv)
{
    fail_program = "ch05";
    struct example_flags flags = parse_example_flags(argc, argv, usage);
    const char *csv_dir = flags.csv_dir, *example = flags.example;
    bool values = flags.values;
    if (values) {
        chapter5_values(stdout);
        return 0;
    }
    if (example) {
        size_t k = 0;
        while (k < EXAMPLES && strcmp(examples[k].name, example) != 0)
            k++;
        if (k == EXAMPLES)
            unknown_choice("--example", "example", example,
                           "steps, specimen, gradients, kinks");
        if (csv_dir)
            write_figure_data(csv_dir);
        examples[k].report(stdout);
        return 0;
    }
    if (csv_dir)
        write_figure_data(csv_dir);
    for (size_t k = 0; k < EXAMPLES; k++) {
        if (k > 0)
            putchar('\n');
        examples[k].report(stdout);
    }
    return 0;
}
