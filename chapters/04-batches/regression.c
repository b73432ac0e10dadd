/* regression.c: mean squared error of a linear model (see regression.h). */
#include "04-batches/regression.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"

#include <math.h>
#include <stdlib.h>

void dataset_init(struct dataset *data, size_t count, size_t features)
{
    data->count = count;
    data->features = features;
    data->x = xcalloc(count * features, sizeof(double));
    data->y = xcalloc(count, sizeof(double));
    data->names = NULL;
}

void dataset_free(struct dataset *data)
{
    for (size_t k = 0; data->names != NULL && k <= data->features; k++)
        free(data->names[k]);
    free(data->names);
    free(data->x);
    free(data->y);
    data->x = data->y = NULL;
    data->names = NULL;
    data->count = data->features = 0;
}

size_t regression_dim(const struct regression *model)
{
    return model->data->features + (model->bias ? 1 : 0);
}

double regression_predict(const struct regression *model, const double *theta, size_t i)
{
    const struct dataset *data = model->data;
    const double *x = data->x + i * data->features;
    double y_hat = model->bias ? theta[data->features] : 0.0;
    for (size_t j = 0; j < data->features; j++)
        y_hat += theta[j] * x[j];
    return y_hat;
}

/* ANCHOR: grad */
void mse_grad_one_by_one(const struct regression *model, double *grad, const double *theta,
                         const size_t *batch, size_t size)
{
    const struct dataset *data = model->data;
    size_t dim = regression_dim(model);
    if (batch == NULL)
        size = data->count;
    for (size_t j = 0; j < dim; j++)
        grad[j] = 0.0;
    for (size_t k = 0; k < size; k++) {
        size_t i = batch ? batch[k] : k;
        const double *x = data->x + i * data->features;
        double error = regression_predict(model, theta, i) - data->y[i];
        for (size_t j = 0; j < data->features; j++)
            grad[j] += error * x[j];
        if (model->bias)
            grad[data->features] += error;
    }
    for (size_t j = 0; j < dim; j++)
        grad[j] *= 2.0 / (double)size;     /* mean of 2 (y_hat - y) dy_hat/dtheta */
}
/* ANCHOR_END: grad */

/* ANCHOR: eight */
/* error[l] <- y_hat - y of sample l of eight: its row x[l] (d numbers) and
 * target y[l].  Each y_hat is summed exactly as regression_predict sums it
 * (b, then + w_1 x_1, ..., + w_d x_d, each product rounded before it is
 * added); the eight sums do not depend on each other.  They go two to a
 * pair, y01 holding the sums of samples 0 and 1: an SSE2 register holds
 * two doubles, and a loop of exactly two over a pair is one that gcc and
 * clang turn into one register-wide multiplication and one addition at
 * -O2.  Each side of a pair stays its own sum. */
static inline void errors_of_eight(double error[8], const double *theta, double start,
                                   size_t d, const double *const x[8], const double y[8])
{
    double y01[2] = {start, start}, y23[2] = {start, start}, y45[2] = {start, start},
           y67[2] = {start, start};
    for (size_t j = 0; j < d; j++) {
        double w = theta[j];
        double x01[2] = {x[0][j], x[1][j]}, x23[2] = {x[2][j], x[3][j]},
               x45[2] = {x[4][j], x[5][j]}, x67[2] = {x[6][j], x[7][j]};
        for (size_t c = 0; c < 2; c++) {
            y01[c] += w * x01[c];
            y23[c] += w * x23[c];
            y45[c] += w * x45[c];
            y67[c] += w * x67[c];
        }
    }
    for (size_t c = 0; c < 2; c++) {
        error[c] = y01[c] - y[c];
        error[2 + c] = y23[c] - y[2 + c];
        error[4 + c] = y45[c] - y[4 + c];
        error[6 + c] = y67[c] - y[6 + c];
    }
}

/* grad[j] += error[l] x[l][j] for l = 0, 1, ..., 7 in that order (C adds
 * left to right, so each sum below is eight += in a row).  Here the pairs
 * are features: grad[j] and grad[j + 1] side by side, in a loop of exactly
 * two, since two neighbours of a row are neighbours in memory. */
static inline void add_eight(double *restrict grad, size_t d, const double error[8],
                             const double *const x[8])
{
    size_t j = 0;
    for (; j + 2 <= d; j += 2)
        for (size_t c = 0; c < 2; c++)
            grad[j + c] = grad[j + c] + error[0] * x[0][j + c] + error[1] * x[1][j + c] +
                          error[2] * x[2][j + c] + error[3] * x[3][j + c] +
                          error[4] * x[4][j + c] + error[5] * x[5][j + c] +
                          error[6] * x[6][j + c] + error[7] * x[7][j + c];
    for (; j < d; j++)
        grad[j] = grad[j] + error[0] * x[0][j] + error[1] * x[1][j] + error[2] * x[2][j] +
                  error[3] * x[3][j] + error[4] * x[4][j] + error[5] * x[5][j] +
                  error[6] * x[6][j] + error[7] * x[7][j];
}

