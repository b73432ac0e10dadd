/* Exercise 9.4 (chapter 9): CosineAnnealingLR's closed form (9.8).
 * Replace the TODO line with your code; `make check CH=9` tests it. */
#include "00-toolkit/exercise.h"
#include "09-schedules/exercises.h"

#include <math.h>

double cosine_rate(double eta0, double eta_min, long t_max, long t)
{
    (void)eta0, (void)eta_min, (void)t_max, (void)t;
    TODO("(9.8): half a cosine carries the rate from eta0 (t = 0) to eta_min (t = t_max)");
    return 0.0;
}
