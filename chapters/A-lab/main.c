/* main.c: the lab, build/descent.
 *
 * Runs any optimizer of the book on a built-in function or on linear
 * regression from a CSV file and prints the trajectory as CSV; the contract
 * is the manual, chapters/A-lab/README.md.  This file only reads the
 * command line and reports: the optimizers live in chapters 06-08, the run
 * loop in lab.c, the data reader in datafile.c, PyTorch's checks in
 * kinds.c and the drawing in plot.c.
 *
 * Left out on purpose: models other than linear regression.  Chapter 3's
 * line search and --tol are parsed and run by its module,
 * 03-when-to-stop/lab_flags.h; chapter 9's schedulers, chapter 10's
 * clipping and failure objectives by A-lab/extras.h.
 */
#include "00-toolkit/args.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/functions.h"
#include "A-lab/datafile.h"
#include "A-lab/extras.h"
#include "A-lab/kinds.h"
#include "A-lab/lab.h"
#include "A-lab/plot.h"
#include "11-tiny-network/lab_model.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VERSION "1.0"
#define MAX_STEPS 1000000000000L     /* 10^12 updates: far beyond any useful run */

struct settings {
    const char *function_spec, *data_path, *optimizer_name, *plot;
    double *x0;                      /* [x0_count]: as many as the data has columns */
    size_t x0_count;                 /* 0: the objective's default start */
    struct hyper hyper;              /* the values given on the command line */
    unsigned given;                  /* enum hyper_flag bits given */
    long steps, epochs, every, batch;
    bool shuffle, no_bias, standardize, gradcheck;
    uint64_t seed;
    struct lab_line_search search;   /* chapter 3: --line-search, --tol, ... */
    struct lab_extras extras;        /* chapters 9, 10: --scheduler, --clip-grad-norm, ... */
    struct lab_model model;          /* chapter 11: --model, --loss, --init-seed, --columns */
    char *title;                     /* the command line, for --plot */
};

