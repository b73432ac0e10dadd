/* problem.c: the chapter's regression problem (problem.h). */
#include "12-data-parallel/problem.h"

#include "00-toolkit/fail.h"

void parallel_problem_init(struct parallel_problem *p, uint64_t seed)
{
    synthetic_regression(&p->data, p->w_true, PROBLEM_SAMPLES, PROBLEM_FEATURES,
                         PROBLEM_NOISE, seed);
    p->model.data = &p->data;
    p->model.bias = false;
    gram_matrix(p->gram, &p->data);
    if (!least_squares(p->w_star, &p->data))
        fail(EXIT_USAGE, "the chapter's problem (seed %llu) has a singular X^T X",
             (unsigned long long)seed);
}

void parallel_problem_free(struct parallel_problem *p)
{
    dataset_free(&p->data);
}

double parallel_problem_excess(const struct parallel_problem *p, const double *w)
{
    return excess_loss(p->gram, w, p->w_star, PROBLEM_FEATURES);
}

double parallel_problem_curvature(const struct parallel_problem *p)
{
    return 2.0 * largest_eigenvalue(p->gram, PROBLEM_FEATURES);    /* Hessian 2 X^T X / N */
}
