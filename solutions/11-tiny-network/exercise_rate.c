/* Chapter 11, exercise 4, a reference answer: 2/L for logistic regression,
 * L = (1/4) lambda_max(X~^T X~ / N), (11.12). */
#include "11-tiny-network/exercises.h"
#include "00-toolkit/fail.h"

#include <stdlib.h>

double logistic_learning_rate(const struct dataset *data)
{
    size_t d = data->features + 1;
    struct dataset with_ones;
    dataset_init(&with_ones, data->count, d);
    for (size_t i = 0; i < data->count; i++) {
        for (size_t j = 0; j < data->features; j++)
            with_ones.x[i * d + j] = data->x[i * data->features + j];
        with_ones.x[i * d + d - 1] = 1.0;               /* the bias's input */
    }
    double *gram = xcalloc(d * d, sizeof(double));
    gram_matrix(gram, &with_ones);                      /* X~^T X~ / N */
    double curvature = largest_eigenvalue(gram, d) / 4; /* sigmoid' <= 1/4 */
    free(gram);
    dataset_free(&with_ones);
    return 2 / curvature;
}
