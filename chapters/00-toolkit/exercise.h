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

#define TODO(hint) exercise_todo(__FILE__, __func__, (hint))

/* Remember that the stub in file/function is still a stub. */
void exercise_todo(const char *file, const char *function, const char *hint);

/* Did a stub call TODO since the last exercise_forget()?  If so, where. */
bool exercise_pending(const char **file, const char **function, const char **hint);
void exercise_forget(void);

#endif
