/* harness.c: exercise bookkeeping for the Check suites (see harness.h). */
#include "harness.h"

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

void exercise_end_if_pending(void)
{
    const char *file, *function, *hint;
    if (exercise_pending(&file, &function, &hint))
        ck_abort_msg("pending: %s: %s(): %s", file, function, hint);
}