/* x[l], y[l] <- row and target of sample batch[k + l] (k + l without a
 * batch), l = 0..7.  The test of batch is made once, outside the loops,
 * not once a sample. */
static inline void eight_samples(const double *x[8], double y[8], const struct dataset *data,
                                 const size_t *batch, size_t k)
{
    if (batch == NULL)
        for (size_t l = 0; l < 8; l++) {
            x[l] = data->x + (k + l) * data->features;
            y[l] = data->y[k + l];
        }
    else
        for (size_t l = 0; l < 8; l++) {
            x[l] = data->x + batch[k + l] * data->features;
            y[l] = data->y[batch[k + l]];
        }
}

void mse_grad(const struct regression *model, double *grad, const double *theta,
              const size_t *batch, size_t size)
{
    const struct dataset *data = model->data;
    size_t d = data->features, dim = regression_dim(model), k = 0;
    double start = model->bias ? theta[d] : 0.0;
    if (batch == NULL)
        size = data->count;
    for (size_t j = 0; j < dim; j++)
        grad[j] = 0.0;
    for (; k + 8 <= size; k += 8) {                     /* eight samples at a time */
        const double *x[8];
        double y[8], e[8];
        eight_samples(x, y, data, batch, k);
        errors_of_eight(e, theta, start, d, x, y);
        add_eight(grad, d, e, x);
        if (model->bias)
            grad[d] = grad[d] + e[0] + e[1] + e[2] + e[3] + e[4] + e[5] + e[6] + e[7];
    }
    for (; k < size; k++) {                             /* the last size mod 8 */
        size_t i = batch ? batch[k] : k;
        const double *x = data->x + i * d;
        double error = regression_predict(model, theta, i) - data->y[i];
        for (size_t j = 0; j < d; j++)
            grad[j] += error * x[j];
        if (model->bias)
            grad[d] += error;
    }
    for (size_t j = 0; j < dim; j++)
        grad[j] *= 2.0 / (double)size;
}
/* ANCHOR_END: eight */

double mse_loss(const struct regression *model, const double *theta,
                const size_t *batch, size_t size)
{
    double sum = 0.0, start = model->bias ? theta[model->data->features] : 0.0;
    size_t k = 0;
    if (batch == NULL)
        size = model->data->count;
    for (; k + 8 <= size; k += 8) {     /* as mse_grad: eight samples at a time */
        const double *x[8];
        double y[8], e[8];
        eight_samples(x, y, model->data, batch, k);
        errors_of_eight(e, theta, start, model->data->features, x, y);
        sum = sum + e[0] * e[0] + e[1] * e[1] + e[2] * e[2] + e[3] * e[3] + e[4] * e[4] +
              e[5] * e[5] + e[6] * e[6] + e[7] * e[7];
    }
    for (; k < size; k++) {
        size_t i = batch ? batch[k] : k;
        double error = regression_predict(model, theta, i) - model->data->y[i];
        sum += error * error;
    }
    return sum / (double)size;
}

/* ---------------------------------------------- chapter 4's additions */

/* ANCHOR: synthetic */
void synthetic_regression(struct dataset *data, double *w_true, size_t count,
                          size_t features, double noise, uint64_t seed)
{
    struct rng rng;
    rng_seed(&rng, seed);
    dataset_init(data, count, features);
    for (size_t j = 0; j < features; j++)
        w_true[j] = 2.0 * rng_uniform(&rng) - 1.0;
    for (size_t i = 0; i < count; i++) {
        double *x = data->x + i * features;
        double y = 0.0;
        for (size_t j = 0; j < features; j++) {
            x[j] = rng_normal(&rng) / sqrt(1.0 + (double)j);  /* variance 1/(1+j) */
            y += w_true[j] * x[j];
        }
        data->y[i] = y + noise * rng_normal(&rng);
    }
}
/* ANCHOR_END: synthetic */

void gram_matrix(double *gram, const struct dataset *data)
{
    size_t d = data->features;
    for (size_t j = 0; j < d * d; j++)
        gram[j] = 0.0;
    for (size_t i = 0; i < data->count; i++) {
        const double *x = data->x + i * d;
        for (size_t j = 0; j < d; j++)
            for (size_t k = 0; k <= j; k++)
                gram[j * d + k] += x[j] * x[k];
    }
    for (size_t j = 0; j < d; j++)
        for (size_t k = 0; k <= j; k++)
            gram[k * d + j] = gram[j * d + k] /= (double)data->count;
}

