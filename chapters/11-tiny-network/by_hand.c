/* by_hand.c: the paper-sized network of by_hand.h. */
#include "11-tiny-network/by_hand.h"
#include "00-toolkit/optimizer.h"
#include "06-momentum/sgd.h"

#include <string.h>

void by_hand_example(struct network *net, double *theta, struct dataset *data, int target)
{
    static const double given[BY_HAND_DIM] = {
        1, -1, 1, 1,        /* W1 */
        0, 0,               /* b1 */
        1, 1, -1, 2,        /* W2 */
        3, 0,               /* b2 */
    };
    network_init(net, 2, 2, 2, ACTIVATION_RELU, LOSS_CROSS_ENTROPY);
    memcpy(theta, given, sizeof given);
    dataset_init(data, 1, 2);
    data->x[0] = 1;
    data->x[1] = 2;
    data->y[0] = target;
}

static void print_pair(FILE *out, const char *name, const double *v)
{
    fprintf(out, "  %-4s (%g, %g)\n", name, v[0], v[1]);
}

static void print_matrix(FILE *out, const char *name, const double *m)
{
    fprintf(out, "  %-4s [%g %g; %g %g]\n", name, m[0], m[1], m[2], m[3]);
}

static void print_parameters(FILE *out, const char *prefix, const double *theta)
{
    char name[8];
    snprintf(name, sizeof name, "%sW1", prefix);
    print_matrix(out, name, theta);
    snprintf(name, sizeof name, "%sb1", prefix);
    print_pair(out, name, theta + 4);
    snprintf(name, sizeof name, "%sW2", prefix);
    print_matrix(out, name, theta + 6);
    snprintf(name, sizeof name, "%sb2", prefix);
    print_pair(out, name, theta + 10);
}

void by_hand_print(FILE *out)
{
    struct network net;
    struct dataset data;
    struct optimizer opt;
    struct hyper hyper = sgd_kind.defaults;
    double theta[BY_HAND_DIM], grad[BY_HAND_DIM], z[2], a[2], dz[2];

    by_hand_example(&net, theta, &data, 0);
    network_forward(&net, z, a, theta, data.x);
    double loss = loss_of_outputs(&net, dz, z, data.y[0]);
    fprintf(out, "forward, x = (1, 2), class 0\n");
    print_pair(out, "a", a);
    print_pair(out, "z", z);
    fprintf(out, "  loss %.17g\n", loss);
    fprintf(out, "backward\n");
    print_pair(out, "dz", dz);
    network_gradient(&net, grad, theta, &data, NULL, 0);
    print_parameters(out, "d", grad);
    hyper.lr = BY_HAND_LR;
    optimizer_init(&opt, &sgd_kind, &hyper, BY_HAND_DIM);
    optimizer_step(&opt, theta, grad);
    fprintf(out, "after one step of lr %g\n", BY_HAND_LR);
    print_parameters(out, "", theta);
    network_forward(&net, z, a, theta, data.x);
    print_pair(out, "a", a);
    print_pair(out, "z", z);
    fprintf(out, "  loss %.17g\n", loss_of_outputs(&net, NULL, z, data.y[0]));
    optimizer_free(&opt);
    dataset_free(&data);
    network_free(&net);
}
