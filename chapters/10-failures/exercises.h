/* exercises.h: chapter 10's code exercise (stub beside this file, answer
 * in solutions/10-failures/). */
#ifndef DESCENT_EXERCISES_10_H
#define DESCENT_EXERCISES_10_H

#include <stddef.h>

/* Exercise 10.3: clip grad[0..dim) in place by its 2-norm to max_norm, as
 * torch.nn.utils.clip_grad_norm_ does (10.4); return the norm before. */
double clip_by_norm(double *grad, size_t dim, double max_norm);

#endif
