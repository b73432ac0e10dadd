/* exercises.h: chapter 1's code exercises (stubs beside this file, answers
 * in solutions/01-update-rule/). */
#ifndef DESCENT_EXERCISES_01_H
#define DESCENT_EXERCISES_01_H

/* Exercise 1.3: run gradient descent on f(x) = a/2 x^2 from x0 with step
 * eta and return how many updates it takes until |f'(x)| < tolerance
 * (0 if |f'(x0)| is already below it; give up after 100000). */
long steps_until_small_gradient(double a, double x0, double eta, double tolerance);

#endif
