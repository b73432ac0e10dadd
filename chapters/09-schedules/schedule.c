/* schedule.c: learning-rate schedules, following the get_lr() methods of
 * torch/optim/lr_scheduler.py line for line (the chained forms), and the
 * closed forms of chapter 9. */
#include "09-schedules/schedule.h"

#include <limits.h>
#include <math.h>
#include <string.h>

/* The double nearest pi: the value of Python's math.pi, which PyTorch uses. */
#define PI 3.141592653589793

static const char *const names[] = {
    [STEP_LR] = "steplr",
    [MULTI_STEP_LR] = "multisteplr",
    [EXPONENTIAL_LR] = "exponentiallr",
    [COSINE_ANNEALING_LR] = "cosineannealinglr",
    [LINEAR_LR] = "linearlr",
    [ONE_CYCLE_LR] = "onecyclelr",
};

const char *scheduler_name_text(enum scheduler_name name)
{
    return names[name];
}

int scheduler_from_text(const char *text)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(text, names[i]) == 0)
            return (int)i;
    return -1;
}

struct scheduler_settings scheduler_defaults(enum scheduler_name name)
{
    struct scheduler_settings s = {
        .name = name,
        .gamma = name == EXPONENTIAL_LR ? 0.0 : 0.1,
        .eta_min = 0.0,
        .start_factor = 1.0 / 3.0,
        .end_factor = 1.0,
        .total_iters = 5,
        .pct_start = 0.3,
        .div_factor = 25.0,
        .final_div_factor = 1e4,
        .cycle_momentum = true,
        .base_momentum = 0.85,
        .max_momentum = 0.95,
    };
    return s;
}

const char *scheduler_check(const struct scheduler_settings *s, const struct optimizer *opt)
{
    switch (s->name) {
    case STEP_LR:
        if (s->step_size < 1)
            return "step_size must be a whole number of at least 1";
        break;
    case MULTI_STEP_LR:
        if (s->milestone_count == 0)
            return "milestones needs at least one step";
        for (size_t i = 0; i < s->milestone_count; i++)
            if (s->milestones[i] < 1 || (i > 0 && s->milestones[i] <= s->milestones[i - 1]))
                return "milestones must be whole numbers >= 1 in increasing order";
        break;
    case EXPONENTIAL_LR:
        break;
    case COSINE_ANNEALING_LR:
        if (s->t_max < 1)
            return "T_max must be a whole number of at least 1";
        if (!(s->eta_min >= 0.0))
            return "eta_min must be at least 0";
        break;
    case LINEAR_LR:
        if (!(s->start_factor > 0.0 && s->start_factor <= 1.0))
            return "start_factor must be in (0, 1]";
        if (!(s->end_factor >= 0.0 && s->end_factor <= 1.0))
            return "end_factor must be in [0, 1]";
        if (s->total_iters < 1)
            return "total_iters must be a whole number of at least 1";
        break;
    case ONE_CYCLE_LR:
        if (!(s->max_lr > 0.0))
            return "max_lr must be positive";
        if (s->total_steps < 1)
            return "total_steps must be a whole number of at least 1";
        if (!(s->pct_start >= 0.0 && s->pct_start <= 1.0))
            return "pct_start must be in [0, 1]";
        if (!(s->div_factor > 0.0) || !(s->final_div_factor > 0.0))
            return "div_factor and final_div_factor must be positive";
        if (s->cycle_momentum && !(opt->kind->takes & (TAKES_MOMENTUM | TAKES_BETAS)))
            return "cycle_momentum needs an optimizer with momentum or betas";
        break;
    }
    return NULL;
}

/* OneCycleLR's anneal from start to end as pct goes from 0 to 1:
 * _annealing_cos and _annealing_linear. */
static double anneal(const struct scheduler_settings *s, double start, double end, double pct)
{
    if (s->anneal_linear)
        return (end - start) * pct + start;
    double cos_out = cos(PI * pct) + 1.0;
    return end + (start - end) / 2.0 * cos_out;
}

static void set_momentum(struct scheduler *sched, struct optimizer *opt, double momentum)
{
    if (sched->momentum_is_beta1)
        opt->hyper.beta1 = momentum;
    else
        opt->hyper.momentum = momentum;
}

/* OneCycleLR.get_lr at step_num: find the phase, anneal within it. */
static double one_cycle(struct scheduler *sched, struct optimizer *opt, long step_num)
{
    double start_step = 0.0;
    for (int i = 0; i < sched->phases; i++) {
        const struct one_cycle_phase *p = &sched->phase[i];
        if ((double)step_num <= p->end_step || i == sched->phases - 1) {
            double pct = ((double)step_num - start_step) / (p->end_step - start_step);
            if (sched->settings.cycle_momentum)
                set_momentum(sched, opt, anneal(&sched->settings, p->start_momentum,
                                                p->end_momentum, pct));
            return anneal(&sched->settings, p->start_lr, p->end_lr, pct);
        }
        start_step = p->end_step;
    }
    return opt->hyper.lr;   /* not reached: the last phase always matches */
}

