/* values.c: the named values of chapter 12 (values.h). */
#include "12-data-parallel/values.h"

#include "12-data-parallel/cost.h"
#include "12-data-parallel/examples.h"
#include "12-data-parallel/problem.h"

#include <math.h>

void chapter12_values(FILE *out)
{
    const struct network net = projection_network();
    struct parallel_problem p;
    double spread;

    parallel_problem_init(&p, 1);
    fprintf(out, "curvature_L %.2f\n", parallel_problem_curvature(&p));
    fprintf(out, "stability_lr %.2f\n", 2.0 / parallel_problem_curvature(&p));
    parallel_problem_free(&p);
    fprintf(out, "best_workers_big_256 %.0f\n",
            fastest_workers(&net, BIG_MODEL_PER_SAMPLE, 256, BIG_MODEL_BYTES));
    fprintf(out, "best_workers_big_8192 %.0f\n",
            fastest_workers(&net, BIG_MODEL_PER_SAMPLE, 8192, BIG_MODEL_BYTES));
    fprintf(out, "best_workers_small %.1f\n",
            fastest_workers(&net, SMALL_MODEL_PER_SAMPLE, 4096, SMALL_MODEL_BYTES));
    fprintf(out, "busy_batch_64 %.0f\n",
            busy_batch(&net, BIG_MODEL_PER_SAMPLE, BIG_MODEL_BYTES, 64));
    fprintf(out, "busy_batch_1024 %.0f\n",
            busy_batch(&net, BIG_MODEL_PER_SAMPLE, BIG_MODEL_BYTES, 1024));
    fprintf(out, "working_factor_plain %ld\n", largest_working_factor(false));
    fprintf(out, "working_factor_warmup %ld\n", largest_working_factor(true));
    fprintf(out, "local_K1_equal_samples %.2e\n", local_sgd_mean(1, LOCAL_STEPS, &spread));
    fprintf(out, "local_K16_equal_samples %.2e\n", local_sgd_mean(16, LOCAL_STEPS, &spread));
}
