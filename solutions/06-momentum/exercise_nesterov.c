/* Exercise 6.4, an answer.  With h = 1/kappa and q = 1 - h the discriminant
 * (1 + b)^2 q^2 - 4 b q vanishes when q b^2 + (2q - 4) b + q = 0; the root
 * below 1 is b = (1 - sqrt(1 - q))^2 / q = (sqrt kappa - 1) / (sqrt kappa + 1). */
#include "06-momentum/exercises.h"

#include <math.h>

double nesterov_double_root_momentum(double kappa)
{
    double root = sqrt(kappa);
    return (root - 1.0) / (root + 1.0);
}
