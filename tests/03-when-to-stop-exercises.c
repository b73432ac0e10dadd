/* tests/03-when-to-stop-exercises.c: chapter 3's code exercise.
 *
 * The answers are exact: every trial step is alpha0 times a power of rho,
 * and on these quadratics (3.5) is decided by a margin far above rounding
 * (except where it is an exact tie, chosen on purpose, with numbers that
 * are exact in binary).  So the test compares with ==, and when the
 * answer is wrong it names the likely mistake that gives the same answer.
 */
#include "harness.h"
#include "00-toolkit/functions.h"
#include "03-when-to-stop/exercises.h"
#include "03-when-to-stop/line_search.h"
#include "03-when-to-stop/stopping.h"
#include "00-toolkit/rng.h"

static const double valley[2] = {1.0, 10.0};

/* The hint for a wrong alpha on the valley from (1, 1) with c = 1/2:
 * 1/8 is what a rule without the square (c alpha ||g||) or a plain
 * decrease f(x - alpha g) < f(x) gives; 0 what an alpha that never
 * shrinks gives.  A vanishing alpha is accepted only where rounding makes
 * both sides equal: a step uphill (x + alpha g) gets there at about 1e-17,
 * a rule without c (f(x) - alpha g'g, which no step of a quadratic meets
 * exactly: f(x - alpha g) = f(x) - alpha g'g + alpha^2 g'Hg / 2) at 2^-30
 * (about 1e-9) with "<=" and about 1e-17 with "<"; so that hint names both.  Shorter than 1/16
 * but not vanishing: a c larger than asked. */
static const char *hint_for(double got)
{
    if (got == 1.0 / 8)
        return "1/8 lowers f, but not by the amount (3.5) asks: is c in your right side, and "
               "the squared norm of g rather than the norm?";
    if (got == 0.0)
        return "no step was accepted: is your trial point downhill from x, and does alpha "
               "shrink by rho after each failure?";
    if (got < 1e-6)
        return "only a vanishing step passed, where rounding hides the difference: is the "
               "trial point downhill (along -g, not +g), and is c in the right side of "
               "(3.5)?";
    if (got < 1.0 / 16)
        return "shorter than needed: your test asks for more decrease than (3.5) does with the c given";
    return "section \"Backtracking\": which step is tried first, which next, and which one is returned?";
}

static void armijo_on_the_valley(void)
{
    const struct function f = quadratic(valley, 2);
    const double x[2] = {1.0, 1.0}, g[2] = {1.0, 10.0};
    long evaluations = -1;
    GIVEN("armijo_yours(f = 1/2 (x1^2 + 10 x2^2), x = (1, 1), fx = 5.5, grad = (1, 10), "
          "alpha0 = 1, c = 0.5, rho = 0.5)");
    double got = armijo_yours(&f, x, 5.5, g, 1.0, 0.5, 0.5, &evaluations);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 1.0 / 16, 0.0, hint_for(got));
    EXPECT_ANSWER(evaluations, 5, 0.0,
                  "count one call of f->value per trial step (f(x) is given as fx)");
    got = armijo_yours(&f, x, 5.5, g, 1.0, 1e-4, 0.5, &evaluations);
    GIVEN("armijo_yours(f = 1/2 (x1^2 + 10 x2^2), x = (1, 1), fx = 5.5, grad = (1, 10), "
          "alpha0 = 1, c = 1e-4, rho = 0.5)");
    EXPECT_ANSWER(got, 1.0 / 8, 0.0, "with c = 1e-4 almost any decrease passes: which trial step first lowers f?");
    EXPECT_ANSWER(evaluations, 4, 0.0, "one call of f->value per trial step");
}

/* f = x^2 / 2 from 1 with c = 1/2: at alpha = 1 both sides are 0 exactly
 * (f(0) = 0 and 1/2 - 1/2 * 1 * 1 = 0), and (3.5) is "<=": accepted. */
static void armijo_accepts_a_tie(void)
{
    static const double one = 1.0;
    const struct function f = quadratic(&one, 1);
    const double x = 1.0, g = 1.0;
    long evaluations;
    GIVEN("armijo_yours(f = x^2 / 2, x = 1, fx = 0.5, grad = 1, alpha0 = 1, c = 0.5, "
          "rho = 0.5)");
    double got = armijo_yours(&f, &x, 0.5, &g, 1.0, 0.5, 0.5, &evaluations);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 1.0, 0.0, got == 0.5 ? "(3.5) is <=, not <: at alpha = 1 both sides are 0"
                                            : "alpha0 itself passes here: try it first");
}

