/* plot.c: drawing a run with gnuplot (see plot.h).
 *
 * The rows and, for a 2-D function, a grid of f around the path are written
 * as CSV into a fresh temporary folder; a gnuplot script is piped to
 * gnuplot, whose last message is shown if it fails; gnuplot draws into the
 * folder too, and the folder is removed whatever happens.  No text the
 * user gives reaches gnuplot as a command: the picture's path stays in C,
 * and the title is written with octal escapes (put_gnuplot_string).
 * The contour levels are log-spaced between the grid's lowest and highest
 * value, so that the floor of a valley gets as many lines as its walls.
 */
#define _POSIX_C_SOURCE 200809L

#include "A-lab/plot.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <signal.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define GRID 121            /* grid points per axis */
#define LEVELS 14           /* contour lines */

static int ends_with(const char *text, const char *suffix)
{
    size_t n = strlen(text), m = strlen(suffix);
    return n >= m && strcmp(text + n - m, suffix) == 0;
}

static int on_path(const char *program)
{
    const char *path = getenv("PATH");
    char candidate[4096];
    while (path != NULL && *path != '\0') {
        size_t length = strcspn(path, ":");
        snprintf(candidate, sizeof candidate, "%.*s/%s", (int)length, path, program);
        if (length > 0 && access(candidate, X_OK) == 0)
            return 1;
        path += length + (path[length] == ':');
    }
    return 0;
}

void plot_check(const char *image)
{
    if (!ends_with(image, ".svg") && !ends_with(image, ".png"))
        fail(EXIT_USAGE, "--plot: '%s' must end in .svg or .png", image);
    if (!on_path("gnuplot"))
        fail(EXIT_USAGE, "--plot needs gnuplot, which is not on the PATH (Debian: apt-get "
             "install gnuplot-nox)");
    output_check_writable("--plot", image);
}

/* The box around the path (columns 3 and 4 of the rows, x1 and x2), whose
 * points are also copied to path, whitespace-separated as contours are. */
static void path_box(FILE *rows, FILE *path, double box[4])
{
    char line[1024];
    long step;
    double loss, x1, x2;
    box[0] = box[2] = INFINITY;
    box[1] = box[3] = -INFINITY;
    rewind(rows);
    while (fgets(line, sizeof line, rows) != NULL)
        if (sscanf(line, "%ld,%lf,%lf,%lf", &step, &loss, &x1, &x2) == 4) {
            fprintf(path, "%.17g %.17g\n", x1, x2);
            box[0] = fmin(box[0], x1), box[1] = fmax(box[1], x1);
            box[2] = fmin(box[2], x2), box[3] = fmax(box[3], x2);
        }
    for (int axis = 0; axis < 2; axis++) {    /* a margin, and never a flat box */
        double *low = &box[2 * axis], *high = &box[2 * axis + 1];
        double margin = 0.15 * fmax(*high - *low, 1.0);
        *low -= margin, *high += margin;
    }
}

/* The lowest loss of the rows (column 2): a log scale needs it above 0,
 * which a run that lands exactly on the minimum, or x2sinx below 0, is not. */
static double lowest_loss(FILE *rows)
{
    char line[1024];
    long step;
    double loss, lowest = INFINITY;
    bool line_start = true;    /* a row of many weights comes in several pieces */
    rewind(rows);
    while (fgets(line, sizeof line, rows) != NULL) {
        if (line_start && sscanf(line, "%ld,%lf", &step, &loss) == 2)
            lowest = fmin(lowest, loss);
        line_start = strchr(line, '\n') != NULL;
    }
    return lowest;
}

/* f on a GRID x GRID grid over box, one block per x1 (what splot reads);
 * the lowest and highest values go to range. */
