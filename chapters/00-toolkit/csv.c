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

/* The files csv_create and output_create opened, with their paths and
 * the flags that named them, for messages. */
#define NAMED 32
static struct {
    FILE *file;
    char *path;
    const char *flag;
} named[NAMED];

/* The slot of a file csv_create or output_create opened, or NAMED. */
static size_t slot_of(const FILE *file)
{
    size_t k;
    for (k = 0; k < NAMED && named[k].file != file; k++)
        ;
    return k;
}

/* Stop (exit 2): a write to the file in slot k (or, when k is NAMED, to
 * the file called name) failed, error (an errno value, or 0 when an
 * earlier write failed) saying why. */
static _Noreturn void write_failed(size_t k, const char *name, int error)
{
    const char *why = error ? strerror(error) : "an earlier write failed";
    if (k < NAMED)
        fail(EXIT_USAGE, "%s: writing %s failed: %s", named[k].flag, named[k].path, why);
    fail(EXIT_USAGE, "writing %s failed: %s", name, why);
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
    write_failed(slot_of(out), out == stdout ? "standard output" : "an output file", error);
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

/* The folder path lies in, into a fresh string: path up to its last '/'
 * without trailing slashes ("/" for "/x", "." for "x"). */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t length = slash ? (size_t)(slash - path) : 0;
    char *folder;
    while (length > 0 && path[length - 1] == '/')
        length--;
    if (slash == NULL)
        return strcpy(xcalloc(2, 1), ".");
    if (length == 0)
        length = 1;                     /* the root */
    folder = xcalloc(length + 1, 1);
    memcpy(folder, path, length);
    return folder;
}

/* The deepest folder of path's folder chain that exists (path's own
 * folder, or the first ancestor that stat finds), into a fresh string;
 * *is_folder <- whether it is a folder (or a file in the way). */
static char *existing_ancestor(const char *folder, bool *is_folder)
{
    char *here = strcpy(xcalloc(strlen(folder) + 1, 1), folder);
    struct stat status;
    while (stat(here, &status) != 0 && strcmp(here, ".") != 0 && strcmp(here, "/") != 0) {
        char *up = folder_of(here);
        free(here);
        here = up;
    }
    *is_folder = stat(here, &status) != 0 || S_ISDIR(status.st_mode);
    return here;
}

/* Stop (exit 2): path cannot be opened for writing, error (an errno value)
 * saying why; flag names the setting that chose it, a folder of files
 * (--csv DIR, in_folder true) or the file itself.  A missing folder is
 * named with "create it first (mkdir -p DIR)", a file where a folder should
 * be is named, and every other reason ends with what to give instead:
 * the flags never create folders. */
static _Noreturn void refuse_output(const char *flag, const char *path, bool in_folder, int error)
{
    const char *instead = in_folder ? "a folder" : "a file in a folder";
    char *folder = folder_of(path);
    if (error == ENOENT || error == ENOTDIR) {
        bool is_folder;
        char *found = existing_ancestor(folder, &is_folder);
        if (!is_folder)
            fail(EXIT_USAGE, "%s: cannot write %s: %s is a file, not a folder: give %s %s",
                 flag, path, found, flag, instead);
        if (strcmp(found, folder) != 0)
            fail(EXIT_USAGE, "%s: cannot write %s: there is no folder %s: create it first "
                 "(mkdir -p %s)", flag, path, folder, folder);
        free(found);
    }
    if (error == EISDIR)
        fail(EXIT_USAGE, "%s: cannot write %s: it is a folder, not a file: %s %s %s", flag,
             path, in_folder ? "move it away or give" : "give", flag,
             in_folder ? "another folder" : "a file name");
    if (error == ENAMETOOLONG)
        fail(EXIT_USAGE, "%s: cannot write %s: %s: give %s a shorter path", flag, path,
             strerror(error), flag);
    fail(EXIT_USAGE, "%s: cannot write %s: %s: give %s %s you can write to", flag, path,
         strerror(error), flag, in_folder ? "a folder" : "a file");
}

/* Open path for writing with mode, or refuse_output; a file opened is
 * remembered with flag, for csv_close's and csv_check's messages. */
static FILE *create(const char *flag, char *path, bool in_folder, const char *mode)
{
    FILE *file = fopen(path, mode);
    if (file == NULL)
        refuse_output(flag, path, in_folder, errno);
    for (size_t k = 0; k < NAMED; k++)
        if (named[k].file == NULL) {
            named[k].file = file, named[k].path = path, named[k].flag = flag;
            return file;
        }
    free(path);
    return file;
}

/* Stop as create would unless path can be written; leaves no file behind
 * and empties none ("a": what is there stays until the run). */
static void check_writable(const char *flag, const char *path, bool in_folder)
{
    bool existed = access(path, F_OK) == 0;
    FILE *file = fopen(path, "a");
    if (file == NULL)
        refuse_output(flag, path, in_folder, errno);
    fclose(file);
    if (!existed)
        remove(path);
}

void csv_check_writable(const char *dir, const char *name)
{
    char *path = csv_path(dir, name);
    check_writable("--csv", path, true);
    free(path);
}

void output_check_writable(const char *flag, const char *path)
{
    if (path[0] == '\0')
        fail(EXIT_USAGE, "%s: the file name is empty", flag);
    check_writable(flag, path, false);
}

FILE *output_create(const char *flag, const char *path, const char *mode)
{
    size_t length = strlen(path);
    if (length == 0)
        fail(EXIT_USAGE, "%s: the file name is empty", flag);
    return create(flag, memcpy(xcalloc(length + 1, 1), path, length), false, mode);
}

_Noreturn void output_refused(const char *flag, const char *path, int error)
{
    if (path[0] == '\0')
        fail(EXIT_USAGE, "%s: the file name is empty", flag);
    refuse_output(flag, path, false, error);
}

FILE *csv_create(const char *dir, const char *name)
{
    return create("--csv", csv_path(dir, name), true, "w");
}

void csv_close(FILE *file, const char *name)
{
    int failed, error;
    size_t k = slot_of(file);
    errno = 0;
    failed = ferror(file);
    error = errno;
    if (fclose(file) != 0) {
        failed = 1;
        error = errno;
    }
    if (failed)
        write_failed(k, name, error);
    if (k < NAMED) {
        free(named[k].path);
        named[k].file = NULL, named[k].path = NULL;
    }
}
