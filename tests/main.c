/* main.c: the runner of a chapter's Check suites, built three ways:
 *   -DRUN_CHAPTER            the chapter's suite only
 *   -DRUN_CHAPTER_EXERCISES  the chapter's suite and its exercises, linked
 *                            with the reference answers in solutions/
 *   -DRUN_YOURS              the exercises, linked with the learner's stubs:
 *                            a line per exercise (done, pending or FAILED
 *                            with expected, got and a hint), then
 *                            "exercises NN-slug: D done, P pending, F failed
 *                            of T", which `make check` adds up.
 * Check's environment variables work as usual: CK_RUN_SUITE, CK_RUN_CASE,
 * CK_VERBOSITY, and CK_FORK=no to run a test under gdb or valgrind. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef RUN_YOURS
/* A test that ended in exercise_end_if_pending: the stub still says TODO. */
static int is_pending(TestResult *result)
{
    return tr_rtype(result) != CK_PASS && strncmp(tr_msg(result), "pending: ", 9) == 0;
}

/* One line per exercise (a test case): done, pending or failed with
 * Check's message; then the count that `make check` adds up. */
static int report_exercises(SRunner *runner, const char *label)
{
    int run = srunner_ntests_run(runner);
    TestResult **results = srunner_results(runner);
    int total = 0, failures = 0, pendings = 0;

    for (int i = 0; i < run; i++) {
        const char *title = tr_tcname(results[i]);
        int pending = 0, failed = 0, first = i, pending_at = i;
        if (i > 0 && strcmp(tr_tcname(results[i - 1]), title) == 0)
            continue;                       /* reported with its first test */
        for (int j = i; j < run && strcmp(tr_tcname(results[j]), title) == 0; j++) {
            if (is_pending(results[j])) {
                pending = 1;
                pending_at = j;
            }
            else if (tr_rtype(results[j]) != CK_PASS && !failed) {
                failed = 1;
                first = j;
            }
        }
        total++;
        if (pending) {
            pendings++;
            printf("pending  %s -- %s\n", title, tr_msg(results[pending_at]) + 9);
        } else if (failed) {
            failures++;
            printf("FAILED   %s\n         %s:%d: %s\n", title, tr_lfile(results[first]),
                   tr_lno(results[first]), tr_msg(results[first]));
        } else {
            printf("done     %s\n", title);
        }
    }
    printf("exercises %s: %d done, %d pending, %d failed of %d\n", label,
           total - failures - pendings, pendings, failures, total);
    free(results);
    return failures;
}
#endif

int main(int argc, char **argv)
{
    SRunner *runner;
    int failures;
#if defined(RUN_YOURS)
    /* build/tests/04-batches-yours reports as "04-batches" */
    const char *name = argc > 0 && strrchr(argv[0], '/') ? strrchr(argv[0], '/') + 1 : "tests";
    char label[256];
    snprintf(label, sizeof label, "%s", name);
    if (strlen(label) > 6 && strcmp(label + strlen(label) - 6, "-yours") == 0)
        label[strlen(label) - 6] = '\0';

    runner = srunner_create(exercise_suite());
    /* Check's own summary would count pending exercises as failures. */
    srunner_run_all(runner, getenv("CK_VERBOSITY") ? CK_ENV : CK_SILENT);
    failures = report_exercises(runner, label);
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