static void write_grid(FILE *file, const struct function *f, const double box[4],
                       double range[2])
{
    range[0] = INFINITY, range[1] = -INFINITY;
    for (int i = 0; i < GRID; i++) {
        for (int j = 0; j < GRID; j++) {
            double x[2] = {box[0] + (box[1] - box[0]) * i / (GRID - 1),
                           box[2] + (box[3] - box[2]) * j / (GRID - 1)};
            double value = f->value(f, x);
            if (isfinite(value))
                range[0] = fmin(range[0], value), range[1] = fmax(range[1], value);
            else
                value = DBL_MAX;        /* off every contour; the grid keeps its shape */
            fprintf(file, "%.17g,%.17g,%.17g\n", x[0], x[1], value);
        }
        fputc('\n', file);
    }
}

/* Copy from (from its start) to to; false if a read or a write failed. */
static bool copy_file(FILE *from, FILE *to)
{
    char buffer[8192];
    size_t got;
    rewind(from);
    while ((got = fread(buffer, 1, sizeof buffer, from)) > 0)
        if (fwrite(buffer, 1, got, to) != got)
            return false;
    return !ferror(from) && fflush(to) == 0 && !ferror(to);
}

/* text as a double-quoted gnuplot string in which every byte but letters,
 * digits and " ,.:=/+_-" is an octal escape (\140 for a backquote): no
 * backquote, @, quote or newline of the user's text ever reaches gnuplot's
 * command line, where it could run a shell command or expand a macro. */
static void put_gnuplot_string(FILE *gnuplot, const char *text)
{
    static const char plain[] = " ,.:=/+_-";
    fputc('"', gnuplot);
    for (const unsigned char *c = (const unsigned char *)text; *c != '\0'; c++) {
        if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
            strchr(plain, *c) != NULL)
            fputc(*c, gnuplot);
        else
            fprintf(gnuplot, "\\%03o", *c);
    }
    fputc('"', gnuplot);
}

/* The look of plots/style.gp: one colour per role, a quiet frame (but no
 * autotitle from column headers: the grid and contour files have none). */
static const char style[] =
    "set encoding utf8\n"
    "set datafile separator comma\n"
    "set border 3\n"
    "set tics nomirror out\n"
    "set grid lc rgb '#e4e4e4' lw 1\n"
    "set key top right box opaque\n"
    "set style line 1 lc rgb '#1f77b4' lw 2 pt 7 ps 0.6\n"
    "set style line 5 lc rgb '#9467bd' lw 2 pt 13 ps 0.6\n"
    "set style line 6 lc rgb '#7f7f7f' lw 1.5 dt 2 pt 6 ps 1.2\n"
    "set style line 9 lc rgb '#b0b0b0' lw 1\n";

/* The files of one drawing, all in a fresh temporary folder. */
enum { ROWS, GRID_FILE, PATH, CONTOURS, PICTURE, LOG, FILES };

struct drawing {
    const char *folder;     /* $TMPDIR (or /tmp)/descent-plot-XXXXXX */
    char path[FILES][272];
};

static FILE *create(const char *path, char *message, size_t size)
{
    FILE *file = fopen(path, "w");
    if (file == NULL)
        snprintf(message, size, "cannot write %s: %s", path, strerror(errno));
    return file;
}

/* The last non-blank line of gnuplot's messages into message. */
static void gnuplot_message(const char *log, char *message, size_t size)
{
    char line[512];
    FILE *file = fopen(log, "r");
    snprintf(message, size, "gnuplot failed");
    while (file != NULL && fgets(line, sizeof line, file) != NULL) {
        line[strcspn(line, "\n")] = '\0';
        if (line[strspn(line, " ")] != '\0')
            snprintf(message, size, "gnuplot: %s", line + strspn(line, " "));
    }
    if (file != NULL)
        fclose(file);
}

