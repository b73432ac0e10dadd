/* optimizer.h: the one interface every optimizer of the book implements.
 *
 * An optimizer is a kind (the algorithm: its name, PyTorch's defaults, the
 * hyper-parameters it takes and its step function) plus a state (the
 * hyper-parameters in force, the step count and per-coordinate buffers).
 * Chapters, tests and the lab all drive it the same way:
 *
 *     struct optimizer opt;
 *     optimizer_init(&opt, &adam_kind, &hyper, dim);   hyper: kind's defaults, edited
 *     for (...) { f.gradient(&f, grad, theta); optimizer_step(&opt, theta, grad); }
 *     optimizer_free(&opt);
 *
 * Each step follows the single-tensor code of torch.optim, in the same
 * order; the module of each kind names the PyTorch file it follows.  The
 * kinds live in the chapters that teach them: sgd_kind in chapter 06,
 * adagrad/rmsprop/adadelta in chapter 07, adam/adamw/adamax/nadam in 08.
 */
#ifndef DESCENT_OPTIMIZER_H
#define DESCENT_OPTIMIZER_H

#include <stdbool.h>
#include <stddef.h>

/* torch.optim's hyper-parameters, under PyTorch's names. */
struct hyper {
    double lr;
    double momentum;                  /* SGD, RMSprop */
    double dampening;                 /* SGD */
    bool nesterov;                    /* SGD */
    double weight_decay;              /* all (AdamW: decoupled) */
    bool maximize;                    /* all */
    double alpha;                     /* RMSprop's smoothing constant */
    bool centered;                    /* RMSprop */
    double eps;                       /* all but SGD */
    double beta1, beta2;              /* Adam family: betas = (beta1, beta2) */
    bool amsgrad;                     /* Adam, AdamW */
    double rho;                       /* Adadelta */
    double lr_decay;                  /* Adagrad */
    double initial_accumulator_value; /* Adagrad */
    double momentum_decay;            /* NAdam */
};

/* Which hyper-parameters a kind takes (bits of optimizer_kind.takes). */
enum hyper_flag {
    TAKES_LR = 1u << 0,
    TAKES_MOMENTUM = 1u << 1,
    TAKES_DAMPENING = 1u << 2,
    TAKES_NESTEROV = 1u << 3,
    TAKES_WEIGHT_DECAY = 1u << 4,
    TAKES_MAXIMIZE = 1u << 5,
    TAKES_ALPHA = 1u << 6,
    TAKES_CENTERED = 1u << 7,
    TAKES_EPS = 1u << 8,
    TAKES_BETAS = 1u << 9,
    TAKES_AMSGRAD = 1u << 10,
    TAKES_RHO = 1u << 11,
    TAKES_LR_DECAY = 1u << 12,
    TAKES_INITIAL_ACCUMULATOR_VALUE = 1u << 13,
    TAKES_MOMENTUM_DECAY = 1u << 14,
};

#define OPTIMIZER_BUFFERS 4

struct optimizer;

struct optimizer_kind {
    const char *name;                 /* "sgd", "adam", ... as the lab spells it */
    struct hyper defaults;            /* PyTorch's defaults */
    unsigned takes;                   /* enum hyper_flag bits */
    /* theta <- one update of theta, given grad = dJ/dtheta at theta.
     * optimizer_step has already counted this step: step_count is 1 on the
     * first call, as PyTorch's state["step"] after its increment. */
    void (*step)(struct optimizer *opt, double *theta, const double *grad);
};

struct optimizer {
    const struct optimizer_kind *kind;
    struct hyper hyper;               /* the settings in force */
    size_t dim;                       /* number of parameters */
    long step_count;                  /* updates taken: PyTorch's state["step"] */
    double *buffer[OPTIMIZER_BUFFERS];/* per-coordinate state, dim each, zeroed */
    double product;                   /* a running scalar (NAdam's mu_product) */
};

/* The gradient every torch.optim step starts from: negated when maximize
 * is on, plus weight_decay * theta, the gradient of the L2 penalty
 * (weight_decay / 2) |theta|^2.  (AdamW decays theta itself instead.) */
static inline double gradient_with_decay(const struct hyper *h, double grad, double theta)
{
    double g = h->maximize ? -grad : grad;
    if (h->weight_decay != 0.0)
        g += h->weight_decay * theta;
    return g;
}

/* Set up opt for dim parameters with a copy of hyper (kind's defaults,
 * edited), step_count 0 and zeroed buffers; allocates once, never during
 * steps (exit 2 when memory runs out, fail.h).  The hyper-parameters are
 * not checked here: the lab's flags and each chapter's parser refuse bad
 * values before (chapter 0, "Optimizers"). */
void optimizer_init(struct optimizer *opt, const struct optimizer_kind *kind,
                    const struct hyper *hyper, size_t dim);

/* One update: step_count += 1, then kind->step: theta[0..dim) moves,
 * grad[0..dim) (dJ/dtheta at theta) is read.  No check: a non-finite grad
 * gives a non-finite theta, which the caller's loop reports (exit 3). */
void optimizer_step(struct optimizer *opt, double *theta, const double *grad);

/* Forget all state, as a freshly constructed torch.optim optimizer. */
void optimizer_reset(struct optimizer *opt);

/* Free the buffers (they become NULL); opt may be set up again. */
void optimizer_free(struct optimizer *opt);

#endif
