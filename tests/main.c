/* main.c: the runner of a chapter's Check suites, built three ways:
 *   -DRUN_CHAPTER            the chapter's suite only
 *   -DRUN_CHAPTER_EXERCISES  the chapter's suite and its exercises, linked
 *                            with the reference answers in solutions/
 *   -DRUN_YOURS              the exercises, linked with the learner's stubs;
 *                            ends with "exercises NN-slug: D done, P pending,
 *                            F failed of T", which `make check` adds up.
 * Check's environment variables work as usual: CK_RUN_SUITE, CK_RUN_CASE,
 * CK_VERBOSITY, and CK_FORK=no to run a test under gdb or valgrind. */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern FILE *harness_pending_log;

#ifdef RUN_YOURS
/* Is name among the first count entries of names? */
static int seen(const char **names, int count, const char *name)
{
    for (int i = 0; i < count; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

static int report_exercises(SRunner *runner, const char *label)
{
    int run = srunner_ntests_run(runner);
    TestResult **results = srunner_results(runner);
    const char **titles = calloc((size_t)run + 1, sizeof *titles);
    const char **failed = calloc((size_t)run + 1, sizeof *failed);
    const char **pending = calloc((size_t)run + 1, sizeof *pending);
    int total = 0, failures = 0, pendings = 0;
    char line[1024];

    for (int i = 0; i < run; i++) {
        const char *title = tr_tcname(results[i]);
        if (!seen(titles, total, title))
            titles[total++] = title;
        if (tr_rtype(results[i]) != CK_PASS && !seen(failed, failures, title))
            failed[failures++] = title;
    }
    rewind(harness_pending_log);
    while (fgets(line, sizeof line, harness_pending_log) != NULL) {
        char *function = strchr(line, '\t');
        char *hint = function ? strchr(function + 1, '\t') : NULL;
        if (hint == NULL)
            continue;
        *function++ = '\0';
        *hint++ = '\0';
        hint[strcspn(hint, "\n")] = '\0';
        if (seen(pending, pendings, function))
            continue;
        pending[pendings++] = strcpy(malloc(strlen(function) + 1), function);
        printf("pending: %s: %s(): %s\n", line, function, hint);
    }
    printf("exercises %s: %d done, %d pending, %d failed of %d\n", label,
           total - failures - pendings, pendings, failures, total);
    for (int i = 0; i < pendings; i++)
        free((void *)pending[i]);
    free(titles);
    free(failed);
    free(pending);
    free(results);
    return failures;
}
#endif

int main(int argc, char **argv)
{
    const char *label = argc > 0 ? strrchr(argv[0], '/') : NULL;
    SRunner *runner;
    int failures;

    label = label ? label + 1 : (argc > 0 ? argv[0] : "tests");
#if defined(RUN_YOURS)
    {   /* build/tests/04-batches-yours reports as "04-batches" */
        static char chapter[256];
        snprintf(chapter, sizeof chapter, "%s", label);
        if (strlen(chapter) > 6 && strcmp(chapter + strlen(chapter) - 6, "-yours") == 0)
            chapter[strlen(chapter) - 6] = '\0';
        label = chapter;
    }
#endif
    harness_pending_log = tmpfile();
#if defined(RUN_YOURS)
    runner = srunner_create(exercise_suite());
#else
    runner = srunner_create(chapter_suite());
#if defined(RUN_CHAPTER_EXERCISES)
    srunner_add_suite(runner, exercise_suite());
#endif
#endif
    srunner_run_all(runner, CK_ENV);
#if defined(RUN_YOURS)
    failures = report_exercises(runner, label);
#else
    failures = srunner_ntests_failed(runner);
#endif
    srunner_free(runner);
    if (harness_pending_log != NULL)
        fclose(harness_pending_log);
    return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
