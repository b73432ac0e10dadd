/* fail.c: one-line errors with a documented exit status, and the check of
 * standard output at exit (see fail.h). */
#define _POSIX_C_SOURCE 200809L

#include "00-toolkit/fail.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *fail_program = "descent";
const char *fail_note;

static bool stdout_was_closed;  /* fd 1 was closed at start: /dev/full holds its place */
static bool reported;           /* fail() has printed its line: exit quietly */
static bool stdout_reported;    /* the line being printed is about stdout itself */

/* The length of the valid UTF-8 sequence at text[0..length), or 0. */
static size_t utf8_length(const unsigned char *text, size_t length)
{
    size_t need;
    if (text[0] < 0x80)
        return 1;
    if (text[0] >= 0xc2 && text[0] <= 0xdf)
        need = 2;
    else if (text[0] >= 0xe0 && text[0] <= 0xef)
        need = 3;
    else if (text[0] >= 0xf0 && text[0] <= 0xf4)
        need = 4;
    else
        return 0;
    if (length < need)
        return 0;
    for (size_t k = 1; k < need; k++)
        if ((text[k] & 0xc0) != 0x80)
            return 0;
    if ((text[0] == 0xe0 && text[1] < 0xa0) || (text[0] == 0xed && text[1] > 0x9f) ||
        (text[0] == 0xf0 && text[1] < 0x90) || (text[0] == 0xf4 && text[1] > 0x8f))
        return 0;               /* overlong, a surrogate, or beyond U+10FFFF */
    if (text[0] == 0xc2 && text[1] < 0xa0)
        return 0;               /* U+0080..U+009F: C1 controls (CSI is U+009B) */
    return need;
}

/* text[0..length) escaped into out (which has room for 4 * length + 1). */
static size_t escape_into(char *out, const char *text, size_t length)
{
    const unsigned char *in = (const unsigned char *)text;
    size_t used = 0;
    for (size_t i = 0; i < length;) {
        size_t n = utf8_length(in + i, length - i);
        if (n == 1 && in[i] >= 0x20 && in[i] != 0x7f) {
            out[used++] = (char)in[i++];
        } else if (n > 1) {
            memcpy(out + used, in + i, n);
            used += n, i += n;
        } else {
            static const char hex[] = "0123456789abcdef";
            char letter = in[i] == '\n' ? 'n' : in[i] == '\r' ? 'r' : in[i] == '\t' ? 't' : 0;
            out[used++] = '\\';
            if (letter) {
                out[used++] = letter;
            } else {
                out[used++] = 'x';
                out[used++] = hex[in[i] >> 4];
                out[used++] = hex[in[i] & 15];
            }
            i++;
        }
    }
    out[used] = '\0';
    return used;
}

char *escaped_copy(const char *text, size_t length)
{
    char *out = checked_calloc(length, 4, __FILE__, __LINE__);
    escape_into(out, text, length);
    return out;
}

/* Words (runs without a space) longer than LONG_WORD bytes are cut to
 * their first KEEP_HEAD and last KEEP_TAIL bytes around a "…": a message
 * quotes what the user typed, and 100 000 typed characters would make a
 * 100 KB line.  A path or a number of a sensible length is kept whole;
 * a cut path keeps its end, the file's own name. */
#define LONG_WORD 200
#define KEEP_HEAD 100
#define KEEP_TAIL 48

/* text[0..length) with its long words cut, into out (room for length + 1
 * bytes: a cut word gets shorter; out may be text itself, so the copies
 * are memmove); returns the new length.  Cuts fall between UTF-8
 * sequences, never inside one. */
static size_t cut_long_words(char *out, const char *text, size_t length)
{
    static const char ellipsis[] = "\xe2\x80\xa6";        /* U+2026 */
    size_t used = 0, start = 0;
    while (start < length) {
        size_t end = start;
        while (end < length && text[end] != ' ')
            end++;
        if (end - start > LONG_WORD) {
            size_t head = start + KEEP_HEAD, tail = end - KEEP_TAIL;
            while (head > start && ((unsigned char)text[head] & 0xc0) == 0x80)
                head--;
            while (tail < end && ((unsigned char)text[tail] & 0xc0) == 0x80)
                tail++;
            memmove(out + used, text + start, head - start);
            used += head - start;
            memcpy(out + used, ellipsis, sizeof ellipsis - 1);
            used += sizeof ellipsis - 1;
            memmove(out + used, text + tail, end - tail);
            used += end - tail;
        } else {
            memmove(out + used, text + start, end - start);
            used += end - start;
        }
        if (end < length)
            out[used++] = ' ';
        start = end + 1;
    }
    out[used] = '\0';
    return used;
}

