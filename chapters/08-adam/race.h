/* race.h: the optimizer race of chapter 8.
 *
 * Six optimizers (gradient descent, momentum, Nesterov, Adagrad, RMSprop,
 * Adam) run from the same start on the same surface.  A race is only as
 * fair as its settings, so each racer can be given its own learning rate,
 * picked from one grid by the same rule for all (race_tune).  What this
 * leaves out on purpose: schedules, restarts, anything stochastic.
 */
#ifndef DESCENT_RACE_H
#define DESCENT_RACE_H

#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"

#include <stdbool.h>
#include <stdio.h>

#define RACERS 6

struct racer {
    const char *name;                   /* "sgd", "momentum", ..., "adam" */
    const struct optimizer_kind *kind;
    struct hyper hyper;                 /* PyTorch's defaults, edited */
};

struct race_result {
    long steps;                         /* updates taken (< budget if diverged) */
    bool diverged;                      /* loss or x stopped being finite */
    double loss;                        /* f at the last finite point */
    long steps_to_target;               /* first k from which f < target to the end, or -1 */
};

/* The six racers with PyTorch's default settings (momentum 0.9 for the two
 * momentum methods, whose PyTorch default is 0). */
void race_racers(struct racer racers[RACERS]);

/* The saddle surface f = x1^2 + (x2^2 - 1)^2 / 4: a saddle at the origin
 * between two minima (0, +-1) where f = 0.  Starts at (1, 1e-3), just off
 * the ridge that leads into the saddle. */
struct function saddle(void);

/* Run racer on f from f's start for steps updates; with trace not NULL,
 * write every point as CSV (step,loss,x1,...; a failed write: exit 2).
 * Stops at divergence (a value not finite, or |f| > 1e100) and says so in
 * the result, without exiting. */
struct race_result race_run(const struct racer *racer, const struct function *f,
                            long steps, double target, FILE *trace);

/* Set racer->hyper.lr to the best of the grid {1, 2, 5} x 10^k, k = -5..-1,
 * and 1: the one that reaches f < target in the fewest steps, or if none
 * does, the lowest final loss.  Returns the result at that rate. */
struct race_result race_tune(struct racer *racer, const struct function *f,
                             long steps, double target);

#endif
