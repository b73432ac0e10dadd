/* report.c: chapter 10's reports (see report.h). */
#include "10-failures/report.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "00-toolkit/rng.h"
#include "01-update-rule/gd.h"
#include "10-failures/chain.h"
#include "10-failures/clip.h"
#include "10-failures/landscape.h"

static const double saddle_delta[] = {1e-1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15};
enum { SADDLE_CASES = sizeof saddle_delta / sizeof saddle_delta[0] };

void print_saddle(FILE *out)
{
    fprintf(out, "Saddle (x1^2 - x2^2)/2 from (1, delta), gradient descent with lr 0.1:\n"
                 "steps until |x2| >= 1\n\n");
    fprintf(out, "%-8s %-9s %-20s %s\n", "delta", "measured", "(10.1) ceil(...)", "ln(1/delta)/lr");
    for (int i = 0; i < SADDLE_CASES; i++)
        fprintf(out, "%-8.0e %-9ld %-20ld %.1f\n", saddle_delta[i],
                saddle_escape_steps(saddle_delta[i], SADDLE_ETA, 0.0, 0, 100000),
                saddle_escape_predicted(saddle_delta[i], SADDLE_ETA), log(1.0 / saddle_delta[i]) / SADDLE_ETA);
    long on_line = saddle_escape_steps(0.0, SADDLE_ETA, 0.0, 0, 100000);
    fprintf(out, "\ndelta = 0 exactly: %s after 100000 steps\n", on_line < 0 ? "still on the line" : "escaped");
    fprintf(out, "delta = 0 with gradient noise 1e-8 (seeds 1-5):");
    for (uint64_t seed = 1; seed <= 5; seed++)
        fprintf(out, " %ld", saddle_escape_steps(0.0, SADDLE_ETA, 1e-8, seed, 100000));
    fprintf(out, " steps\n");
    fprintf(out, "\nmomentum %.1f, lr %.2f (the same rate per step once built up):\n", SADDLE_MOMENTUM,
            SADDLE_MOMENTUM_LR);
    on_line = saddle_escape_momentum(0.0, SADDLE_MOMENTUM_LR, SADDLE_MOMENTUM, 0.0, 0, 100000);
    fprintf(out, "delta = 0 exactly: %s after 100000 steps\n", on_line < 0 ? "still on the line" : "escaped");
    fprintf(out, "delta = 1e-6: %ld steps\n",
            saddle_escape_momentum(1e-6, SADDLE_MOMENTUM_LR, SADDLE_MOMENTUM, 0.0, 0, 100000));
    fprintf(out, "delta = 0 with gradient noise 1e-8 (seeds 1-5):");
    for (uint64_t seed = 1; seed <= 5; seed++)
        fprintf(out, " %ld", saddle_escape_momentum(0.0, SADDLE_MOMENTUM_LR, SADDLE_MOMENTUM, 1e-8, seed, 100000));
    fprintf(out, " steps\n");
}

void print_plateau(FILE *out)
{
    struct function f = plateau_function();
    double w[1] = {-10.0}, grad[1];
    f.gradient(&f, grad, w);
    struct gd_run stuck = gradient_descent(&f, w, 1.0, 1e-4, 100000, NULL, 1);
    double w0[1] = {0.0};
    struct gd_run fine = gradient_descent(&f, w0, 1.0, 1e-4, 100000, NULL, 1);
    fprintf(out, "Plateau f(w) = (sigmoid(w) - 0.9)^2, minimum 0 at w = ln 9 = %.4f;\n"
                 "gradient descent, lr 1, stopping when |f'(w)| < 1e-4\n\n", log(9.0));
    fprintf(out, "%-8s %-12s %-7s %-14s %s\n", "start", "|f'| there", "steps", "stopped at w", "f there");
    fprintf(out, "%-8g %-12.3g %-7ld %-14.4f %.3g\n", -10.0, fabs(grad[0]), stuck.steps, w[0], stuck.loss);
    f.gradient(&f, grad, (double[]){0.0});
    fprintf(out, "%-8g %-12.3g %-7ld %-14.4f %.3g\n", 0.0, fabs(grad[0]), fine.steps, w0[0], fine.loss);
}

