/* bench.c: the lab's benchmark, build/benchA (run by `make bench`).
 *
 * What reading a data file and a short run cost, measured on build/descent
 * itself, as a whole process (fork, exec, wait4), so that start-up, the
 * reader, the loop and the output are all counted:
 *   1. reading: a CSV of about 100 MB (16 features and a target, the
 *      book's generator, seed 11) in two spellings, short numerals (%.6g,
 *      as spreadsheets export) and round-trip numerals (%.17g, as the
 *      book's programs write), read by `descent --data FILE --steps 0`:
 *      megabytes per second (file size / wall time), and bytes per cell
 *      (the growth of the peak resident memory over that of a tiny file,
 *      divided by the cells);
 *   2. the seed's loop: linear regression on 1000 samples x 10 features,
 *      batches of 32 in file order, 50 epochs of SGD with lr 0.01, from
 *      zero weights, as a whole process (`--every` the last step: the
 *      first and last rows), against the same loop of PyTorch timed inside
 *      its own process (chapters/A-lab/torch_loop.py: nn.Linear,
 *      nn.MSELoss, optim.SGD in float64, the same weights), whose final
 *      weights must agree with the lab's; and the part of the lab's time
 *      that is only starting and exiting a process (`descent --version`).
 * Times are the median of several runs, in wall-clock time and in
 * processor time (a shared machine stretches the first, hardly the second).  They
 * differ from machine to machine; tests never assert them.  PyTorch is
 * looked for in /usr/bin/python3 (Debian's python3-torch); without it part
 * 2 prints "skipped", or fails under DESCENT_TORCH=1.
 */
#define _POSIX_C_SOURCE 200809L
#define _DEFAULT_SOURCE         /* wait4 */

#include "00-toolkit/fail.h"
#include "00-toolkit/rng.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define READ_RUNS 5
#define LOOP_RUNS 51                /* a run is a few milliseconds: many, for a steady median */
#define FEATURES 16

static double now(void)
{
    struct timespec t;
    if (timespec_get(&t, TIME_UTC) != TIME_UTC)
        fail(EXIT_USAGE, "timespec_get failed");
    return (double)t.tv_sec + 1e-9 * (double)t.tv_nsec;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *values, size_t count)
{
    qsort(values, count, sizeof *values, by_value);
    return count % 2 ? values[count / 2] : 0.5 * (values[count / 2 - 1] + values[count / 2]);
}

/* Run argv with stdout into out_path (or /dev/null); its wall time, its
 * processor time (user + system) into *cpu and its peak resident memory in
 * bytes into *peak (each when not NULL).  Stops unless it exits 0. */
static double run(char *const argv[], const char *out_path, double *cpu, double *peak)
{
    struct rusage usage;
    int status;
    double start = now();
    pid_t child = fork();
    if (child < 0)
        fail(EXIT_USAGE, "fork: %s", strerror(errno));
    if (child == 0) {
        int fd = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fd < 0 || dup2(fd, 1) < 0)
            _exit(127);
        execv(argv[0], argv);
        _exit(127);
    }
    if (wait4(child, &status, 0, &usage) != child)
        fail(EXIT_USAGE, "wait4: %s", strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        fail(EXIT_USAGE, "%s failed (status %d)", argv[0], status);
    if (peak)
        *peak = 1024.0 * (double)usage.ru_maxrss;       /* kilobytes on Linux */
    if (cpu)
        *cpu = (double)usage.ru_utime.tv_sec + 1e-6 * (double)usage.ru_utime.tv_usec +
               (double)usage.ru_stime.tv_sec + 1e-6 * (double)usage.ru_stime.tv_usec;
    return now() - start;
}

