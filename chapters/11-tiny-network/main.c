/* main.c: chapter 11's program, build/ch11.
 *
 *   ch11 [--example NAME] [--csv DIR]
 *   ch11 --values
 * Prints the chapter's worked examples (--example one of them), writes the
 * figures' data with --csv, and the numbers the text quotes with --values.
 * The work is done in the chapter's module (network.h, train.h) and in one
 * small file per example (reports.h).
 */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "11-tiny-network/by_hand.h"
#include "11-tiny-network/reports.h"

#include <stdio.h>
#include <string.h>

struct example {
    const char *name;
    void (*report)(FILE *out);
    int shown_by_default;
};

static const struct example examples[] = {
    {"seed-loop", seed_loop_print, 1},
    {"by-hand", by_hand_print, 1},
    {"pytorch", seed_loop_dump, 0},
};
#define EXAMPLES (sizeof examples / sizeof examples[0])

static void usage(void)
{
    puts("usage: ch11 [--example NAME] [--csv DIR]\n"
         "       ch11 --values\n"
         "  with no flag: the worked examples of chapter 11\n"
         "  --example NAME   one of them: seed-loop, by-hand, or pytorch (the seed's\n"
         "                   loop with its data, for pytorch_check.py)\n"
         "  --values         the numbers the chapter's text quotes, one per line\n"
         "  --csv DIR        write the figures' data into DIR (trains every model)");
}

int main(int argc, char **argv)
{
    static const char *const not_with_values[] = {"--example", "--csv", NULL};
    const char *csv_dir = NULL, *example = NULL;
    struct flags_given given = {0};
    int values = 0;

    fail_program = "ch11";
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--example") == 0)
            example = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--csv") == 0)
            csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            values = 1;
        else
            help_or_unknown_flag(flag, usage);
    }
    if (values)
        refuse_flags(&given, not_with_values, "does not go with --values, which prints only "
                     "the values");
    if (csv_dir && example)
        fail(EXIT_USAGE, "--csv does not go with --example (it writes every figure's data)");
    if (values) {
        chapter11_values(stdout);
        return 0;
    }
    if (csv_dir) {
        write_figure_data(csv_dir);
        return 0;
    }
    for (size_t k = 0; k < EXAMPLES; k++) {
        if (example ? strcmp(examples[k].name, example) != 0 : !examples[k].shown_by_default)
            continue;
        if (!example && k > 0)
            putchar('\n');
        examples[k].report(stdout);
        if (example)
            return 0;
    }
    if (example)
        fail(EXIT_USAGE, "--example: unknown example '%s' (seed-loop, by-hand or pytorch)",
             example);
    return 0;
}
