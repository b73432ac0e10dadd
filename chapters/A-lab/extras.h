/* extras.h: what chapters 9 and 10 add to the lab (shared/lab.md, part 2).
 *
 *   --scheduler NAME          a torch.optim.lr_scheduler (chapter 9's module,
 *                             09-schedules/schedule.h) with its arguments as
 *                             flags under PyTorch's names and defaults
 *   --scheduler-every update|epoch   scheduler.step() after every update
 *                             (default) or every epoch (data only)
 *   --clip-grad-value V       torch.nn.utils.clip_grad_value_ (10.5), then
 *   --clip-grad-norm MAX      torch.nn.utils.clip_grad_norm_ (10.4), on each
 *                             batch's gradient before the optimizer's step
 *                             (chapter 10's module, 10-failures/clip.h)
 *   --function chain:L,W0 | tanh-chain:L,W0 | plateau
 *                             chapter 10's failure objectives
 *
 * The lab's flag loop hands every flag to lab_extras_flag; main.c calls
 * lab_extras_check once the optimizer and the run's length are known, and
 * the run loop (lab.c) drives the scheduler and the clipping.
 */
#ifndef DESCENT_LAB_EXTRAS_H
#define DESCENT_LAB_EXTRAS_H

#include <stdbool.h>
#include <stddef.h>

#include "00-toolkit/functions.h"
#include "00-toolkit/optimizer.h"
#include "09-schedules/schedule.h"

struct lab_extras {
    bool scheduler_on;                  /* --scheduler given */
    struct scheduler_settings scheduler;
    bool every_epoch;                   /* --scheduler-every epoch */
    unsigned scheduler_given;           /* the scheduler flags given, one bit each */
    double clip_norm, clip_value;       /* 0: no clipping */
};

/* No scheduler, no clipping. */
struct lab_extras lab_extras_defaults(void);

/* If argv[*i] is one of the flags above (but --function), read it and its
 * value (advancing *i) into o and return true; a bad value is a usage error
 * (exit 2).  The caller refuses a repeated flag. */
bool lab_extras_flag(struct lab_extras *o, int argc, char **argv, int *i);

/* Once the run is known, refuse what does not apply or what PyTorch's
 * constructor refuses (exit 2, one line): a scheduler flag without
 * --scheduler or for another scheduler, a required argument missing
 * (step_size, milestones, gamma of exponentiallr, T_max, max_lr), --lr
 * with onecyclelr (it sets the rate from --max-lr), --scheduler-every
 * epoch on a function, a scheduler or clipping with a line search,
 * scheduler_check's errors for kind (PyTorch's, and the book's own rule of
 * sorted, distinct milestones), and onecyclelr asked for more
 * scheduler steps than --total-steps.  Fills in total_steps (default: the
 * scheduler steps of the run).  scheduler_steps: how many times the run
 * calls scheduler.step(), its updates or its whole epochs. */
void lab_extras_check(struct lab_extras *o, const struct optimizer_kind *kind,
                      unsigned hyper_given, bool data, bool line_search,
                      long scheduler_steps);

/* The lab's functions beyond the toolkit's: chapter 10's chain:L,W0 and
 * tanh-chain:L,W0 (chain_function with x = 1, target 1) and plateau
 * (plateau_function); any other spec goes to function_from_spec. */
struct function lab_function_from_spec(const char *flag, const char *spec);

/* The names of lab_function_from_spec beyond function_names, for --help. */
extern const char lab_function_names[];

/* --help's paragraphs on these flags. */
void lab_extras_usage(void);

#endif
