/* reports.h: the tables and data files build/ch11 prints, one function per
 * worked example or measurement (main.c only dispatches).  Each takes the
 * stream for its table and a folder for its figures' data (NULL: none). */
#ifndef DESCENT_REPORTS_H
#define DESCENT_REPORTS_H

#include <stdio.h>

/* The seed's loop: its loss every 10 epochs. */
void seed_loop_print(FILE *out, const char *csv_dir);

/* The seed's loop for pytorch_check.py: data, initial weights, the loss of
 * every epoch and the final weights, all with %.17g. */
void seed_loop_dump(FILE *out, const char *csv_dir);

/* The digits network's first steps on 32 training images with SGD with
 * momentum 0.9 and every optimizer of the book (A-lab/kinds.h) at PyTorch's
 * defaults (SGD at lr 0.1), for pytorch_check.py: data, initial weights,
 * losses and final weights with %.17g. */
void network_dump(FILE *out, const char *csv_dir);

/* The 2-2-2 network by hand: forward, backward, one step. */
void by_hand_report(FILE *out, const char *csv_dir);

/* Backpropagation of every model and loss against the central difference
 * and the complex step (gradient_checks.h). */
void gradients_report(FILE *out, const char *csv_dir);

/* A task's optimizers at their tuned rates over seeds 1..SEEDS (test
 * loss and accuracy, mean and sd); csv: PREFIX_OPTIMIZER.csv, the curves of
 * seed 1.  task is an enum task of experiments.h. */
void task_table(FILE *out, const char *csv_dir, int task, const char *prefix);

/* The learning-rate sweeps of the three tasks; stops with exit status 1
 * if a tuned rate of experiments.c is no longer its sweep's best. */
void sweep_print(FILE *out, const char *csv_dir);

/* Logistic regression on breast cancer: the optimizers over the seeds;
 * csv: cancer_OPTIMIZER.csv, the curves of seed 1. */
void cancer_print(FILE *out, const char *csv_dir);

/* The 64-32-10 network on digits: the optimizers over the seeds; csv:
 * digits_OPTIMIZER.csv (curves of seed 1), confusion.csv,
 * misclassified.csv. */
void digits_print(FILE *out, const char *csv_dir);

/* The two moons: the network against a linear model; csv: moons_samples.csv,
 * moons_grid.csv (the network's probability of class 1 on a grid). */
void moons_print(FILE *out, const char *csv_dir);

/* The earlier chapters' claims tried on the network. */
void claims_print(FILE *out, const char *csv_dir);

/* The runs several of the book's outputs share (experiments.h), trained
 * and written to csv_dir/tuned.runs (the digits at the tuned rates from
 * seeds 2 to SEEDS, the curvature at initialisation) or csv_dir/sweep.runs
 * (the digits sweep, whose runs at the tuned rates are seed 1's, with
 * their curves); out is not written.  Without csv_dir: a usage error. */
void shared_runs_tuned(FILE *out, const char *csv_dir);
void shared_runs_sweep(FILE *out, const char *csv_dir);

/* The numbers the chapter's text quotes, "name value" per line (build/ch11
 * --values, read by the weaver). */
void chapter11_values(FILE *out);

#endif
