/* lab_model.c: the lab's --model, --loss, --init-seed, --columns (lab_model.h). */
#include "11-tiny-network/lab_model.h"
#include "00-toolkit/fail.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

struct lab_model lab_model_defaults(void)
{
    struct lab_model m;
    memset(&m, 0, sizeof m);
    m.kind = LAB_MODEL_LINEAR;
    m.activation = ACTIVATION_TANH;
    m.loss = LOSS_MSE;
    return m;
}

static void parse_model(struct lab_model *m, const char *text)
{
    if (strcmp(text, "linear") == 0) {
        m->kind = LAB_MODEL_LINEAR;
        return;
    }
    if (strcmp(text, "logistic") == 0) {
        m->kind = LAB_MODEL_LOGISTIC;
        return;
    }
    if (strncmp(text, "mlp:", 4) != 0)
        unknown_choice("--model", "model", text, "linear, logistic, mlp:H[:ACT]");
    char units[32];
    const char *colon = strchr(text + 4, ':');
    size_t length = colon ? (size_t)(colon - (text + 4)) : strlen(text + 4);
    if (length == 0 || length >= sizeof units)
        fail(EXIT_USAGE, "--model: '%s' needs a number of hidden units, as mlp:16", text);
    memcpy(units, text + 4, length);
    units[length] = '\0';
    m->kind = LAB_MODEL_MLP;
    m->hidden = (size_t)parse_whole("--model", units, 1, 100000);
    if (colon)
        m->activation = activation_from_name("--model", colon + 1);
}

bool lab_model_flag(struct lab_model *m, int argc, char **argv, int *i)
{
    const char *flag = argv[*i];
    if (strcmp(flag, "--model") == 0)
        parse_model(m, flag_value(argc, argv, i));
    else if (strcmp(flag, "--loss") == 0) {
        const char *name = flag_value(argc, argv, i);
        if (strcmp(name, "mse") != 0 && strcmp(name, "cross-entropy") != 0)
            unknown_choice(flag, "loss", name, "mse, cross-entropy");
        m->loss = loss_from_name("--loss", name);
    } else if (strcmp(flag, "--init-seed") == 0)
        m->init_seed = (uint64_t)parse_whole(flag, flag_value(argc, argv, i), 0, 1L << 62);
    else if (strcmp(flag, "--columns") == 0) {
        const char *which = flag_value(argc, argv, i);
        if (strcmp(which, "all") != 0 && strcmp(which, "loss") != 0)
            unknown_choice(flag, "choice", which, "all, loss");
        m->loss_only = strcmp(which, "loss") == 0;
    } else
        return false;
    return true;
}

void lab_model_check(const struct lab_model *m, const struct flags_given *given)
{
    static const char *const ours[] = {"--model", "--loss", "--init-seed", "--columns", NULL};
    static const char *const not_yet[] = {"--no-bias", "--line-search", "--plot", NULL};
    static const char *const loss[] = {"--loss", NULL};
    static const char *const seed[] = {"--init-seed", NULL};
    if (flag_was_given(given, "--function"))
        refuse_flags(given, ours, "applies to --data only");
    if (m->kind != LAB_MODEL_MLP)
        refuse_flags(given, loss, "applies to --model mlp:H only (logistic's loss is "
                                  "BCEWithLogitsLoss, linear's mse)");
    if (m->kind == LAB_MODEL_LINEAR)
        refuse_flags(given, seed, "applies to --model logistic or mlp (linear starts at 0, "
                                  "or at --x0)");
    else
        refuse_flags(given, not_yet, "does not go with --model logistic or mlp yet");
}

const struct network *lab_model_setup(struct lab_model *m, const struct dataset *data)
{
    size_t classes = 1;
    if (m->kind == LAB_MODEL_LINEAR)
        return NULL;
    enum loss loss = m->kind == LAB_MODEL_LOGISTIC ? LOSS_BCE : m->loss;
    for (size_t i = 0; i < data->count; i++) {
        double y = data->y[i];
        if (loss == LOSS_BCE && y != 0.0 && y != 1.0)
            fail(EXIT_USAGE, "--model logistic: the target of sample %zu is %g, not 0 or 1",
                 i + 1, y);
        if (loss == LOSS_CROSS_ENTROPY) {
            if (!(y >= 0.0 && y <= 1e6 && y == floor(y)))
                fail(EXIT_USAGE, "--loss cross-entropy: the target of sample %zu is %g, not "
                                 "a class 0, 1, 2, ...", i + 1, y);
            if ((size_t)y + 1 > classes)
                classes = (size_t)y + 1;
        }
    }
    if (loss == LOSS_CROSS_ENTROPY && classes < 2)
        fail(EXIT_USAGE, "--loss cross-entropy: every target is class 0; it needs two classes "
                         "at least");
    network_init(&m->net, data->features, m->kind == LAB_MODEL_MLP ? m->hidden : 0,
                 loss == LOSS_CROSS_ENTROPY ? classes : 1, m->activation, loss);
    return &m->net;
}

void lab_model_start(const struct lab_model *m, double *theta)
{
    struct rng rng;
    rng_seed(&rng, m->init_seed);
    network_init_parameters(&m->net, theta, &rng);
}

static bool classifies(const struct network *net)
{
    return net->loss != LOSS_MSE;
}

void lab_model_name(const struct network *net, size_t p, char *name, size_t size)
{
    size_t d = net->inputs, h = net->hidden;
    if (h == 0) {
        if (p < d)
            snprintf(name, size, "w%zu", p + 1);
        else
            snprintf(name, size, "b");
    } else if (p < h * d)
        snprintf(name, size, "W1_%zu_%zu", p / d + 1, p % d + 1);
    else if ((p -= h * d) < h)
        snprintf(name, size, "b1_%zu", p + 1);
    else if ((p -= h) < net->outputs * h)
        snprintf(name, size, "W2_%zu_%zu", p / h + 1, p % h + 1);
    else
        snprintf(name, size, "b2_%zu", p - net->outputs * h + 1);
}

void lab_model_header(FILE *out, const struct network *net, bool loss_only, const char *last)
{
    size_t d = net->inputs, h = net->hidden;
    fputs("step,loss", out);
    if (loss_only) {
        if (classifies(net))
            fputs(",accuracy", out);
    } else if (h == 0) {                /* logistic: w1..wd, b as the lab's linear model */
        for (size_t j = 1; j <= d; j++)
            fprintf(out, ",w%zu", j);
        fputs(",b", out);
    } else
        for (size_t p = 0; p < network_dim(net); p++) {
            char name[48];
            lab_model_name(net, p, name, sizeof name);
            fprintf(out, ",%s", name);
        }
    if (last)
        fprintf(out, ",%s", last);
    fputc('\n', out);
}

void lab_model_row(FILE *out, const struct network *net, bool loss_only,
                   const struct dataset *data, long step, double loss, const double *theta,
                   const double *last)
{
    fprintf(out, "%ld,%.17g", step, loss);
    if (loss_only) {
        if (classifies(net))
            fprintf(out, ",%.17g", network_accuracy(net, theta, data));
    } else
        for (size_t p = 0; p < network_dim(net); p++)
            fprintf(out, ",%.17g", theta[p]);
    if (last)
        fprintf(out, ",%.17g", *last);
    fputc('\n', out);
}
