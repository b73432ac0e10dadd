/* main.c: chapter 12's program, build/ch12 (no MPI: descent-mpi is the
 * distributed one, mpi_descent.c).
 *
 *   ch12                   every table of the chapter
 *   ch12 --example NAME    one of them: order (the order of the sums),
 *                          projection (the alpha-beta model to 1024
 *                          workers), large-batch, local-sgd
 *   ch12 --values          the numbers the chapter's prose quotes
 *   ch12 --csv DIR         write the figures' data into DIR
 */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "12-data-parallel/examples.h"
#include "12-data-parallel/values.h"

#include <stdio.h>
#include <string.h>

static const struct {
    const char *name;
    void (*report)(FILE *out);
} examples[] = {
    {"order", order_report},
    {"projection", projection_report},
    {"large-batch", large_batch_report},
    {"local-sgd", local_sgd_report},
};
#define EXAMPLES (sizeof examples / sizeof examples[0])

static void usage(void)
{
    puts("usage: ch12 [--example NAME]\n"
         "       ch12 --values | --csv DIR\n"
         "  with no flag: every table of chapter 12\n"
         "  --example NAME   one table: order, projection, large-batch or local-sgd\n"
         "  --values         the numbers the chapter's text quotes, one per line\n"
         "  --csv DIR        write the figures' data into DIR\n"
         "The distributed run is build/descent-mpi (mpirun -np P build/descent-mpi --help).");
}

int main(int argc, char **argv)
{
    const char *csv_dir = NULL, *example = NULL;
    bool values = false;
    struct flags_given given = {0};

    fail_program = "ch12";
    for (int i = 1; i < argc; i++) {
        flag_once(&given, argv[i]);
        if (strcmp(argv[i], "--csv") == 0)
            csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(argv[i], "--example") == 0)
            example = flag_value(argc, argv, &i);
        else if (strcmp(argv[i], "--values") == 0)
            values = true;
        else
            help_or_unknown_flag(argv[i], usage);
    }
    values_alone(&given);
    if (csv_dir != NULL && example != NULL)
        fail(EXIT_USAGE, "--csv does not go with --example: give one of them");
    if (values) {
        chapter12_values(stdout);
        return 0;
    }
    if (csv_dir != NULL) {
        write_figure_data(csv_dir);
        return 0;
    }
    for (size_t k = 0; k < EXAMPLES; k++) {
        if (example != NULL && strcmp(example, examples[k].name) != 0)
            continue;
        if (example == NULL && k > 0)
            putchar('\n');
        examples[k].report(stdout);
        if (example != NULL)
            return 0;
    }
    if (example != NULL)
        unknown_choice("--example", "example", example,
                       "order, projection, large-batch, local-sgd");
    return 0;
}
