/* claims.c: what the earlier chapters predict, tried here (reports.h).
 *
 *   chapter 2  lr < 2/L: on logistic regression from theta = 0 (where L is
 *              known exactly) and on the digits network at initialisation
 *   chapter 4  the mini-batch gradient's noise falls as 1/|B|
 *   chapter 6  momentum beta at lr eta behaves as SGD at eta / (1 - beta)
 *   chapter 9  a decaying rate ends lower than a constant one
 *   chapter 10 clipping the gradient's norm rescues a rate that fails
 */
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/rng.h"
#include "11-tiny-network/claims.h"
#include "11-tiny-network/curvature.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Full-batch gradient descent on logistic regression from theta = 0:
 * how many of steps steps raised the loss. */
static int rising_steps(const struct network *net, const struct dataset *data, double lr,
                        int steps)
{
    double theta[31] = {0}, grad[31];
    int rises = 0;
    double previous = network_loss(net, theta, data, NULL, 0);
    for (int k = 0; k < steps; k++) {
        network_gradient(net, grad, theta, data, NULL, 0);
        for (size_t p = 0; p < network_dim(net); p++)
            theta[p] -= lr * grad[p];
        double loss = network_loss(net, theta, data, NULL, 0);
        rises += loss > previous;
        previous = loss;
    }
    return rises;
}

struct rate_claim rate_claim_cancer(void)
{
    struct task_data data;
    struct network net;
    struct rate_claim c;
    task_load(&data, TASK_CANCER);
    task_network(&net, TASK_CANCER);
    c.curvature = logistic_curvature_bound(&data.train);
    c.measured = largest_curvature(&net, (double[31]){0}, &data.train);
    for (int k = 0; k < RATE_FACTORS; k++)
        c.rises[k] = rising_steps(&net, &data.train, rate_factors[k] / c.curvature,
                                  RATE_STEPS);
    network_free(&net);
    task_free(&data);
    return c;
}

const double rate_factors[RATE_FACTORS] = {1.9, 2.1, 8, 32, 128};

double digits_curvature(uint64_t seed, double trained_lr)
{
    struct task_data data;
    struct network net;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10], l;
    struct rng rng;
    if (remembered_curvature(seed, trained_lr, &l))
        return l;
    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    if (trained_lr > 0) {
        struct tuned_edit sgd = tuned_settings(TASK_DIGITS, "sgd");
        sgd.lr = trained_lr;
        tuned_run(&data, &sgd, seed, theta, NULL);
    } else {
        rng_seed(&rng, seed);
        network_init_parameters(&net, theta, &rng);
    }
    l = largest_curvature(&net, theta, &data.train);
    remember_curvature(seed, trained_lr, l);
    network_free(&net);
    task_free(&data);
    return l;
}

void batch_noise(double noise[NOISE_SIZES], double *predicted_trace, size_t *count)
{
    struct task_data data;
    struct network net;
    struct rng rng;
    size_t dim;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    struct tuned_edit sgd = tuned_settings(TASK_DIGITS, "sgd");
    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    dim = network_dim(&net);
    sgd.epochs = NOISE_EPOCHS;
    tuned_run(&data, &sgd, 1, theta, NULL);
    size_t n = data.train.count;
    double *full = xcalloc(dim, sizeof(double)), *g = xcalloc(dim, sizeof(double));
    size_t *order = xcalloc(n, sizeof(size_t));
    network_gradient(&net, full, theta, &data.train, NULL, 0);
    /* tr Cov[g_i]: the mean squared distance of a sample's gradient from g */
    double trace = 0.0;
    for (size_t i = 0; i < n; i++) {
        network_gradient(&net, g, theta, &data.train, &i, 1);
        for (size_t p = 0; p < dim; p++)
            trace += (g[p] - full[p]) * (g[p] - full[p]);
    }
    *predicted_trace = trace / (double)n;
    *count = n;
    rng_seed(&rng, NOISE_SEED);
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (int s = 0; s < NOISE_SIZES; s++) {
        double sum = 0.0;
        for (int draw = 0; draw < NOISE_DRAWS; draw++) {
            rng_shuffle(&rng, order, n);            /* a batch without replacement */
            network_gradient(&net, g, theta, &data.train, order, noise_sizes[s]);
            for (size_t p = 0; p < dim; p++)
                sum += (g[p] - full[p]) * (g[p] - full[p]);
        }
        noise[s] = sum / NOISE_DRAWS;
    }
    free(order);
    free(g);
    free(full);
    network_free(&net);
    task_free(&data);
}

