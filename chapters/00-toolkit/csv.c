/* csv.c: CSV trajectory rows (see csv.h). */
#define _POSIX_C_SOURCE 200809L

#include "00-toolkit/csv.h"

#include "00-toolkit/fail.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The paths of the files csv_create opened, for messages. */
#define NAMED 32
static struct {
    FILE *file;
    char *path;
} named[NAMED];

static const char *name_of(FILE *file)
{
    if (file == stdout)
        return "standard output";
    for (size_t k = 0; k < NAMED; k++)
        if (named[k].file == file)
            return named[k].path;
    return "an output file";
}

bool csv_stdout_checked_later;

void csv_check(FILE *out)
{
    int error = errno;
    if (!ferror(out))
        return;
    if (out == stdout && csv_stdout_checked_later)
        return;
    if (out == stdout)
        check_stdout();
    fail(EXIT_USAGE, "writing %s failed: %s", name_of(out),
         error ? strerror(error) : "an earlier write failed");
}

void csv_header(FILE *out, const char *prefix, size_t count, const char *last)
{
    fputs("step,loss", out);
    for (size_t i = 0; i < count; i++)
        fprintf(out, ",%s%zu", prefix, i + 1);
    if (last != NULL)
        fprintf(out, ",%s", last);
    fputc('\n', out);
    csv_check(out);
}

void csv_row(FILE *out, long step, double loss, const double *x, size_t count)
{
    errno = 0;
    fprintf(out, "%ld,%.17g", step, loss);
    for (size_t i = 0; i < count; i++)
        fprintf(out, ",%.17g", x[i]);
    fputc('\n', out);
    csv_check(out);     /* a full disk or a closed pipe stops a long run here */
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

char *csv_path(const char *dir, const char *name)
{
    size_t length;
    char *path;
    if (dir[0] == '\0')
        fail(EXIT_USAGE, "--csv: the folder name is empty");
    length = strlen(dir) + 1 + strlen(name);
    path = xcalloc(length + 1, 1);
    snprintf(path, length + 1, "%s/%s", dir, name);   /* exactly length characters */
    return path;
}

/* Stop (exit 2): path, in dir, cannot be opened for writing, errno
 * saying why.  A folder that is missing, or is not a folder, is named,
 * with what to do: --csv never creates folders. */
static void cannot_write(const char *path, const char *dir)
{
    int error = errno;
    struct stat folder;
    if (error == ENOENT && stat(dir, &folder) != 0)
        fail(EXIT_USAGE, "cannot write %s: there is no folder %s: create it first (mkdir -p %s)",
             path, dir, dir);
    if (error == ENOTDIR && stat(dir, &folder) == 0 && !S_ISDIR(folder.st_mode))
        fail(EXIT_USAGE, "cannot write %s: %s is a file, not a folder: give --csv a folder", path,
             dir);
    fail(EXIT_USAGE, "cannot write %s: %s", path, strerror(error));
}

void csv_check_writable(const char *dir, const char *name)
{
    char *path = csv_path(dir, name);
    bool existed = access(path, F_OK) == 0;
    FILE *file = fopen(path, "a");      /* "a": what is there stays until the run */
    if (file == NULL)
        cannot_write(path, dir);
    fclose(file);
    if (!existed)
        remove(path);
    free(path);
}

FILE *csv_create(const char *dir, const char *name)
{
    char *path = csv_path(dir, name);
    FILE *file = fopen(path, "w");
    if (file == NULL)
        cannot_write(path, dir);
    for (size_t k = 0; k < NAMED; k++)
        if (named[k].file == NULL) {
            named[k].file = file, named[k].path = path;
            return file;
        }
    free(path);
    return file;
}

void csv_close(FILE *file, const char *name)
{
    const char *shown = name;
    int failed, error;
    size_t k;
    for (k = 0; k < NAMED && named[k].file != file; k++)
        ;
    if (k < NAMED)
        shown = named[k].path;
    errno = 0;
    failed = ferror(file);
    error = errno;
    if (fclose(file) != 0) {
        failed = 1;
        error = errno;
    }
    if (failed)
        fail(EXIT_USAGE, "writing %s failed: %s", shown,
             error ? strerror(error) : "an earlier write failed");
    if (k < NAMED) {
        free(named[k].path);
        named[k].file = NULL, named[k].path = NULL;
    }
}
