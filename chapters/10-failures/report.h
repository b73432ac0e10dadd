/* report.h: the printed reports and figure data of chapter 10's program. */
#ifndef DESCENT_REPORT_10_H
#define DESCENT_REPORT_10_H

#include <stdint.h>
#include <stdio.h>

#define SADDLE_ETA 0.1
#define SADDLE_MOMENTUM 0.9
#define SADDLE_MOMENTUM_LR 0.01     /* lr / (1 - momentum) = SADDLE_ETA */
#define CHAIN_MAX 60                /* layers in the depth measurement */
#define EXPLODE_LAYERS 10           /* the run that overflows */
#define EXPLODE_W0 1.5
#define EXPLODE_LR 0.1
#define EXPLODE_STEPS 1000
#define CLIP_MAX_NORM 1.0
#define BASIN_GRID 40               /* starts per side on [-6, 6]^2 */
#define BASIN_STEPS 5000
#define BASIN_RUNS 3                /* gd lr 0.01, gd lr 0.001, momentum 0.9 lr 0.001 */
#define X2SINX_STARTS 1900          /* starts on [X2SINX_LOW, X2SINX_HIGH], 0.01 apart */
#define X2SINX_LOW (-11.0)          /* inside the maxima at -11.17 and 8.10 */
#define X2SINX_HIGH 8.0
#define X2SINX_MAX_BETWEEN (-5.086985094102)    /* the maximum between -8.096 and -2.289 */
#define X2SINX_TRIES 100            /* random starts per seed */
#define RESTART_SEEDS 10

/* The reports of build/ch10, each printed to out, and the figures' CSV
 * files written into dir (a file that cannot be written: exit 2, csv.h). */
void print_saddle(FILE *out);
void print_plateau(FILE *out);
void print_chains(FILE *out);
void print_explosion(FILE *out);
void print_clipping(FILE *out);
void print_basins(FILE *out);
void print_values(FILE *out);
void write_csv(const char *dir);

/* The slope of ln |da_n/dw_1| per layer for a chain with every weight w
 * and the activation (chain.h), least squares over n = 1..CHAIN_MAX. */
double chain_slope(double w, int activation);

/* The fixed point a* = act(w a*) a chain with every weight w settles at,
 * by iteration from 1 (for tanh, w > 1: the positive one), and the factor
 * w act'(w a*) by which each layer there multiplies da_n/dw_1 (10.3). */
double chain_fixed_point(int activation, double w);
double chain_layer_factor(int activation, double w);
double tanh_fixed_point(double w);

/* Starts of the Himmelblau grid whose minimum differs between run from and
 * run to (0: gd lr 0.01, 1: gd lr 0.001, 2: momentum 0.9 lr 0.001), and
 * how many of them have a neighbour (of 8) that ends elsewhere in from's
 * map: one grid cell from a basin boundary. */
struct basin_change {
    int changed, next_to_boundary;
};
struct basin_change basin_change(int from, int to);

/* x^2 sin x restarts: the fraction of X2SINX_TRIES uniform starts (seed)
 * that reach the lowest minimum -8.096; its mean, sd, range over seeds
 * 1..RESTART_SEEDS; the fraction predicted from the basin's share. */
double restart_fraction(uint64_t seed);
void restart_spread(double *mean, double *sd, double *low, double *high);
double restart_fraction_predicted(void);

/* The worked clipping step: g = (3, 4), max 1 and value 1. */
void worked_clip(double by_norm[2], double by_value[2], double *norm);

/* The run that overflows: a chain of EXPLODE_LAYERS linear layers from
 * every w = w0, EXPLODE_LR, at most EXPLODE_STEPS updates.  Returns the
 * steps taken before a non-finite loss (or the budget), *final_loss the
 * last finite loss; with clip > 0, clip_grad_norm (10.4) at clip first. */
long explode_run(double w0, double clip, double *final_loss);

#endif
