/* fail.h: how every program in descent reports a problem and stops.
 *
 * One line on stderr, "program: what went wrong", then exit with a
 * documented status (see the lab's manual, chapters/A-lab/README.md):
 *   2  bad usage or bad input
 *   3  a run diverged (the loss or a parameter stopped being finite)
 * Allocation helpers report the file and line of the caller and stop, so no
 * caller ever has to test for NULL.
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

/* Print "program: message" on stderr and exit with status. */
_Noreturn void fail(int status, const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* For atexit, registered by the chapter programs: stdout is written out
 * only when it is flushed, after main returns, so a full disk (>/dev/full)
 * or a write error would otherwise lose every row and still exit 0.  Here
 * the flush is checked: "program: writing the output failed: REASON" on
 * stderr and exit status 2 (bad usage or input: the output given cannot
 * take the rows), with _Exit since exit may not be called twice. */
void fail_if_output_lost(void);

/* Zeroed memory for count items of size bytes, or a message naming the
 * caller's file and line and exit 1. */
void *checked_calloc(size_t count, size_t size, const char *file, int line);
#define xcalloc(count, size) checked_calloc((count), (size), __FILE__, __LINE__)

#endif
