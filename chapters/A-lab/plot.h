/* plot.h: --plot, a run drawn by gnuplot.
 *
 * Two panels for a two-dimensional function (the loss on a log scale, and
 * the path over contour lines of f), the loss alone otherwise.  The look is
 * that of the book's figures (plots/style.gp).  The picture is SVG or PNG
 * by the file's extension.
 */
#ifndef DESCENT_PLOT_H
#define DESCENT_PLOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "00-toolkit/functions.h"

/* Stop with a usage error unless image ends in .svg or .png, can be
 * written, and gnuplot is on the PATH: checked before the run, so that a
 * bad --plot never costs a run.  Leaves no file behind.  Any name is fine
 * (quotes, |, backquotes): gnuplot never reads it. */
void plot_check(const char *image);

/* Draw the CSV rows (as lab_run printed them, read from the start of the
 * file) into image.  f is the function run, or NULL for data; title heads
 * the picture (any bytes: gnuplot sees it only as escaped string data).
 * Returns true when image was written; otherwise false with one line
 * saying why (gnuplot's last message) in message[0..size).  Its temporary
 * files are removed either way. */
bool plot_draw(const char *image, FILE *rows, const struct function *f, const char *title,
               char *message, size_t size);

#endif
