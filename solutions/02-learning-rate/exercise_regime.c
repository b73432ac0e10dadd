/* Chapter 2, exercise 5, a reference answer: the regime of q = eta h (2.1). */
#include "02-learning-rate/exercises.h"

enum regime regime_yours(double eta, double curvature)
{
    double q = eta * curvature;
    if (q <= 0.0)
        return REGIME_NOT_A_MINIMUM;
    if (q < 1.0)
        return REGIME_CRAWL;
    if (q == 1.0)
        return REGIME_ONE_STEP;
    if (q < 2.0)
        return REGIME_OSCILLATE;
    return q == 2.0 ? REGIME_BOUNCE : REGIME_DIVERGE;
}
