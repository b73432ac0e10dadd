/* network.c: the models, losses and backpropagation of network.h. */
#include "11-tiny-network/network.h"
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The samples network_gradient adds to the gradient in one pass over its
 * matrices (add_outer_products). */
#define SIDE 4

void network_init(struct network *net, size_t inputs, size_t hidden, size_t outputs,
                  enum activation activation, enum loss loss)
{
    if ((loss == LOSS_MSE || loss == LOSS_BCE) && outputs != 1)
        fail(EXIT_USAGE, "the %s loss takes one output, not %zu", loss_name(loss), outputs);
    if (loss == LOSS_CROSS_ENTROPY && outputs < 2)
        fail(EXIT_USAGE, "cross-entropy needs at least 2 classes, not %zu", outputs);
    if (inputs == 0)
        fail(EXIT_USAGE, "a model needs at least one input");
    net->inputs = inputs;
    net->hidden = hidden;
    net->outputs = outputs;
    net->activation = activation;
    net->loss = loss;
    net->scratch = xcalloc(SIDE * (3 * hidden + 2 * outputs), sizeof(double));
}

void network_free(struct network *net)
{
    free(net->scratch);
    net->scratch = NULL;
}

size_t network_dim(const struct network *net)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs;
    return h == 0 ? k * d + k : h * d + h + k * h + k;
}

/* ANCHOR: init */
/* One nn.Linear(fan_in, fan_out): weight then bias, both U(-bound, bound). */
static double *init_layer(double *theta, size_t fan_in, size_t fan_out, struct rng *rng)
{
    double bound = 1.0 / sqrt((double)fan_in);
    for (size_t i = 0; i < fan_out * fan_in + fan_out; i++)
        theta[i] = bound * (2.0 * rng_uniform(rng) - 1.0);
    return theta + fan_out * fan_in + fan_out;
}
/* ANCHOR_END: init */

void network_init_parameters(const struct network *net, double *theta, struct rng *rng)
{
    if (net->hidden == 0) {
        init_layer(theta, net->inputs, net->outputs, rng);
        return;
    }
    theta = init_layer(theta, net->inputs, net->hidden, rng);
    init_layer(theta, net->hidden, net->outputs, rng);
}

/* The forward pass and the losses in double (forward_pass.h: the same
 * text is the complex step's, in network_complex.c). */
#define SCALAR double
#define SCALARED(name) name##_real
#define REAL(v) (v)
#define EXP exp
#define LOG log
#define LOG1P log1p
#define TANH tanh
#define INPUT(buffer, x, count) ((void)(buffer), (x))
#include "11-tiny-network/forward_pass.h"

double sigmoid(double z)
{
    return sigmoid_real(z);
}

/* act'(u), from u and a = act(u): 1 - a^2, [u > 0], a (1 - a).  ReLU's
 * derivative at 0 is taken as 0, as PyTorch's threshold_backward does. */
static double activation_slope(enum activation activation, double u, double a)
{
    switch (activation) {
    case ACTIVATION_TANH: return 1.0 - a * a;
    case ACTIVATION_RELU: return u > 0.0 ? 1.0 : 0.0;
    case ACTIVATION_SIGMOID: return a * (1.0 - a);
    }
    return 1.0;
}

void network_forward(const struct network *net, double *z, double *hidden,
                     const double *theta, const double *x)
{
    double *a = hidden ? hidden : net->scratch, *u = net->scratch + net->hidden;
    forward_real(net, z, a, u, theta, x);
}

double log_sum_exp(const double *z, size_t count)
{
    double m, sum = shifted_exp_sum_real(&m, NULL, z, count);
    return m + log(sum);
}

/* ANCHOR: losses */
double loss_of_outputs(const struct network *net, double *dz, const double *z, double y)
{
    double m, sum;
    double loss = loss_value_real(net, z, y, &m, dz, &sum);     /* dz: e^(z_i - m) */
    if (dz == NULL)
        return loss;
    switch (net->loss) {
    case LOSS_MSE:
        dz[0] = 2.0 * (z[0] - y);
        break;
    case LOSS_BCE:
        dz[0] = sigmoid_real(z[0]) - y;
        break;
    case LOSS_CROSS_ENTROPY:
        /* the softmax from the shifted exponentials of the loss, kept in
         * dz: none overflows, the largest is 1 */
        for (size_t i = 0; i < net->outputs; i++)          /* softmax - onehot (11.7) */
            dz[i] = dz[i] / sum - (i == (size_t)y ? 1.0 : 0.0);
        break;
    }
    return loss;
}
/* ANCHOR_END: losses */

