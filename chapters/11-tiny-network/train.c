/* train.c: the training loop of train.h. */
#include "11-tiny-network/train.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "10-failures/clip.h"

#include <math.h>
#include <stdlib.h>

static bool finite_vector(const double *x, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (!isfinite(x[i]))
            return false;
    return true;
}

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
        measure(&r, net, theta, train, test);
        if (!isfinite(r.train_loss) || !isfinite(r.test_loss)) {
            r.diverged = true;
            break;
        }
        r.epochs_done = e;
        row(csv, e, &r);
    }
    epoch_free(&epoch);
    optimizer_free(&opt);
    free(grad);
    return r;
}
