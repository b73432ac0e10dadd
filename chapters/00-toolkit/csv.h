/* csv.h: trajectories as CSV, the format every program and plot shares.
 *
 * A header row, then one row per printed step: "step,loss,x1,...,xn".
 * Numbers are printed with %.17g, enough digits for the value to read back
 * exactly, so a plot or a comparison with PyTorch sees the numbers the
 * program computed and not a rounding of them.
 *
 * Every write is checked: a row that cannot be written (a full disk, a
 * closed pipe) stops the program at once with one line naming the file
 * and the system's reason, exit 2 (fail.h).  Every flag that writes files
 * (--csv DIR, the lab's --plot FILE, ch04's --write-data FILE, ...) opens
 * them here, so a place that cannot be written is refused in one wording.
 */
#ifndef DESCENT_CSV_H
#define DESCENT_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* "step,loss,<prefix>1,...,<prefix>count" and, if last is not NULL,
 * ",<last>"; then a newline; stops (exit 2) if the write failed. */
void csv_header(FILE *out, const char *prefix, size_t count, const char *last);

/* "step,loss,x[0],...,x[count-1]" with %.17g, then a newline; stops
 * (exit 2) if the write failed. */
void csv_row(FILE *out, long step, double loss, const double *x, size_t count);

/* True when loss and every x[i] of x[0..count) are finite: the row may be
 * printed. */
bool row_is_finite(double loss, const double *x, size_t count);

/* Stop (exit 2) with the file's name and strerror if a write to out
 * failed; call it right after the write, while errno still holds why.
 * For stdout, not while csv_stdout_checked_later is true: a program that
 * must not stop alone (chapter 12's descent-mpi, whose other processes
 * wait for it in the next all-reduce) checks ferror(stdout) itself, and
 * check_stdout (fail.h) reports it. */
void csv_check(FILE *out);
extern bool csv_stdout_checked_later;

/* "dir/name", in a fresh string the caller frees, at any length; an empty
 * dir is a usage error "--csv: the folder name is empty" (exit 2). */
char *csv_path(const char *dir, const char *name);

/* Stop with a message (exit 2) unless dir/name can be written; leaves no
 * file behind and empties none.  Programs that print tables and write
 * --csv files call it for every file first, so that exit 2 means nothing
 * was produced.  The message is the one every flag that writes gives
 * (output_create below), with "--csv" as the flag and "a folder" as what
 * to give it. */
void csv_check_writable(const char *dir, const char *name);

/* Open dir/name for writing, or stop as csv_check_writable does. */
FILE *csv_create(const char *dir, const char *name);

/* Open path, the value of flag (--plot FILE, --write-data FILE, --output
 * FILE), for writing with fopen's mode ("w", "wb"), or stop (exit 2) with
 * one line "FLAG: cannot write PATH: ..." that says what to do: a missing
 * folder is named with "create it first (mkdir -p DIR)" (no flag creates
 * folders), a file where a folder should be is named, an empty name is
 * refused, and any other reason (a folder that takes no files, a file
 * that may not be written) is the system's, followed by what to give the
 * flag instead.  --csv's files (csv_create) get the same words. */
FILE *output_create(const char *flag, const char *path, const char *mode);

/* Stop as output_create would unless path can be written; leaves no file
 * behind and empties none (a program checks before it works). */
void output_check_writable(const char *flag, const char *path);

/* Stop as output_create does for path, which could not be opened for
 * writing because of error (an errno value): for a program that opens it
 * itself (descent-mpi's --output, freopen on stdout). */
_Noreturn void output_refused(const char *flag, const char *path, int error);

/* Close a file from csv_create or output_create, stopping with a message
 * naming its flag, its path and the system's reason if any write to it
 * failed (exit 2); name is what the message calls any other file. */
void csv_close(FILE *file, const char *name);

/* The Euclidean norm of x[0..count) (0 for count 0).  Summed in order,
 * without scaling: a component past about 1e154 overflows to inf. */
double vec_norm(const double *x, size_t count);

#endif
