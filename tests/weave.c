/* weave.c: keeps the chapters honest and weaves book.md.
 *
 * A chapter (chapters/NN-slug/README.md) is a complete markdown document as
 * committed, so it reads well on GitHub.  Two kinds of invisible markers
 * say where its code and its programs' output come from:
 *
 *   <!-- listing: chapters/01-update-rule/gd.c#step -->
 *   <!-- end -->
 *       the lines between "ANCHOR: step" and "ANCHOR_END: step" in that
 *       file (the whole file without "#name"), in a fenced block
 *
 *   <!-- output: build/ch02 --lr 0.05 -->          (or "output exit=3: ...")
 *   <!-- end -->
 *       what the command prints, stdout and stderr together, after a
 *       "$ command" line; it must exit with the status given (default 0)
 *
 * Between a marker and its "<!-- end -->" the weaver owns the text.
 *
 * A number in the running text can come from a program too.  A file
 * declares, once, on a line of its own, the command that prints its named
 * values, one "name value text" per line (names unique, letters, digits
 * and _), and writes each value in place between two invisible comments:
 *
 *   <!-- values: build/ch03 --values -->
 *   ... converges at the rate <!-- v:kantorovich_rate -->0.6694<!-- /v -->, so ...
 *
 * GitHub shows "converges at the rate 0.6694, so".  The command runs once
 * per file and per weave; the weaver owns the text between "-->" and
 * "<!-- /v -->" (on one line) and sets it to the value as printed.  A
 * value whose text differs is stale (--check names it by file:line; a
 * weave rewrites it); a name the command does not print is an error.
 * A value may not open a line (CommonMark makes a line that starts with
 * "<!--" an HTML block: the paragraph would break there and the rest of
 * the line show raw) nor sit inside a code span.
 *
 * Every other numeral of the running text is checked by tests/numerals.c
 * (build/numerals, run by `make check`): it must be woven (in a block or a
 * value), asserted (its paragraph ends with <!-- t:TEST -->, and the
 * numeral appears in the body of START_TEST(TEST) in tests/NN-slug*.c),
 * given (<!-- given: 4, 0.1 --> in its paragraph: the inputs that define
 * the example, never a result) or exempt because it is not a result:
 * references after chapter, section, exercise, example, figure, table,
 * appendix, equation, part or issue; an equation number (4.4) that some
 * display line defines; a cited year or version; a list ordinal; a code
 * span the reader types (a command, a flag, a path, a function spec).
 * Mathematics in a code span is prose.  The full rule and the
 * normalisation ("100 000" = 100000, 4.5 × 10⁻³ = 4.5e-3, −3 = -3, 16/5
 * = `16.0 / 5`, "22 %" = 22) are in that file's banner.
 *
 *   weave --build DIR            refresh every chapter (and its worked answers,
 *                                solutions/NN-slug.md) in place, write book.md
 *   weave --build DIR --check    change nothing; show what is stale, exit 1
 *   weave ... --only 02-learning-rate ...   just these chapters, no book.md
 *   weave ... --outputs DIR      take a command's output from DIR/KEY and its
 *                                exit status from DIR/KEY.status when there
 *                                (KEY: the command with every character but
 *                                letters, digits, '.', '_', '-' as '_'),
 *                                written by tests/outputs.sh, which the
 *                                Makefile runs once per build of the program,
 *                                in parallel: a long run is made once
 *
 * Commands run from the top of the repository with "build/" at the start of
 * a word replaced by DIR, so the text shows the default path.  book.md is
 * the title, a table of contents and every chapter in order, with relative
 * links rewritten to start from the top of the repository.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#define MAX_CHAPTERS 64
#define MAX_VALUES 512
#define VALUES_MARK "<!-- values: "
#define VALUE_OPEN "<!-- v:"
#define VALUE_CLOSE "<!-- /v -->"

static const char *build_dir = "build";
static const char *outputs_dir;
static int stale_count;
static int error_count;
static int checking;     /* --check: report, change nothing */

