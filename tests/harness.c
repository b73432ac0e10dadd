/* harness.c: exercise bookkeeping for the Check suites (see harness.h). */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>

/* Pending exercises are written to this file by the test (which runs in a
 * child process in Check's fork mode) and read back by main(). */
FILE *harness_pending_log;

static void forget_todo(void)
{
    exercise_forget();
}

TCase *exercise_case(const char *title)
{
    TCase *test_case = tcase_create(title);
    tcase_add_checked_fixture(test_case, forget_todo, NULL);
    return test_case;
}

int exercise_skip_if_pending(void)
{
    const char *file, *function, *hint;
    if (!exercise_pending(&file, &function, &hint))
        return 0;
    if (harness_pending_log != NULL) {
        fprintf(harness_pending_log, "%s\t%s\t%s\n", file, function, hint);
        fflush(harness_pending_log);
    }
    return 1;
}