static void usage(void)
{
    char names[128], flags[512];
    optimizer_kind_list(names, sizeof names);
    if (lab_help_intro != NULL)
        fputs(lab_help_intro, stdout);
    printf("usage: descent --function NAME[:P1,P2,...] | --data FILE.csv\n"
           "               [--x0 V1,V2,...] [--standardize] [--optimizer NAME] [hyper-parameters]\n"
           "               [--steps N | --epochs E] [--batch B] [--order sequential|shuffle[:SEED]]\n"
           "               [--every K] [--plot FILE.svg|FILE.png] [--gradcheck] [--help] [--version]\n"
           "               [--line-search armijo|exact] [--backtrack RHO] [--armijo-c C] [--tol EPS]\n"
           "               [--scheduler NAME [its flags]] [--scheduler-every update|epoch]\n"
           "               [--clip-grad-value V] [--clip-grad-norm MAX]\n"
           "\n"
           "Runs one optimizer on one objective and prints the trajectory as CSV:\n"
           "step,loss,x1,x2,... (data: step,loss,w1,...,wd,b), one row per update.\n"
           "\n"
           "Objective (one of):\n"
           "  --function SPEC   %s,\n"
           "                    %s (chapter 10);\n"
           "                    e.g. rosenbrock:1,100 or quadratic:1,10,100\n"
           "  --data FILE.csv   linear regression by mean squared error: a header row,\n"
           "                    then the features and the target (last column) per row\n"
           "  --no-bias         (data) fit y = w.x without the intercept b\n"
           "  --standardize     (data) scale every feature to mean 0, variance 1 first;\n"
           "                    the statistics go to stderr, the columns become\n"
           "                    std_w1,...,std_b (parameters in the scaled units)\n"
           "  --x0 V1,V2,...    the start (default: the function's own; data: zeros)\n"
           "\n"
           "Models (chapter 11; data only):\n"
           "  --model linear|logistic|mlp:H[:ACT]\n"
           "                    linear regression (default); logistic regression,\n"
           "                    BCEWithLogitsLoss, targets 0 or 1; one hidden layer of H\n"
           "                    units, ACT tanh (default), relu or sigmoid\n"
           "  --loss mse|cross-entropy\n"
           "                    (mlp) the loss; cross-entropy: the target is a class 0..C-1\n"
           "  --init-seed S     (logistic, mlp) without --x0, PyTorch's default init drawn\n"
           "                    from the book's generator seeded with S (default 0)\n"
           "  --columns all|loss\n"
           "                    every parameter (W1_i_j, b1_i, W2_i_j, b2_i), or only the\n"
           "                    loss (and the accuracy when classifying)\n"
           "\n"
           "Running:\n"
           "  --steps N         N updates (default 100)\n"
           "  --epochs E        (data) E passes over the data instead\n"
           "  --batch B         (data) B samples per update (default: all of them)\n"
           "  --order sequential|shuffle[:SEED]\n"
           "                    (data) file order (default), or reshuffled every epoch by\n"
           "                    the book's generator from SEED (default 0)\n"
           "  --every K         print every K-th row, and always the last (default 1)\n"
           "  --plot FILE       also draw the run with gnuplot (.svg or .png)\n"
           "  --tol EPS         stop after the row where ||grad f|| < EPS (any optimizer)\n"
           "  --gradcheck       first check the gradient at the start against central\n"
           "                    differences (chapter 5); above 1e-6 relative: exit 2\n"
           "  --csv DIR         (alone) write the data of the manual's figure into DIR\n"
           "\n"
           "Line search (chapter 3; plain sgd, no hyper-parameter but --lr):\n"
           "  --line-search armijo   the step a starts at --lr and is halved until\n"
           "                         f(x - a g) <= f(x) - c a |g|^2 (data: the batch's loss)\n"
           "  --backtrack RHO        the factor instead of 1/2, 0 < RHO < 1\n"
           "  --armijo-c C           the constant c, 0 < C < 1 (default 1e-4)\n"
           "  --line-search exact    a = g'g / g'Hg, quadratic:... or full-batch data only\n"
           "  With a line search the CSV gains a last column alpha, the step taken.\n"
           "\n",
           function_names, lab_function_names);
    lab_extras_usage();
    printf("Optimizer: --optimizer NAME (default sgd), one of\n"
           "  %s.\n"
           "Hyper-parameters are torch.optim's, with its defaults; each optimizer\n"
           "takes these flags, shown with their defaults (any other is refused);\n"
           "a switch shown as off is turned on by the flag alone, e.g. --nesterov:\n",
           names);
    for (size_t k = 0; optimizer_kinds[k] != NULL; k++) {
        const char *entry = flags;
        int column = printf("  %-9s", optimizer_kinds[k]->name);
        hyper_describe(optimizer_kinds[k], &optimizer_kinds[k]->defaults, flags, sizeof flags);
        while (*entry != '\0') {       /* one "--flag value" at a time, wrapped at 78 */
            const char *next = strstr(entry + 1, " --");
            int length = next ? (int)(next - entry) : (int)strlen(entry);
            if (column + 1 + length > 78)
                column = printf("\n%11s", "") - 1;
            column += printf(" %.*s", length, entry);
            entry = next ? next + 1 : entry + length;
        }
        putchar('\n');
    }
    printf("\n%sManual: chapters/A-lab/README.md\n", exit_status_help);
}

/* --gradcheck: one line on stderr; false when the gradient fails chapter
 * 5's check at the start (the caller frees and exits 2, no CSV). */
static bool check_gradient(const struct objective *objective, const double *theta)
{
    struct gradcheck_result r = lab_gradcheck(objective, theta);
    char name[32];
    if (objective->network)
        lab_model_name(objective->network, r.coordinate, name, sizeof name);
    else if (objective->function || r.coordinate < objective->model->data->features)
        snprintf(name, sizeof name, "%s%zu", objective->function ? "x" : "w", r.coordinate + 1);
    else
        snprintf(name, sizeof name, "b");
    if (!(r.worst <= GRADCHECK_PASS)) {     /* NaN fails too */
        fprintf(stderr, "%s: --gradcheck: the gradient fails at the start: relative error %.1e "
                "at %s (gradient %.6g, central difference %.6g), above %g\n",
                fail_program, r.worst, name, r.analytic, r.numeric, GRADCHECK_PASS);
        return false;
    }
    fprintf(stderr, "%s: --gradcheck: largest relative error %.1e, at %s: pass\n",
            fail_program, r.worst, name);
    return true;
}

/* ----------------------------------------------------------- parsing */

static uint64_t parse_seed(const char *text)
{
    char *end;
    unsigned long long value;
    errno = 0;
    value = strtoull(text, &end, 10);
    if (*text < '0' || *text > '9' || *end != '\0' || errno == ERANGE)
        fail(EXIT_USAGE, "--order: seed '%s' is not a whole number in [0, 2^64)", text);
    return (uint64_t)value;
}

