/* Exercise 5.3, a reference answer: (5.7). */
#include "05-checking-gradients/exercises.h"

#include <math.h>

double gradient_relative_error(double analytic, double numeric, double floor)
{
    double scale = fmax(floor, fmax(fabs(analytic), fabs(numeric)));
    return fabs(analytic - numeric) / scale;
}
