/* harness.h: what every Check suite of the book shares.
 *
 * A chapter's tests live in tests/NN-slug.c and define chapter_suite();
 * its exercise tests live in tests/NN-slug-exercises.c and define
 * exercise_suite().  tests/main.c runs them (see the Makefile):
 *   build/tests/NN-slug        the chapter's suite and the exercises, run
 *                              against the reference code in solutions/
 *   build/tests/NN-slug-yours  the exercises against the stubs in chapters/,
 *                              listing each untouched stub as pending
 * Debugging one test: CK_FORK=no CK_RUN_CASE="..." gdb build/tests/NN-slug
 */
#ifndef DESCENT_HARNESS_H
#define DESCENT_HARNESS_H

/* Check prints doubles with 6 digits unless told otherwise: a failure must
 * show enough digits to tell 3.2 from 3.2000000001. */
#define CK_FLOATING_DIG 17
#include <check.h>
#include <math.h>

#include "00-toolkit/exercise.h"

Suite *chapter_suite(void);
Suite *exercise_suite(void);

/* One exercise is one test case, titled "N.M what it asks". */
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

/* An exercise answer: fails with got, expected, tolerance and a hint. */
#define EXPECT_ANSWER(got, expected, tolerance, hint)                          \
    do {                                                                       \
        double got_ = (got), expected_ = (expected);                           \
        ck_assert_msg(fabs(got_ - expected_) <= (tolerance),                   \
                      "%s is %.17g, expected %.17g (tolerance %g). Hint: %s",  \
                      #got, got_, expected_, (double)(tolerance), (hint));     \
    } while (0)

/* A number as the prose rounds it, for ck_assert_str_eq: fixed(4, 1 / h)
 * is "0.0337" ("%.*f"), sci(1, 0.00451) is "4.5e-3" ("%.*e" with the
 * exponent's "+" and leading zeros dropped, as the book writes it).  Each
 * returns one of eight rotating buffers, so a few calls can share one
 * assertion.  The literal in the test is what tests/numerals.c matches
 * against the prose. */
const char *fixed(int digits, double x);
const char *sci(int digits, double x);

#endif