/* The learner's loop agrees with the book's armijo_backtrack on every step
 * of 200 steps of Rosenbrock from (-1.5, 2). */
static void armijo_agrees_with_the_book_on_rosenbrock(void)
{
    const struct function f = function_from_spec("test", "rosenbrock");
    double x[2] = {-1.5, 2.0}, g[2], next[2], fx = f.value(&f, x);
    for (int k = 0; k < 200; k++) {
        long evaluations;
        struct armijo_result book;
        double got;
        f.gradient(&f, g, x);
        GIVEN("armijo_yours(f = rosenbrock, x = (%.6g, %.6g), alpha0 = 1, c = 1e-4, "
              "rho = 0.5), step %d of a run from (-1.5, 2)", x[0], x[1], k);
        got = armijo_yours(&f, x, fx, g, 1.0, 1e-4, 0.5, &evaluations);
        RETURN_IF_PENDING();
        book = armijo_backtrack(function_loss, &f, 2, x, fx, g, 1.0, 1e-4, 0.5, next);
        EXPECT_ANSWER(got, book.alpha, 0.0, "the same rule as (3.5) on a harder function");
        EXPECT_ANSWER(evaluations, book.evaluations, 0.0, "one call of f->value per trial");
        x[0] = next[0];
        x[1] = next[1];
        fx = book.loss;
    }
}

/* Exercise 3.3 is one exercise, so one test (one line in your progress):
 * its four checks run in order, and the first that fails is reported. */
START_TEST(armijo_backtracking)
{
    armijo_on_the_valley();
    armijo_accepts_a_tie();
    {   /* rho = 0.3 on the valley from (1, 1), c = 1e-4: alpha = 1 gives
         * f = 405, 0.3 gives 20.245, 0.09 gives 0.46405: accepted. */
        const struct function f = quadratic(valley, 2);
        const double x[2] = {1.0, 1.0}, g[2] = {1.0, 10.0};
        long evaluations;
        GIVEN("armijo_yours(f = 1/2 (x1^2 + 10 x2^2), x = (1, 1), fx = 5.5, grad = (1, 10), "
              "alpha0 = 1, c = 1e-4, rho = 0.3)");
        double got = armijo_yours(&f, x, 5.5, g, 1.0, 1e-4, 0.3, &evaluations);
        RETURN_IF_PENDING();
        EXPECT_ANSWER(got, 1.0 * 0.3 * 0.3, 1e-16,
                      "this rho is not 1/2: shrink alpha by the rho given");
    }
    armijo_agrees_with_the_book_on_rosenbrock();
}
END_TEST

/* Exercise 5: against exact_step on the chapter's example (g = (1, 4),
 * Hg = (1, 16): alpha = 17/65), a zero gradient, a direction of negative
 * curvature, and 100 random cases.  The same two sums in the same order:
 * exactly; another order of the sums differs by a few units in the last
 * place, so 1e-13 relative. */
START_TEST(exact_step_like_the_book)
{
    static const double g[2] = {1.0, 4.0}, hg[2] = {1.0, 16.0}, zero[2] = {0.0, 0.0},
                        down[2] = {1.0, -16.0};
    double grad[6], hgrad[6];
    struct rng r;
    GIVEN("exact_step_yours(grad = (1, 4), hessian_grad = (1, 16), 2)");
    double got = exact_step_yours(g, hg, 2);
    RETURN_IF_PENDING();
    EXPECT_ANSWER(got, 17.0 / 65, 1e-15, "(3.3): which of the two sums goes on top?");
    GIVEN("exact_step_yours(grad = (0, 0), hessian_grad = (0, 0), 2)");
    EXPECT_ANSWER(exact_step_yours(zero, zero, 2), 0.0, 0,
                  "g = 0: there is no direction to search along; return 0, not 0/0");
    GIVEN("exact_step_yours(grad = (1, 4), hessian_grad = (1, -16), 2): g'Hg < 0");
    EXPECT_ANSWER(exact_step_yours(g, down, 2), 0.0, 0,
                  "g'Hg <= 0: f falls for ever along -g, there is no minimum: return 0");
    rng_seed(&r, 5);
    for (int n = 0; n < 100; n++) {
        size_t dim = 1 + (size_t)rng_below(&r, 6);
        for (size_t i = 0; i < dim; i++) {
            grad[i] = rng_normal(&r);
            hgrad[i] = (0.1 + 10.0 * rng_uniform(&r)) * grad[i];
        }
        double want = exact_step(grad, hgrad, dim);
        GIVEN("exact_step_yours on random case %d: %zu coordinates, H diagonal in [0.1, 10.1)",
              n + 1, dim);
        EXPECT_ANSWER(exact_step_yours(grad, hgrad, dim), want, 1e-13 * want, "(3.3): which of the two sums goes on top?");
    }
}
END_TEST