/* A hyper-parameter flag: its value (if it takes one) into s->hyper. */
static void parse_hyper(struct settings *s, unsigned bit, int argc, char **argv, int *i)
{
    const char *flag = argv[*i];
    struct hyper *h = &s->hyper;
    s->given |= bit;
    switch (bit) {
    case TAKES_NESTEROV: h->nesterov = true; return;
    case TAKES_MAXIMIZE: h->maximize = true; return;
    case TAKES_CENTERED: h->centered = true; return;
    case TAKES_AMSGRAD: h->amsgrad = true; return;
    default: break;
    }
    const char *text = flag_value(argc, argv, i);
    if (bit == TAKES_BETAS) {
        double betas[2];
        if (parse_number_list(flag, text, betas, 2) != 2)
            fail(EXIT_USAGE, "--betas takes two numbers, B1,B2 (e.g. 0.9,0.999), not '%s'",
                 text);
        h->beta1 = betas[0], h->beta2 = betas[1];
        return;
    }
    double value = parse_number(flag, text);
    switch (bit) {
    case TAKES_LR: h->lr = value; break;
    case TAKES_MOMENTUM: h->momentum = value; break;
    case TAKES_DAMPENING: h->dampening = value; break;
    case TAKES_WEIGHT_DECAY: h->weight_decay = value; break;
    case TAKES_ALPHA: h->alpha = value; break;
    case TAKES_EPS: h->eps = value; break;
    case TAKES_RHO: h->rho = value; break;
    case TAKES_LR_DECAY: h->lr_decay = value; break;
    case TAKES_INITIAL_ACCUMULATOR_VALUE: h->initial_accumulator_value = value; break;
    case TAKES_MOMENTUM_DECAY: h->momentum_decay = value; break;
    default: break;
    }
}

/* The command line without --plot, shown as text (control bytes and
 * invalid UTF-8 escaped): the title of the picture. */
static void remember_command(struct settings *s, int argc, char **argv)
{
    size_t length = strlen("descent"), used;
    char *text;
    for (int i = 1; i < argc; i++)
        length += 1 + strlen(argv[i]);
    text = xcalloc(length + 1, 1);
    used = (size_t)sprintf(text, "descent");
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--plot") == 0) {
            i++;
            continue;
        }
        used += (size_t)sprintf(text + used, " %s", argv[i]);
    }
    s->title = escaped_copy(text, used);
    free(text);
}

