/* tests/fuzz/reader.c: libFuzzer on the lab's CSV reader (not part of make
 * check; run tests/fuzz/run.sh).
 *
 * Each input is read three times: as one block (dataset_parse_csv), cut
 * into blocks at places chosen by its first byte (feed, as dataset_read_csv
 * does with a file), and with every line given to libcsv (no in-place
 * reading of plain lines); all must agree: the same refusal or the same
 * numbers.  A short input is also a numeral: read_decimal must give
 * strtod's double, bit for bit.  A refusal must be exactly one line on stderr with
 * no control byte in it; a data set must hold only finite numbers.
 * fail.c is compiled with exit() replaced by fuzz_exit(), which jumps back
 * here; the reader's memory is then freed with reader_free (a few small
 * allocations of fail.c's own may leak: run with -detect_leaks=0).
 */
#define _POSIX_C_SOURCE 200809L

#include "A-lab/datafile.c"

#include <math.h>

#include <setjmp.h>
#include <stdint.h>

static jmp_buf back;
static int exit_status;

_Noreturn void fuzz_exit(int status)
{
    exit_status = status;
    longjmp(back, 1);
}

/* One reading: 0 and the data set, or the exit status and the message. */
struct outcome {
    int status;
    char *message;
    size_t message_length;
    struct dataset data;
};

static void read_once(struct outcome *o, const uint8_t *bytes, size_t size, size_t cut,
                      bool libcsv_only)
{
    FILE *saved = stderr;
    static struct reader r;     /* static: longjmp must not clobber it */
    memset(o, 0, sizeof *o);
    stderr = open_memstream(&o->message, &o->message_length);
    if (setjmp(back) == 0) {
        reader_init(&r, "f.csv");
        r.libcsv_only = libcsv_only;
        if (cut == 0) {
            feed(&r, (const char *)bytes, size);    /* as dataset_parse_csv does */
        } else {
            /* The first block holds the first 3 bytes (a byte order mark):
             * dataset_read_csv's fread fills its block when it can. */
            size_t first = cut < 3 ? 3 : cut;
            feed(&r, (const char *)bytes, size < first ? size : first);
            for (size_t at = first; at < size; at += cut)
                feed(&r, (const char *)bytes + at, size - at < cut ? size - at : cut);
        }
        reader_finish(&r, &o->data);
        o->status = 0;
    } else {
        o->status = exit_status;
        reader_free(&r);
    }
    fclose(stderr);
    stderr = saved;
}

/* Show both readings, then stop: the two disagree, or one broke a rule. */
static _Noreturn void broken(const struct outcome *a, const struct outcome *b, const char *why)
{
    fprintf(stderr, "FUZZ: %s\n  whole (%d): %.*s\n  pieces (%d): %.*s\n", why, a->status,
            (int)a->message_length, a->message ? a->message : "", b->status,
            (int)b->message_length, b->message ? b->message : "");
    __builtin_trap();
}

int LLVMFuzzerTestOneInput(const uint8_t *bytes, size_t size)
{
    struct outcome whole, pieces, libcsv;
    size_t cut = size > 0 ? 1 + bytes[0] % 64 : 1;
    if (size < 48) {            /* a short input is also a numeral for read_decimal */
        char text[48], *end;
        double mine, theirs;
        memcpy(text, bytes, size);
        text[size] = '\0';
        if (read_decimal(text, size, &mine) == READ_OK &&
            ((theirs = strtod(text, &end)), memcmp(&mine, &theirs, sizeof mine) != 0)) {
            fprintf(stderr, "FUZZ: read_decimal(\"%s\") = %.17g, strtod: %.17g\n", text, mine,
                    theirs);
            __builtin_trap();
        }
    }
    read_once(&whole, bytes, size, 0, false);
    read_once(&pieces, bytes, size, cut, false);
    read_once(&libcsv, bytes, size, 0, true);
    if (whole.status != pieces.status)
        broken(&whole, &pieces, "the status depends on the blocks");
    if (whole.status != libcsv.status || (whole.status != 0 &&
                                          strcmp(whole.message, libcsv.message) != 0))
        broken(&whole, &libcsv, "plain lines read in place differ from libcsv's reading");
    if (whole.status == 0) {
        for (size_t i = 0; i < whole.data.count * whole.data.features; i++)
            if (whole.data.x[i] != libcsv.data.x[i])
                broken(&whole, &libcsv, "x differs from libcsv's reading");
        for (size_t i = 0; i < whole.data.count; i++)
            if (whole.data.y[i] != libcsv.data.y[i])
                broken(&whole, &libcsv, "y differs from libcsv's reading");
        dataset_free(&libcsv.data);
    }
    free(libcsv.message);
    if (whole.status != 0) {
        if (whole.status != EXIT_USAGE || whole.message_length == 0 ||
            whole.message[whole.message_length - 1] != '\n' ||
            strcmp(whole.message, pieces.message) != 0)
            broken(&whole, &pieces, "not one line, or not the same line");
        for (size_t i = 0; i + 1 < whole.message_length; i++)
            if ((unsigned char)whole.message[i] < 0x20 || whole.message[i] == 0x7f)
                broken(&whole, &pieces, "a control byte in the message");
    } else {
        if (whole.data.count == 0 || whole.data.count != pieces.data.count ||
            whole.data.features != pieces.data.features)
            broken(&whole, &pieces, "different sizes");
        for (size_t i = 0; i < whole.data.count * whole.data.features; i++)
            if (!isfinite(whole.data.x[i]) || whole.data.x[i] != pieces.data.x[i])
                broken(&whole, &pieces, "different or infinite x");
        for (size_t i = 0; i < whole.data.count; i++)
            if (!isfinite(whole.data.y[i]) || whole.data.y[i] != pieces.data.y[i])
                broken(&whole, &pieces, "different or infinite y");
        dataset_free(&whole.data);
        dataset_free(&pieces.data);
    }
    free(whole.message);
    free(pieces.message);
    return 0;
}
