/* report.c: chapter 10's reports (see report.h). */
#include "10-failures/report.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"
#include "01-update-rule/gd.h"
#include "10-failures/chain.h"
#include "10-failures/clip.h"
#include "10-failures/landscape.h"

static const double saddle_eps[] = {1e-1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15};
enum { SADDLE_CASES = sizeof saddle_eps / sizeof saddle_eps[0] };

void print_saddle(FILE *out)
{
    fprintf(out, "Saddle (x1^2 - x2^2)/2 from (1, eps), gradient descent with lr 0.1:\n"
                 "steps until |x2| >= 1\n\n");
    fprintf(out, "%-8s %-9s %-20s %s\n", "eps", "measured", "(10.1) ceil(...)", "ln(1/eps)/lr");
    for (int i = 0; i < SADDLE_CASES; i++)
        fprintf(out, "%-8.0e %-9ld %-20ld %.1f\n", saddle_eps[i],
                saddle_escape_steps(saddle_eps[i], SADDLE_ETA, 0.0, 0, 100000),
                saddle_escape_predicted(saddle_eps[i], SADDLE_ETA), log(1.0 / saddle_eps[i]) / SADDLE_ETA);
    long on_line = saddle_escape_steps(0.0, SADDLE_ETA, 0.0, 0, 100000);
    fprintf(out, "\neps = 0 exactly: %s after 100000 steps\n", on_line < 0 ? "still on the line" : "escaped");
    fprintf(out, "eps = 0 with gradient noise 1e-8 (seeds 1-5):");
    for (uint64_t seed = 1; seed <= 5; seed++)
        fprintf(out, " %ld", saddle_escape_steps(0.0, SADDLE_ETA, 1e-8, seed, 100000));
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

static const double chain_weights[] = {2.0, 0.5};

double tanh_fixed_point(double w)
{
    double h = 1.0;
    for (int i = 0; i < 200; i++)
        h = tanh(w * h);
    return h;
}

double chain_slope(double w, int tanh_layers)
{
    double weights[CHAIN_MAX];
    double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (int j = 0; j < CHAIN_MAX; j++)
        weights[j] = w;
    for (int L = 1; L <= CHAIN_MAX; L++) {
        double y = log(fabs(chain_first_factor(weights, (size_t)L, tanh_layers, 1.0)));
        n += 1; sx += L; sy += y; sxx += (double)L * L; sxy += L * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
}

void print_chains(FILE *out)
{
    fprintf(out, "|dh_L/dw_1| of a chain with every weight w, input 1, against depth L\n\n");
    fprintf(out, "%-4s %-12s %-12s %-12s %s\n", "L", "linear w=2", "linear w=0.5", "tanh w=2", "tanh w=0.5");
    double weights[CHAIN_MAX];
    for (int L = 1; L <= CHAIN_MAX; L += L < 10 ? 3 : 10) {
        double v[4];
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j < L; j++)
                weights[j] = chain_weights[c % 2];
            v[c] = fabs(chain_first_factor(weights, (size_t)L, c >= 2, 1.0));
        }
        fprintf(out, "%-4d %-12.3g %-12.3g %-12.3g %.3g\n", L, v[0], v[1], v[2], v[3]);
    }
    double h = tanh_fixed_point(2.0);
    fprintf(out, "\nslope of ln|dh_L/dw_1| per layer   measured   predicted\n");
    fprintf(out, "linear w = 2                       %-10.4f %.4f (ln 2)\n", chain_slope(2.0, 0), log(2.0));
    fprintf(out, "linear w = 0.5                     %-10.4f %.4f (ln 0.5)\n", chain_slope(0.5, 0), log(0.5));
    fprintf(out, "tanh w = 2                         %-10.4f %.4f (ln 2(1 - h*^2), h* = %.4f)\n",
            chain_slope(2.0, 1), log(2.0 * (1.0 - h * h)), h);
}

