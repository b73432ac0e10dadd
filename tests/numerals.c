/* numerals.c: every number in the prose is woven, asserted or exempt.
 *
 * It reads the running text of chapters/NN-slug/README.md and
 * solutions/NN-slug.md (not fenced code, not the blocks weave.c writes,
 * not HTML comments, link targets or tags) and finds every numeral in it.
 * Each one must be covered in one of four ways (the rule is stated once
 * more, for readers, in chapter 0):
 *
 * 1. woven: inside an <!-- output/listing --> block, or a value
 *    <!-- v:NAME -->0.6694<!-- /v --> that weave.c keeps equal to what the
 *    file's <!-- values: build/chNN --values --> command prints;
 *
 * 2. asserted: the paragraph (a run of non-blank lines: a paragraph, a
 *    list, a table or a displayed equation) carries <!-- t:TEST --> (or
 *    <!-- t:a t:b -->), put at its end, and the numeral appears in the
 *    body of START_TEST(TEST) in tests/NN-slug*.c (comments left out;
 *    inside a string counts; a #define the body uses counts) after both
 *    are normalised.  It must be there distinctly: when a neighbour of it
 *    (its last digit one up or one down: 2 and 4 for 3, 0.8 and 0.0 for
 *    0.9) is in the named tests too, the numeral must be inside their
 *    assertions (the arguments of a ck_assert..., EXPECT_ANSWER or a
 *    helper named expect_... or check_...) and no neighbour may be, else a
 *    hand change to that neighbour would pass as well ("uncovered: the
 *    tests hold 4 as well").  Inside the assertions means: an expected
 *    value (an argument of the assertion that is one literal or one
 *    fraction, not a sum such as 7 - 3, an element of an initializer the assertion reads, a
 *    numeral of a string it compares), or else any numeral the assertion
 *    reads (a fraction 3.0 / 5 as 3/5, not 3 and 5).  A neighbour that is
 *    an expected value too is allowed when the paragraph states it and
 *    states the numeral itself exactly once ("80 steps, then 81").  A
 *    notation constant, 0, 1, 2 or ½ (or −1, −2, −½) in a displayed
 *    equation, a code span of mathematics or next to an operator or bracket
 *    ("1 − ηλ", "(1, 1)", "[0, 1)"), cannot be told apart from its
 *    neighbours, which every test holds, so it is COUNTED: each time the
 *    paragraph states it is matched by one time the named tests'
 *    assertions read it (their arguments and the initializers and #defines
 *    they read; a subscript such as x[1] is no value and does not count),
 *    and the ones beyond are uncovered ("the paragraph's formulas state it
 *    3 times, its tests' assertions read it 2").  A hand change of one
 *    constant into another the paragraph states then over-counts that one
 *    unless the tests read it more often still; the fix is a test that
 *    states the formula, with its constants, against the book's code.
 *    The ORDER RULE makes that fix the requirement: a FORMULA (a displayed
 *    equation line, or each of its parts where two spaces or more set them
 *    apart; a table's cell; a code span of mathematics; in running text, a
 *    TUPLE: two or more numerals in parentheses with ", " between and
 *    nothing else, "(3, 0.5)", "(1, −1)", with the numeral right before it
 *    that scales it, "−2 (1, 1)") holding a counted
 *    constant is asserted only when one assertion of its tests reads the
 *    formula's asserted numerals in the formula's order, each with the same
 *    operation on either side, and no other 0, 1, 2 or 1/2 (signed) of the
 *    assertion's own text between two of them (other numerals may come
 *    between: a test writes 100 where the formula writes κ, or names a
 *    variable set to 1 where it writes μ).  A given of the formula may be
 *    read in its place or not at all ("anneal(1/25, 1, 1/2)" with the 1
 *    given).  When the formula has two numerals or more and the assertion
 *    reads them from a variable's initializer list, they are its whole list
 *    or a run of it not flanked by a listed 0, 1, 2 or 1/2: "(2, 1)" is not
 *    read by rows = {1, 1, 2, 1, 1, 2}, whose middle holds every pair.
 *    The operation after a numeral is +, -, / or *
 *    (also ·, ×, √, an opening bracket or a letter: "2x", "2√β", "2(1 + β)")
 *    or none, and the one before it +, -, / or * (also · and ×) or none
 *    (Markdown's bold, "**", is no operation), read
 *    alike in the prose and in C, so "1 − 2η" asks for "1 - 2 * lr" (the base
 *    of pow(a, b), a numeral alone, takes what precedes the call, as a^b would, and so does
 *    the power itself, which also takes what follows; the sole argument of
 *    sqrt(a) takes what follows the call, as √a would).  What an
 *    assertion reads, in order: its arguments, with a #define where named
 *    and, right before the name of a variable it reads, that variable's
 *    initializers in the body (one level; not one that calls a function
 *    or holds a string).  Otherwise every counted constant
 *    of the formula is uncovered ("no one assertion of its tests reads the
 *    numerals of the formula it is in, in its order").  A constant changed
 *    by hand into another, or two swapped, then needs an assertion that
 *    computes the changed formula; a comment, or a string no assertion
 *    compares, supplies nothing.  Running text outside code spans and
 *    tuples is not a formula: its constants are only counted (reading every
 *    run of numerals between words as a formula flags prose such as "nears
 *    1 (exercise 2)" as a product).  Files listed in
 *    tests/numbers-unordered.txt (not yet converted) pass without the order
 *    rule and report how many constants it excuses.  Files listed in
 *    tests/numbers-weak.txt (not yet strengthened) still pass on presence
 *    and report how many numerals rely on it;
 *
 * 3. given: the paragraph carries <!-- given: 4, 0.1, 100 000 -->, the
 *    numerals that define its example (the function's constants, a start
 *    point, a chosen learning rate or step count, a sample count, a seed),
 *    the inputs the reader could change, never a result.  The note lists a
 *    numeral once for each time the paragraph states it ("(1, 1)" needs
 *    "1, 1"), IN THE ORDER the paragraph states them (the notes of one
 *    paragraph read one after the other), so two givens swapped by hand,
 *    "(3, 2)" into "(2, 3)", are an error ("given 2 is stated out of the
 *    note's order"); a listed numeral covers those occurrences first; a count
 *    that differs is an error ("given 1 is listed 1 time, the paragraph
 *    states it 2 times"), so a hand change to a given, or of another
 *    numeral into a given, goes red; one listed but absent is an
 *    error, so the note cannot go stale; and one written neither in the
 *    book's code (the .c and .h files of chapters/, solutions/, tests/) nor
 *    in a command of the file (an output or values marker, a typed code
 *    span) is an error: an input is set somewhere, a number tied to no code
 *    at all is caught;
 *
 * 4. exempt, because it is not a result:
 *    - a reference: the numerals after chapter(s), section(s), exercise(s),
 *      example(s), figure(s), table(s), appendix, equation(s), eq., part(s),
 *      issue or algorithm(s) (any case), and the ones joined to them by ",", "–", "-",
 *      "and", "or", "to" ("chapters 6 to 8", "examples 1 and 2"); whole
 *      numbers only (exercise and section also N.M: "exercise 4.2"), and
 *      not after "for example";
 *    - an equation number (4.4): "(N.M)" where some display line of the
 *      book ends with that label;
 *    - a year in a citation (1900–2099 in parentheses, or after a
 *      capitalised name or "al." and before ")", ";", "," or ".":
 *      "(Polyak 1964;", "Sutskever et al., 2013)"; not "After 2000 steps"),
 *      a version after PyTorch, Python, gnuplot, Debian, Check or version;
 *    - a list ordinal ("1." or "1)" opening a line, also in bold, "**3.**"
 *      or "**2. A title.**", or a heading: "## 2.");
 *    - everything in a code span that is something the reader types: a
 *      command (`build/ch02 --lr 0.05`, `make check CH=02`, a VAR=value
 *      prefix), a flag (`--steps`), a path (`tests/01-update-rule.c`), a
 *      function spec (`quadratic:1,10`), a printf format (`%.17g`) or a
 *      keyword argument with no space (`weight_decay=0.01`).  Mathematics
 *      in a code span (`x₁₀ = 4 · (4/5)¹⁰ ≈ 0.4295`) is prose and checked.
 *
 * A NUMBER WORD is a numeral too when a counted unit follows it: "two" to
 * "twenty", a tens word alone ("thirty", "fifty") or joined to a units
 * word ("twenty-five", "thirty-one"), "hundred" or "thousand" (any case; "a hundred" is 100, a
 * small one before hundred or thousand multiplies it: "two thousand" is
 * 2000), then maybe one of more, fewer, extra, further, significant or "in
 * between", then one of the units step(s), time(s), epoch(s),
 * iteration(s), update(s), sample(s), run(s), seed(s), digit(s),
 * decimal(s), order(s), evaluation(s), gradient(s), pass(es), batch(es),
 * round(s), repetition(s), percent, (milli/micro)second(s): "eight steps",
 * "Ten more epochs", "a hundred times", "twenty-five times".  Read the
 * same way: the number joined to its unit by a hyphen, the unit singular
 * as English writes such a compound ("an eight-sample block", "a
 * two-thousand-step run"; "three-samples.csv", plural, is a file's name);
 * the unit (or "hundred"/"thousand") opening the paragraph's next line
 * ("... the same eight\nsteps": the numeral is on the first line, and a
 * "thousand" so carried over is not read again); and an ORDINAL, "third"
 * to "twentieth", before a unit, as the number it counts to ("by the third
 * step", "every fifth update": 3, 5).  Its normalised text is its value in
 * digits (8), so every rule above applies to it unchanged (the test or the
 * given note holds 8; --mutations changes it to 7 and 9, as a hand change
 * to "seven" or "nine").  NOT read, with the reason: a number word outside
 * running text (code spans, woven values); before any other word ("the
 * two lines", "three ways", "Twenty-one instructions": the list of units
 * is what makes a word a count, and layers, features or rows are left to
 * digits); after a hyphen or before a non-unit one ("one-by-one",
 * "two-by-two", "two-dimensional", "one-cycle": names
 * and shapes); "one", "first" and "second" (an article, a rank or a unit
 * of time far more often than a count, "second" also being a unit; "one
 * half", "one third", "one and a half" are read as fractions, below);
 * "a dozen", "several", "a few", "once" (vague on purpose, or a
 * conjunction; "once as" is read, below: a claim that must be checked is
 * written in digits or woven).  Files listed in tests/numbers-words.txt (not yet converted)
 * report how many of their number words are uncovered instead of failing
 * on them.
 *
 * FRACTIONS AND MULTIPLES in words are numerals too, in running text, with
 * these values (their normalised text, matched as the digits are):
 *    - "a", "an" or "one" before a denominator, third to twentieth,
 *      quarter, hundredth, thousandth, millionth or "ten-thousandth" (a
 *      number word joined to hundredth or thousandth): "a tenth of the
 *      rate", "a quarter of the limit", "a ten-thousandth of its start"
 *      are 1/10, 1/4, 1/10000; "one half" is 1/2, "a half" only before
 *      "of" ("a half of a millisecond"); before a unit the ordinal is a
 *      count as above ("a third step" is 3);
 *    - a number word, two to twenty, before a plural denominator (or
 *      joined to it by a hyphen): "two thirds", "three quarters", "three
 *      tenths", "two-thirds" are 2/3, 3/4, 3/10;
 *    - "N and a half", N one to twenty, before a unit or at a stop: "six
 *      and a half times" is 6.5 ("two and a half inside" is not read);
 *    - "half" before the, a, an, its, their, this, that, it, of, as, and or
 *      or: "half the steps", "half its gradient", "half as long", "at half
 *      and at three quarters of the budget" are 1/2;
 *    - "twice" is 2, anywhere ("twice as far", "given twice", "twice the
 *      trace"); "once" is 1 before "as" only ("once as far": "twice as
 *      far" changed by hand);
 *    - a verb that multiplies: halves, halved, halving, halve (1/2),
 *      quarters, quartered (1/4), doubled, doubling and "doubles" before
 *      its object ("doubles the range") or after a word that grades it
 *      ("more than doubles", "nearly doubles") (2), triples, tripled (3),
 *      quadruples, quadrupling (4), unless a word that makes it a noun
 *      comes before it (the, both, of, a, its, each, every, with, real,
 *      more, another, a number: "both halves", "an array of doubles", "two
 *      doubles", "with every doubling", "a halving forgotten", "one more
 *      halving"; and into or in before halves and quarters: "split into
 *      halves", "cut in quarters").
 * Their value stands for them in every rule above: a test asserts "a
 * tenth" by holding 1.0 / 10 as an expected value, "twice" by holding 2,
 * "six and a half times" by 6.5; a given note lists them in digits
 * (<!-- given: 2 --> for "the batch doubles every epoch").  A FRACTION'S
 * NEIGHBOURS are the hand changes of its words: its denominator one up or
 * down ("a tenth" into "a ninth" or "an eleventh": 1/9 and 1/11, not the
 * last digit's 1/19) and, read from words, its numerator one up, and one
 * down from two ("two thirds" into "one third" or "three thirds"; "a
 * third" into "two thirds"); a fraction in digits keeps the denominator
 * rule only (16/5: 16/4 and 16/6); "twice" (2) has 1 and 3 ("once",
 * "three times"), "six and a half" (6.5) has 5.5 and 7.5 ("five and a
 * half", "seven and a half"), not the last digit's 6.4 and 6.6.
 * --mutations changes each so.  NOT read, as names or parts or vague on
 * purpose: "half" joined by a hyphen or after the, a, each, left, right,
 * first... ("half-life", "half-open", "half-width", "half-way", "the left
 * half of the figure", "each half", "a half cosine"), or before another
 * word ("half moons", "half cosine"); "twice-differentiable"; "double" and "triple" themselves (a C type, a
 * tuple); "doubles" neither before its object nor graded (the C type:
 * "doubles just above one"); "halves" as a noun (above); "once" but
 * before "as".  A timing stated so
 * ("twice as fast") is a claim no test can hold: the book points it at a
 * recorded benchmark output woven in its chapter, or rewords it.
 *
 * What is not a numeral at all: digits inside a word or name (x1, beta2,
 * ch04, L2), indices and exponents written as notation after a letter or
 * bracket (x₁, aᵢ, x², (4/5)¹⁰, x^(k), x_{k+1}, (1 − ηλ)^{2k}, x[0]).
 *
 * Normalisation, applied alike to prose and to test bodies:
 *    −3 (U+2212) is -3; "+0.038" is 0.038;
 *    digit groups "100 000" (space, no-break, thin or narrow space) and
 *      "100,000" are 100000;
 *    4.5 × 10⁻³, 4.5·10⁻³, 4.5e-3 and 4.5E-03 are 4.5e-3; 10⁻⁶ is 1e-6
 *      (in a test also pow(10, -6)); another power, 2⁻⁵³ or 2^-53, is
 *      2^-53 (in a test ldexp(1, -53) or pow(2, -53));
 *    a fraction written without spaces, 16/5, is one numeral "16/5"; in a
 *      test `16.0 / 5` gives it (as well as 16 and 5), and a C literal
 *      with a zero fraction, 16.0, also counts as 16;
 *    ½ is 1/2 (and ¼ 1/4, ¾ 3/4), and −½ is -1/2, as in a test -1.0 / 2;
 *    a percentage is its number: "22 %" must appear as 22 in a test
 *      (`22 / 100.0`), so 0.22 does not assert it;
 *    a range "18–22" (en dash or hyphen) is two numerals, 18 and 22, each
 *      covered on its own; so are both ends of "0.5 ± 0.1";
 *    otherwise the text must match: 0.10 is not 0.1, and a rounded 0.0337
 *      is asserted as the string "0.0337" or with that literal beside a
 *      tolerance of half its last digit.
 *
 *   numerals                 every chapter and worked answer; files listed
 *                            in tests/numbers-pending.txt (not yet
 *                            converted) only report how many numerals are
 *                            uncovered; exit 1 if any other file has one
 *   numerals --only 04-batches ...   just these chapters (as above)
 *   numerals FILE...         just these files, every uncovered numeral
 *                            listed even if the file is pending
 *   -v                       also list how each numeral is covered
 *   NUMERALS_ORDER=1 numerals FILE   also print, on stderr, what each
 *                            assertion reads in order (each numeral between
 *                            the operations before and after it) and each
 *                            formula no assertion reads
 *   --mutations              list the asserted or given numerals whose last
 *                            digit, changed by one (up or down), the same
 *                            tests would still cover, judging the changed
 *                            numeral as what it reads (a 2 of a formula
 *                            changed to 3 is no notation constant): the
 *                            count is always printed.  What is left is
 *                            notation constants the tests read more often
 *                            than the paragraph states them outside a
 *                            formula (or in a formula whose changed
 *                            numerals some assertion also reads in order),
 *                            and the numerals of the files in
 *                            tests/numbers-weak.txt and, for the order
 *                            rule, tests/numbers-unordered.txt
 *
 * Run it from the top of the repository (`make check` does).
 */
#define _POSIX_C_SOURCE 200809L

#include <ctype.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PENDING_LIST "tests/numbers-pending.txt"
#define WEAK_LIST "tests/numbers-weak.txt"
#define ORDER_LIST "tests/numbers-unordered.txt"
#define WORDS_LIST "tests/numbers-words.txt"
#define MAX_LINE 16384
#define MAX_TOKEN 128

enum cover { WOVEN_BLOCK, WOVEN_VALUE, ASSERTED, GIVEN, EXEMPT, UNCOVERED, NOT_COUNTED };

static const char *cover_name[] = {"woven (block)", "woven (value)", "asserted", "given",
                                   "exempt", "uncovered", ""};

static int verbose;
static int mutations;           /* --mutations: which hand changes would go unnoticed */
static int mutated, survived;
static int error_count;
static int lenient;             /* this file is in WEAK_LIST: presence still asserts */
static int weak_here;           /* numerals it asserts only by presence */
static int unordered_lenient;   /* this file is in ORDER_LIST: formulas not yet in order */
static int unordered_here;      /* numerals it excuses so */
static int words_lenient;       /* this file is in WORDS_LIST: number words not yet covered */
static int words_here;          /* its uncovered number words, counted, not failed */

