/* functions.h: the book's test functions, with exact gradients.
 *
 * Each function is a value and an analytic gradient (never a finite
 * difference), a name, its parameters and a default starting point, so that
 * chapters, tests and the lab all optimise the very same f.
 *
 *   quadratic:a1,...,an  1/2 sum a_i x_i^2                 [a = 1,10]  x0 = 1,...
 *   rosenbrock:a,b       (a - x1)^2 + b (x2 - x1^2)^2      [1, 100]    x0 = -1.5, 2
 *   beale                sum_k (c_k - x1 + x1 x2^k)^2, c = 1.5, 2.25, 2.625
 *                                                                     x0 = 1, 1.5
 *   himmelblau           (x1^2 + x2 - 11)^2 + (x1 + x2^2 - 7)^2       x0 = 0, 0
 *   booth                (x1 + 2 x2 - 7)^2 + (2 x1 + x2 - 5)^2        x0 = 0, 0
 *   x2sinx               x^2 sin x (one dimension)                    x0 = 3
 */
#ifndef DESCENT_FUNCTIONS_H
#define DESCENT_FUNCTIONS_H

#include <stddef.h>

#define FUNCTION_MAX_DIM 64

struct function {
    const char *name;
    size_t dim;                             /* number of coordinates */
    size_t param_count;
    double param[FUNCTION_MAX_DIM];         /* a_i, or (a, b), ... */
    double start[FUNCTION_MAX_DIM];         /* default x0, dim entries */
    double (*value)(const struct function *f, const double *x);   /* f(x), x[0..dim) */
    /* grad[0..dim) <- the exact gradient at x[0..dim) */
    void (*gradient)(const struct function *f, double *grad, const double *x);
};

/* The function named by spec, "name" or "name:p1,p2,..." (the table
 * above; chapter 0, "Test functions").  An unknown name or a wrong
 * parameter list is a usage error naming flag (exit 2, fail.h). */
struct function function_from_spec(const char *flag, const char *spec);

/* A quadratic 1/2 sum a_i x_i^2 with curvature[0..dim) as a_i, starting
 * at x0 = 1,...,1.  The caller guarantees 1 <= dim <= FUNCTION_MAX_DIM
 * and every a_i > 0 (nothing is checked here; function_from_spec checks
 * what a user types). */
struct function quadratic(const double *curvature, size_t dim);

/* The names function_from_spec knows, comma-separated, for messages. */
extern const char function_names[];

#endif