/* The script for gnuplot: the look, the contours (2-D), the panels. */
static bool write_script(FILE *gnuplot, const struct drawing *d, const char *image,
                         FILE *rows, const struct function *f, const char *title,
                         char *message, size_t size)
{
    int two_d = f != NULL && f->dim == 2;
    FILE *file;
    fputs(style, gnuplot);
    if (two_d) {    /* contour lines of f around the path, as a table first */
        double box[4], range[2];
        bool written;
        if ((file = create(d->path[PATH], message, size)) == NULL)
            return false;
        path_box(rows, file, box);
        written = !ferror(file);
        if (fclose(file) != 0 || !written)
            return snprintf(message, size, "writing %s failed", d->path[PATH]), false;
        if ((file = create(d->path[GRID_FILE], message, size)) == NULL)
            return false;
        write_grid(file, f, box, range);
        written = !ferror(file);
        if (fclose(file) != 0 || !written)
            return snprintf(message, size, "writing %s failed", d->path[GRID_FILE]), false;
        fputs("set contour base\nunset surface\nset view map\n"
              "set cntrparam levels discrete ", gnuplot);
        for (int k = 0; k < LEVELS; k++) {    /* lowest + spread times 10^-4 .. 10^0 */
            double fraction = pow(10.0, -4.0 + 4.0 * k / (LEVELS - 1));
            fprintf(gnuplot, "%s%.17g", k ? "," : "",
                    range[0] + (range[1] - range[0]) * fraction);
        }
        fprintf(gnuplot, "\nset table '%s'\nsplot '%s' using 1:2:3 with lines notitle\n"
                "unset table\n", d->path[CONTOURS], d->path[GRID_FILE]);
    }

    if (ends_with(image, ".svg"))
        fprintf(gnuplot, "set terminal svg size %d,480 dynamic enhanced font "
                "'Helvetica,13' background rgb 'white'\n", two_d ? 1200 : 720);
    else
        fprintf(gnuplot, "set terminal pngcairo size %d,480 enhanced font 'Helvetica,11' "
                "background rgb 'white'\n", two_d ? 1200 : 720);
    /* gnuplot draws into the folder; the picture is copied to the user's
     * path by C, so that no name the user gives is ever read by gnuplot
     * (a name starting with | would be a shell command there). */
    fprintf(gnuplot, "set output '%s'\n", d->path[PICTURE]);
    fputs(two_d ? "set multiplot layout 1,2 title " : "set title ", gnuplot);
    put_gnuplot_string(gnuplot, title);
    fputs(" noenhanced\n", gnuplot);

    /* the loss against the step, on a log scale when every loss is above 0 */
    fputs("set xrange [*:*]\nset yrange [*:*]\nset xlabel 'step'\n", gnuplot);
    if (lowest_loss(rows) > 0.0)
        fputs("set ylabel 'loss (log scale)'\nset logscale y\nset format y '10^{%T}'\n",
              gnuplot);
    else
        fputs("set ylabel 'loss (linear scale: not every loss is above 0)'\n", gnuplot);
    fprintf(gnuplot, "plot '%s' skip 1 using 1:2 with lines ls 5 title 'loss'\n",
            d->path[ROWS]);
    if (two_d)
        fprintf(gnuplot,
                "unset logscale y\nset format y '%%g'\n"
                "set xrange [*:*]\nset yrange [*:*]\n"
                "set datafile separator whitespace\n"
                "set xlabel 'x1'\nset ylabel 'x2'\n"
                "plot '%s' using 1:2 with lines ls 9 title 'contours of f', \\\n"
                "     '%s' using 1:2 with linespoints ls 1 title 'path', \\\n"
                "     '' every ::0::0 using 1:2 with points ls 6 title 'start'\n"
                "unset multiplot\n",
                d->path[CONTOURS], d->path[PATH]);
    fputs("unset output\n", gnuplot);
    return true;
}

/* gnuplot, started without a shell: its input a pipe (returned), its
 * messages into log; NULL with errno if it could not be started. */
