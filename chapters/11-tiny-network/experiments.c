/* experiments.c: the runs of experiments.h. */
#include "11-tiny-network/experiments.h"
#include "00-toolkit/fail.h"
#include "06-momentum/sgd.h"
#include "08-adam/adam.h"
#include "A-lab/datafile.h"
#include "11-tiny-network/data.h"

#include <errno.h>
#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a (64 bits) of the bits of every value of data, sample by sample,
 * the features then the label: the same for the same numbers however the
 * file writes them (CRLF, a byte order mark, 1.0 or 1), on every machine. */
static uint64_t data_fingerprint(const struct dataset *data)
{
    uint64_t hash = 14695981039346656037u;
    for (size_t i = 0; i < data->count; i++)
        for (size_t j = 0; j <= data->features; j++) {
            double value = j < data->features ? data->x[i * data->features + j] : data->y[i];
            uint64_t bits;
            memcpy(&bits, &value, sizeof bits);
            for (int k = 0; k < 64; k += 8)     /* low byte first, on any machine */
                hash = (hash ^ ((bits >> k) & 0xff)) * 1099511628211u;
        }
    return hash;
}

/* Stop (exit status 2) unless all is the book's data set of task: its
 * samples and features (another count of features would read past a
 * sample), labels the model can take (one outside 0..classes-1 would index
 * past the network's outputs), then every value (a cell changed by hand
 * would change every number of the chapter, and the sweep would ask for
 * its tuned rates to be updated).  fail_note is set by the caller. */
static void check_book_data(const struct dataset *all, const char *path, enum task task)
{
    const size_t count = task == TASK_CANCER ? 569 : 1797;
    const size_t features = task == TASK_CANCER ? 30 : 64;
    const double classes = task == TASK_CANCER ? 2 : 10;
    const uint64_t fingerprint = task == TASK_CANCER ? UINT64_C(0x378e88999a07c01a)
                                                       : UINT64_C(0xbf91da278f301a6e);
    if (all->count != count || all->features != features)
        fail(EXIT_USAGE, "%s: %zu samples of %zu features, the book's file has %zu of %zu",
             path, all->count, all->features, count, features);
    for (size_t i = 0; i < all->count; i++)
        if (!(all->y[i] >= 0 && all->y[i] < classes && all->y[i] == floor(all->y[i])))
            fail(EXIT_USAGE, "%s:%zu: label %g is not a class (0 to %g)", path, i + 2,
                 all->y[i], classes - 1);
    if (data_fingerprint(all) != fingerprint)
        fail(EXIT_USAGE, "%s: its numbers are not the book's (fingerprint %016" PRIx64
             ", the book's %016" PRIx64 "): a cell was changed", path, data_fingerprint(all),
             fingerprint);
}

void task_load(struct task_data *data, enum task task)
{
    struct dataset all;
    data->task = task;
    if (task == TASK_MOONS) {
        two_moons(&all, MOONS_COUNT, MOONS_NOISE, MOONS_SEED);
        split_dataset(&data->train, &data->test, &all, TEST_FRACTION, SPLIT_SEED);
        dataset_free(&all);
        return;
    }
    const char *path = task == TASK_CANCER ? BREAST_CANCER_CSV : DIGITS_CSV;
    /* The files are the book's, in git: the way back from any damage. */
    fail_note = "restore the book's copy: git checkout -- chapters/11-tiny-network/data";
    dataset_read_csv(&all, path);
    check_book_data(&all, path, task);
    fail_note = NULL;
    split_dataset(&data->train, &data->test, &all, TEST_FRACTION, SPLIT_SEED);
    dataset_free(&all);
    if (task == TASK_CANCER)
        standardize(&data->train, &data->test);
    else {
        scale_features(&data->train, 1.0 / 16);
        scale_features(&data->test, 1.0 / 16);
    }
}

void task_free(struct task_data *data)
{
    dataset_free(&data->train);
    dataset_free(&data->test);
}

