/* exercise_race.h: grading an optimizer exercise like a library.
 *
 * The learner's step (the interface of 00-toolkit/optimizer.h) runs next
 * to the book's kind on many random cases: a dimension of 1 to 6, 1 to 25
 * steps, random hyper-parameters among those the kind takes (with the
 * settings PyTorch treats specially switched on and off: maximize,
 * weight_decay, nesterov, dampening, amsgrad, centered, lr_decay, an
 * initial accumulator), a random start and random gradients.  Case 0 is
 * the kind's defaults with lr 0.1, two coordinates and three steps.
 *
 * The first departure is reported with the case's settings (as the lab's
 * flags), the start, the gradient of that step, the step and coordinate,
 * expected and got; its hint is that of the first deliberately wrong
 * variant whose whole run matches the learner's (forgot the bias
 * correction, eps inside the root, ...), else the exercise's own hint.
 *
 * Tolerance: RACE_TOLERANCE relative to max(1, |theta_i|).  The gradients
 * are drawn, not computed from theta, so a rounding difference is not fed
 * back through the function: another order of the same operations (a
 * few units in the last place per step, about 1e-15) stays below 1e-13
 * after 25 steps; every mistake the variants model moves theta by far
 * more than 1e-9 in some case.  A header of static functions, included
 * by tests/NN-slug-exercises.c.
 */
#ifndef DESCENT_EXERCISE_RACE_H
#define DESCENT_EXERCISE_RACE_H

#include "harness.h"
#include "00-toolkit/optimizer.h"
#include "00-toolkit/rng.h"
#include "A-lab/kinds.h"

#include <stdio.h>
#include <string.h>

#define RACE_CASES 60
#define RACE_MAX_DIM 6
#define RACE_MAX_STEPS 25
#define RACE_TOLERANCE 1e-9

typedef void race_step_fn(struct optimizer *opt, double *theta, const double *grad);

/* A deliberately wrong version of the step and the hint for it. */
struct race_variant {
    race_step_fn *step;
    const char *hint;
};

struct race_case {
    struct hyper hyper;
    size_t dim;
    long steps;
    double theta0[RACE_MAX_DIM];
    double grads[RACE_MAX_STEPS][RACE_MAX_DIM];
};

static inline double race_log_uniform(struct rng *r, double low, double high)
{
    return exp(log(low) + (log(high) - log(low)) * rng_uniform(r));
}

static inline double race_between(struct rng *r, double low, double high)
{
    return low + (high - low) * rng_uniform(r);
}

static inline bool race_coin(struct rng *r, int one_in)
{
    return rng_below(r, (uint64_t)one_in) == 0;
}

/* Case number n for a kind taking the hyper-parameters `takes`. */
static inline void race_case_make(struct race_case *c, int n, const struct optimizer_kind *book)
{
    struct rng r;
    unsigned takes = book->takes;
    struct hyper *h = &c->hyper;
    rng_seed(&r, 20 + (uint64_t)n);
    *h = book->defaults;
    h->lr = 0.1;
    c->dim = 2;
    c->steps = 3;
    if (n > 0) {
        c->dim = 1 + (size_t)rng_below(&r, RACE_MAX_DIM);
        c->steps = 1 + (long)rng_below(&r, RACE_MAX_STEPS);
        h->lr = race_log_uniform(&r, 1e-3, 0.5);
        if (takes & TAKES_MOMENTUM)
            h->momentum = race_coin(&r, 4) ? 0.0 : race_between(&r, 0.5, 0.99);
        if (takes & TAKES_DAMPENING)
            h->dampening = race_coin(&r, 2) ? 0.0 : race_between(&r, 0.1, 0.5);
        if (takes & TAKES_NESTEROV)
            h->nesterov = h->momentum > 0.0 && h->dampening == 0.0 && race_coin(&r, 2);
        if (takes & TAKES_WEIGHT_DECAY)
            h->weight_decay = race_coin(&r, 2) ? 0.0 : race_log_uniform(&r, 1e-3, 0.3);
        if (takes & TAKES_MAXIMIZE)
            h->maximize = race_coin(&r, 4);
        if (takes & TAKES_ALPHA)
            h->alpha = race_between(&r, 0.8, 0.999);
        if (takes & TAKES_CENTERED)
            h->centered = race_coin(&r, 2);
        if (takes & TAKES_EPS)
            h->eps = race_log_uniform(&r, 1e-8, 1e-1);
        if (takes & TAKES_BETAS) {
            h->beta1 = race_between(&r, 0.5, 0.95);
            h->beta2 = race_between(&r, 0.9, 0.9999);
        }
        if (takes & TAKES_AMSGRAD)
            h->amsgrad = race_coin(&r, 2);
        if (takes & TAKES_RHO)
            h->rho = race_between(&r, 0.8, 0.99);
        if (takes & TAKES_LR_DECAY)
            h->lr_decay = race_coin(&r, 2) ? 0.0 : race_log_uniform(&r, 1e-3, 0.3);
        if (takes & TAKES_INITIAL_ACCUMULATOR_VALUE)
            h->initial_accumulator_value = race_coin(&r, 2) ? 0.0 : race_between(&r, 0.0, 1.0);
        if (takes & TAKES_MOMENTUM_DECAY)
            h->momentum_decay = race_log_uniform(&r, 1e-3, 0.5);
    }
    for (size_t i = 0; i < c->dim; i++)
        c->theta0[i] = rng_normal(&r);
    for (long k = 0; k < c->steps; k++) {
        double scale = n == 0 ? 1.0 : race_log_uniform(&r, 1e-2, 10.0);
        for (size_t i = 0; i < c->dim; i++)
            c->grads[k][i] = scale * rng_normal(&r);
    }
}

