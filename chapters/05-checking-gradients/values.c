/* values.c: the named values of chapter 5 (values.h). */
#include "05-checking-gradients/values.h"
#include "05-checking-gradients/differences.h"
#include "05-checking-gradients/gradcheck.h"
#include "05-checking-gradients/specimen.h"

#include <math.h>

void chapter5_values(FILE *out)
{
    static struct error_curve curve;
    struct specimen s;
    struct specimen_run run;
    double sum_x = 0.0, sum_xx = 0.0, theta_star;

    exp_error_curve(&curve, CURVE_POINTS, CURVE_SEED);
    fprintf(out, "eps_mach %.1e\n", EPS_MACH);
    fprintf(out, "forward_best_h %.1e\n", best_forward_step(1.0, 1.0));
    fprintf(out, "forward_best_h_measured %.1e\n", curve_best_step(&curve, curve.forward));
    fprintf(out, "central_best_h %.1e\n", best_central_step(1.0, 1.0));
    fprintf(out, "central_best_h_measured %.1e\n", curve_best_step(&curve, curve.central));
    fprintf(out, "forward_slope %.2f\n", curve_slope(&curve, curve.forward, 1e-3));
    fprintf(out, "central_slope %.2f\n", curve_slope(&curve, curve.central, 1e-3));
    fprintf(out, "rounding_slope %.2f\n", curve_slope(&curve, curve.forward, 1e-13));
    fprintf(out, "gradcheck_step %.1e\n", gradcheck_step(0.0));

    specimen_init(&s, SPECIMEN_SEED_VALUE, SPECIMEN_SEED);
    for (size_t i = 0; i < SPECIMEN_COUNT; i++) {
        sum_x += s.x[i];
        sum_xx += s.x[i] * s.x[i];
    }
    theta_star = specimen_theta_star(&s);
    run = specimen_descent(&s, NULL);
    fprintf(out, "specimen_sum_x %.2f\n", sum_x);
    fprintf(out, "specimen_sum_xx %.2f\n", sum_xx);
    fprintf(out, "specimen_seed_factor %.1f\n", 1.0 + SPECIMEN_ALPHA * sum_x * sum_x);
    fprintf(out, "specimen_seed_loss0 %.0f\n", specimen_loss(&s, s.theta0));
    fprintf(out, "specimen_seed_factor_squared %.0f\n",
            pow(1.0 + SPECIMEN_ALPHA * sum_x * sum_x, 2.0));
    fprintf(out, "specimen_overflow_step %ld\n", run.steps + 1);
    fprintf(out, "specimen_per_sample_factor %.3f\n", 1.0 + SPECIMEN_ALPHA * sum_xx);
    fprintf(out, "specimen_mean_factor %.4f\n", 1.0 + 2.0 * SPECIMEN_ALPHA * sum_xx / SPECIMEN_COUNT);
    fprintf(out, "specimen_fixed_factor %.4f\n", 1.0 - 2.0 * SPECIMEN_ALPHA * sum_xx / SPECIMEN_COUNT);
    s.stage = SPECIMEN_FIXED;
    run = specimen_descent(&s, NULL);
    fprintf(out, "specimen_theta0 %.4f\n", s.theta0);
    fprintf(out, "specimen_theta_star %.4f\n", theta_star);
    fprintf(out, "specimen_loss_star %.4f\n", specimen_loss(&s, theta_star));
    fprintf(out, "specimen_theta_final %.4f\n", run.theta);
}
