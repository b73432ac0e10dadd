"""pytorch_check.py: chapter 7's optimizers against torch.optim.

Runs the lab, build/descent --function quadratic:1,100 --x0 1,1
--optimizer NAME ... (it runs the chapter's optimizers and prints every
step as CSV), and the same settings with torch.optim (float64, the
single-tensor code) on f = 1/2 (x1^2 + 100 x2^2) from (1, 1), both fed
the same gradient a_i x_i, and prints the largest difference of any
coordinate at any step.  Needs PyTorch:
    python3 chapters/07-adaptive/pytorch_check.py [BUILD]
Exit status 0 when every difference is within 1e-12, 1 otherwise.  A step
agrees to the last bit or two (PyTorch's CPU kernels may round a
product-and-add differently); over 200 steps such differences reach about
2e-14 on the centered run with momentum, still far below 1e-12, while any
wrong step differs by 1e-8 or more.
"""
import subprocess
import sys

import torch

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
STEPS = 200

# (flags for build/descent, the torch.optim class, its keyword arguments)
CASES = [
    ("--optimizer adagrad --lr 0.1", torch.optim.Adagrad, dict(lr=0.1)),
    ("--optimizer rmsprop", torch.optim.RMSprop, dict()),
    ("--optimizer rmsprop --centered", torch.optim.RMSprop, dict(centered=True)),
    ("--optimizer rmsprop --lr 0.001 --momentum 0.9", torch.optim.RMSprop,
     dict(lr=0.001, momentum=0.9)),
    ("--optimizer rmsprop --alpha 0.9 --eps 1e-3 --centered --momentum 0.5",
     torch.optim.RMSprop, dict(alpha=0.9, eps=1e-3, centered=True, momentum=0.5)),
    ("--optimizer adadelta", torch.optim.Adadelta, dict()),
    ("--optimizer adadelta --lr 0.5 --rho 0.95 --eps 1e-4", torch.optim.Adadelta,
     dict(lr=0.5, rho=0.95, eps=1e-4)),
]


def ours(flags):
    command = [f"{BUILD}/descent", "--function", "quadratic:1,100", "--x0", "1,1",
               *flags.split(), "--steps", str(STEPS)]
    lines = subprocess.run(command, check=True, capture_output=True, text=True).stdout.split("\n")
    return [[float(v) for v in line.split(",")[2:]] for line in lines[1:] if line]


def theirs(optimizer_class, settings):
    x = torch.tensor([1.0, 1.0], dtype=torch.float64, requires_grad=True)
    a = torch.tensor([1.0, 100.0], dtype=torch.float64)
    optimizer = optimizer_class([x], **settings)
    rows = [x.tolist()]
    for _ in range(STEPS):
        # the exact gradient a_i x_i, as the C side computes it (autograd
        # may round 1/2 a (2 x) differently in the last bit)
        x.grad = a * x.detach()
        optimizer.step()
        rows.append(x.tolist())
    return rows


def main():
    print(f"torch {torch.__version__}, {STEPS} steps from (1, 1)")
    worst_of_all = 0.0
    for flags, optimizer_class, settings in CASES:
        a, b = ours(flags), theirs(optimizer_class, settings)
        worst = max(abs(p - q) for row_a, row_b in zip(a, b) for p, q in zip(row_a, row_b))
        worst_of_all = max(worst_of_all, worst)
        print(f"{flags:<66} max |difference| {worst:.3g}")
    print("agree within 1e-12" if worst_of_all <= 1e-12 else "DIFFER by more than 1e-12")
    return 0 if worst_of_all <= 1e-12 else 1


if __name__ == "__main__":
    sys.exit(main())
