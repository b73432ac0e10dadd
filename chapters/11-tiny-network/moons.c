/* moons.c: the two moons, a network against a straight line (reports.h). */
#include "00-toolkit/csv.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <stdio.h>

#define GRID 161
#define X1_LOW -1.5
#define X1_HIGH 2.5
#define X2_LOW -1.0
#define X2_HIGH 1.5

void moons_print(FILE *out, const char *csv_dir)
{
    struct task_data data;
    struct network net, line;
    struct training t = task_training(TASK_MOONS, "adam");
    double theta[2 * MOONS_HIDDEN + MOONS_HIDDEN + 2 * MOONS_HIDDEN + 2], w[3], z[2];
    struct rng rng;

    task_load(&data, TASK_MOONS);
    task_network(&net, TASK_MOONS);
    struct training_result r = task_run(&data, &t, 1, theta, NULL);
    /* the same data, the same optimizer, no hidden layer: logistic regression */
    network_init(&line, 2, 0, 1, ACTIVATION_TANH, LOSS_BCE);
    rng_seed(&rng, 1);
    network_init_parameters(&line, w, &rng);
    t.shuffle_seed = 1;
    struct training_result lr = train_network(&line, w, &t, &data.train, &data.test, NULL);
    fprintf(out, "Two moons: %d samples, noise %g, %zu to train, %zu to test; adam, lr %g, "
                 "%ld epochs of batches of %zu, seed 1\n", MOONS_COUNT, MOONS_NOISE,
            data.train.count, data.test.count, t.hyper.lr, t.epochs, t.batch_size);
    fprintf(out, "%-28s  %-10s  %s\n", "model", "test loss", "test accuracy %");
    fprintf(out, "%-28s  %-10.4f  %.1f\n", "2-8-2 tanh network", r.test_loss,
            100 * r.test_accuracy);
    fprintf(out, "%-28s  %-10.4f  %.1f\n", "logistic regression (a line)", lr.test_loss,
            100 * lr.test_accuracy);
    if (csv_dir) {
        FILE *csv = csv_create(csv_dir, "moons_samples.csv");
        fprintf(csv, "x1,x2,class\n");
        for (size_t i = 0; i < data.train.count; i++)
            fprintf(csv, "%.17g,%.17g,%g\n", data.train.x[2 * i], data.train.x[2 * i + 1],
                    data.train.y[i]);
        csv_close(csv, "moons_samples.csv");
        csv = csv_create(csv_dir, "moons_grid.csv");
        fprintf(csv, "x1,x2,p\n");
        for (int a = 0; a < GRID; a++) {
            for (int b = 0; b < GRID; b++) {
                double x[2] = {X1_LOW + (X1_HIGH - X1_LOW) * a / (GRID - 1),
                               X2_LOW + (X2_HIGH - X2_LOW) * b / (GRID - 1)};
                network_forward(&net, z, NULL, theta, x);
                fprintf(csv, "%.17g,%.17g,%.17g\n", x[0], x[1], sigmoid(z[1] - z[0]));
            }
            fprintf(csv, "\n");
        }
        csv_close(csv, "moons_grid.csv");
        csv = csv_create(csv_dir, "moons_line.gp");
        fprintf(csv, "w1 = %.17g\nw2 = %.17g\nb = %.17g\n", w[0], w[1], w[2]);
        csv_close(csv, "moons_line.gp");
    }
    network_free(&line);
    network_free(&net);
    task_free(&data);
}
