/* datafile.c: reading a regression data set from CSV (see datafile.h).
 *
 * Splitting the text into cells, quotes and all (RFC 4180), is libcsv's
 * job: descent exists to teach gradient descent, not CSV.  This file adds
 * what the lab promises on top of it:
 *   - the stream is read in blocks of BLOCK bytes, and only the numbers
 *     are kept: 8 bytes per cell, into the arrays the data set keeps;
 *   - every cell is a decimal numeral by the book's one rule (read_decimal,
 *     the same as for flags);
 *   - every refusal names file:line:column and says what to do, with the
 *     habits of spreadsheets, R and pandas recognised (separators,
 *     decimal commas, index columns, missing values, UTF-16, comments).
 * Positions: the text of the current record (usually one line) is kept,
 * so that a message can find the column of any cell in it.
 * Speed: a data row of plain numerals, most rows of most files, is read in
 * one pass, numeral after numeral (plain_rows, with read_decimal's fast
 * path alone); another whole line without a quote is split at its commas
 * in place (plain_line).  Both are what libcsv and read_decimal would make
 * of the line, without the copy and the byte-by-byte state machine; the
 * fuzzer (tests/fuzz/reader.c) checks that the readings agree.  Blocks are
 * cut after their last line end, so that no row is read the slow way for
 * being cut.
 */
#include "A-lab/datafile.h"
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <csv.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK 16384                 /* bytes read at a time (a bigger one reads no faster) */
#define LONGEST_RECORD (1 << 24)    /* 16 MiB: a record longer is refused */
#define SHOWN 40                    /* characters of a cell quoted in a message */

struct reader {
    const char *path;               /* for messages */
    struct csv_parser parser;
    size_t line;                    /* the line being read, from 1 */
    size_t line_offset;             /* bytes of it already fed */
    bool after_cr;                  /* the last byte was a CR (a CRLF may follow) */
    bool started;                   /* a byte other than a UTF-8 byte order mark came */
    size_t blank_line;              /* the first blank line after a row, or 0 */

    char *record;                   /* [record_length]: text of the current record */
    size_t record_length, record_capacity;
    size_t record_line;             /* the line it starts on */
    size_t held;                    /* its first bytes, spaces not yet given to libcsv */
    const char *view;               /* the record's text when it is read in place */
    size_t view_length;
    bool libcsv_only;               /* no shortcut for plain lines (the fuzzer's check) */
    size_t field;                   /* cells of the current record so far */

    size_t columns;                 /* from the header; 0 before it */
    size_t index_column;            /* 1 + a column named like a pandas index, or 0 */
    size_t index_line, index_at;    /* ... where its name is */
    char **names;                   /* [named]: the header's cells */
    size_t named;
    double *row;                    /* [columns]: the current row's values */
    double *x, *y;                  /* [rows * (columns - 1)], [rows]: the data */
    size_t rows, capacity;          /* rows read, rows x and y have room for */
};

/* ------------------------------------------------------------ positions */

/* The line and column (from 1, in bytes) where cell `field` of the
 * current record begins, after the spaces libcsv trims; with field equal
 * to the record's count of cells, where the record ends.  With
 * at_delimiter, the column of the delimiter before the cell instead. */
static void locate(const struct reader *r, size_t field, bool at_delimiter, size_t *line,
                   size_t *column)
{
    const char delimiter = (char)r->parser.delim_char;
    const char *record = r->view ? r->view : r->record;
    size_t seen = 0, line_start = 0, i = 0, end = r->view ? r->view_length : r->record_length;
    bool quoted = false;
    while (end > 0 && (record[end - 1] == '\n' || record[end - 1] == '\r'))
        end--;
    *line = r->record_line;
    for (; i < end && seen < field; i++) {
        char c = record[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && c == delimiter)
            seen++;
        else if (c == '\n' || (c == '\r' && record[i + 1] != '\n'))
            ++*line, line_start = i + 1;    /* inside quotes: part of a cell */
    }
    if (seen == field && at_delimiter && i > 0)
        i--;
    else
        while (seen == field && i < end && (record[i] == ' ' || record[i] == '\t'))
            i++;
    *column = i - line_start + 1;
}

