/* extras.c: chapters 9 and 10 in the lab (see extras.h). */
#include "A-lab/extras.h"

#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"
#include "10-failures/chain.h"
#include "10-failures/landscape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_WHOLE 1000000000000L     /* as the lab's --steps */

/* The scheduler flags, and the schedulers (bits of enum scheduler_name)
 * that take each. */
#define ONLY(name) (1u << (name))
static const struct {
    const char *flag;
    unsigned takers;
} flags[] = {
    {"--step-size", ONLY(STEP_LR)},
    {"--gamma", ONLY(STEP_LR) | ONLY(MULTI_STEP_LR) | ONLY(EXPONENTIAL_LR)},
    {"--milestones", ONLY(MULTI_STEP_LR)},
    {"--t-max", ONLY(COSINE_ANNEALING_LR)},
    {"--eta-min", ONLY(COSINE_ANNEALING_LR)},
    {"--start-factor", ONLY(LINEAR_LR)},
    {"--end-factor", ONLY(LINEAR_LR)},
    {"--total-iters", ONLY(LINEAR_LR)},
    {"--max-lr", ONLY(ONE_CYCLE_LR)},
    {"--total-steps", ONLY(ONE_CYCLE_LR)},
    {"--pct-start", ONLY(ONE_CYCLE_LR)},
    {"--anneal-strategy", ONLY(ONE_CYCLE_LR)},
    {"--div-factor", ONLY(ONE_CYCLE_LR)},
    {"--final-div-factor", ONLY(ONE_CYCLE_LR)},
    {"--three-phase", ONLY(ONE_CYCLE_LR)},
    {"--base-momentum", ONLY(ONE_CYCLE_LR)},
    {"--max-momentum", ONLY(ONE_CYCLE_LR)},
    {"--no-cycle-momentum", ONLY(ONE_CYCLE_LR)},
    {"--scheduler-every", ~0u},
};
enum { STEP_SIZE, GAMMA, MILESTONES, T_MAX, ETA_MIN, START_FACTOR, END_FACTOR, TOTAL_ITERS,
       MAX_LR, TOTAL_STEPS, PCT_START, ANNEAL_STRATEGY, DIV_FACTOR, FINAL_DIV_FACTOR,
       THREE_PHASE, BASE_MOMENTUM, MAX_MOMENTUM, NO_CYCLE_MOMENTUM, SCHEDULER_EVERY,
       FLAG_COUNT };

struct lab_extras lab_extras_defaults(void)
{
    struct lab_extras o;
    memset(&o, 0, sizeof o);
    o.scheduler = scheduler_defaults(STEP_LR);
    return o;
}

/* --milestones M1,M2,...: whole numbers (their order is scheduler_check's). */
static void parse_milestones(struct scheduler_settings *s, const char *text)
{
    double values[SCHEDULER_MILESTONES];
    size_t count = 0;
    for (const char *c = text; *c != '\0'; c++)
        count += *c == ',';
    if (count >= SCHEDULER_MILESTONES)
        fail(EXIT_USAGE, "--milestones: at most %d milestones", SCHEDULER_MILESTONES);
    count = parse_number_list("--milestones", text, values, SCHEDULER_MILESTONES);
    for (size_t i = 0; i < count; i++) {
        if (values[i] != (double)(long)values[i] || values[i] < 1 || values[i] > MAX_WHOLE)
            fail(EXIT_USAGE, "--milestones: %g is not a step number (a whole number >= 1)",
                 values[i]);
        s->milestones[i] = (long)values[i];
    }
    s->milestone_count = count;
}

