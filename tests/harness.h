/* harness.h: what every Check suite of the book shares.
 *
 * A chapter's tests live in tests/NN-slug.c and define chapter_suite();
 * its exercise tests live in tests/NN-slug-exercises.c and define
 * exercise_suite().  tests/main.c runs them (see the Makefile):
 *   build/tests/NN-slug        the chapter's suite and the exercises, run
 *                              against the reference code in solutions/
 *   build/tests/NN-slug-yours  the exercises against the stubs in chapters/
 * Debugging one test: CK_FORK=no CK_RUN_CASE="..." gdb build/tests/NN-slug
 *
 * Writing a code exercise (the Makefile finds it by these names alone):
 *   chapters/NN-slug/exercise_WHAT.c   the stub: each function it defines
 *       starts with TODO("a hint that names the idea, not the answer");
 *       its prototypes go in chapters/NN-slug/exercises.h
 *   solutions/NN-slug/exercise_WHAT.c  the reference answer, same functions
 *   tests/NN-slug-exercises.c          exercise_suite(): one ADD_EXERCISE per
 *       exercise, titled "N.M what it asks" with N.M the number the chapter
 *       gives it (exercise M of chapter N); each test says GIVEN(...) the
 *       call it makes, calls the learner's function, then
 *       RETURN_IF_PENDING(), then EXPECT_ANSWER(...) for each answer.
 * An optimizer exercise has the step interface of 00-toolkit/optimizer.h:
 * tests/exercise_race.h races it against the book's kind on random cases
 * and names the wrong variant it matches; a line LAB_YOURS(kind, step,
 * "N.M") in tests/lab-yours.c makes `make lab-yours` run it in the lab.
 * Each stub is compiled on its own: one that does not compile, does not
 * link (tests/stubs.sh) or is missing is replaced by a stand-in that
 * reports it with its first error or the name it lacks, one
 * that crashes or loops is stopped and named with the line of the
 * learner's file it was running (tests/main.c reads it with addr2line, on
 * Linux) and the call GIVEN, and the other exercises and chapters still
 * run.  `make hint EX=N.M` prints the TODO's hint and
 * `make reset EX=N.M` restores the stub, both found by the title's number.
 */
#ifndef DESCENT_HARNESS_H
#define DESCENT_HARNESS_H

/* Check prints doubles with 6 digits unless told otherwise: a failure must
 * show enough digits to tell 3.2 from 3.2000000001. */
#define CK_FLOATING_DIG 17
#include <check.h>
#include <math.h>
#include <stdint.h>

#include "00-toolkit/exercise.h"

Suite *chapter_suite(void);
Suite *exercise_suite(void);

/* An exercise's time limit, in seconds (times CK_TIMEOUT_MULTIPLIER): a
 * stub still running after it is stopped and reported as an endless loop. */
#define EXERCISE_SECONDS 2

/* One exercise is one test case, titled "N.M what it asks": a fresh
 * TCase with the harness's fixture and time limit, for ADD_EXERCISE. */
TCase *exercise_case(const char *title);
#define ADD_EXERCISE(suite, title, test)                    \
    do {                                                    \
        TCase *exercise_case_ = exercise_case(title);       \
        tcase_add_test(exercise_case_, test);               \
        suite_add_tcase((suite), exercise_case_);           \
    } while (0)

/* In an exercise test, after calling the learner's function: if it is still
 * the TODO stub, end the test here, marked "pending: ..." (the runner of
 * your exercises counts it as pending, not failed). */
void exercise_end_if_pending(void);
#define RETURN_IF_PENDING() exercise_end_if_pending()

/* GIVEN("largest_stable_eta({25, 4, 9}, 3)"): the call, with its inputs
 * as the learner would write them, that the next EXPECT_ANSWERs check
 * (printf format).  Say it before making the call: a crash or an endless
 * loop in it shows it too.  Without it a failure shows the expression
 * tested. */
void exercise_given(const char *format, ...);
#define GIVEN(...) exercise_given(__VA_ARGS__)

/* An exercise answer: it passes when |got - expected| <= tolerance (an
 * absolute tolerance; a NaN never passes).  Otherwise the test fails,
 * naming the exercise's function, file and first line, the call (GIVEN),
 * expected and got (to as many digits as tell them apart; all 17 under
 * CK_VERBOSITY=verbose) and the hint. */
void exercise_expect(const char *expression, double got, double expected, double tolerance,
                     const char *hint);
#define EXPECT_ANSWER(got, expected, tolerance, hint) \
    exercise_expect(#got, (double)(got), (double)(expected), (double)(tolerance), (hint))

/* The same for an answer the chapter asks the reader to predict before
 * running the test: a failure says `unshown` ("the count you predicted
 * from (1.3)") instead of the expected value.  Exactly. */
void exercise_expect_unshown(const char *expression, double got, double expected,
                             const char *unshown, const char *hint);
#define EXPECT_ANSWER_UNSHOWN(got, expected, unshown, hint) \
    exercise_expect_unshown(#got, (double)(got), (double)(expected), (unshown), (hint))

/* The learner's functions in a build/tests/NN-slug-yours program, written
 * by tests/stubs.sh: name, the stub's file, why it is a stand-in (the
 * reference answer) when the stub does not compile, does not link or is
 * missing (a sentence starting "your f() ..." or with the file; NULL
 * otherwise), and its address.
 * The stubs are compiled with -finstrument-functions, so the harness knows
 * which of them is running when a test crashes or loops. */
struct stub_function {
    const char *name, *file, *broken;
    uintptr_t address;
};
void exercise_use_stubs(const struct stub_function *table);

/* A number as the prose rounds it, for ck_assert_str_eq: fixed(4, 1 / h)
 * is "0.0337" ("%.*f"), sci(1, 0.00451) is "4.5e-3" ("%.*e" with the
 * exponent's "+" and leading zeros dropped, as the book writes it).  Each
 * returns one of eight rotating buffers, so a few calls can share one
 * assertion.  The literal in the test is what tests/numerals.c matches
 * against the prose. */
const char *fixed(int digits, double x);
const char *sci(int digits, double x);

#endif