/* ANCHOR: chained */
/* get_lr(): the rate for last_epoch, from the rate in force (lr). */
static double chained(struct scheduler *sched, struct optimizer *opt, double lr)
{
    const struct scheduler_settings *s = &sched->settings;
    long t = sched->last_epoch;
    switch (s->name) {
    case STEP_LR:
        return (t == 0 || t % s->step_size != 0) ? lr : lr * s->gamma;
    case MULTI_STEP_LR:
        for (size_t i = 0; i < s->milestone_count; i++)
            if (s->milestones[i] == t)
                return lr * s->gamma;
        return lr;
    case EXPONENTIAL_LR:
        return t == 0 ? lr : lr * s->gamma;
    case COSINE_ANNEALING_LR: {
        double T = (double)s->t_max;
        if (t == 0)
            return lr;
        if ((t - 1 - s->t_max) % (2 * s->t_max) == 0)   /* the bottom, turning back up */
            return lr + (sched->base_lr - s->eta_min) * (1.0 - cos(PI / T)) / 2.0;
        return (1.0 + cos(PI * (double)t / T)) / (1.0 + cos(PI * (double)(t - 1) / T))
               * (lr - s->eta_min) + s->eta_min;
    }
    case LINEAR_LR:
        if (t == 0)
            return lr * s->start_factor;
        if (t > s->total_iters)
            return lr;
        return lr * (1.0 + (s->end_factor - s->start_factor)
                     / ((double)s->total_iters * s->start_factor
                        + (double)(t - 1) * (s->end_factor - s->start_factor)));
    case ONE_CYCLE_LR:
        return one_cycle(sched, opt, t);
    }
    return lr;
}
/* ANCHOR_END: chained */

/* ANCHOR: init */
void scheduler_init(struct scheduler *sched, const struct scheduler_settings *settings,
                    struct optimizer *opt)
{
    memset(sched, 0, sizeof *sched);
    sched->settings = *settings;
    const struct scheduler_settings *s = &sched->settings;
    if (s->name == ONE_CYCLE_LR) {
        double initial = s->max_lr / s->div_factor;
        double min_lr = initial / s->final_div_factor;
        double up = s->pct_start * (double)s->total_steps;
        double top = s->max_momentum, bottom = s->base_momentum;
        if (s->three_phase) {
            sched->phase[0] = (struct one_cycle_phase){up - 1.0, initial, s->max_lr, top, bottom};
            sched->phase[1] = (struct one_cycle_phase){2.0 * up - 2.0, s->max_lr, initial, bottom, top};
            sched->phase[2] = (struct one_cycle_phase){(double)s->total_steps - 1.0, initial, min_lr, top, top};
            sched->phases = 3;
        } else {
            sched->phase[0] = (struct one_cycle_phase){up - 1.0, initial, s->max_lr, top, bottom};
            sched->phase[1] = (struct one_cycle_phase){(double)s->total_steps - 1.0, s->max_lr, min_lr, bottom, top};
            sched->phases = 2;
        }
        sched->momentum_is_beta1 = (opt->kind->takes & TAKES_BETAS) != 0;
        if (s->cycle_momentum)
            set_momentum(sched, opt, s->max_momentum);
        opt->hyper.lr = initial;     /* group['initial_lr'] */
    }
    sched->base_lr = opt->hyper.lr;
    sched->last_epoch = 0;           /* _initial_step(): step() from last_epoch = -1 */
    opt->hyper.lr = chained(sched, opt, opt->hyper.lr);
}
/* ANCHOR_END: init */

/* ANCHOR: step */

void scheduler_step(struct scheduler *sched, struct optimizer *opt)
{
    sched->last_epoch++;
    opt->hyper.lr = chained(sched, opt, opt->hyper.lr);
}
/* ANCHOR_END: step */

long scheduler_steps_left(const struct scheduler *sched)
{
    if (sched->settings.name != ONE_CYCLE_LR)
        return LONG_MAX;
    return sched->settings.total_steps - sched->last_epoch;
}

double schedule_closed_form(const struct scheduler_settings *s, double base_lr, long t)
{
    switch (s->name) {
    case STEP_LR:                                              /* (9.5) */
        return base_lr * pow(s->gamma, (double)(t / s->step_size));
    case MULTI_STEP_LR: {                                      /* (9.6) */
        long passed = 0;
        for (size_t i = 0; i < s->milestone_count; i++)
            passed += s->milestones[i] <= t;
        return base_lr * pow(s->gamma, (double)passed);
    }
    case EXPONENTIAL_LR:                                       /* (9.7) */
        return base_lr * pow(s->gamma, (double)t);
    case COSINE_ANNEALING_LR:                                  /* (9.8) */
        return s->eta_min + (base_lr - s->eta_min)
               * (1.0 + cos(PI * (double)t / (double)s->t_max)) / 2.0;
    case LINEAR_LR: {                                          /* (9.9) */
        long k = t < s->total_iters ? t : s->total_iters;
        return base_lr * (s->start_factor + (s->end_factor - s->start_factor)
                                            * (double)k / (double)s->total_iters);
    }
    case ONE_CYCLE_LR: {                                       /* (9.10) */
        struct optimizer opt = {0};
        static const struct optimizer_kind plain = {.name = "closed form"};
        struct scheduler sched;
        struct scheduler_settings copy = *s;
        copy.cycle_momentum = false;
        opt.kind = &plain;
        scheduler_init(&sched, &copy, &opt);
        return one_cycle(&sched, &opt, t);
    }
    }
    return base_lr;
}
