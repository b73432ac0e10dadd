/* csv.c: CSV trajectory rows (see csv.h). */
#include "00-toolkit/csv.h"

#include "00-toolkit/fail.h"

#include <errno.h>
#include <math.h>
#include <string.h>

void csv_header(FILE *out, const char *prefix, size_t count, const char *last)
{
    fputs("step,loss", out);
    for (size_t i = 0; i < count; i++)
        fprintf(out, ",%s%zu", prefix, i + 1);
    if (last != NULL)
        fprintf(out, ",%s", last);
    fputc('\n', out);
}

void csv_row(FILE *out, long step, double loss, const double *x, size_t count)
{
    fprintf(out, "%ld,%.17g", step, loss);
    for (size_t i = 0; i < count; i++)
        fprintf(out, ",%.17g", x[i]);
    fputc('\n', out);
}

bool row_is_finite(double loss, const double *x, size_t count)
{
    if (!isfinite(loss))
        return false;
    for (size_t i = 0; i < count; i++)
        if (!isfinite(x[i]))
            return false;
    return true;
}

double vec_norm(const double *x, size_t count)
{
    double sum = 0.0;
    for (size_t i = 0; i < count; i++)
        sum += x[i] * x[i];
    return sqrt(sum);
}

FILE *csv_create(const char *dir, const char *name)
{
    char path[4096];
    FILE *file;
    if (dir[0] == '\0')
        fail(EXIT_USAGE, "--csv: the folder name is empty");
    snprintf(path, sizeof path, "%s/%s", dir, name);
    file = fopen(path, "w");
    if (file == NULL)
        fail(EXIT_USAGE, "cannot write %s: %s", path, strerror(errno));
    return file;
}

void csv_close(FILE *file, const char *name)
{
    if (ferror(file) | fclose(file))
        fail(EXIT_USAGE, "writing %s failed", name);
}