bool lab_extras_flag(struct lab_extras *o, int argc, char **argv, int *i)
{
    const char *flag = argv[*i];
    struct scheduler_settings *s = &o->scheduler;
    int which = -1;
    if (strcmp(flag, "--clip-grad-norm") == 0) {
        o->clip_norm = parse_positive(flag, flag_value(argc, argv, i), 1e300);
        return true;
    }
    if (strcmp(flag, "--clip-grad-value") == 0) {
        o->clip_value = parse_positive(flag, flag_value(argc, argv, i), 1e300);
        return true;
    }
    if (strcmp(flag, "--scheduler") == 0) {
        const char *name = flag_value(argc, argv, i);
        int named = scheduler_from_text(name);
        struct scheduler_settings given = *s;
        if (named < 0)
            unknown_choice(flag, "scheduler", name, "steplr, multisteplr, exponentiallr, "
                           "cosineannealinglr, linearlr, onecyclelr");
        /* PyTorch's defaults for this one, keeping the arguments read so far */
        *s = scheduler_defaults((enum scheduler_name)named);
        o->scheduler_on = true;
        for (int f = 0; f < SCHEDULER_EVERY; f++)
            if (o->scheduler_given & (1u << f)) {
                switch (f) {
                case STEP_SIZE: s->step_size = given.step_size; break;
                case GAMMA: s->gamma = given.gamma; break;
                case MILESTONES:
                    memcpy(s->milestones, given.milestones, sizeof s->milestones);
                    s->milestone_count = given.milestone_count;
                    break;
                case T_MAX: s->t_max = given.t_max; break;
                case ETA_MIN: s->eta_min = given.eta_min; break;
                case START_FACTOR: s->start_factor = given.start_factor; break;
                case END_FACTOR: s->end_factor = given.end_factor; break;
                case TOTAL_ITERS: s->total_iters = given.total_iters; break;
                case MAX_LR: s->max_lr = given.max_lr; break;
                case TOTAL_STEPS: s->total_steps = given.total_steps; break;
                case PCT_START: s->pct_start = given.pct_start; break;
                case ANNEAL_STRATEGY: s->anneal_linear = given.anneal_linear; break;
                case DIV_FACTOR: s->div_factor = given.div_factor; break;
                case FINAL_DIV_FACTOR: s->final_div_factor = given.final_div_factor; break;
                case THREE_PHASE: s->three_phase = given.three_phase; break;
                case BASE_MOMENTUM: s->base_momentum = given.base_momentum; break;
                case MAX_MOMENTUM: s->max_momentum = given.max_momentum; break;
                case NO_CYCLE_MOMENTUM: s->cycle_momentum = false; break;
                default: break;
                }
            }
        return true;
    }
    for (int f = 0; f < FLAG_COUNT; f++)
        if (strcmp(flag, flags[f].flag) == 0)
            which = f;
    if (which < 0)
        return false;
    o->scheduler_given |= 1u << which;
    switch (which) {
    case THREE_PHASE: s->three_phase = true; return true;
    case NO_CYCLE_MOMENTUM: s->cycle_momentum = false; return true;
    default: break;
    }
    const char *text = flag_value(argc, argv, i);
    switch (which) {
    case STEP_SIZE: s->step_size = parse_whole(flag, text, -MAX_WHOLE, MAX_WHOLE); break;
    case GAMMA: s->gamma = parse_number(flag, text); break;
    case MILESTONES: parse_milestones(s, text); break;
    case T_MAX: s->t_max = parse_whole(flag, text, -MAX_WHOLE, MAX_WHOLE); break;
    case ETA_MIN: s->eta_min = parse_number(flag, text); break;
    case START_FACTOR: s->start_factor = parse_number(flag, text); break;
    case END_FACTOR: s->end_factor = parse_number(flag, text); break;
    case TOTAL_ITERS: s->total_iters = parse_whole(flag, text, -MAX_WHOLE, MAX_WHOLE); break;
    case MAX_LR: s->max_lr = parse_number(flag, text); break;
    case TOTAL_STEPS: s->total_steps = parse_whole(flag, text, -MAX_WHOLE, MAX_WHOLE); break;
    case PCT_START: s->pct_start = parse_number(flag, text); break;
    case ANNEAL_STRATEGY:
        if (strcmp(text, "cos") == 0)
            s->anneal_linear = false;
        else if (strcmp(text, "linear") == 0)
            s->anneal_linear = true;
        else
            unknown_choice(flag, "strategy", text, "cos, linear");
        break;
    case DIV_FACTOR: s->div_factor = parse_number(flag, text); break;
    case FINAL_DIV_FACTOR: s->final_div_factor = parse_number(flag, text); break;
    case BASE_MOMENTUM: s->base_momentum = parse_number(flag, text); break;
    case MAX_MOMENTUM: s->max_momentum = parse_number(flag, text); break;
    case SCHEDULER_EVERY:
        if (strcmp(text, "update") == 0)
            o->every_epoch = false;
        else if (strcmp(text, "epoch") == 0)
            o->every_epoch = true;
        else
            unknown_choice(flag, "choice", text, "update, epoch");
        break;
    default: break;
    }
    return true;
}

static bool given(const struct lab_extras *o, int flag)
{
    return (o->scheduler_given & (1u << flag)) != 0;
}

