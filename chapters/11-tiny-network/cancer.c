/* cancer.c: logistic regression on breast cancer (reports.h). */
#include "00-toolkit/csv.h"
#include "11-tiny-network/experiments.h"
#include "11-tiny-network/reports.h"

#include <stdio.h>

void cancer_print(FILE *out, const char *csv_dir)
{
    fprintf(out, "Breast cancer: logistic regression, 30 standardized features, "
                 "BCEWithLogitsLoss\n");
    task_table(out, csv_dir, TASK_CANCER, "cancer");
}
