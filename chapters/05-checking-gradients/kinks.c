/* kinks.c: |x| and ReLU under the gradient check (kinks.h). */
#include "05-checking-gradients/kinks.h"
#include "05-checking-gradients/differences.h"
#include "05-checking-gradients/gradcheck.h"

#include <math.h>

double abs_value(double x)
{
    return fabs(x);
}

double relu(double x)
{
    return x > 0.0 ? x : 0.0;
}

double abs_derivative(double x)
{
    return x > 0.0 ? 1.0 : x < 0.0 ? -1.0 : 0.0;
}

double relu_derivative(double x)
{
    return x > 0.0 ? 1.0 : 0.0;
}

double complex abs_cabs(double complex z)
{
    return cabs(z);
}

double complex abs_by_sign(double complex z)
{
    return creal(z) < 0.0 ? -z : z;
}

void kinks_report(FILE *out)
{
    static const double points[] = {1.0, 1e-5, 1e-6, 0.0, -1e-6};
    fprintf(out, "%8s  %9s  %9s  %9s  %9s  %9s  %9s\n", "x", "|x|'", "central", "r (5.7)",
            "relu'", "central", "r (5.7)");
    for (size_t k = 0; k < sizeof points / sizeof points[0]; k++) {
        double x = points[k], h = gradcheck_step(x);
        double a = abs_derivative(x), na = central_difference(abs_value, x, h);
        double b = relu_derivative(x), nb = central_difference(relu, x, h);
        fprintf(out, "%8g  %9.4f  %9.4f  %9.4f  %9.4f  %9.4f  %9.4f\n", x, a, na,
                relative_error(a, na, GRADCHECK_FLOOR), b, nb,
                relative_error(b, nb, GRADCHECK_FLOOR));
    }
    fprintf(out, "complex step of |x| at x = 1: with cabs %g, with the sign of Re z %g\n",
            complex_step(abs_cabs, 1.0, 1e-20), complex_step(abs_by_sign, 1.0, 1e-20));
}
