/* tests/00-toolkit.c: the shared plumbing of chapter 0.
 *
 * The gradients are checked against a central difference: with step h the
 * difference has error about h^2 f'''/6 plus rounding eps f / h, smallest
 * near h = 1e-5, where both are ~1e-10 relative for these functions; 1e-6
 * relative is a safe tolerance that still catches any wrong term.
 */
#include "harness.h"
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
/* Check defines a macro named fail (deprecated); fail.h declares the
 * book's function of that name. */
#undef fail
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/rng.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double square(double v)
{
    return v * v;
}

static void check_gradient(const char *spec, const double *x)
{
    struct function f = function_from_spec("--function", spec);
    double grad[FUNCTION_MAX_DIM], probe[FUNCTION_MAX_DIM];
    f.gradient(&f, grad, x);
    for (size_t i = 0; i < f.dim; i++) {
        const double h = 1e-5;
        double up, down, numeric;
        for (size_t j = 0; j < f.dim; j++)
            probe[j] = x[j];
        probe[i] = x[i] + h;
        up = f.value(&f, probe);
        probe[i] = x[i] - h;
        down = f.value(&f, probe);
        numeric = (up - down) / (2.0 * h);
        ck_assert_double_eq_tol(grad[i], numeric, 1e-6 * (1.0 + fabs(numeric)));
    }
}

START_TEST(gradients_match_central_differences)
{
    const double a[2] = {-1.2, 0.7}, b[2] = {0.3, -1.9}, c[1] = {3.0};
    check_gradient("quadratic:1,10", a);
    check_gradient("rosenbrock", a);
    check_gradient("rosenbrock:2,5", b);
    check_gradient("beale", a);
    check_gradient("beale", b);
    check_gradient("himmelblau", a);
    check_gradient("booth", b);
    check_gradient("x2sinx", c);
}
END_TEST

/* Known minima: each function is 0 there (x2sinx: f'(x*) = 0). */
START_TEST(minima_are_where_the_books_say)
{
    const double rosenbrock_min[2] = {1, 1}, beale_min[2] = {3, 0.5},
                 himmelblau_min[2] = {3, 2}, booth_min[2] = {1, 3};
    struct function f = function_from_spec("--function", "rosenbrock");
    ck_assert_double_eq_tol(f.value(&f, rosenbrock_min), 0.0, 1e-15);
    f = function_from_spec("--function", "beale");
    ck_assert_double_eq_tol(f.value(&f, beale_min), 0.0, 1e-15);
    f = function_from_spec("--function", "himmelblau");
    ck_assert_double_eq_tol(f.value(&f, himmelblau_min), 0.0, 1e-15);
    f = function_from_spec("--function", "booth");
    ck_assert_double_eq_tol(f.value(&f, booth_min), 0.0, 1e-15);
}
END_TEST

START_TEST(specs_set_parameters_and_starts)
{
    struct function f = function_from_spec("--function", "quadratic:2,3,4");
    ck_assert_uint_eq(f.dim, 3);
    ck_assert_double_eq(f.param[2], 4.0);
    ck_assert_double_eq(f.start[1], 1.0);
    f = function_from_spec("--function", "rosenbrock");
    ck_assert_double_eq(f.param[1], 100.0);
    ck_assert_double_eq(f.start[0], -1.5);
    ck_assert_double_eq(f.start[1], 2.0);
}
END_TEST

START_TEST(unknown_function_is_a_usage_error)
{
    function_from_spec("--function", "rosenbrok");
}
END_TEST

START_TEST(beale_takes_no_parameters)
{
    function_from_spec("--function", "beale:1");
}
END_TEST

START_TEST(non_finite_number_is_a_usage_error)
{
    parse_number("--lr", "inf");
}
END_TEST

START_TEST(trailing_junk_is_a_usage_error)
{
    parse_number("--lr", "0.1x");
}
END_TEST

START_TEST(hexadecimal_is_a_usage_error)
{
    parse_number("--lr", "0x10");
}
END_TEST

START_TEST(leading_space_is_a_usage_error)
{
    parse_number("--lr", " 0.1");
}
END_TEST

/* The flags every program shares the handling of (args.h). */
START_TEST(flag_given_twice_is_a_usage_error)
{
    struct flags_given given = {0};
    flag_once(&given, "--lr");
    flag_once(&given, "--steps");
    flag_once(&given, "--lr");
}
END_TEST