/* ------------------------------------------------------------ text */

struct text {
    char *data;
    size_t length, capacity;
};

static void text_add(struct text *t, const char *s, size_t n)
{
    if (t->length + n + 1 > t->capacity) {
        t->capacity = 2 * (t->length + n + 1);
        t->data = realloc(t->data, t->capacity);
        if (t->data == NULL) {
            fprintf(stderr, "weave: out of memory\n");
            exit(1);
        }
    }
    memcpy(t->data + t->length, s, n);
    t->length += n;
    t->data[t->length] = '\0';
}

static void text_puts(struct text *t, const char *s)
{
    text_add(t, s, strlen(s));
}

static void text_printf(struct text *t, const char *format, ...)
{
    va_list args;
    int length;
    char *buffer;
    va_start(args, format);
    length = vsnprintf(NULL, 0, format, args);
    va_end(args);
    buffer = malloc((size_t)length + 1);
    if (buffer == NULL) {
        fprintf(stderr, "weave: out of memory\n");
        exit(1);
    }
    va_start(args, format);
    vsnprintf(buffer, (size_t)length + 1, format, args);
    va_end(args);
    text_add(t, buffer, (size_t)length);
    free(buffer);
}

static int read_file(const char *path, struct text *t)
{
    char buffer[65536];
    size_t n;
    FILE *file = fopen(path, "rb");
    if (file == NULL)
        return 0;
    t->length = 0;
    text_add(t, "", 0);
    while ((n = fread(buffer, 1, sizeof buffer, file)) > 0)
        text_add(t, buffer, n);
    fclose(file);
    return 1;
}

static int write_file(const char *path, const struct text *t)
{
    FILE *file = fopen(path, "wb");
    if (file == NULL || fwrite(t->data, 1, t->length, file) != t->length) {
        fprintf(stderr, "weave: cannot write %s\n", path);
        if (file)
            fclose(file);
        return 0;
    }
    return fclose(file) == 0;
}

static void problem(const char *file, int line, const char *format, ...)
{
    va_list args;
    fprintf(stderr, "%s:%d: ", file, line);
    va_start(args, format);
    vfprintf(stderr, format, args);
    va_end(args);
    fputc('\n', stderr);
    error_count++;
}

/* The next line of s (without its newline) into line; returns the
 * position after it, or NULL at the end. */
static const char *next_line(const char *s, char *line, size_t size)
{
    size_t n;
    if (*s == '\0')
        return NULL;
    n = strcspn(s, "\n");
    if (n >= size) {        /* never cut a line silently */
        fprintf(stderr, "weave: a line longer than %zu characters: %.60s...\n", size - 1, s);
        exit(1);
    }
    memcpy(line, s, n);
    line[n] = '\0';
    s += strcspn(s, "\n");
    return *s == '\n' ? s + 1 : s;
}

