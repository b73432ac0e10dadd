/* main.c: chapter 10's program, build/ch10.
 *
 *   ch10 [--example NAME] [--csv DIR]
 *   ch10 --values
 * Prints the chapter's worked examples, one part at a time (--example NAME)
 * or all of them:
 *   saddle    escape time from a saddle against (10.1); the stable line
 *   plateau   a stopping rule fooled by a flat stretch
 *   chains    the gradient of a deep chain against depth (10.2), (10.3)
 *   explode   a run that overflows, and the same run clipped
 *   clip      clipping by norm and by value, worked
 *   basins    which minimum a start reaches (Himmelblau, x^2 sin x), restarts
 * --csv DIR also writes the figures' data into DIR (alone: only that);
 * --values prints the numbers the chapter quotes, one "name value" a line.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "10-failures/report.h"

#include <stdio.h>
#include <string.h>

static void usage(void)
{
    puts("usage: ch10 [--example NAME] [--csv DIR]\n"
         "       ch10 --values\n"
         "  with no flag: every part of chapter 10\n"
         "  --example NAME  one part: saddle, plateau, chains, explode, clip or basins\n"
         "                  saddle   steps to escape a saddle from delta off its stable line\n"
         "                  plateau  the stopping rule |f'| < 1e-4 on a flat stretch\n"
         "                  chains   the gradient of the first weight of a deep chain,\n"
         "                           against depth\n"
         "                  explode  a training run that overflows, and the same run clipped\n"
         "                  clip     clip_grad_norm and clip_grad_value on g = (3, 4)\n"
         "                  basins   Himmelblau and x^2 sin x: which minimum each start\n"
         "                           reaches; restarts\n"
         "  --values        the numbers the chapter quotes, as 'name value' lines\n"
         "  --csv DIR       also write the figures' data into DIR (alone: only that)");
}

int main(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*report)(FILE *);
    } parts[] = {
        {"saddle", print_saddle}, {"plateau", print_plateau}, {"chains", print_chains},
        {"explode", print_explosion}, {"clip", print_clipping}, {"basins", print_basins},
    };
    enum { PARTS = sizeof parts / sizeof parts[0] };

    fail_program = "ch10";
    struct example_flags flags = parse_example_flags(argc, argv, usage);
    int chosen = -1;                    /* -1: every part */
    if (flags.example != NULL) {
        for (chosen = 0; chosen < PARTS && strcmp(flags.example, parts[chosen].name) != 0;
             chosen++)
            ;
        if (chosen == PARTS)
            unknown_choice("--example", "example", flags.example,
                           "saddle, plateau, chains, explode, clip, basins");
    }
    if (flags.csv_dir != NULL)
        write_csv(flags.csv_dir);
    if (flags.values) {
        print_values(stdout);
        return 0;
    }
    if (flags.csv_dir != NULL && chosen < 0)
        return 0;                       /* --csv alone: the figures' data only */
    for (int r = 0; r < PARTS; r++)
        if (chosen < 0 || r == chosen) {
            if (chosen < 0 && r > 0)
                putchar('\n');
            parts[r].report(stdout);
            check_stdout();     /* a full disk or a closed pipe stops here, not after the rest */
        }
    return 0;
}