/* A CSV of rows x (features + 1) normal numbers in format; its size. */
static double write_csv(const char *path, size_t rows, size_t features, const char *format)
{
    FILE *file = fopen(path, "w");
    struct rng rng;
    long size;
    if (file == NULL)
        fail(EXIT_USAGE, "cannot write %s: %s", path, strerror(errno));
    rng_seed(&rng, 11);
    for (size_t j = 0; j < features; j++)
        fprintf(file, "x%zu,", j + 1);
    fputs("y\n", file);
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j <= features; j++) {
            fprintf(file, format, rng_normal(&rng));
            fputc(j < features ? ',' : '\n', file);
        }
    size = ftell(file);
    if (ferror(file) | fclose(file))
        fail(EXIT_USAGE, "writing %s failed", path);
    return (double)size;
}

/* Part 1: one spelling of the 100 MB file. */
static void reading(const char *descent, const char *folder, const char *format,
                    const char *label, double baseline)
{
    char path[256];
    double seconds[READ_RUNS], cpu[READ_RUNS], peak, size, cells;
    size_t rows = 0, bytes_per_row;
    char sample[64];
    snprintf(sample, sizeof sample, format, -1.2345678901234567);
    bytes_per_row = (FEATURES + 1) * (strlen(sample) + 1);
    rows = 100000000 / bytes_per_row;
    snprintf(path, sizeof path, "%s/%s.csv", folder, label);
    size = write_csv(path, rows, FEATURES, format);
    cells = (double)rows * (FEATURES + 1);
    char *argv[] = {(char *)descent, "--data", path, "--steps", "0", NULL};
    for (int k = 0; k < READ_RUNS; k++)
        seconds[k] = run(argv, NULL, &cpu[k], &peak);
    printf("  %-28s %6.1f MB %8zu rows %7.1f MB/s (%6.1f of CPU time) %5.2f bytes/cell\n",
           label, size / 1e6, rows, size / 1e6 / median(seconds, READ_RUNS),
           size / 1e6 / median(cpu, READ_RUNS), (peak - baseline) / cells);
    remove(path);
}

