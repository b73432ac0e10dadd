/* exercise.h: how an exercise stub says "not done yet".
 *
 * Every code exercise is one function in a file chapters/NN-slug/exercise_*.c
 * whose body starts as
 *
 *     TODO("a hint for the learner");
 *
 * While the stub still calls TODO, `make check` lists the exercise as
 * pending instead of failing it.  Replace the TODO line with your code and
 * the exercise's tests count: a wrong answer fails with expected, got and
 * a hint.  solutions/NN-slug/ holds a reference answer for each stub.
 */
#ifndef DESCENT_EXERCISE_H
#define DESCENT_EXERCISE_H

#include <stdbool.h>

/* TODO(hint) calls the function TODO with the stub's file and function
 * (a macro is not expanded again inside its own expansion), so that what
 * the compiler says about the line, "expected ';' before 'TODO'", is in
 * the words the stub shows. */
#define TODO(hint) TODO(__FILE__, __func__, (hint))

/* Remember that the stub in file/function is still a stub.  (The name in
 * parentheses is the function, not the macro.) */
void (TODO)(const char *file, const char *function, const char *hint);

/* Did a stub call TODO since the last exercise_forget()?  If so, true,
 * with *file, *function and *hint set to the latest such call's arguments
 * (static strings; left alone when false).  exercise_forget() starts
 * afresh (tests/harness.c calls it before each exercise it runs). */
bool exercise_pending(const char **file, const char **function, const char **hint);
void exercise_forget(void);

#endif