static const double *sample(const struct dataset *data, size_t i)
{
    return data->x + i * data->features;
}

double network_loss(const struct network *net, const double *theta,
                    const struct dataset *data, const size_t *batch, size_t size)
{
    return mean_loss_real(net, net->scratch, theta, data, batch, size);
}

/* row[0..cols) += l0 r0 + l1 r1 + l2 r2 + l3 r3, each entry's four terms
 * added in that order.  Two entries per step: the pair's sums are
 * independent, so a compiler may (gcc and clang at -O2 do) add them in one
 * vector instruction, which changes no bit of either. */
static void add_four(double *restrict row, size_t cols, double l0, double l1, double l2,
                     double l3, const double *restrict r0, const double *restrict r1,
                     const double *restrict r2, const double *restrict r3)
{
    size_t c = 0;
    for (; c + 2 <= cols; c += 2) {
        double first = row[c] + l0 * r0[c] + l1 * r1[c] + l2 * r2[c] + l3 * r3[c];
        double second = row[c + 1] + l0 * r0[c + 1] + l1 * r1[c + 1] + l2 * r2[c + 1]
                      + l3 * r3[c + 1];
        row[c] = first;
        row[c + 1] = second;
    }
    for (; c < cols; c++)
        row[c] = row[c] + l0 * r0[c] + l1 * r1[c] + l2 * r2[c] + l3 * r3[c];
}

/* g [rows x cols] += left_b right_b^T for b = 0, ..., n - 1, n <= SIDE,
 * each left_b [rows] and right_b [cols] (none of them inside g).  Every
 * entry adds its n terms in the order of b, as n updates one after the
 * other would, to the same bits; but g is loaded and stored once instead
 * of n times (for one sample at a time, those loads and stores took most
 * of backpropagation's time). */
static void add_outer_products(double *g, size_t rows, size_t cols, size_t n,
                               const double *const left[SIDE],
                               const double *const right[SIDE])
{
    for (size_t r = 0; r < rows; r++) {
        double *row = g + r * cols;
        if (n == SIDE)
            add_four(row, cols, left[0][r], left[1][r], left[2][r], left[3][r], right[0],
                     right[1], right[2], right[3]);
        else {
            for (size_t b = 0; b < n; b++)
                for (size_t c = 0; c < cols; c++)
                    row[c] += left[b][r] * right[b][c];
        }
    }
}

double network_gradient(const struct network *net, double *grad, const double *theta,
                        const struct dataset *data, const size_t *batch, size_t size)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs;
    size_t count = batch ? size : data->count;
    size_t width = h == 0 ? d : h;      /* the last layer's inputs: x or a */
    double sum = 0.0;

    memset(grad, 0, network_dim(net) * sizeof(double));         /* zero_grad */
    double *gw1 = grad, *gb1 = gw1 + h * d, *gw2 = gb1 + h, *gb2 = gw2 + k * h;
    const double *w2 = theta + h * d + h;
    if (h == 0) {
        gw2 = grad;                     /* the linear model's W and b */
        gb2 = grad + k * d;
    }
    /* ANCHOR: backward */
    for (size_t s = 0; s < count; s += SIDE) {
        size_t n = count - s < SIDE ? count - s : SIDE;     /* samples side by side */
        const double *x[SIDE], *in[SIDE], *dzs[SIDE], *dus[SIDE];
        for (size_t b = 0; b < n; b++) {
            size_t i = batch ? batch[s + b] : s + b;
            double *a = net->scratch + b * (3 * h + 2 * k), *u = a + h, *z = u + h;
            double *dz = z + k, *du = dz + k;
            x[b] = sample(data, i);
            in[b] = h == 0 ? x[b] : a;
            forward_real(net, z, a, u, theta, x[b]);
            sum += loss_of_outputs(net, dz, z, data->y[i]);  /* dz [K] (11.6), (11.7) */
            for (size_t r = 0; r < k; r++)
                gb2[r] += dz[r];                                    /* db2 += dz     (11.8) */
            for (size_t j = 0; j < h; j++) {
                double da = 0.0;
                for (size_t r = 0; r < k; r++)
                    da += w2[r * h + j] * dz[r];                    /* da = W2^T dz  (11.9) */
                du[j] = da * activation_slope(net->activation, u[j], a[j]);  /* (11.10) */
                gb1[j] += du[j];                                    /* db1 += du     (11.11) */
            }
            dzs[b] = dz;
            dus[b] = du;
        }
        add_outer_products(gw2, k, width, n, dzs, in);              /* dW2 += dz a^T (11.8) */
        add_outer_products(gw1, h, d, n, dus, x);                   /* dW1 += du x^T (11.11) */
    }
    /* ANCHOR_END: backward */
    double scale = 1.0 / (double)count;                         /* the batch mean */
    for (size_t p = 0; p < network_dim(net); p++)
        grad[p] *= scale;
    return sum / (double)count;
}

