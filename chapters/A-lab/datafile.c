/* datafile.c: reading a regression data set from CSV (see datafile.h).
 *
 * The whole file is read into memory, then walked line by line.  Values go
 * into a growing array first, because the number of rows is known only at
 * the end; the data set is allocated once, at its final size.
 */
#include "A-lab/datafile.h"
#include "00-toolkit/args.h"
#include "00-toolkit/fail.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A cell: text[start..start+length) of its line, spaces trimmed. */
struct cell {
    const char *text;
    size_t length;
    size_t column;      /* 1-based column of the cell's first character */
};

struct growing {
    double *values;
    size_t count, capacity;
};

static void grow_push(struct growing *g, double value)
{
    if (g->count == g->capacity) {
        size_t capacity = g->capacity ? 2 * g->capacity : 256;
        double *values = realloc(g->values, capacity * sizeof *values);
        if (values == NULL)
            fail(1, "out of memory reading data (%zu values)", g->count);
        g->values = values;
        g->capacity = capacity;
    }
    g->values[g->count++] = value;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* Split line[0..length) at commas into cells (up to max; returns the
 * number of cells, which may exceed max: only the first max are stored). */
static size_t split_cells(const char *line, size_t length, struct cell *cells, size_t max)
{
    size_t count = 0, start = 0;
    for (;;) {
        size_t end = start;
        while (end < length && line[end] != ',')
            end++;
        if (count < max) {
            size_t a = start, b = end;
            while (a < b && is_space(line[a]))
                a++;
            while (b > a && is_space(line[b - 1]))
                b--;
            cells[count].text = line + a;
            cells[count].length = b - a;
            cells[count].column = a + 1;
        }
        count++;
        if (end == length)
            return count;
        start = end + 1;
    }
}

/* Does strtod read all of cell?  Its value goes to *value.  strtod needs
 * the cell on its own, NUL-terminated: a copy, on the heap only for the
 * rare numeral too long for the stack buffer (1 followed by 600 zeros). */
static int cell_number(const struct cell *cell, double *value)
{
    char small[128];
    char *buffer = small, *end;
    int whole;
    if (cell->length == 0)
        return 0;
    if (cell->length >= sizeof small)
        buffer = xcalloc(cell->length + 1, 1);
    memcpy(buffer, cell->text, cell->length);
    buffer[cell->length] = '\0';
    *value = strtod(buffer, &end);
    whole = *end == '\0';
    if (buffer != small)
        free(buffer);
    return whole;
}

/* At most 40 characters of a cell, for a message. */
#define SHOWN(cell) (int)((cell)->length < 40 ? (cell)->length : 40), (cell)->text

void dataset_parse_csv(struct dataset *data, const char *path, const char *text,
                       size_t length)
{
    struct cell *header = NULL, *cells = NULL;
    struct growing values = {0};
    size_t columns = 0, rows = 0, line_number = 0, blank_line = 0;
    size_t position = 0;

    if (length >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
        position = 3;       /* UTF-8's byte order mark, which spreadsheets write */
    while (position < length) {
        const char *line = text + position;
        size_t line_length = 0, count;
        while (position + line_length < length && line[line_length] != '\n' &&
               line[line_length] != '\r')
            line_length++;
        position += line_length + 1;
        if (position < length && line[line_length] == '\r' && line[line_length + 1] == '\n')
            position++;                                     /* CRLF, LF or a bare CR */
        line_number++;

        if (line_length == 0) {                             /* blank: fine at the end */
            if (blank_line == 0)
                blank_line = line_number;
            continue;
        }
        if (blank_line != 0)
            fail(EXIT_USAGE, "%s:%zu:1: empty line (only the end of the file may be blank)",
                 path, blank_line);

        if (header == NULL) {                               /* the header row */
            columns = split_cells(line, line_length, NULL, 0);
            header = checked_calloc(columns, sizeof *header, __FILE__, __LINE__);
            cells = checked_calloc(columns, sizeof *cells, __FILE__, __LINE__);
            split_cells(line, line_length, header, columns);
            if (columns < 2)
                fail(EXIT_USAGE, "%s:%zu:1: the header names 1 column; the lab needs at least "
                     "2, separated by commas (the features, then the target)", path,
                     line_number);
            for (size_t c = 0; c < columns; c++) {
                double ignored;
                if (header[c].length == 0)
                    fail(EXIT_USAGE, "%s:%zu:%zu: empty column name in the header", path,
                         line_number, header[c].column);
                if (cell_number(&header[c], &ignored))
                    fail(EXIT_USAGE, "%s:%zu:%zu: header cell '%.*s' is a number: the first "
                         "row must name the columns", path, line_number, header[c].column,
                         SHOWN(&header[c]));
            }
            continue;
        }

        count = split_cells(line, line_length, cells, columns);
        if (count != columns) {
            size_t column = line_length + 1;    /* too few: the end of the line */
            if (count > columns) {              /* too many: the first extra comma */
                column = 1;
                for (size_t seen = 0, i = 0; i < line_length; i++)
                    if (line[i] == ',' && ++seen == columns) {
                        column = i + 1;
                        break;
                    }
            }
            fail(EXIT_USAGE, "%s:%zu:%zu: this row has %zu cell%s, the header has %zu",
                 path, line_number, column, count, count == 1 ? "" : "s", columns);
        }
        for (size_t c = 0; c < columns; c++) {
            double value;
            if (cells[c].length == 0)
                fail(EXIT_USAGE, "%s:%zu:%zu: empty cell (column '%.*s')", path, line_number,
                     cells[c].column, SHOWN(&header[c]));
            if (memchr(cells[c].text, '\0', cells[c].length) != NULL)
                fail(EXIT_USAGE, "%s:%zu:%zu: a NUL byte in this cell: is this a text file?",
                     path, line_number, cells[c].column);
            if (!cell_number(&cells[c], &value))
                fail(EXIT_USAGE, "%s:%zu:%zu: '%.*s' is not a number (column '%.*s')", path,
                     line_number, cells[c].column, SHOWN(&cells[c]), SHOWN(&header[c]));
            if (!isfinite(value))
                fail(EXIT_USAGE, "%s:%zu:%zu: '%.*s' is not a finite number (column '%.*s')",
                     path, line_number, cells[c].column, SHOWN(&cells[c]), SHOWN(&header[c]));
            if (!is_decimal(cells[c].text, cells[c].length))   /* strtod's 0x10 */
                fail(EXIT_USAGE, "%s:%zu:%zu: '%.*s' is not a decimal number (column '%.*s')",
                     path, line_number, cells[c].column, SHOWN(&cells[c]), SHOWN(&header[c]));
            grow_push(&values, value);
        }
        rows++;
    }

    if (header == NULL)
        fail(EXIT_USAGE, "%s:1:1: empty file: expected a header row naming the columns", path);
    if (rows == 0)
        fail(EXIT_USAGE, "%s:%zu:1: no data rows after the header", path,
             blank_line ? blank_line : line_number + 1);

    dataset_init(data, rows, columns - 1);
    for (size_t i = 0; i < rows; i++) {
        const double *row = values.values + i * columns;
        for (size_t j = 0; j + 1 < columns; j++)
            data->x[i * (columns - 1) + j] = row[j];
        data->y[i] = row[columns - 1];
    }
    free(values.values);
    free(header);
    free(cells);
}

void dataset_read_csv(struct dataset *data, const char *path)
{
    FILE *file = fopen(path, "rb");
    char *text = NULL;
    size_t length = 0, capacity = 0;

    if (file == NULL)
        fail(EXIT_USAGE, "cannot read %s: %s", path, strerror(errno));
    for (;;) {
        size_t got;
        if (length == capacity) {
            char *bigger;
            capacity = capacity ? 2 * capacity : 65536;
            bigger = realloc(text, capacity);
            if (bigger == NULL)
                fail(1, "out of memory reading %s", path);
            text = bigger;
        }
        got = fread(text + length, 1, capacity - length, file);
        length += got;
        if (got == 0)
            break;
    }
    if (ferror(file)) {
        int error = errno;
        fail(EXIT_USAGE, "cannot read %s: %s", path, error ? strerror(error) : "read error");
    }
    fclose(file);
    dataset_parse_csv(data, path, text, length);
    free(text);
}
