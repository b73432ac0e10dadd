/* data.c: splits, scaling and the two moons of data.h. */
#include "11-tiny-network/data.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/rng.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static void copy_rows(struct dataset *to, const struct dataset *from, const size_t *rows,
                      size_t count)
{
    dataset_init(to, count, from->features);
    for (size_t r = 0; r < count; r++) {
        memcpy(to->x + r * from->features, from->x + rows[r] * from->features,
               from->features * sizeof(double));
        to->y[r] = from->y[rows[r]];
    }
}

void split_dataset(struct dataset *train, struct dataset *test, const struct dataset *all,
                   double test_fraction, uint64_t seed)
{
    struct rng rng;
    size_t *order = xcalloc(all->count, sizeof(size_t));
    size_t tests = (size_t)floor(test_fraction * (double)all->count + 0.5);
    for (size_t i = 0; i < all->count; i++)
        order[i] = i;
    rng_seed(&rng, seed);
    rng_shuffle(&rng, order, all->count);
    copy_rows(test, all, order, tests);
    copy_rows(train, all, order + tests, all->count - tests);
    free(order);
}

void standardize(struct dataset *train, struct dataset *test)
{
    size_t d = train->features;
    for (size_t j = 0; j < d; j++) {
        double mean = 0.0, var = 0.0;
        for (size_t i = 0; i < train->count; i++)
            mean += train->x[i * d + j];
        mean /= (double)train->count;
        for (size_t i = 0; i < train->count; i++) {
            double e = train->x[i * d + j] - mean;
            var += e * e;
        }
        double sd = sqrt(var / (double)train->count);
        if (sd == 0.0)
            sd = 1.0;
        for (size_t i = 0; i < train->count; i++)
            train->x[i * d + j] = (train->x[i * d + j] - mean) / sd;
        for (size_t i = 0; i < test->count; i++)
            test->x[i * d + j] = (test->x[i * d + j] - mean) / sd;
    }
}

void scale_features(struct dataset *data, double factor)
{
    for (size_t i = 0; i < data->count * data->features; i++)
        data->x[i] *= factor;
}

void two_moons(struct dataset *data, size_t count, double noise, uint64_t seed)
{
    const double pi = 3.14159265358979323846;
    struct rng rng;
    rng_seed(&rng, seed);
    dataset_init(data, count, 2);
    for (size_t i = 0; i < count; i++) {
        double t = pi * rng_uniform(&rng);
        int upper = i < count / 2;
        double x1 = upper ? cos(t) : 1.0 - cos(t);
        double x2 = upper ? sin(t) : 0.5 - sin(t);
        data->x[2 * i] = x1 + noise * rng_normal(&rng);
        data->x[2 * i + 1] = x2 + noise * rng_normal(&rng);
        data->y[i] = upper ? 0.0 : 1.0;
    }
}