/* ------------------------------------------------------------ small helpers */

static void *must(void *p)
{
    if (p == NULL) {
        fprintf(stderr, "numerals: out of memory\n");
        exit(1);
    }
    return p;
}

static char *read_whole(const char *path)
{
    FILE *file = fopen(path, "rb");
    char *data;
    long size;
    if (file == NULL)
        return NULL;
    fseek(file, 0, SEEK_END);
    size = ftell(file);
    rewind(file);
    data = must(malloc((size_t)size + 1));
    if (fread(data, 1, (size_t)size, file) != (size_t)size)
        size = 0;
    data[size] = '\0';
    fclose(file);
    return data;
}

static void problem(const char *file, int line, const char *format, ...)
{
    va_list args;
    fprintf(stdout, "%s:%d: ", file, line);
    va_start(args, format);
    vfprintf(stdout, format, args);
    va_end(args);
    fputc('\n', stdout);
    error_count++;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* out = a b c, cut to size (numerals are short; a cut one matches nothing). */
static void join(char *out, size_t size, const char *a, const char *b, const char *c)
{
    size_t n = 0;
    const char *parts[3] = {a, b, c};
    for (int i = 0; i < 3; i++)
        for (const char *p = parts[i]; *p && n + 1 < size; p++)
            out[n++] = *p;
    out[n] = '\0';
}

/* A set of strings (numerals, names): a plain growing array; times[i]
 * counts how often item i was added (a multiset, for counting). */
struct set {
    char **item;
    int *times;
    int count, capacity;
};

static struct set given_order;  /* the paragraph's given notes, in their order: item i
                                 * is "N:text", the i-th entry (N keeps repeats apart) */

static int set_has(const struct set *s, const char *x)
{
    for (int i = 0; i < s->count; i++)
        if (strcmp(s->item[i], x) == 0)
            return 1;
    return 0;
}

/* How often x was added (0: not in the set). */
static int set_times(const struct set *s, const char *x)
{
    for (int i = 0; i < s->count; i++)
        if (strcmp(s->item[i], x) == 0)
            return s->times[i];
    return 0;
}

static void set_add(struct set *s, const char *x)
{
    for (int i = 0; i < s->count; i++)
        if (strcmp(s->item[i], x) == 0) {
            s->times[i]++;
            return;
        }
    if (s->count == s->capacity) {
        s->capacity = s->capacity ? 2 * s->capacity : 16;
        s->item = must(realloc(s->item, (size_t)s->capacity * sizeof *s->item));
        s->times = must(realloc(s->times, (size_t)s->capacity * sizeof *s->times));
    }
    s->times[s->count] = 1;
    s->item[s->count++] = must(strdup(x));
}

static void set_free(struct set *s)
{
    for (int i = 0; i < s->count; i++)
        free(s->item[i]);
    free(s->item);
    free(s->times);
    s->item = NULL;
    s->times = NULL;
    s->count = s->capacity = 0;
}

/* ------------------------------------------------------------ characters */

/* The code point at s and its length in bytes (a stray byte is itself). */
static unsigned decode(const char *s, int *length)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80 || (u[0] & 0xe0) == 0x80) {
        *length = 1;
        return u[0];
    }
    if ((u[0] & 0xe0) == 0xc0 && u[1]) {
        *length = 2;
        return ((u[0] & 0x1fu) << 6) | (u[1] & 0x3fu);
    }
    if ((u[0] & 0xf0) == 0xe0 && u[1] && u[2]) {
        *length = 3;
        return ((u[0] & 0x0fu) << 12) | ((u[1] & 0x3fu) << 6) | (u[2] & 0x3fu);
    }
    if ((u[0] & 0xf8) == 0xf0 && u[1] && u[2] && u[3]) {
        *length = 4;
        return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3fu) << 12) | ((u[2] & 0x3fu) << 6) |
               (u[3] & 0x3fu);
    }
    *length = 1;
    return u[0];
}

/* The code point just before position at in line (0 at the start). */
static unsigned previous(const char *line, const char *at)
{
    int length;
    const char *p = at;
    if (p == line)
        return 0;
    do
        p--;
    while (p > line && (*(const unsigned char *)p & 0xc0) == 0x80);
    return decode(p, &length);
}

/* Superscript digit or sign: its ASCII meaning, else 0. */
static char superscript(unsigned c)
{
    switch (c) {
    case 0x2070: return '0';
    case 0x00b9: return '1';
    case 0x00b2: return '2';
    case 0x00b3: return '3';
    case 0x207a: return '+';
    case 0x207b: return '-';
    default: return c >= 0x2074 && c <= 0x2079 ? (char)('4' + (c - 0x2074)) : 0;
    }
}

static int subscript(unsigned c)
{
    return c >= 0x2080 && c <= 0x208c;
}

/* A letter of a word or a name: ASCII letters and digits, _, Latin and
 * Greek letters, combining accents, modifier letters (ᵢ ᵗ), sub- and
 * superscripts.  A digit right after one of these is part of a name. */
static int wordish(unsigned c)
{
    return (c < 0x80 && (isalnum((int)c) || c == '_')) || (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7) ||
           (c >= 0x300 && c <= 0x3ff) || (c >= 0x1d00 && c <= 0x1dbf) ||
           (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2090 && c <= 0x209c) || subscript(c) ||
           superscript(c) || c == 0x2071 || c == 0x207f;
}

static int group_space(unsigned c)
{
    return c == ' ' || c == 0xa0 || c == 0x2009 || c == 0x202f || c == 0x2007;
}

/* ------------------------------------------------------------ numerals */

/* One numeral read from text: its normalised form and where it was. */
struct numeral {
    char text[MAX_TOKEN];       /* normalised, e.g. "100000", "4.5e-3", "16/5" */
    char raw[MAX_TOKEN];        /* as written */
    int line;
    int formula;                /* in a displayed equation or a code span of mathematics */
    int weak;                   /* in the tests, but so is a neighbour: not asserted */
    int over;                   /* a notation constant stated more often than the tests'
                                 * assertions read it: how often they do, plus one */
    int stated;                 /* ... and how often the paragraph states it */
    char neighbour[MAX_TOKEN];  /* ... that neighbour */
    int unit;                   /* the formula it is in (a display line's part, a table
                                 * cell, a code span of mathematics), 0 for none */
    int unordered;              /* its formula's numerals are in no one assertion, in order */
    int word;                   /* a number word before a unit ("eight steps") */
    char role, before;          /* the operations it takes part in (role_after) */
    enum cover cover;
    const char *why;            /* for -v: which rule */
};

/* Exponent digits (after e, ×10, a superscript or ^) into out, without a
 * "+" or leading zeros.  Returns the position after them, or NULL. */
static const char *read_exponent(const char *p, int superscripts, char *out, size_t size)
{
    size_t n = 0;
    int length, any = 0;
    unsigned c = decode(p, &length);
    if (superscripts) {
        if (superscript(c) == '-' || superscript(c) == '+') {
            if (superscript(c) == '-')
                out[n++] = '-';
            p += length;
            c = decode(p, &length);
        }
        while (superscript(c) >= '0' && superscript(c) <= '9' && n + 1 < size) {
            if (superscript(c) != '0' || any)
                out[n++] = superscript(c), any = 1;
            p += length;
            c = decode(p, &length);
        }
    } else {
        if (*p == '-' || *p == '+' || c == 0x2212) {
            if (*p != '+')
                out[n++] = '-';
            p += *p == '-' || *p == '+' ? 1 : length;
        }
        if (!isdigit((unsigned char)*p))
            return NULL;
        while (isdigit((unsigned char)*p) && n + 1 < size) {
            if (*p != '0' || any)
                out[n++] = *p, any = 1;
            p++;
        }
    }
    if (n == 0 || (n == 1 && out[0] == '-')) {
        if (!superscripts && n == 0 && !any && p[-1] != '0')
            return NULL;
        n = 0;
        out[n++] = '0';             /* e-00 is e0 */
    }
    out[n] = '\0';
    return p;
}

/* Is there a superscript digit (or sign) at p? */
static int superscript_at(const char *p)
{
    int length;
    return superscript(decode(p, &length)) != 0;
}

/* Read the plain number at p (digits, digit groups, a decimal part) into
 * out; returns the position after it. */
static const char *read_plain(const char *p, char *out, size_t size, int groups)
{
    size_t n = 0, first = 0;
    while (isdigit((unsigned char)*p) && n + 1 < size)
        out[n++] = *p++, first++;
    /* digit groups: "100 000", "1,000": one to three digits, then groups
     * of exactly three not followed by another digit */
    while (groups && first <= 3) {
        int length;
        unsigned c = decode(p, &length);
        const char *q = p + length;
        if (!(group_space(c) || c == ','))
            break;
        if (!(isdigit((unsigned char)q[0]) && isdigit((unsigned char)q[1]) &&
              isdigit((unsigned char)q[2]) && !isdigit((unsigned char)q[3]) &&
              !(q[3] == '.' && isdigit((unsigned char)q[4]))))
            break;
        /* a comma group only when no space is in the number: "1, 000" is a list */
        if (n + 4 >= size)
            break;
        memcpy(out + n, q, 3);
        n += 3;
        p = q + 3;
    }
    if (*p == '.' && isdigit((unsigned char)p[1])) {
        out[n++] = *p++;
        while (isdigit((unsigned char)*p) && n + 1 < size)
            out[n++] = *p++;
    }
    out[n] = '\0';
    return p;
}

/* Read the numeral whose first digit is at p (sign already decided) into
 * text (normalised); returns the position after it. */
static const char *read_numeral(const char *p, const char *sign, char *text, size_t size)
{
    char mantissa[MAX_TOKEN / 4], exponent[MAX_TOKEN / 4], denominator[MAX_TOKEN / 4];
    const char *q;
    int length;
    unsigned c;

    p = read_plain(p, mantissa, sizeof mantissa, 1);
    exponent[0] = '\0';
    /* 4.5e-3 */
    if ((*p == 'e' || *p == 'E') && (q = read_exponent(p + 1, 0, exponent, sizeof exponent)) != NULL &&
        !isalpha((unsigned char)*q)) {
        p = q;
        snprintf(text, size, "%s%se%s", sign, mantissa, exponent);
        return p;
    }
    exponent[0] = '\0';
    /* 10⁻³, 2⁶⁴, 2^64 */
    if (superscript_at(p) || (*p == '^' && (isdigit((unsigned char)p[1]) || p[1] == '-'))) {
        int sup = superscript_at(p);
        q = read_exponent(sup ? p : p + 1, sup, exponent, sizeof exponent);
        if (q != NULL) {
            p = q;
            if (strcmp(mantissa, "10") == 0)
                snprintf(text, size, "%s1e%s", sign, exponent);
            else
                snprintf(text, size, "%s%s^%s", sign, mantissa, exponent);
            return p;
        }
    }
    /* 4.5 × 10⁻³, 4.5·10^-3 */
    q = p;
    while (*q == ' ')
        q++;
    c = decode(q, &length);
    if (c == 0xd7 || c == 0xb7) {
        q += length;
        while (*q == ' ')
            q++;
        if (starts_with(q, "10") && !isdigit((unsigned char)q[2]) &&
            (superscript_at(q + 2) || (q[2] == '^' && (isdigit((unsigned char)q[3]) || q[3] == '-')))) {
            int sup = superscript_at(q + 2);
            const char *r = read_exponent(sup ? q + 2 : q + 3, sup, exponent, sizeof exponent);
            if (r != NULL) {
                snprintf(text, size, "%s%se%s", sign, mantissa, exponent);
                return r;
            }
        }
    }
    /* 16/5 */
    if (*p == '/' && isdigit((unsigned char)p[1])) {
        q = read_plain(p + 1, denominator, sizeof denominator, 0);
        if (!isalpha((unsigned char)*q)) {
            snprintf(text, size, "%s%s/%s", sign, mantissa, denominator);
            return q;
        }
    }
    snprintf(text, size, "%s%s", sign, mantissa);
    return p;
}

/* ------------------------------------------------------------ equation labels */

static struct set labels;   /* "4.4": every (N.M) that ends a display line */
static struct set code_numerals;    /* every numeral of the book's .c and .h files */

/* A display line (indented four spaces or more) ending with "(N.M)". */
static void collect_labels(const char *data)
{
    const char *s = data;
    while (*s) {
        size_t n = strcspn(s, "\n");
        if (n > 4 && starts_with(s, "    ")) {
            size_t end = n;
            while (end > 0 && s[end - 1] == ' ')
                end--;
            if (end > 2 && s[end - 1] == ')') {
                size_t open = end - 1;
                while (open > 0 && s[open - 1] != '(')
                    open--;
                if (open > 0) {
                    char label[64];
                    int ok = end - 1 - open > 0 && end - 1 - open < sizeof label;
                    snprintf(label, sizeof label, "%.*s", (int)(end - 1 - open), s + open);
                    for (const char *c = label; ok && *c; c++)
                        ok = isdigit((unsigned char)*c) || *c == '.' || isupper((unsigned char)*c);
                    if (ok && strchr(label, '.') && label[0] != '.')
                        set_add(&labels, label);
                }
            }
        }
        s += n;
        if (*s)
            s++;
    }
}

/* ------------------------------------------------------------ tests */

/* The numerals a C text holds, normalised, into out: literals (16.0 also
 * as 16; -4.0 as -4 when the minus is unary), fractions "a / b", and the
 * numerals inside string literals read as prose. */
static void scan_prose_numerals(const char *text, struct set *out);

static void c_number_forms(const char *p, const char **end, char forms[2][MAX_TOKEN])
{
    char mantissa[MAX_TOKEN], exponent[MAX_TOKEN] = "";
    const char *q;
    size_t n = 0;
    /* a C literal: digits, ".", digits, exponent, suffixes */
    if (*p == '.')
        mantissa[n++] = '0';
    while ((isdigit((unsigned char)*p) || *p == '.') && n + 1 < sizeof mantissa)
        mantissa[n++] = *p++;
    mantissa[n] = '\0';
    if (n > 0 && mantissa[n - 1] == '.')
        mantissa[--n] = '\0';
    if ((*p == 'e' || *p == 'E') && (q = read_exponent(p + 1, 0, exponent, sizeof exponent)) != NULL)
        p = q;
    else
        exponent[0] = '\0';
    while (*p && strchr("uUlLfF", *p))
        p++;
    *end = p;
    join(forms[0], MAX_TOKEN, mantissa, exponent[0] ? "e" : "", exponent);
    /* 16.0 is also 16 */
    {
        char whole[MAX_TOKEN];
        char *dot;
        snprintf(whole, sizeof whole, "%s", mantissa);
        dot = strchr(whole, '.');
        if (dot && strspn(dot + 1, "0") == strlen(dot + 1))
            *dot = '\0';
        join(forms[1], MAX_TOKEN, whole, exponent[0] ? "e" : "", exponent);
    }
}

static void sequence_push(const char *const *forms, int count);
static char sequence_role = '.';        /* the roles of the next element pushed */
static char sequence_before = '.';
static int sequence_expanded;           /* inside a variable's initializer */
static int sequence_groups;             /* how many initializers read so far */
static const char *power_end;           /* inside pow(a, b), read as the power a^b */

/* ldexp(1, -53) and pow(2, -53) are 2^-53, pow(10, -3) is 1e-3, as the
 * prose writes them (2⁻⁵³, 10⁻³).  p is just after the function's name. */
static char role_after(const char *end);
static char role_before(const char *text, const char *start);

static void add_power(const char *text, const char *name_start, const char *name, const char *p,
                      struct set *out)
{
    char base[32], exponent[32], power[80];
    int n = 0;
    if (sscanf(p, " ( %31[0-9.] , %31[-0-9] )%n", base, exponent, &n) != 2 || n == 0)
        return;
    if (strchr(base, '.') && strspn(strchr(base, '.') + 1, "0") == strlen(strchr(base, '.') + 1))
        *strchr(base, '.') = '\0';                    /* 2.0 is 2 */
    if (strcmp(name, "ldexp") == 0 && strcmp(base, "1") == 0)
        join(power, sizeof power, "2^", exponent, "");
    else if (strcmp(name, "pow") == 0 && strcmp(base, "10") == 0)
        join(power, sizeof power, "1e", exponent, "");
    else if (strcmp(name, "pow") == 0)
        join(power, sizeof power, base, "^", exponent);
    else
        return;
    set_add(out, power);
    {   /* a^b reads what precedes and follows the call; a and b, read
         * next, are parts of it (may come between) */
        const char *one[1] = {power};
        sequence_before = role_before(text, name_start);
        sequence_role = role_after(p + n);
        sequence_push(one, 1);
        power_end = p + n;
    }
}

/* With fractions_whole set, a fraction "a / b" gives only itself, not a
 * and b: the numerals an assertion reads, where 3.0 / 5 is not a 5. */
static int fractions_whole;

/* The numerals one assertion reads, in the order it reads them: each
 * element the forms of one literal (16.0 and 16) or one fraction. */
#define MAX_FORMS 4
struct element {
    char form[MAX_FORMS][MAX_TOKEN];
    int forms;
    int expanded;               /* from a variable's initializer, not the assertion's text */
    int group;                  /* which initializer (0: the assertion's own text) */
    char role, before;          /* the operations it takes part in: see role_after() */
};
struct sequence {
    struct element *item;
    int count, capacity;
};
static struct sequence *sequence_out;   /* scan_c_numerals also appends here */

/* The operation a numeral takes part in, read from what follows it
 * (spaces skipped): '+', '-' (also U+2212), '/', '*' (also ·, ×, √, an
 * opening bracket, a letter: "2x₁", "2√β", "2(1 + β)", "ηλ"), or '.' for
 * none (a closing bracket, a comma, "=", the end).  The prose and the C
 * of a test are read alike, so "1 − ηλ" asks for "1 - lr * lambda" and not
 * for "2 / lr". */
