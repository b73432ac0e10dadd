/* cost.h: what a data-parallel update costs, by the alpha-beta model.
 *
 * A message of n bytes takes alpha + n beta seconds (12.4): alpha the
 * latency (seconds), beta the time per byte (seconds per byte, one over the
 * bandwidth).  A ring all-reduce of n bytes over P workers (Patarasuk and
 * Yuan 2009; what NCCL and Horovod use for large messages) sends 2 (P - 1)
 * messages of n / P bytes from every worker: a reduce-scatter, then an
 * all-gather, so it takes (12.5)
 *     T_ar(P) = 2 (P - 1) alpha + 2 (P - 1)/P n beta.
 * An update of a global batch of B samples, at c seconds per sample of
 * gradient, takes (12.6)
 *     T(P) = B c / P + T_ar(P),
 * which is smallest at (12.7)
 *     P* = sqrt((B c - 2 n beta) / (2 alpha)):
 * beyond P*, another worker slows the update down.  The workers compute at
 * least as long as they communicate when B >= P T_ar(P) / c (12.8).
 */
#ifndef DESCENT_COST_H
#define DESCENT_COST_H

#include <stddef.h>

struct network {
    double alpha;       /* latency of one message, seconds */
    double beta;        /* seconds per byte */
};

/* (12.4): seconds to send one message of bytes (no check: the stated
 * networks are the callers'). */
double message_time(const struct network *net, double bytes);

/* (12.5): seconds for a ring all-reduce of bytes over workers (>= 1;
 * 0 for one worker). */
double ring_allreduce_time(const struct network *net, double bytes, double workers);

/* Bytes each worker sends in that ring all-reduce: 2 (P - 1)/P bytes. */
double ring_allreduce_volume(double bytes, double workers);

/* (12.6): seconds per update of batch samples over workers, at
 * per_sample seconds of gradient per sample, all-reducing bytes. */
double update_time(const struct network *net, double per_sample, double batch,
                   double bytes, double workers);

/* (12.7): the number of workers (real, not rounded) at which update_time
 * is smallest; 1 when (12.7) would be at most 1 (B c - 2 n beta <=
 * 2 alpha): then no number of workers beats one.  (Two workers are
 * already slower than one from B c - 2 n beta < 4 alpha: the real P*
 * between 1 and sqrt 2 is returned as it is.) */
double fastest_workers(const struct network *net, double per_sample, double batch,
                       double bytes);

/* The smallest global batch for which each of workers computes at least
 * as long as the all-reduce takes, B c / P >= T_ar(P) (12.8):
 * P T_ar(P) / c samples. */
double busy_batch(const struct network *net, double per_sample, double bytes, double workers);

/* The linear scaling rule (Goyal et al. 2017, section 2.1): multiply the
 * batch by k, multiply the learning rate by k. */
double linear_scaled_lr(double lr, double base_batch, double batch);

/* Linear warm-up over warmup updates (Goyal et al. 2017, section 2.2; the
 * shape of PyTorch's LinearLR, chapter 9): update k (from 0) uses
 * lr min(1, (k + 1) / warmup).  warmup 0: lr throughout. */
double warmup_lr(double lr, long step, long warmup);

#endif
