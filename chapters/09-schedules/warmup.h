/* warmup.h: the warm-up rescue of chapter 9.
 *
 * On f(x) = x^4 / 4 (gradient x^3, curvature 3x^2, minimum 0 at 0), one
 * step of gradient descent multiplies x by 1 - eta x^2, so |x| shrinks while
 * eta x^2 < 2 and grows without bound once eta x^2 > 2 (then every later
 * factor is larger still).  From x = 3 a constant rate must stay below
 * 2/9; a warm-up starts small, and by the time the rate is large the iterate
 * is near the flat bottom where a large rate is safe.  Equation (9.11).
 */
#ifndef DESCENT_WARMUP_H
#define DESCENT_WARMUP_H

#include <stdbool.h>
#include <stdio.h>

#include "09-schedules/schedule.h"

struct warmup_run {
    long steps;         /* updates taken */
    bool diverged;      /* x stopped being finite, or |x| > 1e100 */
    double x;           /* the last iterate */
    double worst;       /* the largest eta_k (x^(k))^2 met: below 2 means every step shrank |x| */
};

/* (9.11): steps updates of SGD (torch.optim.SGD, lr) on x^4/4 from x0,
 * with the scheduler given by warm (NULL: a constant rate).  When loss and
 * rate are not NULL they get f(x^(k)) for k = 0..steps and the rate of
 * update k for k = 0..steps-1 (entries after a divergence are left as they
 * were). */
struct warmup_run quartic_run(double x0, double lr, const struct scheduler_settings *warm,
                              long steps, double *loss, double *rate);


/* Adam's blind first step, on one weight: f(w) = (logistic(w) - y)^2 / 2
 * with logistic(w) = 1/(1 + e^-w), from w = 0, minimum 0 at
 * w* = ln(y/(1 - y)).  The gradient (logistic - y) logistic (1 - logistic)
 * vanishes where the logistic saturates, so an update that throws w far
 * out leaves it where almost no gradient brings it back.  Adam
 * (torch.optim.Adam defaults, lr) for steps updates, with the scheduler
 * warm (NULL: none). */
#define LOGISTIC_TARGET 0.3
#define LOGISTIC_STEPS 200
struct logistic_run {
    double first;       /* w after update 1 (Adam: -lr sign(g), here -lr) */
    double w, f;        /* the last weight and its loss */
};
struct logistic_run adam_logistic_run(double lr, const struct scheduler_settings *warm,
                                      long steps);
/* The same, with loss[k] = f(w^(k)) for k = 0..steps when loss is not NULL. */
struct logistic_run adam_logistic_trace(double lr, const struct scheduler_settings *warm,
                                        long steps, double *loss);

/* The warm-up of that example: LinearLR from a tenth of the rate over ten
 * updates. */
struct scheduler_settings logistic_warmup(void);

/* The table of build/ch09 --example adam-warmup: rates 1-5, f after LOGISTIC_STEPS
 * and ten times as many updates, without and with logistic_warmup. */
void print_adam_logistic(FILE *out);

#endif