static char role_after(const char *end)
{
    int length;
    unsigned c;
    const char *start = end;
    if (end[0] == ' ' && end[1] == ' ')
        return '.';                     /* a gap sets formulas apart: "/ 2      (9.8)" */
    while (*end == ' ' || *end == '\n' || *end == '\t')
        end++;
    c = decode(end, &length);
    if (end > start && (c == '-' || c == 0x2212) && isdigit((unsigned char)end[length]))
        return '.';                     /* a signed numeral after a space: "[1 −1; ...]" */
    if (c == '+')
        return '+';
    if (c == '-' || c == 0x2212)
        return '-';
    if (c == '/' && end[1] != '/' && end[1] != '*')
        return '/';
    if (c == '*' && end[1] == '*')
        return '.';                     /* Markdown's bold, "**88/3**", multiplies nothing */
    if (c == '*' || c == 0xb7 || c == 0xd7 || c == 0x22c5 || c == 0x221a || c == '(' ||
        c == 0x2211 || isalpha((int)(c < 0x80 ? c : 0)) || (c >= 0x370 && c < 0x400))
        return '*';
    return '.';
}

/* ... and from what precedes it in text (its sign included): '+', '-',
 * '/', '*' (also · and ×) or '.', so "κ − 1" asks for "kappa - 1". */
static char role_before(const char *text, const char *start)
{
    unsigned c;
    if (start - text >= 2 && start[-1] == ' ' && start[-2] == ' ')
        return '.';
    while (start > text && (start[-1] == ' ' || start[-1] == '\n' || start[-1] == '\t'))
        start--;
    c = previous(text, start);
    if (c == '+')
        return '+';
    if (c == '-' || c == 0x2212)
        return '-';
    if (c == '/')
        return '/';
    if (c == '*' && start - text >= 2 && start[-2] == '*')
        return '.';                     /* Markdown's bold: "**−176/45 (1, 1)**" */
    if (c == '*' || c == 0xb7 || c == 0xd7 || c == 0x22c5)
        return '*';
    return '.';
}

static void sequence_push(const char *const *forms, int count)
{
    struct element *e;
    if (sequence_out == NULL || count == 0)
        return;
    if (sequence_out->count == sequence_out->capacity) {
        sequence_out->capacity = sequence_out->capacity ? 2 * sequence_out->capacity : 16;
        sequence_out->item = must(realloc(sequence_out->item,
                                          (size_t)sequence_out->capacity * sizeof *sequence_out->item));
    }
    e = &sequence_out->item[sequence_out->count++];
    e->forms = 0;
    e->role = sequence_role;
    e->expanded = sequence_expanded || power_end != NULL;
    e->group = sequence_expanded ? sequence_groups : 0;
    e->before = sequence_before;
    for (int i = 0; i < count && e->forms < MAX_FORMS; i++)
        snprintf(e->form[e->forms++], MAX_TOKEN, "%s", forms[i]);
}

static void scan_c_numerals(const char *text, const struct set *define_names,
                            char *const *define_values, struct set *out)
{
    const char *p = text;
    char previous_forms[2][MAX_TOKEN] = {"", ""};
    char pending[2][MAX_TOKEN];     /* with fractions_whole: a number that may be a numerator */
    char pending_role = '.', role_here = '.', pending_before = '.', before_here = '.';
    int previous_number = 0, slash_after_number = 0, has_pending = 0;
#define FLUSH()                                                     \
    do {                                                            \
        if (has_pending) {                                          \
            const char *both[2] = {pending[0], pending[1]};         \
            sequence_role = pending_role;                           \
            sequence_before = pending_before;                       \
            sequence_push(both, 2);                                 \
            set_add(out, pending[0]);                               \
            if (strcmp(pending[1], pending[0]) != 0)                \
                set_add(out, pending[1]);                           \
            has_pending = 0;                                        \
        }                                                           \
    } while (0)

    while (*p) {
        if (power_end && p >= power_end) {
            FLUSH();
            power_end = NULL;
        }
        if (p[0] == '/' && p[1] == '*') {
            const char *close = strstr(p + 2, "*/");
            p = close ? close + 2 : p + strlen(p);
            continue;
        }
        if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
            continue;
        }
        if (*p == '\001' || *p == '\002') {
            FLUSH();
            sequence_expanded = *p == '\001';
            sequence_groups += sequence_expanded;
            p++;
            continue;
        }
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        if (*p == '"') {
            char literal[MAX_LINE];
            size_t n = 0;
            for (p++; *p && *p != '"' && n + 1 < sizeof literal; p++) {
                if (*p == '\\' && p[1])
                    p++;
                literal[n++] = *p;
            }
            literal[n] = '\0';
            if (*p == '"')
                p++;
            FLUSH();
            {
                struct set found = {0};
                scan_prose_numerals(literal, &found);
                for (int i = 0; i < found.count; i++)
                    for (int t = 0; t < found.times[i]; t++) {
                        const char *one[1] = {found.item[i]};
                        sequence_role = sequence_before = '.';
                        sequence_push(one, 1);
                        set_add(out, found.item[i]);
                    }
                set_free(&found);
            }
            previous_number = slash_after_number = 0;
            continue;
        }
        if (*p == '\'') {
            p++;
            while (*p && *p != '\'')
                p += *p == '\\' && p[1] ? 2 : 1;
            if (*p)
                p++;
            previous_number = slash_after_number = 0;
            continue;
        }
        if (isalpha((unsigned char)*p) || *p == '_') {
            const char *start = p;
            char name[256];
            while (isalnum((unsigned char)*p) || *p == '_')
                p++;
            snprintf(name, sizeof name, "%.*s", (int)(p - start), start);
            FLUSH();
            if (strcmp(name, "ldexp") == 0 || strcmp(name, "pow") == 0)
                add_power(text, start, name, p, out);
            for (int i = 0; i < define_names->count; i++)
                if (strcmp(define_names->item[i], name) == 0) {
                    const char *outer = power_end;      /* another text: its own pointers */
                    power_end = NULL;
                    scan_c_numerals(define_values[i], define_names, define_values, out);
                    power_end = outer;
                }
            previous_number = slash_after_number = 0;
            continue;
        }
        if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
            char forms[2][MAX_TOKEN];
            const char *end;
            int unary = 0;
            if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {      /* hexadecimal: code, not prose */
                p += 2;
                while (isxdigit((unsigned char)*p) || strchr("uUlL", *p))
                    p++;
                previous_number = slash_after_number = 0;
                continue;
            }
            if (fractions_whole) {      /* a subscript, x[0] or a[i][1], is no value the assertion reads */
                const char *b = p, *q = p;
                while (b > text && b[-1] == ' ')
                    b--;
                while (isdigit((unsigned char)*q))
                    q++;
                while (*q == ' ')
                    q++;
                if (b > text && b[-1] == '[' && *q == ']' && b - 1 > text &&
                    (isalnum((unsigned char)b[-2]) || b[-2] == '_' || b[-2] == ']')) {
                    p = q + 1;
                    previous_number = slash_after_number = 0;
                    continue;
                }
            }
            c_number_forms(p, &end, forms);
            role_here = role_after(end);
            {
                /* the sole argument of sqrt(a), as the prose writes √a:
                 * what follows the call */
                const char *o = p, *c = end;
                while (o > text && o[-1] == ' ')
                    o--;
                while (*c == ' ')
                    c++;
                if (*c == ')' && o - text >= 5 && strncmp(o - 5, "sqrt(", 5) == 0 &&
                    !(o - text > 5 && (isalnum((unsigned char)o[-6]) || o[-6] == '_')))
                    role_here = role_after(c + 1);
            }
            /* unary minus: "-" after an operator or an opening bracket */
            {
                const char *b = p;
                while (b > text && isspace((unsigned char)b[-1]))
                    b--;
                if (b > text && b[-1] == '-') {
                    const char *a = b - 1;
                    while (a > text && isspace((unsigned char)a[-1]))
                        a--;
                    unary = a == text || strchr("(,=+-*/<>?:[{!&|^%;", a[-1]) != NULL ||
                            (a - text >= 6 && strncmp(a - 6, "return", 6) == 0);
                }
                before_here = role_before(text, unary ? b - 1 : p);
                {
                    /* the base of pow(a, b), a power as the prose writes
                     * it (a^b): what precedes the call */
                    const char *o = unary ? b - 1 : p;
                    while (o > text && o[-1] == ' ')
                        o--;
                    const char *c = end;
                    while (*c == ' ')
                        c++;
                    if (o - text >= 4 && strncmp(o - 4, "pow(", 4) == 0 && *c == ',' &&
                        !(o - text > 4 && (isalnum((unsigned char)o[-5]) || o[-5] == '_')))
                        before_here = role_before(text, o - 4);
                }
            }
            if (!(fractions_whole && slash_after_number)) {
                FLUSH();
                pending_role = role_here;
                pending_before = before_here;
                if (strcmp(forms[0], forms[1]) == 0)
                    join(pending[1], MAX_TOKEN, unary ? "-" : "", forms[0], "");
                for (int k = 0; k < (strcmp(forms[0], forms[1]) ? 2 : 1); k++) {
                    char signed_form[MAX_TOKEN];
                    join(signed_form, sizeof signed_form, unary ? "-" : "", forms[k], "");
                    if (fractions_whole)
                        snprintf(pending[k], MAX_TOKEN, "%s", signed_form);
                    else
                        set_add(out, signed_form);
                }
                has_pending = fractions_whole;
            }
            if (slash_after_number) {
                has_pending = 0;                /* a numerator: only the fraction counts */
                /* "a / b": the fraction in every pairing of their forms
                 * (each written form once, for counting) */
                char fractions[4][MAX_TOKEN];
                const char *pointers[4];
                int made = 0;
                for (int i = 0; i < 2; i++)
                    for (int j = 0; j < 2; j++) {
                        char fraction[MAX_TOKEN];
                        if ((i == 1 && strcmp(previous_forms[0], previous_forms[1]) == 0) ||
                            (j == 1 && strcmp(forms[0], forms[1]) == 0))
                            continue;
                        join(fraction, sizeof fraction, previous_forms[i], "/", forms[j]);
                        set_add(out, fraction);
                        snprintf(fractions[made], MAX_TOKEN, "%s", fraction);
                        pointers[made] = fractions[made];
                        made++;
                    }
                if (strchr(previous_forms[0], 'e')) {
                    /* 1e-3 / 2: the prose writes 10⁻³/2, two numerals */
                    const char *numerator[2] = {previous_forms[0], previous_forms[1]};
                    const char *denominator[2] = {forms[0], forms[1]};
                    sequence_before = pending_before;
                    sequence_role = '/';
                    sequence_push(numerator, 2);
                    sequence_before = '/';
                    sequence_role = role_here;
                    sequence_push(denominator, 2);
                } else {
                    sequence_role = role_here;
                    sequence_before = pending_before;   /* the numerator's */
                    sequence_push(pointers, made);
                }
            }
            for (int k = 0; k < 2; k++)
                join(previous_forms[k], MAX_TOKEN, unary ? "-" : "", forms[k], "");
            previous_number = 1;
            slash_after_number = 0;
            p = end;
            continue;
        }
        if (*p == '/' && previous_number && p[1] != '/' && p[1] != '*') {
            slash_after_number = 1;
            previous_number = 0;
            p++;
            continue;
        }
        FLUSH();
        previous_number = slash_after_number = 0;
        p++;
    }
    FLUSH();
    power_end = NULL;
#undef FLUSH
}

/* The position after the bracketed group "[...]" at p. */
static const char *skip_brackets(const char *p)
{
    int depth = 0;
    for (; *p; p++) {
        if (*p == '[')
            depth++;
        else if (*p == ']' && --depth == 0)
            return p + 1;
    }
    return p;
}

/* The assertions of a test body: each call of ck_assert..., EXPECT_ANSWER
 * or a helper named expect_... or check_..., its whole argument list,
 * copied into one text (comments and strings kept whole). */
static char *assertions_of(const char *body)
{
    size_t size = strlen(body) + 1, n = 0;
    char *out = must(malloc(size + 1));
    const char *p = body;
    while (*p) {
        if (p[0] == '/' && p[1] == '*') {
            const char *close = strstr(p + 2, "*/");
            p = close ? close + 2 : p + strlen(p);
            continue;
        }
        if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
            continue;
        }
        if (*p == '"' || *p == '\'') {
            char quote = *p++;
            while (*p && *p != quote)
                p += *p == '\\' && p[1] ? 2 : 1;
            if (*p)
                p++;
            continue;
        }
        if (isalpha((unsigned char)*p) || *p == '_') {
            const char *start = p, *q;
            int depth = 0;
            while (isalnum((unsigned char)*p) || *p == '_')
                p++;
            if (!(starts_with(start, "ck_assert") || starts_with(start, "EXPECT_ANSWER") ||
                  starts_with(start, "expect_") || starts_with(start, "check_")))
                continue;
            for (q = p; *q == ' ' || *q == '\n' || *q == '\t'; q++)
                ;
            if (*q != '(')
                continue;
            for (; *q; q++) {
                if (*q == '"' || *q == '\'') {
                    char quote = *q++;
                    while (*q && *q != quote)
                        q += *q == '\\' && q[1] ? 2 : 1;
                    if (!*q)
                        break;
                    continue;
                }
                if (*q == '(')
                    depth++;
                else if (*q == ')' && --depth == 0) {
                    q++;
                    break;
                }
            }
            memcpy(out + n, p, (size_t)(q - p));
            n += (size_t)(q - p);
            out[n++] = ';';
            p = q;
            continue;
        }
        p++;
    }
    out[n] = '\0';
    return out;
}

