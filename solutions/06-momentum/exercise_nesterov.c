/* Exercise 4 of chapter 6, an answer.  With q = 1/kappa and p = 1 - q the
 * discriminant (1 + beta)^2 p^2 - 4 beta p vanishes when
 * p beta^2 + (2p - 4) beta + p = 0; the root below 1 is
 * beta = (1 - sqrt(1 - p))^2 / p = (sqrt kappa - 1) / (sqrt kappa + 1). */
#include "06-momentum/exercises.h"

#include <math.h>

double nesterov_double_root_momentum(double kappa)
{
    double root = sqrt(kappa);
    return (root - 1.0) / (root + 1.0);
}