/* A python with torch: /usr/bin/python3 when it imports torch, or NULL. */
static const char *python_with_torch(void)
{
    char *argv[] = {"/usr/bin/python3", "-c", "import torch", NULL};
    pid_t child;
    int status;
    if (access(argv[0], X_OK) != 0)
        return NULL;
    child = fork();
    if (child == 0) {
        int fd = open("/dev/null", O_WRONLY);
        dup2(fd, 1), dup2(fd, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    if (child < 0 || waitpid(child, &status, 0) != child)
        return NULL;
    return WIFEXITED(status) && WEXITSTATUS(status) == 0 ? argv[0] : NULL;
}

/* Part 2: the seed's loop, the lab against PyTorch. */
static void seed_loop(const char *descent, const char *folder)
{
    char data[256], rows_path[256], torch_out[256], line[4096], last[4096] = "";
    double seconds[LOOP_RUNS], cpu[LOOP_RUNS], lab, lab_cpu, torch_seconds = NAN,
           torch_cpu = NAN, largest = 0.0;
    const char *python = python_with_torch();
    FILE *file;
    snprintf(data, sizeof data, "%s/seed-loop.csv", folder);
    snprintf(rows_path, sizeof rows_path, "%s/rows.csv", folder);
    snprintf(torch_out, sizeof torch_out, "%s/torch.txt", folder);
    write_csv(data, 1000, 10, "%.17g");
    char *argv[] = {(char *)descent, "--data", data, "--batch", "32", "--epochs", "50",
                    "--lr", "0.01", "--every", "1600", NULL};
    for (int k = 0; k < LOOP_RUNS; k++)
        seconds[k] = run(argv, rows_path, &cpu[k], NULL);
    lab = median(seconds, LOOP_RUNS);
    lab_cpu = median(cpu, LOOP_RUNS);
    printf("  the lab, a whole process:   %8.3f ms wall, %8.3f ms CPU (medians of %d)\n",
           1e3 * lab, 1e3 * lab_cpu, LOOP_RUNS);
    {
        char *version[] = {(char *)descent, "--version", NULL};
        for (int k = 0; k < LOOP_RUNS; k++)
            seconds[k] = run(version, NULL, &cpu[k], NULL);
        printf("  its start and exit alone:   %8.3f ms wall, %8.3f ms CPU (descent --version)\n",
               1e3 * median(seconds, LOOP_RUNS), 1e3 * median(cpu, LOOP_RUNS));
    }
    if (python == NULL) {
        if (getenv("DESCENT_TORCH") && strcmp(getenv("DESCENT_TORCH"), "1") == 0)
            fail(EXIT_USAGE, "DESCENT_TORCH=1, but /usr/bin/python3 cannot import torch "
                 "(Debian: apt-get install python3-torch)");
        printf("  PyTorch: skipped (/usr/bin/python3 cannot import torch)\n");
        remove(data), remove(rows_path);
        return;
    }
    char *torch_argv[] = {(char *)python, "chapters/A-lab/torch_loop.py", data, NULL};
    run(torch_argv, torch_out, NULL, NULL);

    /* PyTorch's seconds and final weights against the lab's last row. */
    file = fopen(rows_path, "r");
    while (file != NULL && fgets(line, sizeof line, file) != NULL)
        strcpy(last, line);
    if (file)
        fclose(file);
    file = fopen(torch_out, "r");
    if (file == NULL || fgets(line, sizeof line, file) == NULL ||
        sscanf(line, "seconds %lf cpu %lf", &torch_seconds, &torch_cpu) != 2 ||
        fgets(line, sizeof line, file) == NULL)
        fail(EXIT_USAGE, "chapters/A-lab/torch_loop.py printed no result");
    fclose(file);
    {
        char *lab_field = strchr(strchr(last, ',') + 1, ',') + 1, *torch_field = line;
        for (int k = 0; k < 11; k++) {          /* w1..w10, b */
            double a = strtod(lab_field, &lab_field), b = strtod(torch_field, &torch_field);
            largest = fmax(largest, fabs(a - b) / fmax(1.0, fabs(b)));
            lab_field += *lab_field == ',';
            torch_field += *torch_field == ',';
        }
    }
    printf("  PyTorch's loop, in-process: %8.3f ms wall, %8.3f ms CPU (medians of its runs)\n",
           1e3 * torch_seconds, 1e3 * torch_cpu);
    printf("  the lab is %.0f times as fast (wall), %.0f times (CPU); final weights agree "
           "to %.1e (relative)\n", torch_seconds / lab, torch_cpu / lab_cpu, largest);
    remove(data), remove(rows_path), remove(torch_out);
    if (!(largest < 1e-9))
        fail(EXIT_USAGE, "the lab and PyTorch end at different weights (%.3g apart): not "
             "the same loop", largest);
}

int main(int argc, char **argv)
{
    char folder[] = "/tmp/descent-bench-XXXXXX", tiny[256];
    const char *descent = argc > 1 ? argv[1] : "build/descent";
    double baseline;
    fail_program = "benchA";
    if (mkdtemp(folder) == NULL)
        fail(EXIT_USAGE, "cannot make a temporary folder: %s", strerror(errno));
    snprintf(tiny, sizeof tiny, "%s/tiny.csv", folder);
    write_csv(tiny, 2, FEATURES, "%.6g");
    char *tiny_argv[] = {(char *)descent, "--data", tiny, "--steps", "0", NULL};
    run(tiny_argv, NULL, NULL, &baseline);
    printf("Reading a data file (%s --data FILE --steps 0, median of %d runs):\n", descent,
           READ_RUNS);
    reading(descent, folder, "%.6g", "short numerals (%.6g)", baseline);
    reading(descent, folder, "%.17g", "round-trip numerals (%.17g)", baseline);
    printf("The seed's loop: 1000 x 10, batch 32, 50 epochs of SGD (lr 0.01):\n");
    seed_loop(descent, folder);
    remove(tiny);
    remove(folder);
    return 0;
}
