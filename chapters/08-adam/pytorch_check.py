"""pytorch_check.py: chapter 8's optimizers, run by PyTorch itself.

Prints the same table as `build/ch08 --show pytorch`: five steps of Adam
(plain; AMSGrad with weight decay 0.1), AdamW (weight decay 0.1), Adamax and
NAdam on Rosenbrock from (-1.5, 2) with lr 0.01, in float64.  Compare the
two by eye or with tests/08-adam.sh, which `make check` runs when torch
can be imported:

    python3 chapters/08-adam/pytorch_check.py

NAdam is printed only by PyTorch 2.0 or later: 1.13 computes the next
momentum product as mu_product * mu * mu_next and keeps it in float32,
which chapters/08-adam/nadam.c explains; its numbers differ from the
book's from the second step on.
"""
import torch


def rosenbrock(x):
    return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2


RUNS = [
    ("adam", torch.optim.Adam, {}),
    ("adam-amsgrad-wd", torch.optim.Adam, {"amsgrad": True, "weight_decay": 0.1}),
    ("adamw", torch.optim.AdamW, {"weight_decay": 0.1}),
    ("adamax", torch.optim.Adamax, {}),
    ("nadam", torch.optim.NAdam, {}),
]


def main():
    major = int(torch.__version__.split(".")[0])
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
            x1, x2 = x.tolist()
            print("%-16s  %-4d  %-24.17g  %.17g" % (name, step, x1, x2))


if __name__ == "__main__":
    main()
