/* network_complex.c: the complex step of the network's losses
 * (network_complex.h), from the one forward pass of forward_pass.h. */
#include "11-tiny-network/network_complex.h"
#include "00-toolkit/fail.h"
#include "05-checking-gradients/complex_functions.h"
#include "05-checking-gradients/differences.h"

#include <math.h>
#include <stdlib.h>

/* log(1 + w) for the complex step, where Im w is of the order of h: the
 * real part log1p(Re w) keeps the accuracy of log1p near w = 0 (clog(1 + w)
 * would lose it), and the imaginary part arg(1 + w) is exact.  Against
 * the true log|1 + w| the real part is off by O((Im w)^2), about 1e-40. */
static double complex log1p_complex(double complex w)
{
    return complex_of(log1p(creal(w)), carg(1.0 + w));
}

/* The sample as complex numbers with imaginary part 0. */
static const double complex *input_complex(double complex *buffer, const double *x,
                                           size_t count)
{
    for (size_t c = 0; c < count; c++)
        buffer[c] = x[c];
    return buffer;
}

#define SCALAR double complex
#define SCALARED(name) name##_complex
#define REAL(v) creal(v)
#define EXP cexp
#define LOG clog
#define LOG1P log1p_complex
#define TANH ctanh
#define INPUT(buffer, x, count) input_complex(buffer, x, count)
#include "11-tiny-network/forward_pass.h"

double complex network_loss_complex(const struct network *net, const double complex *theta,
                                    const struct dataset *data, const size_t *batch,
                                    size_t size)
{
    if (data->features != net->inputs)
        fail(EXIT_USAGE, "the data have %zu features, the model %zu inputs", data->features,
             net->inputs);
    /* a, u [H], z [K], the sample [D] */
    double complex *work = xcalloc(2 * net->hidden + net->outputs + net->inputs, sizeof *work);
    double complex loss = mean_loss_complex(net, work, theta, data, batch, size);
    free(work);
    return loss;
}

/* ANCHOR: complex_step */
void network_complex_step(const struct network *net, double *grad, const double *theta,
                          const struct dataset *data, const size_t *batch, size_t size)
{
    size_t dim = network_dim(net);
    double complex *z = xcalloc(dim, sizeof *z);
    for (size_t p = 0; p < dim; p++)
        z[p] = theta[p];
    for (size_t p = 0; p < dim; p++) {
        z[p] = complex_of(theta[p], COMPLEX_STEP);                  /* theta + ih e_p */
        grad[p] = cimag(network_loss_complex(net, z, data, batch, size)) / COMPLEX_STEP;
        z[p] = theta[p];
    }
    free(z);
}
/* ANCHOR_END: complex_step */