static struct settings parse(int argc, char **argv)
{
    struct settings s = {0};
    struct flags_given given = {0};
    s.every = 1;
    s.optimizer_name = "sgd";
    s.search = lab_line_search_defaults();
    s.extras = lab_extras_defaults();
    s.model = lab_model_defaults();
    for (int i = 1; i < argc; i++) {
        const char *flag = argv[i];
        unsigned bit = hyper_flag_bit(flag);
        flag_once(&given, flag);
        if (bit != 0) {
            parse_hyper(&s, bit, argc, argv, &i);
        } else if (lab_line_search_flag(&s.search, argc, argv, &i)) {
            continue;                   /* chapter 3's flags (03-when-to-stop/lab_flags.h) */
        } else if (lab_extras_flag(&s.extras, argc, argv, &i)) {
            continue;                   /* chapters 9 and 10 (A-lab/extras.h) */
        } else if (lab_model_flag(&s.model, argc, argv, &i)) {
            continue;                   /* chapter 11's (11-tiny-network/lab_model.h) */
        } else if (strcmp(flag, "--function") == 0) {
            s.function_spec = flag_value(argc, argv, &i);
        } else if (strcmp(flag, "--data") == 0) {
            s.data_path = flag_value(argc, argv, &i);
        } else if (strcmp(flag, "--x0") == 0) {
            const char *text;
            size_t values = 1;
            text = flag_value(argc, argv, &i);
            for (const char *c = text; *c != '\0'; c++)
                values += *c == ',';
            s.x0 = checked_calloc(values, sizeof *s.x0, __FILE__, __LINE__);
            s.x0_count = parse_number_list(flag, text, s.x0, values);
        } else if (strcmp(flag, "--optimizer") == 0) {
            s.optimizer_name = flag_value(argc, argv, &i);
        } else if (strcmp(flag, "--steps") == 0) {
            s.steps = parse_whole(flag, flag_value(argc, argv, &i), 0, MAX_STEPS);
        } else if (strcmp(flag, "--epochs") == 0) {
            s.epochs = parse_whole(flag, flag_value(argc, argv, &i), 0, MAX_STEPS);
        } else if (strcmp(flag, "--batch") == 0) {
            s.batch = parse_whole(flag, flag_value(argc, argv, &i), 1, MAX_STEPS);
        } else if (strcmp(flag, "--every") == 0) {
            s.every = parse_whole(flag, flag_value(argc, argv, &i), 1, MAX_STEPS);
        } else if (strcmp(flag, "--order") == 0) {
            const char *order;
            order = flag_value(argc, argv, &i);
            if (strcmp(order, "sequential") == 0)
                s.shuffle = false;
            else if (strcmp(order, "shuffle") == 0)
                s.shuffle = true;
            else if (strncmp(order, "shuffle:", 8) == 0)
                s.shuffle = true, s.seed = parse_seed(order + 8);
            else
                unknown_choice(flag, "order", order, "sequential, shuffle, shuffle:SEED");
        } else if (strcmp(flag, "--no-bias") == 0) {
            s.no_bias = true;
        } else if (strcmp(flag, "--standardize") == 0) {
            s.standardize = true;
        } else if (strcmp(flag, "--gradcheck") == 0) {
            s.gradcheck = true;
        } else if (strcmp(flag, "--csv") == 0) {
            fail(EXIT_USAGE, "--csv DIR takes no other flag");
        } else if (strcmp(flag, "--plot") == 0) {
            s.plot = flag_value(argc, argv, &i);
        } else if (strcmp(flag, "--help") == 0 || strcmp(flag, "-h") == 0) {
            usage();
            exit(0);
        } else if (strcmp(flag, "--version") == 0) {
            printf("%s %s, the lab of the descent workbook (optimizers with the "
                   "semantics of torch.optim, PyTorch 2.x)\n", fail_program, VERSION);
            exit(0);
        } else {
            fail(EXIT_USAGE, "unknown flag '%s' (try --help)", flag);
        }
    }

    if (flag_was_given(&given, "--function") == flag_was_given(&given, "--data"))
        fail(EXIT_USAGE, flag_was_given(&given, "--function")
                             ? "give --function or --data, not both"
                             : "nothing to optimise: give --function NAME or "
                               "--data FILE.csv (try --help)");
    if (flag_was_given(&given, "--function")) {
        static const char *const data_only[] = {"--epochs", "--batch", "--order",
                                                "--no-bias", "--standardize", NULL};
        refuse_flags(&given, data_only, "applies to --data only");
    }
    lab_model_check(&s.model, &given);
    if (flag_was_given(&given, "--steps") && flag_was_given(&given, "--epochs"))
        fail(EXIT_USAGE, "give --steps or --epochs, not both");
    if (!flag_was_given(&given, "--steps") && !flag_was_given(&given, "--epochs"))
        s.steps = 100;
    remember_command(&s, argc, argv);
    return s;
}

/* The optimizer's hyper-parameters: its defaults, then what was given. */
static struct hyper choose_hyper(const struct settings *s, const struct optimizer_kind *kind)
{
    struct hyper h = kind->defaults;
    const struct hyper *given = &s->hyper;
    char message[256];
    for (unsigned bit = 1; bit <= TAKES_MOMENTUM_DECAY; bit <<= 1) {
        if (!(s->given & bit))
            continue;
        if (!(kind->takes & bit)) {
            char flags[256];
            hyper_flag_list(kind, flags, sizeof flags);
            fail(EXIT_USAGE, "%s: the %s optimizer does not take it (it takes %s)",
                 hyper_flag_name(bit), kind->name, flags);
        }
        switch (bit) {
        case TAKES_LR: h.lr = given->lr; break;
        case TAKES_MOMENTUM: h.momentum = given->momentum; break;
        case TAKES_DAMPENING: h.dampening = given->dampening; break;
        case TAKES_NESTEROV: h.nesterov = given->nesterov; break;
        case TAKES_WEIGHT_DECAY: h.weight_decay = given->weight_decay; break;
        case TAKES_MAXIMIZE: h.maximize = given->maximize; break;
        case TAKES_ALPHA: h.alpha = given->alpha; break;
        case TAKES_CENTERED: h.centered = given->centered; break;
        case TAKES_EPS: h.eps = given->eps; break;
        case TAKES_BETAS: h.beta1 = given->beta1, h.beta2 = given->beta2; break;
        case TAKES_AMSGRAD: h.amsgrad = given->amsgrad; break;
        case TAKES_RHO: h.rho = given->rho; break;
        case TAKES_LR_DECAY: h.lr_decay = given->lr_decay; break;
        case TAKES_INITIAL_ACCUMULATOR_VALUE:
            h.initial_accumulator_value = given->initial_accumulator_value;
            break;
        case TAKES_MOMENTUM_DECAY: h.momentum_decay = given->momentum_decay; break;
        default: break;
        }
    }
    if (!hyper_is_valid(kind, &h, message, sizeof message))
        fail(EXIT_USAGE, "%s", message);
    return h;
}

