/* train.c: the training loop of train.h. */
#include "11-tiny-network/train.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "10-failures/clip.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool finite_vector(const double *x, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!isfinite(x[i]))
            return false;
    return true;
}

/* The largest |x[i]| of x[0..count); infinity if one is not finite. */
static double largest_magnitude(const double *x, size_t count)
{
    double largest = 0.0;
    for (size_t i = 0; i < count; i++) {
        if (!isfinite(x[i]))
            return INFINITY;
        largest = fmax(largest, fabs(x[i]));
    }
    return largest;
}

/* With every output and every target below this in magnitude, no loss of
 * network.h can overflow: mse's (z - y)^2 stays below 4e200, bce's z y
 * below 1e200 (its log term is at most ln 2), cross-entropy's m - z_c
 * below 2e100 (its log of a sum between 1 and K is small), and so their
 * means over the samples are finite. */
#define SURELY_FINITE 1e100

static void measure(struct training_result *r, const struct network *net, const double *theta,
                    const struct dataset *train, const struct dataset *test)
{
    r->train_loss = network_loss(net, theta, train, NULL, 0);
    r->test_loss = network_loss_and_accuracy(net, theta, test, &r->test_accuracy);
}

static void row(FILE *csv, long epoch, const struct training_result *r)
{
    if (csv)
        fprintf(csv, "%ld,%.17g,%.17g,%.17g\n", epoch, r->train_loss, r->test_loss,
                r->test_accuracy);
}

struct training_result train_network(const struct network *net, double *theta,
                                     const struct training *settings,
                                     const struct dataset *train, const struct dataset *test,
                                     FILE *csv)
{
    size_t dim = network_dim(net);
    double *grad = xcalloc(dim, sizeof(double));
    struct training_result r = {0};
    struct optimizer opt;
    struct epoch epoch;
    const size_t *batch;
    size_t size;

    struct scheduler sched;
    optimizer_init(&opt, settings->kind, &settings->hyper, dim);
    if (settings->schedule)
        scheduler_init(&sched, settings->schedule, &opt);
    epoch_init(&epoch, train->count, settings->batch_size, true, settings->shuffle_seed);
    if (csv)
        fprintf(csv, "epoch,train_loss,test_loss,test_accuracy\n");
    measure(&r, net, theta, train, test);
    row(csv, 0, &r);

    /* Without csv, an epoch's measurement before the last is read by one
     * thing only, the check that its losses are finite.  When the outputs
     * and targets are surely below SURELY_FINITE, that check cannot fail:
     * the measurement (as long as an epoch of training) is left out, and
     * the parameters are kept instead, to be measured should the next
     * epoch diverge.  The result is the same, bit for bit. */
    double *kept = xcalloc(dim, sizeof(double));
    bool kept_unmeasured = false;       /* r is not yet kept's measurement */
    double x_bound = fmax(largest_magnitude(train->x, train->count * train->features),
                          largest_magnitude(test->x, test->count * test->features));
    double y_bound = fmax(largest_magnitude(train->y, train->count),
                          largest_magnitude(test->y, test->count));

    for (long e = 1; e <= settings->epochs && !r.diverged; e++) {
        epoch_start(&epoch);
        while ((size = epoch_next_batch(&epoch, &batch)) > 0) {
            double loss = network_gradient(net, grad, theta, train, batch, size);
            if (settings->max_norm > 0.0)
                clip_grad_norm(grad, dim, settings->max_norm);
            optimizer_step(&opt, theta, grad);
            if (!isfinite(loss) || !finite_vector(theta, dim)) {
                r.diverged = true;
                break;
            }
        }
        if (r.diverged)
            break;
        if (settings->schedule)
            scheduler_step(&sched, &opt);
        if (!csv && e < settings->epochs && y_bound < SURELY_FINITE
            && network_output_bound(net, theta, x_bound) < SURELY_FINITE) {
            memcpy(kept, theta, dim * sizeof(double));
            kept_unmeasured = true;
            r.epochs_done = e;
            continue;
        }
        measure(&r, net, theta, train, test);
        kept_unmeasured = false;
        if (!isfinite(r.train_loss) || !isfinite(r.test_loss)) {
            r.diverged = true;
            break;
        }
        r.epochs_done = e;
        row(csv, e, &r);
    }
    if (kept_unmeasured)                /* diverged in the epoch after kept */
        measure(&r, net, kept, train, test);
    free(kept);
    epoch_free(&epoch);
    optimizer_free(&opt);
    free(grad);
    return r;
}
