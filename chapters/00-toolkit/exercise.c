/* exercise.c: the TODO marker of exercise stubs (see exercise.h). */
#include "00-toolkit/exercise.h"

#include <stddef.h>

static const char *todo_file, *todo_function, *todo_hint;

void (TODO)(const char *file, const char *function, const char *hint)
{
    todo_file = file;
    todo_function = function;
    todo_hint = hint;
}

bool exercise_pending(const char **file, const char **function, const char **hint)
{
    if (todo_file == NULL)
        return false;
    *file = todo_file;
    *function = todo_function;
    *hint = todo_hint;
    return true;
}

void exercise_forget(void)
{
    todo_file = todo_function = todo_hint = NULL;
}