double largest_eigenvalue(const double *a, size_t n)
{
    double *v = xcalloc(n, sizeof(double)), *av = xcalloc(n, sizeof(double));
    double rayleigh = 0.0;
    for (size_t i = 0; i < n; i++)
        v[i] = 1.0 / sqrt((double)n);
    for (int iteration = 0; iteration < 200; iteration++) {
        double norm = 0.0;
        rayleigh = 0.0;
        for (size_t i = 0; i < n; i++) {
            av[i] = 0.0;
            for (size_t j = 0; j < n; j++)
                av[i] += a[i * n + j] * v[j];
            rayleigh += v[i] * av[i];       /* v^T A v, with |v| = 1 */
            norm += av[i] * av[i];
        }
        if (norm == 0.0)
            break;                          /* A v = 0: nothing left to follow */
        norm = sqrt(norm);
        for (size_t i = 0; i < n; i++)
            v[i] = av[i] / norm;
    }
    free(v);
    free(av);
    return rayleigh;
}

/* ANCHOR: cholesky */
bool cholesky_solve(double *a, double *b, size_t n)
{
    /* Factor a = C C^T column by column: C_jj = sqrt(a_jj - sum_k C_jk^2),
     * C_ij = (a_ij - sum_k C_ik C_jk) / C_jj for i > j. */
    for (size_t j = 0; j < n; j++) {
        for (size_t i = j; i < n; i++) {
            double sum = a[i * n + j];
            for (size_t k = 0; k < j; k++)
                sum -= a[i * n + k] * a[j * n + k];
            if (i == j) {
                if (!(sum > 0.0))
                    return false;               /* not positive definite */
                a[j * n + j] = sqrt(sum);
            } else
                a[i * n + j] = sum / a[j * n + j];
        }
    }
    /* C z = b forwards, then C^T x = z backwards. */
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < i; k++)
            b[i] -= a[i * n + k] * b[k];
        b[i] /= a[i * n + i];
    }
    for (size_t i = n; i-- > 0;) {
        for (size_t k = i + 1; k < n; k++)
            b[i] -= a[k * n + i] * b[k];
        b[i] /= a[i * n + i];
    }
    return true;
}
/* ANCHOR_END: cholesky */

bool least_squares(double *w_star, const struct dataset *data)
{
    size_t d = data->features;
    double *gram = xcalloc(d * d, sizeof(double));
    bool solved;
    gram_matrix(gram, data);                    /* X^T X / N */
    for (size_t j = 0; j < d; j++)
        w_star[j] = 0.0;
    for (size_t i = 0; i < data->count; i++)    /* X^T y / N */
        for (size_t j = 0; j < d; j++)
            w_star[j] += data->x[i * d + j] * data->y[i];
    for (size_t j = 0; j < d; j++)
        w_star[j] /= (double)data->count;
    solved = cholesky_solve(gram, w_star, d);
    free(gram);
    return solved;
}

double excess_loss(const double *gram, const double *w, const double *w_star,
                   size_t features)
{
    double sum = 0.0;
    for (size_t j = 0; j < features; j++) {
        double row = 0.0;
        for (size_t k = 0; k < features; k++)
            row += gram[j * features + k] * (w[k] - w_star[k]);
        sum += (w[j] - w_star[j]) * row;
    }
    return sum;
}

void epoch_init(struct epoch *epoch, size_t count, size_t batch_size, bool shuffle,
                uint64_t seed)
{
    epoch->order = xcalloc(count, sizeof(size_t));
    for (size_t i = 0; i < count; i++)
        epoch->order[i] = i;
    epoch->count = count;
    epoch->batch_size = batch_size < 1 ? 1 : batch_size;
    epoch->next = 0;
    epoch->shuffle = shuffle;
    rng_seed(&epoch->rng, seed);
}

void epoch_free(struct epoch *epoch)
{
    free(epoch->order);
    epoch->order = NULL;
    epoch->count = 0;
}

void epoch_start(struct epoch *epoch)
{
    epoch->next = 0;
    if (epoch->shuffle) {
        /* From 0, 1, ..., count-1 every epoch, as the lab does, so that
         * seed s here and the lab's --order shuffle:s visit the same samples. */
        for (size_t i = 0; i < epoch->count; i++)
            epoch->order[i] = i;
        rng_shuffle(&epoch->rng, epoch->order, epoch->count);
    }
}

size_t epoch_next_batch(struct epoch *epoch, const size_t **batch)
{
    size_t left = epoch->count - epoch->next;
    size_t size = left < epoch->batch_size ? left : epoch->batch_size;
    *batch = epoch->order + epoch->next;
    epoch->next += size;
    return size;
}

/* ANCHOR: epoch */
long minibatch_epoch(const struct regression *model, double *theta, double *grad,
                     struct epoch *epoch, double eta)
{
    const size_t *batch;
    size_t size;
    long updates = 0;
    epoch_start(epoch);
    while ((size = epoch_next_batch(epoch, &batch)) > 0) {
        mse_grad(model, grad, theta, batch, size);
        gd_step(theta, grad, regression_dim(model), eta);
        updates++;
    }
    return updates;
}
/* ANCHOR_END: epoch */
