/* rng.h: the book's random-number generator.
 *
 * Every random choice in descent (synthetic data, shuffled sample order)
 * comes from here and never from rand(), so a run prints the same bytes on
 * every machine.  The generator is SplitMix64 (Steele, Lea and Flood,
 * "Fast splittable pseudorandom number generators", OOPSLA 2014): a 64-bit
 * state advanced by a fixed odd constant and scrambled by two
 * multiply-xorshift rounds.  Its period is 2^64 and it passes BigCrush; the
 * whole algorithm is the four lines of rng_next. See chapters/00-toolkit.
 */
#ifndef DESCENT_RNG_H
#define DESCENT_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
    uint64_t state;
};

/* Start the generator; the seed is used as the state as it is. */
void rng_seed(struct rng *rng, uint64_t seed);

/* The next 64 random bits. */
uint64_t rng_next(struct rng *rng);

/* A double uniform on [0, 1): the top 53 bits times 2^-53. */
double rng_uniform(struct rng *rng);

/* A whole number uniform on [0, bound), without modulo bias (draws that
 * fall in the incomplete last block are redrawn).  The caller guarantees
 * bound > 0 (0 would divide by zero). */
uint64_t rng_below(struct rng *rng, uint64_t bound);

/* An approximately standard normal number: the sum of twelve uniforms minus
 * six (mean 0, variance 1, values within [-6, 6]).  Only additions, so the
 * result is the same on every machine, unlike a method that calls log(). */
double rng_normal(struct rng *rng);

/* Put order[0..count) in a uniformly random order (Fisher-Yates, from the
 * last position down, swapping position i with rng_below(i + 1)); count 0
 * or 1 leaves it as it is. */
void rng_shuffle(struct rng *rng, size_t *order, size_t count);

#endif
