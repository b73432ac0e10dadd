/* exercises.h: chapter 9's code exercises (stubs beside this file, answers
 * in solutions/09-schedules/). */
#ifndef DESCENT_EXERCISES_09_H
#define DESCENT_EXERCISES_09_H

/* Exercise 9.4: CosineAnnealingLR's closed form (9.8), the rate after t
 * scheduler steps from eta0 down to eta_min over t_max steps (t >= 0, t_max >= 1). */
double cosine_rate(double eta0, double eta_min, long t_max, long t);

/* Exercise 9.5: one StepLR step, the chained form torch.optim uses: the
 * rate for step t (t >= 1) from lr, the rate in force at step t - 1. */
double steplr_next(double lr, double gamma, long step_size, long t);

#endif
