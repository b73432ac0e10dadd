"""pytorch_check.py: chapter 8's optimizers, run by PyTorch itself.

Runs five steps of Adam (plain; AMSGrad with weight decay 0.1), AdamW
(weight decay 0.1), Adamax and NAdam on Rosenbrock from (-1.5, 2) with
lr 0.01 in torch.optim, in float64, and the same runs with
`build/ch08 --example pytorch`, and prints the largest difference of each
optimizer.  With --table it first prints PyTorch's numbers in the format
of build/ch08 --example pytorch, to compare by eye.  Needs PyTorch:

    python3 chapters/08-adam/pytorch_check.py [--table] [BUILD]

Exit status 0 when every coordinate agrees within 1e-15 (a few units in
the last place of numbers near 2: the C code groups the arithmetic as
torch.optim does), 1 otherwise.

NAdam is compared only with PyTorch 2.0 or later: 1.13 computes the next
momentum product as mu_product * mu * mu_next and keeps it in float32,
which chapters/08-adam/nadam.c explains; its numbers differ from the
book's from the second step on.
"""
import subprocess
import sys

import torch

ARGS = [a for a in sys.argv[1:] if a != "--table"]
TABLE = "--table" in sys.argv[1:]
BUILD = ARGS[0] if ARGS else "build"
TOLERANCE = 1e-15


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


RUNS = [
    ("adam", torch.optim.Adam, {}),
    ("adam-amsgrad-wd", torch.optim.Adam, {"amsgrad": True, "weight_decay": 0.1}),
    ("adamw", torch.optim.AdamW, {"weight_decay": 0.1}),
    ("adamax", torch.optim.Adamax, {}),
    ("nadam", torch.optim.NAdam, {}),
]


def theirs():
    """{(name, step): (x1, x2)} from torch.optim (printed with --table)."""
    major = int(torch.__version__.split(".")[0])
    rows = {}
    if TABLE:
        print("%-16s  %-4s  %-24s  %s" % ("optimizer", "step", "x1", "x2"))
    for name, optimizer_class, settings in RUNS:
        if name == "nadam" and major < 2:
            continue
        x = torch.tensor([-1.5, 2.0], dtype=torch.float64, requires_grad=True)
        optimizer = optimizer_class([x], lr=0.01, **settings)
        for step in range(1, 6):
            optimizer.zero_grad()
            rosenbrock(x).backward()
            optimizer.step()
            rows[(name, step)] = tuple(x.tolist())
            if TABLE:
                print("%-16s  %-4d  %-24.17g  %.17g" % (name, step, *rows[(name, step)]))
    return rows


def ours():
    """The same table from build/ch08 --example pytorch."""
    command = [f"{BUILD}/ch08", "--example", "pytorch"]
    lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split("\n")
    rows = {}
    for line in lines[1:]:
        if line:
            name, step, x1, x2 = line.split()
            rows[(name, int(step))] = (float(x1), float(x2))
    return rows


def main():
    expected, got = theirs(), ours()
    print(f"torch {torch.__version__}, 5 steps on Rosenbrock from (-1.5, 2), lr 0.01")
    worst_of_all = 0.0
    for name, _, _ in RUNS:
        keys = [key for key in expected if key[0] == name]
        if not keys:
            print(f"{name:<16} skipped (PyTorch before 2.0: see nadam.c)")
            continue
        worst = max(abs(p - q) for key in keys for p, q in zip(expected[key], got[key]))
        worst_of_all = max(worst_of_all, worst)
        print(f"{name:<16} max |difference| {worst:.3g}")
    agree = worst_of_all <= TOLERANCE
    print(f"agree within {TOLERANCE:g}" if agree else f"DIFFER by more than {TOLERANCE:g}")
    return 0 if agree else 1


if __name__ == "__main__":
    sys.exit(main())
