/* digits.c: the 64-32-10 network on the digits (reports.h). */
#include "00-toolkit/csv.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <stdio.h>

#define MISCLASSIFIED_SHOWN 6

void digits_print(FILE *out, const char *csv_dir)
{
    struct task_data data;
    struct network net;
    long confusion[10][10] = {{0}};
    double theta[64 * DIGITS_HIDDEN + DIGITS_HIDDEN + 10 * DIGITS_HIDDEN + 10];
    struct tuned_edit sgd = tuned_settings(TASK_DIGITS, "sgd");
    int shown = 0;

    fprintf(out, "Digits: 8 x 8 images, pixels / 16, a 64-%d-10 tanh network, "
                 "CrossEntropyLoss\n", DIGITS_HIDDEN);
    task_table(out, csv_dir, TASK_DIGITS, "digits");

    task_load(&data, TASK_DIGITS);
    task_network(&net, TASK_DIGITS);
    tuned_run(&data, &sgd, 1, theta, NULL);     /* task_table's seed 1, remembered */
    FILE *gp = csv_dir ? csv_create(csv_dir, "misclassified.gp") : NULL;
    for (size_t i = 0; i < data.test.count; i++) {
        const double *x = data.test.x + i * 64;
        int truth = (int)data.test.y[i], said = (int)network_predict(&net, theta, x);
        confusion[truth][said]++;
        if (truth != said && shown < MISCLASSIFIED_SHOWN && gp) {
            char name[32];
            snprintf(name, sizeof name, "misclassified_%d.csv", shown);
            FILE *image = csv_create(csv_dir, name);
            for (int r = 0; r < 8; r++)
                for (int c = 0; c < 8; c++)
                    fprintf(image, "%g%s", 16 * x[r * 8 + c], c == 7 ? "\n" : ",");
            csv_close(image, name);
            fprintf(gp, "label_%d = 'a %d, read as %d'\n", shown, truth, said);
        }
        shown += truth != said;
    }
    if (gp)
        csv_close(gp, "misclassified.gp");
    fprintf(out, "\nConfusion matrix of sgd, seed 1, on the %zu test images "
                 "(row: the digit, column: the network's answer)\n     ", data.test.count);
    for (int c = 0; c < 10; c++)
        fprintf(out, "%4d", c);
    fprintf(out, "\n");
    for (int r = 0; r < 10; r++) {
        fprintf(out, "%4d ", r);
        for (int c = 0; c < 10; c++)
            fprintf(out, "%4ld", confusion[r][c]);
        fprintf(out, "\n");
    }
    fprintf(out, "%d of %zu misread\n", shown, data.test.count);
    if (csv_dir) {
        FILE *csv = csv_create(csv_dir, "confusion.csv");
        for (int r = 0; r < 10; r++)
            for (int c = 0; c < 10; c++)
                fprintf(csv, "%ld%s", confusion[r][c], c == 9 ? "\n" : ",");
        csv_close(csv, "confusion.csv");
    }
    network_free(&net);
    task_free(&data);
}