/* The scheduler flags that name takes, "--step-size --gamma", for messages. */
static void flags_of(enum scheduler_name name, char *text, size_t size)
{
    size_t used = 0;
    text[0] = '\0';
    for (int f = 0; f < SCHEDULER_EVERY && used < size; f++)
        if (flags[f].takers & ONLY(name))
            used += (size_t)snprintf(text + used, size - used, "%s%s", used ? " " : "",
                                     flags[f].flag);
}

void lab_extras_check(struct lab_extras *o, const struct optimizer_kind *kind,
                      unsigned hyper_given, bool data, bool line_search,
                      long scheduler_steps)
{
    struct scheduler_settings *s = &o->scheduler;
    const char *name = scheduler_name_text(s->name);
    static const struct {
        enum scheduler_name name;
        int flag;
        const char *what, *torch;
    } required[] = {
        {STEP_LR, STEP_SIZE, "--step-size N", "step_size"},
        {MULTI_STEP_LR, MILESTONES, "--milestones M1,M2,...", "milestones"},
        {EXPONENTIAL_LR, GAMMA, "--gamma G", "gamma"},
        {COSINE_ANNEALING_LR, T_MAX, "--t-max N", "T_max"},
        {ONE_CYCLE_LR, MAX_LR, "--max-lr LR", "max_lr"},
    };
    struct optimizer opt;
    const char *error;

    if (line_search && (o->clip_norm > 0.0 || o->clip_value > 0.0))
        fail(EXIT_USAGE, "%s does not apply with --line-search (the search takes plain "
             "gradient steps)", o->clip_norm > 0.0 ? "--clip-grad-norm" : "--clip-grad-value");
    if (!o->scheduler_on) {
        for (int f = 0; f < FLAG_COUNT; f++)
            if (given(o, f))
                fail(EXIT_USAGE, "%s applies to a learning-rate schedule only: give "
                     "--scheduler NAME too", flags[f].flag);
        return;
    }
    for (int f = 0; f < SCHEDULER_EVERY; f++)
        if (given(o, f) && !(flags[f].takers & ONLY(s->name))) {
            char takes[256];
            flags_of(s->name, takes, sizeof takes);
            fail(EXIT_USAGE, "%s: the %s scheduler does not take it (it takes %s)",
                 flags[f].flag, name, takes);
        }
    for (size_t r = 0; r < sizeof required / sizeof required[0]; r++)
        if (required[r].name == s->name && !given(o, required[r].flag))
            fail(EXIT_USAGE, "--scheduler %s needs %s (PyTorch's %s has no default)", name,
                 required[r].what, required[r].torch);
    if (line_search)
        fail(EXIT_USAGE, "--scheduler does not apply with --line-search (the search "
             "chooses every step itself)");
    if (o->every_epoch && !data)
        fail(EXIT_USAGE, "--scheduler-every epoch applies to --data only (a function has "
             "no epochs)");
    if (s->name == ONE_CYCLE_LR && (hyper_given & TAKES_LR))
        fail(EXIT_USAGE, "--lr has no effect with --scheduler onecyclelr, which starts "
             "at --max-lr / --div-factor: drop --lr");
    if (s->name == ONE_CYCLE_LR && !s->cycle_momentum
        && (given(o, BASE_MOMENTUM) || given(o, MAX_MOMENTUM)))
        fail(EXIT_USAGE, "%s has no effect with --no-cycle-momentum: drop one of them",
             given(o, BASE_MOMENTUM) ? "--base-momentum" : "--max-momentum");
    if (s->name == ONE_CYCLE_LR && !given(o, TOTAL_STEPS) && scheduler_steps < 1)
        fail(EXIT_USAGE, "--scheduler onecyclelr: the run never steps the scheduler (%s), so "
             "--total-steps has no default: give it", o->every_epoch
                 ? "it ends before its first epoch does" : "it has no update");
    if (s->name == ONE_CYCLE_LR && !given(o, TOTAL_STEPS))
        s->total_steps = scheduler_steps;
    memset(&opt, 0, sizeof opt);
    opt.kind = kind;
    error = scheduler_check(s, &opt);
    if (error != NULL && s->name == MULTI_STEP_LR)     /* schedule.h: the book's rule */
        fail(EXIT_USAGE, "--scheduler %s: %s (the book's rule: PyTorch would take them in "
             "any order and apply a repeated one twice; give them sorted, each once)", name,
             error);
    if (error != NULL)
        fail(EXIT_USAGE, "--scheduler %s: %s (PyTorch's constructor refuses it)", name, error);
    if (s->name == ONE_CYCLE_LR && scheduler_steps > s->total_steps)
        fail(EXIT_USAGE, "--scheduler onecyclelr: the run steps the scheduler %ld times, "
             "past --total-steps %ld (PyTorch raises at step %ld): give --total-steps %ld "
             "or fewer steps", scheduler_steps, s->total_steps, s->total_steps + 1,
             scheduler_steps);
}

