/* Chapter 7, exercise 5, a reference answer: run the book's Adagrad on f(x) = g x. */
#include "07-adaptive/adagrad.h"
#include "07-adaptive/exercises.h"

#include <math.h>

double adagrad_distance_on_a_slope(double lr, double g, long t)
{
    struct hyper h = adagrad_kind.defaults;
    struct optimizer opt;
    double x = 0.0;
    h.lr = lr;
    h.eps = 0.0;
    optimizer_init(&opt, &adagrad_kind, &h, 1);
    for (long k = 0; k < t; k++)
        optimizer_step(&opt, &x, &g);
    optimizer_free(&opt);
    return fabs(x);
}
