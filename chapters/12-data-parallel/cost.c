/* cost.c: the alpha-beta model of an update (cost.h). */
#include "12-data-parallel/cost.h"

#include <math.h>

double message_time(const struct network *net, double bytes)
{
    return net->alpha + bytes * net->beta;                          /* (12.4) */
}

double ring_allreduce_volume(double bytes, double workers)
{
    return 2.0 * (workers - 1.0) / workers * bytes;
}

double ring_allreduce_time(const struct network *net, double bytes, double workers)
{
    /* (12.5): 2 (P - 1) steps, each one message of bytes / P */
    return 2.0 * (workers - 1.0) * net->alpha + ring_allreduce_volume(bytes, workers) * net->beta;
}

double update_time(const struct network *net, double per_sample, double batch,
                   double bytes, double workers)
{
    return batch * per_sample / workers + ring_allreduce_time(net, bytes, workers);  /* (12.6) */
}

double fastest_workers(const struct network *net, double per_sample, double batch,
                       double bytes)
{
    /* T(P) = (B c - 2 n beta)/P + 2 alpha P + constant: dT/dP = 0 at (12.7) */
    double gain = batch * per_sample - 2.0 * bytes * net->beta;
    if (gain <= 2.0 * net->alpha)
        return 1.0;
    return sqrt(gain / (2.0 * net->alpha));
}

double busy_batch(const struct network *net, double per_sample, double bytes, double workers)
{
    return workers * ring_allreduce_time(net, bytes, workers) / per_sample;    /* (12.8) */
}

double linear_scaled_lr(double lr, double base_batch, double batch)
{
    return lr * (batch / base_batch);
}

double warmup_lr(double lr, long step, long warmup)
{
    if (warmup <= 0 || step + 1 >= warmup)
        return lr;
    return lr * (double)(step + 1) / (double)warmup;
}
