/* forward_pass.h: the forward pass and the losses of network.h, written
 * once for any scalar type.
 *
 * Training runs them in double.  Chapter 5's complex step (5.5) needs the
 * very same functions in double complex: Im f(theta + ih e_p) / h is the
 * derivative with nothing subtracted, and only a loss written in the same
 * operations as the one training minimises checks the gradient training
 * uses.  A second copy written by hand (chapter 5's complex_functions.c)
 * could drift from it; so this file is the one text of the forward pass,
 * included twice, each time as static functions of one type:
 *
 *     network.c          SCALAR double            SCALARED(f) f_real
 *     network_complex.c  SCALAR double complex    SCALARED(f) f_complex
 *
 * Define before including it:
 *     SCALAR             the type
 *     SCALARED(name)     name with the type's suffix
 *     REAL(v)            the real part of v.  Every comparison (ReLU's
 *                        u > 0, the largest logit of log-sum-exp, |z| and
 *                        max(z, 0) in the BCE) looks at the real part only:
 *                        the complex step continues each branch the real
 *                        value takes, which is the branch's derivative
 *     EXP, LOG, LOG1P, TANH    the functions of the type
 *     INPUT(buffer, x, count)  sample x[0..count) (doubles) as SCALARs:
 *                        x itself for double, a copy into buffer otherwise
 * No include guard: each inclusion makes the functions of its type.
 *
 * In double, REAL(v) is v and every line is plain double arithmetic, the
 * same operations in the same order as a forward pass written for double
 * alone (chapter 11's outputs were the same bytes before and after the
 * forward pass moved here).
 */

/* 1 / (1 + e^(-z)), written so that exp never overflows. */
static SCALAR SCALARED(sigmoid)(SCALAR z)
{
    if (REAL(z) >= 0.0)
        return 1.0 / (1.0 + EXP(-z));
    SCALAR e = EXP(z);
    return e / (1.0 + e);
}

static SCALAR SCALARED(activate)(enum activation activation, SCALAR u)
{
    switch (activation) {
    case ACTIVATION_TANH: return TANH(u);
    case ACTIVATION_RELU: return REAL(u) > 0.0 ? u : 0.0;
    case ACTIVATION_SIGMOID: return SCALARED(sigmoid)(u);
    }
    return u;
}

/* out[0..rows) <- weight [rows x cols] in + bias.
 *
 * Each row's sum adds its terms in the order c = 0, 1, ..., cols - 1, each
 * addition waiting for the one before; the processor starts the next
 * row's chain early only as far as it can look ahead.  So rows are summed
 * side by side, eight (then four) independent chains in flight at once
 * (eight rows about a third faster than four on the digits network's
 * hidden layer).  Each sum is still its own row's, added in the same
 * order: the results are the very bits of one row at a time.  The rows
 * left over, fewer than four, go one by one. */
static void SCALARED(affine)(SCALAR *out, const SCALAR *weight, const SCALAR *bias,
                             const SCALAR *in, size_t rows, size_t cols)
{
    size_t r = 0;
    for (; r + 8 <= rows; r += 8) {
        const SCALAR *w0 = weight + r * cols, *w1 = w0 + cols, *w2 = w1 + cols,
                     *w3 = w2 + cols, *w4 = w3 + cols, *w5 = w4 + cols, *w6 = w5 + cols,
                     *w7 = w6 + cols;
        SCALAR sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0, sum4 = 0.0, sum5 = 0.0,
               sum6 = 0.0, sum7 = 0.0;
        for (size_t c = 0; c < cols; c++) {
            sum0 += w0[c] * in[c];
            sum1 += w1[c] * in[c];
            sum2 += w2[c] * in[c];
            sum3 += w3[c] * in[c];
            sum4 += w4[c] * in[c];
            sum5 += w5[c] * in[c];
            sum6 += w6[c] * in[c];
            sum7 += w7[c] * in[c];
        }
        out[r] = sum0 + bias[r];
        out[r + 1] = sum1 + bias[r + 1];
        out[r + 2] = sum2 + bias[r + 2];
        out[r + 3] = sum3 + bias[r + 3];
        out[r + 4] = sum4 + bias[r + 4];
        out[r + 5] = sum5 + bias[r + 5];
        out[r + 6] = sum6 + bias[r + 6];
        out[r + 7] = sum7 + bias[r + 7];
    }
    for (; r + 4 <= rows; r += 4) {
        const SCALAR *w0 = weight + r * cols, *w1 = w0 + cols, *w2 = w1 + cols,
                     *w3 = w2 + cols;
        SCALAR sum0 = 0.0, sum1 = 0.0, sum2 = 0.0, sum3 = 0.0;
        for (size_t c = 0; c < cols; c++) {
            sum0 += w0[c] * in[c];
            sum1 += w1[c] * in[c];
            sum2 += w2[c] * in[c];
            sum3 += w3[c] * in[c];
        }
        out[r] = sum0 + bias[r];
        out[r + 1] = sum1 + bias[r + 1];
        out[r + 2] = sum2 + bias[r + 2];
        out[r + 3] = sum3 + bias[r + 3];
    }
    for (; r < rows; r++) {
        const SCALAR *w = weight + r * cols;
        SCALAR sum = 0.0;
        for (size_t c = 0; c < cols; c++)
            sum += w[c] * in[c];
        out[r] = sum + bias[r];
    }
}

