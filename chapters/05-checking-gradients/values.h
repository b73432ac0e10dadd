/* values.h: the numbers chapter 5's prose quotes, one per line as
 * "name value-text" (build/ch05 --values), so the text is woven from the
 * program and not typed. */
#ifndef DESCENT_VALUES_05_H
#define DESCENT_VALUES_05_H

#include <stdio.h>

/* Print those lines to out (stdout in build/ch05, checked at exit: fail.h). */
void chapter5_values(FILE *out);

#endif
