/* datafile.h: a regression data set read from a CSV file, strictly.
 *
 * The file has a header row naming the columns; every later row is one
 * sample: the features, then the target in the last column.  LF, CRLF or
 * bare CR line ends, a missing final newline, a UTF-8 byte order mark,
 * blank lines at the very end and spaces around a number are all fine.
 * Anything else that is not a finite decimal number in the right place is
 * a usage error (exit 2) naming file:line:column, with line and column
 * counted from 1 as editors count them (columns in bytes).  Quoting is
 * RFC 4180's, read by libcsv: a cell may be quoted ("1.5"), with a quote
 * inside doubled, and a quoted header name may hold commas and line breaks.
 * The habits of spreadsheets, R and pandas that make a file unreadable (';'
 * or tab separators, decimal commas, thousands separators, an index column,
 * missing values, UTF-16, comments) are each refused with a message that
 * names the cause and the fix.  A column named like a pandas index
 * ("Unnamed: 0", "index") is read, with one warning on stderr.
 */
#ifndef DESCENT_DATAFILE_H
#define DESCENT_DATAFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "04-batches/regression.h"

/* data <- the samples of the CSV text[0..length), which came from path
 * (used in messages only); dataset_free it.  Stops with a message on any
 * problem (exit 2). */
void dataset_parse_csv(struct dataset *data, const char *path, const char *text,
                       size_t length);

/* data <- the samples of the file at path, or stop with a message (exit
 * 2: a file that cannot be read, or any problem above).  The
 * file is read as a stream, in blocks: beside the data set itself (8 bytes
 * per cell), it needs one block and the text of one row. */
void dataset_read_csv(struct dataset *data, const char *path);

/* mean[j] and spread[j] <- the mean and standard deviation (population:
 * divided by n, as scikit-learn's StandardScaler) of feature j of data,
 * for j < data->features; two passes, for accuracy.  data->count >= 1 (the
 * reader refuses a file without samples). */
void dataset_feature_stats(const struct dataset *data, double *mean, double *spread);

/* The features of data, scaled to mean 0 and variance 1 with the
 * statistics of dataset_feature_stats: x[i][j] <- (x[i][j] - mean[j]) /
 * spread[j].  Returns 0, or 1 + the index of a constant feature (spread
 * 0), which cannot be scaled; data is then unchanged. */
size_t dataset_standardize(struct dataset *data, double *mean, double *spread);

#endif
