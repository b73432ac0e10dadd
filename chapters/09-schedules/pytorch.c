/* pytorch.c: chapter 9's schedules in the cases pytorch_check.py also runs. */
#include "09-schedules/pytorch.h"

#include "06-momentum/sgd.h"
#include "08-adam/adam.h"
#include "09-schedules/schedule.h"

/* The cases, in pytorch_check.py's order: keep the two lists together. */
static struct scheduler_settings pytorch_case(int which, const char **name)
{
    struct scheduler_settings s;
    switch (which) {
    case 0:
        *name = "steplr";
        s = scheduler_defaults(STEP_LR);
        s.step_size = 7;
        s.gamma = 0.5;
        return s;
    case 1:
        *name = "multisteplr";
        s = scheduler_defaults(MULTI_STEP_LR);
        s.milestones[0] = 10;
        s.milestones[1] = 25;
        s.milestones[2] = 26;
        s.milestone_count = 3;
        s.gamma = 0.3;
        return s;
    case 2:
        *name = "exponentiallr";
        s = scheduler_defaults(EXPONENTIAL_LR);
        s.gamma = 0.95;
        return s;
    case 3:
        *name = "cosineannealinglr";
        s = scheduler_defaults(COSINE_ANNEALING_LR);
        s.t_max = 10;
        s.eta_min = 0.01;
        return s;
    case 4:
        *name = "linearlr-up";
        s = scheduler_defaults(LINEAR_LR);
        s.start_factor = 0.25;
        s.total_iters = 12;
        return s;
    case 5:
        *name = "linearlr-down";
        s = scheduler_defaults(LINEAR_LR);
        s.start_factor = 1.0;
        s.end_factor = 0.1;
        s.total_iters = 20;
        return s;
    case 6:
        *name = "onecyclelr";
        s = scheduler_defaults(ONE_CYCLE_LR);
        s.max_lr = 0.5;
        s.total_steps = PYTORCH_STEPS;
        return s;
    case 7:
        *name = "onecyclelr-three-phase-linear";
        s = scheduler_defaults(ONE_CYCLE_LR);
        s.max_lr = 0.5;
        s.total_steps = PYTORCH_STEPS;
        s.three_phase = true;
        s.anneal_linear = true;
        s.pct_start = 0.25;
        return s;
    default:
        *name = "linearlr-default";
        return scheduler_defaults(LINEAR_LR);
    }
}

#define PYTORCH_CASES 9

void print_pytorch_table(FILE *out)
{
    static const struct optimizer_kind *const kinds[2] = {&sgd_kind, &adam_kind};
    static const char *const kind_name[2] = {"sgd", "adam"};
    for (int which = 0; which < PYTORCH_CASES; which++)
        for (int o = 0; o < 2; o++) {
            const char *name;
            struct scheduler_settings s = pytorch_case(which, &name);
            struct hyper hyper = kinds[o]->defaults;
            struct optimizer opt;
            struct scheduler sched;
            double theta = 1.0, grad = 0.5;
            hyper.lr = 0.1;
            if (o == 0)
                hyper.momentum = 0.9;
            optimizer_init(&opt, kinds[o], &hyper, 1);
            scheduler_init(&sched, &s, &opt);
            for (int k = 1; k <= PYTORCH_STEPS; k++) {
                fprintf(out, "%s %s %d %.17g %.17g\n", name, kind_name[o], k, opt.hyper.lr,
                        o == 0 ? opt.hyper.momentum : opt.hyper.beta1);
                optimizer_step(&opt, &theta, &grad);
                scheduler_step(&sched, &opt);
            }
            optimizer_free(&opt);
        }
}
