/* tests/08-adam-exercises.c: chapter 8's code exercises. */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "08-adam/adam.h"
#include "08-adam/adamax.h"
#include "08-adam/exercises.h"
#include "08-adam/nadam.h"
#include "exercise_race.h"

/* First, one step: it is lr g / (|g| + eps) per coordinate (m-hat = g,
 * v-hat = g^2); tolerance 1e-12, a division and a square root away from
 * the closed form.  Then twenty steps on 1/2 (x1^2 + 10 x2^2) from (1, 1),
 * lr 0.1, next to adam_kind; tolerance 1e-12: the same operations in
 * another grouping differ by a few units in the last place per step, and
 * Adam's bounded steps (about lr) do not amplify that in 20 steps. */
START_TEST(adam_from_memory_matches_adam_kind)
{
    double theta[2] = {1.0, 1.0}, m[2] = {0.0, 0.0}, v[2] = {0.0, 0.0};
    const double grad[2] = {1.0, -10.0};
    GIVEN("adam_from_memory(theta = (1, 1), m = v = (0, 0), grad = (1, -10), t = 1, lr = 0.1, "
          "beta1 = 0.9, beta2 = 0.999, eps = 1e-8)");
    adam_from_memory(theta, m, v, grad, 2, 1, 0.1, 0.9, 0.999, 1e-8);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(theta[0], 1.0 - 0.1 / (1.0 + 1e-8), 1e-12,
                  "Adam's first step moves each coordinate by about lr: m and v start at 0, "
                  "which (8.3) corrects");
    EXPECT_ANSWER(theta[1], 1.0 + 0.1 * 10.0 / (10.0 + 1e-8), 1e-12,
                  "a negative gradient moves theta up");
    EXPECT_ANSWER(m[0], 0.1, 1e-15,
                  "m and v keep the raw averages (8.1, 8.2); the corrected ones serve the step only");
    EXPECT_ANSWER(v[1], 0.1, 1e-15,
                  "m and v keep the raw averages (8.1, 8.2); the corrected ones serve the step only");

    static const double curvature[2] = {1.0, 10.0};
    struct function f = quadratic(curvature, 2);
    struct hyper h = adam_kind.defaults;
    struct optimizer opt;
    double x[2] = {1.0, 1.0}, y[2] = {1.0, 1.0}, gx[2], gy[2];
    m[0] = m[1] = v[0] = v[1] = 0.0;
    h.lr = 0.1;
    optimizer_init(&opt, &adam_kind, &h, 2);
    for (long t = 1; t <= 20; t++) {
        f.gradient(&f, gx, x);
        optimizer_step(&opt, x, gx);
        f.gradient(&f, gy, y);
        adam_from_memory(y, m, v, gy, 2, t, 0.1, 0.9, 0.999, 1e-8);
        GIVEN("step t = %ld of adam_from_memory on f = (x1^2 + 10 x2^2)/2 from (1, 1), lr = 0.1, "
              "next to the book's Adam (adam_kind)", t);
        EXPECT_ANSWER(y[0], x[0], 1e-12, "compare your step t with equations (8.1)-(8.4)");
        EXPECT_ANSWER(y[1], x[1], 1e-12, "compare your step t with equations (8.1)-(8.4)");
    }
    optimizer_free(&opt);
}
END_TEST

/* ------------------------------------------------ exercises 5 to 8
 * Each is raced against the book's kind (exercise_race.h).  The wrong
 * variants below are the book's steps with one likely mistake each; a
 * wrong answer whose run matches one of them gets that variant's hint. */

