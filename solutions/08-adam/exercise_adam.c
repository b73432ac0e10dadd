/* Chapter 8, exercise 4, a reference answer: Adam from equations (8.1)-(8.4). */
#include "08-adam/exercises.h"

#include <math.h>

void adam_from_memory(double *theta, double *m, double *v, const double *grad, size_t dim,
                      long t, double lr, double beta1, double beta2, double eps)
{
    for (size_t i = 0; i < dim; i++) {
        m[i] = beta1 * m[i] + (1.0 - beta1) * grad[i];              /* (8.1) */
        v[i] = beta2 * v[i] + (1.0 - beta2) * grad[i] * grad[i];    /* (8.2) */
        double m_hat = m[i] / (1.0 - pow(beta1, (double)t));        /* (8.3) */
        double v_hat = v[i] / (1.0 - pow(beta2, (double)t));
        theta[i] -= lr * m_hat / (sqrt(v_hat) + eps);               /* (8.4) */
    }
}
