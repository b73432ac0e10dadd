/* Exercise 1.6 (chapter 1): where the loop is after k steps, without
 * running it: the closed form (1.3) with x* = 0.
 * Replace the TODO line with your code; `make check CH=1` tests it. */
#include "00-toolkit/exercise.h"
#include "01-update-rule/exercises.h"

#include <math.h>

double iterate_closed_form(double a, double x0, double eta, long k)
{
    (void)a, (void)x0, (void)eta, (void)k;
    TODO("(1.3): each step multiplies the distance to x* = 0 by the same factor");
    return 0.0;
}
