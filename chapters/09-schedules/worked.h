/* worked.h: the schedules of chapter 9's table, worked by hand in the text.
 *
 * Every schedule starts from the rate eta_0 = 1/10 of torch.optim.SGD
 * (momentum 0.9, which OneCycleLR cycles) with the settings of
 * worked_settings; the table lists the rate of updates 1..8.
 */
#ifndef DESCENT_WORKED_H
#define DESCENT_WORKED_H

#include <stdio.h>

#include "09-schedules/schedule.h"

#define WORKED_LR 0.1
#define WORKED_STEPS 8

/* The table's settings: StepLR(step_size 3, gamma 1/2), MultiStepLR(2, 5;
 * 1/10), ExponentialLR(9/10), CosineAnnealingLR(T_max 4), LinearLR(1/4 to 1
 * in 3), OneCycleLR(max_lr 1, total_steps 10, PyTorch's other defaults). */
struct scheduler_settings worked_settings(enum scheduler_name name);

/* rate[k], momentum[k] for k = 0..steps-1: the rate (and momentum) that
 * update k + 1 uses when scheduler_step follows every optimizer step. */
void worked_rates(enum scheduler_name name, long steps, double *rate, double *momentum);

/* The table: one row per update, one column per schedule. */
void print_worked_table(FILE *out);

#endif
