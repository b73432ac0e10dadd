/* kinds.c: the lab's optimizers and torch.optim's checks (see kinds.h).
 *
 * The checks are those of the constructors in torch/optim/sgd.py,
 * adagrad.py, rmsprop.py, adadelta.py, adam.py, adamw.py, adamax.py and
 * nadam.py (PyTorch 2.x), in their order, with their wording after the
 * lab's flag names.  PyTorch checks nothing about dampening, so neither
 * does the lab.
 */
#include "A-lab/kinds.h"

#include "06-momentum/sgd.h"
#include "07-adaptive/adadelta.h"
#include "07-adaptive/adagrad.h"
#include "07-adaptive/rmsprop.h"
#include "08-adam/adam.h"
#include "08-adam/adamax.h"
#include "08-adam/nadam.h"

#include <stdio.h>
#include <string.h>

const struct optimizer_kind *const optimizer_kinds[] = {
    &sgd_kind,     &adagrad_kind, &rmsprop_kind, &adadelta_kind,
    &adam_kind,    &adamw_kind,   &adamax_kind,  &nadam_kind,
    NULL,
};

const struct optimizer_kind *optimizer_kind_named(const char *name)
{
    for (size_t k = 0; optimizer_kinds[k] != NULL; k++)
        if (strcmp(optimizer_kinds[k]->name, name) == 0)
            return optimizer_kinds[k];
    return NULL;
}

void optimizer_kind_list(char *text, size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (size_t k = 0; optimizer_kinds[k] != NULL && used < size; k++)
        used += (size_t)snprintf(text + used, size - used, "%s%s", k ? ", " : "",
                                 optimizer_kinds[k]->name);
}

/* The flags in the order of enum hyper_flag. */
static const char *const flag_names[] = {
    "--lr", "--momentum", "--dampening", "--nesterov", "--weight-decay", "--maximize",
    "--alpha", "--centered", "--eps", "--betas", "--amsgrad", "--rho", "--lr-decay",
    "--initial-accumulator-value", "--momentum-decay",
};
#define FLAG_COUNT (sizeof flag_names / sizeof flag_names[0])

const char *hyper_flag_name(unsigned bit)
{
    for (size_t b = 0; b < FLAG_COUNT; b++)
        if (bit == 1u << b)
            return flag_names[b];
    return "?";
}

unsigned hyper_flag_bit(const char *flag)
{
    for (size_t b = 0; b < FLAG_COUNT; b++)
        if (strcmp(flag, flag_names[b]) == 0)
            return 1u << b;
    return 0;
}

void hyper_flag_list(const struct optimizer_kind *kind, char *text, size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (size_t b = 0; b < FLAG_COUNT && used < size; b++)
        if (kind->takes & (1u << b))
            used += (size_t)snprintf(text + used, size - used, "%s%s", used ? " " : "",
                                     flag_names[b]);
}

void hyper_describe(const struct optimizer_kind *kind, const struct hyper *h, char *text,
                    size_t size)
{
    const double numbers[] = {h->lr, h->momentum, h->dampening, 0, h->weight_decay, 0,
                              h->alpha, 0, h->eps, 0, 0, h->rho, h->lr_decay,
                              h->initial_accumulator_value, h->momentum_decay};
    const bool switches[] = {0, 0, 0, h->nesterov, 0, h->maximize, 0, h->centered,
                             0, 0, h->amsgrad, 0, 0, 0, 0};
    size_t used = 0;
    text[0] = '\0';
    for (size_t b = 0; b < FLAG_COUNT && used < size; b++) {
        unsigned bit = 1u << b;
        const char *space = used ? " " : "";
        if (!(kind->takes & bit))
            continue;
        if (bit == TAKES_BETAS)
            used += (size_t)snprintf(text + used, size - used, "%s--betas %g,%g", space,
                                     h->beta1, h->beta2);
        else if (bit & (TAKES_NESTEROV | TAKES_MAXIMIZE | TAKES_CENTERED | TAKES_AMSGRAD))
            used += (size_t)snprintf(text + used, size - used, "%s%s %s", space, flag_names[b],
                                     switches[b] ? "on" : "off");
        else
            used += (size_t)snprintf(text + used, size - used, "%s%s %g", space, flag_names[b],
                                     numbers[b]);
    }
}

/* ANCHOR: checks */
bool hyper_is_valid(const struct optimizer_kind *kind, const struct hyper *h,
                    char *message, size_t size)
{
    unsigned takes = kind->takes;
#define REFUSE(...) return snprintf(message, size, __VA_ARGS__), false
    if (!(h->lr >= 0.0))
        REFUSE("--lr %g: invalid learning rate (PyTorch requires lr >= 0)", h->lr);
    if ((takes & TAKES_EPS) && !(h->eps >= 0.0))
        REFUSE("--eps %g: invalid epsilon value (PyTorch requires eps >= 0)", h->eps);
    if ((takes & TAKES_MOMENTUM) && !(h->momentum >= 0.0))
        REFUSE("--momentum %g: invalid momentum value (PyTorch requires momentum >= 0)",
               h->momentum);
    if ((takes & TAKES_BETAS) && !(h->beta1 >= 0.0 && h->beta1 < 1.0))
        REFUSE("--betas: beta1 = %g is outside [0, 1) (PyTorch: invalid beta parameter at "
               "index 0)", h->beta1);
    if ((takes & TAKES_BETAS) && !(h->beta2 >= 0.0 && h->beta2 < 1.0))
        REFUSE("--betas: beta2 = %g is outside [0, 1) (PyTorch: invalid beta parameter at "
               "index 1)", h->beta2);
    if ((takes & TAKES_ALPHA) && !(h->alpha >= 0.0))
        REFUSE("--alpha %g: invalid alpha value (PyTorch requires alpha >= 0)", h->alpha);
    if ((takes & TAKES_RHO) && !(h->rho >= 0.0 && h->rho <= 1.0))
        REFUSE("--rho %g: invalid rho value (PyTorch requires 0 <= rho <= 1)", h->rho);
    if ((takes & TAKES_LR_DECAY) && !(h->lr_decay >= 0.0))
        REFUSE("--lr-decay %g: invalid lr_decay value (PyTorch requires lr_decay >= 0)",
               h->lr_decay);
    if ((takes & TAKES_INITIAL_ACCUMULATOR_VALUE) && !(h->initial_accumulator_value >= 0.0))
        REFUSE("--initial-accumulator-value %g: invalid initial_accumulator_value "
               "(PyTorch requires it >= 0)", h->initial_accumulator_value);
    if ((takes & TAKES_MOMENTUM_DECAY) && !(h->momentum_decay >= 0.0))
        REFUSE("--momentum-decay %g: invalid momentum_decay value (PyTorch requires "
               "momentum_decay >= 0)", h->momentum_decay);
    if ((takes & TAKES_WEIGHT_DECAY) && !(h->weight_decay >= 0.0))
        REFUSE("--weight-decay %g: invalid weight_decay value (PyTorch requires "
               "weight_decay >= 0)", h->weight_decay);
    if ((takes & TAKES_NESTEROV) && h->nesterov && !(h->momentum > 0.0 && h->dampening == 0.0))
        REFUSE("--nesterov needs --momentum above 0 and --dampening 0 (PyTorch: Nesterov "
               "momentum requires a momentum and zero dampening)");
#undef REFUSE
    message[0] = '\0';
    return true;
}
/* ANCHOR_END: checks */