/* "program: message" on stderr, escaped, ending in suffix (or ""). */
static void say(const char *suffix, const char *format, va_list args)
{
    char small[512], *text = small, *out;
    va_list again;
    int length;
    va_copy(again, args);
    length = vsnprintf(small, sizeof small, format, args);
    if (length < 0) {
        va_end(again);
        fprintf(stderr, "%s: %s%s\n", fail_program, format, suffix);
        return;
    }
    if ((size_t)length >= sizeof small && (text = malloc((size_t)length + 1)) != NULL)
        vsnprintf(text, (size_t)length + 1, format, again);
    va_end(again);
    if (text == NULL) {             /* no memory for the whole message: its start */
        text = small;
        length = (int)strlen(small);
    }
    length = (int)cut_long_words(text, text, (size_t)length);     /* in place: it shrinks */
    out = malloc(4 * (size_t)length + 1);
    if (out != NULL)
        escape_into(out, text, (size_t)length);
    fprintf(stderr, "%s: %s%s\n", fail_program, out != NULL ? out : text, suffix);
    free(out);
    if (text != small)
        free(text);
}

/* The system's reason for a failed write to stdout, with error the errno
 * seen when it was found (0: unknown, the failure came earlier). */
static const char *stdout_reason(int error)
{
    if (stdout_was_closed)
        return "standard output is closed";
    return error ? strerror(error) : "an earlier write failed";
}

/* Has stdout failed?  Flushes it; *error gets the reason's errno. */
static bool stdout_failed(int *error)
{
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout)) {
        *error = errno;
        return true;
    }
    return false;
}

_Noreturn void fail(int status, const char *format, ...)
{
    va_list args;
    int error;
    char suffix[400] = "";
    size_t used = 0;
    if (fail_note != NULL)
        used = (size_t)snprintf(suffix, 240, "; %s", fail_note);
    if (used >= 240)                    /* a note cut short */
        used = 239;
    if (!stdout_reported && stdout_failed(&error)) {    /* the rows printed before are not all there */
        snprintf(suffix + used, sizeof suffix - used, "; and writing standard output failed: %s",
                 stdout_reason(error));
        status = EXIT_USAGE;
    }
    va_start(args, format);
    say(suffix, format, args);
    va_end(args);
    reported = true;
    exit(status);
}

void warn(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    say("", format, args);
    va_end(args);
}

void check_stdout(void)
{
    int error;
    if (stdout_failed(&error)) {
        stdout_reported = true;
        fail(EXIT_USAGE, "writing standard output failed: %s", stdout_reason(error));
    }
}

/* At exit: close stdout, and turn "return 0" into status 2 if anything
 * written there was lost. */
static void close_stdout(void)
{
    int error = 0;
    bool failed = ferror(stdout) != 0;
    errno = 0;
    if (fclose(stdout) != 0) {
        failed = true;
        error = errno;
    }
    if (failed && !reported) {
        fprintf(stderr, "%s: writing standard output failed: %s\n", fail_program,
                stdout_reason(error));
        _exit(EXIT_USAGE);
    }
}

/* Before main: descriptors 0, 1 and 2 must be open, or the first file a
 * program opens would take the place of stdout (a run started with >&-
 * would write its rows into its own temporary file and exit 0).  A closed
 * stdout gets /dev/full, so that every write to it fails and is reported. */
#if defined(__GNUC__)
__attribute__((constructor))
#endif
static void check_standard_streams(void)
{
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        int opened = open(fd == 1 ? "/dev/full" : "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY);
        if (opened != fd)           /* the lowest free descriptor is fd itself */
            _exit(EXIT_USAGE);
        stdout_was_closed |= fd == 1;
    }
    atexit(close_stdout);
}

void *checked_calloc(size_t count, size_t size, const char *file, int line)
{
    void *memory = calloc(count ? count : 1, size ? size : 1);
    if (memory == NULL)
        fail(EXIT_USAGE, "out of memory at %s:%d (%zu x %zu bytes): the input is too "
             "large for this machine", file, line, count, size);
    return memory;
}

void *checked_realloc(void *memory, size_t count, size_t size, const char *file, int line)
{
    void *bigger = NULL;
    if (size == 0 || count <= SIZE_MAX / size)
        bigger = realloc(memory, count * size > 0 ? count * size : 1);
    if (bigger == NULL)
        fail(EXIT_USAGE, "out of memory at %s:%d (%zu x %zu bytes): the input is too "
             "large for this machine", file, line, count, size);
    return bigger;
}
