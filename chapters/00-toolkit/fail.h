/* fail.h: how every program in descent reports a problem and stops.
 *
 * One line on stderr, "program: what went wrong", then exit with a
 * documented status (see the lab's manual, chapters/A-lab/README.md):
 *   2  bad usage or bad input, an output that could not be written, or
 *      an input too large for memory
 *   3  a run diverged (the loss or a parameter stopped being finite)
 *   1  one of the book's own checks failed: a claim the text makes no
 *      longer holds for the code (chapter 11's tuned rates, chapter 4's
 *      bits), a case the code's callers never make, or the benchmarks'
 *      clock; never the reader's input, whatever it is
 * The line stays one line whatever text it quotes: control bytes, the C1
 * controls and bytes that are not UTF-8 are shown escaped (\n, \x1b), so a
 * file name or a data cell can neither break the line nor send a terminal
 * escape sequence.
 *
 * Nothing is lost silently: every program that links the toolkit checks
 * its standard output when it exits (fail.c installs the check before
 * main runs, so no program can forget it).  If a write to stdout failed
 * (a full disk, a closed pipe, a closed descriptor), the program says so
 * with the system's reason and exits 2, even after "return 0".
 * Allocation helpers report the file and line of the caller and stop with
 * status 2, so no caller ever has to test for NULL.
 */
#ifndef DESCENT_FAIL_H
#define DESCENT_FAIL_H

#include <stddef.h>

enum exit_status {
    EXIT_USAGE = 2,
    EXIT_DIVERGED = 3,
};

/* The name printed before every message; programs set it from argv[0]. */
extern const char *fail_program;

/* When not NULL, what fail() adds to its line after "; ": what to do about
 * any failure of the work in hand, set around it and cleared after (chapter
 * 11 reads its own data files: the way back from a damaged one is git). */
extern const char *fail_note;

/* Print "program: message" (escaped as above) on stderr and exit with
 * status.  If standard output already failed, the line says that too and
 * the status is 2: the rows printed before are not all there. */
_Noreturn void fail(int status, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Print "program: message" (escaped as above) on stderr and go on. */
void warn(const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 1, 2)))
#endif
    ;

/* text[0..length) with control bytes, C1 controls and invalid UTF-8
 * escaped as in a C string literal (\n, \t, \x1b), into a fresh string
 * the caller frees. */
char *escaped_copy(const char *text, size_t length);

/* Stop with status 2 when a write to stdout already failed, naming the
 * system's reason: long runs call it (through csv_row) so that a full disk
 * or a closed pipe stops them at once. */
void check_stdout(void);

/* Zeroed memory for count items of size bytes, or a message naming the
 * caller's file and line and exit 2 (the input is too large for memory). */
void *checked_calloc(size_t count, size_t size, const char *file, int line);
#define xcalloc(count, size) checked_calloc((count), (size), __FILE__, __LINE__)

/* memory resized to count items of size bytes (like realloc), or the same
 * message and exit 2. */
void *checked_realloc(void *memory, size_t count, size_t size, const char *file, int line);
#define xrealloc(memory, count, size) \
    checked_realloc((memory), (count), (size), __FILE__, __LINE__)

#endif
