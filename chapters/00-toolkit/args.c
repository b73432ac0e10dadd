/* args.c: strict number parsing for flags (see args.h). */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void help_or_unknown_flag(const char *flag, void (*usage)(void))
{
    if (strcmp(flag, "--help") == 0) {
        usage();
        exit(0);
    }
    fail(EXIT_USAGE, "unknown flag '%s' (try --help)", flag);
}

const char *flag_value(int argc, char **argv, int *index)
{
    if (*index + 1 >= argc)
        fail(EXIT_USAGE, "%s needs a value", argv[*index]);
    *index += 1;
    return argv[*index];
}

/* Parse text[0..length) as one finite double, or return 0. */
static int read_number(const char *text, size_t length, double *value)
{
    char buffer[128];
    char *end;
    if (length == 0 || length >= sizeof buffer || isspace((unsigned char)text[0]))
        return 0;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    errno = 0;
    *value = strtod(buffer, &end);
    /* ERANGE with a finite result is an underflow (1e-310): keep it. */
    return *end == '\0' && isfinite(*value);
}

double parse_number(const char *flag, const char *text)
{
    double value;
    if (!read_number(text, strlen(text), &value))
        fail(EXIT_USAGE, "%s: '%s' is not a finite number", flag, text);
    return value;
}

double parse_number_in(const char *flag, const char *text, double low, double high)
{
    double value = parse_number(flag, text);
    if (!(value >= low && value <= high))
        fail(EXIT_USAGE, "%s: %s is outside [%g, %g]", flag, text, low, high);
    return value;
}

double parse_positive(const char *flag, const char *text, double high)
{
    double value = parse_number(flag, text);
    if (!(value > 0.0 && value <= high))
        fail(EXIT_USAGE, "%s: %s must be positive and at most %g",
             flag, text, high);
    return value;
}

long parse_whole(const char *flag, const char *text, long low, long high)
{
    char *end;
    long value;
    errno = 0;
    value = strtol(text, &end, 10);
    if (*text == '\0' || *end != '\0' || errno == ERANGE)
        fail(EXIT_USAGE, "%s: '%s' is not a whole number", flag, text);
    if (value < low || value > high)
        fail(EXIT_USAGE, "%s: %ld is outside [%ld, %ld]", flag, value, low, high);
    return value;
}

size_t parse_number_list(const char *flag, const char *text, double *values, size_t max)
{
    size_t count = 0;
    const char *start = text;
    for (;;) {
        size_t length = strcspn(start, ",");
        if (count == max)
            fail(EXIT_USAGE, "%s: more than %zu values in '%s'", flag, max, text);
        if (!read_number(start, length, &values[count]))
            fail(EXIT_USAGE, "%s: '%.*s' in '%s' is not a finite number",
                 flag, (int)length, start, text);
        count++;
        if (start[length] == '\0')
            return count;
        start += length + 1;
    }
}
