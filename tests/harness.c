/* harness.c: exercise bookkeeping and rounding helpers for the Check suites
 * (see harness.h). */
#define _GNU_SOURCE                     /* dladdr, the registers of a ucontext */
#include "harness.h"

#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__linux__) && defined(__GLIBC__) && (defined(__x86_64__) || defined(__aarch64__))
#include <execinfo.h>
#include <link.h>
#include <ucontext.h>
#define HAVE_CRASH_ADDRESS 1
#endif

/* A test ends in its own process (Check forks one per test) by _exit,
 * which flushes nothing: what the learner's code printed with printf to
 * debug it is flushed before every report of the harness (tests/main.c
 * line-buffers stdout too; a signal handler reports without flushing, as
 * the signal may have stopped a printf half-way). */
#define report(...)                 \
    do {                            \
        fflush(stdout);             \
        ck_abort_msg(__VA_ARGS__);  \
    } while (0)

/* ------------------------------------------------ the learner's functions */

static const struct stub_function *stubs;      /* NULL: reference answers */
static const struct stub_function *running[256];
static int depth;
static const struct stub_function *last_called;
static char given[1024];

void exercise_use_stubs(const struct stub_function *table)
{
    stubs = table;
}

static const struct stub_function *stub_at(const void *address)
{
    for (const struct stub_function *s = stubs; s && s->name; s++)
        if (s->address == (uintptr_t)address)
            return s;
    return NULL;
}

/* The learner's function now running (innermost), else the last one
 * called, else NULL; *inside says which. */
static const struct stub_function *current_stub(int *inside)
{
    for (int i = (depth < 256 ? depth : 256) - 1; i >= 0; i--)
        if (running[i]) {
            *inside = 1;
            return running[i];
        }
    *inside = 0;
    return last_called;
}

/* Called by GCC and clang on entering and leaving every function of a file
 * compiled with -finstrument-functions: the stubs, and nothing else. */
void __cyg_profile_func_enter(void *function, void *call_site);
void __cyg_profile_func_exit(void *function, void *call_site);

void __cyg_profile_func_enter(void *function, void *call_site)
{
    const struct stub_function *s = stub_at(function);
    (void)call_site;
    if (depth < 256)
        running[depth] = s;
    depth++;
    if (s == NULL)
        return;
    last_called = s;
    if (s->broken)
        report("broken: %s", s->broken);
}

void __cyg_profile_func_exit(void *function, void *call_site)
{
    (void)function, (void)call_site;
    if (depth > 0)
        depth--;
}

/* ------------------------------------------------ crashes and endless loops */

static unsigned time_limit(void)
{
    const char *multiplier = getenv("CK_TIMEOUT_MULTIPLIER");
    double m = multiplier ? atof(multiplier) : 1.0;
    double seconds = EXERCISE_SECONDS * (m > 0 ? m : 1.0);
    return seconds < 1 ? 1u : (unsigned)ceil(seconds);
}

static const char *signal_name(int signal_number)
{
    switch (signal_number) {
    case SIGSEGV: return "SIGSEGV (a bad pointer or index, or a recursion too deep)";
    case SIGBUS: return "SIGBUS (a bad pointer)";
    case SIGFPE: return "SIGFPE (an integer division by zero)";
    case SIGILL: return "SIGILL";
    case SIGABRT: return "SIGABRT (abort() or a failed assert())";
    default: return "a signal";
    }
}

/* Where a test stopped or a function starts, as "@0x...": the offset of
 * the instruction in this program, which tests/main.c turns into FILE:LINE
 * with addr2line; nothing for an address outside the program (libc) or on
 * a platform whose registers and unwinder we do not know (then the report
 * names the file alone). */
#ifdef HAVE_CRASH_ADDRESS
struct program_search {
    uintptr_t pc, bias;
    int found;
};

/* Is pc in the program itself (dlpi_name "": the main program), not in a
 * shared library?  Then bias is its load bias (0 unless position
 * independent), which addr2line's addresses leave out. */
static int in_program(struct dl_phdr_info *info, size_t size, void *data)
{
    struct program_search *search = data;
    (void)size;
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        uintptr_t start = info->dlpi_addr + ph->p_vaddr;
        if (ph->p_type == PT_LOAD && search->pc >= start && search->pc < start + ph->p_memsz) {
            search->found = info->dlpi_name == NULL || info->dlpi_name[0] == '\0';
            search->bias = info->dlpi_addr;
            return 1;
        }
    }
    return 0;
}
#endif

