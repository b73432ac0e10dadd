/* tests/06-momentum-exercises.c: chapter 6's code exercises.
 * Tolerances: closed forms to 1e-12 (a few double operations); the
 * dampened run against sgd_kind to 1e-13, as the two forms round
 * differently but contract (see tests/06-momentum.c). */
#include "harness.h"
#include "00-toolkit/rng.h"
#include "06-momentum/exercises.h"
#include "06-momentum/rates.h"
#include "06-momentum/sgd.h"
#include "00-toolkit/functions.h"
#include "exercise_race.h"

#include <math.h>

/* (2 + 2 beta) / L: beta = 0.9, L = 100 gives 0.038; beta = 0 gives 2/L. */
START_TEST(largest_stable_lr_is_the_edge)
{
    GIVEN("largest_stable_lr(beta = 0.9, lambda_max = 100)");
    double lr = largest_stable_lr(0.9, 100.0);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(lr, 0.038, 1e-12,
                  "as lr grows, at which q = lr lambda does a root of the characteristic "
                  "polynomial reach -1?");
    GIVEN("largest_stable_lr(beta = 0, lambda_max = 100)");
    EXPECT_ANSWER(largest_stable_lr(0.0, 100.0), 0.02, 1e-12,
                  "with beta = 0 there is no momentum: chapter 2's limit must come out");
    /* 40 random problems, so that no list of answers passes, against the
     * chapter's own rate (sgd_rate): a thousandth below the answer the
     * heavy ball converges on lambda_max, a thousandth above it does not. */
    struct rng r;
    rng_seed(&r, 62);
    for (int n = 0; n < 40; n++) {
        struct hyper h = sgd_kind.defaults;
        double beta = 0.99 * rng_uniform(&r), lambda = pow(10.0, 4.0 * rng_uniform(&r) - 1.0);
        GIVEN("largest_stable_lr(beta = %.17g, lambda_max = %.17g), random (case %d of 40)", beta,
              lambda, n + 1);
        double edge = largest_stable_lr(beta, lambda);
        h.momentum = beta;
        h.lr = edge * (1 - 1e-3);
        EXPECT_ANSWER(sgd_rate(&h, lambda).radius < 1, 1, 0,
                      "a thousandth below your limit the heavy ball should still converge: "
                      "at which q = lr lambda does a root reach -1?");
        h.lr = edge * (1 + 1e-3);
        EXPECT_ANSWER(sgd_rate(&h, lambda).radius >= 1, 1, 0,
                      "a thousandth above your limit the heavy ball should no longer converge: "
                      "at which q = lr lambda does a root reach -1?");
    }
}
END_TEST

/* The classical form with dampening against torch.optim.SGD's buffer form
 * (sgd_kind), 200 steps on 1/2 (x1^2 + 100 x2^2) from (1, 1). */
