/* Exercise 1.3, a reference answer: the loop of chapter 1, counted. */
#include "01-update-rule/exercises.h"
#include "01-update-rule/gd.h"

#include <math.h>

long steps_until_small_gradient(double a, double x0, double eta, double tolerance)
{
    double x = x0;
    long steps = 0;
    for (double grad = a * x; fabs(grad) >= tolerance && steps < 100000; grad = a * x) {
        gd_step(&x, &grad, 1, eta);
        steps++;
    }
    return steps;
}