enum fault {
    RIGHT,
    NO_CORRECTION,      /* neither moment corrected */
    NO_CORRECTION2,     /* only m corrected */
    EPS_INSIDE,         /* sqrt(v-hat + eps) */
    T_FROM_2,           /* t = step_count + 1 */
    AMS_OF_HAT,         /* max over the corrected v */
    AMS_IGNORED,
    DECOUPLED,          /* Adam decaying theta as AdamW does */
    COUPLED,            /* AdamW adding wd theta to g as Adam does */
    DECAY_AFTER,        /* AdamW's decay after the update */
    DECAY_NO_LR,        /* theta (1 - wd) */
    NO_DECAY,
    NO_MAXIMIZE,
    MAXIMIZE_AFTER,     /* -(grad + wd theta) */
    EPS_OUTSIDE_MAX,    /* Adamax: max(beta2 u, |g|) + eps */
    CORRECT_U,          /* Adamax: u / (1 - beta2^t) */
    NO_ABS,             /* Adamax: max(beta2 u, g + eps) */
    OLD_PRODUCT,        /* NAdam as PyTorch 1.13: mu_t counted twice */
    PRODUCT_PER_COORD,  /* NAdam: the product multiplied in the loop */
    CONSTANT_MU,        /* NAdam: mu_t = beta1 */
};
static enum fault fault;

static double faulty_gradient(const struct hyper *h, double grad, double theta, bool l2)
{
    double g = h->maximize && fault != NO_MAXIMIZE ? -grad : grad;
    if (fault == MAXIMIZE_AFTER)
        g = h->maximize ? -(grad + h->weight_decay * theta) : grad + h->weight_decay * theta;
    else if (l2 && fault != NO_DECAY)
        g += h->weight_decay * theta;
    return g;
}

/* Adam (decoupled = false) and AdamW (true), with the fault in force. */
static void faulty_adam(struct optimizer *opt, double *theta, const double *grad, bool decoupled)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1], *v_max = opt->buffer[2];
    double t = (double)opt->step_count + (fault == T_FROM_2 ? 1.0 : 0.0);
    double c1 = 1.0 - pow(h->beta1, t), c2 = 1.0 - pow(h->beta2, t);
    if (fault == NO_CORRECTION)
        c1 = c2 = 1.0;
    if (fault == NO_CORRECTION2)
        c2 = 1.0;
    bool l2 = decoupled ? fault == COUPLED : fault != DECOUPLED;
    for (size_t i = 0; i < opt->dim; i++) {
        double g = faulty_gradient(h, grad[i], theta[i], l2);
        if (decoupled && fault == DECAY_NO_LR)
            theta[i] *= 1.0 - h->weight_decay;
        else if ((decoupled && fault != COUPLED && fault != DECAY_AFTER && fault != NO_DECAY) ||
                 (!decoupled && fault == DECOUPLED))
            theta[i] *= 1.0 - h->lr * h->weight_decay;
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;
        double second = v[i] / c2;
        if (h->amsgrad && fault == AMS_OF_HAT) {
            v_max[i] = fmax(v_max[i], v[i] / c2);
            second = v_max[i];
        } else if (h->amsgrad && fault != AMS_IGNORED) {
            v_max[i] = fmax(v_max[i], v[i]);
            second = v_max[i] / c2;
        }
        double denom = fault == EPS_INSIDE ? sqrt(second + h->eps) : sqrt(second) + h->eps;
        theta[i] -= h->lr / c1 * m[i] / denom;
        if (decoupled && fault == DECAY_AFTER)
            theta[i] *= 1.0 - h->lr * h->weight_decay;
    }
}

#define FAULTY(name, base, f) \
    static void name(struct optimizer *o, double *x, const double *g) { fault = f; base; }

