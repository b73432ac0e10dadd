"""pytorch_check.py: the lab's SGD (sgd_kind of chapter 6) against torch.optim.SGD.

Usage: /usr/bin/python3 chapters/06-momentum/pytorch_check.py BUILD_DIR

For each setting, runs BUILD_DIR/descent on Rosenbrock for 50 steps and
torch.optim.SGD from the same start, in float64, with the same analytic
gradient written in the same order as chapters/00-toolkit/functions.c (so
that only the optimizer's arithmetic is compared), and prints the largest
difference relative to the coordinate.  Exit status 1 if any exceeds 1e-13:
identical code gives 0, while PyTorch's CPU kernels may fuse a multiply and
an add, which moves a result by one unit in the last place (about 2e-16)
now and then.
"""
import subprocess
import sys

import torch

STEPS = 50
SETTINGS = [
    ["--lr", "1e-4"],
    ["--lr", "1e-4", "--momentum", "0.9"],
    ["--lr", "1e-4", "--momentum", "0.9", "--dampening", "0.5"],
    ["--lr", "1e-4", "--momentum", "0.9", "--nesterov"],
    ["--lr", "1e-4", "--momentum", "0.9", "--nesterov", "--weight-decay", "0.1"],
    ["--lr", "1e-4", "--momentum", "0.5", "--dampening", "0.2", "--weight-decay", "0.01"],
    ["--lr", "1e-6", "--momentum", "0.9", "--weight-decay", "0.1", "--maximize"],
    ["--lr", "1e-6", "--momentum", "0.9", "--nesterov", "--weight-decay", "0.1", "--maximize"],
]


def torch_run(flags):
    options = {"lr": float(flags[1])}
    names = {"--momentum": "momentum", "--dampening": "dampening",
             "--weight-decay": "weight_decay"}
    i = 2
    while i < len(flags):
        if flags[i] in names:
            options[names[flags[i]]] = float(flags[i + 1])
            i += 2
        else:
            options[flags[i][2:]] = True
            i += 1
    x = torch.tensor([-1.5, 2.0], dtype=torch.float64)
    optimizer = torch.optim.SGD([x], **options)
    rows = [x.tolist()]
    for _ in range(STEPS):
        x1, x2 = x.tolist()
        valley = x2 - x1 * x1
        x.grad = torch.tensor([-2.0 * (1.0 - x1) - 4.0 * 100.0 * x1 * valley,
                               2.0 * 100.0 * valley], dtype=torch.float64)
        optimizer.step()
        rows.append(x.tolist())
    return rows


def lab_run(build, flags):
    command = [build + "/descent", "--function", "rosenbrock", "--optimizer", "sgd",
               "--steps", str(STEPS)] + flags
    lines = subprocess.run(command, check=True, capture_output=True,
                           text=True).stdout.splitlines()
    return [[float(v) for v in line.split(",")[2:]] for line in lines[1:]]


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    worst = 0.0
    print("torch %s, %d Rosenbrock steps from (-1.5, 2)" % (torch.__version__, STEPS))
    for flags in SETTINGS:
        ours, theirs = lab_run(build, flags), torch_run(flags)
        gap = max(abs(a - b) / max(abs(b), 1e-300)
                  for row_a, row_b in zip(ours, theirs) for a, b in zip(row_a, row_b))
        worst = max(worst, gap)
        print("  %-70s largest relative difference %.1e" % (" ".join(flags), gap))
    return 0 if worst <= 1e-13 else 1


if __name__ == "__main__":
    sys.exit(main())
