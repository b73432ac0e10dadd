/* args.c: strict number parsing for flags (see args.h). */
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
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

/* strtod's verdict on text[0..length), for what is_decimal refused or
 * what the fast path cannot do; a copy, on the heap only when long. */
static enum reading read_with_strtod(const char *text, size_t length, double *value,
                                     bool decimal)
{
    char small[128], *buffer = small, *end;
    bool whole;
    if (length == 0)
        return NOT_NUMBER;
    if (length >= sizeof small)
        buffer = xcalloc(length + 1, 1);
    memcpy(buffer, text, length);
    buffer[length] = '\0';
    *value = strtod(buffer, &end);
    whole = *end == '\0' && memchr(text, '\0', length) == NULL;
    if (buffer != small)
        free(buffer);
    if (!whole)
        return NOT_NUMBER;
    if (!isfinite(*value))
        return NOT_FINITE;   /* an underflow (1e-310) is finite and kept */
    return decimal ? READ_OK : NOT_DECIMAL;
}

#if defined(__SIZEOF_INT128__)
__extension__ typedef unsigned __int128 wide;   /* GCC and clang: 128-bit integers */

/* The double nearest q * 2^exponent2, where the true value is that plus a
 * fraction below q's last bit when sticky (ties to even), q >= 2^53. */
static double round_wide(wide q, bool sticky, int exponent2)
{
    uint64_t high = (uint64_t)(q >> 64), mantissa;
    int bits = high ? 128 - __builtin_clzll(high) : 64 - __builtin_clzll((uint64_t)q);
    int shift = bits - 53;
    wide rest, half;
    mantissa = (uint64_t)(q >> shift);
    rest = q & (((wide)1 << shift) - 1);
    half = (wide)1 << (shift - 1);
    int exponent = shift + exponent2;
    if (rest > half || (rest == half && (sticky || (mantissa & 1))))
        mantissa++;
    if (mantissa == UINT64_C(1) << 53)
        mantissa >>= 1, exponent++;
    if (exponent + 52 + 1023 >= 1 && exponent + 52 + 1023 <= 2046) {
        /* a normal double: its bits directly, the leading 1 implicit */
        uint64_t bits = (uint64_t)(exponent + 52 + 1023) << 52 | (mantissa & ((UINT64_C(1) << 52) - 1));
        double result;
        memcpy(&result, &bits, sizeof result);
        return result;
    }
    return ldexp((double)mantissa, exponent);
}

/* *value <- mantissa * 10^exponent correctly rounded, for |exponent| <= 27
 * (5^27 < 2^63): 10^e = 5^e 2^e, so the product or quotient by 5^|e| is
 * done exactly in 128 bits, then rounded once.  False when out of range. */
static bool exact_product(uint64_t mantissa, long exponent, double *value)
{
    uint64_t five = 1;
    if (exponent < -27 || exponent > 27)
        return false;
    if (mantissa == 0) {
        *value = 0.0;
        return true;
    }
    for (long k = exponent < 0 ? -exponent : exponent; k > 0; k--)
        five *= 5;
    if (exponent >= 0) {
        wide product = (wide)mantissa * five;     /* < 2^64 * 2^63 */
        if (product < ((wide)1 << 53))
            *value = ldexp((double)(uint64_t)product, (int)exponent);
        else
            *value = round_wide(product, false, (int)exponent);
    } else {
        int shift = 63 + __builtin_clzll(mantissa);  /* 127 bits: a quotient of 64+ */
        wide numerator = (wide)mantissa << shift;
        *value = round_wide(numerator / five, numerator % five != 0,
                            (int)exponent - shift);
    }
    return true;
}
#else
static bool exact_product(uint64_t mantissa, long exponent, double *value)
{
    (void)mantissa, (void)exponent, (void)value;
    return false;                                   /* strtod does it */
}
#endif

/* Digits of text[*i..length) into *mantissa (leading zeros not counted in
 * *significant); false after 19 significant digits, more than a uint64_t
 * holds exactly.  Returns the count of digits through *count. */