/* "@0x..." for an address of this program (see crash_address), or "". */
static void program_address(uintptr_t pc, char *text, size_t size)
{
    text[0] = '\0';
#ifdef HAVE_CRASH_ADDRESS
    struct program_search search = {pc, 0, 0};
    dl_iterate_phdr(in_program, &search);
    if (search.found)
        snprintf(text, size, "@0x%lx", (unsigned long)(search.pc - search.bias));
#else
    (void)pc, (void)size;
#endif
}

/* "@0xPC,0xCALL,..." : the interrupted instruction, then the calls that
 * led to it (innermost first, each return address less one, so that its
 * line is the call's), those in this program only: tests/main.c shows the
 * first that is in your file, so that a loop around a call of the book's
 * code is still found in your code. */
static void crash_address(const void *context, char *text, size_t size)
{
    text[0] = '\0';
#ifdef HAVE_CRASH_ADDRESS
    const ucontext_t *uc = context;
    void *frames[24];
    char one[64];
    size_t used;
    int count;
    if (context == NULL)
        return;
#if defined(__x86_64__)
    program_address((uintptr_t)uc->uc_mcontext.gregs[REG_RIP], text, size);
#else
    program_address((uintptr_t)uc->uc_mcontext.pc, text, size);
#endif
    if (text[0] == '\0')
        snprintf(text, size, "@0x0");   /* stopped outside the program (libc) */
    used = strlen(text);
    count = backtrace(frames, 24);
    for (int i = 0; i < count && used + 24 < size; i++) {
        program_address((uintptr_t)frames[i] - 1, one, sizeof one);
        if (one[0] != '\0')
            used += (size_t)snprintf(text + used, size - used, ",%s", one + 1);
    }
#else
    (void)context, (void)size;
#endif
}

/* " in your f() (FILE@0x...)", or " after your f() (FILE) returned". */
static void describe_stub(char *where, size_t size, const void *context)
{
    int inside;
    const struct stub_function *s = current_stub(&inside);
    char pc[700];
    where[0] = '\0';
    crash_address(context, pc, sizeof pc);
    if (s && inside)
        snprintf(where, size, " in your %s() (%s%s)", s->name, s->file, pc);
    else if (s)
        snprintf(where, size, " after your %s() (%s) returned", s->name, s->file);
}

/* "\ngiven CALL" when the test said what it called, else "". */
static const char *given_line(void)
{
    static char line[sizeof given + 16];
    if (given[0] == '\0')
        return "";
    snprintf(line, sizeof line, "\ngiven %s", given);
    return line;
}

/* In the test's own process (Check forks one per test): say where, then
 * let Check report it as this test's failure. */
static void on_signal(int signal_number, siginfo_t *info, void *context)
{
    char where[1200];
    (void)info;
    describe_stub(where, sizeof where, context);
    if (signal_number == SIGALRM)
        ck_abort_msg("timeout: did not return within %u s%s%s", time_limit(), where,
                     given_line());
    ck_abort_msg("crashed: crashed with %s%s%s", signal_name(signal_number), where,
                 given_line());
}

static void watch_the_test(void)
{
    static char alternate[1 << 16];     /* room for the handler after a stack overflow */
    static const int signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM};
    stack_t stack = {.ss_sp = alternate, .ss_size = sizeof alternate, .ss_flags = 0};
    struct sigaction action;
    const char *fork = getenv("CK_FORK");
    if (fork && strcmp(fork, "no") == 0)
        return;                         /* under a debugger: let it stop there */
#ifdef HAVE_CRASH_ADDRESS
    {
        void *frame[1];
        backtrace(frame, 1);            /* loads the unwinder now, not in the handler */
    }
#endif
    sigaltstack(&stack, NULL);
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_signal;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
        sigaction(signals[i], &action, NULL);
    alarm(time_limit());
}

/* ------------------------------------------------ exit() inside a test */

/* Check counts a test whose process exits with status 0 as passed, even
 * one that never reached its end: an answer that called exit(0) was
 * "done".  The fixture marks the test as running until its teardown, and
 * an exit handler reports an exit before that.  (A failed check leaves
 * through _exit, which runs no handler.) */
static int test_running;

static void on_early_exit(void)
{
    char where[600];
    if (!test_running)
        return;
    test_running = 0;
    describe_stub(where, sizeof where, NULL);
    report("crashed: exit() was called%s before the test's end: return the answer "
                 "instead%s", where, given_line());
}

/* ------------------------------------------------ test cases */

