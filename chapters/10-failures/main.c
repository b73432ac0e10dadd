/* main.c: chapter 10's program, build/ch10.
 *
 *   --saddle    escape time from a saddle against (10.1); the stable line
 *   --plateau   a stopping rule fooled by a flat stretch
 *   --chains    the gradient of a deep chain against depth (10.2), (10.3)
 *   --explode   a run that overflows, and the same run clipped
 *   --clip      clipping by norm and by value, worked
 *   --basins    which minimum a start reaches (Himmelblau, x^2 sin x), restarts
 *   --values    the numbers the chapter quotes, one "name value" a line
 *   --csv DIR   also write the figures' data into DIR
 * With no flag it prints every report.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "10-failures/report.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    puts("usage: ch10 [--saddle] [--plateau] [--chains] [--explode] [--clip] [--basins]\n"
         "            [--values] [--csv DIR]\n"
         "  --saddle    steps to escape a saddle from delta off its stable line\n"
         "  --plateau   the stopping rule |f'| < 1e-4 on a flat stretch\n"
         "  --chains    the gradient of the first weight of a deep chain, against depth\n"
         "  --explode   a training run that overflows, and the same run clipped\n"
         "  --clip      clip_grad_norm and clip_grad_value on g = (3, 4)\n"
         "  --basins    Himmelblau and x^2 sin x: which minimum each start reaches; restarts\n"
         "  --values    the numbers the chapter quotes, as 'name value' lines\n"
         "  --csv DIR   also write the figures' data into DIR\n"
         "With no flag: every report.");
}

int main(int argc, char **argv)
{
    static const char *const names[] = {"--saddle", "--plateau", "--chains", "--explode",
                                        "--clip", "--basins"};
    static void (*const reports[])(FILE *) = {print_saddle, print_plateau, print_chains,
                                               print_explosion, print_clipping, print_basins};
    enum { REPORTS = sizeof names / sizeof names[0] };
    bool chosen[REPORTS] = {false}, any = false, values = false;
    const char *csv_dir = NULL;
    struct flags_given given = {0};

    fail_program = "ch10";
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        int r;
        flag_once(&given, flag);
        for (r = 0; r < REPORTS && strcmp(flag, names[r]) != 0; r++)
            ;
        if (r < REPORTS)
            chosen[r] = any = true;
        else if (strcmp(flag, "--values") == 0)
            values = true;
        else if (strcmp(flag, "--csv") == 0)
            csv_dir = flag_value(argc, argv, &i);
        else
            help_or_unknown_flag(flag, usage);
    }
    for (int r = 0; r < REPORTS && values; r++)
        if (chosen[r])
            values_not_with(names[r]);
    if (csv_dir != NULL)
        write_csv(csv_dir);
    if (values) {
        print_values(stdout);
        return 0;
    }
    if (!any && csv_dir == NULL)
        for (int r = 0; r < REPORTS; r++)
            chosen[r] = any = true;
    bool first = true;
    for (int r = 0; r < REPORTS; r++)
        if (chosen[r]) {
            if (!first)
                putchar('\n');
            reports[r](stdout);
            check_stdout();     /* a full disk or a closed pipe stops here, not after the rest */
            first = false;
        }
    return 0;
}
