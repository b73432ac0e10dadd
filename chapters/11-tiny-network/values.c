/* values.c: the named values of chapter 11 (reports.h). */
#include "11-tiny-network/reports.h"

void chapter11_values(FILE *out)
{
    (void)out;
}