START_TEST(inapplicable_flag_is_a_usage_error)
{
    static const char *const data_only[] = {"--epochs", "--batch", NULL};
    struct flags_given given = {0};
    flag_once(&given, "--batch");
    refuse_flags(&given, data_only, "applies to --data only");
}
END_TEST

START_TEST(flags_not_given_pass)
{
    static const char *const data_only[] = {"--epochs", "--batch", NULL};
    struct flags_given given = {0};
    flag_once(&given, "--lr");
    flag_once(&given, "--steps");
    ck_assert(flag_was_given(&given, "--lr"));
    ck_assert(!flag_was_given(&given, "--batch"));
    refuse_flags(&given, data_only, "applies to --data only");
}
END_TEST

/* 1e-310 is below the smallest normal double but representable: kept. */
START_TEST(tiny_numbers_are_kept)
{
    ck_assert_double_gt(parse_number("--eps", "1e-310"), 0.0);
}
END_TEST

START_TEST(number_lists_parse)
{
    double v[3];
    ck_assert_uint_eq(parse_number_list("--x0", "1,-2.5,3e2", v, 3), 3);
    ck_assert_double_eq(v[1], -2.5);
    ck_assert_double_eq(v[2], 300.0);
}
END_TEST

/* read_decimal converts most numerals without strtod (args.h): its result
 * must be strtod's, bit for bit (no tolerance: both are correctly rounded),
 * on numerals of 1 to 20 random digits with the point anywhere and
 * exponents -40..40, %.17g of random doubles, and the ties where rounding
 * to even decides: 2^53 + 1 and neighbours, written with exponents. */
static void same_as_strtod(const char *text)
{
    double mine, theirs = strtod(text, NULL);
    ck_assert_int_eq(read_decimal(text, strlen(text), &mine), READ_OK);
    if (memcmp(&mine, &theirs, sizeof mine) != 0)
        ck_abort_msg("read_decimal(\"%s\") = %.17g, strtod says %.17g", text, mine, theirs);
}

START_TEST(read_decimal_is_strtod_bit_for_bit)
{
    static const char *const ties[] = {
        "9007199254740993", "9007199254740995", "9007199254740993e0", "900719925474099.3e1",
        "90071992547409930e-1", "18014398509481986e2", "9007199254740992.5", "0.1", "0.3",
        "1e23", "8.98846567431158e307", "2.2250738585072014e-308", "4.9e-324", "-0",
        "123456789012345678", "1234567890123456789", "17976931348623157e292",
        "4503599627370497.5", "4503599627370496.5", "2.0000000000000004440892098500626"};
    struct rng rng;
    char text[64];
    for (size_t k = 0; k < sizeof ties / sizeof *ties; k++)
        same_as_strtod(ties[k]);
    rng_seed(&rng, 3);
    for (int n = 0; n < 40000; n++) {
        int digits = 1 + (int)rng_below(&rng, 20), point = (int)rng_below(&rng, 22), used = 0;
        if (rng_below(&rng, 2))
            text[used++] = '-';
        for (int d = 0; d < digits; d++) {
            if (d == point)
                text[used++] = '.';
            text[used++] = (char)('0' + rng_below(&rng, 10));
        }
        used += sprintf(text + used, "e%d", (int)rng_below(&rng, 81) - 40);
        same_as_strtod(text);
        double x = (rng_uniform(&rng) - 0.5) * pow(10.0, (double)rng_below(&rng, 41) - 20);
        sprintf(text, "%.17g", x);
        same_as_strtod(text);
    }
}
END_TEST

/* decimal_prefix reads the numeral a longer text starts with: its length
 * and read_decimal's double for that numeral alone (so strtod's, bit for
 * bit), whatever follows; 0 where its fast path cannot (no numeral, 20
 * significant digits, an exponent beyond +-27, an exponent without digits). */