/* The chains of the table: linear 2, linear 0.5, tanh 2, tanh 0.5, sigmoid 2. */
static const double chain_weights[] = {2.0, 0.5, 2.0, 0.5, 2.0};
static const int chain_acts[] = {CHAIN_LINEAR, CHAIN_LINEAR, CHAIN_TANH, CHAIN_TANH, CHAIN_SIGMOID};
enum { CHAIN_COLUMNS = sizeof chain_weights / sizeof chain_weights[0] };

double chain_fixed_point(int activation, double w)
{
    double a = 1.0;
    for (int i = 0; i < 2000; i++)
        a = chain_activate(activation, w * a);
    return a;
}

double chain_layer_factor(int activation, double w)
{
    return w * chain_slope_at(activation, chain_fixed_point(activation, w));     /* (10.3) */
}

double tanh_fixed_point(double w)
{
    return chain_fixed_point(CHAIN_TANH, w);
}

double chain_slope(double w, int activation)
{
    double weights[CHAIN_MAX];
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int j = 0; j < CHAIN_MAX; j++)
        weights[j] = w;
    for (int depth = 1; depth <= CHAIN_MAX; depth++) {
        double y = log(fabs(chain_first_factor(weights, (size_t)depth, activation, 1.0)));
        n += 1; sx += depth; sy += y; sxx += (double)depth * depth; sxy += depth * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

static double chain_column(int c, int depth)
{
    double weights[CHAIN_MAX];
    for (int j = 0; j < depth; j++)
        weights[j] = chain_weights[c];
    return fabs(chain_first_factor(weights, (size_t)depth, chain_acts[c], 1.0));
}

void print_chains(FILE *out)
{
    fprintf(out, "|da_n/dw_1| of a chain with every weight w, input 1, against depth n\n\n");
    fprintf(out, "%-4s %-12s %-12s %-12s %-12s %s\n", "n", "linear w=2", "linear w=0.5", "tanh w=2",
            "tanh w=0.5", "sigmoid w=2");
    for (int depth = 1; depth <= CHAIN_MAX; depth += depth < 10 ? 3 : 10) {
        fprintf(out, "%-4d", depth);
        for (int c = 0; c < CHAIN_COLUMNS; c++)
            fprintf(out, c + 1 < CHAIN_COLUMNS ? " %-12.3g" : " %.3g\n", chain_column(c, depth));
    }
    double h = tanh_fixed_point(2.0), a = chain_fixed_point(CHAIN_SIGMOID, 2.0);
    fprintf(out, "\nslope of ln|da_n/dw_1| per layer   measured   predicted\n");
    fprintf(out, "linear w = 2                       %-10.4f %.4f (ln 2)\n", chain_slope(2.0, CHAIN_LINEAR),
            log(2.0));
    fprintf(out, "linear w = 0.5                     %-10.4f %.4f (ln 0.5)\n", chain_slope(0.5, CHAIN_LINEAR),
            log(0.5));
    fprintf(out, "tanh w = 2                         %-10.4f %.4f (ln 2(1 - a*^2), a* = %.4f)\n",
            chain_slope(2.0, CHAIN_TANH), log(chain_layer_factor(CHAIN_TANH, 2.0)), h);
    fprintf(out, "sigmoid w = 2                      %-10.4f %.4f (ln 2a*(1 - a*), a* = %.4f)\n",
            chain_slope(2.0, CHAIN_SIGMOID), log(chain_layer_factor(CHAIN_SIGMOID, 2.0)), a);
}

long explode_run(double w0, double clip, double *final_loss)
{
    struct function f = chain_function(EXPLODE_LAYERS, CHAIN_LINEAR, 1.0, 1.0, w0);
    double w[EXPLODE_LAYERS], grad[EXPLODE_LAYERS];
    for (int j = 0; j < EXPLODE_LAYERS; j++)
        w[j] = w0;
    long k;
    *final_loss = f.value(&f, w);
    for (k = 0; k < EXPLODE_STEPS; k++) {
        f.gradient(&f, grad, w);
        if (clip > 0.0)
            clip_grad_norm(grad, EXPLODE_LAYERS, clip);
        double next[EXPLODE_LAYERS];
        for (int j = 0; j < EXPLODE_LAYERS; j++)
            next[j] = w[j];
        gd_step(next, grad, EXPLODE_LAYERS, EXPLODE_LR);
        double loss = f.value(&f, next);
        if (!isfinite(loss) || !row_is_finite(loss, next, EXPLODE_LAYERS))
            break;
        for (int j = 0; j < EXPLODE_LAYERS; j++)
            w[j] = next[j];
        *final_loss = loss;
    }
    return k;
}

void print_explosion(FILE *out)
{
    double plain, clipped;
    long plain_steps = explode_run(EXPLODE_W0, 0.0, &plain), clipped_steps = explode_run(EXPLODE_W0, CLIP_MAX_NORM, &clipped);
    struct function f = chain_function(EXPLODE_LAYERS, CHAIN_LINEAR, 1.0, 1.0, EXPLODE_W0);
    double grad[EXPLODE_LAYERS];
    f.gradient(&f, grad, f.start);
    fprintf(out, "Chain of 10 linear layers, every weight 1.5, input 1, target 1; SGD lr 0.1\n"
                 "loss at the start %.4g, gradient norm %.4g\n\n", f.value(&f, f.start),
            vec_norm(grad, EXPLODE_LAYERS));
    fprintf(out, "%-26s %-26s %s\n", "run", "updates before overflow", "loss at the last finite point");
    fprintf(out, "%-26s %-26ld %.4g\n", "plain", plain_steps, plain);
    fprintf(out, "%-26s %-26s %.3g\n", "clip_grad_norm 1", clipped_steps < EXPLODE_STEPS ? "?" : "none in 1000", clipped);
}

void worked_clip(double by_norm[2], double by_value[2], double *norm)
{
    by_norm[0] = by_value[0] = 3.0;
    by_norm[1] = by_value[1] = 4.0;
    *norm = clip_grad_norm(by_norm, 2, 1.0);
    clip_grad_value(by_value, 2, 1.0);
}

void print_clipping(FILE *out)
{
    double by_norm[2], by_value[2], norm;
    worked_clip(by_norm, by_value, &norm);
    fprintf(out, "g = (3, 4), |g| = %g\n", norm);
    fprintf(out, "clip_grad_norm(max_norm = 1):  (%.10f, %.10f)\n", by_norm[0], by_norm[1]);
    fprintf(out, "clip_grad_value(value = 1):    (%g, %g)\n", by_value[0], by_value[1]);
}

/* The basin maps, computed once per run of the program: Himmelblau on the
 * 40 x 40 grid and x^2 sin x on 1900 starts, each for the three runs. */
static const double basin_lr[BASIN_RUNS] = {0.01, 0.001, 0.001};
static const double basin_momentum[BASIN_RUNS] = {0.0, 0.0, 0.9};
static const char *const basin_names[BASIN_RUNS] = {"gradient descent, lr 0.01", "gradient descent, lr 0.001",
                                                    "momentum 0.9, lr 0.001"};
static signed char himmelblau_map[BASIN_RUNS][BASIN_GRID][BASIN_GRID];
static signed char x2sinx_map[BASIN_RUNS][X2SINX_STARTS];
static bool maps_done;

static double grid_point(int i)
{
    return -6.0 + 12.0 * (i + 0.5) / BASIN_GRID;
}

static double x2sinx_start(int i)
{
    return X2SINX_LOW + (X2SINX_HIGH - X2SINX_LOW) * (i + 0.5) / X2SINX_STARTS;
}

static void basin_maps(void)
{
    if (maps_done)
        return;
    for (int r = 0; r < BASIN_RUNS; r++) {
        for (int i = 0; i < BASIN_GRID; i++)
            for (int j = 0; j < BASIN_GRID; j++)
                himmelblau_map[r][i][j] = (signed char)himmelblau_basin(grid_point(i), grid_point(j), basin_lr[r],
                                                                       basin_momentum[r], BASIN_STEPS);
        for (int i = 0; i < X2SINX_STARTS; i++)
            x2sinx_map[r][i] = (signed char)x2sinx_basin(x2sinx_start(i), basin_lr[r], basin_momentum[r],
                                                         BASIN_STEPS);
    }
    maps_done = true;
}

struct basin_change basin_change(int from, int to)
{
    basin_maps();
    struct basin_change c = {0, 0};
    for (int i = 0; i < BASIN_GRID; i++)
        for (int j = 0; j < BASIN_GRID; j++) {
            if (himmelblau_map[from][i][j] == himmelblau_map[to][i][j])
                continue;
            c.changed++;
            bool edge = false;      /* a neighbour in from's map ends elsewhere */
            for (int di = -1; di <= 1; di++)
                for (int dj = -1; dj <= 1; dj++) {
                    int ni = i + di, nj = j + dj;
                    if (ni >= 0 && nj >= 0 && ni < BASIN_GRID && nj < BASIN_GRID
                        && himmelblau_map[from][ni][nj] != himmelblau_map[from][i][j])
                        edge = true;
                }
            c.next_to_boundary += edge;
        }
    return c;
}

/* Restarts on x^2 sin x: for each seed, X2SINX_TRIES uniform starts on
 * [X2SINX_LOW, X2SINX_HIGH], gradient descent lr 0.01; the fraction that
 * reach the lowest minimum, -8.096. */
double restart_fraction(uint64_t seed)
{
    struct rng rng;
    int hits = 0;
    rng_seed(&rng, seed);
    for (int t = 0; t < X2SINX_TRIES; t++) {
        double x0 = X2SINX_LOW + (X2SINX_HIGH - X2SINX_LOW) * rng_uniform(&rng);
        hits += x2sinx_basin(x0, 0.01, 0.0, BASIN_STEPS) == 0;
    }
    return (double)hits / X2SINX_TRIES;
}

void restart_spread(double *mean, double *sd, double *low, double *high)
{
    double sum = 0, sum2 = 0;
    *low = 1, *high = 0;
    for (uint64_t seed = 1; seed <= RESTART_SEEDS; seed++) {
        double p = restart_fraction(seed);
        sum += p;
        sum2 += p * p;
        *low = fmin(*low, p);
        *high = fmax(*high, p);
    }
    *mean = sum / RESTART_SEEDS;
    *sd = sqrt((sum2 - RESTART_SEEDS * *mean * *mean) / (RESTART_SEEDS - 1));
}

/* The share of [X2SINX_LOW, X2SINX_HIGH] that drains into -8.096: from the
 * low end to the maximum at -5.087 (the minimum's basin for a small step). */
double restart_fraction_predicted(void)
{
    return (X2SINX_MAX_BETWEEN - X2SINX_LOW) / (X2SINX_HIGH - X2SINX_LOW);
}

void print_basins(FILE *out)
{
    basin_maps();
    fprintf(out, "Himmelblau from %d x %d starts on [-6, 6]^2, %d steps: starts per minimum\n\n",
            BASIN_GRID, BASIN_GRID, BASIN_STEPS);
    fprintf(out, "%-28s %-8s %-10s %-11s %-10s %s\n", "run", "(3,2)", "(-2.8,3.1)", "(-3.8,-3.3)", "(3.6,-1.8)",
            "none");
    for (int r = 0; r < BASIN_RUNS; r++) {
        int counts[5] = {0};
        for (int i = 0; i < BASIN_GRID; i++)
            for (int j = 0; j < BASIN_GRID; j++)
                counts[himmelblau_map[r][i][j] + 1]++;
        fprintf(out, "%-28s %-8d %-10d %-11d %-10d %d\n", basin_names[r], counts[1], counts[2], counts[3],
                counts[4], counts[0]);
    }
    static const int pairs[3][2] = {{0, 1}, {1, 2}, {0, 2}};
    static const char *const what[3] = {"the rate alone (0.01 -> 0.001)", "momentum alone (0 -> 0.9)",
                                        "both (the first run -> the third)"};
    fprintf(out, "\n%-34s %-15s %s\n", "starts whose minimum changes with", "of 1600", "next to a boundary");
    for (int p = 0; p < 3; p++) {
        struct basin_change c = basin_change(pairs[p][0], pairs[p][1]);
        fprintf(out, "%-34s %-15d %d (%.0f %%)\n", what[p], c.changed, c.next_to_boundary,
                100.0 * c.next_to_boundary / c.changed);
    }

    fprintf(out, "\nx^2 sin x from %d starts on [%g, %g], %d steps: starts per minimum\n\n", X2SINX_STARTS,
            X2SINX_LOW, X2SINX_HIGH, BASIN_STEPS);
    fprintf(out, "%-28s %-8s %-8s %-8s %s\n", "run", "-8.096", "-2.289", "5.087", "none");
    for (int r = 0; r < BASIN_RUNS; r++) {
        int counts[4] = {0};
        for (int i = 0; i < X2SINX_STARTS; i++)
            counts[x2sinx_map[r][i] + 1]++;
        fprintf(out, "%-28s %-8d %-8d %-8d %d\n", basin_names[r], counts[1], counts[2], counts[3], counts[0]);
    }
    double mean, sd, low, high;
    restart_spread(&mean, &sd, &low, &high);
    fprintf(out, "\nrestarts: %d uniform starts per seed, gradient descent lr 0.01, seeds 1-%d\n", X2SINX_TRIES,
            RESTART_SEEDS);
    fprintf(out, "fraction reaching -8.096: %.3f +- %.3f (sd; %.2f to %.2f); the basin's share %.4f\n", mean, sd,
            low, high, restart_fraction_predicted());
    fprintf(out, "expected runs until one reaches it, 1/p: %.2f (from the share: %.2f)\n", 1.0 / mean,
            1.0 / restart_fraction_predicted());
}

void print_values(FILE *out)
{
    fprintf(out, "saddle_steps_6 %ld\n", saddle_escape_steps(1e-6, SADDLE_ETA, 0.0, 0, 100000));
    fprintf(out, "tanh_fixed_point %.4f\n", tanh_fixed_point(2.0));
    fprintf(out, "tanh_factor %.4f\n", chain_layer_factor(CHAIN_TANH, 2.0));
    fprintf(out, "sigmoid_fixed_point %.4f\n", chain_fixed_point(CHAIN_SIGMOID, 2.0));
    fprintf(out, "sigmoid_factor %.4f\n", chain_layer_factor(CHAIN_SIGMOID, 2.0));
    fprintf(out, "sigmoid_slope %.4f\n", chain_slope(2.0, CHAIN_SIGMOID));
    struct function f = plateau_function();
    double grad[1];
    f.gradient(&f, grad, f.start);
    fprintf(out, "plateau_gradient %.1e\n", fabs(grad[0]));
    fprintf(out, "plateau_loss %.2f\n", f.value(&f, f.start));
    struct basin_change lr = basin_change(0, 1), momentum = basin_change(1, 2), both = basin_change(0, 2);
    fprintf(out, "basins_changed_lr %d\n", lr.changed);
    fprintf(out, "basins_changed_momentum %d\n", momentum.changed);
    fprintf(out, "basins_changed %d\n", both.changed);
    fprintf(out, "basins_boundary_lr %.0f\n", 100.0 * lr.next_to_boundary / lr.changed);
    fprintf(out, "basins_boundary_momentum %.0f\n", 100.0 * momentum.next_to_boundary / momentum.changed);
    fprintf(out, "basins_boundary %.0f\n", 100.0 * both.next_to_boundary / both.changed);
    int moved = 0, none[BASIN_RUNS] = {0};
    for (int i = 0; i < X2SINX_STARTS; i++)
        for (int r = 0; r < BASIN_RUNS; r++) {
            none[r] += x2sinx_map[r][i] < 0;
            for (int q = 0; q < r; q++)     /* reached a minimum in both, not the same */
                moved += x2sinx_map[r][i] >= 0 && x2sinx_map[q][i] >= 0 && x2sinx_map[r][i] != x2sinx_map[q][i];
        }
    fprintf(out, "x2sinx_moved %d\n", moved);
    fprintf(out, "x2sinx_none %d\n", none[0]);
    fprintf(out, "x2sinx_none_slow %d\n", none[1] - none[0]);
    double mean, sd, low, high;
    restart_spread(&mean, &sd, &low, &high);
    fprintf(out, "restart_p %.3f\n", mean);
    fprintf(out, "restart_sd %.3f\n", sd);
    fprintf(out, "restart_low %.2f\n", low);
    fprintf(out, "restart_high %.2f\n", high);
    fprintf(out, "restart_runs %.2f\n", 1.0 / mean);
    fprintf(out, "restart_share %.4f\n", restart_fraction_predicted());
    fprintf(out, "restart_runs_share %.2f\n", 1.0 / restart_fraction_predicted());
    double plain;
    fprintf(out, "explode_steps %ld\n", explode_run(EXPLODE_W0, 0.0, &plain));
    fprintf(out, "saddle_momentum_steps_6 %ld\n",
            saddle_escape_momentum(1e-6, SADDLE_MOMENTUM_LR, SADDLE_MOMENTUM, 0.0, 0, 100000));
}

void write_csv(const char *dir)
{
    FILE *out = csv_create(dir, "saddle.csv");
    fprintf(out, "delta,measured,predicted,approximate\n");
    for (int e = 1; e <= 15; e++) {
        double delta = pow(10.0, -e);
        fprintf(out, "%.17g,%ld,%ld,%.17g\n", delta, saddle_escape_steps(delta, SADDLE_ETA, 0.0, 0, 100000),
                saddle_escape_predicted(delta, SADDLE_ETA), log(1.0 / delta) / SADDLE_ETA);
    }
    csv_close(out, "saddle.csv");

    out = csv_create(dir, "chains.csv");
    fprintf(out, "n,linear_2,linear_05,tanh_2,tanh_05,sigmoid_2\n");
    for (int depth = 1; depth <= CHAIN_MAX; depth++) {
        fprintf(out, "%d", depth);
        for (int c = 0; c < CHAIN_COLUMNS; c++)
            fprintf(out, ",%.17g", chain_column(c, depth));
        fputc('\n', out);
    }
    csv_close(out, "chains.csv");

    basin_maps();
    out = csv_create(dir, "basins.csv");
    fprintf(out, "x1,x2,lr_01,lr_001,momentum\n");
    for (int i = 0; i < BASIN_GRID; i++) {
        for (int j = 0; j < BASIN_GRID; j++)
            fprintf(out, "%.17g,%.17g,%d,%d,%d\n", grid_point(i), grid_point(j), himmelblau_map[0][i][j],
                    himmelblau_map[1][i][j], himmelblau_map[2][i][j]);
        fputc('\n', out);        /* gnuplot: one scan line per x1 */
    }
    csv_close(out, "basins.csv");

    out = csv_create(dir, "x2sinx_basins.csv");
    fprintf(out, "x0,lr_01,lr_001,momentum\n");
    for (int i = 0; i < X2SINX_STARTS; i++) {
        double ends[BASIN_RUNS];
        for (int r = 0; r < BASIN_RUNS; r++)
            ends[r] = x2sinx_map[r][i] < 0 ? NAN : x2sinx_minima[x2sinx_map[r][i]];
        fprintf(out, "%.17g", x2sinx_start(i));
        for (int r = 0; r < BASIN_RUNS; r++)
            if (isnan(ends[r]))
                fprintf(out, ",");
            else
                fprintf(out, ",%.17g", ends[r]);
        fputc('\n', out);
    }
    csv_close(out, "x2sinx_basins.csv");

    out = csv_create(dir, "explode.csv");
    fprintf(out, "step,plain,clipped\n");
    struct function f = chain_function(EXPLODE_LAYERS, CHAIN_LINEAR, 1.0, 1.0, EXPLODE_W0);
    double w[2][EXPLODE_LAYERS], grad[EXPLODE_LAYERS];
    bool alive = true;
    for (int j = 0; j < EXPLODE_LAYERS; j++)
        w[0][j] = w[1][j] = EXPLODE_W0;
    for (int k = 0; k <= 200; k++) {
        double plain = f.value(&f, w[0]), clipped = f.value(&f, w[1]);
        alive = alive && isfinite(plain);
        fprintf(out, "%d,", k);
        if (alive)
            fprintf(out, "%.17g", plain);
        fprintf(out, ",%.17g\n", clipped);
        for (int c = 0; c < 2; c++) {
            f.gradient(&f, grad, w[c]);
            if (c == 1)
                clip_grad_norm(grad, EXPLODE_LAYERS, CLIP_MAX_NORM);
            if (c == 0 && !alive)
                continue;
            gd_step(w[c], grad, EXPLODE_LAYERS, EXPLODE_LR);
        }
    }
    csv_close(out, "explode.csv");
}