/* network_predict's answer from the outputs z[0..K). */
static double prediction(const struct network *net, const double *z)
{
    if (net->loss == LOSS_MSE)
        return z[0];
    if (net->loss == LOSS_BCE)
        return z[0] > 0.0 ? 1.0 : 0.0;
    size_t best = 0;
    for (size_t i = 1; i < net->outputs; i++)
        if (z[i] > z[best])
            best = i;
    return (double)best;
}

double network_predict(const struct network *net, const double *theta, const double *x)
{
    double *a = net->scratch, *u = a + net->hidden, *z = u + net->hidden;
    forward_real(net, z, a, u, theta, x);
    return prediction(net, z);
}

double network_accuracy(const struct network *net, const double *theta,
                        const struct dataset *data)
{
    size_t right = 0;
    for (size_t i = 0; i < data->count; i++)
        right += network_predict(net, theta, sample(data, i)) == data->y[i];
    return (double)right / (double)data->count;
}

double network_loss_and_accuracy(const struct network *net, const double *theta,
                                 const struct dataset *data, double *accuracy)
{
    double *a = net->scratch, *u = a + net->hidden, *z = u + net->hidden;
    double sum = 0.0, m, shifted;
    size_t right = 0;
    for (size_t i = 0; i < data->count; i++) {
        forward_real(net, z, a, u, theta, sample(data, i));      /* once for both */
        sum += loss_value_real(net, z, data->y[i], &m, NULL, &shifted); /* as mean_loss */
        right += prediction(net, z) == data->y[i];               /* as network_accuracy */
    }
    *accuracy = (double)right / (double)data->count;
    return sum / (double)data->count;
}

/* The largest |out_r| that out = W in + b can reach with every |in_c| <=
 * in_bound (network_output_bound's rule for one layer). */
static double layer_bound(const double *weight, const double *bias, size_t rows, size_t cols,
                          double in_bound)
{
    double largest = 0.0;
    for (size_t r = 0; r < rows; r++) {
        double sum = fabs(bias[r]);
        for (size_t c = 0; c < cols; c++)
            sum += fabs(weight[r * cols + c]) * in_bound;
        if (!(sum < 1e300))             /* also when a weight is not finite */
            return INFINITY;
        largest = fmax(largest, sum);
    }
    return largest;
}

double network_output_bound(const struct network *net, const double *theta, double input_bound)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs;
    if (!(input_bound < 1e300))
        return INFINITY;
    if (h == 0)
        return layer_bound(theta, theta + k * d, k, d, input_bound);
    const double *w1 = theta, *b1 = w1 + h * d, *w2 = b1 + h, *b2 = w2 + k * h;
    double hidden = layer_bound(w1, b1, h, d, input_bound);         /* |u| */
    if (hidden == INFINITY)
        return INFINITY;
    if (net->activation != ACTIVATION_RELU)
        hidden = 1.0;                                               /* |tanh|, sigmoid <= 1 */
    return layer_bound(w2, b2, k, h, hidden);                       /* |z| */
}

static const char *const activation_names[] = {"tanh", "relu", "sigmoid"};
static const char *const loss_names[] = {"mse", "bce", "cross-entropy"};

enum activation activation_from_name(const char *flag, const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, activation_names[i]) == 0)
            return (enum activation)i;
    unknown_choice(flag, "activation", name, "tanh, relu, sigmoid");
}

enum loss loss_from_name(const char *flag, const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, loss_names[i]) == 0)
            return (enum loss)i;
    unknown_choice(flag, "loss", name, "mse, bce, cross-entropy");
}

const char *activation_name(enum activation activation)
{
    return activation_names[activation];
}

const char *loss_name(enum loss loss)
{
    return loss_names[loss];
}
