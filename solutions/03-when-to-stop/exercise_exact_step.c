/* Chapter 3, exercise 5, a reference answer: (3.3). */
#include "03-when-to-stop/exercises.h"

double exact_step_yours(const double *grad, const double *hessian_grad, size_t dim)
{
    double gg = 0.0, ghg = 0.0;
    for (size_t i = 0; i < dim; i++) {
        gg += grad[i] * grad[i];
        ghg += grad[i] * hessian_grad[i];
    }
    return gg > 0.0 && ghg > 0.0 ? gg / ghg : 0.0;
}
