/* report.h: the printed reports and figure data of chapter 10's program. */
#ifndef DESCENT_REPORT_10_H
#define DESCENT_REPORT_10_H

#include <stdio.h>

#define SADDLE_ETA 0.1
#define CHAIN_MAX 60                /* layers in the depth measurement */
#define EXPLODE_LAYERS 10           /* the run that overflows */
#define EXPLODE_W0 1.5
#define EXPLODE_LR 0.1
#define EXPLODE_STEPS 1000
#define CLIP_MAX_NORM 1.0
#define BASIN_GRID 40               /* starts per side on [-6, 6]^2 */
#define BASIN_STEPS 5000

void print_saddle(FILE *out);
void print_plateau(FILE *out);
void print_chains(FILE *out);
void print_explosion(FILE *out);
void print_clipping(FILE *out);
void print_basins(FILE *out);
void print_values(FILE *out);
void write_csv(const char *dir);

/* The slope of ln |dh_L/dw_1| per layer for a chain with every weight w
 * (least squares over L = 1..CHAIN_MAX). */
double chain_slope(double w, int tanh_layers);

/* The fixed point h* = tanh(w h*) > 0 of a tanh chain with weight w > 1,
 * by iteration from 1; the per-layer factor is then w (1 - h*^2). */
double tanh_fixed_point(double w);

/* The worked clipping step: g = (3, 4), max 1 and value 1. */
void worked_clip(double by_norm[2], double by_value[2], double *norm);

/* The run that overflows: steps taken before a non-finite loss (or the
 * budget), and the final loss; with clip > 0, clip_grad_norm at clip. */
long explode_run(double w0, double clip, double *final_loss);

#endif
