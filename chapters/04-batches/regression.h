/* regression.h: linear regression by mean squared error, on any batch.
 *
 * The model is y_hat = w . x + b (b only when bias is true); the parameter
 * vector theta is (w1, ..., wd, b).  The loss of a batch of B samples is
 *     L = 1/B sum (y_hat - y)^2,                       exactly torch.nn.MSELoss()
 * and its gradient is the mean of the per-sample gradients,
 *     dL/dw_j = 2/B sum (y_hat - y) x_j,   dL/db = 2/B sum (y_hat - y).
 * A batch is a list of sample indices, so one function serves full-batch,
 * stochastic and mini-batch descent, in file order or shuffled.
 */
#ifndef DESCENT_REGRESSION_H
#define DESCENT_REGRESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "00-toolkit/rng.h"

struct dataset {
    size_t count;       /* samples */
    size_t features;    /* d */
    double *x;          /* count x features, row-major: sample i is x + i*features */
    double *y;          /* count targets */
    char **names;       /* [features + 1]: the header's column names, target last, when
                           read from a file (A-lab/datafile.h); NULL otherwise */
};

/* Allocate room for count samples of features values, zeroed, names NULL
 * (exit 2 when memory runs out, fail.h); dataset_free frees it all. */
void dataset_init(struct dataset *data, size_t count, size_t features);
void dataset_free(struct dataset *data);

struct regression {
    const struct dataset *data;
    bool bias;          /* theta has a last entry b */
};

/* Length of theta: features, plus one with a bias. */
size_t regression_dim(const struct regression *model);

/* y_hat of sample i (< count) at theta[0..regression_dim). */
double regression_predict(const struct regression *model, const double *theta, size_t i);

/* Mean squared error (4.1) at theta[0..regression_dim) over the samples
 * batch[0..size), size >= 1 (the caller's guarantee: 0 gives NaN); batch
 * NULL means all samples in order (size is then ignored). */
double mse_loss(const struct regression *model, const double *theta,
                const size_t *batch, size_t size);

/* grad <- gradient of mse_loss over the same batch: regression_dim entries,
 * (4.2) of chapter 4; grad must not overlap the data.  Eight samples at a
 * time, their predictions two to a register, bit for bit the result of
 * mse_grad_one_by_one (chapter 4, "Eight sums in flight"). */
void mse_grad(const struct regression *model, double *grad, const double *theta,
              const size_t *batch, size_t size);

/* The same gradient, one sample after the other: the straightforward loop
 * of (4.2), kept as the reference that the tests and build/bench04 hold
 * mse_grad to. */
void mse_grad_one_by_one(const struct regression *model, double *grad, const double *theta,
                         const size_t *batch, size_t size);

/* ---------------------------------------------- chapter 4's additions */

/* Synthetic data for the measured comparison of chapter 4, drawn from
 * 00-toolkit/rng.h seeded with seed, in this order:
 *   w_true[j] = 2 u - 1 for j = 0..features-1      (u uniform on [0, 1))
 *   then for each sample i = 0..count-1:
 *     x[i][j] = z / sqrt(1 + j) for j = 0..features-1   (z from rng_normal)
 *     y[i]    = w_true . x[i] + noise * z
 * so feature j has variance 1/(1 + j): the problem is moderately
 * ill-conditioned, as real features on different scales are.  data is
 * allocated here (dataset_free it); w_true gets features entries. */
void synthetic_regression(struct dataset *data, double *w_true, size_t count,
                          size_t features, double noise, uint64_t seed);

/* gram <- X^T X / count, features x features, row-major.  The Hessian of
 * mse_loss over all samples (no bias) is 2 gram. */
void gram_matrix(double *gram, const struct dataset *data);

/* The largest eigenvalue of the n x n symmetric positive semi-definite
 * matrix a (row-major), by power iteration from (1, ..., 1): 200 products,
 * plenty when the next eigenvalue is at most about half the largest, as
 * for chapter 4's Gram matrices. */
double largest_eigenvalue(const double *a, size_t n);

/* a is n x n symmetric positive definite (row-major); b has n entries.
 * Overwrites a with its Cholesky factor C (a = C C^T, lower triangle) and
 * b with the solution of a x = b.  False if a is not positive definite. */
bool cholesky_solve(double *a, double *b, size_t n);

/* w_star[0..features) <- the exact least-squares weights (no bias): the
 * solution of the normal equations X^T X w = X^T y, by cholesky_solve.
 * False if X^T X is not positive definite (w_star is then meaningless). */
bool least_squares(double *w_star, const struct dataset *data);

/* L(w) - L(w_star) = (w - w_star)^T gram (w - w_star), which holds when
 * w_star solves the normal equations; costs features^2, not count. */
double excess_loss(const double *gram, const double *w, const double *w_star,
                   size_t features);

/* The batches of one epoch: the samples in order[0..count), cut into
 * batches of batch_size (the last one smaller when batch_size does not
 * divide count, as a DataLoader with drop_last=False).  With shuffle, each
 * epoch_start sets order to 0, 1, ..., count-1 and shuffles it (rng_shuffle),
 * exactly as the lab's --order shuffle:SEED; without, order stays as set
 * (0, 1, ..., count-1 after epoch_init, or whatever the caller wrote). */
struct epoch {
    size_t *order;          /* count sample indices */
    size_t count;
    size_t batch_size;
    size_t next;            /* position in order of the next batch */
    bool shuffle;
    struct rng rng;
};

/* order <- 0, 1, ..., count-1, the rng seeded with seed (used only with
 * shuffle); a batch_size of 0 is taken as 1.  epoch_free frees order. */
void epoch_init(struct epoch *epoch, size_t count, size_t batch_size, bool shuffle,
                uint64_t seed);
void epoch_free(struct epoch *epoch);

/* Begin an epoch: back to the first batch, reshuffled if shuffle. */
void epoch_start(struct epoch *epoch);

/* *batch <- the next batch of this epoch; returns its size, 0 at the end. */
size_t epoch_next_batch(struct epoch *epoch, const size_t **batch);

/* One epoch of mini-batch gradient descent: for every batch of epoch,
 * grad <- mse_grad over the batch, theta <- theta - eta grad (gd_step of
 * chapter 1).  grad is scratch of regression_dim entries.  Returns the
 * number of updates made. */
long minibatch_epoch(const struct regression *model, double *theta, double *grad,
                     struct epoch *epoch, double eta);

#endif
