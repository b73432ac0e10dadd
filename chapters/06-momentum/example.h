/* example.h: chapter 6's worked example, run by the program and the tests. */
#ifndef DESCENT_EXAMPLE_06_H
#define DESCENT_EXAMPLE_06_H

#include <stdbool.h>

/* Three steps of sgd_kind on f = 1/2 (x1^2 + 3 x2^2) from (1, 1), lr = 1/4:
 * x[k] = x^(k) and b[k] = b^(k), the momentum buffer after step k, for
 * k = 0..3. */
void worked_example_steps(double momentum, bool nesterov, double x[4][2], double b[4][2]);

#endif