FAULTY(adam_no_correction, faulty_adam(o, x, g, false), NO_CORRECTION)
FAULTY(adam_no_correction2, faulty_adam(o, x, g, false), NO_CORRECTION2)
FAULTY(adam_eps_inside, faulty_adam(o, x, g, false), EPS_INSIDE)
FAULTY(adam_t_from_2, faulty_adam(o, x, g, false), T_FROM_2)
FAULTY(adam_ams_of_hat, faulty_adam(o, x, g, false), AMS_OF_HAT)
FAULTY(adam_ams_ignored, faulty_adam(o, x, g, false), AMS_IGNORED)
FAULTY(adam_decoupled, faulty_adam(o, x, g, false), DECOUPLED)
FAULTY(adam_no_decay, faulty_adam(o, x, g, false), NO_DECAY)
FAULTY(adam_no_maximize, faulty_adam(o, x, g, false), NO_MAXIMIZE)
FAULTY(adam_maximize_after, faulty_adam(o, x, g, false), MAXIMIZE_AFTER)

static const char *const forgot_maximize =
    "with maximize on, PyTorch negates the gradient before anything else uses it";
static const char *const decay_then_maximize =
    "maximize negates the gradient only; weight_decay theta is added after, with its own sign";
static const char *const eps_inside =
    "eps is added after the square root (8.4), not inside it";
static const char *const no_correction =
    "the bias corrections (8.3) are missing or wrong; t is opt->step_count";
static const char *const ams_ignored =
    "with amsgrad on, the denominator uses the largest v so far, kept in its own buffer";

static const struct race_variant adam_variants[] = {
    {adam_no_correction, "the moments start at zero: correct both by (8.3) before the step"},
    {adam_no_correction2, "v is not corrected: (8.3) corrects both moments"},
    {adam_eps_inside, NULL},
    {adam_t_from_2, "t is opt->step_count as it is: 1 on the first step"},
    {adam_ams_of_hat, "AMSGrad keeps the largest raw v, then corrects it (PyTorch's order)"},
    {adam_ams_ignored, NULL},
    {adam_decoupled, "that is AdamW's decay: section \"AdamW\" says how Adam's own "
                     "weight_decay differs"},
    {adam_no_decay, "weight_decay is ignored: Adam takes it as SGD does (gradient_with_decay)"},
    {adam_no_maximize, NULL},
    {adam_maximize_after, NULL},
    {NULL, NULL},
};

START_TEST(adam_step_like_pytorch)
{
    static struct race_variant variants[sizeof adam_variants / sizeof adam_variants[0]];
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    struct hyper h = adam_kind.defaults;
    optimizer_init(&opt, &adam_kind, &h, 1);
    opt.step_count = 1;
    GIVEN("one step of adam_step_yours with torch.optim.Adam's defaults, theta = (1), gradient (1)");
    adam_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    memcpy(variants, adam_variants, sizeof variants);
    variants[2].hint = eps_inside;
    variants[5].hint = ams_ignored;
    variants[8].hint = forgot_maximize;
    variants[9].hint = decay_then_maximize;
    race_optimizer(adam_step_yours, &adam_kind, variants,
                   "compare each line with (8.1)-(8.4) and section \"AMSGrad\"");
}
END_TEST

FAULTY(adamw_coupled, faulty_adam(o, x, g, true), COUPLED)
FAULTY(adamw_decay_after, faulty_adam(o, x, g, true), DECAY_AFTER)
FAULTY(adamw_decay_no_lr, faulty_adam(o, x, g, true), DECAY_NO_LR)
FAULTY(adamw_no_decay, faulty_adam(o, x, g, true), NO_DECAY)
FAULTY(adamw_no_correction, faulty_adam(o, x, g, true), NO_CORRECTION)
FAULTY(adamw_eps_inside, faulty_adam(o, x, g, true), EPS_INSIDE)
FAULTY(adamw_ams_ignored, faulty_adam(o, x, g, true), AMS_IGNORED)
FAULTY(adamw_no_maximize, faulty_adam(o, x, g, true), NO_MAXIMIZE)