/* Stop with "path:line:column: message" for cell `field` of the record. */
static _Noreturn void refuse_at(const struct reader *r, size_t field, bool at_delimiter,
                                const char *format, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

static _Noreturn void refuse_at(const struct reader *r, size_t field, bool at_delimiter,
                                const char *format, ...)
{
    char message[1024];
    size_t line, column;
    va_list args;
    locate(r, field, at_delimiter, &line, &column);
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    fail(EXIT_USAGE, "%s:%zu:%zu: %s", r->path, line, column, message);
}


/* -------------------------------------------------------------- habits */

static bool equal_ignoring_case(const char *a, size_t length, const char *b)
{
    if (strlen(b) != length)
        return false;
    for (size_t i = 0; i < length; i++)
        if ((a[i] | 0x20) != (b[i] | 0x20))
            return false;
    return true;
}

/* What a cell that is not a number probably is, and what to do about it:
 * a hint that follows the message, or "". */
static const char *habit_of(const char *text, size_t length)
{
    static const char *const missing[] = {"na", "n/a", "nan", "null", "none", "-", "?",
                                          "#n/a", "<na>", "nat"};
    static const char *const booleans[] = {"true", "false", "yes", "no"};
    size_t digits = 0, commas = 0, points = 0, others = 0;
    for (size_t k = 0; k < sizeof missing / sizeof *missing; k++)
        if (equal_ignoring_case(text, length, missing[k]))
            return ": a missing value; drop the incomplete rows first (pandas: "
                   "df.dropna(); R: na.omit(df))";
    for (size_t k = 0; k < sizeof booleans / sizeof *booleans; k++)
        if (equal_ignoring_case(text, length, booleans[k]))
            return ": the lab reads numbers only; write yes/no as 1/0";
    for (size_t i = 0; i < length; i++) {
        char c = text[i];
        digits += c >= '0' && c <= '9';
        commas += c == ',';
        points += c == '.';
        others += !(c >= '0' && c <= '9') && c != ',' && c != '.' && c != '-' && c != '+';
    }
    if (digits > 0 && commas > 0 && others == 0)
        return points > 0 || commas > 1
                   ? ": thousands separators; save the numbers without them (pandas: "
                     "read with thousands=',')"
                   : ": a decimal comma; save with a point as the decimal mark (a "
                     "spreadsheet set to English, or pandas: read with decimal=',', then "
                     "to_csv)";
    if (digits > 0 && length > 0 &&
        (text[length - 1] == '%' || text[0] == '$' || (unsigned char)text[0] == 0xe2 ||
         (unsigned char)text[0] == 0xc2))
        return ": a unit or currency sign; save the bare numbers (a spreadsheet: "
               "format the column as a plain number)";
    if (length > 0 && text[0] == '#')
        return ": a comment? comment lines are not read; delete them (grep -v '^#')";
    return "";
}

/* ---------------------------------------------------------- the cells */

/* The header's cell: a name (anything that is not a number). */
static void header_cell(struct reader *r, const char *text, size_t length)
{
    size_t k = r->field;
    if (is_decimal(text, length))   /* the one rule, as for data cells */
        refuse_at(r, k, false, "header cell '%.*s' is a number: the first row must name "
                  "the columns", (int)(length < SHOWN ? length : SHOWN), text);
    r->names = xrealloc(r->names, k + 1, sizeof *r->names);
    r->names[k] = xcalloc(length + 1, 1);
    r->named = k + 1;
    memcpy(r->names[k], text, length);
}

/* A data cell: a finite decimal number, into the row. */
static void data_cell(struct reader *r, const char *text, size_t length)
{
    const size_t k = r->field;
    const int shown = (int)(length < SHOWN ? length : SHOWN);
    const char *name = k < r->columns ? r->names[k] : "";
    double value;
    enum reading reading;
    if (k >= r->columns)
        return;                     /* too many cells: the row's end says so */
    if (length == 0)
        refuse_at(r, k, false, "empty cell (column '%.*s'): a missing value; drop the "
                  "incomplete rows first (pandas: df.dropna(); R: na.omit(df))", SHOWN, name);
    reading = read_decimal(text, length, &value);
    if (reading == NOT_NUMBER)
        refuse_at(r, k, false, "'%.*s' is not a number (column '%.*s')%s", shown, text, SHOWN,
                  name, habit_of(text, length));
    if (reading == NOT_FINITE)
        refuse_at(r, k, false, "'%.*s' is not a finite number (column '%.*s')%s", shown, text,
                  SHOWN, name, habit_of(text, length));
    if (reading == NOT_DECIMAL)     /* strtod's 0x10, " 1" */
        refuse_at(r, k, false, "'%.*s' is not a decimal number (column '%.*s')", shown, text,
                  SHOWN, name);
    r->row[k] = value;
}

/* libcsv: one cell of the current record. */
static void on_cell(void *cell, size_t length, void *data)
{
    struct reader *r = data;
    const char *text = cell ? cell : "";
    while (length > 0 && (text[0] == ' ' || text[0] == '\t'))   /* quoted cells too */
        text++, length--;
    while (length > 0 && (text[length - 1] == ' ' || text[length - 1] == '\t'))
        length--;
    if (r->columns == 0)
        header_cell(r, text, length);
    else
        data_cell(r, text, length);
    r->field++;
}

/* The header is complete: check it as a whole. */
static void header_done(struct reader *r)
{
    const size_t count = r->field;
    if (count == 1) {
        const char *hint = ", separated by commas (the features, then the target)";
        if (strncmp(r->names[0], "sep=", 4) == 0)
            hint = ": 'sep=' is a line for Excel only; delete it (and save with commas as "
                   "separators)";
        else if (strchr(r->names[0], ';') != NULL)
            hint = ": this file is separated by ';' (a spreadsheet's CSV where the decimal "
                   "mark is a comma); save it with commas as separators and points as "
                   "decimal marks";
        else if (strchr(r->names[0], '\t') != NULL)
            hint = ": this file is separated by tabs; save it as CSV with commas (pandas: "
                   "to_csv(sep=','))";
        refuse_at(r, 0, false, "the header names 1 column; the lab needs at least 2%s", hint);
    }
    for (size_t k = 0; k < count; k++) {
        if (r->names[k][0] != '\0')
            continue;
        if (k == 0)
            refuse_at(r, k, false, "empty column name in the header: the first column looks "
                      "like an index (pandas: save with to_csv(..., index=False); R: "
                      "write.csv(..., row.names = FALSE); or drop the column: cut -d, -f2-)");
        if (k + 1 == count)
            refuse_at(r, k, false, "empty column name in the header: an empty last column "
                      "(a comma at the end of every line); delete that column");
        refuse_at(r, k, false, "empty column name in the header; name every column");
    }
    for (size_t k = 0; k < count && r->index_column == 0; k++)
        if (strncmp(r->names[k], "Unnamed: ", 9) == 0 || strcmp(r->names[k], "index") == 0) {
            r->index_column = k + 1;    /* warned about once the file is read */
            locate(r, k, false, &r->index_line, &r->index_at);
        }
    r->columns = count;
    r->row = xcalloc(count, sizeof *r->row);
}

/* Room in x and y for `capacity` rows (at least). */
static void make_room(struct reader *r, size_t capacity)
{
    const size_t features = r->columns - 1;
    if (capacity <= r->capacity)
        return;
    r->capacity = capacity;
    r->x = xrealloc(r->x, r->capacity, features * sizeof *r->x + !features);
    r->y = xrealloc(r->y, r->capacity, sizeof *r->y);
}

/* Room for about `rows` rows in one step, if memory allows: the estimate
 * may be too high (when the first rows are the shortest), so that no room
 * leaves x and y as they were, to grow as they fill. */
static void try_room(struct reader *r, double rows)
{
    const size_t row_bytes = (r->columns - 1) * sizeof *r->x + (r->columns == 1);
    const size_t capacity = rows < (double)(SIZE_MAX / 2 / row_bytes) ? (size_t)rows : 0;
    double *x, *y;
    if (capacity <= r->capacity)
        return;
    if ((x = realloc(r->x, capacity * row_bytes)) == NULL)
        return;
    r->x = x;                       /* bigger, which is never wrong */
    if ((y = realloc(r->y, capacity * sizeof *r->y)) == NULL)
        return;
    r->y = y;
    r->capacity = capacity;
}

/* A data row is complete: check its width, keep its values. */
static void row_done(struct reader *r)
{
    const size_t features = r->columns - 1;
    if (r->field != r->columns) {
        size_t line, column;
        bool too_many = r->field > r->columns;
        locate(r, too_many ? r->columns : r->field, too_many, &line, &column);
        fail(EXIT_USAGE, "%s:%zu:%zu: this row has %zu cell%s, the header has %zu%s", r->path,
             line, column, r->field, r->field == 1 ? "" : "s", r->columns,
             too_many && r->field == r->columns + 1 ? " (a comma at the end of the line?)" : "");
    }
    if (r->rows == r->capacity)     /* grow by half: few copies, little unused room */
        make_room(r, r->capacity < 64 ? 64 : r->capacity + r->capacity / 2);
    memcpy(r->x + r->rows * features, r->row, features * sizeof *r->x);
    r->y[r->rows++] = r->row[features];
}

/* libcsv: the end of a record. */
static void on_record(int terminator, void *data)
{
    struct reader *r = data;
    const char *record = r->view ? r->view : r->record;
    if (r->columns == 0 && (r->view ? r->view_length : r->record_length) > 0 && record[0] == '#')
        refuse_at(r, 0, false, "a comment line before the header; comment lines are not "
                  "read: delete them (grep -v '^#')");
    (void)terminator;
    if (r->columns == 0)
        header_done(r);
    else
        row_done(r);
    r->field = 0;
    r->record_length = 0;
    r->view = NULL;
}

/* A whole line without quotes, read in place: its cells are the text
 * between commas, exactly what libcsv would give (it trims spaces and
 * tabs, as on_cell does too), without copying the line or walking it
 * byte by byte through libcsv's state machine.  Most files are all such
 * lines; libcsv reads the rest. */
static void plain_line(struct reader *r, const char *line, size_t length, size_t with_end)
{
    const char delimiter = (char)r->parser.delim_char;
    size_t start = 0;
    r->view = line, r->view_length = with_end;
    r->record_line = r->line;
    for (;;) {
        const char *comma = memchr(line + start, delimiter, length - start);
        size_t end = comma ? (size_t)(comma - line) : length;
        on_cell((void *)(line + start), end - start, r);
        if (comma == NULL)
            break;
        start = end + 1;
    }
    on_record(line[length], r);
    r->line_offset += with_end;
}

/* Data rows of plain numerals, read in one pass: from the start of a line
 * in text[0..length), each cell a numeral that decimal_prefix reads
 * (read_decimal's fast path: the same double) ended by the delimiter, the
 * last one by a line end.  Returns the bytes of the whole rows it read (0
 * when the first line is not such a row).  It stops before any line that is
 * anything else: a space, a quote, a long numeral, a cell too many or too
 * few, a line the block cuts; feed reads that line the careful way, with
 * every message.  The row is that of plain_line and read_decimal, read
 * without finding the line's end, its quotes, NULs and commas first. */
static size_t plain_rows(struct reader *r, const char *text, size_t length)
{
    const char delimiter = (char)r->parser.delim_char;
    const size_t columns = r->columns;
    size_t done = 0;
    while (done < length) {
        size_t i = done;
        for (size_t k = 0; k < columns; k++) {
            size_t used = decimal_prefix(text + i, length - i, &r->row[k]);
            if (used == 0 || (i += used) == length)
                return done;
            if (k + 1 < columns && text[i++] != delimiter)
                return done;
        }
        if (text[i] == '\r') {             /* CR or CRLF */
            r->after_cr = ++i == length;    /* an LF may start the next block */
            if (i < length && text[i] == '\n')
                i++;
        } else if (text[i++] != '\n')
            return done;
        r->field = columns;
        row_done(r);
        r->field = 0;
        r->line++;
        done = i;
    }
    return done;
}

/* ----------------------------------------------------------- the bytes */

/* Stop at a libcsv error, found `offset` bytes into the current line. */
static _Noreturn void malformed(const struct reader *r, size_t offset)
{
    fail(EXIT_USAGE, "%s:%zu:%zu: a quote in the wrong place: a cell is either quoted as a "
         "whole (\"1.5\") with any quote inside doubled (\"\"), or not quoted at all", r->path,
         r->line, offset + 1);
}

/* Give libcsv text[0..length), which lies within one line. */
static void give_libcsv(struct reader *r, const char *text, size_t length)
{
    size_t parsed = csv_parse(&r->parser, text, length, on_cell, on_record, r);
    if (parsed != length) {
        if (csv_error(&r->parser) == CSV_ENOMEM)
            fail(EXIT_USAGE, "%s:%zu: out of memory reading a cell", r->path, r->line);
        malformed(r, r->line_offset + parsed);
    }
    r->line_offset += length;
}

/* Keep text[0..length) as part of the current record's text. */
static void keep(struct reader *r, const char *text, size_t length)
{
    if (length == 0)
        return;
    if (r->record_length == 0)
        r->record_line = r->line;
    if (length > LONGEST_RECORD - r->record_length)
        fail(EXIT_USAGE, "%s:%zu:1: a row longer than 16 MiB: is this a CSV file? (a quote "
             "left open makes the rest of the file one cell)", r->path, r->record_line);
    if (r->record_length + length > r->record_capacity) {
        r->record_capacity = 2 * (r->record_length + length);
        r->record = xrealloc(r->record, r->record_capacity, 1);
    }
    memcpy(r->record + r->record_length, text, length);
    r->record_length += length;
}

static bool spaces_only(const char *text, size_t length)
{
    for (size_t i = 0; i < length; i++)
        if (text[i] != ' ' && text[i] != '\t')
            return false;
    return true;
}

/* The next block of the file, any size: cut at line ends, each piece kept
 * (for messages) and given to libcsv.  Blank lines (or spaces only) are
 * fine at the end of the file; spaces at the end of a block that may start
 * such a line are held back until the line shows what it is. */
static void feed(struct reader *r, const char *text, size_t length)
{
    size_t i = 0;
    if (!r->started && length > 0) {
        r->started = true;
        if (length >= 2 && ((text[0] == '\xff' && text[1] == '\xfe') ||
                            (text[0] == '\xfe' && text[1] == '\xff')))
            fail(EXIT_USAGE, "%s:1:1: UTF-16 text (a spreadsheet's \"Unicode text\"); save "
                 "it as \"CSV UTF-8\", or convert it: iconv -f UTF-16 -t UTF-8", r->path);
        if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
            i = 3;      /* UTF-8's byte order mark, which spreadsheets write */
    }
    while (i < length) {
        const char *nul, *start = text + i;
        size_t j = i, usable;
        bool ends, blank_so_far;
        if (r->after_cr && text[i] == '\n') {       /* CRLF: one line end */
            r->after_cr = false;
            if (r->record_length > 0)
                keep(r, text + i, 1);
            give_libcsv(r, text + i, 1);
            r->line_offset = 0;
            i++;
            continue;
        }
        r->after_cr = false;
        if (r->columns > 0 && r->record_length == 0 && r->line_offset == 0 &&
            r->blank_line == 0 && !r->libcsv_only) {
            size_t read = plain_rows(r, start, length - i);
            if (read > 0) {
                i += read;
                continue;
            }
        }
        while (j < length && text[j] != '\n' && text[j] != '\r')
            j++;
        ends = j < length;
        nul = memchr(start, '\0', j - i);
        usable = nul ? (size_t)(nul - start) : j - i;
        blank_so_far = r->record_length == r->held && r->line_offset == 0 &&
                       spaces_only(start, usable);
        if (blank_so_far && ends && !nul) {         /* a blank line */
            if (r->blank_line == 0)
                r->blank_line = r->line;
            r->record_length = r->held = 0;
        } else if (blank_so_far && !nul) {          /* spaces, then the block ends */
            keep(r, start, usable);
            r->held += usable;
        } else {
            if (r->blank_line != 0)
                fail(EXIT_USAGE, "%s:%zu:1: empty line (only the end of the file may be "
                     "blank); delete it", r->path, r->blank_line);
            if (ends && !nul && r->record_length == 0 && !r->libcsv_only &&
                memchr(start, '"', usable) == NULL) {
                plain_line(r, start, usable, usable + 1);
                goto next_line;
            }
            if (r->held > 0) {                      /* the spaces held back: a record's */
                give_libcsv(r, r->record, r->held);
                r->held = 0;
            }
            keep(r, start, usable + (ends && !nul));
            give_libcsv(r, start, usable + (ends && !nul));
        }
    next_line:
        if (nul != NULL)
            fail(EXIT_USAGE, "%s:%zu:%zu: a NUL byte: is this a text file? (UTF-16 text has "
                 "one in every other byte: save it as UTF-8)", r->path, r->line,
                 r->line_offset + r->held + 1);
        if (ends) {
            r->after_cr = text[j] == '\r';
            r->line++;
            r->line_offset = 0;
        }
        i = j + ends;
    }
}

static void reader_init(struct reader *r, const char *path)
{
    memset(r, 0, sizeof *r);
    r->path = path;
    r->line = 1;
    if (csv_init(&r->parser, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL) != 0)
        fail(EXIT_USAGE, "out of memory starting the CSV reader");
}

/* Everything r holds (what a refusal left, when fail does not exit). */
static void reader_free(struct reader *r)
{
    for (size_t k = 0; k < r->named; k++)
        free(r->names[k]);
    free(r->names);
    free(r->row);
    free(r->record);
    free(r->x);
    free(r->y);
    csv_free(&r->parser);
    memset(r, 0, sizeof *r);
}

/* The end of the text: the last record, the checks, the data set. */
static void reader_finish(struct reader *r, struct dataset *data)
{
    const size_t features = r->columns ? r->columns - 1 : 0;
    r->record_length -= r->held;    /* spaces alone on the last line: a blank line */
    r->held = 0;
    if (csv_fini(&r->parser, on_cell, on_record, r) != 0)
        fail(EXIT_USAGE, "%s:%zu:1: a quote opened on this line is never closed; close it, "
             "or double it (\"\") if it is part of the text", r->path, r->record_line);
    if (r->columns == 0 && r->field == 0)
        fail(EXIT_USAGE, "%s:1:1: empty file: expected a header row naming the columns",
             r->path);
    if (r->rows == 0)
        fail(EXIT_USAGE, "%s:%zu:1: no data rows after the header", r->path,
             r->blank_line ? r->blank_line : r->line + (r->line_offset > 0));
    if (r->index_column != 0)       /* after the checks: a refusal stays one line */
        warn("%s:%zu:%zu: warning: column '%.*s' looks like a pandas index saved as data; "
             "it is read as a feature (save with to_csv(..., index=False), or drop it with "
             "df.drop(columns='%.*s'))", r->path, r->index_line, r->index_at, SHOWN,
             r->names[r->index_column - 1], SHOWN, r->names[r->index_column - 1]);
    data->count = r->rows;
    data->features = features;
    data->x = xrealloc(r->x, r->rows, features * sizeof *r->x + !features);
    data->y = xrealloc(r->y, r->rows, sizeof *r->y);
    r->x = r->y = NULL;
    data->names = NULL;
    if (r->named == r->columns) {   /* the header's names go with the data */
        data->names = r->names;
        r->names = NULL, r->named = 0;
    }
    reader_free(r);
}

void dataset_parse_csv(struct dataset *data, const char *path, const char *text,
                       size_t length)
{
    struct reader r;
    reader_init(&r, path);
    feed(&r, text, length);
    reader_finish(&r, data);
}

/* Where block[0..length) can be cut so that no line is: after its last line
 * end, or length when it has none (a line longer than a block). */
static size_t after_last_line(const char *block, size_t length)
{
    for (size_t end = length; end > 0; end--)
        if (block[end - 1] == '\n' || block[end - 1] == '\r')
            return end;
    return length;
}

void dataset_read_csv(struct dataset *data, const char *path)
{
    FILE *file = fopen(path, "rb");
    static char block[BLOCK];
    struct reader r;
    size_t got, kept = 0, fed = 0;
    long size = -1;
    bool sized = false;
    if (file == NULL)
        fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(errno));
    setvbuf(file, NULL, _IONBF, 0);     /* fread fills block itself: no second copy */
    if (fseek(file, 0, SEEK_END) == 0)  /* a file's size, to make room for its rows once */
        size = ftell(file);
    if (size < 0 || fseek(file, 0, SEEK_SET) != 0) {
        clearerr(file);
        size = -1;
    }
    reader_init(&r, path);
    /* Whole lines to feed: the start of a line the block cut is kept for the
     * next block (feed could take it cut, but the cut line goes the slow way). */
    while ((got = fread(block + kept, 1, sizeof block - kept, file)) > 0) {
        size_t whole = after_last_line(block, kept + got);
        feed(&r, block, whole);
        fed += whole;
        if (!sized && r.rows > 0 && size > 0) {     /* the rows of the first block, */
            double rows = (double)r.rows * (double)size / (double)fed;  /* scaled to the file */
            try_room(&r, rows + rows / 8 + 64);
            sized = true;
        }
        kept = kept + got - whole;
        memmove(block, block + whole, kept);
    }
    if (ferror(file)) {
        int error = errno;
        fail(EXIT_USAGE, "cannot read %s: %s", path, error ? strerror(error) : "read error");
    }
    fclose(file);
    feed(&r, block, kept);
    reader_finish(&r, data);
}

/* ---------------------------------------------------------- the scales */

void dataset_feature_stats(const struct dataset *data, double *mean, double *spread)
{
    const size_t n = data->count, d = data->features;
    for (size_t j = 0; j < d; j++)
        mean[j] = spread[j] = 0.0;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++)
            mean[j] += data->x[i * d + j];
    for (size_t j = 0; j < d; j++)
        mean[j] /= (double)n;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++) {
            double deviation = data->x[i * d + j] - mean[j];
            spread[j] += deviation * deviation;
        }
    for (size_t j = 0; j < d; j++)
        spread[j] = sqrt(spread[j] / (double)n);
}

size_t dataset_standardize(struct dataset *data, double *mean, double *spread)
{
    const size_t n = data->count, d = data->features;
    dataset_feature_stats(data, mean, spread);
    for (size_t j = 0; j < d; j++)
        if (!(spread[j] > 0.0))
            return j + 1;
    for (size_t i = 0; i < n; i++)
        for (size_t j = 0; j < d; j++)
            data->x[i * d + j] = (data->x[i * d + j] - mean[j]) / spread[j];
    return 0;
}
