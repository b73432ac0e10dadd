/* examples.h: the worked examples of chapter 12, each a table on out
 * (build/ch12 --example NAME), and the figures' data (--csv DIR). */
#ifndef DESCENT_EXAMPLES_12_H
#define DESCENT_EXAMPLES_12_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "12-data-parallel/cost.h"

/* The order-of-sums example: the batch, the worker counts. */
#define ORDER_SEED 12
#define ORDER_BATCH 64
#define ORDER_MAX_WORKERS 4

/* The projection's stated network (10 microseconds, 10 GB/s) and models. */
#define PROJECTION_ALPHA 10e-6
#define PROJECTION_BANDWIDTH 10e9
#define BIG_MODEL_BYTES 100e6       /* 25 million float32 parameters */
#define BIG_MODEL_PER_SAMPLE 1e-3   /* seconds of gradient per sample */
#define SMALL_MODEL_BYTES 64.0      /* the chapter's 8 doubles */
#define SMALL_MODEL_PER_SAMPLE 50e-9
#define PROJECTION_MAX_WORKERS 1024

/* Local SGD and the large-batch runs: workers, batch, rate, length, seeds. */
#define LOCAL_WORKERS 4
#define LOCAL_BATCH 64
#define LOCAL_LR 0.05
#define LOCAL_STEPS 1024
#define SEEDS 5
#define LARGE_BASE_BATCH 4
#define LARGE_BASE_LR 0.01
#define LARGE_SAMPLES 16384
#define LARGE_MAX_FACTOR 256

/* The stated network of the projection. */
struct network projection_network(void);

/* The tables of build/ch12 --example order, projection, large-batch and
 * local-sgd, printed to out. */
void order_report(FILE *out);
void projection_report(FILE *out);
void large_batch_report(FILE *out);
void local_sgd_report(FILE *out);

/* The largest factor k (a power of two) for which the linear scaling rule
 * keeps the mean final excess loss over the seeds within twice the k = 1
 * one, with warm-up (warmup true) or without. */
long largest_working_factor(bool warmup);

/* Mean over seeds 1..SEEDS of local SGD's final excess loss with `local`
 * local steps over steps steps; *spread gets max - min. */
double local_sgd_mean(long local, long steps, double *spread);

/* The figures' data into dir (a file that cannot be written: exit 2). */
void write_figure_data(const char *dir);

#endif
