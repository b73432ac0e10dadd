/* args.c: strict number parsing for flags (see args.h). */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <ctype.h>
#include <stdbool.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char exit_status_help[] =
    "Exit status: 0 the run finished; 2 bad usage or input (one line on stderr,\n"
    "nothing else printed); 3 the run diverged (the finite rows, then a line on stderr).\n";

_Noreturn void help_or_unknown_flag(const char *flag, void (*usage)(void))
{
    if (strcmp(flag, "--help") == 0 || strcmp(flag, "-h") == 0) {
        usage();
        printf("\n%s", exit_status_help);
        exit(0);
    }
    fail(EXIT_USAGE, "unknown flag '%s' (try --help)", flag);
}

bool flag_was_given(const struct flags_given *given, const char *flag)
{
    for (size_t i = 0; i < given->count; i++)
        if (strcmp(given->flag[i], flag) == 0)
            return true;
    return false;
}

void flag_once(struct flags_given *given, const char *flag)
{
    if (flag_was_given(given, flag))
        fail(EXIT_USAGE, "%s given twice", flag);
    if (given->count == sizeof given->flag / sizeof given->flag[0])
        fail(EXIT_USAGE, "more than %zu flags", given->count);
    given->flag[given->count++] = flag;
}

void refuse_flags(const struct flags_given *given, const char *const *flags, const char *reason)
{
    for (size_t k = 0; flags[k] != NULL; k++)
        if (flag_was_given(given, flags[k]))
            fail(EXIT_USAGE, "%s %s", flags[k], reason);
}

const char *flag_value(int argc, char **argv, int *index)
{
    if (*index + 1 >= argc)
        fail(EXIT_USAGE, "%s needs a value", argv[*index]);
    *index += 1;
    return argv[*index];
}

bool is_decimal(const char *text, size_t length)
{
    size_t i = 0, digits = 0;
    if (i < length && (text[i] == '+' || text[i] == '-'))
        i++;
    for (; i < length && isdigit((unsigned char)text[i]); i++)
        digits++;
    if (i < length && text[i] == '.')
        for (i++; i < length && isdigit((unsigned char)text[i]); i++)
            digits++;
    if (digits == 0)
        return false;
    if (i < length && (text[i] == 'e' || text[i] == 'E')) {
        size_t exponent = 0;
        i++;
        if (i < length && (text[i] == '+' || text[i] == '-'))
            i++;
        for (; i < length && isdigit((unsigned char)text[i]); i++)
            exponent++;
        if (exponent == 0)
            return false;
    }
    return i == length;
}

enum reading {
    READ_OK,
    NOT_DECIMAL,    /* strtod would read it ("0x10", " 1"), the book does not */
    NOT_FINITE,     /* not a number at all, or an overflow ("abc", "inf", "1e999") */
};

/* Read text[0..length) as one decimal numeral with a finite value. */
static enum reading read_number(const char *text, size_t length, double *value)
{
    char buffer[128], *end;
    if (length == 0 || length >= sizeof buffer)
        return NOT_FINITE;
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    *value = strtod(buffer, &end);
    if (*end != '\0' || !isfinite(*value))
        return NOT_FINITE;  /* an underflow (1e-310) is finite and kept */
    return is_decimal(text, length) ? READ_OK : NOT_DECIMAL;
}

/* Stop with the message for a reading that failed; list is the whole
 * comma-separated text the piece came from, or NULL. */
static _Noreturn void refuse(const char *flag, const char *piece, int length,
                             const char *list, enum reading reading)
{
    if (reading == NOT_DECIMAL)
        fail(EXIT_USAGE, "%s: '%.*s' is not a decimal number (write e.g. 16, 0.5 or 1e-3)",
             flag, length, piece);
    if (list != NULL)
        fail(EXIT_USAGE, "%s: '%.*s' in '%s' is not a finite number", flag, length, piece, list);
    fail(EXIT_USAGE, "%s: '%.*s' is not a finite number", flag, length, piece);
}

double parse_number(const char *flag, const char *text)
{
    double value;
    enum reading reading = read_number(text, strlen(text), &value);
    if (reading != READ_OK)
        refuse(flag, text, (int)strlen(text), NULL, reading);
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
    if (!is_decimal(text, strlen(text)))
        refuse(flag, text, (int)strlen(text), NULL, NOT_DECIMAL);
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
        enum reading reading = read_number(start, length, &values[count]);
        if (reading != READ_OK)
            refuse(flag, start, (int)length, text, reading);
        count++;
        if (start[length] == '\0')
            return count;
        start += length + 1;
    }
}
