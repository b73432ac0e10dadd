/* Chapter 1, exercise 5, a reference answer: (1.1). */
#include "01-update-rule/exercises.h"

void gd_step_yours(double *theta, const double *grad, size_t dim, double eta)
{
    for (size_t i = 0; i < dim; i++) {
        theta[i] -= eta * grad[i];
    }
}
