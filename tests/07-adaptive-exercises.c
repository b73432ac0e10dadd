/* tests/07-adaptive-exercises.c: chapter 7's code exercises. */
#include "harness.h"
#include "00-toolkit/rng.h"
#include "00-toolkit/functions.h"
#include "07-adaptive/exercises.h"
#include "07-adaptive/adadelta.h"
#include "07-adaptive/adagrad.h"
#include "07-adaptive/rmsprop.h"
#include "exercise_race.h"

/* The learner's RMSprop as a kind, to be driven like the book's. */
static const struct optimizer_kind yours = {
    .name = "rmsprop (yours)",
    .takes = TAKES_LR | TAKES_ALPHA | TAKES_EPS | TAKES_MOMENTUM | TAKES_CENTERED |
             TAKES_WEIGHT_DECAY | TAKES_MAXIMIZE,
    .step = rmsprop_step_yours,
};

/* steps updates of both on f from x0; returns the largest difference in
 * x, relative to max(1, |x|). */
static double race(const struct function *f, const double *x0, const struct hyper *h,
                   long steps, double *first_x1)
{
    struct optimizer mine, book;
    double x[2] = {x0[0], x0[1]}, y[2] = {x0[0], x0[1]}, gx[2], gy[2], worst = 0.0;
    optimizer_init(&mine, &yours, h, 2);
    optimizer_init(&book, &rmsprop_kind, h, 2);
    for (long k = 0; k < steps; k++) {
        f->gradient(f, gx, x);
        f->gradient(f, gy, y);
        optimizer_step(&mine, x, gx);
        if (k == 0 && first_x1)
            *first_x1 = x[0];
        optimizer_step(&book, y, gy);
        for (int i = 0; i < 2; i++) {
            double scale = fabs(y[i]) > 1.0 ? fabs(y[i]) : 1.0;
            double gap = fabs(x[i] - y[i]) / scale;
            if (!(gap <= worst))              /* also catches NaN */
                worst = isnan(gap) ? INFINITY : gap;
        }
    }
    optimizer_free(&mine);
    optimizer_free(&book);
    return worst;
}

/* The wrong variants of exercises 3, 6 and 7 (exercise_race.h): the
 * book's steps with one likely mistake each. */
enum fault {
    RIGHT,
    EPS_INSIDE,         /* sqrt(v + eps) */
    EPS_OUTSIDE,        /* Adadelta: (sqrt(u) + eps) / (sqrt(v) + eps) */
    CENTERED_IGNORED,
    BUFFER_OF_G,        /* RMSprop: b accumulates g, divided afterwards */
    MOMENTUM_IGNORED,
    ALPHA_SWAPPED,      /* v <- (1 - alpha) v + alpha g^2 */
    DIVIDE_FIRST,       /* Adagrad: the step with the old sum */
    LR_DECAY_FROM_1,    /* clr = lr / (1 + t lr_decay) */
    LR_DECAY_IGNORED,
    ACCUMULATOR_IGNORED,
    U_OF_G,             /* Adadelta: u averages g^2, not delta^2 */
    ROOTS_SWAPPED,      /* Adadelta: sqrt(v + eps) / sqrt(u + eps) */
    LR_IGNORED,
    NO_DECAY,
    NO_MAXIMIZE,
};
static enum fault fault;

static double faulty_gradient(const struct hyper *h, double grad, double theta)
{
    double g = h->maximize && fault != NO_MAXIMIZE ? -grad : grad;
    if (fault != NO_DECAY)
        g += h->weight_decay * theta;
    return g;
}

static void faulty_rmsprop(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *v = opt->buffer[0], *m = opt->buffer[1], *b = opt->buffer[2];
    double keep = fault == ALPHA_SWAPPED ? 1.0 - h->alpha : h->alpha;
    for (size_t i = 0; i < opt->dim; i++) {
        double g = faulty_gradient(h, grad[i], theta[i]), second = 0.0, d;
        v[i] = keep * v[i] + (1.0 - keep) * g * g;
        if (h->centered && fault != CENTERED_IGNORED) {
            m[i] = keep * m[i] + (1.0 - keep) * g;
            second = m[i] * m[i];
        }
        d = fault == EPS_INSIDE ? sqrt(v[i] - second + h->eps) : sqrt(v[i] - second) + h->eps;
        if (h->momentum > 0.0 && fault == BUFFER_OF_G) {
            b[i] = h->momentum * b[i] + g;
            theta[i] -= h->lr * b[i] / d;
        } else if (h->momentum > 0.0 && fault != MOMENTUM_IGNORED) {
            b[i] = h->momentum * b[i] + g / d;
            theta[i] -= h->lr * b[i];
        } else {
            theta[i] -= h->lr * g / d;
        }
    }
}

