/* fail.c: one-line errors with a documented exit status (see fail.h). */
#include "00-toolkit/fail.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *fail_program = "descent";

_Noreturn void fail(int status, const char *format, ...)
{
    va_list args;
    fflush(stdout); /* rows already printed come before the message */
    fprintf(stderr, "%s: ", fail_program);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    exit(status);
}

void fail_if_output_lost(void)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "%s: writing the output failed: %s\n", fail_program,
                errno ? strerror(errno) : "write error");
        _Exit(EXIT_USAGE);
    }
}

void *checked_calloc(size_t count, size_t size, const char *file, int line)
{
    void *memory = calloc(count ? count : 1, size ? size : 1);
    if (memory == NULL) {
        fprintf(stderr, "%s: out of memory at %s:%d (%zu x %zu bytes)\n",
                fail_program, file, line, count, size);
        exit(1);
    }
    return memory;
}