START_TEST(decimal_prefix_reads_the_numeral_in_front)
{
    static const char *const texts[] = {
        "1.5,2", "-0.96536312616120679,x", "+7\n", "-0,", ".5e1;", "12345678901234567890", "5.",
        "0.0079478707367552914\r\n", "1e27,", "1e-27 ", "9007199254740993,1", "-4e-5e",
        "123456789.123456789x", "1234567890123456789", "0.965363,2.31392", "-12.5e-3,",
        "1234567,89", "12345678.1234567,", "1234567890123.4567891,"};
    static const size_t lengths[] = {3, 20, 2, 2, 4, 0, 2, 21, 4, 5, 16, 5, 19, 19, 8, 8,
                                     7, 16, 0};
    static const char *const refused[] = {"", "-", ".", "x1", "1e", "1e+,", "1e28", "1e-28",
                                          "12345678901234567890", "0.12345678901234567890"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        double mine, alone;
        size_t length = decimal_prefix(texts[k], strlen(texts[k]), &mine);
        char numeral[64];
        ck_assert_uint_eq(length, lengths[k]);
        if (length == 0)
            continue;
        memcpy(numeral, texts[k], length);
        numeral[length] = '\0';
        ck_assert_int_eq(read_decimal(numeral, length, &alone), READ_OK);
        ck_assert_int_eq(memcmp(&mine, &alone, sizeof mine), 0);
        same_as_strtod(numeral);
    }
    for (size_t k = 0; k < sizeof refused / sizeof *refused; k++) {
        double value;
        ck_assert_uint_eq(decimal_prefix(refused[k], strlen(refused[k]), &value), 0);
    }
}
END_TEST

/* SplitMix64's first outputs from seed 0 are published with the algorithm
 * (the reference implementation's test vector). */
START_TEST(splitmix64_reference_outputs)
{
    struct rng rng;
    rng_seed(&rng, 0);
    ck_assert_uint_eq(rng_next(&rng), UINT64_C(0xe220a8397b1dcdaf));
    ck_assert_uint_eq(rng_next(&rng), UINT64_C(0x6e789e6aa1b965f4));
    ck_assert_uint_eq(rng_next(&rng), UINT64_C(0x06c45d188009454f));
}
END_TEST

START_TEST(shuffle_is_a_permutation_and_repeatable)
{
    size_t a[100], b[100], seen[100] = {0};
    struct rng r1, r2;
    for (size_t i = 0; i < 100; i++)
        a[i] = b[i] = i;
    rng_seed(&r1, 42);
    rng_seed(&r2, 42);
    rng_shuffle(&r1, a, 100);
    rng_shuffle(&r2, b, 100);
    for (size_t i = 0; i < 100; i++) {
        ck_assert_uint_eq(a[i], b[i]);
        seen[a[i]]++;
    }
    for (size_t i = 0; i < 100; i++)
        ck_assert_uint_eq(seen[i], 1);
}
END_TEST

/* The sum of twelve uniforms minus six has mean 0 and variance 1; over
 * 100 000 draws the sample mean has standard error 1/sqrt(1e5) = 0.0032,
 * so 0.02 is over six standard errors. */
START_TEST(normal_draws_have_mean_zero_variance_one)
{
    struct rng rng;
    double sum = 0, squares = 0;
    rng_seed(&rng, 7);
    for (int i = 0; i < 100000; i++) {
        double z = rng_normal(&rng);
        sum += z;
        squares += z * z;
    }
    ck_assert_double_eq_tol(sum / 100000, 0.0, 0.02);
    ck_assert_double_eq_tol(squares / 100000, 1.0, 0.02);
}
END_TEST

START_TEST(below_stays_below)
{
    struct rng rng;
    rng_seed(&rng, 1);
    for (int i = 0; i < 10000; i++)
        ck_assert_uint_lt(rng_below(&rng, 7), 7);
}
END_TEST

/* rng_below redraws exactly the raw draws of the incomplete last block, at
 * or above limit = 2^64 - (2^64 mod bound), and no others.  With bound =
 * 2^63 + 1, 2^64 mod bound = 2^63 - 1, so limit = 2^63 + 1 = bound: about
 * half the raw draws are redrawn, and each result is the first raw draw
 * below bound, with the generator where that draw left it.  With bound =
 * 3, limit = 2^64 - 1: the result is the raw draw mod 3. */