const size_t noise_sizes[NOISE_SIZES] = {8, 32, 128};

/* The final training loss of the digits network, seed 1, with settings
 * (cosine: annealed to 0 over the epochs, else a constant rate). */
static double digits_final_scheduled(const char *optimizer, double lr, double max_norm,
                                     bool cosine, double *accuracy)
{
    struct task_data data;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    struct tuned_edit edit = tuned_settings(TASK_DIGITS, optimizer);
    task_load(&data, TASK_DIGITS);
    edit.lr = lr;
    edit.max_norm = max_norm;
    edit.cosine = cosine;
    struct training_result r = tuned_run(&data, &edit, 1, theta, NULL);
    task_free(&data);
    if (accuracy)
        *accuracy = r.diverged ? 0.0 : r.test_accuracy;
    return r.diverged ? INFINITY : r.train_loss;
}

static double digits_final(const char *optimizer, double lr, double max_norm, double *accuracy)
{
    return digits_final_scheduled(optimizer, lr, max_norm, false, accuracy);
}

double noise_trace(long epochs)
{
    struct task_data data;
    struct network net;
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    struct tuned_edit sgd = tuned_settings(TASK_DIGITS, "sgd");
    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    size_t dim = network_dim(&net), n = data.train.count;
    double *full = xcalloc(dim, sizeof(double)), *g = xcalloc(dim, sizeof(double));
    sgd.epochs = epochs;
    tuned_run(&data, &sgd, 1, theta, NULL);
    network_gradient(&net, full, theta, &data.train, NULL, 0);
    double trace = 0.0;
    for (size_t i = 0; i < n; i++) {
        network_gradient(&net, g, theta, &data.train, &i, 1);
        for (size_t p = 0; p < dim; p++)
            trace += (g[p] - full[p]) * (g[p] - full[p]);
    }
    free(full);
    free(g);
    network_free(&net);
    task_free(&data);
    return trace / (double)n;
}

void schedules(double loss[2], double accuracy[2])
{
    loss[0] = digits_final_scheduled("sgd", SCHEDULE_LR, 0, false, &accuracy[0]);
    loss[1] = digits_final_scheduled("sgd", SCHEDULE_LR, 0, true, &accuracy[1]);
}

void momentum_pairs(double sgd_loss[MOMENTUM_PAIRS], double momentum_loss[MOMENTUM_PAIRS])
{
    for (int k = 0; k < MOMENTUM_PAIRS; k++) {
        sgd_loss[k] = digits_final("sgd", momentum_sgd_rates[k], 0, NULL);
        momentum_loss[k] = digits_final("momentum", momentum_sgd_rates[k] / 10, 0, NULL);
    }
}

const double momentum_sgd_rates[MOMENTUM_PAIRS] = {0.1, 0.3, 1, 3};

void clipping(double loss[CLIP_NORMS], double accuracy[CLIP_NORMS])
{
    for (int k = 0; k < CLIP_NORMS; k++)
        loss[k] = digits_final("sgd", CLIP_LR, clip_norms[k], &accuracy[k]);
}

const double clip_norms[CLIP_NORMS] = {0, 10, 1, 0.1};

