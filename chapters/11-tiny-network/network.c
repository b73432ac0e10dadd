/* network.c: the models, losses and backpropagation of network.h. */
#include "11-tiny-network/network.h"
#include "00-toolkit/fail.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
    net->scratch = xcalloc(2 * hidden + 2 * outputs, sizeof(double));
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

double sigmoid(double z)
{
    if (z >= 0.0)
        return 1.0 / (1.0 + exp(-z));
    double e = exp(z);
    return e / (1.0 + e);
}

static double activate(enum activation activation, double u)
{
    switch (activation) {
    case ACTIVATION_TANH: return tanh(u);
    case ACTIVATION_RELU: return u > 0.0 ? u : 0.0;
    case ACTIVATION_SIGMOID: return sigmoid(u);
    }
    return u;
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

/* out[0..rows) <- weight [rows x cols] in + bias. */
static void affine(double *out, const double *weight, const double *bias, const double *in,
                   size_t rows, size_t cols)
{
    for (size_t r = 0; r < rows; r++) {
        const double *w = weight + r * cols;
        double sum = 0.0;
        for (size_t c = 0; c < cols; c++)
            sum += w[c] * in[c];
        out[r] = sum + bias[r];
    }
}

/* u[0..H) receives the pre-activations when the caller needs them. */
static void forward(const struct network *net, double *z, double *a, double *u,
                    const double *theta, const double *x)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs;
    if (h == 0) {
        affine(z, theta, theta + k * d, x, k, d);
        return;
    }
    const double *w1 = theta, *b1 = w1 + h * d, *w2 = b1 + h, *b2 = w2 + k * h;
    affine(u, w1, b1, x, h, d);                             /* u = W1 x + b1   (11.1) */
    for (size_t j = 0; j < h; j++)
        a[j] = activate(net->activation, u[j]);             /* a = act(u)      (11.2) */
    affine(z, w2, b2, a, k, h);                             /* z = W2 a + b2   (11.3) */
}

void network_forward(const struct network *net, double *z, double *hidden,
                     const double *theta, const double *x)
{
    double *a = hidden ? hidden : net->scratch, *u = net->scratch + net->hidden;
    forward(net, z, a, u, theta, x);
}

double log_sum_exp(const double *z, size_t count)
{
    double m = z[0], sum = 0.0;
    for (size_t i = 1; i < count; i++)
        if (z[i] > m)
            m = z[i];
    for (size_t i = 0; i < count; i++)
        sum += exp(z[i] - m);
    return m + log(sum);
}

/* ANCHOR: losses */
double loss_of_outputs(const struct network *net, double *dz, const double *z, double y)
{
    size_t k = net->outputs;
    switch (net->loss) {
    case LOSS_MSE:
        if (dz)
            dz[0] = 2.0 * (z[0] - y);
        return (z[0] - y) * (z[0] - y);
    case LOSS_BCE:
        /* -(y log s + (1 - y) log(1 - s)), s = sigmoid(z), rewritten so
         * that no exp overflows and no log sees 0               (11.10) */
        if (dz)
            dz[0] = sigmoid(z[0]) - y;
        return fmax(z[0], 0.0) - z[0] * y + log1p(exp(-fabs(z[0])));
    case LOSS_CROSS_ENTROPY: {
        /* softmax and log-sum-exp from the same shifted exponentials
         * e_i = exp(z_i - m), m = max z: none overflows, the largest is 1 */
        size_t c = (size_t)y;
        double m = z[0], sum = 0.0;
        for (size_t i = 1; i < k; i++)
            if (z[i] > m)
                m = z[i];
        for (size_t i = 0; i < k; i++)
            sum += exp(z[i] - m);
        if (dz)
            for (size_t i = 0; i < k; i++)                  /* softmax - onehot (11.12) */
                dz[i] = exp(z[i] - m) / sum - (i == c ? 1.0 : 0.0);
        return (m - z[c]) + log(sum);                       /* (11.11) */
    }
    }
    return 0.0;
}
/* ANCHOR_END: losses */

static const double *sample(const struct dataset *data, size_t i)
{
    return data->x + i * data->features;
}

