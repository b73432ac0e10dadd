/* clip.c: torch.nn.utils.clip_grad_norm_ and clip_grad_value_ (see clip.h). */
#include "10-failures/clip.h"

#include <math.h>

#include "00-toolkit/csv.h"

/* ANCHOR: clip */
double clip_grad_norm(double *grad, size_t dim, double max_norm)
{
    double norm = vec_norm(grad, dim);
    double coefficient = max_norm / (norm + CLIP_EPS);          /* (10.4) */
    if (coefficient > 1.0)          /* torch.clamp(max=1): a NaN stays NaN */
        coefficient = 1.0;
    for (size_t i = 0; i < dim; i++)
        grad[i] *= coefficient;     /* times 1 changes nothing */
    return norm;
}

void clip_grad_value(double *grad, size_t dim, double value)
{
    for (size_t i = 0; i < dim; i++) {                           /* (10.5) */
        if (grad[i] < -value)       /* comparisons, not fmax/fmin: */
            grad[i] = -value;       /* a NaN stays NaN, as in torch.clamp */
        else if (grad[i] > value)
            grad[i] = value;
    }
}
/* ANCHOR_END: clip */
