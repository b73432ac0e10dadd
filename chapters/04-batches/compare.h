/* compare.h: chapter 4's measured comparison and its noise floor.
 *
 * The synthetic problem (N = 100 000 samples of d = 16 features, noise 0.5,
 * seed 4), runs of mini-batch descent on it with a constant, decaying or
 * growing step-to-batch ratio, and the floor those runs settle on: measured
 * (readings of the relative excess loss (L(w) - L(w*)) / L(w*)) and
 * predicted (the chapter's (4.4) and the balance it comes from).  build/ch04
 * prints the runs; tests/04-batches.c repeats them over several shuffle
 * seeds.  Leaves out on purpose: wall-clock time (build/bench04's job).
 */
#ifndef DESCENT_COMPARE_H
#define DESCENT_COMPARE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "04-batches/regression.h"

#define COMPARE_COUNT 100000
#define COMPARE_FEATURES 16
#define COMPARE_NOISE 0.5
#define COMPARE_SEED 4          /* the data; the shuffles use other seeds */
#define COMPARE_EPOCHS 20       /* the most epochs a run may take */
#define COMPARE_TARGET 0.01     /* L(w) - L(w*) <= TARGET L(w*) */

struct problem {
    struct dataset data;
    struct regression model;
    double w_true[COMPARE_FEATURES], w_star[COMPARE_FEATURES];
    double gram[COMPARE_FEATURES * COMPARE_FEATURES];  /* G = X^T X / N */
    double best_loss;                                  /* L(w*) */
    size_t *sorted;             /* COUNT sample indices sorted by y (ties by index) */
};

/* Generate the problem (synthetic_regression with the COMPARE_ settings)
 * and solve it exactly (Cholesky).  Stops the program (fail, status 1: an
 * internal error that the fixed seed never meets, not one of fail.h's
 * statuses) if X^T X is not positive definite.  problem_free frees it. */
void problem_init(struct problem *p);
void problem_free(struct problem *p);

/* tr(a) of the n x n matrix a (row-major): with a = G, the mean of
 * ||x||^2. */
double matrix_trace(const double *a, size_t n);

/* One way of running mini-batch descent from w = 0. */
struct batch_schedule {
    const char *label;
    size_t batch;           /* batch size (of the first epoch when grow) */
    bool grow;              /* double the batch every epoch, up to N */
    double eta;
    bool decay;             /* eta_t = eta / (1 + t), t = samples seen / N */
    bool shuffle;           /* reshuffle every epoch */
    bool sorted;            /* visit the samples sorted by y (else as generated) */
    bool replace;           /* draw every batch's samples with replacement,
                             * independently, instead of each sample once an epoch */
    const char *csv;        /* figure data file, or NULL */
};

struct outcome {
    long samples_to_target;     /* sample gradients until the target first held; -1 never */
    double excess[COMPARE_EPOCHS + 1];  /* relative excess loss after each epoch */
    double floor;           /* mean of all readings (every batch, at least every 256
                             * sample gradients) in epochs first..last */
    double end_floor;       /* mean of the readings at the ends of those epochs */
    double before_last;     /* mean of the readings just before each of those
                             * epochs' last batch */
    double distance;        /* ||w - w*|| at the end */
};

/* Run s for epochs epochs (1..COMPARE_EPOCHS, the caller's guarantee, as
 * 1 <= first <= epochs), shuffling with seed, and average the readings of
 * epochs first..epochs.  With trace, write the figure's rows
 * (samples,epoch,excess,distance) there (a failed write: exit 2).  Stops
 * the program (status 3, "try a smaller eta") if the loss overflows. */
struct outcome run_schedule(const struct problem *p, const struct batch_schedule *s, uint64_t seed,
                            int epochs, int first, FILE *trace);

/* The relative floor of constant-step descent with batch B, for batches
 * drawn independently, from the balance of the chapter's noise-floor
 * section kept whole (the term eta H V H, and the noise that grows with
 * the loss itself):
 *     f = q / (1 - q),   q = (eta/B) tr(G (I - eta (1 + 1/B) G)^-1),
 * which is (4.5) before its - d/N (the reshuffled epoch's correction,
 * subtracted by the caller) and tends to (4.4), eta tr(G) / B, as
 * eta -> 0.  gram is G, n x n row-major.  Assumes features
 * whose fourth moments are those of normal numbers and noise independent
 * of x.  Returns -1 if eta (1 + 1/B) lambda_max >= 1 (no floor). */
double floor_prediction(const double *gram, size_t n, double eta, double batch);

/* The same balance without the growing noise (only the term eta H V H
 * kept): (eta/B) tr(G (I - eta G)^-1). */
double floor_without_feedback(const double *gram, size_t n, double eta, double batch);

/* The expected relative excess right after one batch of `last` samples,
 * taken from the floor of batch B (floor_prediction): what the reading at
 * the end of an epoch whose last batch is short sees.  -1 when
 * floor_prediction has no floor or n > COMPARE_FEATURES. */
double floor_after_short_batch(const double *gram, size_t n, double eta, double batch,
                               double last);

#endif
