/* datafile.h: a regression data set read from a CSV file, strictly.
 *
 * The file has a header row naming the columns; every later row is one
 * sample: the features, then the target in the last column.  LF, CRLF or
 * bare CR line ends, a missing final newline, a UTF-8 byte order mark,
 * blank lines at the very end and spaces around a number are all fine.
 * Anything else that is not a finite decimal number in the right place is
 * a usage error (exit 2) naming file:line:column, with line and column
 * counted from 1 as editors count them.  Quoted cells are not supported: a
 * data file for the lab holds only numbers.
 */
#ifndef DESCENT_DATAFILE_H
#define DESCENT_DATAFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "04-batches/regression.h"

/* data <- the samples of the CSV text[0..length), which came from path
 * (used in messages only).  Stops with a message on any problem. */
void dataset_parse_csv(struct dataset *data, const char *path, const char *text,
                       size_t length);

/* data <- the samples of the file at path, or stop with a message. */
void dataset_read_csv(struct dataset *data, const char *path);

#endif