static int starts_with(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* ------------------------------------------------------------ listings */

static const char *fence_language(const char *path)
{
    const char *dot = strrchr(path, '.');
    if (dot && (strcmp(dot, ".c") == 0 || strcmp(dot, ".h") == 0))
        return "c";
    if (dot && strcmp(dot, ".gp") == 0)
        return "gnuplot";
    if (dot && strcmp(dot, ".sh") == 0)
        return "sh";
    if (strstr(path, "Makefile"))
        return "make";
    return "text";
}

/* Append the region of path named anchor (all of it when anchor is NULL). */
static void add_listing(struct text *out, const char *spec, const char *where, int at)
{
    char up[64] = "";   /* from where's folder back to the top: "../../" */
    char path[1024], line[16384], begin[300], end[300];
    const char *anchor = strchr(spec, '#');
    struct text source = {0};
    const char *s;
    int inside = anchor == NULL, found = 0;

    for (const char *c = where; *c && strlen(up) + 3 < sizeof up; c++)
        if (*c == '/')
            strcat(up, "../");
    snprintf(path, sizeof path, "%.*s", (int)(anchor ? (size_t)(anchor - spec) : strlen(spec)), spec);
    if (!read_file(path, &source)) {
        problem(where, at, "listing: cannot read %s", path);
        return;
    }
    if (anchor) {
        snprintf(begin, sizeof begin, "ANCHOR: %s", anchor + 1);
        snprintf(end, sizeof end, "ANCHOR_END: %s", anchor + 1);
    }
    text_printf(out, "<sub>[%s](%s%s)</sub>\n\n```%s\n", path, up, path, fence_language(path));
    for (s = source.data; (s = next_line(s, line, sizeof line)) != NULL;) {
        if (anchor && !inside) {
            char *hit = strstr(line, begin);
            if (hit && (hit[strlen(begin)] == '\0' || hit[strlen(begin)] == ' '))
                inside = found = 1;
            continue;
        }
        if (anchor) {
            char *hit = strstr(line, end);
            if (hit && (hit[strlen(end)] == '\0' || hit[strlen(end)] == ' '))
                break;
        }
        if (strstr(line, "ANCHOR: ") || strstr(line, "ANCHOR_END: "))
            continue;
        text_printf(out, "%s\n", line);
    }
    if (anchor && !found)
        problem(where, at, "listing: %s has no \"%s\"", path, begin);
    text_puts(out, "```\n");
    free(source.data);
}

/* ------------------------------------------------------------ outputs */

/* command with "build/" at the start of a word replaced by build_dir. */
static void locate_build(const char *command, struct text *out)
{
    for (const char *c = command; *c; c++) {
        int word_start = c == command || strchr(" \t|;&(=<>'\"", c[-1]) != NULL;
        if (word_start && starts_with(c, "build/")) {
            text_printf(out, "%s/", build_dir);
            c += strlen("build/") - 1;
        } else {
            text_add(out, c, 1);
        }
    }
}

/* Run command from the top of the repository (see locate_build); its
 * stdout and stderr together into result.  Returns its exit status. */
static int run_command(const char *command, struct text *result)
{
    struct text shell = {0};
    char buffer[4096];
    size_t n;
    FILE *pipe;
    int status;

    text_puts(&shell, "LC_ALL=C; export LC_ALL; (");
    locate_build(command, &shell);
    text_puts(&shell, ") 2>&1");
    result->length = 0;
    text_add(result, "", 0);
    pipe = popen(shell.data, "r");
    free(shell.data);
    if (pipe == NULL)
        return 127;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        text_add(result, buffer, n);
    status = pclose(pipe);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* The output of command: from the outputs folder when make ran it there
 * (tests/outputs.sh: DIR/KEY and its exit status in DIR/KEY.status; no
 * status file means 0), else run here.  Returns its exit status. */
static int command_output(const char *command, struct text *result)
{
    if (outputs_dir != NULL) {
        struct text path = {0}, status = {0};
        int found, code = 0;
        text_printf(&path, "%s/", outputs_dir);
        for (const char *c = command; *c; c++)
            text_printf(&path, "%c", strchr("._-", *c) || (*c >= 'a' && *c <= 'z') ||
                        (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ? *c : '_');
        found = read_file(path.data, result);
        if (found) {
            text_puts(&path, ".status");
            if (read_file(path.data, &status) && sscanf(status.data, "%d", &code) != 1)
                code = 128;
            free(status.data);
        }
        free(path.data);
        if (found)
            return code;
    }
    return run_command(command, result);
}

static void add_output(struct text *out, const char *command, int expected_exit,
                       const char *where, int at)
{
    struct text result = {0};
    int exit_code = command_output(command, &result);

    if (exit_code != expected_exit)
        problem(where, at, "output: `%s` exited with %d, not %d; it printed:\n%s", command,
                exit_code, expected_exit, result.data);
    text_printf(out, "```text\n$ %s\n", command);
    text_puts(out, result.data);
    if (result.length > 0 && result.data[result.length - 1] != '\n')
        text_puts(out, "\n");
    text_puts(out, "```\n");
    free(result.data);
}

/* ------------------------------------------------------------ values */

/* The named values a file's "<!-- values: command -->" line prints, one
 * "name value text" per line. */
struct values {
    char command[4096];
    int count, declared_at;
    char *name[MAX_VALUES], *value[MAX_VALUES];
};

static void free_values(struct values *v)
{
    for (int i = 0; i < v->count; i++) {
        free(v->name[i]);
        free(v->value[i]);
    }
    v->count = 0;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* Find the file's values line (at most one), run its command once and
 * keep what it prints. */
static void load_values(const char *path, const struct text *old, struct values *v)
{
    char line[16384];
    const char *s = old->data;
    int number = 0, in_fence = 0;
    struct text result = {0};

    v->count = 0;
    v->declared_at = 0;
    while ((s = next_line(s, line, sizeof line)) != NULL) {
        number++;
        if (starts_with(line, "```"))
            in_fence = !in_fence;
        if (in_fence || !starts_with(line, VALUES_MARK))
            continue;
        if (v->declared_at) {
            problem(path, number, "a second values line (the first is line %d): one per file",
                    v->declared_at);
            continue;
        }
        v->declared_at = number;
        if (strstr(line, " -->") == NULL) {
            problem(path, number, "a values line looks like <!-- values: build/chNN --values -->");
            continue;
        }
        snprintf(v->command, sizeof v->command, "%.*s", (int)(strstr(line, " -->") - line - strlen(VALUES_MARK)),
                 line + strlen(VALUES_MARK));
    }
    if (!v->declared_at || v->command[0] == '\0')
        return;
    if (command_output(v->command, &result) != 0) {
        problem(path, v->declared_at, "values: `%s` failed; it printed:\n%s", v->command, result.data);
        free(result.data);
        return;
    }
    number = 0;
    for (s = result.data; (s = next_line(s, line, sizeof line)) != NULL;) {
        char *space = strchr(line, ' ');
        number++;
        if (line[0] == '\0')
            continue;
        if (space == NULL || space == line || space[1] == '\0' || strstr(line, "<!--")) {
            problem(path, v->declared_at, "values: line %d of `%s` is not \"name value\": %s",
                    number, v->command, line);
            continue;
        }
        *space = '\0';
        for (const char *c = line; *c; c++)
            if (!is_name_char(*c)) {
                problem(path, v->declared_at, "values: `%s` prints the name \"%s\": "
                        "use letters, digits and _", v->command, line);
                break;
            }
        for (int i = 0; i < v->count; i++)
            if (strcmp(v->name[i], line) == 0)
                problem(path, v->declared_at, "values: `%s` prints %s twice", v->command, line);
        if (v->count == MAX_VALUES) {
            problem(path, v->declared_at, "values: more than %d values", MAX_VALUES);
            break;
        }
        v->name[v->count] = strdup(line);
        v->value[v->count] = strdup(space + 1);
        v->count++;
    }
    free(result.data);
}

/* line with the text of every "<!-- v:NAME -->text<!-- /v -->" set to the
 * value NAME; stale texts are reported when checking. */
static void weave_values(const char *path, int at, const char *line, const struct values *v,
                         struct text *out)
{
    const char *c = line;
    for (const char *open; (open = strstr(c, VALUE_OPEN)) != NULL;) {
        const char *name = open + strlen(VALUE_OPEN), *name_end = name, *text, *close;
        int found = -1, ticks = 0;
        for (const char *b = line; b < open; b++)
            ticks += *b == '`';
        if (ticks % 2 == 1)     /* in a code span GitHub shows the comments as text */
            problem(path, at, "a value inside a code span (`...`): GitHub would show its "
                    "comments; close the code span before <!-- v: and reopen it after");
        if (open == line)       /* CommonMark: a line opening with <!-- is an HTML block */
            problem(path, at, "a value at the start of a line: the line would become an HTML "
                    "block, breaking the paragraph and showing its markdown raw; put a word "
                    "of the sentence before <!-- v:");
        while (is_name_char(*name_end))
            name_end++;
        if (!starts_with(name_end, " -->") || name_end == name ||
            (close = strstr(name_end, VALUE_CLOSE)) == NULL) {
            problem(path, at, "a value looks like <!-- v:name -->text<!-- /v --> on one line");
            break;
        }
        text = name_end + strlen(" -->");
        text_add(out, c, (size_t)(text - c));
        for (int i = 0; i < v->count; i++)
            if (strlen(v->name[i]) == (size_t)(name_end - name) &&
                strncmp(v->name[i], name, (size_t)(name_end - name)) == 0)
                found = i;
        if (found < 0) {
            if (!v->declared_at)
                problem(path, at, "stale: value %.*s, but the file has no <!-- values: ... --> line",
                        (int)(name_end - name), name);
            else
                problem(path, at, "stale: value %.*s is not among those `%s` prints",
                        (int)(name_end - name), name, v->command);
            text_add(out, text, (size_t)(close - text));
        } else {
            if (checking && (strlen(v->value[found]) != (size_t)(close - text) ||
                             strncmp(v->value[found], text, (size_t)(close - text)) != 0))
                printf("%s:%d: stale: value %s reads \"%.*s\", `%s` prints \"%s\"\n", path, at,
                       v->name[found], (int)(close - text), text, v->command, v->value[found]);
            text_puts(out, v->value[found]);
        }
        c = close;
    }
    text_printf(out, "%s\n", c);
}

/* ------------------------------------------------------------ chapters */

/* The chapter text with every marked block produced afresh. */
static void refresh(const char *path, const struct text *old, struct text *out)
{
    char line[16384], marker[16384];
    const char *s = old->data;
    int number = 0, in_fence = 0;
    struct values values;

    load_values(path, old, &values);
    out->length = 0;
    text_add(out, "", 0);
    while ((s = next_line(s, line, sizeof line)) != NULL) {
        int listing, output, expected_exit = 0, marker_line;
        char *body;
        number++;
        if (starts_with(line, "```"))
            in_fence = !in_fence;
        if (!in_fence && strstr(line, VALUE_OPEN))
            weave_values(path, number, line, &values, out);
        else
            text_printf(out, "%s\n", line);
        listing = starts_with(line, "<!-- listing: ");
        output = starts_with(line, "<!-- output");
        if (!listing && !output)
            continue;
        marker_line = number;
        snprintf(marker, sizeof marker, "%s", line);
        body = strchr(marker, ':');
        if (body == NULL || strstr(marker, " -->") == NULL) {
            problem(path, number, "a marker looks like <!-- output: command --> ");
            continue;
        }
        *strstr(marker, " -->") = '\0';
        if (output && sscanf(marker, "<!-- output exit=%d", &expected_exit) != 1)
            expected_exit = 0;
        body += strspn(body, ": ");
        /* Skip the old block, up to and including "<!-- end -->". */
        for (;;) {
            s = next_line(s, line, sizeof line);
            if (s == NULL || starts_with(line, "<!-- listing: ") || starts_with(line, "<!-- output")) {
                problem(path, marker_line, "marker without its <!-- end --> line");
                free_values(&values);
                return;
            }
            number++;
            if (strcmp(line, "<!-- end -->") == 0)
                break;
        }
        if (listing)
            add_listing(out, body, path, marker_line);
        else
            add_output(out, body, expected_exit, path, marker_line);
        text_puts(out, "<!-- end -->\n");
    }
    free_values(&values);
}

/* Write text where it belongs, or in --check mode say how it differs. */
static void settle(const char *path, const struct text *now, const struct text *wanted, int check)
{
    char fresh[1024], command[4096];
    if (now->length == wanted->length && memcmp(now->data, wanted->data, now->length) == 0)
        return;
    if (!check) {
        if (write_file(path, wanted))
            printf("weave: wrote %s\n", path);
        else
            error_count++;
        return;
    }
    stale_count++;
    snprintf(fresh, sizeof fresh, "%s/woven/%s", build_dir, path);
    snprintf(command, sizeof command, "mkdir -p \"$(dirname '%s')\"", fresh);
    if (system(command) != 0 || !write_file(fresh, wanted)) {
        error_count++;
        return;
    }
    printf("weave: %s is stale (run `make book`); what `make book` would change:\n", path);
    fflush(stdout);
    snprintf(command, sizeof command, "diff -u '%s' '%s' | head -n 60", path, fresh);
    if (system(command) == -1)
        error_count++;
}

/* ------------------------------------------------------------ book.md */

/* GitHub's anchor for a heading: lower case, spaces to '-', letters,
 * digits, '-' and '_' kept, everything else dropped. */
static void anchor_of(const char *heading, char *anchor, size_t size)
{
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)heading; *c && n + 1 < size; c++) {
        if (*c >= 'A' && *c <= 'Z')
            anchor[n++] = (char)(*c - 'A' + 'a');
        else if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '_')
            anchor[n++] = (char)*c;
        else if (*c == ' ')
            anchor[n++] = '-';
    }
    anchor[n] = '\0';
}

/* "chapters/04-x/" + "../../plots/a.svg" -> "plots/a.svg". */
static void from_top(const char *folder, const char *target, char *out, size_t size)
{
    char joined[8192], *parts[256], *part, *save = NULL;
    int count = 0;
    size_t n = 0;
    snprintf(joined, sizeof joined, "%s/%s", folder, target);
    for (part = strtok_r(joined, "/", &save); part; part = strtok_r(NULL, "/", &save)) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            if (count > 0)
                count--;
            continue;
        }
        if (count < 256)
            parts[count++] = part;
    }
    out[0] = '\0';
    for (int i = 0; i < count && n < size; i++)
        n += (size_t)snprintf(out + n, size - n, "%s%s", i ? "/" : "", parts[i]);
}

