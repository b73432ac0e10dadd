/* reports.h: the tables and data files build/ch11 prints, one function per
 * worked example or measurement (main.c only dispatches). */
#ifndef DESCENT_REPORTS_H
#define DESCENT_REPORTS_H

#include <stdio.h>

/* The seed's loop: its loss every 10 epochs. */
void seed_loop_print(FILE *out);

/* The seed's loop for pytorch_check.py: data, initial weights, the loss of
 * every epoch and the final weights, all with %.17g. */
void seed_loop_dump(FILE *out);

/* The numbers the chapter's text quotes, "name value" per line. */
void chapter11_values(FILE *out);

/* Train every model of the chapter and write the figures' data into dir
 * (stops with exit status 2 when dir cannot be written). */
void write_figure_data(const char *dir);

#endif
