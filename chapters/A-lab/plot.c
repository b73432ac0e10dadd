/* plot.c: drawing a run with gnuplot (see plot.h).
 *
 * The rows and, for a 2-D function, a grid of f around the path are written
 * as CSV into a fresh temporary folder; a gnuplot script is piped to
 * gnuplot, whose messages are kept in the folder and shown if it fails.
 * The contour levels are log-spaced between the grid's lowest and highest
 * value, so that the floor of a valley gets as many lines as its walls.
 */
#define _POSIX_C_SOURCE 200809L

#include "A-lab/plot.h"
#include "00-toolkit/fail.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
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
    FILE *file;
    if (!ends_with(image, ".svg") && !ends_with(image, ".png"))
        fail(EXIT_USAGE, "--plot: '%s' must end in .svg or .png", image);
    if (strpbrk(image, "'\"\n\\") != NULL)
        fail(EXIT_USAGE, "--plot: '%s': quotes, backslashes and newlines cannot be passed "
             "to gnuplot", image);
    if (!on_path("gnuplot"))
        fail(EXIT_USAGE, "--plot needs gnuplot, which is not on the PATH (Debian: apt-get "
             "install gnuplot-nox)");
    file = fopen(image, "w");
    if (file == NULL)
        fail(EXIT_USAGE, "--plot: cannot write %s: %s", image, strerror(errno));
    fclose(file);
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

static void copy_file(FILE *from, FILE *to)
{
    char buffer[8192];
    size_t got;
    rewind(from);
    while ((got = fread(buffer, 1, sizeof buffer, from)) > 0)
        fwrite(buffer, 1, got, to);
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

static FILE *create(const char *path)
{
    FILE *file = fopen(path, "w");
    if (file == NULL)
        fail(EXIT_USAGE, "--plot: cannot write %s: %s", path, strerror(errno));
    return file;
}

void plot_draw(const char *image, FILE *rows, const struct function *f, const char *title)
{
    enum { ROWS, GRID_FILE, PATH, CONTOURS, LOG, FILES };
    static const char *const names[FILES] = {"rows.csv", "grid.csv", "path.dat",
                                             "contours.dat", "gnuplot.log"};
    char folder[] = "/tmp/descent-plot-XXXXXX";
    char path[FILES][64], command[128];
    int two_d = f != NULL && f->dim == 2;
    FILE *file, *gnuplot;

    if (mkdtemp(folder) == NULL)
        fail(EXIT_USAGE, "--plot: cannot make a temporary folder: %s", strerror(errno));
    for (int k = 0; k < FILES; k++)
        snprintf(path[k], sizeof path[k], "%s/%s", folder, names[k]);
    file = create(path[ROWS]);
    copy_file(rows, file);
    fclose(file);

    snprintf(command, sizeof command, "gnuplot 2>%s", path[LOG]);
    gnuplot = popen(command, "w");
    if (gnuplot == NULL)
        fail(EXIT_USAGE, "--plot: cannot run gnuplot");
    fputs(style, gnuplot);

    if (two_d) {    /* contour lines of f around the path, as a table first */
        double box[4], range[2];
        FILE *path_file = create(path[PATH]);
        path_box(rows, path_file, box);
        fclose(path_file);
        file = create(path[GRID_FILE]);
        write_grid(file, f, box, range);
        fclose(file);
        fputs("set contour base\nunset surface\nset view map\n"
              "set cntrparam levels discrete ", gnuplot);
        for (int k = 0; k < LEVELS; k++) {    /* lowest + spread times 10^-4 .. 10^0 */
            double fraction = pow(10.0, -4.0 + 4.0 * k / (LEVELS - 1));
            fprintf(gnuplot, "%s%.17g", k ? "," : "",
                    range[0] + (range[1] - range[0]) * fraction);
        }
        fprintf(gnuplot, "\nset table '%s'\nsplot '%s' using 1:2:3 with lines notitle\n"
                "unset table\n", path[CONTOURS], path[GRID_FILE]);
    }

    if (ends_with(image, ".svg"))
        fprintf(gnuplot, "set terminal svg size %d,480 dynamic enhanced font "
                "'Helvetica,13' background rgb 'white'\n", two_d ? 1200 : 720);
    else
        fprintf(gnuplot, "set terminal pngcairo size %d,480 enhanced font 'Helvetica,11' "
                "background rgb 'white'\n", two_d ? 1200 : 720);
    fprintf(gnuplot, "set output '%s'\n", image);
    if (two_d)
        fprintf(gnuplot, "set multiplot layout 1,2 title \"%s\" noenhanced\n", title);
    else
        fprintf(gnuplot, "set title \"%s\" noenhanced\n", title);

    /* the loss against the step, on a log scale when every loss is above 0 */
    fputs("set xrange [*:*]\nset yrange [*:*]\nset xlabel 'step'\n", gnuplot);
    if (lowest_loss(rows) > 0.0)
        fputs("set ylabel 'loss (log scale)'\nset logscale y\nset format y '10^{%T}'\n",
              gnuplot);
    else
        fputs("set ylabel 'loss (linear scale: not every loss is above 0)'\n", gnuplot);
    fprintf(gnuplot, "plot '%s' skip 1 using 1:2 with lines ls 5 title 'loss'\n", path[ROWS]);
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
                path[CONTOURS], path[PATH]);
    fflush(gnuplot);
    if (pclose(gnuplot) != 0) {     /* gnuplot's last line names the error */
        char line[512], last[512] = "gnuplot failed";
        file = fopen(path[LOG], "r");
        while (file != NULL && fgets(line, sizeof line, file) != NULL) {
            line[strcspn(line, "\n")] = '\0';
            if (line[strspn(line, " ")] != '\0')
                strcpy(last, line);
        }
        if (file != NULL)
            fclose(file);
        fail(EXIT_USAGE, "--plot: gnuplot failed, its messages are in %s: %s", folder, last);
    }
    for (int k = 0; k < FILES; k++)
        remove(path[k]);
    remove(folder);
}
