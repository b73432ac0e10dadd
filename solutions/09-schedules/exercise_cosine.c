/* Exercise 9.4, a reference answer: (9.8). */
#include <math.h>

#include "09-schedules/exercises.h"

double cosine_rate(double eta0, double eta_min, long t_max, long t)
{
    const double pi = 3.141592653589793;
    return eta_min + (eta0 - eta_min) * (1.0 + cos(pi * (double)t / (double)t_max)) / 2.0;
}
