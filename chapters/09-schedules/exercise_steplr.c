/* Exercise 9.5 (chapter 9): StepLR's chained step, from (9.5).
 * Replace the TODO line with your code; `make check CH=9` tests it. */
#include "00-toolkit/exercise.h"
#include "09-schedules/exercises.h"

double steplr_next(double lr, double gamma, long step_size, long t)
{
    (void)lr, (void)gamma, (void)step_size, (void)t;
    TODO("(9.5) from one step to the next: the rate changes only on some steps; which "
         "ones, and by what factor?");
    return 0.0;
}