/* z[0..K) <- the outputs for sample x[0..D); a and u [H] receive the
 * activations and the pre-activations, which backpropagation reuses. */
static void SCALARED(forward)(const struct network *net, SCALAR *z, SCALAR *a, SCALAR *u,
                              const SCALAR *theta, const SCALAR *x)
{
    size_t d = net->inputs, h = net->hidden, k = net->outputs;
    if (h == 0) {
        SCALARED(affine)(z, theta, theta + k * d, x, k, d);
        return;
    }
    const SCALAR *w1 = theta, *b1 = w1 + h * d, *w2 = b1 + h, *b2 = w2 + k * h;
    SCALARED(affine)(u, w1, b1, x, h, d);                   /* u = W1 x + b1   (11.1) */
    for (size_t j = 0; j < h; j++)
        a[j] = SCALARED(activate)(net->activation, u[j]);    /* a = act(u)      (11.2) */
    SCALARED(affine)(z, w2, b2, a, k, h);                   /* z = W2 a + b2   (11.3) */
}

/* sum <- the sum of e^(z_i - m) over z[0..count), m the largest z_i, and
 * m: each term is at most 1 and one is exactly 1, so nothing overflows
 * and the sum is at least 1.  terms[0..count), when not NULL, receives
 * the terms e^(z_i - m) (the softmax's numerators). */
static SCALAR SCALARED(shifted_exp_sum)(SCALAR *m, SCALAR *terms, const SCALAR *z, size_t count)
{
    SCALAR top = z[0], sum = 0.0;
    for (size_t i = 1; i < count; i++)
        if (REAL(z[i]) > REAL(top))
            top = z[i];
    for (size_t i = 0; i < count; i++) {
        SCALAR term = EXP(z[i] - top);
        sum += term;
        if (terms)
            terms[i] = term;
    }
    *m = top;
    return sum;
}

/* The loss of one sample's outputs z[0..K) against target y (a value, 0
 * or 1, or a class index).  For cross-entropy, m, terms (when not NULL)
 * and sum receive the shift, the terms and the sum of shifted_exp_sum,
 * from which the softmax of the gradient is formed (for the other losses
 * they are left alone). */
static SCALAR SCALARED(loss_value)(const struct network *net, const SCALAR *z, double y,
                                   SCALAR *m, SCALAR *terms, SCALAR *sum)
{
    switch (net->loss) {
    case LOSS_MSE:
        return (z[0] - y) * (z[0] - y);
    case LOSS_BCE: {
        /* -(y log s + (1 - y) log(1 - s)), s = sigmoid(z), rewritten so
         * that no exp overflows and no log sees 0: max(z, 0) - z y +
         * log(1 + e^(-|z|))                                      (11.4) */
        SCALAR positive = REAL(z[0]) > 0.0 ? z[0] : 0.0;
        SCALAR magnitude = REAL(z[0]) >= 0.0 ? z[0] : -z[0];
        return positive - z[0] * y + LOG1P(EXP(-magnitude));
    }
    case LOSS_CROSS_ENTROPY: {
        size_t c = (size_t)y;
        *sum = SCALARED(shifted_exp_sum)(m, terms, z, net->outputs);
        return (*m - z[c]) + LOG(*sum);             /* log sum e^(z_i) - z_c (11.5) */
    }
    }
    return 0.0;
}

/* The mean loss over the samples batch[0..size) of data (batch NULL: all
 * in order); work holds a, u [H], z [K] and, for a type other than
 * double, a copy of the sample [D]. */
static SCALAR SCALARED(mean_loss)(const struct network *net, SCALAR *work, const SCALAR *theta,
                                  const struct dataset *data, const size_t *batch, size_t size)
{
    size_t count = batch ? size : data->count, d = data->features;
    SCALAR *a = work, *u = a + net->hidden, *z = u + net->hidden, *buffer = z + net->outputs;
    SCALAR sum = 0.0, m, shifted;
    for (size_t s = 0; s < count; s++) {
        size_t i = batch ? batch[s] : s;
        SCALARED(forward)(net, z, a, u, theta, INPUT(buffer, data->x + i * d, d));
        sum += SCALARED(loss_value)(net, z, data->y[i], &m, NULL, &shifted);
    }
    return sum / (double)count;
}