void task_network(struct network *net, enum task task)
{
    switch (task) {
    case TASK_CANCER:
        network_init(net, 30, 0, 1, ACTIVATION_TANH, LOSS_BCE);
        break;
    case TASK_DIGITS:
        network_init(net, 64, DIGITS_HIDDEN, 10, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
        break;
    case TASK_MOONS:
        network_init(net, 2, MOONS_HIDDEN, 2, ACTIVATION_TANH, LOSS_CROSS_ENTROPY);
        break;
    }
}

const double sweep_rates[SWEEP_RATES] = {0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3};
const char *const optimizer_names[OPTIMIZERS] = {"sgd", "momentum", "adam"};

/* The tuned rates, for each task: sgd, momentum, adam.  Each is the rate
 * of the sweep (sweep_rates) with the lowest final training loss at seed 1;
 * `build/ch11 --example sweep` checks that it still is. */
static const double tuned_lr[3][OPTIMIZERS] = {
    {3, 0.3, 0.3},          /* cancer */
    {1, 0.3, 0.03},         /* digits */
    {3, 1, 0.3},            /* moons */
};

struct training task_training(enum task task, const char *optimizer)
{
    struct training t = {0};
    int which = strcmp(optimizer, "sgd") == 0 ? 0 : strcmp(optimizer, "momentum") == 0 ? 1
              : strcmp(optimizer, "adam") == 0 ? 2 : -1;
    if (which < 0)
        fail(EXIT_USAGE, "unknown optimizer '%s' (sgd, momentum or adam)", optimizer);
    t.kind = which == 2 ? &adam_kind : &sgd_kind;
    t.hyper = t.kind->defaults;
    t.hyper.lr = tuned_lr[task][which];
    if (which == 1)
        t.hyper.momentum = 0.9;
    t.batch_size = task == TASK_CANCER ? CANCER_BATCH : DIGITS_BATCH;
    t.epochs = task == TASK_CANCER ? CANCER_EPOCHS : task == TASK_DIGITS ? DIGITS_EPOCHS
             : MOONS_EPOCHS;
    return t;
}

struct training_result task_run(const struct task_data *data, const struct training *settings,
                                uint64_t init_seed, double *theta, FILE *csv)
{
    struct network net;
    struct rng rng;
    struct training t = *settings;
    task_network(&net, data->task);
    rng_seed(&rng, init_seed);
    network_init_parameters(&net, theta, &rng);
    t.shuffle_seed = init_seed;
    struct training_result r = train_network(&net, theta, &t, &data->train, &data->test, csv);
    network_free(&net);
    return r;
}

struct tuned_edit tuned_settings(enum task task, const char *optimizer)
{
    struct training t = task_training(task, optimizer);
    return (struct tuned_edit){optimizer, t.hyper.lr, 0.0, t.epochs, false};
}

/* The runs tuned_run remembers, each with its parameters (and the curve
 * it wrote, when it was asked with csv) in its own allocation, kept to the
 * end of the process. */
static struct remembered {
    enum task task;
    struct tuned_edit edit;
    uint64_t seed;
    struct training_result result;
    size_t dim;
    double *theta;
    char *curve;                    /* NULL: trained without csv */
} *remembered;
static size_t remembered_count, remembered_room;

/* The curvatures digits_curvature remembers (claims.c). */
static struct remembered_curvature {
    uint64_t seed;
    double trained_lr, value;
} *curvatures;
static size_t curvature_count, curvature_room;

static bool same_run(const struct remembered *r, enum task task, const struct tuned_edit *edit,
                     uint64_t seed)
{
    return r->task == task && strcmp(r->edit.optimizer, edit->optimizer) == 0
        && r->edit.lr == edit->lr && r->edit.max_norm == edit->max_norm
        && r->edit.epochs == edit->epochs && r->edit.cosine == edit->cosine && r->seed == seed;
}

/* The name of optimizer_names that optimizer spells (a string that
 * lasts), or NULL. */
static const char *known_name(const char *optimizer)
{
    for (int o = 0; o < OPTIMIZERS; o++)
        if (strcmp(optimizer, optimizer_names[o]) == 0)
            return optimizer_names[o];
    return NULL;
}

static const char *lasting_name(const char *optimizer)
{
    const char *name = known_name(optimizer);
    if (!name)
        fail(EXIT_USAGE, "unknown optimizer '%s' (sgd, momentum or adam)", optimizer);
    return name;
}

static struct remembered *remember(enum task task, const struct tuned_edit *edit, uint64_t seed,
                                   const struct training_result *result, size_t dim)
{
    if (remembered_count == remembered_room) {
        remembered_room = remembered_room ? 2 * remembered_room : 64;
        remembered = xrealloc(remembered, remembered_room, sizeof *remembered);
    }
    struct remembered *m = &remembered[remembered_count++];
    *m = (struct remembered){task, *edit, seed, *result, dim, xcalloc(dim, sizeof(double)), NULL};
    m->edit.optimizer = lasting_name(edit->optimizer);
    return m;
}

/* The text a run wrote to its curve file: trained into a temporary file,
 * read back. */
static char *curve_text(FILE *file)
{
    long length = ftell(file);
    if (length < 0 || fseek(file, 0, SEEK_SET) != 0)
        fail(EXIT_USAGE, "cannot read back a curve from a temporary file");
    char *text = xcalloc((size_t)length + 1, 1);
    if (fread(text, 1, (size_t)length, file) != (size_t)length)
        fail(EXIT_USAGE, "cannot read back a curve from a temporary file");
    return text;
}

struct training_result tuned_run(const struct task_data *data, const struct tuned_edit *edit,
                                 uint64_t seed, double *theta, FILE *csv)
{
    struct network net;
    task_network(&net, data->task);
    size_t dim = network_dim(&net);
    network_free(&net);
    read_shared_runs();
    for (size_t k = 0; k < remembered_count; k++)
        if (same_run(&remembered[k], data->task, edit, seed)
            && (!csv || remembered[k].curve)) {
            memcpy(theta, remembered[k].theta, dim * sizeof(double));
            if (csv)
                fputs(remembered[k].curve, csv);
            return remembered[k].result;
        }
    struct training t = task_training(data->task, edit->optimizer);
    struct scheduler_settings cosine = scheduler_defaults(COSINE_ANNEALING_LR);
    cosine.t_max = edit->epochs;
    t.hyper.lr = edit->lr;
    t.max_norm = edit->max_norm;
    t.epochs = edit->epochs;
    t.schedule = edit->cosine ? &cosine : NULL;
    FILE *curve = csv ? tmpfile() : NULL;
    if (csv && !curve)
        fail(EXIT_USAGE, "cannot open a temporary file for a curve: %s", strerror(errno));
    struct training_result r = task_run(data, &t, seed, theta, curve);
    struct remembered *m = remember(data->task, edit, seed, &r, dim);
    memcpy(m->theta, theta, dim * sizeof(double));
    if (curve) {
        m->curve = curve_text(curve);
        fclose(curve);
        fputs(m->curve, csv);
    }
    return r;
}

size_t remembered_runs(void)
{
    return remembered_count;
}

void forget_runs(void)
{
    for (size_t k = 0; k < remembered_count; k++) {
        free(remembered[k].theta);
        free(remembered[k].curve);
    }
    remembered_count = 0;
    curvature_count = 0;
}

bool remembered_curvature(uint64_t seed, double trained_lr, double *value)
{
    read_shared_runs();
    for (size_t k = 0; k < curvature_count; k++)
        if (curvatures[k].seed == seed && curvatures[k].trained_lr == trained_lr) {
            *value = curvatures[k].value;
            return true;
        }
    return false;
}

void remember_curvature(uint64_t seed, double trained_lr, double value)
{
    if (curvature_count == curvature_room) {
        curvature_room = curvature_room ? 2 * curvature_room : 8;
        curvatures = xrealloc(curvatures, curvature_room, sizeof *curvatures);
    }
    curvatures[curvature_count++] = (struct remembered_curvature){seed, trained_lr, value};
}

/* Shared runs, as text: every double as the 16 hex digits of its bits
 * (exact, NaN and infinities included), a curve as its length in bytes
 * and then its bytes; last, a line "end" and the fingerprint below. */
#define SHARED_HEADER "ch11 shared runs, format 2\n"
#define FINGERPRINTS (2 * OPTIMIZERS)

static uint64_t bits_of(double x)
{
    uint64_t bits;
    memcpy(&bits, &x, sizeof bits);
    return bits;
}

static void put_double(FILE *out, double x)
{
    fprintf(out, " %016" PRIx64, bits_of(x));
}

/* What this build of ch11 computes: one epoch of the digits network with
 * each optimizer's tuned settings from seed 1, its training and test
 * losses, to the bit.  A change to the training code, the optimizers,
 * their defaults, the initialisation or the data moves them, so a file
 * whose fingerprint differs holds another build's runs.  Computed once a
 * process (a few milliseconds). */
static const double *fingerprint(void)
{
    static double value[FINGERPRINTS];
    static bool done;
    if (done)
        return value;
    struct task_data data;
    struct network net;
    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    double *theta = xcalloc(network_dim(&net), sizeof *theta);
    for (size_t o = 0; o < OPTIMIZERS; o++) {
        struct training t = task_training(TASK_DIGITS, optimizer_names[o]);
        t.epochs = 1;
        struct training_result r = task_run(&data, &t, 1, theta, NULL);
        value[2 * o] = r.train_loss;
        value[2 * o + 1] = r.test_loss;
    }
    free(theta);
    network_free(&net);
    task_free(&data);
    done = true;
    return value;
}

void write_shared_runs(FILE *out)
{
    const double *mine = fingerprint();
    fputs(SHARED_HEADER, out);
    for (size_t k = 0; k < remembered_count; k++) {
        const struct remembered *m = &remembered[k];
        fprintf(out, "run %d %s", (int)m->task, m->edit.optimizer);
        put_double(out, m->edit.lr);
        put_double(out, m->edit.max_norm);
        fprintf(out, " %ld %d %" PRIu64, m->edit.epochs, (int)m->edit.cosine, m->seed);
        put_double(out, m->result.train_loss);
        put_double(out, m->result.test_loss);
        put_double(out, m->result.test_accuracy);
        fprintf(out, " %ld %d %zu\n", m->result.epochs_done, (int)m->result.diverged, m->dim);
        for (size_t p = 0; p < m->dim; p++)
            put_double(out, m->theta[p]);
        fprintf(out, "\ncurve %zu\n", m->curve ? strlen(m->curve) : (size_t)0);
        if (m->curve)
            fputs(m->curve, out);
    }
    for (size_t k = 0; k < curvature_count; k++) {
        fprintf(out, "curvature %" PRIu64, curvatures[k].seed);
        put_double(out, curvatures[k].trained_lr);
        put_double(out, curvatures[k].value);
        fputc('\n', out);
    }
    fputs("end", out);
    for (size_t k = 0; k < FINGERPRINTS; k++)
        put_double(out, mine[k]);
    fputc('\n', out);
}

/* What to do about a file of shared runs that cannot be used: make remakes
 * one that is missing or older than ch11, but keeps one changed since (a
 * file damaged by hand is newer than everything it is made from). */
#define REMAKE_IT "delete it and run make again, which remakes it"

/* Stop: path is not (or no longer) a whole file of shared runs. */
static _Noreturn void not_shared_runs(const char *path)
{
    fail(EXIT_USAGE, "%s: not a file of ch11's shared runs (" REMAKE_IT ")", path);
}

/* A double as put_double writes it: exactly 16 hex digits (fewer are a
 * file cut inside a number, whose digits would read as another double). */
static double get_double(FILE *in, const char *path)
{
    uint64_t bits;
    double x;
    int from = 0, to = 0;
    if (fscanf(in, " %n%16" SCNx64 "%n", &from, &bits, &to) != 1 || to - from != 16)
        not_shared_runs(path);
    memcpy(&x, &bits, sizeof x);
    return x;
}

/* The bytes of in after its position, or -1 when they cannot be counted. */
static long bytes_left(FILE *in)
{
    long here = ftell(in), end;
    if (here < 0 || fseek(in, 0, SEEK_END) != 0)
        return -1;
    end = ftell(in);
    if (fseek(in, here, SEEK_SET) != 0 || end < here)
        return -1;
    return end - here;
}

void read_shared_runs_from(FILE *in, const char *path)
{
    char word[16], header[sizeof SHARED_HEADER];
    if (!fgets(header, sizeof header, in) || strcmp(header, SHARED_HEADER) != 0)
        not_shared_runs(path);
    while (fscanf(in, "%15s", word) == 1) {
        if (strcmp(word, "end") == 0) {
            const double *mine = fingerprint();
            for (size_t k = 0; k < FINGERPRINTS; k++)
                if (bits_of(get_double(in, path)) != bits_of(mine[k]))
                    fail(EXIT_USAGE, "%s: made by another build of ch11, whose runs are not "
                         "this one's (" REMAKE_IT ")", path);
            if (fscanf(in, " %15s", word) == 1)
                not_shared_runs(path);
            return;
        }
        if (strcmp(word, "curvature") == 0) {
            uint64_t seed;
            if (fscanf(in, "%" SCNu64, &seed) != 1)
                not_shared_runs(path);
            double trained_lr = get_double(in, path);
            remember_curvature(seed, trained_lr, get_double(in, path));
            continue;
        }
        int task, cosine, diverged;
        char optimizer[16];
        struct tuned_edit edit;
        struct training_result r;
        uint64_t seed;
        size_t dim, length;
        if (strcmp(word, "run") != 0 || fscanf(in, "%d %15s", &task, optimizer) != 2
            || !(edit.optimizer = known_name(optimizer)))
            not_shared_runs(path);
        edit.lr = get_double(in, path);
        edit.max_norm = get_double(in, path);
        if (fscanf(in, "%ld %d %" SCNu64, &edit.epochs, &cosine, &seed) != 3)
            not_shared_runs(path);
        edit.cosine = cosine != 0;
        r.train_loss = get_double(in, path);
        r.test_loss = get_double(in, path);
        r.test_accuracy = get_double(in, path);
        if (fscanf(in, "%ld %d %zu", &r.epochs_done, &diverged, &dim) != 3)
            not_shared_runs(path);
        r.diverged = diverged != 0;
        struct network net;
        if (task < TASK_CANCER || task > TASK_MOONS)
            not_shared_runs(path);
        task_network(&net, (enum task)task);
        bool fits = dim == network_dim(&net);       /* tuned_run copies network_dim */
        network_free(&net);
        if (!fits)
            not_shared_runs(path);
        struct remembered *m = remember((enum task)task, &edit, seed, &r, dim);
        for (size_t p = 0; p < dim; p++)
            m->theta[p] = get_double(in, path);
        if (fscanf(in, " curve %zu", &length) != 1 || fgetc(in) != '\n')
            not_shared_runs(path);
        long left = bytes_left(in);         /* (length + 1 may wrap to 0) */
        if (left < 0 || length > (size_t)left)
            not_shared_runs(path);
        if (length > 0) {
            m->curve = xcalloc(length + 1, 1);
            if (fread(m->curve, 1, length, in) != length)
                not_shared_runs(path);
        }
    }
    fail(EXIT_USAGE, "%s: cut short: its last line, \"end\", is missing (" REMAKE_IT ")",
         path);
}

void read_shared_runs(void)
{
    static bool done;
    const char *list = getenv("DESCENT_CH11_RUNS");
    if (done)
        return;
    done = true;
    while (list && *list) {
        const char *end = strchr(list, ':');
        size_t length = end ? (size_t)(end - list) : strlen(list);
        char path[4096];
        if (length >= sizeof path)
            fail(EXIT_USAGE, "DESCENT_CH11_RUNS: a path longer than %zu bytes", sizeof path - 1);
        memcpy(path, list, length);
        path[length] = '\0';
        if (length > 0) {
            FILE *in = fopen(path, "rb");
            if (!in)
                fail(EXIT_USAGE, "DESCENT_CH11_RUNS: cannot read %s: %s (it names files of "
                                 "shared runs, made by ch11 --example runs-NAME: run make "
                                 "again, which remakes them)", path, strerror(errno));
            read_shared_runs_from(in, path);
            fclose(in);
        }
        list = end ? end + 1 : NULL;
    }
}

void mean_and_sd(const double *x, size_t count, double *mean, double *sd)
{
    double sum = 0.0, squares = 0.0;
    for (size_t i = 0; i < count; i++)
        sum += x[i];
    *mean = sum / (double)count;
    for (size_t i = 0; i < count; i++)
        squares += (x[i] - *mean) * (x[i] - *mean);
    *sd = count > 1 ? sqrt(squares / (double)(count - 1)) : 0.0;
}

struct over_seeds run_over_seeds(const struct task_data *data, const char *optimizer, FILE *csv)
{
    struct network net;
    struct over_seeds o = {0};
    struct tuned_edit tuned = tuned_settings(data->task, optimizer);
    double loss[SEEDS], accuracy[SEEDS];
    task_network(&net, data->task);
    double *theta = xcalloc(network_dim(&net), sizeof(double));
    for (int s = 0; s < SEEDS; s++) {
        struct training_result r = tuned_run(data, &tuned, (uint64_t)s + 1, theta,
                                             s == 0 ? csv : NULL);
        loss[s] = r.test_loss;
        accuracy[s] = r.test_accuracy;
        o.diverged += r.diverged;
    }
    mean_and_sd(loss, SEEDS, &o.loss_mean, &o.loss_sd);
    mean_and_sd(accuracy, SEEDS, &o.accuracy_mean, &o.accuracy_sd);
    o.accuracy_min = o.accuracy_max = accuracy[0];
    for (int s = 1; s < SEEDS; s++) {
        o.accuracy_min = fmin(o.accuracy_min, accuracy[s]);
        o.accuracy_max = fmax(o.accuracy_max, accuracy[s]);
    }
    free(theta);
    network_free(&net);
    return o;
}

void sweep(double train_loss[SWEEP_RATES][OPTIMIZERS],
           double test_accuracy[SWEEP_RATES][OPTIMIZERS], const struct task_data *data)
{
    struct network net;
    task_network(&net, data->task);
    double *theta = xcalloc(network_dim(&net), sizeof(double));
    for (int k = 0; k < SWEEP_RATES; k++)
        for (int o = 0; o < OPTIMIZERS; o++) {
            struct tuned_edit edit = tuned_settings(data->task, optimizer_names[o]);
            edit.lr = sweep_rates[k];
            struct training_result r = tuned_run(data, &edit, 1, theta, NULL);
            train_loss[k][o] = r.diverged ? INFINITY : r.train_loss;
            test_accuracy[k][o] = r.diverged ? 0.0 : r.test_accuracy;
        }
    free(theta);
    network_free(&net);
}
