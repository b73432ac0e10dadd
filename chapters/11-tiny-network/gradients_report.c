/* gradients_report.c: build/ch11 --example gradients, backpropagation
 * against chapter 5's two checks (gradient_checks.h). */
#include "11-tiny-network/by_hand.h"
#include "11-tiny-network/gradient_checks.h"
#include "11-tiny-network/reports.h"

#include <stdio.h>

static void print_row(FILE *out, const char *model, const char *loss, struct gradient_errors e)
{
    fprintf(out, "%-20s %-14s %-9.0e  %.0e\n", model, loss, e.central, e.complex_step);
}

void gradients_report(FILE *out, const char *csv_dir)
{
    struct network net;
    struct dataset data;
    double theta[BY_HAND_DIM];
    (void)csv_dir;
    fprintf(out, "Backpropagation against chapter 5's checks: worst relative error (5.7)\n"
                 "over %d random points theta in [-1, 1), %d random samples\n",
            GRADIENT_POINTS, GRADIENT_SAMPLES);
    fprintf(out, "%-20s %-14s %-9s  %s\n", "model", "loss", "central", "complex step");
    for (size_t k = 0; k < gradient_case_count; k++)
        print_row(out, gradient_cases[k].name, loss_name(gradient_cases[k].loss),
                  gradient_case_errors(&gradient_cases[k]));
    by_hand_example(&net, theta, &data, 0);
    print_row(out, "2-2-2 relu by hand", loss_name(net.loss), gradient_errors_at(&net, theta, &data));
    network_free(&net);
    dataset_free(&data);
}