static void start_exercise(void)
{
    static int registered;
    const char *fork = getenv("CK_FORK");
    exercise_forget();
    depth = 0;
    last_called = NULL;
    given[0] = '\0';
    watch_the_test();
    if (fork && strcmp(fork, "no") == 0)
        return;                         /* one process for every test: no handler */
    if (!registered)
        registered = atexit(on_early_exit) == 0;
    test_running = 1;
}

static void end_exercise(void)
{
    test_running = 0;
}

TCase *exercise_case(const char *title)
{
    TCase *test_case = tcase_create(title);
    tcase_add_checked_fixture(test_case, start_exercise, end_exercise);
    /* Check's own limit comes after ours, which names the function. */
    tcase_set_timeout(test_case, EXERCISE_SECONDS + 3);
    return test_case;
}

void exercise_end_if_pending(void)
{
    const char *file, *function, *hint;
    if (exercise_pending(&file, &function, &hint))
        report("pending: %s: %s(): %s", file, function, hint);
}

void exercise_given(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    vsnprintf(given, sizeof given, format, args);
    va_end(args);
}

/* got and expected with as many digits as tell them apart (6 at least, as
 * the chapters print), or all 17 under CK_VERBOSITY=verbose; a NaN is
 * "nan", whatever its sign bit. */
static void tell_apart(double got, double expected, char *g, char *e, size_t size)
{
    const char *verbosity = getenv("CK_VERBOSITY");
    int digits = verbosity && strcmp(verbosity, "verbose") == 0 ? 17 : 6;
    for (;; digits++) {
        snprintf(g, size, "%.*g", digits, got);
        snprintf(e, size, "%.*g", digits, expected);
        if (isnan(got))             /* not "-nan": a NaN has no sign worth showing */
            snprintf(g, size, "nan");
        if (isnan(expected))
            snprintf(e, size, "nan");
        if (strcmp(g, e) != 0 || digits >= 17)
            return;
    }
}

static void expect(const char *expression, double got, double expected, double tolerance,
                   const char *unshown, const char *hint);

void exercise_expect(const char *expression, double got, double expected, double tolerance,
                     const char *hint)
{
    expect(expression, got, expected, tolerance, NULL, hint);
}

void exercise_expect_unshown(const char *expression, double got, double expected,
                             const char *unshown, const char *hint)
{
    expect(expression, got, expected, 0, unshown, hint);
}

static void expect(const char *expression, double got, double expected, double tolerance,
                   const char *unshown, const char *hint)
{
    char g[64], e[64], whose[512] = "", call[1400];
    int inside;
    const struct stub_function *s = current_stub(&inside);
    if (fabs(got - expected) <= tolerance)
        return;
    tell_apart(got, expected, g, e, sizeof g);
    if (s) {
        char at[64];                    /* the function's first line: tests/main.c */
        program_address(s->address, at, sizeof at);
        snprintf(whose, sizeof whose, "your %s() in %s%s\n", s->name, s->file, at);
    }
    /* An output named by the test (theta[0], r.roots) is shown; a call or
     * a variable holding the function's result is "your answer". */
    if (given[0] && strchr(expression, '(') == NULL && strpbrk(expression, "[.>") != NULL)
        snprintf(call, sizeof call, "given %s\n%s", given, expression);
    else if (given[0])
        snprintf(call, sizeof call, "given %s\nyour answer", given);
    else
        snprintf(call, sizeof call, "%s", expression);
    if (unshown)
        report("%s%s: expected %s, got %s\nhint: %s", whose, call, unshown, g, hint);
    if (tolerance > 0)
        report("%s%s: expected %s (to within %g), got %s\nhint: %s", whose, call, e,
                     tolerance, g, hint);
    report("%s%s: expected %s, got %s\nhint: %s", whose, call, e, g, hint);
}

/* ------------------------------------------------ numbers as the prose rounds them */

static char *rotating_buffer(void)
{
    static char buffers[8][64];
    static int next;
    next = (next + 1) % 8;
    return buffers[next];
}

const char *fixed(int digits, double x)
{
    char *out = rotating_buffer();
    snprintf(out, 64, "%.*f", digits, x);
    return out;
}

const char *sci(int digits, double x)
{
    char *out = rotating_buffer(), *e, *exponent;
    snprintf(out, 64, "%.*e", digits, x);
    e = strchr(out, 'e');
    if (e != NULL) {
        exponent = e + 1;
        if (*exponent == '+')
            memmove(exponent, exponent + 1, strlen(exponent));
        if (*exponent == '-')
            exponent++;
        while (exponent[0] == '0' && exponent[1] != '\0')
            memmove(exponent, exponent + 1, strlen(exponent));
    }
    return out;
}
