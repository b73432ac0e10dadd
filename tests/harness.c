/* harness.c: exercise bookkeeping and rounding helpers for the Check suites
 * (see harness.h). */
#include "harness.h"

#include <stdio.h>
#include <string.h>

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

static char *rotating_buffer(void)
{
    static char buffers[8][64];
    static int next;
    next = (next + 1) % 8;
    return buffers[next];
}

const char *fixed(int digits, double x)
{
    char *out = rotating_buffer();
    snprintf(out, 64, "%.*f", digits, x);
    return out;
}

const char *sci(int digits, double x)
{
    char *out = rotating_buffer(), *e, *exponent;
    snprintf(out, 64, "%.*e", digits, x);
    e = strchr(out, 'e');
    if (e != NULL) {
        exponent = e + 1;
        if (*exponent == '+')
            memmove(exponent, exponent + 1, strlen(exponent));
        if (*exponent == '-')
            exponent++;
        while (exponent[0] == '0' && exponent[1] != '\0')
            memmove(exponent, exponent + 1, strlen(exponent));
    }
    return out;
}