/* ------------------------------------------------------------ running */

/* theta <- --x0, or the objective's own start: the function's, or zeros. */
static double *start_point(const struct settings *s, const struct objective *objective)
{
    size_t dim = objective_dim(objective);
    double *theta;
    double loss;
    if (s->x0_count != 0 && s->x0_count != dim)
        fail(EXIT_USAGE, "--x0: %zu value%s given, the objective has %zu parameter%s%s",
             s->x0_count, s->x0_count == 1 ? "" : "s", dim, dim == 1 ? "" : "s",
             objective->network ? " (in model.parameters() order)"
                               : objective->model && !s->no_bias ? " (w1..wd, then b)" : "");
    theta = checked_calloc(dim, sizeof *theta, __FILE__, __LINE__);
    for (size_t i = 0; i < dim; i++)
        theta[i] = s->x0_count ? s->x0[i] : objective->function ? objective->function->start[i]
                                                                : 0.0;
    if (objective->network && s->x0_count == 0)     /* chapter 11: PyTorch's default init */
        lab_model_start(&s->model, theta);
    loss = objective_loss(objective, theta);
    if (!isfinite(loss) && s->x0_count != 0)
        fail(EXIT_USAGE, "--x0: the loss at the start overflows (%g); start closer to the "
             "minimum", loss);
    if (!isfinite(loss))     /* the objective's own start: its numbers are too large */
        fail(EXIT_USAGE, "the loss at the start overflows (%g): %s", loss,
             objective->model ? "the data's values are too large to square; scale them down"
                              : "the function's parameters are too large");
    return theta;
}

/* Steps, rows and batches; --epochs counts ceil(n / batch) updates each. */
static struct schedule make_schedule(const struct settings *s, const struct dataset *data)
{
    struct schedule schedule;
    schedule.steps = s->steps;
    schedule.every = s->every;
    schedule.batch = s->batch > 0 && (size_t)s->batch < data->count ? (size_t)s->batch
                                                                      : data->count;
    schedule.shuffle = s->shuffle;
    schedule.seed = s->seed;
    if (s->epochs > 0) {
        long per_epoch = updates_per_epoch(data->count, schedule.batch);
        if (s->epochs > MAX_STEPS / per_epoch)
            fail(EXIT_USAGE, "--epochs %ld: more than 10^12 updates", s->epochs);
        schedule.steps = s->epochs * per_epoch;
    }
    return schedule;
}

/* The ratio of the largest to the smallest standard deviation of the
 * features (those that vary), or 1: how far apart their scales are. */
static double scale_ratio(const struct objective *objective)
{
    const struct dataset *data = objective->model ? objective->model->data : NULL;
    double low = INFINITY, high = 0.0, *mean, *spread;
    if (data == NULL || data->features < 2)
        return 1.0;
    mean = xcalloc(data->features, sizeof *mean);
    spread = xcalloc(data->features, sizeof *spread);
    dataset_feature_stats(data, mean, spread);
    for (size_t j = 0; j < data->features; j++)
        if (spread[j] > 0.0)
            low = fmin(low, spread[j]), high = fmax(high, spread[j]);
    free(mean);
    free(spread);
    return high > 0.0 && low < INFINITY ? high / low : 1.0;
}

/* Did centered RMSprop's v - m^2 round below 0 in some coordinate?  Its
 * square root is then NaN, whatever the step size (rmsprop.c). */
static bool centered_variance_negative(const struct optimizer *opt)
{
    if (strcmp(opt->kind->name, "rmsprop") != 0 || !opt->hyper.centered)
        return false;
    for (size_t i = 0; i < opt->dim; i++)
        if (opt->buffer[0][i] - opt->buffer[1][i] * opt->buffer[1][i] < 0.0)
            return true;
    return false;
}