START_TEST(below_redraws_only_the_last_block)
{
    const uint64_t half = (UINT64_C(1) << 63) + 1;
    struct rng rng, raw;
    int redrawn = 0;
    rng_seed(&rng, 11);
    rng_seed(&raw, 11);
    for (int i = 0; i < 1000; i++) {
        uint64_t draw = rng_next(&raw);
        while (draw >= half) {
            draw = rng_next(&raw);
            redrawn++;
        }
        ck_assert_uint_eq(rng_below(&rng, half), draw);
        ck_assert_uint_eq(rng.state, raw.state);
    }
    ck_assert_int_gt(redrawn, 400);     /* the path was taken: about 1000 times */
    for (int i = 0; i < 1000; i++) {
        uint64_t draw = rng_next(&raw);
        ck_assert_uint_eq(rng_below(&rng, 3), draw % 3);
    }
}
END_TEST

/* Chapter 0's table of test functions, row by row: each formula's
 * constants (its value at a point, written out from the formula), its
 * minimum and its default start.  Values are a few operations on small
 * exact numbers, so they are exact in double (tolerance 0), except the
 * x2sinx minimum, a root of tan x = -x/2 found by bisection to 1e-12 and
 * shown to three decimals. */
START_TEST(functions_as_chapter_0_tabulates)
{
    const double zero[2] = {0, 0}, one[2] = {1, 1};
    struct function f = function_from_spec("--function", "quadratic:1,10");
    {
        const double curvature[2] = {1, 10};    /* the table's example, quadratic:1,10 */
        ck_assert_double_eq(f.value(&f, one), 1.0 / 2 * (curvature[0] * one[0] * one[0] +
                                                         curvature[1] * one[1] * one[1]));
    }
    ck_assert_double_eq(f.value(&f, zero), 0);
    ck_assert_double_eq(f.start[0], 1);
    ck_assert_double_eq(f.start[1], 1);

    f = function_from_spec("--function", "rosenbrock");
    ck_assert(f.param[0] == 1 && f.param[1] == 100);
    ck_assert(f.start[0] == -1.5 && f.start[1] == 2);

    f = function_from_spec("--function", "beale");
    ck_assert_double_eq(f.value(&f, zero), 1.5 * 1.5 + 2.25 * 2.25 + 2.625 * 2.625);
    ck_assert_double_eq(f.value(&f, (const double[2]){3, 0.5}), 0);
    ck_assert(f.start[0] == 1 && f.start[1] == 1.5);

    f = function_from_spec("--function", "himmelblau");
    {
        const double c = 11, d = 7;         /* (x1^2 + x2 - 11)^2 + (x1 + x2^2 - 7)^2 */
        ck_assert_double_eq(f.value(&f, zero), c * c + d * d);
    }
    ck_assert_double_eq(f.value(&f, (const double[2]){3, 2}), 0);
    ck_assert_double_eq(f.start[0], 0);
    ck_assert_double_eq(f.start[1], 0);

    f = function_from_spec("--function", "booth");
    {
        const double a = 7, b = 5;          /* (x1 + 2 x2 - 7)^2 + (2 x1 + x2 - 5)^2 */
        ck_assert_double_eq(f.value(&f, zero), a * a + b * b);
    }
    {
        /* the formula as the table writes it, at a point of no special kind */
        const double p[2] = {0.25, -3.5};
        ck_assert_double_eq_tol(f.value(&f, p), square(p[0] + 2 * p[1] - 7) + square(2 * p[0] + p[1] - 5),
                                1e-12);
    }
    ck_assert_double_eq(f.value(&f, (const double[2]){1, 3}), 0);
    ck_assert_double_eq(f.start[0], 0);

    f = function_from_spec("--function", "x2sinx");
    ck_assert_double_eq(f.start[0], 3);
    {
        double low = 4.5, high = 5.5, grad; /* f' changes sign once in [4.5, 5.5] */
        while (high - low > 1e-12) {
            double middle = (low + high) / 2;
            f.gradient(&f, &grad, &middle);
            if (grad < 0)
                low = middle;
            else
                high = middle;
        }
        ck_assert_str_eq(fixed(3, low), "5.087");
    }
}
END_TEST

/* What chapter 0 says of the generator: a 64-bit state advanced by an odd
 * constant (so it visits all 2^64 states before repeating), uniforms that
 * are whole multiples of 2^-53 in [0, 1), and the statuses of fail.h. */
