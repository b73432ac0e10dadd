/* worked.c: chapter 9's table of schedules (see worked.h). */
#include "09-schedules/worked.h"

#include "06-momentum/sgd.h"

struct scheduler_settings worked_settings(enum scheduler_name name)
{
    struct scheduler_settings s = scheduler_defaults(name);
    switch (name) {
    case STEP_LR:
        s.step_size = 3;
        s.gamma = 0.5;
        break;
    case MULTI_STEP_LR:
        s.milestones[0] = 2;
        s.milestones[1] = 5;
        s.milestone_count = 2;
        break;
    case EXPONENTIAL_LR:
        s.gamma = 0.9;
        break;
    case COSINE_ANNEALING_LR:
        s.t_max = 4;
        break;
    case LINEAR_LR:
        s.start_factor = 0.25;
        s.total_iters = 3;
        break;
    case ONE_CYCLE_LR:
        s.max_lr = 1.0;
        s.total_steps = 10;
        break;
    }
    return s;
}

void worked_rates(enum scheduler_name name, long steps, double *rate, double *momentum)
{
    struct hyper hyper = sgd_kind.defaults;
    struct optimizer opt;
    struct scheduler sched;
    struct scheduler_settings s = worked_settings(name);
    double theta = 0.0, grad = 0.0;

    hyper.lr = WORKED_LR;
    hyper.momentum = 0.9;
    optimizer_init(&opt, &sgd_kind, &hyper, 1);
    scheduler_init(&sched, &s, &opt);
    for (long k = 0; k < steps; k++) {
        rate[k] = opt.hyper.lr;
        momentum[k] = opt.hyper.momentum;
        optimizer_step(&opt, &theta, &grad);
        scheduler_step(&sched, &opt);
    }
    optimizer_free(&opt);
}

void print_worked_table(FILE *out)
{
    static const enum scheduler_name order[] = {STEP_LR, MULTI_STEP_LR, EXPONENTIAL_LR,
                                                COSINE_ANNEALING_LR, LINEAR_LR, ONE_CYCLE_LR};
    enum { COUNT = sizeof order / sizeof order[0] };
    double rate[COUNT][WORKED_STEPS], momentum[COUNT][WORKED_STEPS];

    for (int j = 0; j < COUNT; j++)
        worked_rates(order[j], WORKED_STEPS, rate[j], momentum[j]);
    fprintf(out, "The rate of update k (SGD, lr 0.1; one-cycle: max_lr 1, its momentum after the bar)\n\n");
    fprintf(out, "%2s  %-9s %-11s %-13s %-17s %-8s %s\n", "k", "steplr", "multisteplr",
            "exponentiallr", "cosineannealinglr", "linearlr", "onecyclelr | momentum");
    for (int k = 0; k < WORKED_STEPS; k++) {
        fprintf(out, "%2d  %-9.6g %-11.6g %-13.6g %-17.6g %-8.6g %-10.6g | %.6g\n", k + 1,
                rate[0][k], rate[1][k], rate[2][k], rate[3][k], rate[4][k], rate[5][k],
                momentum[5][k]);
    }
}
