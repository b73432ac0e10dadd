/* values.h: the numbers chapter 12's prose quotes, one per line as
 * "name value-text" (build/ch12 --values), so the text is woven from the
 * program and not typed. */
#ifndef DESCENT_VALUES_12_H
#define DESCENT_VALUES_12_H

#include <stdio.h>

/* Print those lines to out (stdout in build/ch12, checked at exit: fail.h). */
void chapter12_values(FILE *out);

#endif