void claims_print(FILE *out, const char *csv_dir)
{
    (void)csv_dir;
    struct rate_claim c = rate_claim_cancer();
    fprintf(out, "Chapter 2, lr < 2/L, on logistic regression (breast cancer), full batch "
                 "from theta = 0\n");
    fprintf(out, "L = (1/4) largest eigenvalue of X~^T X~ / N = %.4f "
                 "(power iteration on the Hessian: %.4f); 2/L = %.4f\n",
            c.curvature, c.measured, 2 / c.curvature);
    fprintf(out, "%-8s  %-8s  %s\n", "lr L", "lr", "steps (of 100) that raised the loss");
    for (int k = 0; k < RATE_FACTORS; k++)
        fprintf(out, "%-8g  %-8.4f  %d\n", rate_factors[k], rate_factors[k] / c.curvature,
                c.rises[k]);

    fprintf(out, "\nChapter 2 on the digits network (seed 1): the largest curvature L\n");
    double l0 = digits_curvature(1, 0), l1 = digits_curvature(1, 1);
    fprintf(out, "at initialisation  L = %.3g, 2/L = %.3g\n", l0, 2 / l0);
    fprintf(out, "after %d epochs of sgd at lr 1  L = %.3g, 2/L = %.3g\n", DIGITS_EPOCHS, l1,
            2 / l1);

    double noise[NOISE_SIZES], trace;
    size_t n;
    batch_noise(noise, &trace, &n);
    fprintf(out, "\nChapter 4, the noise of a batch's gradient, E|g_B - g|^2, digits network "
                 "after %d epochs (seed 1), %d batches each\n", NOISE_EPOCHS, NOISE_DRAWS);
    fprintf(out, "%-6s  %-10s  %-36s  %s\n", "|B|", "measured", "predicted tr Cov / |B| "
                 "(N - |B|)/(N - 1)", "ratio");
    for (int s = 0; s < NOISE_SIZES; s++) {
        double b = (double)noise_sizes[s];
        double predicted = trace / b * ((double)n - b) / ((double)n - 1);
        fprintf(out, "%-6zu  %-10.4f  %-36.4f  %.2f\n", noise_sizes[s], noise[s], predicted,
                noise[s] / predicted);
    }

    double sgd[MOMENTUM_PAIRS], momentum[MOMENTUM_PAIRS];
    momentum_pairs(sgd, momentum);
    fprintf(out, "\nChapter 6, momentum 0.9 at lr eta against sgd at 10 eta: final training "
                 "loss, digits, seed 1\n%-8s  %-10s  %s\n", "sgd lr", "sgd",
            "momentum");
    for (int k = 0; k < MOMENTUM_PAIRS; k++)
        fprintf(out, "%-8g  %-10.4g  %.4g\n", momentum_sgd_rates[k], sgd[k], momentum[k]);
    /* The text's claim, kept true: where sgd trains (a final loss below
     * MOMENTUM_TRAINS), momentum at a tenth of the rate ends within
     * MOMENTUM_CLOSE of it; where sgd does not, momentum still trains. */
    for (int k = 0; k < MOMENTUM_PAIRS; k++) {
        bool close = fabs(momentum[k] - sgd[k]) <= MOMENTUM_CLOSE * sgd[k];
        if (sgd[k] < MOMENTUM_TRAINS ? !close : !(momentum[k] < MOMENTUM_TRAINS))
            fail(1, "chapter 6's claim no longer holds at sgd lr %g: sgd %g, momentum %g "
                    "(the chapter's text says otherwise)", momentum_sgd_rates[k], sgd[k],
                 momentum[k]);
    }

    double scheduled[2], scheduled_accuracy[2];
    schedules(scheduled, scheduled_accuracy);
    fprintf(out, "\nChapter 9, a schedule: sgd at lr %g on digits, seed 1, %d epochs\n"
                 "%-26s  %-14s  %s\n", SCHEDULE_LR, DIGITS_EPOCHS, "rate", "training loss",
            "test accuracy %");
    fprintf(out, "%-26s  %-14.4g  %.1f\n", "constant", scheduled[0], 100 * scheduled_accuracy[0]);
    fprintf(out, "%-26s  %-14.4g  %.1f\n", "cosine annealing to 0", scheduled[1],
            100 * scheduled_accuracy[1]);
    fprintf(out, "the gradient noise tr Cov[g_i] at the constant rate: %.3g after %d epochs, "
                 "%.3g after %d\n", noise_trace(NOISE_EPOCHS), NOISE_EPOCHS,
            noise_trace(DIGITS_EPOCHS), DIGITS_EPOCHS);

    double loss[CLIP_NORMS], accuracy[CLIP_NORMS];
    clipping(loss, accuracy);
    fprintf(out, "\nChapter 10, clipping the gradient's norm, sgd at lr %g on digits, seed 1\n"
                 "%-9s  %-14s  %s\n", CLIP_LR, "max_norm", "training loss", "test accuracy %");
    for (int k = 0; k < CLIP_NORMS; k++) {
        char name[16];
        snprintf(name, sizeof name, clip_norms[k] == 0 ? "none" : "%g", clip_norms[k]);
        fprintf(out, "%-9s  %-14.4g  %.1f\n", name, loss[k], 100 * accuracy[k]);
    }
}