/* The settings of a run that lie outside their usual range, each named
 * with the value in effect and why it can make a run diverge, into
 * text[0..size) ("" when none): PyTorch accepts them (torch/optim checks
 * only signs and betas < 1, lr_scheduler checks no gamma), so the lab
 * runs them, and a divergence names them before the learning rate. */
static void unusual_settings(char *text, size_t size, const struct settings *s,
                             const struct optimizer_kind *kind, const struct hyper *h)
{
    const struct scheduler_settings *sched = &s->extras.scheduler;
    size_t used = 0;
    text[0] = '\0';
#define NAME(...) \
    (used < size ? used += (size_t)snprintf(text + used, size - used, __VA_ARGS__) : used)
    if (s->extras.scheduler_on && sched->gamma > 1.0 &&
        (sched->name == STEP_LR || sched->name == MULTI_STEP_LR ||
         sched->name == EXPONENTIAL_LR))
        NAME("%s--gamma %g is above 1: %s multiplies the learning rate by it %s, so the rate "
             "grows (usual: 0.1 to 0.99)", used ? "; " : "", sched->gamma,
             scheduler_name_text(sched->name),
             sched->name == EXPONENTIAL_LR ? "every step"
             : sched->name == STEP_LR      ? "every --step-size steps"
                                           : "at every milestone");
    if ((kind->takes & TAKES_ALPHA) && h->alpha >= 1.0)
        NAME("%s--alpha %g is not below 1: RMSprop's running average of g^2 %s (usual: 0.9 "
             "to 0.99)", used ? "; " : "", h->alpha,
             h->alpha == 1.0 ? "never leaves 0, so each step is lr g / eps"
                             : "turns negative, and its square root NaN");
    if ((kind->takes & TAKES_MOMENTUM) && h->momentum >= 1.0)
        NAME("%s--momentum %g is not below 1: the velocity never decays (usual: 0.9)",
             used ? "; " : "", h->momentum);
    if ((kind->takes & TAKES_DAMPENING) && (h->dampening < 0.0 || h->dampening > 1.0))
        NAME("%s--dampening %g is outside [0, 1]: the gradient's share of the velocity, "
             "1 - dampening, %s (usual: 0)", used ? "; " : "", h->dampening,
             h->dampening < 0.0 ? "is above 1" : "is negative");
    if ((kind->takes & TAKES_WEIGHT_DECAY) && h->weight_decay > 1.0)
        NAME("%s--weight-decay %g is far above its usual range (1e-4 to 0.1): the decay "
             "term outgrows the gradient", used ? "; " : "", h->weight_decay);
    if ((kind->takes & TAKES_MAXIMIZE) && h->maximize)
        NAME("%s--maximize climbs the objective, which may have no maximum (without it "
             "the optimizer minimizes)", used ? "; " : "");
#undef NAME
}

/* The line a divergence ends with (exit 3), into message[0..size): the
 * step, what stopped being finite, its likely cause and what to try:
 * --standardize when the features' scales are orders of magnitude apart,
 * --eps only when it is 0, the settings outside their usual range
 * (unusual_settings), and a smaller rate than the one the user gave (or
 * the default, said so; with onecyclelr, --max-lr) when it is above 0. */
