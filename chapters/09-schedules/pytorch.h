/* pytorch.h: the schedules that chapter 9 compares with PyTorch.
 *
 * pytorch_check.py builds the same schedulers in torch.optim.lr_scheduler,
 * around torch.optim.SGD (momentum 0.9) and torch.optim.Adam, calls
 * optimizer.step() then scheduler.step() PYTORCH_STEPS times, and compares
 * the rate and the momentum (SGD) or beta1 (Adam) of every update with the
 * lines print_pytorch_table writes.
 */
#ifndef DESCENT_PYTORCH_09_H
#define DESCENT_PYTORCH_09_H

#include <stdio.h>

#define PYTORCH_STEPS 60

/* One line per case, optimizer and update: "case optimizer update lr momentum"
 * with %.17g. */
void print_pytorch_table(FILE *out);

#endif
