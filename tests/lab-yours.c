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
#define _XOPEN_SOURCE 700                /* sigaction, setitimer */
#include "00-toolkit/fail.h"
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

#include <math.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

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

/* A learner's step passed its tests, but the lab takes it where the tests
 * did not: one that never returns, crashes, or makes a value NaN where the
 * book's step does not is stopped with one line (exit 2) that names it,
 * not left to hang, die silently, or be called a divergence to cure with a
 * smaller --lr.  What the signal handlers know: */
/* Processor time, not the clock's: a run stopped in a debugger (gdb at a
 * breakpoint in the learner's step) uses none, so it is never taken for an
 * endless loop however long it waits. */
#define WATCH_SECONDS 2                 /* on_alarm's message says 2 s */
static volatile sig_atomic_t running = -1;      /* the table row whose step runs, or -1 */
static volatile sig_atomic_t begun;             /* learner steps begun, mod 2^30 */
static volatile long running_step;              /* its opt->step_count */

/* Write "PROGRAM: your NAME step (exercise N.M) at step K WHAT: ..." with
 * write(2) alone (a signal handler's means) and exit 2. */
static void stop_in_handler(const char *what)
{
    const char *parts[] = {fail_program, ": your ", table[running].kind->name, " step (exercise ",
                           table[running].exercise, ") at step "};
    char number[24], *digit = number + sizeof number;
    unsigned long step = running_step > 0 ? (unsigned long)running_step : 0;
    const char *ch = table[running].exercise;
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (write(2, parts[k], strlen(parts[k])) < 0)
            _exit(EXIT_USAGE);
    do
        *--digit = (char)('0' + step % 10);
    while ((step /= 10) > 0);
    if (write(2, digit, (size_t)(number + sizeof number - digit)) < 0
        || write(2, what, strlen(what)) < 0
        || write(2, ": its tests: make check CH=", strlen(": its tests: make check CH=")) < 0
        || write(2, ch, strcspn(ch, ".")) < 0
        || write(2, "; the book's step: build/descent\n",
                 strlen("; the book's step: build/descent\n")) < 0)
        _exit(EXIT_USAGE);
    _exit(EXIT_USAGE);
}

static void on_alarm(int signal_number)
{
    static sig_atomic_t seen = -1;
    (void)signal_number;
    if (running >= 0 && begun == seen)
        stop_in_handler(" has not returned after 2 s of processor time (an endless loop?)");
    seen = begun;
}

static void on_crash(int signal_number)
{
    if (running >= 0)
        stop_in_handler(signal_number == SIGSEGV || signal_number == SIGBUS
                        ? " crashed (a bad pointer or index)"
                        : signal_number == SIGFPE ? " crashed (an integer divided by 0)"
                        : " crashed");
    signal(signal_number, SIG_DFL);     /* the book's code: die as it would have */
    raise(signal_number);
}

/* Once, before the first step of the learner's. */
static void watch_once(void)
{
    static const int crashes[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL};
    static bool watching;
    struct sigaction action;
    if (watching)
        return;
    watching = true;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;       /* the lab's reads and writes go on */
    action.sa_handler = on_alarm;
    sigaction(SIGVTALRM, &action, NULL);
    action.sa_handler = on_crash;
    for (size_t k = 0; k < sizeof crashes / sizeof crashes[0]; k++)
        sigaction(crashes[k], &action, NULL);
    {   /* SIGVTALRM every WATCH_SECONDS of this process's processor time */
        struct itimerval every = {{WATCH_SECONDS, 0}, {WATCH_SECONDS, 0}};
        setitimer(ITIMER_VIRTUAL, &every, NULL);
    }
}

/* The book's step, taken on a copy of the state before the learner's when
 * the learner's left a value that is not finite: one made NaN or infinite
 * where the book's is finite is the learner's fault, whatever the
 * learning rate. */
struct copy {
    struct optimizer opt;
    double *theta;                      /* dim, then the buffers, dim each */
    size_t room;
};

static void copy_state(struct copy *c, const struct optimizer *opt, const double *theta)
{
    const size_t dim = opt->dim, need = dim * (1 + OPTIMIZER_BUFFERS);
    if (c->room < need) {
        c->theta = xrealloc(c->theta, need, sizeof *c->theta);
        c->room = need;
    }
    c->opt = *opt;
    memcpy(c->theta, theta, dim * sizeof *theta);
    for (size_t b = 0; b < OPTIMIZER_BUFFERS; b++)
        if (opt->buffer[b] != NULL) {
            c->opt.buffer[b] = c->theta + (1 + b) * dim;
            memcpy(c->opt.buffer[b], opt->buffer[b], dim * sizeof *theta);
        }
}

/* Stop if yours[0..dim) holds a value that is not finite where book[] is;
 * what names the array ("theta", "buffer[1]"). */
static void compare(const double *yours, const double *book, size_t dim, size_t row,
                    const char *what, long step)
{
    for (size_t i = 0; i < dim; i++)
        if (!isfinite(yours[i]) && isfinite(book[i]))
            fail(EXIT_USAGE, "your %s step (exercise %s) made %s[%zu] %s at step %ld, where the "
                 "book's gives %.17g: its tests: make check CH=%.*s; the book's step: "
                 "build/descent", table[row].kind->name, table[row].exercise, what, i,
                 isnan(yours[i]) ? "NaN" : "infinite", step, book[i],
                 (int)strcspn(table[row].exercise, "."), table[row].exercise);
}

/* Are theta and every buffer of opt finite? */
static bool all_finite(const struct optimizer *opt, const double *theta)
{
    for (size_t i = 0; i < opt->dim; i++)
        if (!isfinite(theta[i]))
            return false;
    for (size_t b = 0; b < OPTIMIZER_BUFFERS; b++)
        for (size_t i = 0; opt->buffer[b] != NULL && i < opt->dim; i++)
            if (!isfinite(opt->buffer[b][i]))
                return false;
    return true;
}

void __wrap_optimizer_step(struct optimizer *opt, double *theta, const double *grad)
{
    static struct optimizer_kind yours[TABLE_SIZE];
    static struct copy book_copy;
    const struct optimizer_kind *book = opt->kind;
    tell_once();
    for (size_t i = 0; i < TABLE_SIZE; i++) {
        if (table[i].kind != book || !done(table[i].exercise))
            continue;
        watch_once();
        copy_state(&book_copy, opt, theta);
        yours[i] = *book;
        yours[i].step = table[i].step;
        opt->kind = &yours[i];
        running_step = opt->step_count + 1;
        begun = (begun + 1) & 0x3fffffff;
        running = (sig_atomic_t)i;
        __real_optimizer_step(opt, theta, grad);
        running = -1;
        opt->kind = book;
        if (all_finite(opt, theta))     /* the usual case: no need of the book's step */
            return;
        __real_optimizer_step(&book_copy.opt, book_copy.theta, grad);
        compare(theta, book_copy.theta, opt->dim, i, "theta", opt->step_count);
        for (size_t b = 0; b < OPTIMIZER_BUFFERS; b++)
            if (opt->buffer[b] != NULL) {
                char what[32];
                snprintf(what, sizeof what, "opt->buffer[%zu]", b);
                compare(opt->buffer[b], book_copy.opt.buffer[b], opt->dim, i, what,
                        opt->step_count);
            }
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
