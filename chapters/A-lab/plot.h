/* plot.h: --plot, a run drawn by gnuplot.
 *
 * Two panels for a two-dimensional function (the loss on a log scale, and
 * the path over contour lines of f), the loss alone otherwise.  The look is
 * that of the book's figures (plots/style.gp).  The picture is SVG or PNG
 * by the file's extension.
 */
#ifndef DESCENT_PLOT_H
#define DESCENT_PLOT_H

#include <stdio.h>

#include "00-toolkit/functions.h"

/* Stop with a usage error unless image ends in .svg or .png, can be
 * written, and gnuplot is on the PATH: checked before the run, so that a
 * bad --plot never costs a run. */
void plot_check(const char *image);

/* Draw the CSV rows (as lab_run printed them, read from the start of the
 * file) into image.  f is the function run, or NULL for data; title heads
 * the picture.  Stops with a message if gnuplot fails. */
void plot_draw(const char *image, FILE *rows, const struct function *f, const char *title);

#endif
