/* Exercise 9.5 (chapter 9): StepLR's chained step.
 * Replace the TODO line with your code; `make exercises CH=09` checks it. */
#include "00-toolkit/exercise.h"
#include "09-schedules/exercises.h"

double steplr_next(double lr, double gamma, long step_size, long t)
{
    (void)lr, (void)gamma, (void)step_size, (void)t;
    TODO("the rate changes only on some steps: which ones, and by what factor?");
    return 0.0;
}
