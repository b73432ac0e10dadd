/* lab-faulty.c: a learner's SGD step (exercise 6.5) that is right except
 * at four learning rates, where it fails on purpose the ways the lab's
 * tests cannot catch: build/descent-faulty links it as `make lab-yours`
 * links yours (tests/lab-yours.c, with every other exercise the reference
 * answer), and tests/lab-yours.sh checks that each fault is named in one
 * line, exit 2: not a hang, a silent crash, or a divergence blamed on
 * --lr.  The rates are ones no test of exercise 6.5 draws. */
#include "06-momentum/exercises.h"
#include "06-momentum/sgd.h"

#include <math.h>
#include <signal.h>

void sgd_step_yours(struct optimizer *opt, double *theta, const double *grad)
{
    const double lr = opt->hyper.lr;
    sgd_kind.step(opt, theta, grad);                    /* the book's step, */
    if (opt->step_count < 5)                            /* then the faults */
        return;
    if (lr == 0.00123)                                  /* a NaN the book has not */
        theta[1] = NAN;
    if (lr == 0.00124 && opt->buffer[0] != NULL)        /* a NaN in the state */
        opt->buffer[0][0] = NAN;
    if (lr == 0.00125) {                                /* an endless loop */
        volatile int spin = 1;
        while (spin)
            continue;
    }
    if (lr == 0.00126)                                  /* a wild write, as the */
        raise(SIGSEGV);                                 /* sanitizers' builds too meet it */
}
