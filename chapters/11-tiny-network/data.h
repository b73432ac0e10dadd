/* data.h: chapter 11's data sets, their splits and their scaling.
 *
 * The two real data sets are CSV files beside this chapter (data/, with
 * their sources and licences in data/SOURCES.txt), read with the lab's
 * strict reader (A-lab/datafile.h): the features, then the target in the
 * last column.  A split is drawn once from the book's generator, so every
 * run, machine and compiler trains and tests on the same samples.
 */
#ifndef DESCENT_DATA_H
#define DESCENT_DATA_H

#include <stddef.h>
#include <stdint.h>

#include "04-batches/regression.h"

#define BREAST_CANCER_CSV "chapters/11-tiny-network/data/breast-cancer.csv"
#define DIGITS_CSV "chapters/11-tiny-network/data/digits.csv"

/* The split every figure and value of the chapter uses. */
#define SPLIT_SEED 11
#define TEST_FRACTION 0.2

/* train, test <- the samples of all in a random order drawn from seed
 * (rng_shuffle of 0..count-1), the first round(test_fraction count) of
 * them the test set, the rest the training set, each in the shuffled
 * order.  Both are allocated here (dataset_free them).  The caller
 * guarantees 0 <= test_fraction <= 1. */
void split_dataset(struct dataset *train, struct dataset *test, const struct dataset *all,
                   double test_fraction, uint64_t seed);

/* Standardize every feature of train and test by the mean and standard
 * deviation (1/N) of train alone, as sklearn's StandardScaler fitted on the
 * training set: the test set must not leak into the scaling.  A feature
 * constant in train (a pixel always 0) is only centred. */
void standardize(struct dataset *train, struct dataset *test);

/* Scale every feature of data by factor (the digits' pixels 0..16 by 1/16). */
void scale_features(struct dataset *data, double factor);

/* Two interleaved half moons in the plane, count samples (half of each
 * class), with normal noise of standard deviation noise, from seed:
 * class 0 on the upper arc (cos t, sin t), class 1 on the lower arc
 * (1 - cos t, 1/2 - sin t), t uniform on [0, pi).  Allocated here. */
void two_moons(struct dataset *data, size_t count, double noise, uint64_t seed);

#endif
