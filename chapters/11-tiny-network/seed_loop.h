/* seed_loop.h: the seed's PyTorch training loop, line by line in C.
 *
 *     model = torch.nn.Linear(10, 1)
 *     criterion = torch.nn.MSELoss()
 *     optimizer = optim.SGD(model.parameters(), lr=0.01)
 *     x = torch.randn(100, 10); y = torch.randn(100, 1)
 *     for epoch in range(100):
 *         optimizer.zero_grad(); output = model(x)
 *         loss = criterion(output, y); loss.backward(); optimizer.step()
 *
 * The data and the initial weights come from the book's generator (not
 * torch's), and chapters/11-tiny-network/pytorch_check.py hands both to
 * PyTorch to run the same loop.
 */
#ifndef DESCENT_SEED_LOOP_H
#define DESCENT_SEED_LOOP_H

#include <stdint.h>

#include "04-batches/regression.h"

#define SEED_SAMPLES 100
#define SEED_FEATURES 10
#define SEED_EPOCHS 100
#define SEED_LR 0.01
#define SEED_DATA_SEED 2024     /* x and y */
#define SEED_INIT_SEED 1        /* the initial weights */
#define SEED_DIM (SEED_FEATURES + 1)

struct seed_run {
    double theta0[SEED_DIM];        /* weight[0..10), then bias: as drawn */
    double loss[SEED_EPOCHS];       /* the loss of each epoch, before its step */
    double theta[SEED_DIM];         /* after the last step */
};

/* x[i][j] then y[i] for i = 0..99, j = 0..9, each rng_normal from seed:
 * the stand-in for torch.randn.  Allocated here (dataset_free it). */
void seed_data(struct dataset *data, uint64_t seed);

/* The seed's loop on data (SEED_SAMPLES x SEED_FEATURES), with the initial
 * weights drawn as nn.Linear(10, 1) draws them, from init_seed. */
void seed_loop(struct seed_run *run, const struct dataset *data, uint64_t init_seed);

#endif
