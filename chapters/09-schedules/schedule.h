/* schedule.h: learning-rate schedules, as torch.optim.lr_scheduler.
 *
 * A scheduler changes the optimizer's learning rate (and, for one-cycle,
 * its momentum) between updates.  It is driven exactly as in PyTorch:
 *
 *     scheduler_init(&sched, &settings, &opt);    the constructor: sets the lr
 *                                                 of update 1 (last_epoch = 0)
 *     for (...) { optimizer_step(&opt, ...); scheduler_step(&sched, &opt); }
 *
 * scheduler_step advances last_epoch by one and writes the new rate into
 * opt->hyper.lr with PyTorch's *chained* formula: each rate is computed from
 * the previous one, as the get_lr() methods of torch/optim/lr_scheduler.py
 * (PyTorch 1.13 and 2.x) do.  schedule_closed_form gives the same rates from
 * the closed forms of chapter 9, equations (9.5)-(9.10); the two agree to
 * rounding (the tests bound the difference).
 */
#ifndef DESCENT_SCHEDULE_H
#define DESCENT_SCHEDULE_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/optimizer.h"

enum scheduler_name {
    STEP_LR,                /* StepLR: times gamma every step_size steps     (9.5) */
    MULTI_STEP_LR,          /* MultiStepLR: times gamma at each milestone    (9.6) */
    EXPONENTIAL_LR,         /* ExponentialLR: times gamma every step         (9.7) */
    COSINE_ANNEALING_LR,    /* CosineAnnealingLR: half a cosine to eta_min   (9.8) */
    LINEAR_LR,              /* LinearLR: a linear ramp of the factor (warm-up) (9.9) */
    ONE_CYCLE_LR,           /* OneCycleLR: up to max_lr, then far down        (9.10) */
};

#define SCHEDULER_MILESTONES 32

/* The constructor's arguments, under PyTorch's names. */
struct scheduler_settings {
    enum scheduler_name name;
    long step_size;                     /* StepLR */
    double gamma;                       /* StepLR, MultiStepLR, ExponentialLR */
    long milestones[SCHEDULER_MILESTONES];  /* MultiStepLR: steps, ascending */
    size_t milestone_count;
    long t_max;                         /* CosineAnnealingLR: steps to the bottom */
    double eta_min;                     /* CosineAnnealingLR */
    double start_factor, end_factor;    /* LinearLR */
    long total_iters;                   /* LinearLR */
    double max_lr;                      /* OneCycleLR */
    long total_steps;                   /* OneCycleLR */
    double pct_start;                   /* OneCycleLR: share of the rise */
    bool anneal_linear;                 /* OneCycleLR: anneal_strategy 'linear' (else 'cos') */
    double div_factor;                  /* OneCycleLR: initial lr = max_lr / div_factor */
    double final_div_factor;            /* OneCycleLR: min lr = initial lr / final_div_factor */
    bool three_phase;                   /* OneCycleLR */
    bool cycle_momentum;                /* OneCycleLR: cycle momentum (or beta1) too */
    double base_momentum, max_momentum; /* OneCycleLR */
};

/* PyTorch's defaults for name (gamma 0.1, eta_min 0, start_factor 1/3,
 * end_factor 1, total_iters 5, pct_start 0.3, cos, div_factor 25,
 * final_div_factor 1e4, momentum 0.85 to 0.95, cycled); the arguments
 * PyTorch requires (step_size, milestones, gamma of ExponentialLR, T_max,
 * max_lr, total_steps) are left 0 for the caller to set. */
struct scheduler_settings scheduler_defaults(enum scheduler_name name);

/* The name as the lab spells it ("steplr", ...) and back; -1 if unknown. */
const char *scheduler_name_text(enum scheduler_name name);
int scheduler_from_text(const char *text);

/* NULL when PyTorch's constructor would accept settings for opt, otherwise
 * the reason it raises (its ValueError, in the book's words): a step_size,
 * T_max, total_iters or total_steps below 1, factors outside [0, 1] (a
 * start_factor of 0 too: PyTorch 2.x refuses it), pct_start outside [0, 1],
 * cycle_momentum with an optimizer that has neither momentum nor betas.
 * One refusal is the book's own: milestones not ascending.  PyTorch keeps
 * them in a Counter, so it takes any order and multiplies by gamma twice
 * at a milestone given twice; the book asks for them sorted and distinct. */
const char *scheduler_check(const struct scheduler_settings *settings,
                            const struct optimizer *opt);

struct one_cycle_phase {
    double end_step;                    /* the phase ends at this step (a real number) */
    double start_lr, end_lr;
    double start_momentum, end_momentum;
};

struct scheduler {
    struct scheduler_settings settings;
    double base_lr;                     /* PyTorch's initial_lr */
    long last_epoch;                    /* scheduler steps taken (0 after init) */
    struct one_cycle_phase phase[3];    /* OneCycleLR */
    int phases;
    bool momentum_is_beta1;             /* OneCycleLR on Adam & co.: cycle betas[0] */
};

/* The constructor: remembers opt's lr as the base rate and sets the rate
 * (and momentum) of the first update.  settings must pass scheduler_check
 * (the caller's guarantee: nothing is checked here). */
void scheduler_init(struct scheduler *sched, const struct scheduler_settings *settings,
                    struct optimizer *opt);

/* scheduler.step(): last_epoch += 1, then opt's lr (and momentum) for the
 * next update, by the chained formula.  OneCycleLR past total_steps is the
 * caller's error (PyTorch raises; here it is not checked and the last
 * phase's formula runs on): see scheduler_steps_left. */
void scheduler_step(struct scheduler *sched, struct optimizer *opt);

/* How many more scheduler_step calls the schedule allows (LONG_MAX when
 * unlimited): OneCycleLR allows total_steps in all. */
long scheduler_steps_left(const struct scheduler *sched);

/* The learning rate after t >= 0 scheduler steps by the closed form:
 * base_lr times the chapter's factor (9.5)-(9.10).  For OneCycleLR base_lr
 * is ignored (the rates come from max_lr).  settings as scheduler_init. */
double schedule_closed_form(const struct scheduler_settings *settings, double base_lr, long t);

#endif
