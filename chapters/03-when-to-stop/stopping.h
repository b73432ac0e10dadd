/* stopping.h: chapter 3's stopping rules, and what the gradient rule
 * guarantees.
 *
 * Four rules end a run of descent: ||grad f|| < eps (the gradient rule),
 * |f(x^(k)) - f(x^(k-1))| < eps_f (the loss change), ||x^(k) - x^(k-1)|| <
 * eps_x (the step length), and a step limit.  Each can fire far from a
 * minimum; only the gradient rule comes with a bound, and only when f is
 * strongly convex, mu I <= Hessian (Nesterov, "Lectures on Convex
 * Optimization", 2nd ed., Theorem 2.1.10):
 *     f(x) - f*   <= ||grad f(x)||^2 / (2 mu)                         (3.1)
 *     ||x - x*||  <= ||grad f(x)|| / mu                                (3.2)
 */
#ifndef DESCENT_STOPPING_H
#define DESCENT_STOPPING_H

#include <stddef.h>

#include "00-toolkit/functions.h"

/* (3.1) and (3.2) for ||grad f|| = grad_norm, strong convexity mu > 0. */
double gap_bound(double grad_norm, double mu);
double distance_bound(double grad_norm, double mu);

enum stop_rule { STOP_GRADIENT, STOP_LOSS_CHANGE, STOP_STEP_LENGTH, STOP_RULES };

/* The thresholds eps, eps_f, eps_x of the three rules that watch the run. */
struct stop_thresholds {
    double gradient, loss_change, step_length;
};

/* Where each rule first fires in a fixed-step run. */
struct stop_report {
    long step[STOP_RULES];          /* the first k at which it fires (-1: never) */
    double distance[STOP_RULES];    /* ||x^(k) - x*|| there */
    double gap[STOP_RULES];         /* f(x^(k)) - f* there */
};

/* Run (1.1) with step eta on f from x0 for up to max_steps updates and
 * report the first step at which each rule of t fires (the gradient rule
 * may fire at k = 0, the two others from k = 1), measured against the
 * minimiser x_star[0..dim) and its value f_star. */
struct stop_report first_stops(const struct function *f, const double *x0, double eta,
                               const struct stop_thresholds *t, const double *x_star,
                               double f_star, long max_steps);

/* A short name of each rule for tables: "gradient", ... */
const char *stop_rule_name(enum stop_rule rule);

#endif
