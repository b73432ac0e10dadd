/* book_gradients.h: every gradient of the book, checked.
 *
 * Each built-in function of chapter 0 and chapter 4's regression loss is
 * checked at random points, two ways: its analytic gradient against the
 * complex step (complex_functions.h), which is exact to rounding, and
 * against the central difference of gradcheck() (5.6), as the lab's
 * --gradcheck does.  New objectives (chapter 11's network) join the list.
 */
#ifndef DESCENT_BOOK_GRADIENTS_H
#define DESCENT_BOOK_GRADIENTS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define BOOK_OBJECTIVES 8       /* rows of the table */
#define BOOK_POINTS 32          /* random points per objective */
#define BOOK_SEED 5             /* rng_seed of the points */

struct book_gradient {
    const char *name;           /* the --function spec, or "regression" */
    size_t dim;
    double complex_worst;       /* max r (5.7) of analytic vs complex step */
    double central_worst;       /* max r (5.7) of analytic vs (5.2), gradcheck */
};

/* Fill rows[0..BOOK_OBJECTIVES): each objective at BOOK_POINTS points
 * drawn from rng_seed(seed), each coordinate uniform on [-2, 2] (x2sinx:
 * [-6, 6]; the regression's weights: [-2, 2] around 0). */
void check_book_gradients(struct book_gradient *rows, uint64_t seed);

/* The table of the chapter: check_book_gradients(BOOK_SEED), printed to
 * out. */
void book_gradients_report(FILE *out);

#endif
