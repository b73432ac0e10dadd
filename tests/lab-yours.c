/* lab-yours.c: build/descent-yours, the lab running the learner's optimizers.
 *
 * `make lab-yours` links the lab's own objects with this file, the
 * learner's stubs of the chapters named below, and BUILD/lab-yours-done.c
 * (the exercises whose tests pass, written from the exercise runs), with
 * the linker's --wrap=optimizer_step: every call the lab makes to
 * optimizer_step (00-toolkit/optimizer.h) comes here first.  When the
 * kind's exercise is done, the step runs with the kind's step function
 * replaced by the learner's, and otherwise the book's.  Nothing of the lab
 * or the toolkit changes; the first step lists on stderr, once, which
 * optimizers are the learner's and which are still the book's.
 * build/descent-solutions is the same program on the reference answers
 * (every exercise counted done): tests/lab-yours.sh checks that it prints
 * what build/descent prints, byte for byte.
 */
#include "06-momentum/exercises.h"
#include "06-momentum/sgd.h"
#include "07-adaptive/adadelta.h"
#include "07-adaptive/adagrad.h"
#include "07-adaptive/exercises.h"
#include "07-adaptive/rmsprop.h"
#include "08-adam/adam.h"
#include "08-adam/adamax.h"
#include "08-adam/exercises.h"
#include "08-adam/nadam.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The exercise numbers whose tests pass, NULL-terminated (generated). */
extern const char *const lab_yours_done[];

/* Each optimizer of the lab, the learner's step for it and its exercise.
 * The Makefile and tests/check.sh read these lines (LAB_YOURS(kind, step,
 * "N.M")): keep one a line. */
#define LAB_YOURS(kind, step, exercise) {&kind, step, exercise}
static const struct {
    const struct optimizer_kind *kind;
    void (*step)(struct optimizer *opt, double *theta, const double *grad);
    const char *exercise;
} table[] = {
    LAB_YOURS(sgd_kind, sgd_step_yours, "6.5"),
    LAB_YOURS(rmsprop_kind, rmsprop_step_yours, "7.3"),
    LAB_YOURS(adagrad_kind, adagrad_step_yours, "7.6"),
    LAB_YOURS(adadelta_kind, adadelta_step_yours, "7.7"),
    LAB_YOURS(adam_kind, adam_step_yours, "8.5"),
    LAB_YOURS(adamw_kind, adamw_step_yours, "8.6"),
    LAB_YOURS(adamax_kind, adamax_step_yours, "8.7"),
    LAB_YOURS(nadam_kind, nadam_step_yours, "8.8"),
};
#define TABLE_SIZE (sizeof table / sizeof table[0])

static bool done(const char *exercise)
{
    for (size_t i = 0; lab_yours_done[i] != NULL; i++)
        if (strcmp(lab_yours_done[i], exercise) == 0)
            return true;
    return false;
}

/* Once: whose code runs which optimizer. */
static void tell_once(void)
{
    static bool told;
    char yours[256] = "", books[512] = "";
    size_t y = 0, b = 0;
    if (told)
        return;
    told = true;
    for (size_t i = 0; i < TABLE_SIZE; i++) {
        if (done(table[i].exercise))
            y += (size_t)snprintf(yours + y, sizeof yours - y, "%s%s", y ? ", " : "",
                                  table[i].kind->name);
        else
            b += (size_t)snprintf(books + b, sizeof books - b, "%s%s (exercise %s)",
                                  b ? ", " : "", table[i].kind->name, table[i].exercise);
        if (y >= sizeof yours || b >= sizeof books)
            break;
    }
    fprintf(stderr, "make lab-yours: your code runs %s; the book's runs %s\n",
            y ? yours : "no optimizer yet", b ? books : "none: every optimizer is yours");
}

void __real_optimizer_step(struct optimizer *opt, double *theta, const double *grad);
void __wrap_optimizer_step(struct optimizer *opt, double *theta, const double *grad);

void __wrap_optimizer_step(struct optimizer *opt, double *theta, const double *grad)
{
    static struct optimizer_kind yours[TABLE_SIZE];
    const struct optimizer_kind *book = opt->kind;
    tell_once();
    for (size_t i = 0; i < TABLE_SIZE; i++) {
        if (table[i].kind != book || !done(table[i].exercise))
            continue;
        yours[i] = *book;
        yours[i].step = table[i].step;
        opt->kind = &yours[i];
        __real_optimizer_step(opt, theta, grad);
        opt->kind = book;
        return;
    }
    __real_optimizer_step(opt, theta, grad);
}

/* The stubs are compiled with -finstrument-functions for the exercise
 * runner (tests/harness.c); here nothing needs to watch them. */
void __cyg_profile_func_enter(void *function, void *call_site);
void __cyg_profile_func_exit(void *function, void *call_site);
void __cyg_profile_func_enter(void *function, void *call_site)
{
    (void)function, (void)call_site;
}
void __cyg_profile_func_exit(void *function, void *call_site)
{
    (void)function, (void)call_site;
}