START_TEST(adamw_step_like_pytorch)
{
    const struct race_variant variants[] = {
        {adamw_coupled, "that is Adam's L2: in AdamW the moments never see weight_decay theta"},
        {adamw_decay_after, "shrink theta before the moment update, not after the step"},
        {adamw_decay_no_lr, "your decay leaves the learning rate out: see section "
                            "\"AdamW\""},
        {adamw_no_decay, "weight_decay is ignored: section \"AdamW\" says what it does to theta"},
        {adamw_no_correction, no_correction},
        {adamw_eps_inside, eps_inside},
        {adamw_ams_ignored, ams_ignored},
        {adamw_no_maximize, forgot_maximize},
        {NULL, NULL},
    };
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    optimizer_init(&opt, &adamw_kind, &adamw_kind.defaults, 1);
    opt.step_count = 1;
    GIVEN("one step of adamw_step_yours with torch.optim.AdamW's defaults, theta = (1), "
          "gradient (1)");
    adamw_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    race_optimizer(adamw_step_yours, &adamw_kind, variants,
                   "compare each line with section \"AdamW\": where does the decay go?");
}
END_TEST

static void faulty_adamax(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *u = opt->buffer[1];
    double t = (double)opt->step_count;
    double c1 = fault == NO_CORRECTION ? 1.0 : 1.0 - pow(h->beta1, t);
    for (size_t i = 0; i < opt->dim; i++) {
        double g = faulty_gradient(h, grad[i], theta[i], true);
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        double size = fault == NO_ABS ? g : fabs(g);
        double denom;
        if (fault == EPS_OUTSIDE_MAX) {
            u[i] = fmax(h->beta2 * u[i], size);
            denom = u[i] + h->eps;
        } else {
            u[i] = fmax(h->beta2 * u[i], size + h->eps);
            denom = u[i];
        }
        if (fault == CORRECT_U)
            denom /= 1.0 - pow(h->beta2, t);
        theta[i] -= h->lr / c1 * m[i] / denom;
    }
}

FAULTY(adamax_eps_outside, faulty_adamax(o, x, g), EPS_OUTSIDE_MAX)
FAULTY(adamax_correct_u, faulty_adamax(o, x, g), CORRECT_U)
FAULTY(adamax_no_correction, faulty_adamax(o, x, g), NO_CORRECTION)
FAULTY(adamax_no_abs, faulty_adamax(o, x, g), NO_ABS)
FAULTY(adamax_no_maximize, faulty_adamax(o, x, g), NO_MAXIMIZE)
FAULTY(adamax_no_decay, faulty_adamax(o, x, g), NO_DECAY)

START_TEST(adamax_step_like_pytorch)
{
    const struct race_variant variants[] = {
        {adamax_eps_outside, "Adamax adds eps to |g| inside the maximum, not to the denominator"},
        {adamax_correct_u, "u is a maximum, not an average started at zero: it needs no "
                           "correction"},
        {adamax_no_correction, "m is not corrected: (8.3) still applies to it"},
        {adamax_no_abs, "a maximum of g, not of its size: what does an infinity norm measure?"},
        {adamax_no_maximize, forgot_maximize},
        {adamax_no_decay, "weight_decay is ignored: the gradient is taken as in Adam"},
        {NULL, NULL},
    };
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    optimizer_init(&opt, &adamax_kind, &adamax_kind.defaults, 1);
    opt.step_count = 1;
    GIVEN("one step of adamax_step_yours with torch.optim.Adamax's defaults, theta = (1), "
          "gradient (1)");
    adamax_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    race_optimizer(adamax_step_yours, &adamax_kind, variants,
                   "compare each line with section \"Adamax and NAdam\"");
}
END_TEST

static double faulty_mu(const struct hyper *h, double t)
{
    if (fault == CONSTANT_MU)
        return h->beta1;
    return h->beta1 * (1.0 - 0.5 * pow(0.96, t * h->momentum_decay));
}