/* Append a chapter to the book, its relative links made relative to the
 * top of the repository (code blocks are left alone). */
static void add_chapter(struct text *book, const char *folder, const struct text *chapter)
{
    char line[16384];
    const char *s = chapter->data;
    int in_code = 0;
    while ((s = next_line(s, line, sizeof line)) != NULL) {
        const char *c = line;
        if (starts_with(line, "```"))
            in_code = !in_code;
        while (!in_code && *c) {
            const char *link = strstr(c, "](");
            const char *close;
            char target[2048], rewritten[2048];
            if (link == NULL || (close = strchr(link + 2, ')')) == NULL)
                break;
            text_add(book, c, (size_t)(link + 2 - c));
            snprintf(target, sizeof target, "%.*s", (int)(close - link - 2), link + 2);
            if (strstr(target, "://") || target[0] == '#' || target[0] == '/' ||
                starts_with(target, "mailto:"))
                text_puts(book, target);
            else {
                from_top(folder, target, rewritten, sizeof rewritten);
                text_puts(book, rewritten);
            }
            c = close;
        }
        text_printf(book, "%s\n", c);
    }
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    int check = 0, only_count = 0, count = 0;
    char *only[MAX_CHAPTERS], *names[MAX_CHAPTERS];
    struct text now = {0}, wanted[MAX_CHAPTERS] = {{0}}, book = {0}, old_book = {0};
    DIR *dir;
    struct dirent *entry;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--build") == 0 && i + 1 < argc)
            build_dir = argv[++i];
        else if (strcmp(argv[i], "--check") == 0)
            check = checking = 1;
        else if (strcmp(argv[i], "--outputs") == 0 && i + 1 < argc)
            outputs_dir = argv[++i];
        else if (strcmp(argv[i], "--only") == 0)
            while (i + 1 < argc && argv[i + 1][0] != '-' && only_count < MAX_CHAPTERS)
                only[only_count++] = argv[++i];
        else {
            fprintf(stderr, "usage: weave --build DIR [--check] [--outputs DIR] [--only CHAPTER...]\n");
            return 2;
        }
    }

    dir = opendir("chapters");
    if (dir == NULL) {
        fprintf(stderr, "weave: run me from the top of the repository\n");
        return 2;
    }
    while ((entry = readdir(dir)) != NULL && count < MAX_CHAPTERS) {
        char path[1024];
        FILE *probe;
        if (entry->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "chapters/%s/README.md", entry->d_name);
        if ((probe = fopen(path, "r")) == NULL)
            continue;
        fclose(probe);
        names[count++] = strdup(entry->d_name);
    }
    closedir(dir);
    qsort(names, (size_t)count, sizeof names[0], by_name);
    for (int j = 0; j < only_count; j++) {
        int known = 0;
        for (int k = 0; k < count; k++)
            known |= strcmp(only[j], names[k]) == 0;
        if (!known) {
            fprintf(stderr, "weave: --only %s: no chapters/%s/README.md\n", only[j], only[j]);
            return 2;
        }
    }

    for (int k = 0; k < count; k++) {
        char path[1024];
        int selected = only_count == 0;
        for (int j = 0; j < only_count; j++)
            selected |= strcmp(only[j], names[k]) == 0;
        snprintf(path, sizeof path, "chapters/%s/README.md", names[k]);
        read_file(path, &now);
        if (!selected) {
            text_add(&wanted[k], "", 0);
            text_add(&wanted[k], now.data, now.length);
            continue;
        }
        refresh(path, &now, &wanted[k]);
        settle(path, &now, &wanted[k], check);
        /* The chapter's worked answers, if any, may carry markers too. */
        snprintf(path, sizeof path, "solutions/%s.md", names[k]);
        if (read_file(path, &now)) {
            struct text answers = {0};
            refresh(path, &now, &answers);
            settle(path, &now, &answers, check);
            free(answers.data);
        }
    }

    if (only_count == 0) {
        text_puts(&book, "# descent: gradient descent, worked by hand and checked in C\n\n");
        text_puts(&book, "<!-- This file is woven by `make book` from chapters/*/README.md: "
                         "edit those, not this. -->\n\n");
        text_puts(&book, "Every listing below is cut from the source that `make check` tests, "
                         "and every output is what the program printed.\n\n## Contents\n\n");
        for (int k = 0; k < count; k++) {
            char title[1024] = "", anchor[1024];
            const char *s = wanted[k].data;
            while ((s = next_line(s, title, sizeof title)) != NULL && !starts_with(title, "# "))
                ;
            if (s == NULL)
                snprintf(title, sizeof title, "# %s", names[k]);
            anchor_of(title + 2, anchor, sizeof anchor);
            text_printf(&book, "- [%s](#%s)\n", title + 2, anchor);
        }
        for (int k = 0; k < count; k++) {
            char folder[1024];
            snprintf(folder, sizeof folder, "chapters/%s", names[k]);
            text_puts(&book, "\n");
            add_chapter(&book, folder, &wanted[k]);
        }
        if (!read_file("book.md", &old_book))
            text_add(&old_book, "", 0);
        settle("book.md", &old_book, &book, check);
    }

    for (int k = 0; k < count; k++) {
        free(wanted[k].data);
        free(names[k]);
    }
    free(now.data);
    free(book.data);
    free(old_book.data);

    if (error_count > 0) {
        fprintf(stderr, "weave: %d problem(s)\n", error_count);
        return 1;
    }
    if (stale_count > 0) {
        printf("weave: %d file(s) stale\n", stale_count);
        return 1;
    }
    if (check)
        printf("weave: %s up to date\n", only_count ? "chapters" : "chapters and book.md");
    return 0;
}
