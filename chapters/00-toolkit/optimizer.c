/* optimizer.c: state handling shared by every optimizer (see optimizer.h). */
#include "00-toolkit/optimizer.h"
#include "00-toolkit/fail.h"

#include <stdlib.h>
#include <string.h>

void optimizer_init(struct optimizer *opt, const struct optimizer_kind *kind,
                    const struct hyper *hyper, size_t dim)
{
    opt->kind = kind;
    opt->hyper = *hyper;
    opt->dim = dim;
    for (int b = 0; b < OPTIMIZER_BUFFERS; b++)
        opt->buffer[b] = xcalloc(dim, sizeof(double));
    optimizer_reset(opt);
}

void optimizer_step(struct optimizer *opt, double *theta, const double *grad)
{
    opt->step_count += 1;
    opt->kind->step(opt, theta, grad);
}

void optimizer_reset(struct optimizer *opt)
{
    opt->step_count = 0;
    opt->product = 1.0;
    for (int b = 0; b < OPTIMIZER_BUFFERS; b++)
        memset(opt->buffer[b], 0, opt->dim * sizeof(double));
}

void optimizer_free(struct optimizer *opt)
{
    for (int b = 0; b < OPTIMIZER_BUFFERS; b++) {
        free(opt->buffer[b]);
        opt->buffer[b] = NULL;
    }
}