static void faulty_nadam(struct optimizer *opt, double *theta, const double *grad)
{
    const struct hyper *h = &opt->hyper;
    double *m = opt->buffer[0], *v = opt->buffer[1];
    double t = (double)opt->step_count;
    double c2 = fault == NO_CORRECTION2 ? 1.0 : 1.0 - pow(h->beta2, t);
    double mu = faulty_mu(h, t), mu_next = faulty_mu(h, t + 1.0);
    if (fault != PRODUCT_PER_COORD)
        opt->product *= mu;
    for (size_t i = 0; i < opt->dim; i++) {
        if (fault == PRODUCT_PER_COORD)
            opt->product *= mu;
        double product_next = opt->product * mu_next * (fault == OLD_PRODUCT ? mu : 1.0);
        double g = faulty_gradient(h, grad[i], theta[i], true);
        m[i] = h->beta1 * m[i] + (1.0 - h->beta1) * g;
        v[i] = h->beta2 * v[i] + (1.0 - h->beta2) * g * g;
        double d = fault == EPS_INSIDE ? sqrt(v[i] / c2 + h->eps) : sqrt(v[i] / c2) + h->eps;
        theta[i] -= h->lr * (1.0 - mu) / (1.0 - opt->product) * g / d;
        theta[i] -= h->lr * mu_next / (1.0 - product_next) * m[i] / d;
    }
}

FAULTY(nadam_old_product, faulty_nadam(o, x, g), OLD_PRODUCT)
FAULTY(nadam_product_per_coord, faulty_nadam(o, x, g), PRODUCT_PER_COORD)
FAULTY(nadam_constant_mu, faulty_nadam(o, x, g), CONSTANT_MU)
FAULTY(nadam_no_correction2, faulty_nadam(o, x, g), NO_CORRECTION2)
FAULTY(nadam_eps_inside, faulty_nadam(o, x, g), EPS_INSIDE)
FAULTY(nadam_no_maximize, faulty_nadam(o, x, g), NO_MAXIMIZE)
FAULTY(nadam_no_decay, faulty_nadam(o, x, g), NO_DECAY)

START_TEST(nadam_step_like_pytorch)
{
    const struct race_variant variants[] = {
        {nadam_old_product, "that is PyTorch 1.13's product, which counts mu_t twice: see "
                            "the comment in nadam.c"},
        {nadam_product_per_coord, "opt->product grew once per coordinate: it takes one "
                                  "factor per step"},
        {nadam_constant_mu, "mu_t is not constant: section \"Adamax and NAdam\" gives its "
                            "schedule"},
        {nadam_no_correction2, "v is not corrected: as in Adam, (8.3)"},
        {nadam_eps_inside, "eps is added after the square root, as in Adam"},
        {nadam_no_maximize, forgot_maximize},
        {nadam_no_decay, "weight_decay is ignored: the gradient is taken as in Adam"},
        {NULL, NULL},
    };
    struct optimizer opt;
    double theta[1] = {1.0}, grad[1] = {1.0};
    optimizer_init(&opt, &nadam_kind, &nadam_kind.defaults, 1);
    opt.step_count = 1;
    GIVEN("one step of nadam_step_yours with torch.optim.NAdam's defaults, theta = (1), "
          "gradient (1)");
    nadam_step_yours(&opt, theta, grad);
    optimizer_free(&opt);
    RETURN_IF_PENDING();
    race_optimizer(nadam_step_yours, &nadam_kind, variants,
                   "compare each line with section \"Adamax and NAdam\"");
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("08-adam exercises");
    ADD_EXERCISE(suite, "8.4 Adam from memory", adam_from_memory_matches_adam_kind);
    ADD_EXERCISE(suite, "8.5 Adam as torch.optim.Adam", adam_step_like_pytorch);
    ADD_EXERCISE(suite, "8.6 AdamW's decoupled decay", adamw_step_like_pytorch);
    ADD_EXERCISE(suite, "8.7 Adamax", adamax_step_like_pytorch);
    ADD_EXERCISE(suite, "8.8 NAdam", nadam_step_like_pytorch);
    return suite;
}
