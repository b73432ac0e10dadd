/* main.c: the runner of a chapter's Check suites, built three ways:
 *   -DRUN_CHAPTER            the chapter's suite only
 *   -DRUN_CHAPTER_EXERCISES  the chapter's suite and its exercises, linked
 *                            with the reference answers in solutions/
 *   -DRUN_YOURS              the exercises, linked with the learner's stubs
 *                            (and the table of their functions that
 *                            tests/stubs.sh writes): a line per exercise,
 *                            done, pending, FAILING (with the call, expected,
 *                            got and a hint), CRASHED, TIMED OUT (did not
 *                            return in time) or NOT COMPILING (first error),
 *                            then "exercises NN-slug: D done, P pending,
 *                            F failing, B not compiling of T", which
 *                            `make check` adds up.
 * How to write an exercise: see harness.h.
 * Check's environment variables work as usual: CK_RUN_SUITE, CK_RUN_CASE,
 * CK_VERBOSITY, and CK_FORK=no to run a test under gdb or valgrind. */
#define _XOPEN_SOURCE 700                /* popen, getcwd */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef RUN_YOURS
extern const struct stub_function stub_functions[];

static int starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* How one test ended, worst first. */
enum outcome { DONE, PENDING, FAILING, ENDLESS, CRASHED, BROKEN };

static enum outcome outcome_of(TestResult *result)
{
    const char *msg = tr_msg(result);
    if (tr_rtype(result) == CK_PASS)
        return DONE;
    if (starts(msg, "pending: "))
        return PENDING;
    if (starts(msg, "broken: "))
        return BROKEN;
    if (starts(msg, "crashed: ") || starts(msg, "Received signal") ||
        starts(msg, "Early exit"))              /* exit(), or a sanitizer's report */
        return CRASHED;
    if (starts(msg, "timeout: ") || starts(msg, "Test timeout"))
        return ENDLESS;
    return FAILING;
}

/* Where each of the count addresses of program comes from, as addr2line
 * (binutils) tells it: locations[i] holds its "FILE:LINE", then those of
 * the functions it was inlined into ("FILE:LINE|FILE:LINE..."), "" when
 * none is known; FILE is relative to the working directory when under it. */
#define MAX_ADDRESSES 32
#define LOCATIONS 1024
static void source_lines(const char *program, const unsigned long *addresses, int count,
                         char locations[][LOCATIONS])
{
    char command[2048], cwd[1024] = "", line[512];
    size_t used;
    int i = -1;
    FILE *pipe;
    for (int k = 0; k < count; k++)
        locations[k][0] = '\0';
    if (strchr(program, '\'') != NULL || getcwd(cwd, sizeof cwd) == NULL)
        return;
    used = (size_t)snprintf(command, sizeof command, "addr2line -i -a -e '%s'", program);
    for (int k = 0; k < count && used < sizeof command; k++)
        used += (size_t)snprintf(command + used, sizeof command - used, " 0x%lx", addresses[k]);
    if (used + 20 >= sizeof command)
        return;
    snprintf(command + used, sizeof command - used, " 2>/dev/null");
    pipe = popen(command, "r");
    if (pipe == NULL)
        return;
    while (fgets(line, sizeof line, pipe) != NULL) {
        size_t n = strlen(cwd), have;
        const char *shown = line;
        line[strcspn(line, " \n")] = '\0';             /* " (discriminator 3)" */
        if (line[0] == '0' && line[1] == 'x') {         /* -a: the next address */
            i++;
            continue;
        }
        if (i < 0 || i >= count || line[0] == '?' || strchr(line, ':') == NULL ||
            line[strlen(line) - 1] == '?' || strcmp(strrchr(line, ':'), ":0") == 0)
            continue;
        if (strncmp(line, cwd, n) == 0 && line[n] == '/')
            shown = line + n + 1;
        have = strlen(locations[i]);
        snprintf(locations[i] + have, LOCATIONS - have, "%s%s", have ? "|" : "", shown);
    }
    pclose(pipe);
}

/* The location of list ("FILE:LINE|...") whose FILE ends with file (of
 * length n), copied into out; 0 when none is. */
static int location_in(const char *list, const char *file, size_t n, char *out, size_t size)
{
    while (*list) {
        size_t length = strcspn(list, "|");
        const char *colon = list + length;
        while (colon > list && *colon != ':')
            colon--;
        if (*colon == ':' && (size_t)(colon - list) >= n &&
            strncmp(colon - n, file, n) == 0) {
            snprintf(out, size, "%.*s", (int)length, list);
            return 1;
        }
        list += length + (list[length] == '|');
    }
    return 0;
}

/* "FILE@0xPC[,0xCALL...]" (tests/harness.c: where a crash stopped and the
 * calls that led there, or a function) with the line: "FILE:LINE" of the
 * first address in FILE, and ", stopped in OTHER:LINE" when the innermost
 * is elsewhere (the book's code, called from yours); just "FILE" when no
 * line can be found. */