/* Exercise 6: (3.1) and (3.2) against gap_bound and distance_bound; at
 * ||g|| = 1e-3, mu = 1 they are 5e-7 and 1e-3.  One or two operations:
 * exactly, or 1e-15 relative in another order. */
START_TEST(stopping_bounds_like_the_book)
{
    static const double norms[] = {1e-3, 0.5, 2.0, 1e-8}, mus[] = {1.0, 0.01, 3.0};
    double gap = 0.0, distance = 0.0;
    GIVEN("stopping_bounds(grad_norm = 1e-3, mu = 1, &gap, &distance)");
    stopping_bounds(1e-3, 1.0, &gap, &distance);
    RETURN_IF_PENDING();
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 3; j++) {
            stopping_bounds(norms[i], mus[j], &gap, &distance);
            GIVEN("stopping_bounds(grad_norm = %g, mu = %g, &gap, &distance)", norms[i], mus[j]);
            EXPECT_ANSWER(gap, gap_bound(norms[i], mus[j]), 1e-15 * gap_bound(norms[i], mus[j]),
                          "(3.1) bounds the gap: read it again with the norm and mu given");
            EXPECT_ANSWER(distance, distance_bound(norms[i], mus[j]),
                          1e-15 * distance_bound(norms[i], mus[j]),
                          "(3.2) bounds the distance: which power of the norm does it take, next to (3.1)?");
        }
}
END_TEST

/* Exercise 7: against line_search_descent with LINE_SEARCH_EXACT on five
 * quadratics (two to four coordinates, conditioning 4 to 1000) and one
 * step limit.  Steps exactly; x to 1e-12 (relative to max(1, |x|)): the
 * same operations, perhaps summed in another order, on a contraction. */
START_TEST(exact_descent_like_the_book)
{
    static const char *const specs[] = {"quadratic:1,4", "quadratic:1,10", "quadratic:1,100",
                                        "quadratic:2,3,50", "quadratic:1,1000,5,20"};
    for (int n = 0; n < 6; n++) {
        struct function f = function_from_spec("test", specs[n % 5]);
        long max_steps = n == 5 ? 3 : 100000;
        double mine[4], book[4];
        for (size_t i = 0; i < f.dim; i++)
            mine[i] = book[i] = f.start[i];
        GIVEN("exact_descent(%s from its start, tolerance = 1e-8, max_steps = %ld)", specs[n % 5],
              max_steps);
        long steps = exact_descent(&f, mine, 1e-8, max_steps);
        RETURN_IF_PENDING();
        struct descent_settings s = {.search = LINE_SEARCH_EXACT, .tolerance = 1e-8,
                                     .max_steps = max_steps};
        struct descent_run run = line_search_descent(&f, book, &s, NULL);
        GIVEN("exact_descent(%s from its start, tolerance = 1e-08, max_steps = %ld)",
              specs[n % 5], max_steps);
        EXPECT_ANSWER(steps, run.steps, 0,
                      "test ||grad f|| < tolerance before every step, the first included, and "
                      "stop at max_steps");
        for (size_t i = 0; i < f.dim; i++)
            EXPECT_ANSWER(mine[i], book[i], 1e-12 * fmax(1.0, fabs(book[i])),
                          "each step's alpha is (3.3) at the current g, computed afresh "
                          "(quadratic_hessian_times gives Hg)");
    }
}
END_TEST

Suite *exercise_suite(void)
{
    Suite *suite = suite_create("03-when-to-stop exercises");
    ADD_EXERCISE(suite, "3.3 backtracking", armijo_backtracking);
    ADD_EXERCISE(suite, "3.5 the exact step", exact_step_like_the_book);
    ADD_EXERCISE(suite, "3.6 what the gradient rule promises", stopping_bounds_like_the_book);
    ADD_EXERCISE(suite, "3.7 steepest descent with the exact step", exact_descent_like_the_book);
    return suite;
}
