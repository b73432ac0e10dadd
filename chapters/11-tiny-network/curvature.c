/* curvature.c: power iteration on the Hessian (curvature.h). */
#include "11-tiny-network/curvature.h"
#include "00-toolkit/csv.h"
#include "00-toolkit/fail.h"

#include <math.h>
#include <stdlib.h>

double largest_curvature(const struct network *net, const double *theta,
                         const struct dataset *data)
{
    const double h = 1e-4;
    size_t dim = network_dim(net);
    double *v = xcalloc(dim, sizeof(double)), *point = xcalloc(dim, sizeof(double));
    double *plus = xcalloc(dim, sizeof(double)), *minus = xcalloc(dim, sizeof(double));
    double lambda = 0.0;
    for (size_t p = 0; p < dim; p++)
        v[p] = 1.0 / sqrt((double)dim);
    for (int k = 0; k < CURVATURE_ITERATIONS; k++) {
        for (size_t p = 0; p < dim; p++)
            point[p] = theta[p] + h * v[p];
        network_gradient(net, plus, point, data, NULL, 0);
        for (size_t p = 0; p < dim; p++)
            point[p] = theta[p] - h * v[p];
        network_gradient(net, minus, point, data, NULL, 0);
        double dot = 0.0;
        for (size_t p = 0; p < dim; p++) {
            plus[p] = (plus[p] - minus[p]) / (2 * h);           /* H v */
            dot += plus[p] * v[p];
        }
        lambda = dot;                                           /* v^T H v, |v| = 1 */
        double norm = vec_norm(plus, dim);
        if (norm == 0.0)
            break;
        for (size_t p = 0; p < dim; p++)
            v[p] = plus[p] / norm;
    }
    free(v);
    free(point);
    free(plus);
    free(minus);
    return fabs(lambda);
}

double logistic_curvature_bound(const struct dataset *data)
{
    size_t d = data->features + 1;
    struct dataset with_ones;
    dataset_init(&with_ones, data->count, d);
    for (size_t i = 0; i < data->count; i++) {
        for (size_t j = 0; j < data->features; j++)
            with_ones.x[i * d + j] = data->x[i * data->features + j];
        with_ones.x[i * d + d - 1] = 1.0;
    }
    double *gram = xcalloc(d * d, sizeof(double));
    gram_matrix(gram, &with_ones);
    double l = largest_eigenvalue(gram, d) / 4;
    free(gram);
    dataset_free(&with_ones);
    return l;
}
