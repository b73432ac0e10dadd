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

_Noreturn void unknown_choice(const char *flag, const char *what, const char *text,
                              const char *known)
{
    fail(EXIT_USAGE, "%s: unknown %s '%s' (known: %s)", flag, what, text, known);
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

_Noreturn void values_not_with(const char *flag)
{
    fail(EXIT_USAGE, "%s does not go with --values, which prints only the numbers the "
         "chapter quotes", flag);
}

void values_alone(const struct flags_given *given)
{
    if (!flag_was_given(given, "--values"))
        return;
    for (size_t i = 0; i < given->count; i++)
        if (strcmp(given->flag[i], "--values") != 0)
            values_not_with(given->flag[i]);
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
static inline double round_64(uint64_t q, bool sticky, int exponent2)
{
    const int shift = 64 - __builtin_clzll(q) - 53;     /* 1 to 11 */
    const uint64_t rest = q & ((UINT64_C(1) << shift) - 1), half = UINT64_C(1) << (shift - 1);
    uint64_t mantissa = q >> shift;
    int exponent = shift + exponent2;
    /* up when above half, or at half and sticky or odd (ties to even); in
     * arithmetic, not a branch: which way it goes is a coin toss */
    mantissa += (rest > half) | ((rest == half) & (sticky | (mantissa & 1)));
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

/* The same for a q of up to 128 bits: the bits below its top 64 only say
 * whether something is left (they join sticky), as round_64 needs. */
static double round_wide(wide q, bool sticky, int exponent2)
{
    const uint64_t high = (uint64_t)(q >> 64);
    int drop;
    if (high == 0)
        return round_64((uint64_t)q, sticky, exponent2);
    drop = 64 - __builtin_clzll(high);
    sticky |= (q & (((wide)1 << drop) - 1)) != 0;
    return round_64((uint64_t)(q >> drop), sticky, exponent2 + drop);
}

/* The quotient floor(u / d) of a 128-bit u by a 64-bit d with its top bit
 * set, when u < d 2^64 (the quotient fits in 64 bits), and the remainder
 * in *rest: two multiplications by v = floor((2^128 - 1) / d) - 2^64 instead
 * of a division (Moller and Granlund, "Improved division by invariant
 * integers", IEEE Trans. Computers 60(2), 2011, algorithm 4).  Exact. */
static uint64_t divide_by_invariant(wide u, uint64_t d, uint64_t v, uint64_t *rest)
{
    const uint64_t u1 = (uint64_t)(u >> 64), u0 = (uint64_t)u;
    const wide q = (wide)v * u1 + u;                /* modulo 2^128 */
    uint64_t q1 = (uint64_t)(q >> 64) + 1, r = u0 - q1 * d;
    const uint64_t over = -(uint64_t)(r > (uint64_t)q);    /* one too many: all ones */
    q1 += over;                     /* a mask, not a branch: about half the time */
    r += over & d;
    if (r >= d) {                                   /* one too few (rare) */
        q1++;
        r -= d;
    }
    *rest = r;
    return q1;
}

/* *value <- mantissa * 10^exponent correctly rounded, for |exponent| <= 27
 * (5^27 < 2^63): 10^e = 5^e 2^e, so the product or quotient by 5^|e| is
 * done exactly in 128 bits, then rounded once.  False when out of range. */
static bool exact_product(uint64_t mantissa, long exponent, double *value)
{
    static const uint64_t fives[28] = {   /* 5^0 .. 5^27 */
        UINT64_C(1), UINT64_C(5), UINT64_C(25), UINT64_C(125), UINT64_C(625),
        UINT64_C(3125), UINT64_C(15625), UINT64_C(78125), UINT64_C(390625),
        UINT64_C(1953125), UINT64_C(9765625), UINT64_C(48828125), UINT64_C(244140625),
        UINT64_C(1220703125), UINT64_C(6103515625), UINT64_C(30517578125),
        UINT64_C(152587890625), UINT64_C(762939453125), UINT64_C(3814697265625),
        UINT64_C(19073486328125), UINT64_C(95367431640625), UINT64_C(476837158203125),
        UINT64_C(2384185791015625), UINT64_C(11920928955078125),
        UINT64_C(59604644775390625), UINT64_C(298023223876953125),
        UINT64_C(1490116119384765625), UINT64_C(7450580596923828125)};
    static uint64_t inverses[28];   /* v of 5^k normalized, made when first needed
                                       (the book's programs have one thread each) */
    uint64_t five;
    if (exponent < -27 || exponent > 27)
        return false;
    if (mantissa == 0) {
        *value = 0.0;
        return true;
    }
    five = fives[exponent < 0 ? -exponent : exponent];
    if (exponent >= 0) {
        wide product = (wide)mantissa * five;     /* < 2^64 * 2^63 */
        if (product < ((wide)1 << 53))
            *value = ldexp((double)(uint64_t)product, (int)exponent);
        else
            *value = round_wide(product, false, (int)exponent);
    } else {
        /* mantissa / 5^k = numerator / d * 2^(normal - shift), with d = 5^k
         * shifted up to a top bit of 1; numerator < 2^127 <= d 2^64, so
         * the quotient fits in 64 bits (and has 62 or more). */
        int top = __builtin_clzll(mantissa), shift = 63 + top, normal = __builtin_clzll(five);
        uint64_t up = mantissa << top;              /* numerator = mantissa << shift */
        wide numerator = (wide)(up >> 1) << 64 | (wide)(up << 63);
        uint64_t d = five << normal, rest, quotient;
        if (inverses[-exponent] == 0)
            inverses[-exponent] = (uint64_t)(~(wide)0 / d);   /* the 2^64 bit dropped */
        quotient = divide_by_invariant(numerator, d, inverses[-exponent], &rest);
        *value = round_64(quotient, rest != 0, (int)exponent - shift + normal);
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

/* The eight bytes at text as one number, the first in the lowest byte
 * (whatever the machine's byte order; compilers make it one load). */
static uint64_t eight_bytes(const char *text)
{
    const unsigned char *b = (const unsigned char *)text;
    return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 | (uint64_t)b[3] << 24 |
           (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 | (uint64_t)b[6] << 48 |
           (uint64_t)b[7] << 56;
}

/* The index of the lowest byte of word (not 0) with its top bit set. */
static inline int first_marked_byte(uint64_t word)
{
#if defined(__GNUC__)
    return __builtin_ctzll(word) / 8;       /* GCC and clang: one instruction */
#else
    int byte = 0;
    while (!(word & 0x80))
        word >>= 8, byte++;
    return byte;
#endif
}

/* Digits of text[*at..length) into *mantissa; false after 19 significant
 * digits (a mantissa of 10^18 or more before the next digit), more than a
 * uint64_t holds exactly.  Returns the count of digits through *count.
 * Eight digits at a time, in a few integer operations on the eight bytes
 * at once (Lemire, "Number parsing at a gigabyte per second", Software:
 * Practice and Experience 51(8), 2021, section 5.3), while they are digits
 * and fit; the last two to seven digits the same way, the bytes after them
 * shifted out; a last single digit, or digits near the end of the text, one
 * at a time. */
static inline bool take_digits(const char *text, size_t length, size_t *at,
                               uint64_t *mantissa, size_t *count)
{
    static const uint64_t tens[20] = {
        UINT64_C(1), UINT64_C(10), UINT64_C(100), UINT64_C(1000), UINT64_C(10000),
        UINT64_C(100000), UINT64_C(1000000), UINT64_C(10000000), UINT64_C(100000000),
        UINT64_C(1000000000), UINT64_C(10000000000), UINT64_C(100000000000),
        UINT64_C(1000000000000), UINT64_C(10000000000000), UINT64_C(100000000000000),
        UINT64_C(1000000000000000), UINT64_C(10000000000000000),
        UINT64_C(100000000000000000), UINT64_C(1000000000000000000),
        UINT64_C(10000000000000000000)};
    const uint64_t ones = UINT64_C(0x0101010101010101), pairs = UINT64_C(0x000000FF000000FF);
    size_t i = *at;
    uint64_t m = *mantissa;
    while (length - i >= 8 && m < tens[11]) {   /* m 10^8 + eight digits < 10^19 */
        uint64_t word = eight_bytes(text + i);
        /* a byte is a digit iff neither byte + 0x46 nor byte - 0x30 sets its top bit */
        uint64_t other = ((word + 0x46 * ones) | (word - 0x30 * ones)) & 0x80 * ones;
        int digits = 8;
        if (other != 0) {                           /* the numeral ends in this word */
            digits = first_marked_byte(other);
            if (digits < 2)
                break;                              /* one at a time, below */
            /* the digits' values, moved up to the top bytes: zeros before them */
            word = (word - 0x30 * ones) << (64 - 8 * digits);
        } else
            word -= 0x30 * ones;                    /* eight values 0..9 */
        word = word * 10 + (word >> 8);             /* pairs: 10 d0 + d1 in bytes 0, 2, 4, 6 */
        word = ((word & pairs) * (100 + (UINT64_C(1000000) << 32)) +
                ((word >> 16) & pairs) * (1 + (UINT64_C(10000) << 32))) >> 32;
        m = m * tens[digits] + (word & 0xFFFFFFFF);
        i += (size_t)digits;
        if (digits < 8)
            break;
    }
    for (; i < length && (unsigned)(text[i] - '0') < 10; i++) {
        if (m >= UINT64_C(1000000000000000000))                         /* 10^18 */
            return false;
        m = 10 * m + (uint64_t)(text[i] - '0');
    }
    *count = i - *at;
    *at = i;
    *mantissa = m;
    return true;
}

size_t decimal_prefix(const char *text, size_t length, double *value)
{
    static const double power[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    uint64_t mantissa = 0;
    long exponent = 0;          /* value = mantissa * 10^exponent */
    size_t i = 0, whole = 0, fraction = 0;
    bool negative = false;

    /* One pass: the grammar of is_decimal and the digits at once.  What it
     * does not take (not a decimal numeral, or too many digits) is left to
     * read_decimal's slow path, which decides with is_decimal and strtod. */
    if (length > 0) {               /* a sign, without a branch: signs come in no order */
        negative = text[0] == '-';
        i = negative | (text[0] == '+');
    }
    if (!take_digits(text, length, &i, &mantissa, &whole))
        return 0;
    if (i < length && text[i] == '.') {
        i++;
        if (!take_digits(text, length, &i, &mantissa, &fraction))
            return 0;
    }
    if (whole + fraction == 0)
        return 0;
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
            return 0;
        exponent += down ? -e : e;
    }
    if (mantissa <= (UINT64_C(1) << 53) && exponent >= -22 && exponent <= 22)
        *value = exponent < 0 ? (double)mantissa / power[-exponent]
                              : (double)mantissa * power[exponent];
    else if (!exact_product(mantissa, exponent, value))
        return 0;
    {                               /* -value: its sign bit set (value >= +0 here) */
        uint64_t bits;
        memcpy(&bits, value, sizeof bits);
        bits |= (uint64_t)negative << 63;
        memcpy(value, &bits, sizeof bits);
    }
    return i;
}

enum reading read_decimal(const char *text, size_t length, double *value)
{
    if (length > 0 && decimal_prefix(text, length, value) == length)
        return READ_OK;
    return read_with_strtod(text, length, value, is_decimal(text, length));
}

/* Stop with the message for a reading that failed; list is the whole
 * comma-separated text the piece came from, or NULL (and is left out of
 * the message when the piece is all of it: "'abc' in 'abc'" says nothing
 * more). */
static _Noreturn void refuse(const char *flag, const char *piece, int length,
                             const char *list, enum reading reading)
{
    if (reading == NOT_DECIMAL)
        fail(EXIT_USAGE, "%s: '%.*s' is not a decimal number (write e.g. 16, 0.5 or 1e-3)",
             flag, length, piece);
    {
        const char *what = reading == NOT_FINITE ? "not a finite number"
                         : length == 0 ? "empty: give a number (e.g. 16, 0.5 or 1e-3)"
                         : "not a number (write e.g. 16, 0.5 or 1e-3)";
        if (list != NULL && !(piece == list && list[length] == '\0'))
            fail(EXIT_USAGE, "%s: '%.*s' in '%s' is %s", flag, length, piece, list, what);
        fail(EXIT_USAGE, "%s: '%.*s' is %s", flag, length, piece, what);
    }
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

double parse_number_below(const char *flag, const char *text, double low, double high)
{
    double value = parse_number(flag, text);
    if (!(value >= low && value < high))
        fail(EXIT_USAGE, "%s: %s is outside [%g, %g)", flag, text, low, high);
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
    const size_t length = strlen(text);
    char *end;
    long value;
    double exact;
    if (!is_decimal(text, length))      /* " 5", "0x10", "many", "" */
        fail(EXIT_USAGE, "%s: '%s' is not a whole number (write digits only, e.g. 100)",
             flag, text);
    errno = 0;
    value = strtol(text, &end, 10);
    if (*end != '\0') {
        /* a point or an exponent: 1e12 and 100.0 are whole numbers, taken
         * when exact (a double holds every whole number up to 2^53) */
        const bool negative = text[0] == '-';
        if (read_decimal(text, length, &exact) != READ_OK)      /* 1e999 */
            fail(EXIT_USAGE, "%s: %s is too %s: it must be in [%ld, %ld]", flag, text,
                 negative ? "small" : "large", low, high);
        if (exact != floor(exact))
            fail(EXIT_USAGE, "%s: '%s' is not a whole number (write digits only, e.g. 100)",
                 flag, text);
        if (!(exact >= (double)low && exact <= (double)high))
            fail(EXIT_USAGE, "%s: %s is outside [%ld, %ld]", flag, text, low, high);
        if (fabs(exact) > 9007199254740992.0)
            fail(EXIT_USAGE, "%s: %s is past 2^53, where a number with an exponent may "
                 "not be exact: write it without an exponent", flag, text);
        return (long)exact;
    }
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
    values_alone(&given);
    return f;
}