/* A copy of C text without its comments (strings kept whole). */
static char *without_comments(const char *text)
{
    char *out = must(malloc(strlen(text) + 1)), *o = out;
    const char *p = text;
    while (*p) {
        if (p[0] == '/' && p[1] == '*') {
            const char *close = strstr(p + 2, "*/");
            p = close ? close + 2 : p + strlen(p);
            *o++ = ' ';
        } else if (p[0] == '/' && p[1] == '/') {
            p += strcspn(p, "\n");
        } else if (*p == '"' || *p == '\'') {
            char quote = *p;
            *o++ = *p++;
            while (*p && *p != quote) {
                if (*p == '\\' && p[1])
                    *o++ = *p++;
                *o++ = *p++;
            }
            if (*p)
                *o++ = *p++;
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

/* Is segment (trimmed) one numeral literal, maybe with a unary minus, or
 * a fraction of two ("16.0 / 5")?  Returns 0 no, 1 a literal, 2 a fraction. */
static int whole_numeral(const char *segment)
{
    const char *p = segment;
    int slashes = 0, digits = 0;
    while (*p == ' ' || *p == '\n' || *p == '\t')
        p++;
    if (*p == '-')
        p++;
    if (!(isdigit((unsigned char)*p) || *p == '.'))
        return 0;
    for (; *p; p++) {
        if (isdigit((unsigned char)*p))
            digits++;
        else if (*p == '/')
            slashes++;
        else if ((*p == '+' || *p == '-') && !(p[-1] == 'e' || p[-1] == 'E'))
            return 0;                   /* 1 - 2 is a sum, not one literal */
        else if (!strchr(".eE+-uUlLfF \n\t", *p))
            return 0;
    }
    return digits == 0 || slashes > 1 ? 0 : 1 + slashes;
}

/* The values a test expects: in its assertions (and in the variables and
 * #defines they read, where initialised), each argument or initializer
 * element that is one numeral or one fraction, and every numeral of a
 * string literal.  A loop bound, an index, a factor inside a formula or a
 * denominator is not one of them. */
static void expected_values(const char *body, const char *asserting, const struct set *define_names,
                            char *const *define_values, struct set *out, struct set *all)
{
    size_t size = strlen(asserting) + 2;
    char *text = must(malloc(size));
    struct set names = {0};
    const char *p;
    snprintf(text, size, "%s;", asserting);
    /* the names the assertions read, and their initializers in the body */
    for (p = asserting; *p;) {
        if (isdigit((unsigned char)*p) || (*p == '.' && isdigit((unsigned char)p[1]))) {
            while (isalnum((unsigned char)*p) || *p == '.' ||
                   ((*p == '-' || *p == '+') && (p[-1] == 'e' || p[-1] == 'E')))
                p++;                            /* a literal: 1e-1 names nothing */
        } else if (isalpha((unsigned char)*p) || *p == '_') {
            const char *start = p;
            char name[256];
            while (isalnum((unsigned char)*p) || *p == '_')
                p++;
            snprintf(name, sizeof name, "%.*s", (int)(p - start), start);
            set_add(&names, name);
        } else if (*p == '"') {
            for (p++; *p && *p != '"'; p += *p == '\\' && p[1] ? 2 : 1)
                ;
            if (*p)
                p++;
        } else {
            p++;
        }
    }
    for (int i = 0; i < names.count; i++) {
        const char *name = names.item[i];
        size_t n = strlen(name);
        for (int d = 0; d < define_names->count; d++)
            if (strcmp(define_names->item[d], name) == 0) {
                size += strlen(define_values[d]) + 4;
                text = must(realloc(text, size));
                strcat(text, "(");
                strcat(text, define_values[d]);
                strcat(text, ");");
            }
        for (p = body; (p = strstr(p, name)) != NULL; p += n) {
            const char *q = p + n, *end;
            int depth = 0;
            if ((p > body && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.')) ||
                isalnum((unsigned char)*q) || *q == '_')
                continue;
            while (*q == ' ')
                q++;
            if (*q == '[')
                q = skip_brackets(q);
            while (*q == ' ')
                q++;
            if (*q != '=' || q[1] == '=')
                continue;
            for (end = ++q; *end && !(depth == 0 && *end == ';'); end++)
                depth += *end == '{' || *end == '(' ? 1 : *end == '}' || *end == ')' ? -1 : 0;
            size += (size_t)(end - q) + 4;
            text = must(realloc(text, size));
            strcat(text, "(");                  /* read as an argument is */
            strncat(text, q, (size_t)(end - q));
            strcat(text, ");");
        }
    }
    set_free(&names);
    fractions_whole = 1;
    scan_c_numerals(text, define_names, define_values, all);
    fractions_whole = 0;
    /* cut into arguments and elements; keep the whole numerals: an
     * argument of an assertion itself (not of a call inside it), an
     * element of an initializer, an initializer */
    {
        int depth = 0;
        for (p = text; *p;) {
            const char *start = p;
            int depth_at_start = depth;
            if (*p == '"') {
                char literal[MAX_LINE];
                size_t n = 0;
                for (p++; *p && *p != '"' && n + 1 < sizeof literal; p++) {
                    if (*p == '\\' && p[1])
                        p++;
                    literal[n++] = *p;
                }
                literal[n] = '\0';
                if (*p)
                    p++;
                scan_prose_numerals(literal, out);
                continue;
            }
            /* "=" ends a segment as an initializer's, not inside == <= >= != */
            while (*p && !(strchr("\",;{}()", *p) ||
                           (*p == '=' && p[1] != '=' && !(p > text && strchr("=<>!", p[-1])))))
                p++;
            if (depth_at_start <= 1 && *p && strchr(",;})", *p)) {
                char *segment = must(strndup(start, (size_t)(p - start)));
                int kind = whole_numeral(segment);
                if (kind) {
                    struct set found = {0}, none = {0};
                    scan_c_numerals(segment, &none, NULL, &found);
                    for (int i = 0; i < found.count; i++)
                        if (kind == 1 || strchr(found.item[i], '/'))
                            set_add(out, found.item[i]);
                    set_free(&found);
                }
                free(segment);
            }
            if (*p == '(')
                depth++;
            else if (*p == ')' && depth > 0)
                depth--;
            else if (*p == ';')
                depth = 0;
            if (*p && *p != '"')
                p++;
        }
    }
    free(text);
}

/* The tests of one chapter: each START_TEST's numerals. */
struct suite {
    struct set names;           /* test names */
    struct set *numerals;       /* numerals[i]: the set of names.item[i] */
    struct set *expected;       /* expected[i]: its expected values (whole arguments) */
    struct set *asserting;      /* asserting[i]: every numeral its assertions read */
    struct sequence **order;    /* order[i][a]: what its a-th assertion reads, in order */
    int *assertions;            /* assertions[i]: how many */
    int *used;
};

/* The initializers of name in body ("name = ...;", "name[] = {...};"),
 * each appended to text as "(...)". */
static void append_initializers(const char *body, const char *name, char **text, size_t *size)
{
    size_t n = strlen(name);
    for (const char *p = body; (p = strstr(p, name)) != NULL; p += n) {
        const char *q = p + n, *end;
        int depth = 0;
        if ((p > body && (isalnum((unsigned char)p[-1]) || p[-1] == '_' || p[-1] == '.' ||
                          p[-1] == '>')) ||
            isalnum((unsigned char)*q) || *q == '_')
            continue;
        while (*q == ' ')
            q++;
        while (*q == '[')
            q = skip_brackets(q);
        while (*q == ' ')
            q++;
        if (*q != '=' || q[1] == '=')
            continue;
        for (end = ++q; *end && !(depth == 0 && (*end == ';' || *end == ',')); end++)
            depth += *end == '{' || *end == '(' ? 1 : *end == '}' || *end == ')' ? -1 : 0;
        {
            /* values only: an initializer that calls a function or holds a
             * string (a struct function f = function_from_spec(...)) is
             * not what the assertion reads as numbers */
            int call = 0;
            for (const char *c = q; c < end && !call; c++) {
                call = *c == '"';
                if (*c == '(') {
                    const char *b = c;
                    while (b > q && b[-1] == ' ')
                        b--;
                    call = b > q && (isalnum((unsigned char)b[-1]) || b[-1] == '_');
                }
            }
            if (call)
                continue;
        }
        *size += (size_t)(end - q) + 4;
        *text = must(realloc(*text, *size));
        strcat(*text, " \001(");           /* \001 ... \002: read from a variable */
        strncat(*text, q, (size_t)(end - q));
        strcat(*text, ")\002");
    }
}

/* The assertions of a body (asserting: their argument lists, each ended by
 * ";"), each as the sequence of numerals it reads in order: its own
 * arguments, a #define where it is named, and the initializers of the
 * variables it reads right before their name (one level). */
static void assertion_sequences(const char *body, const char *asserting,
                                const struct set *define_names, char *const *define_values,
                                struct sequence **out, int *count)
{
    const char *p = asserting;
    *out = NULL;
    *count = 0;
    while (*p) {
        const char *start = p;
        size_t size;
        char *text;
        struct set none = {0};
        /* one assertion: up to its ";" outside strings */
        while (*p && *p != ';') {
            if (*p == '"' || *p == '\'') {
                char quote = *p++;
                while (*p && *p != quote)
                    p += *p == '\\' && p[1] ? 2 : 1;
                if (*p)
                    p++;
            } else {
                p++;
            }
        }
        size = (size_t)(p - start) * 2 + 16;
        text = must(calloc(size, 1));
        for (const char *q = start; q < p;) {
            if (*q == '"' || *q == '\'') {
                const char *from = q;
                char quote = *q++;
                while (q < p && *q != quote)
                    q += *q == '\\' && q[1] ? 2 : 1;
                if (q < p)
                    q++;
                strncat(text, from, (size_t)(q - from));
            } else if (isalpha((unsigned char)*q) || *q == '_') {
                const char *from = q;
                char name[256];
                while (q < p && (isalnum((unsigned char)*q) || *q == '_'))
                    q++;
                size_t before = strlen(text);
                snprintf(name, sizeof name, "%.*s", (int)(q - from), from);
                if (!(from > start && (from[-1] == '.' || from[-1] == '>')))
                    append_initializers(body, name, &text, &size);
                size += (size_t)(q - from) + 2;
                text = must(realloc(text, size));
                if (strlen(text) > before)
                    strcat(text, " ");          /* the name after: x[0] stays a subscript */
                strncat(text, from, (size_t)(q - from));
            } else if (isdigit((unsigned char)*q) || *q == '.') {
                const char *from = q;         /* a literal whole: 1e-3 is no name */
                while (q < p && (isalnum((unsigned char)*q) || *q == '.' ||
                                 ((*q == '-' || *q == '+') && (q[-1] == 'e' || q[-1] == 'E'))))
                    q++;
                strncat(text, from, (size_t)(q - from));
            } else {
                strncat(text, q, 1);
                q++;
            }
        }
        *out = must(realloc(*out, (size_t)(*count + 1) * sizeof **out));
        memset(&(*out)[*count], 0, sizeof **out);
        sequence_out = &(*out)[*count];
        fractions_whole = 1;
        scan_c_numerals(text, define_names, define_values, &none);
        fractions_whole = 0;
        sequence_out = NULL;
        if (getenv("NUMERALS_ORDER")) {         /* what each assertion reads, in order */
            fprintf(stderr, "assertion:");
            for (int e = 0; e < (*out)[*count].count; e++)
                fprintf(stderr, " %c%s%c", (*out)[*count].item[e].before,
                        (*out)[*count].item[e].form[0], (*out)[*count].item[e].role);
            fprintf(stderr, "\n");
        }
        set_free(&none);
        free(text);
        (*count)++;
        if (*p == ';')
            p++;
    }
}

static void load_tests(const char *chapter, struct suite *suite)
{
    DIR *dir = opendir("tests");
    struct dirent *entry;
    memset(suite, 0, sizeof *suite);
    if (dir == NULL)
        return;
    while ((entry = readdir(dir)) != NULL) {
        char path[1024], *data, *p;
        struct set define_names = {0};
        char **define_values = NULL;
        size_t length = strlen(entry->d_name);
        if (!starts_with(entry->d_name, chapter) || length < 2 ||
            strcmp(entry->d_name + length - 2, ".c") != 0)
            continue;
        /* tests/NN-slug.c and tests/NN-slug-*.c, not another chapter's prefix */
        if (entry->d_name[strlen(chapter)] != '.' && entry->d_name[strlen(chapter)] != '-')
            continue;
        snprintf(path, sizeof path, "tests/%s", entry->d_name);
        if ((data = read_whole(path)) == NULL)
            continue;
        /* #define NAME value, at the start of a line */
        for (p = data; (p = strstr(p, "#define ")) != NULL; p++) {
            const char *name = p + strlen("#define "), *name_end = name;
            size_t n;
            char nm[256];
            if (p != data && p[-1] != '\n')
                continue;
            while (isalnum((unsigned char)*name_end) || *name_end == '_')
                name_end++;
            if (*name_end != ' ' || name_end == name)
                continue;
            n = strcspn(name_end, "\n");
            snprintf(nm, sizeof nm, "%.*s", (int)(name_end - name), name);
            if (set_has(&define_names, nm))
                continue;
            set_add(&define_names, nm);
            define_values = must(realloc(define_values, (size_t)define_names.count * sizeof *define_values));
            define_values[define_names.count - 1] = must(strndup(name_end, n));
        }
        for (p = data; (p = strstr(p, "START_TEST(")) != NULL;) {
            char name[256];
            const char *name_start = p + strlen("START_TEST("), *body, *end;
            size_t n = strcspn(name_start, ")");
            char *copy;
            int index;
            snprintf(name, sizeof name, "%.*s", (int)n, name_start);
            body = name_start + n;
            end = strstr(body, "END_TEST");
            if (end == NULL)
                end = body + strlen(body);
            if (set_has(&suite->names, name)) {
                p = (char *)end;
                continue;
            }
            set_add(&suite->names, name);
            index = suite->names.count - 1;
            suite->numerals = must(realloc(suite->numerals, (size_t)suite->names.count * sizeof *suite->numerals));
            suite->expected = must(realloc(suite->expected, (size_t)suite->names.count * sizeof *suite->expected));
            suite->asserting = must(realloc(suite->asserting, (size_t)suite->names.count * sizeof *suite->asserting));
            suite->order = must(realloc(suite->order, (size_t)suite->names.count * sizeof *suite->order));
            suite->assertions = must(realloc(suite->assertions, (size_t)suite->names.count * sizeof *suite->assertions));
            memset(&suite->asserting[index], 0, sizeof suite->asserting[index]);
            suite->used = must(realloc(suite->used, (size_t)suite->names.count * sizeof *suite->used));
            memset(&suite->numerals[index], 0, sizeof suite->numerals[index]);
            memset(&suite->expected[index], 0, sizeof suite->expected[index]);
            suite->used[index] = 0;
            copy = must(strndup(body, (size_t)(end - body)));
            scan_c_numerals(copy, &define_names, define_values, &suite->numerals[index]);
            {
                char *asserting = assertions_of(copy);
                char *code = without_comments(copy);
                expected_values(code, asserting, &define_names, define_values,
                                &suite->expected[index], &suite->asserting[index]);
                assertion_sequences(code, asserting, &define_names, define_values,
                                    &suite->order[index], &suite->assertions[index]);
                free(code);
                free(asserting);
            }
            free(copy);
            p = (char *)end;
        }
        for (int i = 0; i < define_names.count; i++)
            free(define_values[i]);
        free(define_values);
        set_free(&define_names);
        free(data);
    }
    closedir(dir);
}

static void free_tests(struct suite *suite)
{
    for (int i = 0; i < suite->names.count; i++) {
        set_free(&suite->numerals[i]);
        set_free(&suite->expected[i]);
        set_free(&suite->asserting[i]);
        for (int a = 0; a < suite->assertions[i]; a++)
            free(suite->order[i][a].item);
        free(suite->order[i]);
    }
    free(suite->order);
    free(suite->assertions);
    free(suite->numerals);
    free(suite->expected);
    free(suite->asserting);
    free(suite->used);
    set_free(&suite->names);
}

/* ------------------------------------------------------------ prose */

/* Words after which numerals are references, not results. */
static const char *reference_words[] = {
    "chapter", "chapters", "section", "sections", "exercise", "exercises", "example",
    "examples", "figure", "figures", "table", "tables", "appendix", "appendices", "equation",
    "equations", "eq", "part", "parts", "issue", "algorithm", "algorithms", NULL};
static const char *joining_words[] = {"and", "or", "to", NULL};
static const char *version_words[] = {"PyTorch", "Python", "gnuplot", "Debian", "Check",
                                      "version", NULL};

static int same_word(const char *a, const char *b, int fold)
{
    for (; *a && *b; a++, b++)
        if (fold ? tolower((unsigned char)*a) != tolower((unsigned char)*b) : *a != *b)
            return 0;
    return *a == *b;
}

static int in_list(const char *word, const char *const *list, int fold)
{
    for (int i = 0; list[i]; i++)
        if (same_word(word, list[i], fold))
            return 1;
    return 0;
}

/* A code span the reader types: a command, a flag, a path, a function
 * spec, a printf format or a keyword argument (see the banner). */
static int typed(const char *code)
{
    static const char *commands[] = {"build/", "make", "./", "$", "sh ", "gnuplot", "python",
                                     "pip", "git ", "cc ", "gcc", "clang", "rsvg-convert",
                                     "convert ", "apt", NULL};
    const char *c;
    while (*code == ' ')
        code++;
    if (code[0] == '-' && (code[1] == '-' || isalpha((unsigned char)code[1])))
        return 1;
    for (int i = 0; commands[i]; i++)
        if (starts_with(code, commands[i]))
            return 1;
    for (c = code; isupper((unsigned char)*c) || *c == '_' || isdigit((unsigned char)*c); c++)
        ;
    if (c > code && *c == '=')
        return 1;                               /* DESCENT_TORCH=1 make check */
    if (strchr(code, ' ') == NULL) {
        size_t n = strlen(code);
        static const char *endings[] = {".c", ".h", ".md", ".gp", ".sh", ".csv", ".svg",
                                        ".png", ".py", ".txt", NULL};
        static const char *folders[] = {"chapters/", "tests/", "plots/", "solutions/", "../",
                                        ".ci/", NULL};
        for (int i = 0; folders[i]; i++)
            if (starts_with(code, folders[i]))
                return 1;                       /* a path */
        for (int i = 0; endings[i]; i++)
            if (n > strlen(endings[i]) && strcmp(code + n - strlen(endings[i]), endings[i]) == 0)
                return 1;
        if (strchr(code, '%'))
            return 1;                           /* %.17g */
        for (c = code; islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '_'; c++)
            ;
        if (c > code && isalpha((unsigned char)code[0]) && (*c == ':' || *c == '='))
            return 1;                           /* quadratic:1,10, weight_decay=0.01 */
    }
    return 0;
}

/* Number words: "two" to "twenty", a tens word joined to a units word
 * ("twenty-five", "thirty-one"), "hundred", "thousand" (any case), a
 * small one times a large one ("two thousand"), are a numeral of that
 * value when a counted unit follows, maybe after one word that qualifies
 * it ("eight steps", "ten more epochs", "a hundred times", "seventeen
 * significant digits"), or joined to it by a hyphen, the unit alone and
 * singular as in English ("an eight-sample block", "a two-thousand-step
 * run"; "three-samples.csv" is a name).  An ordinal,
 * "third" to "twentieth", is the numeral it counts to, before a unit in
 * the same way ("the third step", "every fifth update": 3, 5).  The unit
 * may open the paragraph's next line ("... the same eight\nsteps"):
 * continuation is that line (NULL when the paragraph ends here).
 * word..word_end is the first word; returns the end of the number's
 * words (its value in *value), or NULL; *carried is how far into the
 * next line they go ("two\nthousand samples": past "thousand"), else 0. */
static const char *small_words[] = {"two", "three", "four", "five", "six", "seven", "eight",
                                    "nine", "ten", "eleven", "twelve", "thirteen", "fourteen",
                                    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                                    "twenty", NULL};
static const char *tens_words[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                   "eighty", "ninety", NULL};
static const char *units_words[] = {"one", "two", "three", "four", "five", "six", "seven",
                                    "eight", "nine", NULL};
static const char *ordinal_words[] = {"third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                      "ninth", "tenth", "eleventh", "twelfth", "thirteenth",
                                      "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                      "eighteenth", "nineteenth", "twentieth", NULL};
static const char *unit_words[] = {
    "step", "steps", "time", "times", "epoch", "epochs", "iteration", "iterations", "update",
    "updates", "sample", "samples", "run", "runs", "seed", "seeds", "digit", "digits",
    "decimal", "decimals", "order", "orders", "evaluation", "evaluations", "gradient",
    "gradients", "pass", "passes", "batch", "batches", "round", "rounds", "percent",
    "millisecond", "milliseconds", "second", "seconds", "microsecond", "microseconds",
    "repetition", "repetitions", NULL};
static const char *qualifying_words[] = {"more", "fewer", "extra", "further", "significant",
                                         NULL};
static const char *continuation;        /* the paragraph's next line, or NULL */

/* The word after p (spaces, or the end of the line and the next line's
 * leading spaces, between), into word; returns its end, or NULL.  *wrapped
 * is set when it is on the next line. */
static const char *next_word(const char *p, char *word, size_t size, int *wrapped)
{
    const char *start;
    if (*p != ' ' && !(*p == '\0' && continuation && !*wrapped))
        return NULL;
    while (*p == ' ')
        p++;
    if (*p == '\0' && continuation && !*wrapped) {
        *wrapped = 1;
        for (p = continuation; *p == ' '; p++)
            ;
    }
    for (start = p; isalpha((unsigned char)*p); p++)
        ;
    if (p == start || p - start >= (long)size || isalnum((unsigned char)*p) || *p == '_' ||
        (*p == '-' && isalpha((unsigned char)p[1])))
        return NULL;
    snprintf(word, size, "%.*s", (int)(p - start), start);
    return p;
}

/* The word joined to p by a hyphen ("-sample"), into word; returns its end, or NULL. */
static const char *hyphened_word(const char *p, char *word, size_t size)
{
    const char *start = p + 1;
    if (*p != '-')
        return NULL;
    for (p = start; isalpha((unsigned char)*p); p++)
        ;
    if (p == start || p - start >= (long)size || isalnum((unsigned char)*p) || *p == '_')
        return NULL;
    snprintf(word, size, "%.*s", (int)(p - start), start);
    return p;
}

/* The word after p's spaces when a hyphen and a letter follow it ("ten" of
 * " ten-thousandth"), into word; returns its end (at the hyphen), or NULL.
 * next_word refuses such a word, the first part of a compound. */
static const char *word_before_hyphen(const char *p, char *word, size_t size)
{
    const char *start;
    if (*p != ' ')
        return NULL;
    while (*p == ' ')
        p++;
    for (start = p; isalpha((unsigned char)*p); p++)
        ;
    if (p == start || p - start >= (long)size || !(*p == '-' && isalpha((unsigned char)p[1])))
        return NULL;
    snprintf(word, size, "%.*s", (int)(p - start), start);
    return p;
}

static int word_index(const char *word, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (same_word(word, list[i], 1))
            return i;
    return -1;
}

static const char *number_words(const char *word, const char *word_end, long *value,
                                size_t *carried)
{
    char first[32], next[32];
    const char *end = word_end, *q;
    long small = 0, large = 0;
    int wrapped = 0, i, ordinal;
    *carried = 0;
    if (word_end - word >= (long)sizeof first)
        return NULL;
    snprintf(first, sizeof first, "%.*s", (int)(word_end - word), word);
    if ((i = word_index(first, small_words)) >= 0)
        small = i + 2;
    if ((i = word_index(first, tens_words)) >= 0 && (q = hyphened_word(end, next, sizeof next)) &&
        word_index(next, units_words) >= 0) {
        small = 20 + 10 * i + word_index(next, units_words) + 1;   /* twenty-five */
        end = q;
    }
    if (!small && (i = word_index(first, tens_words)) >= 0 && !(*end == '-' && isalpha((unsigned char)end[1])))
        small = 20 + 10 * i;                                        /* thirty, alone */
    if ((ordinal = word_index(first, ordinal_words)) >= 0)
        small = ordinal + 3;
    if (same_word(first, "hundred", 1))
        large = 100;
    if (same_word(first, "thousand", 1))
        large = 1000;
    if (small == 0 && large == 0)
        return NULL;
    if (small && ordinal < 0 && ((q = next_word(end, next, sizeof next, &wrapped)) != NULL ||
                                 (q = hyphened_word(end, next, sizeof next)) != NULL) &&
        (same_word(next, "hundred", 1) || same_word(next, "thousand", 1))) {
        large = same_word(next, "hundred", 1) ? 100 : 1000;
        end = q;
    } else {
        wrapped = 0;                    /* the unit, not "thousand", may open the next line */
    }
    if (wrapped)
        *carried = (size_t)(end - continuation);
    *value = (small ? small : 1) * (large ? large : 1);
    if ((q = hyphened_word(end, next, sizeof next)) != NULL)
        return in_list(next, unit_words, 1) && (next[strlen(next) - 1] != 's' ||
                                                same_word(next, "pass", 1))
                   ? end : NULL;   /* eight-sample, not the name three-samples.csv */
    if ((q = next_word(end, next, sizeof next, &wrapped)) == NULL)
        return NULL;
    if (in_list(next, qualifying_words, 1))
        q = next_word(q, next, sizeof next, &wrapped);
    else if (same_word(next, "in", 1) && (q = next_word(q, next, sizeof next, &wrapped)) != NULL &&
             same_word(next, "between", 1))
        q = next_word(q, next, sizeof next, &wrapped);
    return q && in_list(next, unit_words, 1) ? end : NULL;
}

/* Fractions and multiples in words (see the banner): "a tenth of the
 * rate" (1/10), "two thirds" (2/3), "a quarter", "one half", "a half of",
 * "half the steps", "six and a half times" (6.5), "twice" (2), and a verb
 * that multiplies, "halves" (1/2), "quarters" (1/4), "doubles" (2),
 * "triples" (3).  word..word_end is the first word, previous the word
 * before it (lower case; "#" after a numeral, "" when unknown).  Returns
 * the end of the words read, with their value as a numeral in out ("1/10",
 * "2", "6.5"), or NULL; *carried as for number_words. */
static const char *denominators[] = {"half", "third", "quarter", "fourth", "fifth", "sixth",
                                     "seventh", "eighth", "ninth", "tenth", "eleventh",
                                     "twelfth", "thirteenth", "fourteenth", "fifteenth",
                                     "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                                     "twentieth", "hundredth", "thousandth", "millionth", NULL};
static const long denominator_values[] = {2,  3,  4,  4,  5,  6,  7,   8,    9,      10, 11, 12,
                                          13, 14, 15, 16, 17, 18, 19, 20, 100, 1000, 1000000};
static const char *denominators_plural[] = {"thirds", "quarters", "fourths", "fifths", "sixths",
                                            "sevenths", "eighths", "ninths", "tenths",
                                            "elevenths", "twelfths", "thirteenths", "fourteenths",
                                            "fifteenths", "sixteenths", "seventeenths",
                                            "eighteenths", "nineteenths", "twentieths",
                                            "hundredths", "thousandths", "millionths", NULL};
/* the words after a bare "half" that make it a quantity: "half the steps",
 * "half its gradient", "half of", "half as long", "at half and at ..." */
static const char *half_followers[] = {"the", "a", "an", "its", "their", "his", "her", "this",
                                       "that", "these", "those", "it", "them", "of", "as", "and",
                                       "or", NULL};
/* the words before "half" that make it a part or a name: "the left half",
 * "each half", "a half cosine" ("a half of" is read as a fraction) */
static const char *half_namers[] = {"the", "a", "an", "each", "either", "other", "left",
                                    "right", "upper", "lower", "top", "bottom", "first",
                                    "second", "one", "and", "every", NULL};
/* verbs that multiply; "double" and "triple" themselves are a C type and a
 * tuple far more often, and are not read */
static const char *multiplying_verbs[] = {"halves", "halved", "halving", "halve", "quarters",
                                          "quartered", "quartering", "doubles", "doubled",
                                          "doubling", "triples", "tripled", "tripling",
                                          "quadruples", "quadrupled", "quadrupling", NULL};
static const char *const multiplying_values[] = {"1/2", "1/2", "1/2", "1/2", "1/4", "1/4", "1/4",
                                                 "2",   "2",   "2",   "3",   "3",   "3",   "4",
                                                 "4",   "4"};
/* the words before such a verb that make it a noun: "both halves", "the
 * halves of a register", "two doubles", "an array of doubles", "real
 * doubles", "with every doubling", "a halving forgotten", "one more
 * halving is needed" */
static const char *noun_markers[] = {"the", "both", "of", "a", "an", "its", "their", "these",
                                     "those", "all", "each", "every", "real", "with", "no",
                                     "any", "some", "many", "few", "more", "another", "one",
                                     "#", NULL};
/* "doubles" is read only before its object: "doubles the range" (never
 * "doubles just above one", "doubles around exp x") */
static const char *objects[] = {"the", "its", "it", "a", "an", "their", "his", "her", "this",
                                "that", "each", "every", NULL};
/* ... or after words that grade the verb: "more than doubles" (a hand
 * change of "more than triples"), "nearly doubles", "almost doubles" (not
 * "about doubles", "than doubles": the C type) */
static const char *verb_graders[] = {"more than", "nearly", "almost", "roughly",
                                     "approximately", "least", NULL};
/* the words before "halves" or "quarters" that make them parts: "split into
 * halves", "cut in quarters" */
static const char *part_markers[] = {"into", "in", NULL};

static const char *fraction_words(const char *word, const char *word_end, const char *previous_word,
                                  char *out, size_t size, size_t *carried)
{
    char first[32], next[32], after[32];
    const char *q, *r2;
    int wrapped = 0, i;
    long small = 0;
    int end_wrapped = 0, look;
    *carried = 0;
    if (word_end - word >= (long)sizeof first)
        return NULL;
    snprintf(first, sizeof first, "%.*s", (int)(word_end - word), word);
    if ((i = word_index(first, small_words)) >= 0)
        small = i + 2;
    if (same_word(first, "twice", 1)) {
        if (*word_end == '-')
            return NULL;                        /* twice-differentiable: a name */
        snprintf(out, size, "2");
        return word_end;
    }
    /* "once as far": "twice as far" changed by hand (1); elsewhere "once" is a
     * conjunction or vague ("once the loss falls", "once an epoch") */
    if (same_word(first, "once", 1)) {
        if (*word_end == '-' ||
            !((q = next_word(word_end, next, sizeof next, &wrapped)) && same_word(next, "as", 1)))
            return NULL;
        snprintf(out, size, "1");
        return word_end;
    }
    if ((i = word_index(first, multiplying_verbs)) >= 0) {
        if (*word_end == '-' || in_list(previous_word, noun_markers, 1) ||
            in_list(previous_word, small_words, 1))
            return NULL;
        if ((same_word(first, "halves", 1) || same_word(first, "quarters", 1)) &&
            in_list(previous_word, part_markers, 1))
            return NULL;
        if (starts_with(multiplying_verbs[i], "doubles") && !in_list(previous_word, verb_graders, 1) &&
            !((q = next_word(word_end, next, sizeof next, &wrapped)) && in_list(next, objects, 1)))
            return NULL;
        snprintf(out, size, "%s", multiplying_values[i]);
        return word_end;
    }
    if (same_word(first, "half", 1)) {
        if (*word_end == '-' || in_list(previous_word, half_namers, 1) ||
            !((q = next_word(word_end, next, sizeof next, &wrapped)) && in_list(next, half_followers, 1)))
            return NULL;
        snprintf(out, size, "1/2");
        return word_end;
    }
    if (same_word(first, "a", 1) || same_word(first, "an", 1) || same_word(first, "one", 1) ||
        small) {
        long numerator = small ? small : 1, large = 1;
        const char *end;
        /* "N and a half" (N one to twenty): N.5 */
        if ((q = next_word(word_end, next, sizeof next, &wrapped)) && same_word(next, "and", 1) &&
            (same_word(first, "one", 1) || small) &&
            (q = next_word(q, next, sizeof next, &wrapped)) && same_word(next, "a", 1) &&
            (q = next_word(q, next, sizeof next, &wrapped)) && same_word(next, "half", 1) &&
            /* before a unit or a stop: "six and a half times", "about one and a
             * half."; not "zero, one, two and a half inside formulas" */
            (look = wrapped, (r2 = next_word(q, after, sizeof after, &look)) == NULL ||
                                 in_list(after, unit_words, 1))) {
            snprintf(out, size, "%ld.5", numerator);
            end = q;
            end_wrapped = wrapped;          /* the words read, not the one after */
        } else {
            wrapped = 0;
            q = next_word(word_end, next, sizeof next, &wrapped);
            if (q == NULL && small)
                q = hyphened_word(word_end, next, sizeof next);   /* two-thirds */
            if (q == NULL && !small)
                q = word_before_hyphen(word_end, next, sizeof next);  /* a ten-thousandth */
            if (q == NULL)
                return NULL;
            end_wrapped = wrapped;
            /* "a ten-thousandth": a small number joined to hundredth/thousandth */
            if ((i = word_index(next, small_words)) >= 0 && !small &&
                (r2 = hyphened_word(q, after, sizeof after)) != NULL &&
                (same_word(after, "hundredth", 1) || same_word(after, "thousandth", 1))) {
                large = i + 2;
                q = r2;
                snprintf(next, sizeof next, "%s", after);
            }
            if (*q == '-')
                return NULL;                    /* a third-order method: not a fraction */
            i = word_index(next, small ? denominators_plural : denominators);
            if (i < 0)
                return NULL;
            if (!small && i == 0) {
                /* "one half"; "a half" only before "of" ("a half cosine" names a curve) */
                look = wrapped;
                if (!same_word(first, "one", 1) &&
                    !((r2 = next_word(q, after, sizeof after, &look)) && same_word(after, "of", 1)))
                    return NULL;
            }
            /* "a third step" is an ordinal before a unit, read as such */
            look = wrapped;
            if ((r2 = next_word(q, after, sizeof after, &look)) != NULL && !small &&
                in_list(after, unit_words, 1))
                return NULL;
            snprintf(out, size, "%ld/%ld", numerator,
                     large * (small ? denominator_values[i + 1] : denominator_values[i]));
            end = q;
        }
        if (end_wrapped)
            *carried = (size_t)(end - continuation);
        return end;
    }
    return NULL;
}

/* Context while reading one paragraph's text. */
struct reader {
    const char *file;
    int line;
    int reference;          /* after "chapter" and the like */
    char last_word[64];     /* the last word read, for years and versions */
    int in_comment;         /* inside a multi-line <!-- --> */
    int display;            /* this line is a displayed equation (indented 4) */
    int math_span;          /* inside a code span of mathematics */
    int operand;            /* the numeral being added stands next to an operator */
    int table;              /* this line is a table row */
    int unit, units;        /* the formula being read (0: none), and how many so far */
    char before;            /* role_before() of the numeral being added */
    struct numeral *found;  /* out: the numerals of the paragraph */
    int count, capacity;
    size_t carried;         /* the next line opens with words of a number read already */
};

/* The word before start, lower case, for fraction_words: "#" after a
 * numeral, the paragraph's last word read when start opens the line, ""
 * after other punctuation ("... of h². Halve h"). */
static const char *previous_word(const struct reader *r, const char *text, const char *start)
{
    static char word[64];
    const char *end = start, *p;
    while (end > text && (end[-1] == ' ' || end[-1] == '*' || end[-1] == '_'))
        end--;
    if (end == text) {
        snprintf(word, sizeof word, "%s", r->last_word);
    } else if (isdigit((unsigned char)end[-1])) {
        snprintf(word, sizeof word, "#");
    } else {
        for (p = end; p > text && isalpha((unsigned char)p[-1]); p--)
            ;
        snprintf(word, sizeof word, "%.*s", (int)(end - p), p);
        /* "more than" as one word: "more than doubles" grades the verb, where
         * "less precise than doubles" names the C type */
        if (same_word(word, "than", 1)) {
            const char *q = p;
            char before[8];
            while (q > text && q[-1] == ' ')
                q--;
            if (q - text >= 4 && !(q - text > 4 && isalpha((unsigned char)q[-5]))) {
                snprintf(before, sizeof before, "%.4s", q - 4);
                if (same_word(before, "more", 1))
                    snprintf(word, sizeof word, "more than");
            }
        }
    }
    for (char *c = word; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    return word;
}

static void add_numeral(struct reader *r, const char *text, const char *raw, size_t raw_length,
                        enum cover cover, const char *why)
{
    struct numeral *n;
    if (r == NULL)
        return;
    if (r->count == r->capacity) {
        r->capacity = r->capacity ? 2 * r->capacity : 64;
        r->found = must(realloc(r->found, (size_t)r->capacity * sizeof *r->found));
    }
    n = &r->found[r->count++];
    snprintf(n->text, sizeof n->text, "%s", text);
    snprintf(n->raw, sizeof n->raw, "%.*s", (int)(raw_length < MAX_TOKEN ? raw_length : MAX_TOKEN - 1), raw);
    n->line = r->line;
    n->formula = r->display || r->math_span || r->operand;
    n->weak = 0;
    n->over = 0;
    n->neighbour[0] = '\0';
    n->unit = r->unit;
    n->unordered = 0;
    n->word = 0;
    n->role = role_after(raw + raw_length);
    n->before = r->before;
    n->cover = cover;
    n->why = why;
}

/* Is c an operator or a bracket of mathematics? */
static int operator(unsigned c)
{
    return (c < 0x80 && c && strchr("()[]{}+-=/^<>*", (int)c)) || c == 0x2212 || c == 0xb7 ||
           c == 0xd7 || c == 0x2248 || c == 0x2264 || c == 0x2265 || c == 0x2192 ||
           c == 0x2190 || c == 0x2211 || c == 0x221a;
}

/* Does the numeral from start to end stand next to an operator or a
 * bracket (spaces skipped), or right before a symbol: an operand of a
 * formula written in the text, as in "(1, 1)", "[0, 1)", "2 + 2 = 4",
 * "2G"? */
static int operand(const char *text, const char *start, const char *end)
{
    const char *p = start;
    int length;
    while (p > text && p[-1] == ' ')
        p--;
    if (p > text && operator(previous(text, p)))
        return 1;
    if (wordish(decode(end, &length)))
        return 1;                               /* a coefficient: 2G, 2x₁ */
    while (*end == ' ')
        end++;
    return *end && operator(decode(end, &length));
}

/* Skip a bracketed group "{...}" or "(...)" starting at p; returns the
 * position after its closing bracket. */
static const char *skip_group(const char *p)
{
    char open = *p, close = open == '{' ? '}' : ')';
    int depth = 0;
    for (; *p; p++) {
        if (*p == open)
            depth++;
        else if (*p == close && --depth == 0)
            return p + 1;
    }
    return p;
}

/* Does p, at "(", open a tuple of numerals: "(3, 0.5)", "(1, −1)",
 * "(−1/2, 1/2)", two or more of them with ", " between and nothing else?
 * Returns the position of its ")" or NULL. */
static const char *tuple_end(const char *p)
{
    int elements = 0;
    if (*p != '(')
        return NULL;
    p++;
    for (;;) {
        int length;
        unsigned c = decode(p, &length);
        if (*p == '-' || c == 0x2212)
            p += length, c = decode(p, &length);
        if (c == 0xbd || c == 0xbc || c == 0xbe) {
            p += length;
        } else {
            if (!isdigit((unsigned char)*p))
                return NULL;
            p += strspn(p, "0123456789");
            if (*p == '.' && isdigit((unsigned char)p[1]))
                p += 1 + strspn(p + 1, "0123456789");
            if (*p == '/' && isdigit((unsigned char)p[1]))
                p += 1 + strspn(p + 1, "0123456789");
        }
        elements++;
        if (*p == ')')
            return elements >= 2 ? p : NULL;
        if (*p != ',' || p[1] != ' ')
            return NULL;
        p += 2;
    }
}

/* Read text (one line, or a part of it) and add its numerals to r, each
 * with the cover it gets from its context (default: UNCOVERED, decided
 * later against the paragraph's markers).  With r NULL, put the
 * normalised numerals into out instead (for string literals in tests and
 * for given lists). */
static void read_text(struct reader *r, const char *text, int code, enum cover base,
                      struct set *out)
{
    const char *p = text;
    const char *tuple = NULL;           /* the ")" of the tuple being read, in running text */

    /* list ordinal: "1. " or "1) " opening the line, or a heading ("## 1. ..."),
     * also in bold: "**1.** ...", "**2. A title.**" */
    if (r && !code && base == UNCOVERED) {
        const char *q = text;
        int bold;
        while (*q == ' ')
            q++;
        if (*q == '#') {
            q += strspn(q, "#");
            q += strspn(q, " ");
        }
        bold = strncmp(q, "**", 2) == 0;
        if (bold)
            q += 2;
        if (isdigit((unsigned char)*q)) {
            const char *d = q;
            while (isdigit((unsigned char)*d))
                d++;
            if ((*d == '.' || *d == ')') && (d[1] == ' ' || (bold && starts_with(d + 1, "** ")))) {
                add_numeral(r, "", q, (size_t)(d - q), EXEMPT, "list ordinal");
                p = d + 1;
            } else if (bold && *d == '.' && strncmp(d + 1, "**", 2) == 0) {
                add_numeral(r, "", q, (size_t)(d - q), EXEMPT, "list ordinal");
                p = d + 3;
            }
        }
    }
    if (r && !code && base == UNCOVERED && r->carried) {
        p = text + (r->carried < strlen(text) ? r->carried : strlen(text));
        r->carried = 0;                 /* "thousand" of "two\nthousand samples", read */
    }
    while (*p) {
        int length;
        unsigned c = decode(p, &length);
        /* a tuple of numerals in running text, "(3, 0.5)", is a formula of
         * its own, and so is a numeral that scales it, "−2 (1, 1)" */
        if (r && !code && !r->in_comment && r->unit == 0 && tuple == NULL &&
            (tuple = tuple_end(p)) != NULL) {
            r->unit = ++r->units;
            if (p - text >= 2 && p[-1] == ' ' && isdigit((unsigned char)p[-2]) && r->count > 0 &&
                r->found[r->count - 1].line == r->line && r->found[r->count - 1].unit == 0 &&
                r->found[r->count - 1].cover == UNCOVERED)
                r->found[r->count - 1].unit = r->unit;
        } else if (r && tuple != NULL && p == tuple) {
            r->unit = 0;
            tuple = NULL;
        }
        /* formulas: a table's cells, a display line's parts (two spaces
         * or more apart: "η* = 2 / (μ + L),      r_GD = ...") */
        if (r && !code && !r->in_comment && ((r->table && *p == '|') ||
                                             (r->display && p[0] == ' ' && p[1] == ' ' &&
                                              p - text > (long)strspn(text, " ")))) {
            r->unit = ++r->units;
            p += strspn(p, " |");
            continue;
        }
        if (r && r->in_comment && !code) {
            const char *close = strstr(p, "-->");
            if (close == NULL)
                return;
            r->in_comment = 0;
            p = close + 3;
            continue;
        }
        if (!code && starts_with(p, "<!--")) {
            const char *close = strstr(p, "-->");
            if (starts_with(p, "<!-- v:") && close) {
                /* a woven value: its text up to <!-- /v --> */
                const char *text_start = close + 3, *end = strstr(text_start, "<!-- /v -->");
                if (end) {
                    char *value = must(strndup(text_start, (size_t)(end - text_start)));
                    read_text(r, value, 1, WOVEN_VALUE, out);
                    free(value);
                    p = end + strlen("<!-- /v -->");
                    continue;
                }
            }
            if (close == NULL) {
                if (r)
                    r->in_comment = 1;
                return;
            }
            p = close + 3;
            continue;
        }
        if (!code && *p == '`') {
            size_t ticks = strspn(p, "`");
            const char *q = p + ticks, *close = q;
            char fence[16];
            snprintf(fence, sizeof fence, "%.*s", (int)(ticks < 15 ? ticks : 15), p);
            while ((close = strstr(close, fence)) != NULL && close[ticks] == '`')
                close += strspn(close, "`");
            if (close == NULL) {
                p = q;
                continue;
            }
            {
                char *span = must(strndup(q, (size_t)(close - q)));
                if (typed(span))
                    read_text(r, span, 1, base == UNCOVERED ? EXEMPT : base, out);
                else if (r) {
                    int around = r->unit;       /* a code span is a formula of its own */
                    r->math_span = 1;
                    r->unit = ++r->units;
                    read_text(r, span, 1, base, out);
                    r->math_span = 0;
                    r->unit = around;
                } else {
                    read_text(r, span, 1, base, out);
                }
                free(span);
            }
            p = close + ticks;
            if (r)
                r->reference = 0;
            continue;
        }
        if (!code && p[0] == ']' && p[1] == '(') {
            p = skip_group(p + 1);                      /* a link's target */
            continue;
        }
        if (!code && *p == '<' && (isalpha((unsigned char)p[1]) || p[1] == '/')) {
            const char *close = strchr(p, '>');           /* a tag or <https://...> */
            if (close) {
                p = close + 1;
                continue;
            }
        }
        if (!code && (p == text || p[-1] == ' ' || p[-1] == '[' || p[-1] == '(') &&
            (starts_with(p, "chapters/") || starts_with(p, "solutions/") ||
             starts_with(p, "tests/") || starts_with(p, "plots/") || starts_with(p, "build/"))) {
            p += strcspn(p, " )]\t");                  /* a path written in the text */
            continue;
        }
        if (starts_with(p, "http://") || starts_with(p, "https://")) {
            p += strcspn(p, " )>\t");
            continue;
        }
        /* notation: x_{k+1}, x^{2k}, x^(k), a_(j−1), x_1, x^2 after a letter or bracket */
        if ((*p == '_' || *p == '^') &&
            (p[1] == '{' || (*p == '^' && p[1] == '(') ||
             (p[1] == '(' && p - text >= 1 && isalpha((unsigned char)p[-1]) &&
              (p - text == 1 || !wordish(previous(text, p - 1)))))) {    /* a_(j−1), not f_(x) of a name */
            p = skip_group(p + 1);
            continue;
        }
        if (*p == '^' || *p == '_') {
            p++;
            if (*p == '-')
                p++;
            while (isdigit((unsigned char)*p))
                p++;
            continue;
        }
        if (superscript(c) || subscript(c)) {
            p += length;                                /* x², x₁ */
            continue;
        }
        if (*p == '[' && p > text && (wordish(previous(text, p)) || p[-1] == ']') &&
            isdigit((unsigned char)p[1]) && p[1 + strspn(p + 1, "0123456789")] == ']') {
            p += 2 + strspn(p + 1, "0123456789");      /* an index: x[0], error[1] */
            continue;
        }
        if (c == 0xbd || c == 0xbc || c == 0xbe) {      /* ½ ¼ ¾, −½ */
            const char *fraction = c == 0xbd ? "1/2" : c == 0xbc ? "1/4" : "3/4";
            char signed_fraction[8];
            unsigned before = previous(text, p);
            if (before == '-' || before == 0x2212) {
                const char *minus = p - (before == '-' ? 1 : 3);
                unsigned first = previous(text, minus);
                if (!(wordish(first) || first == ')' || first == ']' || first == '.')) {
                    snprintf(signed_fraction, sizeof signed_fraction, "-%s", fraction);
                    fraction = signed_fraction;
                }
            }
            if (out && r == NULL)
                set_add(out, fraction);
            else if (!wordish(before)) {
                r->before = role_before(text, fraction[0] == '-' ? p - (before == '-' ? 1 : 3) : p);
                add_numeral(r, fraction, p, (size_t)length, base, "");
            }
            p += length;
            continue;
        }
        if (isalpha((unsigned char)*p) || (c >= 0x80 && wordish(c))) {
            /* a word: remember it for references, years and versions */
            const char *start = p;
            char word[64];
            while (*p) {
                unsigned d = decode(p, &length);
                if ((*p == '_' || *p == '^') && (p[1] == '{' || p[1] == '('))
                    break;                              /* x_{k+1}: notation follows */
                if (!(wordish(d) || (*p == '.' && p == start + 2 && starts_with(start, "al")) ||
                      (*p == '\'' && isalpha((unsigned char)p[1]))))
                    break;
                p += length;
            }
            if (*p == '.' && (p - start == 2 && starts_with(start, "al")))
                p++;
            if (*p == '.' && p - start == 2 && starts_with(start, "eq"))
                p++;
            if (r && !code && base == UNCOVERED) {
                /* a number word before a counted unit is a numeral */
                long value;
                size_t carried;
                const char *end = start > text && start[-1] == '-'
                                      ? NULL    /* "one-by-one": after a hyphen, not read */
                                      : number_words(start, p, &value, &carried);
                char digits[32];
                if (end)
                    snprintf(digits, sizeof digits, "%ld", value);
                else if (!(start > text && start[-1] == '-'))
                    end = fraction_words(start, p, previous_word(r, text, start), digits,
                                         sizeof digits, &carried);
                if (end) {
                    r->before = '.';
                    if (carried) {                  /* "two\nthousand samples" */
                        end = start + strlen(start);
                        while (end > start && end[-1] == ' ')
                            end--;
                        r->carried = carried;
                    }
                    add_numeral(r, digits, start, (size_t)(end - start), UNCOVERED, "");
                    r->found[r->count - 1].word = 1;
                    r->found[r->count - 1].role = '*';  /* as before " steps" */
                    p = end;
                }
            }
            snprintf(word, sizeof word, "%.*s", (int)(p - start < 63 ? p - start : 63), start);
            if (strlen(word) > 2 && strcmp(word + strlen(word) - 2, "'s") == 0)
                word[strlen(word) - 2] = '\0';
            if (r) {
                char bare[64];
                snprintf(bare, sizeof bare, "%s", word);
                if (bare[0] && bare[strlen(bare) - 1] == '.')
                    bare[strlen(bare) - 1] = '\0';
                if (in_list(bare, reference_words, 1) &&
                    !(same_word(r->last_word, "for", 1) && starts_with(bare, "example")))
                    r->reference = starts_with(bare, "exercise") || starts_with(bare, "section")
                                       ? 2 : 1; /* "chapter 3", not "for example 0.5" */
                else if (!in_list(word, joining_words, 0))
                    r->reference = 0;
                snprintf(r->last_word, sizeof r->last_word, "%s", word);
            }
            continue;
        }
        {
            /* a numeral: a digit not inside a name, maybe after a sign */
            const char *start = p, *digits = p;
            const char *sign = "";
            char normal[MAX_TOKEN];
            if ((*p == '-' || *p == '+' || c == 0x2212) &&
                isdigit((unsigned char)p[*p == '-' || *p == '+' ? 1 : length])) {
                unsigned before = previous(text, p);
                if (!(wordish(before) || before == ')' || before == ']' || before == '.')) {
                    sign = *p == '+' ? "" : "-";
                    digits = p + (*p == '-' || *p == '+' ? 1 : length);
                }
            }
            if (isdigit((unsigned char)*digits) && !wordish(previous(text, digits)) &&
                !(digits == p && previous(text, p) == '.')) {
                const char *end = read_numeral(digits, sign, normal, sizeof normal);
                const char *q = end;
                enum cover cover = base;
                const char *why = "";
                while (*q == ' ')
                    q++;
                if (*q == '%')
                    end = q + 1;                        /* a percentage is its number */
                if (r)
                    r->before = role_before(text, start);
                if (out && r == NULL) {
                    set_add(out, normal);
                } else if (base == UNCOVERED) {
                    unsigned before = previous(text, start);
                    int year = strlen(normal) == 4 && strspn(normal, "0123456789") == 4 &&
                               (strncmp(normal, "19", 2) == 0 || strncmp(normal, "20", 2) == 0);
                    if (r->reference && (strspn(normal, "0123456789") == strlen(normal) ||
                                         (r->reference == 2 && normal[0] != '0' &&
                                          strspn(normal, "0123456789.") == strlen(normal) &&
                                          strchr(normal, '.') == strrchr(normal, '.')))) {
                        cover = EXEMPT, why = "reference";      /* 3, or exercise 4.2 */
                    } else if (before == '(' && *end == ')' && set_has(&labels, normal)) {
                        cover = EXEMPT, why = "equation number";
                    } else if (year && ((before == '(' && *end == ')') ||
                                        ((isupper((unsigned char)r->last_word[0]) ||
                                          strcmp(r->last_word, "al.") == 0) &&
                                         (*end == '\0' || strchr(");,.", *end))))) {
                        cover = EXEMPT, why = "year";
                    } else if (in_list(r->last_word, version_words, 0) &&
                               (before == ' ')) {
                        cover = EXEMPT, why = "version";
                    }
                    r->operand = operand(text, start, end);
                    add_numeral(r, normal, start, (size_t)(end - start), cover, why);
                    r->operand = 0;
                } else {
                    add_numeral(r, normal, start, (size_t)(end - start), base,
                                base == EXEMPT ? "typed in a code span" : "");
                }
                if (r && !r->reference)
                    r->last_word[0] = '\0';
                p = end;
                continue;
            }
        }
        /* anything else: joining punctuation keeps a reference going */
        if (r && !(*p == ' ' || *p == ',' || *p == '-' || *p == '*' || c == 0x2013))
            r->reference = 0;
        p += length;
    }
}

static void scan_prose_numerals(const char *text, struct set *out)
{
    read_text(NULL, text, 1, UNCOVERED, out);
}

/* ------------------------------------------------------------ files */

struct totals {
    int count[NOT_COUNTED];
};

/* "chapters/04-batches/README.md" or "solutions/04-batches.md" -> "04-batches" */
static int chapter_of(const char *path, char *chapter, size_t size)
{
    const char *name;
    if (starts_with(path, "chapters/")) {
        name = path + strlen("chapters/");
        snprintf(chapter, size, "%.*s", (int)strcspn(name, "/"), name);
        return 1;
    }
    if (starts_with(path, "solutions/")) {
        name = path + strlen("solutions/");
        snprintf(chapter, size, "%.*s", (int)strcspn(name, "."), name);
        return 1;
    }
    return 0;
}

/* The numerals a hand change by one makes of text: its last digit one up
 * or one down (3 -> 2 and 4; 0.9 -> 0.8 and 0.0); for a fraction n/d of
 * whole numbers, its denominator one up or down, as the word changes ("a
 * tenth" into "a ninth" or "an eleventh": 1/10 -> 1/9 and 1/11; in
 * digits, 16/5 -> 16/4 and 16/6), and, for one read from words (word), its
 * numerator one up, and one down when it is 2 or more ("two thirds" into
 * "one third" or "three thirds": 2/3 -> 1/3 and 3/3; "a third" into "two
 * thirds": 1/3 -> 2/3).  Returns how many (at most
 * MAX_NEIGHBOURS), 0 when text has no digit. */
#define MAX_NEIGHBOURS 4
static int neighbours(const char *text, int word, char changed[MAX_NEIGHBOURS][MAX_TOKEN])
{
    const char *last = NULL;
    long num, den;
    int used;
    /* used is set only when the whole format matched (%n is reached):
     * it starts at 0 before each sscanf, and 0 means no match */
    used = 0;
    if (sscanf(text, "%ld/%ld%n", &num, &den, &used) == 2 && used > 0 && text[used] == '\0' &&
        isdigit((unsigned char)text[0]) && den > 1 && num > 0) {
        int n = 0;
        if (den > 2)
            snprintf(changed[n++], MAX_TOKEN, "%ld/%ld", num, den - 1);
        snprintf(changed[n++], MAX_TOKEN, "%ld/%ld", num, den + 1);
        if (word && num >= 2)
            snprintf(changed[n++], MAX_TOKEN, "%ld/%ld", num - 1, den);
        if (word)
            snprintf(changed[n++], MAX_TOKEN, "%ld/%ld", num + 1, den);
        return n;
    }
    used = 0;
    if (word && sscanf(text, "%ld.5%n", &num, &used) == 1 && used > 0 && text[used] == '\0' &&
        num >= 1) {
        /* "six and a half" (6.5) into "five and a half" or "seven and a half" */
        snprintf(changed[0], MAX_TOKEN, "%ld.5", num - 1);
        snprintf(changed[1], MAX_TOKEN, "%ld.5", num + 1);
        return 2;
    }
    for (const char *c = text; *c; c++)
        if (isdigit((unsigned char)*c))
            last = c;
    if (last == NULL)
        return 0;
    for (int i = 0; i < 2; i++) {
        snprintf(changed[i], MAX_TOKEN, "%s", text);
        changed[i][last - text] = (char)('0' + (*last - '0' + (i == 0 ? 1 : 9)) % 10);
    }
    return 2;
}

/* A notation constant: 0, 1 or 2 in a displayed equation or a code span
 * of mathematics, or next to an operator or a bracket, with or without a
 * minus (the 1 of 1 − ηλ, the 2 of 2/L, the −2 of −2cμ), and ½, which the
 * tests hold among their indices and constants; presence is enough. */
static int constant_as(const struct numeral *n, const char *text)
{
    const char *t = text[0] == '-' ? text + 1 : text;
    return n->formula && (strcmp(t, "0") == 0 || strcmp(t, "1") == 0 || strcmp(t, "2") == 0 ||
                          strcmp(t, "1/2") == 0);
}

static int notation_constant(const struct numeral *n)
{
    return constant_as(n, n->text);
}

/* Does one of the paragraph's tests hold text in its body (expected 0) or
 * inside its assertions (expected 1)? */
static int tests_hold(const struct suite *suite, const struct set *tests, const int *index,
                      const char *text, int expected)
{
    for (int t = 0; t < tests->count; t++)
        if (index[t] >= 0 &&
            set_has(expected == 2   ? &suite->asserting[index[t]]
                    : expected == 1 ? &suite->expected[index[t]]
                                    : &suite->numerals[index[t]],
                    text))
            return 1;
    return 0;
}

/* Is the numeral text asserted by the paragraph's tests?  It must be in a
 * test's body; and when a neighbour (its last digit one up or down) is in
 * the tests too, it must be inside their assertions and no neighbour may
 * be: otherwise the neighbour, written by hand, would pass as well.  A
 * notation constant needs presence only.  A neighbour that is an expected
 * value too is allowed when the paragraph states it as well and states the
 * numeral itself exactly once ("80 steps, then 81"): a hand change of one
 * into the other leaves the one changed stated nowhere or the other stated
 * twice, and either is reported.  stated[0]: the numerals the paragraph
 * states, stated[1]: those it states exactly once.  Returns 1 if so, 0 if the tests
 * do not hold it, 2 if they hold it only weakly (*weak: the neighbour). */
static int asserted(const struct suite *suite, const struct set *tests, const int *index,
                    const char *text, int word, int constant, const struct set stated[2],
                    const char **weak)
{
    char changed[MAX_NEIGHBOURS][MAX_TOKEN];
    int n;
    *weak = NULL;
    if (!tests_hold(suite, tests, index, text, 0))
        return 0;
    if (constant)
        return 1;
    n = neighbours(text, word, changed);
    for (int i = 0; i < n; i++)
        if (tests_hold(suite, tests, index, changed[i], 0)) {
            /* told apart among the expected values, or among all the
             * numerals the assertions read (which hold the former) */
            static char which[MAX_TOKEN];
            for (int level = 1; level <= 2; level++) {
                int apart = tests_hold(suite, tests, index, text, level);
                for (int j = 0; apart && j < n; j++)
                    if (tests_hold(suite, tests, index, changed[j], level) &&
                        !(level == 1 && set_has(&stated[0], changed[j]) && set_has(&stated[1], text))) {
                        apart = 0;
                        snprintf(which, sizeof which, "%.100s", changed[j]);
                    }
                if (apart)
                    return 1;
            }
            if (!tests_hold(suite, tests, index, text, 2))
                snprintf(which, sizeof which, "%.100s", changed[i]);
            *weak = which;
            return 2;
        }
    return 1;
}

/* The numerals of paragraph r (exempt ones aside) into out[0], those
 * stated exactly once into out[1], with the k-th read as replacement if
 * replacement is not NULL. */
static void stated_once(const struct reader *r, int k, const char *replacement, struct set out[2])
{
    for (int i = 0; i < r->count; i++) {
        const char *text = i == k && replacement ? replacement : r->found[i].text;
        int occurrences = 0;
        if (r->found[i].cover == EXEMPT)
            continue;
        set_add(&out[0], text);
        for (int j = 0; j < r->count; j++)
            occurrences += r->found[j].cover != EXEMPT &&
                           strcmp(j == k && replacement ? replacement : r->found[j].text, text) == 0;
        if (occurrences == 1)
            set_add(&out[1], text);
    }
}

/* How often the paragraph's tests read text in their assertions (the
 * count of a notation constant: one for each time the paragraph states it). */
static int tests_times(const struct suite *suite, const struct set *tests, const int *index,
                       const char *text)
{
    int times = 0;
    for (int t = 0; t < tests->count; t++)
        if (index[t] >= 0)
            times += set_times(&suite->asserting[index[t]], text);
    return times;
}

/* How many notation constants of paragraph r other than the k-th read
 * text and are asserted, or counted out (over). */
static int stated_times(const struct reader *r, int k, const char *text)
{
    int times = 0;
    for (int j = 0; j < r->count; j++)
        times += j != k && strcmp(r->found[j].text, text) == 0 && notation_constant(&r->found[j]) &&
                 (r->found[j].cover == ASSERTED || r->found[j].over);
    return times;
}

/* Does element e read text in these roles? */
static int element_is(const struct element *e, const char *text, char role, char before)
{
    if (e->role != role || e->before != before)
        return 0;
    for (int f = 0; f < e->forms; f++)
        if (strcmp(e->form[f], text) == 0)
            return 1;
    return 0;
}

/* Is element e a notation constant's value (0, 1, 2, 1/2, signed)? */
static int element_constant(const struct element *e)
{
    for (int f = 0; f < e->forms; f++) {
        const char *t = e->form[f][0] == '-' ? e->form[f] + 1 : e->form[f];
        if (strcmp(t, "0") == 0 || strcmp(t, "1") == 0 || strcmp(t, "2") == 0 || strcmp(t, "1/2") == 0)
            return 1;
    }
    return 0;
}

/* The order rule: are the asserted numerals of formula unit of paragraph r
 * (the k-th read as replacement, when k >= 0), if one of them is a
 * notation constant, all read in the same order by one assertion of the
 * paragraph's tests?  1 if so or if the formula has no constant. */
static int in_order(const struct suite *suite, const struct set *tests, const int *index,
                    const struct reader *r, int unit, int k, const char *replacement)
{
    const char **want = must(malloc(((size_t)r->count + 1) * sizeof *want));
    char *roles = must(malloc((size_t)r->count + 1)), *befores = must(malloc((size_t)r->count + 1));
    char *optional = must(malloc((size_t)r->count + 1));
    int wanted = 0, constants = 0, found = 0;
    for (int j = 0; j < r->count; j++) {
        const struct numeral *n = &r->found[j];
        const char *text = j == k ? replacement : n->text;
        if (n->unit != unit || !(n->cover == ASSERTED || n->cover == GIVEN || j == k))
            continue;
        /* a given of the formula may be read in its place, or not at all */
        optional[wanted] = n->cover == GIVEN && j != k;
        roles[wanted] = n->role;
        befores[wanted] = n->before;
        want[wanted++] = text;
        constants += !optional[wanted - 1] && constant_as(n, text);
    }
    if (constants == 0)
        found = 1;
    for (int t = 0; !found && t < tests->count; t++) {
        if (index[t] < 0)
            continue;
        for (int a = 0; !found && a < suite->assertions[index[t]]; a++) {
            const struct sequence *q = &suite->order[index[t]][a];
            /* from each start: the formula's numerals in order, the
             * assertion's other numerals skipped, but no other constant */
            for (int start = 0; !found && start < q->count; start++) {
                int w = 0, last = start;
                for (int e = start; e < q->count && w < wanted; e++) {
                    int matched = 0;
                    for (int v = w; v < wanted; v++) {
                        if (element_is(&q->item[e], want[v], roles[v], befores[v])) {
                            matched = 1;
                            w = v + 1;
                            last = e;
                            break;
                        }
                        if (!optional[v])
                            break;
                    }
                    if (!matched && (e == start || (element_constant(&q->item[e]) && !q->item[e].expanded)))
                        break;
                }
                while (w < wanted && optional[w])
                    w++;
                found = w == wanted;
                /* not the middle of an initializer's constants: (2, 1) is not
                 * read by {1, 1, 2, 1, 1, 2} */
                if (found && wanted > 1 && q->item[start].group && start > 0 &&
                    q->item[start - 1].group == q->item[start].group &&
                    element_constant(&q->item[start - 1]) && q->item[start - 1].role == '.' &&
                    q->item[start].before == '.')
                    found = 0;
                if (found && wanted > 1 && q->item[last].group && last + 1 < q->count &&
                    q->item[last + 1].group == q->item[last].group &&
                    element_constant(&q->item[last + 1]) && q->item[last].role == '.' &&
                    q->item[last + 1].before == '.')
                    found = 0;
            }
        }
    }
    if (!found && k < 0 && getenv("NUMERALS_ORDER")) {
        fprintf(stderr, "formula (line %d):", r->found[0].line);
        for (int w = 0; w < wanted; w++)
            fprintf(stderr, " %s%c%s%c%s", optional[w] ? "[" : "", befores[w], want[w], roles[w],
                    optional[w] ? "]" : "");
        fprintf(stderr, "\n");
    }
    free(optional);
    free(want);
    free(roles);
    free(befores);
    return found;
}

/* Decide each numeral of one paragraph against its markers. */
static void settle_paragraph(const char *path, const char *chapter, struct reader *r, int first_line,
                             const struct set *tests, const struct set *given,
                             const struct set *given_raw, struct suite *suite)
{
    struct set stated[2] = {{0}, {0}};  /* the numerals the paragraph states (once) */
    int open = 0;                       /* its numerals not woven, exempt or in a block */
    int *test_used = calloc((size_t)tests->count + 1, sizeof *test_used);
    int *given_used = calloc((size_t)given->count + 1, sizeof *given_used);
    int *index = calloc((size_t)tests->count + 1, sizeof *index);
    if (!test_used || !given_used || !index)
        must(NULL);
    for (int t = 0; t < tests->count; t++) {
        index[t] = -1;
        for (int i = 0; i < suite->names.count; i++)
            if (strcmp(suite->names.item[i], tests->item[t]) == 0)
                index[t] = i;
        if (index[t] < 0)
            problem(path, first_line, "t:%s: no START_TEST(%s) in tests/%s*.c", tests->item[t],
                    tests->item[t], chapter);
    }
    stated_once(r, -1, NULL, stated);
    for (int k = 0; k < r->count; k++)
        open += r->found[k].cover == UNCOVERED;
    for (int k = 0; k < r->count; k++) {
        struct numeral *n = &r->found[k];
        const char *weak;
        if (n->cover != UNCOVERED)
            continue;
        for (int t = 0; t < tests->count; t++)
            if (index[t] >= 0 && set_has(&suite->numerals[index[t]], n->text))
                test_used[t] = 1;
        /* a given covers its occurrences first: the note counts them */
        for (int g = 0; g < given->count; g++)
            if (strcmp(given->item[g], n->text) == 0) {
                given_used[g]++;
                n->cover = GIVEN, n->why = "";
            }
        if (n->cover == GIVEN)
            continue;
        int strength = asserted(suite, tests, index, n->text, n->word, notation_constant(n), stated, &weak);
        if (strength == 2 && lenient)
            weak_here++;                /* a file still on WEAK_LIST */
        if (strength == 1 || (strength == 2 && lenient)) {
            for (int t = 0; t < tests->count; t++)
                if (index[t] >= 0 && set_has(&suite->numerals[index[t]], n->text)) {
                    n->cover = ASSERTED;
                    n->why = tests->item[t];
                    break;
                }
        } else if (strength == 2) {
            n->weak = 1;
            snprintf(n->neighbour, sizeof n->neighbour, "%s", weak);
        }
    }
    /* Counting: a notation constant stands for nothing on its own, so each
     * time the paragraph states one is matched by one time the named tests'
     * assertions read it; the ones beyond are not asserted. */
    for (int k = 0; k < r->count; k++) {
        struct numeral *n = &r->found[k];
        int times;
        if (n->cover != ASSERTED || !notation_constant(n))
            continue;
        times = tests_times(suite, tests, index, n->text);
        if (stated_times(r, -1, n->text) > times && stated_times(r, k, n->text) >= times) {
            int before = 0;     /* the first `times` of them are matched, the rest over */
            for (int j = 0; j < k; j++)
                before += strcmp(r->found[j].text, n->text) == 0 && notation_constant(&r->found[j]) &&
                          (r->found[j].cover == ASSERTED || r->found[j].over);
            if (before >= times) {
                n->over = times + 1;
                n->stated = stated_times(r, -1, n->text);
                n->cover = UNCOVERED;
            }
        }
    }
    /* Order: a formula (a display line's part, a table cell, a code span
     * of mathematics) with a counted notation constant is asserted when one
     * assertion of its tests reads its asserted numerals in the same order,
     * so a constant changed into another, or two swapped, goes red. */
    for (int k = 0; k < r->count; k++) {
        struct numeral *n = &r->found[k];
        int first = 1;
        if (n->cover != ASSERTED || !notation_constant(n) || n->unit == 0)
            continue;
        for (int j = 0; j < k; j++)
            first &= !(r->found[j].unit == n->unit && r->found[j].unordered);
        if (!first || in_order(suite, tests, index, r, n->unit, -1, NULL))
            continue;
        for (int j = k; j < r->count; j++) {
            struct numeral *x = &r->found[j];
            if (x->unit != n->unit || x->cover != ASSERTED || !notation_constant(x))
                continue;
            x->unordered = 1;
            if (unordered_lenient)
                unordered_here++;
            else
                x->cover = UNCOVERED;
        }
    }
    /* A hand change of the last digit, one up or one down: would the
     * changed numeral still be covered by the same tests or givens? */
    for (int k = 0; k < r->count; k++) {
        struct numeral *n = &r->found[k];
        char changed[MAX_NEIGHBOURS][MAX_TOKEN];
        int count;
        if (n->cover != ASSERTED && n->cover != GIVEN)
            continue;
        mutated++;
        if (set_has(given, n->text))
            continue;                   /* the note lists one occurrence more than stay */
        count = neighbours(n->text, n->word, changed);
        for (int i = 0; i < count; i++) {
            const char *weak;
            struct set after[2] = {{0}, {0}};   /* stated (once) after the change */
            int strength;
            stated_once(r, k, changed[i], after);
            /* the changed numeral is judged as what it reads: a 2 in a
             * formula changed to 3 is no notation constant any more */
            strength = asserted(suite, tests, index, changed[i], n->word, constant_as(n, changed[i]), after,
                                &weak);
            set_free(&after[0]);
            set_free(&after[1]);
            if (strength == 1 && constant_as(n, changed[i]) &&
                stated_times(r, k, changed[i]) + 1 > tests_times(suite, tests, index, changed[i]))
                strength = 0;           /* stated once more than the assertions read it */
            if (strength == 1 && n->unit && !unordered_lenient &&
                !in_order(suite, tests, index, r, n->unit, k, changed[i]))
                strength = 0;           /* no assertion reads the formula so changed */
            if (set_has(given, changed[i]))
                continue;               /* one occurrence more than the note lists */
            if (strength == 1 || (strength == 2 && lenient)) {
                survived++;
                if (mutations)
                    printf("%s:%d:%s: written as %s it would still be %s (%s)\n", path,
                           n->line, n->raw, changed[i],
                           "asserted",
                           notation_constant(n) || constant_as(n, changed[i]) ? "a notation constant"
                           : lenient                ? "a file on the weak list"
                                                    : "asserted");
                break;
            }
        }
    }
    /* A paragraph with no numeral to cover may still name tests: those that
     * back a cause it states (remove the cause, the effect goes). */
    for (int t = 0; t < tests->count; t++)
        if (index[t] >= 0 && !test_used[t] && open > 0)
            problem(path, first_line, "t:%s: the test holds none of this paragraph's numerals",
                    tests->item[t]);
    for (int g = 0; g < given->count; g++)
        if (!given_used[g])
            problem(path, first_line, "given %s does not occur in this paragraph", given_raw->item[g]);
        else if (given_used[g] != given->times[g])
            problem(path, first_line, "given %s is listed %d time%s, the paragraph states it %d "
                    "time%s: the note lists it once for each occurrence", given_raw->item[g],
                    given->times[g], given->times[g] == 1 ? "" : "s", given_used[g],
                    given_used[g] == 1 ? "" : "s");
    /* Givens in order: the note lists them in the order the paragraph
     * states them, so two swapped ("(3, 2)" into "(2, 3)") go red. */
    {
        int g = 0, all_counted = 1;
        for (int i = 0; i < given->count; i++)
            all_counted &= given_used[i] == given->times[i];
        for (int k = 0; all_counted && k < r->count; k++) {
            const struct numeral *n = &r->found[k];
            if (n->cover != GIVEN)
                continue;
            if (g >= given_order.count || strcmp(strchr(given_order.item[g], ':') + 1, n->text) != 0) {
                problem(path, n->line, "given %s is stated out of the note's order (the note "
                        "lists %s there): the note lists the givens in the order the paragraph "
                        "states them", n->raw,
                        g < given_order.count ? strchr(given_order.item[g], ':') + 1 : "nothing");
                break;
            }
            g++;
        }
    }
    free(test_used);
    free(given_used);
    free(index);
    set_free(&stated[0]);
    set_free(&stated[1]);
}

/* Parse "<!-- t:a t:b -->" and "<!-- given: 3, 0.05 -->" on a line. */
static void read_markers(const char *path, int line_number, const char *text, struct set *tests,
                         struct set *given, struct set *given_raw)
{
    char line[MAX_LINE];
    const char *p = line;
    /* a marker shown in a code span (`<!-- t:NAME -->`) is not one */
    snprintf(line, sizeof line, "%s", text);
    for (char *c = line; (c = strchr(c, '`')) != NULL;) {
        size_t ticks = strspn(c, "`");
        char fence[16];
        char *close;
        snprintf(fence, sizeof fence, "%.*s", (int)(ticks < 15 ? ticks : 15), c);
        close = strstr(c + ticks, fence);
        if (close == NULL)
            break;
        memset(c, ' ', (size_t)(close + ticks - c));
        c = close + ticks;
    }
    while ((p = strstr(p, "<!--")) != NULL) {
        const char *close = strstr(p, "-->");
        const char *q = p + 4;
        if (close == NULL)
            break;
        while (*q == ' ')
            q++;
        if (starts_with(q, "t:")) {
            while (q < close) {
                char name[256];
                size_t n;
                while (*q == ' ')
                    q++;
                if (q >= close)
                    break;
                if (!starts_with(q, "t:")) {
                    problem(path, line_number, "a test marker looks like <!-- t:name t:other -->");
                    break;
                }
                q += 2;
                n = strcspn(q, " -");
                if (q + n > close)
                    n = (size_t)(close - q);
                snprintf(name, sizeof name, "%.*s", (int)n, q);
                set_add(tests, name);
                q += n;
            }
        } else if (starts_with(q, "given:")) {
            char *list = must(strndup(q + 6, (size_t)(close - q - 6)));
            int any = 0;
            /* one entry per occurrence: "1, 1, 2" lists 1 twice; each
             * entry as written too, for the messages */
            for (char *entry = list, *next; entry; entry = next) {
                struct set found = {0};
                char *comma = entry;
                while ((comma = strchr(comma, ',')) != NULL && !(comma[1] == ' ' || comma[1] == '\0'))
                    comma++;
                next = comma ? comma + 1 : NULL;
                if (comma)
                    *comma = '\0';
                entry += strspn(entry, " ");
                for (size_t n = strlen(entry); n > 0 && entry[n - 1] == ' '; n--)
                    entry[n - 1] = '\0';
                scan_prose_numerals(entry, &found);
                for (int i = 0; i < found.count; i++)
                    for (int t = 0; t < found.times[i]; t++) {
                        char ordered[MAX_TOKEN + 16];
                        if (!set_has(given, found.item[i]))
                            set_add(given_raw, found.count == 1 ? entry : found.item[i]);
                        set_add(given, found.item[i]);
                        snprintf(ordered, sizeof ordered, "%d:%s", given_order.count, found.item[i]);
                        set_add(&given_order, ordered);
                        any = 1;
                    }
                set_free(&found);
            }
            if (!any)
                problem(path, line_number, "a given note looks like <!-- given: 4, 0.1 -->");
            free(list);
        }
        p = close + 3;
    }
}

/* Check one file; show_all lists its uncovered numerals even if pending. */
static int check_file(const char *path, int pending, int show_all, struct totals *all)
{
    char chapter[512], line[MAX_LINE];
    char *data = read_whole(path);
    const char *s;
    struct suite suite;
    struct reader r = {0};
    struct set tests = {0}, given = {0}, given_raw = {0};
    struct totals here = {{0}};
    int number = 0, in_fence = 0, in_woven = 0, paragraph_start = 0;
    int uncovered = 0;
    struct set commands = {0};          /* numerals of the commands this file runs or shows */
    struct set given_texts = {0};       /* every given of the file ... */
    int *given_lines = NULL;            /* ... and the line of its paragraph */

    if (data == NULL) {
        problem(path, 0, "cannot read it");
        return 0;
    }
    if (!chapter_of(path, chapter, sizeof chapter)) {
        problem(path, 0, "not a chapter (chapters/NN-slug/README.md) or worked answers "
                         "(solutions/NN-slug.md)");
        free(data);
        return 0;
    }
    load_tests(chapter, &suite);
    r.file = path;

    for (s = data;;) {
        int blank = 1, at_end = *s == '\0';
        if (!at_end) {
            size_t n = strcspn(s, "\n");
            if (n >= sizeof line) {
                problem(path, number + 1, "a line longer than %zu characters", sizeof line - 1);
                n = sizeof line - 1;
            }
            memcpy(line, s, n);
            line[n] = '\0';
            s += strcspn(s, "\n");
            if (*s == '\n')
                s++;
            number++;
            blank = 0;
            /* woven blocks: count their numerals, nothing to decide */
            if (in_woven) {
                if (strcmp(line, "<!-- end -->") == 0)
                    in_woven = 0;
                else if (!starts_with(line, "<sub>[")) {
                    struct reader block = {0};
                    read_text(&block, line, 1, WOVEN_BLOCK, NULL);
                    here.count[WOVEN_BLOCK] += block.count;
                    free(block.found);
                }
                blank = 1;
            } else if (!in_fence && !r.in_comment &&
                       (starts_with(line, "<!-- output") || starts_with(line, "<!-- listing:"))) {
                in_woven = 1;
                blank = 1;
                scan_prose_numerals(line, &commands);
            } else if (!in_fence && starts_with(line, "<!-- values:")) {
                scan_prose_numerals(line, &commands);
            } else if (starts_with(line, "```") || starts_with(line, "~~~")) {
                in_fence = !in_fence;
                blank = 1;
            } else if (in_fence || strspn(line, " \t") == strlen(line)) {
                blank = 1;
            }
        }
        if (blank && paragraph_start) {
            settle_paragraph(path, chapter, &r, paragraph_start, &tests, &given, &given_raw, &suite);
            for (int k = 0; k < r.count; k++) {
                struct numeral *x = &r.found[k];
                if (words_lenient && x->word && x->cover == UNCOVERED) {
                    words_here++;       /* on WORDS_LIST: counted, not failed */
                    continue;
                }
                here.count[x->cover]++;
                if (x->cover == UNCOVERED) {
                    uncovered++;
                    if ((!pending || show_all) && x->over)
                        printf("%s:%d:%s: uncovered: the paragraph's formulas state it %d times, "
                               "its tests' assertions read it %d: assert the formula it is in, "
                               "or mark an input given\n", path, x->line, x->raw, x->stated,
                               x->over - 1);
                    else if ((!pending || show_all) && x->unordered)
                        printf("%s:%d:%s: uncovered: no one assertion of its tests reads the "
                               "numerals of the formula it is in, in its order: assert what "
                               "the formula computes, its constants written as it writes "
                               "them, or mark an input given\n", path, x->line, x->raw);
                    else if ((!pending || show_all) && x->weak)
                        printf("%s:%d:%s: uncovered: the tests hold %s as well, so a hand change "
                               "to it would pass; assert %s where %s is not (an expected "
                               "value, a fixed()/sci() string) or weave it\n",
                               path, x->line, x->raw, x->neighbour, x->raw, x->neighbour);
                    else if (!pending || show_all)
                        printf("%s:%d:%s: uncovered\n", path, x->line, x->raw);
                } else if (verbose) {
                    printf("%s:%d:%s: %s%s%s\n", path, x->line, x->raw, cover_name[x->cover],
                           x->why && x->why[0] ? ": " : "", x->why ? x->why : "");
                }
                if (x->cover == EXEMPT && x->why && strcmp(x->why, "typed in a code span") == 0)
                    set_add(&commands, x->text);
            }
            for (int g = 0; g < given.count; g++) {
                if (set_has(&given_texts, given.item[g]))
                    continue;
                set_add(&given_texts, given.item[g]);
                given_lines = must(realloc(given_lines, (size_t)given_texts.count * sizeof *given_lines));
                given_lines[given_texts.count - 1] = paragraph_start;
            }
            r.count = 0;
            paragraph_start = 0;
            set_free(&tests);
            set_free(&given);
            set_free(&given_raw);
            set_free(&given_order);
        }
        if (at_end)
            break;
        if (!blank) {
            if (!paragraph_start)
                paragraph_start = number;
            r.line = number;
            r.reference = 0;
            r.display = starts_with(line, "    ");
            r.table = line[strspn(line, " ")] == '|';
            r.unit = r.display || r.table ? ++r.units : 0;
            read_markers(path, number, line, &tests, &given, &given_raw);
            /* the paragraph's next line, for a number word whose unit opens it */
            continuation = *s && strspn(s, " \t") != strcspn(s, "\n") && !starts_with(s, "```") &&
                                   !starts_with(s, "~~~") ? s : NULL;
            read_text(&r, line, 0, UNCOVERED, NULL);
            continuation = NULL;
        }
    }
    /* A given is an input the code sets: it must be written in some
     * chapter's code or in a command of this file.  A result marked given
     * (computed, so written nowhere) is caught here. */
    for (int g = 0; g < given_texts.count; g++)
        if (!set_has(&code_numerals, given_texts.item[g]) &&
            !set_has(&commands, given_texts.item[g]))
            problem(path, given_lines[g], "given %s is in none of the book's code (the .c and "
                    ".h files of chapters/, solutions/, tests/) nor in a command of this file: "
                    "a given is an input some code sets; assert or weave a result",
                    given_texts.item[g]);
    set_free(&commands);
    set_free(&given_texts);
    free(given_lines);
    free(r.found);
    free_tests(&suite);
    free(data);

    for (int k = 0; k < NOT_COUNTED; k++)
        all->count[k] += here.count[k];
    if (pending && !show_all)
        printf("%s: pending conversion: %d numeral%s uncovered\n", path, uncovered,
               uncovered == 1 ? "" : "s");
    else
        printf("%s: %d woven (%d in blocks, %d values), %d asserted, %d exempt (%d given), "
               "%d uncovered%s\n",
               path, here.count[WOVEN_BLOCK] + here.count[WOVEN_VALUE], here.count[WOVEN_BLOCK],
               here.count[WOVEN_VALUE], here.count[ASSERTED], here.count[EXEMPT] + here.count[GIVEN],
               here.count[GIVEN], uncovered, pending ? " (listed as pending)" : "");
    return uncovered;
}

/* Every numeral written in the book's code, the .c and .h files of
 * chapters/NN-slug/, solutions/NN-slug/ and tests/, read as a test body
 * is: where an input is set, so what a given may be. */
static void collect_code_numerals_in(const char *top)
{
    DIR *outer = opendir(top), *folder;
    struct dirent *entry, *file;
    struct set no_defines = {0};
    if (outer == NULL)
        return;
    while ((entry = readdir(outer)) != NULL) {
        char path[1024];
        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", top, entry->d_name);
        if ((folder = opendir(path)) == NULL) {
            /* a file right in top (tests/NN-slug.c) */
            size_t n = strlen(entry->d_name);
            char *data;
            if (n > 2 && (strcmp(entry->d_name + n - 2, ".c") == 0 ||
                          strcmp(entry->d_name + n - 2, ".h") == 0) &&
                (data = read_whole(path)) != NULL) {
                scan_c_numerals(data, &no_defines, NULL, &code_numerals);
                free(data);
            }
            continue;
        }
        while ((file = readdir(folder)) != NULL) {
            size_t n = strlen(file->d_name);
            char source[2048], *data;
            if (n < 3 || (strcmp(file->d_name + n - 2, ".c") != 0 &&
                          strcmp(file->d_name + n - 2, ".h") != 0))
                continue;
            snprintf(source, sizeof source, "%s/%s", path, file->d_name);
            if ((data = read_whole(source)) != NULL)
                scan_c_numerals(data, &no_defines, NULL, &code_numerals);
            free(data);
        }
        closedir(folder);
    }
    closedir(outer);
}

static void collect_code_numerals(void)
{
    collect_code_numerals_in("chapters");
    collect_code_numerals_in("solutions");
    collect_code_numerals_in("tests");
}

/* ------------------------------------------------------------ main */

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The files named by a transition list (one a line, '#' comments and
 * blank lines skipped) into *into; a name that is no file of all is a
 * problem of the list's line.  A missing list is an empty one. */
static void read_file_list(const char *path, const struct set *all, struct set *into)
{
    char *list = read_whole(path);
    int number = 0;
    if (list == NULL)
        return;
    for (char *line = strtok(list, "\n"); line; line = strtok(NULL, "\n")) {
        number++;
        while (*line == ' ')
            line++;
        if (line[0] == '#' || line[0] == '\0')
            continue;
        if (!set_has(all, line))
            problem(path, number, "%s is not a chapter or worked answers file", line);
        set_add(into, line);
    }
    free(list);
}

int main(int argc, char **argv)
{
    struct set files = {0}, pending = {0}, only = {0}, all_files = {0}, weak = {0};
    struct set unordered = {0}, words = {0};
    int words_numerals = 0, words_files = 0;
    int weak_numerals = 0, weak_files = 0, unordered_numerals = 0, unordered_files = 0;
    struct totals totals = {{0}};
    int explicit_files = 0, failed_files = 0, pending_numerals = 0, pending_files = 0;
    DIR *dir;
    struct dirent *entry;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--mutations") == 0)
            mutations = 1;
        else if (strcmp(argv[i], "--only") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "numerals: --only needs a chapter (e.g. --only 04-batches)\n");
                return 2;
            }
            while (i + 1 < argc && argv[i + 1][0] != '-')
                set_add(&only, argv[++i]);
        } else if (argv[i][0] == '-') {
            fprintf(stderr, "usage: numerals [-v] [--mutations] [--only CHAPTER...] [FILE...]\n");
            return 2;
        } else {
            set_add(&files, argv[i]);
            explicit_files = 1;
        }
    }

    /* every chapter and worked answers, for the equation labels */
    dir = opendir("chapters");
    if (dir == NULL) {
        fprintf(stderr, "numerals: run me from the top of the repository\n");
        return 2;
    }
    while ((entry = readdir(dir)) != NULL) {
        char path[1024];
        FILE *probe;
        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "chapters/%s/README.md", entry->d_name);
        if ((probe = fopen(path, "r")) == NULL)
            continue;
        fclose(probe);
        set_add(&all_files, path);
        snprintf(path, sizeof path, "solutions/%s.md", entry->d_name);
        if ((probe = fopen(path, "r")) != NULL) {
            fclose(probe);
            set_add(&all_files, path);
        }
    }
    closedir(dir);
    qsort(all_files.item, (size_t)all_files.count, sizeof *all_files.item, by_name);
    collect_code_numerals();
    for (int i = 0; i < all_files.count; i++) {
        char *data = read_whole(all_files.item[i]);
        if (data)
            collect_labels(data);
        free(data);
    }

    /* the files not yet converted */
    read_file_list(PENDING_LIST, &all_files, &pending);

    /* the files whose tests still assert some numerals only by presence */
    read_file_list(WEAK_LIST, &all_files, &weak);

    /* the files whose formulas are not yet all asserted in order */
    read_file_list(ORDER_LIST, &all_files, &unordered);

    /* the files whose number words before a unit are not yet covered */
    read_file_list(WORDS_LIST, &all_files, &words);

    if (!explicit_files) {
        for (int i = 0; i < all_files.count; i++) {
            char chapter[512];
            chapter_of(all_files.item[i], chapter, sizeof chapter);
            if (only.count == 0 || set_has(&only, chapter))
                set_add(&files, all_files.item[i]);
        }
        for (int i = 0; i < only.count; i++) {
            char path[1024];
            snprintf(path, sizeof path, "chapters/%s/README.md", only.item[i]);
            if (!set_has(&all_files, path)) {
                fprintf(stderr, "numerals: --only %s: no %s\n", only.item[i], path);
                return 2;
            }
        }
    }

    for (int i = 0; i < files.count; i++) {
        int is_pending = set_has(&pending, files.item[i]);
        int uncovered;
        lenient = set_has(&weak, files.item[i]) && !explicit_files;
        unordered_lenient = set_has(&unordered, files.item[i]) && !explicit_files;
        words_lenient = set_has(&words, files.item[i]) && !explicit_files;
        weak_here = unordered_here = words_here = 0;
        uncovered = check_file(files.item[i], is_pending, explicit_files, &totals);
        if (words_lenient) {
            words_numerals += words_here;
            words_files++;
            printf("%s: number words not yet covered: %d (%s)\n", files.item[i], words_here,
                   WORDS_LIST);
            if (words_here == 0)
                problem(WORDS_LIST, 0, "%s has no uncovered number word left: take it off the "
                        "list", files.item[i]);
        }
        if (unordered_lenient) {
            unordered_numerals += unordered_here;
            unordered_files++;
            printf("%s: formulas not asserted in order: %d notation constant%s (%s)\n",
                   files.item[i], unordered_here, unordered_here == 1 ? "" : "s", ORDER_LIST);
            if (unordered_here == 0 && !is_pending)
                problem(ORDER_LIST, 0, "%s asserts every formula in order now: take it off the "
                        "list", files.item[i]);
        }
        if (lenient) {
            weak_numerals += weak_here;
            weak_files++;
            printf("%s: weakly asserted: %d numeral%s (%s)\n", files.item[i], weak_here,
                   weak_here == 1 ? "" : "s", WEAK_LIST);
            if (weak_here == 0 && !is_pending)
                problem(WEAK_LIST, 0, "%s asserts every numeral strongly now: take it off the "
                        "list", files.item[i]);
        }
        if (is_pending && !explicit_files) {
            pending_numerals += uncovered;
            pending_files++;
            if (uncovered == 0)
                problem(PENDING_LIST, 0, "%s has no uncovered numeral left: take it off the list",
                        files.item[i]);
        } else if (uncovered > 0) {
            failed_files++;
        }
    }

    printf("numerals: %d woven (%d in blocks, %d values), %d asserted, %d exempt (%d given), "
           "%d uncovered",
           totals.count[WOVEN_BLOCK] + totals.count[WOVEN_VALUE], totals.count[WOVEN_BLOCK],
           totals.count[WOVEN_VALUE], totals.count[ASSERTED],
           totals.count[EXEMPT] + totals.count[GIVEN], totals.count[GIVEN],
           totals.count[UNCOVERED] - pending_numerals);
    if (pending_files)
        printf("; pending conversion: %d numerals in %d file%s (%s)", pending_numerals,
               pending_files, pending_files == 1 ? "" : "s", PENDING_LIST);
    printf("\n");
    if (weak_files)
        printf("numerals: weakly asserted (a neighbour is in the tests too): %d numerals in %d "
               "file%s (%s)\n", weak_numerals, weak_files, weak_files == 1 ? "" : "s", WEAK_LIST);

    if (unordered_files)
        printf("numerals: formulas not yet asserted in order (excused): %d notation constants "
               "in %d file%s (%s)\n", unordered_numerals, unordered_files,
               unordered_files == 1 ? "" : "s", ORDER_LIST);

    if (words_files)
        printf("numerals: number words before a unit not yet covered: %d in %d file%s (%s)\n",
               words_numerals, words_files, words_files == 1 ? "" : "s", WORDS_LIST);

    if (mutated > 0)
        printf("numerals: %d of the %d asserted or given numerals would survive a hand change "
               "of their last digit by one (--mutations lists them)\n", survived, mutated);

    set_free(&files);
    set_free(&pending);
    set_free(&words);
    set_free(&weak);
    set_free(&unordered);
    set_free(&only);
    set_free(&all_files);
    set_free(&labels);
    set_free(&code_numerals);
    if (error_count > 0 || failed_files > 0) {
        printf("numerals: FAILED: %d file%s with uncovered numerals, %d other problem%s\n",
               failed_files, failed_files == 1 ? "" : "s", error_count, error_count == 1 ? "" : "s");
        if (failed_files > 0)
            printf("numerals: weave each uncovered one (<!-- v:NAME -->), assert it (its "
                   "paragraph ends with <!-- t:TEST -->) or, if it is an input, mark it "
                   "<!-- given: ... -->; the rule: chapter 0, \"Numbers in the text\"\n");
        if (failed_files > 0)
            printf("numerals: a note of your own in a chapter? Numbers inside <!-- ... --> are "
                   "not checked; or keep your notes in a file outside chapters/ and solutions/\n");
        if (failed_files > 0)
            printf("numerals: a number of the text changed by hand? The text says what the "
                   "code computes: git diff -- chapters solutions shows your edits\n");
        return 1;
    }
    return 0;
}
