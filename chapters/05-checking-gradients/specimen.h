/* specimen.h: a broken regression, translated, checked and repaired.
 *
 * A NumPy example fits y ~ theta x to 100 samples (x uniform on [0, 1),
 * y = 3x + a uniform noise) by 1000 steps of gradient descent with
 * alpha = 0.01, and runs off to infinity.  Here it is in C, faults
 * included, then repaired one fault at a time, each stage a pair of
 * functions the gradient check of gradcheck.h compares:
 *
 *   SPECIMEN_SEED        as written: the prediction (theta[0] * X).sum(axis=0)
 *                        is theta S, S = sum_j x_j, the same for every
 *                        sample; loss = mean((y - theta S)^2); the
 *                        "gradient" is X^T (y - theta S)
 *   SPECIMEN_PER_SAMPLE  prediction theta x_i in both: loss = mean((y_i -
 *                        theta x_i)^2), gradient = sum_i x_i (y_i - theta x_i)
 *   SPECIMEN_MEAN        the gradient a mean with the square's 2:
 *                        2/n sum_i x_i (y_i - theta x_i)
 *   SPECIMEN_FIXED       and its sign: 2/n sum_i x_i (theta x_i - y_i)
 */
#ifndef DESCENT_SPECIMEN_H
#define DESCENT_SPECIMEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "05-checking-gradients/gradcheck.h"

#define SPECIMEN_COUNT 100      /* samples, as np.random.rand(100, 1) */
#define SPECIMEN_ALPHA 0.01     /* the seed's learning rate */
#define SPECIMEN_STEPS 1000     /* ... and its number of steps */
#define SPECIMEN_SEED_VALUE 3   /* rng_seed for the data and theta */

enum specimen_stage {
    SPECIMEN_SEED,
    SPECIMEN_PER_SAMPLE,
    SPECIMEN_MEAN,
    SPECIMEN_FIXED,
    SPECIMEN_STAGES
};

struct specimen {
    double x[SPECIMEN_COUNT];   /* np.random.rand(100, 1) */
    double y[SPECIMEN_COUNT];   /* 3 X + np.random.rand(100, 1) */
    double theta0;              /* np.random.rand(1, 1) */
    enum specimen_stage stage;
};

/* The data and the start, drawn from rng.h seeded with seed (the chapter
 * uses SPECIMEN_SEED_VALUE) in the seed's order: 100 x, then 100 noises,
 * then theta0. */
void specimen_init(struct specimen *s, unsigned long long seed, enum specimen_stage stage);

/* The stage's loss and claimed gradient (the table above) at theta. */
double specimen_loss(const struct specimen *s, double theta);
double specimen_gradient(const struct specimen *s, double theta);

/* The stage as a one-coordinate objective for gradcheck(); s must outlive
 * the result. */
struct checked specimen_checked(const struct specimen *s);

/* A short name of the stage for tables and files: "seed", ... */
const char *specimen_stage_name(enum specimen_stage stage);

/* The least-squares theta* = sum x_i y_i / sum x_i^2 of the repaired
 * model, and its loss. */
double specimen_theta_star(const struct specimen *s);

struct specimen_run {
    long steps;         /* updates taken */
    bool diverged;      /* stopped when the loss or theta overflowed */
    double theta;       /* the last finite theta */
    double loss;        /* ... and its loss */
};

/* The seed's loop: theta <- theta - alpha gradient, SPECIMEN_STEPS times
 * from theta0, stopping before a step that makes the loss or theta
 * non-finite.  With out, CSV rows step,loss,theta for every step. */
struct specimen_run specimen_descent(const struct specimen *s, FILE *out);

/* The chapter's tables: each stage checked at five random theta in
 * [-5, 5], then its loop. */
void specimen_report(FILE *out);

#endif