static FILE *start_gnuplot(const char *log, pid_t *child)
{
    int ends[2];
    FILE *to;
    if (pipe(ends) != 0)
        return NULL;
    fflush(NULL);               /* no buffered output is written twice */
    *child = fork();
    if (*child < 0) {
        close(ends[0]), close(ends[1]);
        return NULL;
    }
    if (*child == 0) {
        int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
        if (fd < 0 || dup2(ends[0], 0) < 0 || dup2(fd, 2) < 0)
            _exit(127);
        close(ends[1]);
        execlp("gnuplot", "gnuplot", (char *)NULL);
        _exit(127);
    }
    close(ends[0]);
    to = fdopen(ends[1], "w");
    if (to == NULL)
        close(ends[1]);
    return to;
}

/* Everything but the last step of plot_draw, which removes the folder. */
static bool draw(const struct drawing *d, const char *image, FILE *rows,
                 const struct function *f, const char *title, char *message, size_t size)
{
    FILE *file, *gnuplot, *out;
    bool copied, written;
    pid_t child;
    int status;
    if ((file = create(d->path[ROWS], message, size)) == NULL)
        return false;
    copied = copy_file(rows, file);
    if (fclose(file) != 0 || !copied)
        return snprintf(message, size, "writing %s failed", d->path[ROWS]), false;

    gnuplot = start_gnuplot(d->path[LOG], &child);
    if (gnuplot == NULL)
        return snprintf(message, size, "cannot run gnuplot: %s", strerror(errno)), false;
    written = write_script(gnuplot, d, image, rows, f, title, message, size);
    written &= fflush(gnuplot) == 0 && !ferror(gnuplot);
    written &= fclose(gnuplot) == 0;
    if (waitpid(child, &status, 0) != child || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0 || !written) {
        if (message[0] == '\0')
            gnuplot_message(d->path[LOG], message, size);
        return false;
    }

    /* The picture, copied to where the user asked for it. */
    file = fopen(d->path[PICTURE], "rb");
    if (file == NULL)
        return snprintf(message, size, "gnuplot drew nothing"), false;
    out = fopen(image, "wb");
    if (out == NULL) {
        snprintf(message, size, "cannot write %s: %s", image, strerror(errno));
        fclose(file);
        return false;
    }
    copied = copy_file(file, out);
    fclose(file);
    if (fclose(out) != 0 || !copied) {
        snprintf(message, size, "writing %s failed: %s", image, strerror(errno));
        remove(image);
        return false;
    }
    return true;
}

bool plot_draw(const char *image, FILE *rows, const struct function *f, const char *title,
               char *message, size_t size)
{
    static const char *const names[FILES] = {"rows.csv", "grid.csv", "path.dat",
                                             "contours.dat", "picture", "gnuplot.log"};
    const char *tmp = getenv("TMPDIR");
    char folder[256];
    struct drawing d;
    bool drawn;
    void (*pipe_handler)(int);
    message[0] = '\0';
    /* The folder's name goes into gnuplot's script: only a TMPDIR of
     * letters, digits and "/._-" is used, /tmp otherwise. */
    if (tmp == NULL || tmp[0] == '\0' ||
        tmp[strspn(tmp, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-")])
        tmp = "/tmp";
    if ((size_t)snprintf(folder, sizeof folder, "%s/descent-plot-XXXXXX", tmp) >=
        sizeof folder) {
        snprintf(message, size, "TMPDIR is too long for a temporary folder (at most %zu "
                 "characters)", sizeof folder - sizeof "/descent-plot-XXXXXX");
        return false;
    }
    d.folder = folder;
    if (mkdtemp(folder) == NULL) {
        snprintf(message, size, "cannot make a temporary folder: %s", strerror(errno));
        return false;
    }
    for (int k = 0; k < FILES; k++)
        snprintf(d.path[k], sizeof d.path[k], "%s/%s", folder, names[k]);
    pipe_handler = signal(SIGPIPE, SIG_IGN);    /* a gnuplot that dies is a message */
    drawn = draw(&d, image, rows, f, title, message, size);
    signal(SIGPIPE, pipe_handler);
    for (int k = 0; k < FILES; k++)             /* whatever happened, nothing stays */
        remove(d.path[k]);
    remove(d.folder);
    return drawn;
}
