/* Exercise 3.3 (chapter 3), a reference answer: backtracking to (3.5). */
#include "03-when-to-stop/exercises.h"

double armijo_yours(const struct function *f, const double *x, double fx, const double *grad,
                    double alpha0, double c, double rho, long *evaluations)
{
    double trial[FUNCTION_MAX_DIM], gg = 0.0, alpha = alpha0;
    for (size_t i = 0; i < f->dim; i++)
        gg += grad[i] * grad[i];
    *evaluations = 0;
    for (int tries = 0; tries < 60; tries++) {
        for (size_t i = 0; i < f->dim; i++)
            trial[i] = x[i] - alpha * grad[i];
        ++*evaluations;
        if (f->value(f, trial) <= fx - c * alpha * gg)
            return alpha;
        alpha *= rho;
    }
    return 0.0;
}