const char lab_function_names[] = "chain:L,W0, tanh-chain:L,W0, plateau";

/* chain:L,W0 or tanh-chain:L,W0 after the name. */
static struct function chain_from_spec(const char *flag, const char *spec, bool tanh_layers,
                                       const char *parameters)
{
    double values[3];
    if (parameters == NULL
        || parse_number_list(flag, parameters, values, 3) != 2)
        fail(EXIT_USAGE, "%s: %s takes two parameters, L,W0 (layers, starting weight), "
             "e.g. %s:10,1.5", flag, spec, tanh_layers ? "tanh-chain" : "chain");
    if (values[0] != (double)(long)values[0] || values[0] < 1 || values[0] > FUNCTION_MAX_DIM)
        fail(EXIT_USAGE, "%s: %s: the number of layers L must be a whole number from 1 to %d",
             flag, spec, FUNCTION_MAX_DIM);
    return chain_function((size_t)values[0], tanh_layers, 1.0, 1.0, values[1]);
}

/* Is name[0..length) one of function_names ("quadratic, rosenbrock, ...")? */
static bool known_to_toolkit(const char *name, size_t length)
{
    const char *entry = function_names;
    while (*entry != '\0') {
        size_t size = strcspn(entry, ",");
        if (size == length && strncmp(entry, name, length) == 0)
            return true;
        entry += size;
        entry += strspn(entry, ", ");
    }
    return false;
}

struct function lab_function_from_spec(const char *flag, const char *spec)
{
    const char *colon = strchr(spec, ':');
    size_t length = colon ? (size_t)(colon - spec) : strlen(spec);
    if (length == 5 && strncmp(spec, "chain", 5) == 0)
        return chain_from_spec(flag, spec, false, colon ? colon + 1 : NULL);
    if (length == 10 && strncmp(spec, "tanh-chain", 10) == 0)
        return chain_from_spec(flag, spec, true, colon ? colon + 1 : NULL);
    if (length == 7 && strncmp(spec, "plateau", 7) == 0) {
        if (colon != NULL)
            fail(EXIT_USAGE, "%s: plateau takes no parameters", flag);
        return plateau_function();
    }
    if (!known_to_toolkit(spec, length))
        fail(EXIT_USAGE, "%s: unknown function '%.*s' (known: %s, %s)", flag, (int)length,
             spec, function_names, lab_function_names);
    return function_from_spec(flag, spec);
}

void lab_extras_usage(void)
{
    printf("Learning-rate schedule (chapter 9; torch.optim.lr_scheduler, its defaults):\n"
           "  --scheduler NAME  one of (with its flags):\n"
           "      steplr            --step-size N --gamma 0.1\n"
           "      multisteplr       --milestones M1,M2,... --gamma 0.1\n"
           "      exponentiallr     --gamma G\n"
           "      cosineannealinglr --t-max N --eta-min 0\n"
           "      linearlr          --start-factor 1/3 --end-factor 1 --total-iters 5\n"
           "      onecyclelr        --max-lr LR --total-steps [the run's scheduler steps]\n"
           "                        --pct-start 0.3 --anneal-strategy cos|linear\n"
           "                        --div-factor 25 --final-div-factor 1e4 --three-phase\n"
           "                        --base-momentum 0.85 --max-momentum 0.95\n"
           "                        --no-cycle-momentum (no --lr: it starts at\n"
           "                        max-lr / div-factor)\n"
           "  --scheduler-every update|epoch\n"
           "                    scheduler.step() after every update (default) or, with\n"
           "                    --data, after every epoch\n"
           "  With a scheduler the CSV gains a last column lr, the rate of the update\n"
           "  that made the row (row 0: the first update's).\n"
           "\n"
           "Gradient clipping (chapter 10; torch.nn.utils), on every batch's gradient\n"
           "before the optimizer's step; with both, the value first, then the norm:\n"
           "  --clip-grad-value V    clamp every component to [-V, V]\n"
           "  --clip-grad-norm MAX   scale by MAX / (||g|| + 1e-6) when that is below 1\n"
           "\n");
}