/* Run step on case c; path[k][i] = theta_i after step k + 1. */
static inline void race_run(const struct race_case *c, const struct optimizer_kind *book,
                            race_step_fn *step, double path[][RACE_MAX_DIM])
{
    struct optimizer_kind kind = *book;
    struct optimizer opt;
    double theta[RACE_MAX_DIM];
    kind.step = step;
    optimizer_init(&opt, &kind, &c->hyper, c->dim);
    memcpy(theta, c->theta0, sizeof theta);
    for (long k = 0; k < c->steps; k++) {
        optimizer_step(&opt, theta, c->grads[k]);
        memcpy(path[k], theta, sizeof theta);
    }
    optimizer_free(&opt);
}

/* Equal (infinities and NaN included: a wrong variant may overflow as the
 * learner's does), or within the tolerance. */
static inline bool race_close(double got, double expected)
{
    if (got == expected || (isnan(got) && isnan(expected)))
        return true;
    double scale = fabs(expected) > 1.0 ? fabs(expected) : 1.0;
    return fabs(got - expected) <= RACE_TOLERANCE * scale;
}

static inline void race_vector(char *text, size_t size, const double *v, size_t dim)
{
    size_t used = (size_t)snprintf(text, size, "(");
    for (size_t i = 0; i < dim && used < size; i++)
        used += (size_t)snprintf(text + used, size - used, "%s%.6g", i ? ", " : "", v[i]);
    if (used < size)
        snprintf(text + used, size - used, ")");
}

/* Where a step first departs from the book's: found is false when every
 * case agrees; hint is that of the first variant whose whole run of that
 * case matches (variant is its index, -1 when none does). */
struct race_departure {
    bool found;
    int n, variant;
    long k;
    size_t i;
    double got, expected;
    const char *hint;
};

static inline struct race_departure race_find(race_step_fn *yours,
                                              const struct optimizer_kind *book,
                                              const struct race_variant *variants,
                                              const char *hint, struct race_case *c)
{
    static double mine[RACE_MAX_STEPS][RACE_MAX_DIM], right[RACE_MAX_STEPS][RACE_MAX_DIM],
        other[RACE_MAX_STEPS][RACE_MAX_DIM];
    struct race_departure d = {.found = false, .variant = -1, .hint = hint};
    for (int n = 0; n < RACE_CASES; n++) {
        race_case_make(c, n, book);
        race_run(c, book, book->step, right);
        if (yours != book->step) {      /* said if yours crashes or never returns */
            char settings[512];
            hyper_describe(book, &c->hyper, settings, sizeof settings);
            GIVEN("case %d of %d (%zu coordinates, %ld steps, %s)", n + 1, RACE_CASES, c->dim,
                  c->steps, settings);
        }
        race_run(c, book, yours, mine);
        for (long k = 0; k < c->steps; k++)
            for (size_t i = 0; i < c->dim; i++) {
                if (race_close(mine[k][i], right[k][i]))
                    continue;
                d = (struct race_departure){true, n, -1, k, i, mine[k][i], right[k][i], hint};
                for (int v = 0; variants && variants[v].step; v++) {
                    bool same = true;
                    race_run(c, book, variants[v].step, other);
                    for (long j = 0; j < c->steps && same; j++)
                        for (size_t q = 0; q < c->dim && same; q++)
                            same = race_close(mine[j][q], other[j][q]);
                    if (same) {
                        d.variant = v;
                        d.hint = variants[v].hint;
                        break;
                    }
                }
                return d;
            }
    }
    return d;
}

/* The whole grading of an optimizer exercise, after the learner's step
 * has been called once and RETURN_IF_PENDING() has passed: the first
 * departure fails the test with the case, the step, the coordinate and
 * the hint.  Then the grader proves itself: each variant must depart in
 * some case and be recognised as itself. */
static inline void race_optimizer(race_step_fn *yours, const struct optimizer_kind *book,
                                  const struct race_variant *variants, const char *hint)
{
    static struct race_case c;
    struct race_departure d = race_find(yours, book, variants, hint, &c);
    if (d.found) {
        char settings[512], start[256], grad[256], expression[64];
        hyper_describe(book, &c.hyper, settings, sizeof settings);
        race_vector(start, sizeof start, c.theta0, c.dim);
        race_vector(grad, sizeof grad, c.grads[d.k], c.dim);
        GIVEN("case %d of %d (%zu coordinates, %ld steps, %s),\n"
              "theta = %s at the start, gradient %s at step %ld", d.n + 1, RACE_CASES,
              c.dim, c.steps, settings, start, grad, d.k + 1);
        snprintf(expression, sizeof expression, "theta[%zu] after step %ld", d.i, d.k + 1);
        exercise_expect(expression, d.got, d.expected,
                        RACE_TOLERANCE * (fabs(d.expected) > 1.0 ? fabs(d.expected) : 1.0),
                        d.hint);
        return;
    }
    for (int v = 0; variants && variants[v].step; v++) {
        d = race_find(variants[v].step, book, variants, hint, &c);
        ck_assert_msg(d.found, "the grader cannot tell wrong variant %d (%s) from the book's",
                      v, variants[v].hint);
        ck_assert_msg(d.variant == v, "the grader takes wrong variant %d for variant %d (%s)", v,
                      d.variant, variants[v].hint);
    }
}

#endif