long explode_run(double w0, double clip, double *final_loss)
{
    struct function f = chain_function(EXPLODE_LAYERS, false, 1.0, 1.0, w0);
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
    struct function f = chain_function(EXPLODE_LAYERS, false, 1.0, 1.0, EXPLODE_W0);
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

void print_basins(FILE *out)
{
    static const double lr[2] = {0.01, 0.001}, momentum[2] = {0.0, 0.9};
    int counts[2][5] = {{0}}, changed = 0;
    for (int i = 0; i < BASIN_GRID; i++)
        for (int j = 0; j < BASIN_GRID; j++) {
            double x1 = -6.0 + 12.0 * (i + 0.5) / BASIN_GRID, x2 = -6.0 + 12.0 * (j + 0.5) / BASIN_GRID;
            int b[2];
            for (int m = 0; m < 2; m++) {
                b[m] = himmelblau_basin(x1, x2, lr[m], momentum[m], BASIN_STEPS);
                counts[m][b[m] + 1]++;
            }
            changed += b[0] != b[1];
        }
    fprintf(out, "Himmelblau from %d x %d starts on [-6, 6]^2, %d steps: starts per minimum\n\n",
            BASIN_GRID, BASIN_GRID, BASIN_STEPS);
    fprintf(out, "%-28s %-8s %-8s %-8s %-8s %s\n", "run", "(3,2)", "(-2.8,3.1)", "(-3.8,-3.3)", "(3.6,-1.8)", "none");
    fprintf(out, "%-28s %-8d %-10d %-11d %-10d %d\n", "gradient descent, lr 0.01", counts[0][1], counts[0][2],
            counts[0][3], counts[0][4], counts[0][0]);
    fprintf(out, "%-28s %-8d %-10d %-11d %-10d %d\n", "momentum 0.9, lr 0.001", counts[1][1], counts[1][2],
            counts[1][3], counts[1][4], counts[1][0]);
    fprintf(out, "\nstarts whose minimum changes with momentum: %d of %d\n", changed, BASIN_GRID * BASIN_GRID);
}

void print_values(FILE *out)
{
    fprintf(out, "saddle_steps_6 %ld\n", saddle_escape_steps(1e-6, SADDLE_ETA, 0.0, 0, 100000));
    fprintf(out, "tanh_fixed_point %.4f\n", tanh_fixed_point(2.0));
    fprintf(out, "tanh_factor %.4f\n", 2.0 * (1.0 - tanh_fixed_point(2.0) * tanh_fixed_point(2.0)));
    struct function f = plateau_function();
    double grad[1];
    f.gradient(&f, grad, f.start);
    fprintf(out, "plateau_gradient %.1e\n", fabs(grad[0]));
    fprintf(out, "plateau_loss %.2f\n", f.value(&f, f.start));
    int changed = 0;
    for (int i = 0; i < BASIN_GRID; i++)
        for (int j = 0; j < BASIN_GRID; j++) {
            double x1 = -6.0 + 12.0 * (i + 0.5) / BASIN_GRID, x2 = -6.0 + 12.0 * (j + 0.5) / BASIN_GRID;
            changed += himmelblau_basin(x1, x2, 0.01, 0.0, BASIN_STEPS)
                       != himmelblau_basin(x1, x2, 0.001, 0.9, BASIN_STEPS);
        }
    fprintf(out, "basins_changed %d\n", changed);
    double plain;
    fprintf(out, "explode_steps %ld\n", explode_run(EXPLODE_W0, 0.0, &plain));
}

void write_csv(const char *dir)
{
    FILE *out = csv_create(dir, "saddle.csv");
    fprintf(out, "eps,measured,predicted,approximate\n");
    for (int e = 1; e <= 15; e++) {
        double eps = pow(10.0, -e);
        fprintf(out, "%.17g,%ld,%ld,%.17g\n", eps, saddle_escape_steps(eps, SADDLE_ETA, 0.0, 0, 100000),
                saddle_escape_predicted(eps, SADDLE_ETA), log(1.0 / eps) / SADDLE_ETA);
    }
    csv_close(out, "saddle.csv");

    out = csv_create(dir, "chains.csv");
    fprintf(out, "L,linear_2,linear_05,tanh_2,tanh_05\n");
    double weights[CHAIN_MAX];
    for (int L = 1; L <= CHAIN_MAX; L++) {
        fprintf(out, "%d", L);
        for (int c = 0; c < 4; c++) {
            for (int j = 0; j < L; j++)
                weights[j] = chain_weights[c % 2];
            fprintf(out, ",%.17g", fabs(chain_first_factor(weights, (size_t)L, c >= 2, 1.0)));
        }
        fputc('\n', out);
    }
    csv_close(out, "chains.csv");

    out = csv_create(dir, "basins.csv");
    fprintf(out, "x1,x2,plain,momentum\n");
    for (int i = 0; i < BASIN_GRID; i++) {
        for (int j = 0; j < BASIN_GRID; j++) {
            double x1 = -6.0 + 12.0 * (i + 0.5) / BASIN_GRID, x2 = -6.0 + 12.0 * (j + 0.5) / BASIN_GRID;
            fprintf(out, "%.17g,%.17g,%d,%d\n", x1, x2, himmelblau_basin(x1, x2, 0.01, 0.0, BASIN_STEPS),
                    himmelblau_basin(x1, x2, 0.001, 0.9, BASIN_STEPS));
        }
        fputc('\n', out);        /* gnuplot: one scan line per x1 */
    }
    csv_close(out, "basins.csv");

    out = csv_create(dir, "explode.csv");
    fprintf(out, "step,plain,clipped\n");
    struct function f = chain_function(EXPLODE_LAYERS, false, 1.0, 1.0, EXPLODE_W0);
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