static void faulty_adagrad(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *s = opt->buffer[0];
    double t = (double)opt->step_count;
    double clr = fault == LR_DECAY_IGNORED ? h->lr
                 : h->lr / (1.0 + (fault == LR_DECAY_FROM_1 ? t : t - 1.0) * h->lr_decay);
    for (size_t i = 0; i < opt->dim; i++) {
        double g = faulty_gradient(h, grad[i], theta[i]);
        if (opt->step_count == 1 && fault != ACCUMULATOR_IGNORED)
            s[i] = h->initial_accumulator_value;
        if (fault != DIVIDE_FIRST)
            s[i] += g * g;
        double d = fault == EPS_INSIDE ? sqrt(s[i] + h->eps) : sqrt(s[i]) + h->eps;
        theta[i] -= clr * g / d;
        if (fault == DIVIDE_FIRST)
            s[i] += g * g;
    }
}

static void faulty_adadelta(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *v = opt->buffer[0], *u = opt->buffer[1];
    for (size_t i = 0; i < opt->dim; i++) {
        double g = faulty_gradient(h, grad[i], theta[i]), delta;
        v[i] = h->rho * v[i] + (1.0 - h->rho) * g * g;
        if (fault == EPS_OUTSIDE)
            delta = (sqrt(u[i]) + h->eps) / (sqrt(v[i]) + h->eps) * g;
        else if (fault == ROOTS_SWAPPED)
            delta = sqrt(v[i] + h->eps) / sqrt(u[i] + h->eps) * g;
        else
            delta = sqrt(u[i] + h->eps) / sqrt(v[i] + h->eps) * g;
        u[i] = h->rho * u[i] + (1.0 - h->rho) * (fault == U_OF_G ? g * g : delta * delta);
        theta[i] -= (fault == LR_IGNORED ? 1.0 : h->lr) * delta;
    }
}

#define FAULTY(name, base, f) \
    static void name(struct optimizer *o, double *x, const double *g) { fault = f; base(o, x, g); }

FAULTY(rmsprop_eps_inside, faulty_rmsprop, EPS_INSIDE)
FAULTY(rmsprop_centered_ignored, faulty_rmsprop, CENTERED_IGNORED)
FAULTY(rmsprop_buffer_of_g, faulty_rmsprop, BUFFER_OF_G)
FAULTY(rmsprop_momentum_ignored, faulty_rmsprop, MOMENTUM_IGNORED)
FAULTY(rmsprop_alpha_swapped, faulty_rmsprop, ALPHA_SWAPPED)
FAULTY(rmsprop_no_decay, faulty_rmsprop, NO_DECAY)
FAULTY(rmsprop_no_maximize, faulty_rmsprop, NO_MAXIMIZE)

static const char *const forgot_maximize =
    "with maximize on, PyTorch negates the gradient before anything else uses it "
    "(gradient_with_decay does it)";
static const char *const forgot_decay =
    "weight_decay is ignored: the gradient is taken as SGD takes it (gradient_with_decay)";

static const struct race_variant rmsprop_variants[] = {
    {rmsprop_eps_inside, "eps is added after the square root (7.5), not inside it"},
    {rmsprop_centered_ignored, "centered is ignored: what does (7.6) also average, and "
                               "where does it enter?"},
    {rmsprop_buffer_of_g, "your momentum buffer adds up g itself: what does (7.7) add into b?"},
    {rmsprop_momentum_ignored, "momentum is ignored: with momentum > 0 the step is "
                               "(7.7)'s"},
    {rmsprop_alpha_swapped, "alpha and 1 - alpha are swapped: which one does (7.5)'s "
                            "average keep of the old v?"},
    {rmsprop_no_decay, NULL},
    {rmsprop_no_maximize, NULL},
    {NULL, NULL},
};

/* Plain RMSprop on the chapter's f: the first move is 10 lr (eq. 7.5 with
 * alpha = 0.99, eps = 0); then 200 steps each of plain and centered RMSprop
 * on it, and 300 steps with momentum on Rosenbrock, against the book's.
 * The tolerance, 1e-9 relative, allows another order of the same
 * operations (a reordering changes the last bit, and these runs contract,
 * so such differences do not grow past about 1e-13). */