static const char *print_address(const char *at, const char *file_start, const char *program)
{
    unsigned long addresses[MAX_ADDRESSES];
    static char locations[MAX_ADDRESSES][LOCATIONS];
    char mine[512] = "";
    size_t file_length = (size_t)(at - file_start);
    int count = 0, found = -1;
    const char *p = at + 1;
    for (;;) {
        char *end;
        unsigned long a = strtoul(p, &end, 16);
        if (end == p)
            break;
        if (count < MAX_ADDRESSES)
            addresses[count++] = a;
        p = end;
        if (*p != ',')
            break;
        p++;
    }
    source_lines(program, addresses, count, locations);
    for (int i = 0; i < count && found < 0; i++)
        if (location_in(locations[i], file_start, file_length, mine, sizeof mine))
            found = i;
    if (found >= 0)
        printf("%s", strrchr(mine, ':'));
    if (count > 0 && locations[0][0] != '\0') {
        size_t innermost = strcspn(locations[0], "|");
        /* (not in the harness's own bookkeeping of your calls) */
        if ((found != 0 || innermost != strlen(mine) ||
             strncmp(locations[0], mine, innermost) != 0) &&
            strncmp(locations[0], "tests/harness.c:", 16) != 0)
            printf(", stopped in %.*s", (int)innermost, locations[0]);
    }
    return p;
}

/* The message without its "kind: " prefix, its lines indented. */
static void print_message(const char *msg, const char *indent, const char *program)
{
    const char *colon = strstr(msg, ": "), *file_start = msg;
    if (starts(msg, "pending: ") || starts(msg, "broken: ") || starts(msg, "crashed: ") ||
        starts(msg, "timeout: "))
        msg = colon + 2;
    while (*msg) {
        if (*msg == '(' || *msg == ' ')
            file_start = msg + 1;
        if (msg[0] == '@' && msg[1] == '0' && msg[2] == 'x') {
            msg = print_address(msg, file_start, program);
            continue;
        }
        putchar(*msg);
        if (*msg == '\n')
            fputs(indent, stdout);
        msg++;
    }
    putchar('\n');
}

/* One line per exercise (a test case), a few more for a failure; then the
 * count that `make check` adds up. */
static int report_exercises(SRunner *runner, const char *label, const char *program)
{
    static const char *const names[] = {"done", "pending", "FAILING", "TIMED OUT", "CRASHED",
                                        "NOT COMPILING"};
    int run = srunner_ntests_run(runner);
    TestResult **results = srunner_results(runner);
    int total = 0, count[6] = {0};

    for (int i = 0; i < run; i++) {
        const char *title = tr_tcname(results[i]);
        enum outcome worst = DONE;
        int at = i, pending = -1;
        if (i > 0 && strcmp(tr_tcname(results[i - 1]), title) == 0)
            continue;                       /* reported with its first test */
        for (int j = i; j < run && strcmp(tr_tcname(results[j]), title) == 0; j++) {
            enum outcome o = outcome_of(results[j]);
            if (o == PENDING && pending < 0)
                pending = j;
            if (o > worst) {
                worst = o;
                at = j;
            }
        }
        /* An untouched stub is pending even if a later check of it fails. */
        if (pending >= 0 && worst == FAILING) {
            worst = PENDING;
            at = pending;
        }
        total++;
        count[worst]++;
        printf("  %-13s exercise %s", names[worst], title);
        if (worst == DONE) {
            putchar('\n');
            continue;
        }
        fputs(worst == FAILING ? "\n                " : ": ", stdout);
        print_message(tr_msg(results[at]), "                ", program);
        if (worst == PENDING)
            printf("                (make hint EX=%.*s)\n", (int)strcspn(title, " "), title);
        if (worst == CRASHED || worst == ENDLESS)
            printf("                debug it: CK_FORK=no CK_RUN_CASE='%s' gdb -ex run --args %s\n",
                   title, program);
    }
    printf("exercises %s: %d done, %d pending, %d failing, %d not compiling of %d\n", label,
           count[DONE], count[PENDING], count[FAILING] + count[CRASHED] + count[ENDLESS],
           count[BROKEN], total);
    free(results);
    return total - count[DONE] - count[PENDING];
}
#endif

int main(int argc, char **argv)
{
    SRunner *runner;
    int failures;
    /* Each line printed, by a test or by the learner's code debugging
     * itself, reaches the log even when its test then fails: Check's child
     * process leaves through _exit, which would drop a full buffer. */
    setvbuf(stdout, NULL, _IOLBF, 0);
#if defined(RUN_YOURS)
    /* build/tests/04-batches-yours reports as "04-batches" */
    const char *program = argc > 0 ? argv[0] : "tests";
    const char *name = strrchr(program, '/') ? strrchr(program, '/') + 1 : program;
    char label[256];
    snprintf(label, sizeof label, "%s", name);
    if (strlen(label) > 6 && strcmp(label + strlen(label) - 6, "-yours") == 0)
        label[strlen(label) - 6] = '\0';

    exercise_use_stubs(stub_functions);
    runner = srunner_create(exercise_suite());
    /* Check's own summary would count pending exercises as failures; the
     * lines above say everything (CK_VERBOSITY=verbose: all the digits). */
    srunner_run_all(runner, CK_SILENT);
    failures = report_exercises(runner, label, program);
#else
    (void)argc, (void)argv;
    runner = srunner_create(chapter_suite());
#if defined(RUN_CHAPTER_EXERCISES)
    srunner_add_suite(runner, exercise_suite());
#endif
    srunner_run_all(runner, CK_ENV);
    failures = srunner_ntests_failed(runner);
#endif
    srunner_free(runner);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