START_TEST(dampened_heavy_ball_matches_sgd)
{
    static const double curvature[2] = {1.0, 100.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = sgd_kind.defaults;
    struct optimizer opt;
    double x[2] = {1.0, 1.0}, theta[2] = {1.0, 1.0}, grad[2];
    GIVEN("dampened_heavy_ball(x = (1, 1), curvature = {1, 100}, lr = 0.01, beta = 0.9, "
          "dampening = 0.5, 200 steps)");
    dampened_heavy_ball(x, curvature, 2, 0.01, 0.9, 0.5, 200);
    RETURN_IF_PENDING();
    h.lr = 0.01;
    h.momentum = 0.9;
    h.dampening = 0.5;
    optimizer_init(&opt, &sgd_kind, &h, 2);
    for (int k = 0; k < 200; k++) {
        f.gradient(&f, grad, theta);
        optimizer_step(&opt, theta, grad);
    }
    optimizer_free(&opt);
    GIVEN("dampened_heavy_ball(x = (1, 1), curvature = {1, 100}, lr = 0.01, beta = 0.9, "
          "dampening = 0.5, 200 steps), next to torch.optim.SGD's buffer form (sgd_kind)");
    EXPECT_ANSWER(x[0], theta[0], 1e-13,
                  "dampening shrinks the gradient entering the buffer, except on which step?");
    EXPECT_ANSWER(x[1], theta[1], 1e-13,
                  "dampening shrinks the gradient entering the buffer, except on which step?");
}
END_TEST

/* kappa = 100: (10 - 1)/(10 + 1) = 9/11, and then the rate is a double
 * root 1 - 1/sqrt(kappa) = 0.9. */
START_TEST(nesterov_double_root_momentum_gives_double_root)
{
    double beta = nesterov_double_root_momentum(100.0);
    struct hyper h = sgd_kind.defaults;
    GIVEN("nesterov_double_root_momentum(kappa = 100)");
    struct rate r;
    RETURN_IF_PENDING();
    EXPECT_ANSWER(beta, 9.0 / 11, 1e-12,
                  "a double root: the discriminant of the characteristic polynomial is zero; "
                  "of the two betas that make it so, one is below 1");
    h.lr = 0.01;
    h.momentum = beta;
    h.nesterov = true;
    r = sgd_rate(&h, 1.0);
    GIVEN("Nesterov SGD with lr = 0.01 and your beta on curvature 1 (kappa = 100): "
          "its roots repeated (1) or not (0)");
    EXPECT_ANSWER(r.roots == ROOTS_REPEATED, 1, 0,
                  "the two roots should coincide: check the discriminant you set to zero");
    GIVEN("nesterov_double_root_momentum(kappa = 4)");
    EXPECT_ANSWER(nesterov_double_root_momentum(4.0), 1.0 / 3, 1e-12,
                  "work kappa = 4 by hand: sqrt(kappa) is 2");
    /* 40 random condition numbers from 1.5 to about 10^4, so that no list
     * of answers passes, against the chapter's own roots (sgd_rate, which
     * calls two roots repeated when they agree to its tolerance). */
    struct rng rr;
    rng_seed(&rr, 64);
    for (int n = 0; n < 40; n++) {
        double kappa = 1.5 * pow(10.0, 3.8 * rng_uniform(&rr));
        GIVEN("nesterov_double_root_momentum(kappa = %.17g), random (case %d of 40); then Nesterov "
              "SGD with lr = 1/kappa and that beta on curvature 1: its roots repeated (1) or not (0)",
              kappa, n + 1);
        h.lr = 1.0 / kappa;
        h.momentum = nesterov_double_root_momentum(kappa);
        EXPECT_ANSWER(sgd_rate(&h, 1.0).roots == ROOTS_REPEATED, 1, 0,
                      "the two roots should coincide: check the discriminant you set to zero");
    }
}
END_TEST

/* Exercise 5 (exercise_race.h): the wrong variants are sgd_step with one
 * likely mistake each. */
enum fault {
    RIGHT,
    FIRST_DAMPED,       /* b^(1) = (1 - dampening) g, as a buffer started at 0 */
    NO_DAMPENING,
    DAMPENING_ON_B,     /* b <- (1 - dampening)(momentum b) + g */
    NESTEROV_IGNORED,
    NESTEROV_WITH_B,    /* g <- b + momentum b */
    DECAY_BEFORE_SIGN,  /* g = -(grad + wd theta) */
    NO_DECAY,
    NO_MAXIMIZE,
};
static enum fault fault;

static void faulty_sgd(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *b = opt->buffer[0];
    for (size_t i = 0; i < opt->dim; i++) {
        double g = h->maximize && fault != NO_MAXIMIZE ? -grad[i] : grad[i];
        if (fault == DECAY_BEFORE_SIGN)
            g = h->maximize ? -(grad[i] + h->weight_decay * theta[i])
                            : grad[i] + h->weight_decay * theta[i];
        else if (fault != NO_DECAY)
            g += h->weight_decay * theta[i];
        if (h->momentum != 0.0) {
            double d = fault == NO_DAMPENING ? 0.0 : h->dampening;
            if (opt->step_count == 1 && fault != FIRST_DAMPED)
                b[i] = g;
            else if (fault == DAMPENING_ON_B)
                b[i] = (1.0 - d) * h->momentum * b[i] + g;
            else
                b[i] = h->momentum * b[i] + (1.0 - d) * g;
            if (h->nesterov && fault == NESTEROV_WITH_B)
                g = b[i] + h->momentum * b[i];
            else if (h->nesterov && fault != NESTEROV_IGNORED)
                g += h->momentum * b[i];
            else
                g = b[i];
        }
        theta[i] -= h->lr * g;
    }
}

#define FAULTY(name, f) \
    static void name(struct optimizer *o, double *x, const double *g) \
    {                                                                   \
        fault = f;                                                      \
        faulty_sgd(o, x, g);                                            \
    }
FAULTY(sgd_first_damped, FIRST_DAMPED)
FAULTY(sgd_no_dampening, NO_DAMPENING)
FAULTY(sgd_dampening_on_b, DAMPENING_ON_B)
FAULTY(sgd_nesterov_ignored, NESTEROV_IGNORED)
FAULTY(sgd_nesterov_with_b, NESTEROV_WITH_B)
FAULTY(sgd_decay_before_sign, DECAY_BEFORE_SIGN)
FAULTY(sgd_no_decay, NO_DECAY)
FAULTY(sgd_no_maximize, NO_MAXIMIZE)

START_TEST(sgd_step_like_pytorch)
{
    const struct race_variant variants[] = {
        {sgd_first_damped, "your first buffer is damped: section \"PyTorch's form\" says what "
                           "b is on step 1 (opt->step_count == 1)"},
        {sgd_no_dampening, "dampening is left out after the first step: where does it enter b?"},
        {sgd_dampening_on_b, "your dampening scales the old buffer: which term of the "
                             "buffer's update does it belong to?"},
        {sgd_nesterov_ignored, "nesterov is ignored: section \"Nesterov's look-ahead\" says "
                               "what PyTorch steps along"},
        {sgd_nesterov_with_b, "your look-ahead starts from b: which vector does PyTorch's "
                              "nesterov add momentum b to?"},
        {sgd_decay_before_sign, "maximize negates the gradient only; weight_decay theta is "
                                "added after, with its own sign"},
        {sgd_no_decay, "weight_decay is ignored: section \"The rest of torch.optim.SGD\" "
                       "(gradient_with_decay)"},
        {sgd_no_maximize, "with maximize on, PyTorch negates the gradient before anything else "
                          "uses it"},
        {NULL, NULL},
    };
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    optimizer_init(&opt, &sgd_kind, &sgd_kind.defaults, 1);
    opt.step_count = 1;
    GIVEN("one step of sgd_step_yours with torch.optim.SGD's defaults, theta = (1), gradient (1)");
    sgd_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    race_optimizer(sgd_step_yours, &sgd_kind, variants,
                   "compare each line with PyTorch's buffer form in section \"PyTorch's form: a "
                   "momentum buffer\"");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("06-momentum exercises");
    ADD_EXERCISE(suite, "6.2 the largest stable learning rate", largest_stable_lr_is_the_edge);
    ADD_EXERCISE(suite, "6.3 dampening in the classical form", dampened_heavy_ball_matches_sgd);
    ADD_EXERCISE(suite, "6.4 Nesterov's double root",
                 nesterov_double_root_momentum_gives_double_root);
    ADD_EXERCISE(suite, "6.5 torch.optim.SGD: the momentum buffer and Nesterov",
                 sgd_step_like_pytorch);
    return suite;
}