START_TEST(rmsprop_from_the_equations)
{
    static const double curvature[2] = {1.0, 100.0}, x0[2] = {1.0, 1.0};
    struct function f = quadratic(curvature, 2);
    struct function rosenbrock = function_from_spec("test", "rosenbrock");
    struct hyper h = rmsprop_kind.defaults;
    double first_x1 = 0.0;
    h.eps = 0.0;
    GIVEN("one step of rmsprop_step_yours on f = (x1^2 + 100 x2^2)/2 from (1, 1), lr = %g, "
          "alpha = %g, eps = 0: the new x1", h.lr, h.alpha);
    race(&f, x0, &h, 1, &first_x1);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(first_x1, 0.9, 1e-12,
                  "v starts at 0: after one update, how big is sqrt(v) next to |g|? (7.5)");
    h.eps = 1e-8;
    GIVEN("200 steps of rmsprop_step_yours next to the book's RMSprop on the same f, eps = 1e-8: "
          "the largest relative difference in x");
    EXPECT_ANSWER(race(&f, x0, &h, 200, NULL), 0.0, 1e-9,
                  "compare each line with (7.5)-(7.6): where does eps go, inside or outside "
                  "the square root?");
    h.centered = true;
    GIVEN("the same with centered = true");
    EXPECT_ANSWER(race(&f, x0, &h, 200, NULL), 0.0, 1e-9,
                  "centered = true is (7.6): what else does it average, and where does that "
                  "average enter?");
    h.centered = false;
    h.lr = 1e-3;
    h.momentum = 0.9;
    GIVEN("300 steps with lr = 0.001, momentum = 0.9 on Rosenbrock from its start, next to the "
          "book's: the largest relative difference in x");
    EXPECT_ANSWER(race(&rosenbrock, rosenbrock.start, &h, 300, NULL), 0.0, 1e-9,
                  "with momentum: what does (7.7) add into the buffer b at each step? (b "
                  "starts at 0)");
    /* then every setting torch.optim.RMSprop takes, on random cases */
    struct race_variant variants[sizeof rmsprop_variants / sizeof rmsprop_variants[0]];
    memcpy(variants, rmsprop_variants, sizeof variants);
    variants[5].hint = forgot_decay;
    variants[6].hint = forgot_maximize;
    race_optimizer(rmsprop_step_yours, &rmsprop_kind, variants,
                   "compare each line with (7.5)-(7.7)");
}
END_TEST

/* Exercise 5: the k-th move is lr |g| / sqrt(k g^2) = lr / sqrt(k), so
 * the distance is lr (1 + 1/sqrt 2 + ... + 1/sqrt t), between
 * 2 lr (sqrt(t + 1) - 1) and 2 lr sqrt(t); it does not depend on g. */
START_TEST(adagrad_on_a_slope)
{
    GIVEN("adagrad_distance_on_a_slope(lr = 0.1, g = 3, t = 100)");
    double got = adagrad_distance_on_a_slope(0.1, 3.0, 100);
    RETURN_IF_PENDING();
    double sum = 0.0;
    for (long k = 1; k <= 100; k++)
        sum += 1.0 / sqrt((double)k);
    /* 100 moves of size 0.1 or less, each within an ulp: 1e-12 is loose */
    GIVEN("adagrad_distance_on_a_slope(lr = 0.1, g = 3, t = 100)");
    EXPECT_ANSWER(got, 0.1 * sum, 1e-12,
                  "(7.2) with the same g at every step: what is the sum after k steps, and "
                  "so move k?");
    GIVEN("adagrad_distance_on_a_slope(lr = 0.1, g = -0.001, t = 100)");
    EXPECT_ANSWER(adagrad_distance_on_a_slope(0.1, -1e-3, 100), 0.1 * sum, 1e-12,
                  "a distance is never negative; and what happens to the size of g?");
    GIVEN("adagrad_distance_on_a_slope(lr = 1, g = 2, t = 1)");
    EXPECT_ANSWER(adagrad_distance_on_a_slope(1.0, 2.0, 1), 1.0, 1e-12,
                  "one step with eps = 0: how far does Adagrad's first move go?");
    /* 30 random slopes, so that no list of answers passes: lr in (0, 1],
     * |g| from 10^-3 to 10^3, t up to 200; the distance is
     * lr sum_{k<=t} 1/sqrt(k) whatever g (each move within an ulp of
     * lr/sqrt(k): 1e-12 relative is loose). */
    struct rng r;
    rng_seed(&r, 75);
    for (int n = 0; n < 30; n++) {
        double lr = 1.0 - rng_uniform(&r),
               g = pow(10.0, 6.0 * rng_uniform(&r) - 3.0) * (rng_uniform(&r) < 0.5 ? -1 : 1);
        long t = 1 + (long)rng_below(&r, 200);
        double want = 0.0;
        for (long k = 1; k <= t; k++)
            want += lr / sqrt((double)k);
        GIVEN("adagrad_distance_on_a_slope(lr = %.17g, g = %.17g, t = %ld), random (case %d of 30)",
              lr, g, t, n + 1);
        EXPECT_ANSWER(adagrad_distance_on_a_slope(lr, g, t), want, 1e-12 * want,
                      "(7.2) with the same g at every step: what is the sum after k steps, and "
                      "so move k?");
    }
}
END_TEST