static bool take_digits(const char *text, size_t length, size_t *i, uint64_t *mantissa,
                        int *significant, size_t *count)
{
    size_t start = *i;
    for (; *i < length && (unsigned)(text[*i] - '0') < 10; ++*i) {
        if (*significant == 19)
            return false;
        *mantissa = 10 * *mantissa + (uint64_t)(text[*i] - '0');
        *significant += *mantissa != 0;
    }
    *count = *i - start;
    return true;
}

enum reading read_decimal(const char *text, size_t length, double *value)
{
    static const double power[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t mantissa = 0;
    int significant = 0;        /* digits in mantissa, leading zeros not counted */
    long exponent = 0;          /* value = mantissa * 10^exponent */
    size_t i = 0, whole = 0, fraction = 0;
    bool negative = false;

    /* One pass: the grammar of is_decimal and the digits at once.  Anything
     * it does not take (not a decimal numeral, or too many digits) goes to
     * the slow path, which decides with is_decimal and strtod. */
    if (i < length && (text[i] == '+' || text[i] == '-'))
        negative = text[i++] == '-';
    if (!take_digits(text, length, &i, &mantissa, &significant, &whole))
        goto slow;
    if (i < length && text[i] == '.') {
        i++;
        if (!take_digits(text, length, &i, &mantissa, &significant, &fraction))
            goto slow;
    }
    if (whole + fraction == 0)
        goto slow;
    exponent = -(long)fraction;
    if (i < length && (text[i] == 'e' || text[i] == 'E')) {
        bool down = false;
        size_t first;
        long e = 0;
        if (++i < length && (text[i] == '+' || text[i] == '-'))
            down = text[i++] == '-';
        for (first = i; i < length && (unsigned)(text[i] - '0') < 10; i++)
            if (e < 100000)
                e = 10 * e + (text[i] - '0');
        if (i == first)
            goto slow;
        exponent += down ? -e : e;
    }
    if (i != length)
        goto slow;
    if (mantissa <= (UINT64_C(1) << 53) && exponent >= -22 && exponent <= 22)
        *value = exponent < 0 ? (double)mantissa / power[-exponent]
                              : (double)mantissa * power[exponent];
    else if (!exact_product(mantissa, exponent, value))
        goto slow;
    if (negative)
        *value = -*value;
    return READ_OK;
slow:
    return read_with_strtod(text, length, value, is_decimal(text, length));
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
    enum reading reading = read_decimal(text, strlen(text), &value);
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
    if (*text == '\0' || *end != '\0')
        fail(EXIT_USAGE, "%s: '%s' is not a whole number", flag, text);
    if (!is_decimal(text, strlen(text)))
        refuse(flag, text, (int)strlen(text), NULL, NOT_DECIMAL);
    if (errno == ERANGE)                /* a whole number, past a long */
        fail(EXIT_USAGE, "%s: %s is too %s: it must be in [%ld, %ld]", flag, text,
             value < 0 ? "small" : "large", low, high);
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
        enum reading reading = read_decimal(start, length, &values[count]);
        if (reading != READ_OK)
            refuse(flag, start, (int)length, text, reading);
        count++;
        if (start[length] == '\0')
            return count;
        start += length + 1;
    }
}

struct example_flags parse_example_flags(int argc, char **argv, void (*usage)(void))
{
    static const char *const not_with_values[] = {"--example", "--csv", NULL};
    struct example_flags f = {NULL, NULL, false};
    struct flags_given given = {0};
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        flag_once(&given, flag);
        if (strcmp(flag, "--example") == 0)
            f.example = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--csv") == 0)
            f.csv_dir = flag_value(argc, argv, &i);
        else if (strcmp(flag, "--values") == 0)
            f.values = true;
        else
            help_or_unknown_flag(flag, usage);
    }
    if (f.values)
        refuse_flags(&given, not_with_values, "does not go with --values, which prints only "
                     "the values");
    return f;
}
