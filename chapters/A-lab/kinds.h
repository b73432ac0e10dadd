/* kinds.h: the lab's table of optimizers and PyTorch's checks on them.
 *
 * Every optimizer of the book by the name the lab uses, the command-line
 * flag of each hyper-parameter, and the checks torch.optim makes when an
 * optimizer is constructed (a negative learning rate, betas outside
 * [0, 1), Nesterov without momentum, ...), so that the lab refuses what
 * PyTorch refuses, with a message a learner can act on.
 */
#ifndef DESCENT_KINDS_H
#define DESCENT_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/optimizer.h"

/* Every kind the lab knows, NULL-terminated, in the book's order. */
extern const struct optimizer_kind *const optimizer_kinds[];

/* The kind called name, or NULL. */
const struct optimizer_kind *optimizer_kind_named(const char *name);

/* "sgd, adagrad, ..." into text[0..size), size >= 1, for messages and
 * --help; cut short (snprintf) when it does not fit.  The text-writing
 * functions below do the same. */
void optimizer_kind_list(char *text, size_t size);

/* The flag of one hyper-parameter bit (enum hyper_flag): "--lr", ...;
 * "?" for anything that is not one bit of the enum. */
const char *hyper_flag_name(unsigned bit);

/* The bit of a flag name, or 0 when it is not a hyper-parameter flag. */
unsigned hyper_flag_bit(const char *flag);

/* The flags of the hyper-parameters kind takes, "--lr --momentum ...",
 * into text[0..size). */
void hyper_flag_list(const struct optimizer_kind *kind, char *text, size_t size);

/* The flags kind takes with the values of h, "--lr 0.001 --momentum 0
 * --nesterov off ...", into text[0..size): with h = &kind->defaults, the
 * defaults that --help shows. */
void hyper_describe(const struct optimizer_kind *kind, const struct hyper *h, char *text,
                    size_t size);

/* Check h for kind as torch.optim's constructor does.  Returns true when
 * PyTorch would accept it; otherwise false, with one line saying why in
 * message[0..size). */
bool hyper_is_valid(const struct optimizer_kind *kind, const struct hyper *h,
                    char *message, size_t size);

#endif