double network_loss(const struct network *net, const double *theta,
                    const struct dataset *data, const size_t *batch, size_t size)
{
    size_t count = batch ? size : data->count;
    double *a = net->scratch, *u = a + net->hidden, *z = u + net->hidden;
    double sum = 0.0;
    for (size_t s = 0; s < count; s++) {
        size_t i = batch ? batch[s] : s;
        forward(net, z, a, u, theta, sample(data, i));
        sum += loss_of_outputs(net, NULL, z, data->y[i]);
    }
    return sum / (double)count;
}

double network_gradient(const struct network *net, double *grad, const double *theta,
                        const struct dataset *data, const size_t *batch, size_t size)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs;
    size_t count = batch ? size : data->count;
    double *a = net->scratch, *u = a + h, *z = u + h, *dz = z + k;
    double sum = 0.0;

    memset(grad, 0, network_dim(net) * sizeof(double));         /* zero_grad */
    double *gw1 = grad, *gb1 = gw1 + h * d, *gw2 = gb1 + h, *gb2 = gw2 + k * h;
    const double *w2 = theta + h * d + h;
    if (h == 0) {
        gw2 = grad;                     /* the linear model's W and b */
        gb2 = grad + k * d;
    }
    /* ANCHOR: backward */
    for (size_t s = 0; s < count; s++) {
        size_t i = batch ? batch[s] : s;
        const double *x = sample(data, i);
        const double *in = h == 0 ? x : a;
        size_t width = h == 0 ? d : h;
        forward(net, z, a, u, theta, x);
        sum += loss_of_outputs(net, dz, z, data->y[i]);        /* dz [K]  (11.4) */
        for (size_t r = 0; r < k; r++) {
            double *g = gw2 + r * width;
            for (size_t c = 0; c < width; c++)
                g[c] += dz[r] * in[c];                          /* dW2 += dz a^T (11.5) */
            gb2[r] += dz[r];                                    /* db2 += dz     (11.5) */
        }
        if (h == 0)
            continue;
        for (size_t j = 0; j < h; j++) {
            double da = 0.0;
            for (size_t r = 0; r < k; r++)
                da += w2[r * h + j] * dz[r];                    /* da = W2^T dz  (11.6) */
            double du = da * activation_slope(net->activation, u[j], a[j]);  /* (11.7) */
            double *g = gw1 + j * d;
            for (size_t c = 0; c < d; c++)
                g[c] += du * x[c];                              /* dW1 += du x^T (11.8) */
            gb1[j] += du;
        }
    }
    /* ANCHOR_END: backward */
    double scale = 1.0 / (double)count;                         /* the batch mean */
    for (size_t p = 0; p < network_dim(net); p++)
        grad[p] *= scale;
    return sum / (double)count;
}

double network_predict(const struct network *net, const double *theta, const double *x)
{
    double *a = net->scratch, *u = a + net->hidden, *z = u + net->hidden;
    forward(net, z, a, u, theta, x);
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

double network_accuracy(const struct network *net, const double *theta,
                        const struct dataset *data)
{
    size_t right = 0;
    for (size_t i = 0; i < data->count; i++)
        right += network_predict(net, theta, sample(data, i)) == data->y[i];
    return (double)right / (double)data->count;
}

static const char *const activation_names[] = {"tanh", "relu", "sigmoid"};
static const char *const loss_names[] = {"mse", "bce", "cross-entropy"};

enum activation activation_from_name(const char *flag, const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, activation_names[i]) == 0)
            return (enum activation)i;
    fail(EXIT_USAGE, "%s: unknown activation '%s' (tanh, relu or sigmoid)", flag, name);
}

enum loss loss_from_name(const char *flag, const char *name)
{
    for (int i = 0; i < 3; i++)
        if (strcmp(name, loss_names[i]) == 0)
            return (enum loss)i;
    fail(EXIT_USAGE, "%s: unknown loss '%s' (mse, bce or cross-entropy)", flag, name);
}

const char *activation_name(enum activation activation)
{
    return activation_names[activation];
}

const char *loss_name(enum loss loss)
{
    return loss_names[loss];
}
