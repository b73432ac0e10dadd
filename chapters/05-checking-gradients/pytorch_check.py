"""pytorch_check.py: torch.autograd.gradcheck on chapter 5's specimen.

Usage: /usr/bin/python3 chapters/05-checking-gradients/pytorch_check.py BUILD_DIR

Runs BUILD_DIR/ch05 --csv into a temporary folder for the specimen's data,
then wraps each stage's loss and gradient (the formulas of specimen.c) in a
torch.autograd.Function whose backward is the stage's gradient, and asks
torch.autograd.gradcheck (defaults eps=1e-6, atol=1e-5, rtol=1e-3) for a
verdict at five values of theta in [-5, 5].  The book's check calls the
first three stages wrong and the repaired one right; PyTorch must agree at
every point, and for the repaired stage its numerical derivative must match
the book's analytic one within 1e-6 relative.  Exit status 1 otherwise.
"""
import csv
import os
import subprocess
import sys
import tempfile

import torch

THETAS = [-4.0066, -2.6729, -1.1323, 2.5231, 4.5]


def load(build):
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([os.path.join(build, "ch05"), "--csv", folder], check=True,
                       stdout=subprocess.DEVNULL)
        with open(os.path.join(folder, "specimen_data.csv"), newline="") as f:
            rows = list(csv.DictReader(f))
    x = torch.tensor([float(r["x"]) for r in rows], dtype=torch.float64)
    y = torch.tensor([float(r["y"]) for r in rows], dtype=torch.float64)
    return x, y


def stage_function(stage, x, y):
    n = x.numel()

    def loss(theta):
        if stage == "seed":
            return ((y - theta * x.sum()) ** 2).mean()
        return ((y - theta * x) ** 2).mean()

    def gradient(theta):
        if stage == "seed":
            return (x * (y - theta * x.sum())).sum()
        if stage == "per_sample":
            return (x * (y - theta * x)).sum()
        if stage == "mean":
            return 2.0 * (x * (y - theta * x)).sum() / n
        return 2.0 * (x * (theta * x - y)).sum() / n

    class Stage(torch.autograd.Function):
        @staticmethod
        def forward(ctx, theta):
            ctx.save_for_backward(theta)
            return loss(theta)

        @staticmethod
        def backward(ctx, grad_output):
            (theta,) = ctx.saved_tensors
            return grad_output * gradient(theta)

    return Stage.apply, gradient


def main():
    x, y = load(sys.argv[1])
    failures = 0
    for stage, expected in [("seed", False), ("per_sample", False), ("mean", False),
                            ("fixed", True)]:
        apply, gradient = stage_function(stage, x, y)
        verdicts = []
        for value in THETAS:
            theta = torch.tensor(value, dtype=torch.float64, requires_grad=True)
            verdicts.append(torch.autograd.gradcheck(apply, (theta,), raise_exception=False))
            if expected:
                numeric = (apply(theta + 1e-6) - apply(theta - 1e-6)) / 2e-6
                analytic = gradient(theta.detach())
                if abs(numeric - analytic) > 1e-6 * abs(analytic):
                    failures += 1
        agree = all(v == expected for v in verdicts)
        failures += not agree
        print(f"{stage:10s} torch.autograd.gradcheck: {verdicts} "
              f"(the book says {'pass' if expected else 'wrong'}): "
              f"{'agrees' if agree else 'DISAGREES'}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
