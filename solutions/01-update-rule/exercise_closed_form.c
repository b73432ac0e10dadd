/* Chapter 1, exercise 6, a reference answer: (1.3) with x* = 0. */
#include "01-update-rule/exercises.h"

#include <math.h>

double iterate_closed_form(double a, double x0, double eta, long k)
{
    return pow(1.0 - eta * a, (double)k) * x0;
}
