/* local_sgd.c: periodic model averaging, simulated (local_sgd.h). */
#include "12-data-parallel/local_sgd.h"

#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "12-data-parallel/shares.h"

#include <stdlib.h>
#include <string.h>

void local_steps(double *theta, double *grad, const struct regression *model,
                 struct epoch *epoch, long local, int workers, int rank, double lr)
{
    for (long k = 0; k < local; k++) {
        const size_t *batch;
        size_t first, count, size = epoch_next_batch(epoch, &batch);
        if (size == 0) {
            epoch_start(epoch);
            size = epoch_next_batch(epoch, &batch);
        }
        count = share_of(size, workers, rank, &first);
        if (count == 0)
            continue;
        mse_grad(model, grad, theta, batch + first, count);
        gd_step(theta, grad, regression_dim(model), lr);    /* chapter 1 */
    }
}

void local_sgd_header(FILE *out)
{
    if (out != NULL)
        fputs("samples,allreduces,excess\n", out);
}

void local_sgd_row(FILE *out, long samples, long allreduces, double excess)
{
    if (out != NULL)
        fprintf(out, "%ld,%ld,%.17g\n", samples, allreduces, excess);
}

struct local_sgd_result local_sgd(FILE *out, const struct parallel_problem *p, int workers,
                                  long local, size_t batch, double lr, long steps,
                                  uint64_t seed)
{
    const size_t dim = regression_dim(&p->model);
    double *models = xcalloc((size_t)workers * dim, sizeof *models);
    double *mean = xcalloc(dim, sizeof *mean), *grad = xcalloc(dim, sizeof *grad);
    struct epoch *epochs = xcalloc((size_t)workers, sizeof *epochs);
    struct local_sgd_result result = {0.0, 0};

    for (int r = 0; r < workers; r++) {
        epoch_init(&epochs[r], p->data.count, batch, true, seed);
        epoch_start(&epochs[r]);
    }
    local_sgd_header(out);
    local_sgd_row(out, 0, 0, parallel_problem_excess(p, mean));
    for (long done = 0; done < steps;) {
        long now = steps - done < local ? steps - done : local;
        for (int r = 0; r < workers; r++)
            local_steps(models + (size_t)r * dim, grad, &p->model, &epochs[r], now, workers,
                        r, lr);
        /* the all-reduce of the models, in rank order, then / P */
        for (size_t j = 0; j < dim; j++) {
            double sum = 0.0;
            for (int r = 0; r < workers; r++)
                sum += models[(size_t)r * dim + j];
            mean[j] = sum / (double)workers;
        }
        for (int r = 0; r < workers; r++)
            memcpy(models + (size_t)r * dim, mean, dim * sizeof *mean);
        done += now;
        result.allreduces++;
        local_sgd_row(out, done * (long)batch, result.allreduces, parallel_problem_excess(p, mean));
    }
    result.excess = parallel_problem_excess(p, mean);
    for (int r = 0; r < workers; r++)
        epoch_free(&epochs[r]);
    free(epochs);
    free(models);
    free(mean);
    free(grad);
    return result;
}