FAULTY(adagrad_eps_inside, faulty_adagrad, EPS_INSIDE)
FAULTY(adagrad_divide_first, faulty_adagrad, DIVIDE_FIRST)
FAULTY(adagrad_lr_decay_from_1, faulty_adagrad, LR_DECAY_FROM_1)
FAULTY(adagrad_lr_decay_ignored, faulty_adagrad, LR_DECAY_IGNORED)
FAULTY(adagrad_accumulator_ignored, faulty_adagrad, ACCUMULATOR_IGNORED)
FAULTY(adagrad_no_decay, faulty_adagrad, NO_DECAY)
FAULTY(adagrad_no_maximize, faulty_adagrad, NO_MAXIMIZE)

START_TEST(adagrad_like_pytorch)
{
    const struct race_variant variants[] = {
        {adagrad_eps_inside, "eps is added after the square root (7.2), not inside it"},
        {adagrad_divide_first, "you divide by the sum before this g joins it: see the order "
                               "of the two lines of (7.2)"},
        {adagrad_lr_decay_from_1, "lr_decay one step early: which rate does the first step "
                                  "(t = 1) use?"},
        {adagrad_lr_decay_ignored, "lr_decay is ignored: the section on Adagrad says how "
                                   "PyTorch decays lr"},
        {adagrad_accumulator_ignored, "the sum starts at initial_accumulator_value, not at 0"},
        {adagrad_no_decay, forgot_decay},
        {adagrad_no_maximize, forgot_maximize},
        {NULL, NULL},
    };
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    optimizer_init(&opt, &adagrad_kind, &adagrad_kind.defaults, 1);
    opt.step_count = 1;
    GIVEN("one step of adagrad_step_yours with torch.optim.Adagrad's defaults, theta = (1), "
          "gradient (1)");
    adagrad_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    race_optimizer(adagrad_step_yours, &adagrad_kind, variants,
                   "compare each line with (7.2) and torch.optim.Adagrad's settings");
}
END_TEST

FAULTY(adadelta_eps_outside, faulty_adadelta, EPS_OUTSIDE)
FAULTY(adadelta_roots_swapped, faulty_adadelta, ROOTS_SWAPPED)
FAULTY(adadelta_u_of_g, faulty_adadelta, U_OF_G)
FAULTY(adadelta_lr_ignored, faulty_adadelta, LR_IGNORED)
FAULTY(adadelta_no_decay, faulty_adadelta, NO_DECAY)
FAULTY(adadelta_no_maximize, faulty_adadelta, NO_MAXIMIZE)

START_TEST(adadelta_like_pytorch)
{
    const struct race_variant variants[] = {
        {adadelta_eps_outside, "Adadelta adds eps inside both square roots: with u = 0 at the "
                               "start, sqrt(u + eps) is what lets it move at all"},
        {adadelta_roots_swapped, "the two roots are swapped: which size goes on top in (7.8), "
                                 "the past steps' or the gradients'?"},
        {adadelta_u_of_g, "your u averages g^2: what does (7.8) average into u?"},
        {adadelta_lr_ignored, "PyTorch still multiplies delta by lr (1.0 by default)"},
        {adadelta_no_decay, forgot_decay},
        {adadelta_no_maximize, forgot_maximize},
        {NULL, NULL},
    };
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    optimizer_init(&opt, &adadelta_kind, &adadelta_kind.defaults, 1);
    opt.step_count = 1;
    GIVEN("one step of adadelta_step_yours with torch.optim.Adadelta's defaults, theta = (1), "
          "gradient (1)");
    adadelta_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    race_optimizer(adadelta_step_yours, &adadelta_kind, variants,
                   "compare each line with (7.8) and the section on Adadelta");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("07-adaptive exercises");
    ADD_EXERCISE(suite, "7.3 RMSprop from the equations", rmsprop_from_the_equations);
    ADD_EXERCISE(suite, "7.5 Adagrad on a slope", adagrad_on_a_slope);
    ADD_EXERCISE(suite, "7.6 Adagrad as torch.optim.Adagrad", adagrad_like_pytorch);
    ADD_EXERCISE(suite, "7.7 Adadelta as torch.optim.Adadelta", adadelta_like_pytorch);
    return suite;
}
