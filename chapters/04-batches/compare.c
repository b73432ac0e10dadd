/* compare.c: chapter 4's measured comparison and its noise floor (see
 * compare.h).  The predictions follow the chapter's noise-floor section;
 * the derivation of the whole balance is in tests/04-batches.c, above the
 * test floor_predictions_on_the_worked_example. */
#include "04-batches/compare.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define D COMPARE_FEATURES

/* qsort has no context argument in C11: the comparator reads the problem
 * being sorted from here. */
static const struct problem *sort_context;
static int compare_by_y(const void *a, const void *b)
{
    size_t i = *(const size_t *)a, j = *(const size_t *)b;
    double yi = sort_context->data.y[i], yj = sort_context->data.y[j];
    if (yi != yj)
        return yi < yj ? -1 : 1;
    return i < j ? -1 : i > j;          /* ties by index: the same order everywhere */
}

void problem_init(struct problem *p)
{
    synthetic_regression(&p->data, p->w_true, COMPARE_COUNT, D, COMPARE_NOISE, COMPARE_SEED);
    p->model = (struct regression){&p->data, false};
    if (!least_squares(p->w_star, &p->data))
        fail(1, "X^T X is not positive definite: the synthetic data are degenerate");
    gram_matrix(p->gram, &p->data);
    p->best_loss = mse_loss(&p->model, p->w_star, NULL, 0);
    p->sorted = xcalloc(COMPARE_COUNT, sizeof(size_t));
    for (size_t i = 0; i < COMPARE_COUNT; i++)
        p->sorted[i] = i;
    sort_context = p;
    qsort(p->sorted, COMPARE_COUNT, sizeof(size_t), compare_by_y);
}

void problem_free(struct problem *p)
{
    dataset_free(&p->data);
    free(p->sorted);
    p->sorted = NULL;
}

double matrix_trace(const double *a, size_t n)
{
    double trace = 0.0;
    for (size_t j = 0; j < n; j++)
        trace += a[j * n + j];
    return trace;
}

static double distance(const double *a, const double *b)
{
    double d[D];
    for (size_t j = 0; j < D; j++)
        d[j] = a[j] - b[j];
    return vec_norm(d, D);
}

static double relative_excess(const struct problem *p, const double *w, const char *label,
                              long samples)
{
    double excess = excess_loss(p->gram, w, p->w_star, D) / p->best_loss;
    if (!isfinite(excess)) {
        fflush(stdout);
        fail(EXIT_DIVERGED, "%s diverged after %ld sample gradients: try a smaller eta",
             label, samples);
    }
    return excess;
}

/* ANCHOR: run */
struct outcome run_schedule(const struct problem *p, const struct batch_schedule *s, uint64_t seed,
                            int epochs, int first, FILE *trace)
{
    struct outcome out = {.samples_to_target = -1};
    struct epoch epoch;
    struct rng draws;
    double w[D] = {0}, grad[D];
    long samples = 0, next_row = 1, next_tick = COMPARE_COUNT / 20, readings = 0;
    size_t batch_size = s->batch;

    epoch_init(&epoch, COMPARE_COUNT, batch_size, s->shuffle, seed);
    rng_seed(&draws, seed);
    if (s->sorted)
        memcpy(epoch.order, p->sorted, COMPARE_COUNT * sizeof(size_t));
    out.excess[0] = relative_excess(p, w, s->label, 0);
    if (trace) {
        fputs("samples,epoch,excess,distance\n", trace);
        fprintf(trace, "0,0,%.17g,%.17g\n", out.excess[0], distance(w, p->w_star));
    }
    for (int e = 1; e <= epochs; e++) {
        const size_t *batch;
        size_t size;
        long checked = samples;
        epoch.batch_size = batch_size;
        epoch_start(&epoch);
        if (s->replace)
            for (size_t i = 0; i < COMPARE_COUNT; i++)
                epoch.order[i] = (size_t)rng_below(&draws, COMPARE_COUNT);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0) {
            double eta = s->decay ? s->eta / (1.0 + (double)samples / COMPARE_COUNT) : s->eta;
            if (epoch.next == COMPARE_COUNT && e >= first)     /* the last batch is next */
                out.before_last += relative_excess(p, w, s->label, samples);
            mse_grad(&p->model, grad, w, batch, size);
            gd_step(w, grad, D, eta);
            samples += (long)size;
            /* Look at the loss every 256 sample gradients or more: it costs
             * d^2 through the Gram matrix (excess_loss), not a pass over N. */
            if (samples - checked >= 256 || samples == (long)e * COMPARE_COUNT) {
                double excess = relative_excess(p, w, s->label, samples);
                checked = samples;
                if (out.samples_to_target < 0 && excess <= COMPARE_TARGET)
                    out.samples_to_target = samples;
                if (e >= first) {
                    out.floor += excess;
                    readings++;
                }
                /* Rows on a log scale of samples (about 18 a decade, for
                 * the early updates) and every twentieth of an epoch. */
                if (trace && (samples >= next_row || samples >= next_tick)) {
                    fprintf(trace, "%ld,%.17g,%.17g,%.17g\n", samples,
                            (double)samples / COMPARE_COUNT, excess, distance(w, p->w_star));
                    while (next_row <= samples)
                        next_row = next_row + next_row / 8 + 1;
                    while (next_tick <= samples)
                        next_tick += COMPARE_COUNT / 20;
                }
            }
        }
        out.excess[e] = relative_excess(p, w, s->label, samples);
        if (e >= first)
            out.end_floor += out.excess[e];
        if (s->grow && batch_size < COMPARE_COUNT)
            batch_size = 2 * batch_size < COMPARE_COUNT ? 2 * batch_size : COMPARE_COUNT;
    }
    out.floor /= (double)readings;
    out.end_floor /= epochs - first + 1;
    out.before_last /= epochs - first + 1;
    out.distance = distance(w, p->w_star);
    epoch_free(&epoch);
    return out;
}
/* ANCHOR_END: run */

