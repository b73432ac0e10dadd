/* claims.h: the measurements behind claims_print (reports.h), each a
 * function so that the tests and --values use the very same numbers. */
#ifndef DESCENT_CLAIMS_H
#define DESCENT_CLAIMS_H

#include <stddef.h>
#include <stdint.h>

/* Chapter 2 on logistic regression: rates rate_factors[k] / L. */
#define RATE_FACTORS 5
#define RATE_STEPS 100
extern const double rate_factors[RATE_FACTORS];
struct rate_claim {
    double curvature;               /* (1/4) lambda_max(X~^T X~ / N) */
    double measured;                /* the Hessian's at theta = 0, by power iteration */
    int rises[RATE_FACTORS];        /* steps of RATE_STEPS that raised the loss */
};
struct rate_claim rate_claim_cancer(void);

/* Chapter 2 on the digits network: L at initialisation from seed
 * (trained_lr 0) or after DIGITS_EPOCHS of sgd at trained_lr; remembered
 * for the rest of the process, and read from the shared runs
 * (experiments.h) when they have it. */
double digits_curvature(uint64_t seed, double trained_lr);

/* Chapter 4: E|g_B - g|^2 for |B| = noise_sizes, NOISE_DRAWS batches each,
 * at the digits network after NOISE_EPOCHS of sgd (seed 1); trace
 * <- tr Cov[g_i] = mean |g_i - g|^2 over the N = count samples. */
#define NOISE_SIZES 3
#define NOISE_DRAWS 200
#define NOISE_EPOCHS 5
#define NOISE_SEED 4
extern const size_t noise_sizes[NOISE_SIZES];
void batch_noise(double noise[NOISE_SIZES], double *trace, size_t *count);

/* Chapter 6: sgd at momentum_sgd_rates[k] and momentum 0.9 at a tenth of
 * it, final training loss on digits, seed 1 (infinity: diverged). */
#define MOMENTUM_PAIRS 4
/* claims_print stops (exit status 1) unless, wherever sgd's final loss is
 * below MOMENTUM_TRAINS (the untrained network's is ln 10, about 2.3),
 * momentum's is within MOMENTUM_CLOSE of it, relative, and wherever it is
 * not, momentum's is below MOMENTUM_TRAINS. */
#define MOMENTUM_TRAINS 1.0
#define MOMENTUM_CLOSE 0.1
extern const double momentum_sgd_rates[MOMENTUM_PAIRS];
void momentum_pairs(double sgd_loss[MOMENTUM_PAIRS], double momentum_loss[MOMENTUM_PAIRS]);

/* Chapter 10: sgd at CLIP_LR on digits with max_norm clip_norms[k] (0:
 * none): final training loss and test accuracy. */
#define CLIP_NORMS 4
#define CLIP_LR 3.0
extern const double clip_norms[CLIP_NORMS];
void clipping(double loss[CLIP_NORMS], double accuracy[CLIP_NORMS]);

/* Chapter 9: sgd on digits at SCHEDULE_LR, constant and with cosine
 * annealing to 0 over the DIGITS_EPOCHS epochs (T_max = DIGITS_EPOCHS,
 * stepped per epoch): final training loss and test accuracy, seed 1. */
#define SCHEDULE_LR 1.0
void schedules(double loss[2], double accuracy[2]);

/* tr Cov[g_i], the mean |g_i - g|^2 over the digits' training samples, at
 * the network after epochs of sgd (tuned rate, seed 1): the noise that
 * every mini-batch gradient carries, chapter 4's sigma^2. */
double noise_trace(long epochs);

#endif
