/* Chapter 5, exercise 5, a reference answer: (5.2). */
#include "05-checking-gradients/exercises.h"

double central_difference_yours(real_function f, double x, double h)
{
    return (f(x + h) - f(x - h)) / (2.0 * h);
}