/* ------------------------------------------------------------ predictions */

/* x <- K^-1 y for the n x n matrices, K = I - c G (columns by Cholesky).
 * False if K is not positive definite (c lambda_max >= 1). */
static bool solve_shifted(double *x, const double *y, const double *gram, size_t n, double c)
{
    double k[D * D], column[D];
    for (size_t col = 0; col < n; col++) {
        for (size_t i = 0; i < n * n; i++)
            k[i] = (i % (n + 1) == 0) - c * gram[i];
        for (size_t i = 0; i < n; i++)
            column[i] = y[i * n + col];
        if (!cholesky_solve(k, column, n))
            return false;
        for (size_t i = 0; i < n; i++)
            x[i * n + col] = column[i];
    }
    return true;
}

static void multiply(double *c, const double *a, const double *b, size_t n)
{
    double t[D * D];
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < n; j++) {
            double sum = 0.0;
            for (size_t k = 0; k < n; k++)
                sum += a[i * n + k] * b[k * n + j];
            t[i * n + j] = sum;
        }
    memcpy(c, t, n * n * sizeof(double));
}

/* (eta/B) tr(G (I - c G)^-1), or -1 when I - c G is not positive definite. */
static double shifted_q(const double *gram, size_t n, double eta, double batch, double c)
{
    double kg[D * D];
    if (n > D || !solve_shifted(kg, gram, gram, n, c))
        return -1.0;
    return eta / batch * matrix_trace(kg, n);
}

double floor_prediction(const double *gram, size_t n, double eta, double batch)
{
    double q = shifted_q(gram, n, eta, batch, eta * (1.0 + 1.0 / batch));
    return q < 0.0 || q >= 1.0 ? -1.0 : q / (1.0 - q);
}

double floor_without_feedback(const double *gram, size_t n, double eta, double batch)
{
    return shifted_q(gram, n, eta, batch, eta);
}

/* From the floor V = (eta/B)(1 + f) L* K^-1 (below, relative to L*), one
 * step with a batch of b samples: V' = A V A + (4 eta^2/b)((1 + f) G + G V G)
 * with A = I - 2 eta G and f = tr(G V), and the reading is tr(G V'). */
double floor_after_short_batch(const double *gram, size_t n, double eta, double batch,
                               double last)
{
    double f = floor_prediction(gram, n, eta, batch), v[D * D], identity[D * D] = {0};
    double a[D * D] = {0}, t[D * D], g2[D * D], gvg[D * D];
    if (f < 0.0 || n > D)
        return -1.0;
    for (size_t i = 0; i < n; i++)
        identity[i * n + i] = 1.0;
    solve_shifted(v, identity, gram, n, eta * (1.0 + 1.0 / batch));
    for (size_t i = 0; i < n * n; i++) {
        v[i] *= eta / batch * (1.0 + f);
        a[i] = (i % (n + 1) == 0) - 2.0 * eta * gram[i];
    }
    multiply(t, a, v, n);
    multiply(t, t, a, n);
    multiply(t, gram, t, n);                /* G A V A */
    multiply(g2, gram, gram, n);
    multiply(gvg, v, gram, n);
    multiply(gvg, g2, gvg, n);              /* G G V G */
    return matrix_trace(t, n)
           + 4.0 * eta * eta / last * ((1.0 + f) * matrix_trace(g2, n) + matrix_trace(gvg, n));
}
