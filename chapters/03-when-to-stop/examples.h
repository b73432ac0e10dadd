/* examples.h: chapter 3's worked examples, run by build/ch03 and asserted
 * by tests/03-when-to-stop.c (one code path for both). */
#ifndef DESCENT_EXAMPLES_03_H
#define DESCENT_EXAMPLES_03_H

#include <stdio.h>

#include "03-when-to-stop/line_search.h"
#include "03-when-to-stop/stopping.h"

/* The valley of chapter 1, f = 1/2 (x1^2 + 10 x2^2), and its worst start. */
extern const double valley_curvature[2];
#define VALLEY_KAPPA 10.0

/* Three exact line-search steps on the valley from (10, 1): x[k] = x^(k),
 * loss[k] = f(x^(k)), grad[k] = grad f(x^(k)) for k = 0..3, alpha[k] the
 * step from x^(k) to x^(k+1). */
void kappa_10_steps(double x[4][2], double loss[4], double grad[4][2], double alpha[3]);

/* The thresholds of the stopping examples: eps = 1e-3 for the gradient,
 * 1e-6 for the loss change and for the step length. */
extern const struct stop_thresholds chapter_thresholds;

enum stop_example { PLATEAU, CRAWL, UNITS_SMALL, UNITS_PLAIN, STOP_EXAMPLES };

/* One stopping example: what it runs and where each rule fires. */
struct stop_case {
    const char *what;       /* for tables */
    struct stop_report report;
};
struct stop_case stop_example(enum stop_example which);

/* The valley from (1, 1) to ||grad f|| < 1e-6 with one step rule:
 * NONE is eta = 0.15 (chapter 1), ARMIJO starts from alpha0 = 1
 * (c = 1e-4, rho = 1/2).  trace as in line_search_descent. */
struct descent_run valley_run(enum line_search search, double *x, FILE *trace);

/* Rosenbrock from (-1.5, 2) to ||grad f|| < 1e-6 (or 200000 steps):
 * LINE_SEARCH_NONE with step lr, or ARMIJO from alpha0 = lr with c = 1e-4,
 * rho = 1/2.  x gets the last iterate; *error = ||x - (1, 1)||. */
struct descent_run rosenbrock_run(enum line_search search, double lr, double *x,
                                  double *error, FILE *trace, long every);

#endif
