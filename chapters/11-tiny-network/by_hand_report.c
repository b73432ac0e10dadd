/* by_hand_report.c: the by-hand example as build/ch11 prints it (reports.h). */
#include "11-tiny-network/by_hand.h"
#include "11-tiny-network/reports.h"

void by_hand_report(FILE *out, const char *csv_dir)
{
    (void)csv_dir;
    by_hand_print(out);
}
