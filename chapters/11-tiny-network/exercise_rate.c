/* Exercise 11.4 (chapter 11): a learning rate from chapter 2's rule.
 * Chapter 4's gram_matrix and largest_eigenvalue (04-batches/regression.h)
 * do the linear algebra.
 * Replace the TODO line with your code; `make check CH=11` tests it. */
#include "00-toolkit/exercise.h"
#include "11-tiny-network/exercises.h"

double logistic_learning_rate(const struct dataset *data)
{
    (void)data;
    TODO("(11.12) bounds the curvature and chapter 2's (2.2) turns a curvature into a "
         "rate; mind what the bias adds to each sample");
    return 0.0;
}
