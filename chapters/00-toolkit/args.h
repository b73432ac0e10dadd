/* args.h: reading numbers from the command line, strictly.
 *
 * Every chapter program and the lab take their settings as flags.  A value
 * that is not entirely a finite decimal number, or lies outside its range,
 * is a usage error: one line naming the flag, exit status 2 (fail.h).
 * strtod's "inf", "nan", "0x10", spaces, trailing junk and empty strings
 * are all refused here.
 */
#ifndef DESCENT_ARGS_H
#define DESCENT_ARGS_H

#include <stdbool.h>
#include <stddef.h>

/* The last branch of every program's flag loop: --help (or -h, as the lab
 * takes it) prints usage() and the exit statuses, and exits 0; anything
 * else is an unknown flag (exit 2). */
_Noreturn void help_or_unknown_flag(const char *flag, void (*usage)(void));

/* The last paragraph of every program's --help, the lab's included: the
 * exit statuses of fail.h, in the same words everywhere. */
extern const char exit_status_help[];

/* The flags given so far.  Every program refuses a flag given twice (which
 * one would win is a guess) and a flag that does not apply to what else
 * was asked, as the lab does. */
struct flags_given {
    const char *flag[64];
    size_t count;
};

/* Record flag (the start of every turn of a flag loop); a usage error
 * (exit 2) "FLAG given twice" if it was given before, or "more than 64
 * flags".  The pointer is kept, not the text: argv outlives the loop. */
void flag_once(struct flags_given *given, const char *flag);

/* Was flag given? */
bool flag_was_given(const struct flags_given *given, const char *flag);

/* A usage error "FLAG REASON" for the first of flags (NULL-terminated)
 * that was given, e.g. "--x0 changes example 1 only"; nothing otherwise. */
void refuse_flags(const struct flags_given *given, const char *const *flags, const char *reason);

/* Stop (exit 2): flag was given with --values, which prints only the
 * numbers the chapter's text quotes ("name value" lines, for the weaver),
 * in the one wording of every program: "FLAG does not go with --values,
 * which prints only the numbers the chapter quotes". */
_Noreturn void values_not_with(const char *flag);

/* values_not_with the first flag given that is not --values, when
 * --values was given: for the programs whose --values goes alone. */
void values_alone(const struct flags_given *given);

/* The flags of a chapter program that shows its worked examples one part
 * at a time: --example PART, --csv DIR, --values (alone: it prints only the
 * quoted numbers).  Each flag once; anything else is --help or an unknown
 * flag (help_or_unknown_flag).  Fields not given are NULL / false. */
struct example_flags {
    const char *example;    /* --example PART */
    const char *csv_dir;    /* --csv DIR */
    bool values;            /* --values */
};
struct example_flags parse_example_flags(int argc, char **argv, void (*usage)(void));

/* Stop (exit 2) with "FLAG: unknown WHAT 'TEXT' (known: KNOWN)", the one
 * wording every program uses for a name that is not one of its choices
 * (--example, --function, --optimizer, ...); known lists the choices,
 * separated by ", ". */
_Noreturn void unknown_choice(const char *flag, const char *what, const char *text,
                              const char *known);

/* The value after argv[*index] (advancing *index), or a usage error. */
const char *flag_value(int argc, char **argv, int *index);

/* Is text[0..length) a decimal numeral: a sign, digits with at most one
 * point, an exponent (-2, 0.5, .5, 1e-3)?  strtod also reads "0x10",
 * "inf", "nan" and leading spaces; the book takes none of them, on the
 * command line or in a data file. */
bool is_decimal(const char *text, size_t length);

/* What read_decimal made of a text. */
enum reading {
    READ_OK,
    NOT_DECIMAL,    /* strtod would read it whole ("0x10", " 1"), the book does not */
    NOT_FINITE,     /* strtod reads it whole, but it is inf, nan or overflows ("1e999") */
    NOT_NUMBER,     /* strtod stops before its end ("abc", "1 2", "4x") */
};

/* *value <- text[0..length) when it is a decimal numeral (is_decimal) of
 * finite value, read as strtod reads it (correctly rounded), at any length.
 * The one rule for numbers on the command line and in data files.
 * Numerals of at most 19 significant digits with a decimal exponent within
 * +-27 (every %.17g a program of the book writes for values from 1e-10 to
 * 1e10) are converted without strtod,
 * exactly: Clinger's fast path when the digits are below 2^53 and the
 * exponent within +-22 (one correctly rounded operation), otherwise the
 * product or quotient by 5^|e| in 128-bit integers, rounded once (GCC and
 * clang; strtod elsewhere).  The rest goes to strtod.  tests/00-toolkit.c
 * checks the result against strtod's, bit for bit. */
enum reading read_decimal(const char *text, size_t length, double *value);

/* read_decimal's fast path alone, on the numeral that text[0..length)
 * starts with: its length, with *value <- its value (exactly what
 * read_decimal gives for that numeral alone), or 0 when the fast path
 * cannot read it (no numeral there, more than 19 significant digits, an
 * exponent beyond +-27; *value is then meaningless).  The character after
 * it is the caller's to check: the lab's reader reads a data row in one
 * pass with it, each numeral ended by a comma or the line's end. */
size_t decimal_prefix(const char *text, size_t length, double *value);

/* The parse_* functions below read text, the value of flag, by
 * read_decimal's rule and stop (exit 2) with one line naming flag, the
 * text and the range when it is not in range; they return the value. */

/* A finite decimal number; flag names the setting in the message. */
double parse_number(const char *flag, const char *text);

/* A finite double with low <= value <= high. */
double parse_number_in(const char *flag, const char *text, double low, double high);

/* A finite double with low <= value < high: a momentum, a decay rate in
 * [0, 1).  The message names the half-open interval the help shows. */
double parse_number_below(const char *flag, const char *text, double low, double high);

/* A finite double with 0 < value <= high: a learning rate, a step. */
double parse_positive(const char *flag, const char *text, double high);

/* A whole number with low <= value <= high; stops (exit 2) on text that is
 * not one, and names a number past a long as too large or too small.  A
 * decimal numeral with a point or an exponent is taken when its value is
 * whole and exact (1e12, 100.0), as a learner writes a large count. */
long parse_whole(const char *flag, const char *text, long low, long high);

/* A comma-separated list of at most max finite doubles into
 * values[0..max); returns how many were read (at least one).  More than
 * max, an empty item or one not decimal is a usage error (exit 2). */
size_t parse_number_list(const char *flag, const char *text, double *values, size_t max);

#endif