START_TEST(generator_as_chapter_0_describes)
{
    struct rng rng;
    uint64_t before, step;
    const double resolution = ldexp(1, -53);
    ck_assert_uint_eq(sizeof rng.state * CHAR_BIT, 64);
    rng_seed(&rng, 0);
    before = rng.state;
    rng_next(&rng);
    step = rng.state - before;
    ck_assert_msg(step % 2 == 1, "an even increment would not give the period 2^64");
    for (int i = 0; i < 1000; i++) {
        double u = rng_uniform(&rng);
        ck_assert(u >= 0 && u < 1);
        ck_assert_double_eq(fmod(u, resolution), 0);
        ck_assert_double_eq(u / resolution, floor(u / resolution));
    }
    ck_assert_double_eq(resolution * (double)(UINT64_C(1) << 53), 1);
}
END_TEST

START_TEST(exit_statuses_as_chapter_0_tabulates)
{
    ck_assert_int_eq(EXIT_SUCCESS, 0);
    ck_assert_int_eq(EXIT_USAGE, 2);
    ck_assert_int_eq(EXIT_DIVERGED, 3);
}
END_TEST

/* The rounding helpers of harness.h, which tests use to assert numbers as
 * the prose prints them. */
START_TEST(prose_rounding_helpers)
{
    ck_assert_str_eq(fixed(4, 1 / 29.68), "0.0337");
    ck_assert_str_eq(fixed(2, 1.963), "1.96");
    ck_assert_str_eq(sci(1, 0.00451), "4.5e-3");
    ck_assert_str_eq(sci(2, 12345.0), "1.23e4");
    ck_assert_str_eq(sci(0, 1.0), "1e0");
    ck_assert_str_eq(sci(1, -3.38e-12), "-3.4e-12");
}
END_TEST

Suite *chapter_suite(void)
{
    Suite *suite = suite_create("00-toolkit");
    TCase *functions = tcase_create("test functions");
    TCase *args = tcase_create("arguments");
    TCase *random = tcase_create("random numbers");
    TCase *prose = tcase_create("numbers as the prose prints them");

    tcase_add_test(functions, gradients_match_central_differences);
    tcase_add_test(functions, minima_are_where_the_books_say);
    tcase_add_test(functions, specs_set_parameters_and_starts);
    /* Exit tests need a child process to exit in: with CK_FORK=no (to
     * debug another test) they would end the whole run, so they sit out. */
    if (!(getenv("CK_FORK") && strcmp(getenv("CK_FORK"), "no") == 0)) {
        tcase_add_exit_test(functions, unknown_function_is_a_usage_error, 2);
        tcase_add_exit_test(functions, beale_takes_no_parameters, 2);
        tcase_add_exit_test(args, non_finite_number_is_a_usage_error, 2);
        tcase_add_exit_test(args, trailing_junk_is_a_usage_error, 2);
        tcase_add_exit_test(args, leading_space_is_a_usage_error, 2);
        tcase_add_exit_test(args, hexadecimal_is_a_usage_error, 2);
        tcase_add_exit_test(args, flag_given_twice_is_a_usage_error, 2);
        tcase_add_exit_test(args, inapplicable_flag_is_a_usage_error, 2);
    }
    tcase_add_test(args, number_lists_parse);
    tcase_add_test(args, flags_not_given_pass);
    tcase_add_test(args, tiny_numbers_are_kept);
    tcase_add_test(args, read_decimal_is_strtod_bit_for_bit);
    tcase_add_test(args, decimal_prefix_reads_the_numeral_in_front);
    tcase_add_test(random, splitmix64_reference_outputs);
    tcase_add_test(random, shuffle_is_a_permutation_and_repeatable);
    tcase_add_test(random, normal_draws_have_mean_zero_variance_one);
    tcase_add_test(random, below_stays_below);
    tcase_add_test(random, below_redraws_only_the_last_block);
    suite_add_tcase(suite, functions);
    suite_add_tcase(suite, args);
    tcase_add_test(prose, prose_rounding_helpers);
    tcase_add_test(functions, functions_as_chapter_0_tabulates);
    tcase_add_test(random, generator_as_chapter_0_describes);
    tcase_add_test(args, exit_statuses_as_chapter_0_tabulates);
    suite_add_tcase(suite, random);
    suite_add_tcase(suite, prose);
    return suite;
}