static void divergence_message(char *message, size_t size, const struct run_result *result,
                               const struct optimizer *opt, const struct objective *objective,
                               const struct settings *s, const struct hyper *initial,
                               const char *suffix)
{
    const struct hyper *h = initial;        /* opt->hyper.lr is the scheduler's by now */
    const bool zero_eps = (opt->kind->takes & TAKES_EPS) && h->eps == 0.0;
    const double ratio = objective->standardized ? 1.0 : scale_ratio(objective);
    const bool one_cycle = s->extras.scheduler_on && s->extras.scheduler.name == ONE_CYCLE_LR;
    char advice[1024] = "", rate[96] = "", unusual[768];
    unusual_settings(unusual, sizeof unusual, s, opt->kind, h);
    if (one_cycle)
        snprintf(rate, sizeof rate, "a smaller --max-lr than %g", s->extras.scheduler.max_lr);
    else if (h->lr > 0.0)
        snprintf(rate, sizeof rate, "a smaller learning rate than --lr %g%s", h->lr,
                 s->given & TAKES_LR ? "" : " (the default)");
    if (ratio >= 100.0)     /* what every course teaches first: scale the features */
        snprintf(advice, sizeof advice, "; the features' scales differ %.3g-fold: try "
                 "--standardize%s%s", ratio, rate[0] ? ", or " : "", rate);
    else if (unusual[0])
        snprintf(advice, sizeof advice, "; %s%s%s", unusual, rate[0] ? "; otherwise try " : "",
                 rate);
    else if (rate[0])
        snprintf(advice, sizeof advice, "; %stry %s", zero_eps ? "otherwise " : "", rate);
    if (result->not_a_number && centered_variance_negative(opt))
        snprintf(message, size, "diverged at step %ld: %s became NaN: centered RMSprop's "
                 "variance estimate v - m^2 rounded below 0 (the gradient barely changes, so "
                 "v and m^2 agree to their last bits) and its square root is NaN, as in "
                 "PyTorch (the rows above are the finite ones); run without --centered%s",
                 result->diverged_at, result->why, suffix);
    else if (result->not_a_number)
        snprintf(message, size, "diverged at step %ld: %s became NaN, a 0/0 or inf - inf "
                 "(the rows above are the finite ones)%s%s%s", result->diverged_at,
                 result->why, zero_eps ? "; a zero --eps allows 0/0" : "", advice, suffix);
    else
        snprintf(message, size, "diverged at step %ld: %s overflowed (the rows above are the "
                 "finite ones)%s%s", result->diverged_at, result->why, advice, suffix);
}

/* --standardize: the features scaled in place, and the line of their
 * statistics (the caller's to print on stderr once every check has passed,
 * so that a refusal stays one line, and to free), or a refusal for a
 * constant feature. */
static char *standardize(struct dataset *data, const char *path)
{
    double *mean = xcalloc(data->features, sizeof *mean);
    double *spread = xcalloc(data->features, sizeof *spread);
    size_t constant = dataset_standardize(data, mean, spread);
    char *line;
    size_t size = 96 + 64 * data->features, used;
    if (constant != 0) {
        free(mean), free(spread);
        const char *name = data->names != NULL ? data->names[constant - 1] : "";
        fail(EXIT_USAGE, "--standardize: feature %zu of %s, column '%.40s' (number %zu), is "
             "constant: its standard deviation is 0; drop that column", constant, path,
             name, constant);
    }
    line = xcalloc(size, 1);
    used = (size_t)snprintf(line, size, "--standardize: mean and standard deviation of "
                            "each feature (std_wj = wj * sd, in the file's units):");
    for (size_t j = 0; j < data->features && used < size; j++)
        used += (size_t)snprintf(line + used, size - used, "%s x%zu %.6g %.6g",
                                 j ? "," : "", j + 1, mean[j], spread[j]);
    free(mean);
    free(spread);
    return line;
}

/* The manual's figure: every optimizer with PyTorch's defaults on
 * Rosenbrock from its usual start, 2000 steps, one row in ten. */
static void write_figure_data(const char *dir)
{
    struct function f = function_from_spec("--function", "rosenbrock");
    struct objective objective = {&f, NULL, false, NULL, false};
    struct schedule schedule = {2000, 10, 0, false, 0};
    for (size_t k = 0; optimizer_kinds[k] != NULL; k++) {
        const struct optimizer_kind *kind = optimizer_kinds[k];
        char name[64];
        double theta[2] = {f.start[0], f.start[1]};
        struct optimizer opt;
        FILE *file;
        snprintf(name, sizeof name, "%s.csv", kind->name);
        file = csv_create(dir, name);
        optimizer_init(&opt, kind, &kind->defaults, 2);
        lab_run(file, theta, &opt, &objective, &schedule);
        optimizer_free(&opt);
        csv_close(file, name);
    }
}

