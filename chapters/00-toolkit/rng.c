/* rng.c: SplitMix64 and what the book draws from it (see rng.h). */
#include "00-toolkit/rng.h"

void rng_seed(struct rng *rng, uint64_t seed)
{
    rng->state = seed;
}

/* ANCHOR: next */
uint64_t rng_next(struct rng *rng)
{
    uint64_t z = (rng->state += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}
/* ANCHOR_END: next */

double rng_uniform(struct rng *rng)
{
    return (double)(rng_next(rng) >> 11) * 0x1.0p-53;
}

uint64_t rng_below(struct rng *rng, uint64_t bound)
{
    /* Draws below limit = 2^64 - (2^64 mod bound) fall in whole blocks of
     * bound values; the rest are redrawn.  Unsigned arithmetic wraps, so
     * limit == 0 stands for 2^64 (bound divides 2^64: nothing is redrawn).
     * 2^64 mod bound is less than bound, so a draw below 2^64 - bound
     * (-bound here) is below limit: only a draw at or above it needs limit
     * and the division that finds it, which is rare unless bound is huge. */
    uint64_t draw = rng_next(rng);
    if (draw >= -bound) {
        uint64_t remainder = -bound % bound;
        uint64_t limit = -remainder;
        while (limit != 0 && draw >= limit)
            draw = rng_next(rng);
    }
    return draw % bound;
}

double rng_normal(struct rng *rng)
{
    double sum = 0.0;
    for (int i = 0; i < 12; i++)
        sum += rng_uniform(rng);
    return sum - 6.0;
}

/* ANCHOR: shuffle */
void rng_shuffle(struct rng *rng, size_t *order, size_t count)
{
    for (size_t i = count; i > 1; i--) {
        size_t j = (size_t)rng_below(rng, i);
        size_t swap = order[i - 1];
        order[i - 1] = order[j];
        order[j] = swap;
    }
}
/* ANCHOR_END: shuffle */