int main(int argc, char **argv)
{
    static char output_buffer[1 << 16];
    struct settings s;
    const struct optimizer_kind *kind;
    struct hyper hyper;
    struct function function;
    struct dataset data = {0};
    struct regression model;
    struct objective objective = {NULL, NULL, false, NULL, false};
    struct schedule schedule;
    struct optimizer opt;
    struct run_result result;
    double *theta;
    FILE *rows = stdout;
    char plot_message[512], plot_suffix[600] = "", message[3072] = "";
    bool plot_failed = false;
    char *statistics = NULL;    /* --standardize's line, printed after the checks */

    /* fail_program: "descent" (fail.c's default), or descent-mpi's own name */
    setvbuf(stdout, output_buffer, _IOFBF, sizeof output_buffer);
    if (argc > 1 && strcmp(argv[1], "--csv") == 0) {   /* tests/draw.sh */
        if (argc == 2)
            fail(EXIT_USAGE, "--csv needs a value");
        if (argc != 3)
            fail(EXIT_USAGE, "--csv DIR takes no other flag");
        write_figure_data(argv[2]);
        return 0;
    }
    s = parse(argc, argv);

    kind = optimizer_kind_named(s.optimizer_name);
    if (kind == NULL) {
        char names[128];
        optimizer_kind_list(names, sizeof names);
        unknown_choice("--optimizer", "optimizer", s.optimizer_name, names);
    }
    hyper = choose_hyper(&s, kind);
    if (s.function_spec != NULL) {
        function = lab_function_from_spec("--function", s.function_spec);
        objective.function = &function;
    } else {
        dataset_read_csv(&data, s.data_path);
        if (s.standardize)
            statistics = standardize(&data, s.data_path);
        objective.standardized = s.standardize;
        model.data = &data;
        model.bias = !s.no_bias;
        objective.model = &model;
        objective.network = lab_model_setup(&s.model, &data);
        objective.loss_only = s.model.loss_only;
    }
    theta = start_point(&s, &objective);
    schedule = make_schedule(&s, &data);
    lab_line_search_check(&s.search, kind->name, s.given, objective.function,
                          schedule.batch >= data.count);
    lab_extras_check(&s.extras, kind, s.given, objective.model != NULL,
                     s.search.search != LINE_SEARCH_NONE,
                     s.extras.every_epoch && objective.model != NULL
                         ? schedule.steps / updates_per_epoch(data.count, schedule.batch)
                         : schedule.steps);

    if (s.plot != NULL) {       /* the last check: nothing is written before it */
        plot_check(s.plot);
        rows = tmpfile();
        if (rows == NULL)
            fail(EXIT_USAGE, "--plot: cannot make a temporary file");
    }
    if (statistics != NULL) {
        warn("%s", statistics);
        free(statistics);
    }

    if (s.gradcheck && !check_gradient(&objective, theta)) {
        free(theta);                /* clean under LeakSanitizer, as every exit */
        free(s.x0);
        if (objective.network)
            network_free(&s.model.net);
        dataset_free(&data);
        free(s.title);
        if (rows != stdout)
            fclose(rows);
        return EXIT_USAGE;
    }
    optimizer_init(&opt, kind, &hyper, objective_dim(&objective));
    result = lab_run_extended(rows, theta, &opt, &objective, &schedule, &s.search,
                              &s.extras);

    if (s.plot != NULL) {       /* the rows, then the picture of them */
        char buffer[8192];
        size_t got;
        rewind(rows);
        while ((got = fread(buffer, 1, sizeof buffer, rows)) > 0)
            if (fwrite(buffer, 1, got, stdout) != got)
                break;                  /* checked below, once everything is freed */
        if (!plot_draw(s.plot, rows, objective.function, s.title, plot_message,
                       sizeof plot_message)) {
            plot_failed = true;
            snprintf(plot_suffix, sizeof plot_suffix, "; and --plot failed: %s", plot_message);
        }
        fclose(rows);
    }
    if (result.diverged)
        divergence_message(message, sizeof message, &result, &opt, &objective, &s, &hyper,
                           plot_suffix);
    optimizer_free(&opt);           /* everything freed before any exit: clean under */
    free(theta);                    /* LeakSanitizer */
    free(s.x0);
    free(s.title);
    if (objective.network)
        network_free(&s.model.net);
    dataset_free(&data);
    check_stdout();
    if (result.diverged)            /* the run's own status wins: 3 stays 3 */
        fail(EXIT_DIVERGED, "%s", message);
    if (plot_failed)
        fail(EXIT_USAGE, "--plot: %s", plot_message);
    if (result.converged)
        fprintf(stderr, "%s: stopped at step %ld: ||grad f|| = %.6g < --tol %g\n",
                fail_program, result.steps, result.grad_norm, s.search.tol);
    if (result.stalled)
        fprintf(stderr, "%s: stopped at step %ld: no step along -grad lowers the loss "
                "any more (the gradient is zero, or what is left of it is lost in rounding)\n",
                fail_program, result.steps);
    return 0;
}
