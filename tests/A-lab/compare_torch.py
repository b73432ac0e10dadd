#!/usr/bin/python3
"""compare_torch.py: build/descent against torch.optim, run by hand.

    /usr/bin/python3 tests/A-lab/compare_torch.py [BUILD]
    DESCENT=build/descent-yours /usr/bin/python3 tests/A-lab/compare_torch.py
                                      (the lab on your optimizers: make lab-yours)

For each case it runs the lab, then the same optimizer of PyTorch in
float64 on the same objective, and prints the largest absolute difference
between the two trajectories (every parameter and loss of every step),
relative where a value exceeds 1 in size.
Functions: the gradient is computed in Python with the very formula of
chapters/00-toolkit/functions.c, so any difference is the optimizer's.
Data: PyTorch's own nn.Linear, nn.MSELoss and autograd, batches in file
order, so a difference there also holds summation order.
Not part of `make check`: the suite must not need PyTorch.
"""
import os
import subprocess
import sys

import torch

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
LAB = os.environ.get("DESCENT", BUILD + "/descent")
torch.set_default_dtype(torch.float64)


def rosenbrock(x, a=1.0, b=100.0):
    valley = x[1] - x[0] * x[0]
    value = (a - x[0]) * (a - x[0]) + b * valley * valley
    grad = [-2.0 * (a - x[0]) - 4.0 * b * x[0] * valley, 2.0 * b * valley]
    return value, grad


def booth(x):
    u = x[0] + 2.0 * x[1] - 7.0
    v = 2.0 * x[0] + x[1] - 5.0
    return u * u + v * v, [2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v]


def quadratic(x):
    a = [1.0, 10.0]
    return 0.5 * sum(a[i] * x[i] * x[i] for i in range(2)), [a[i] * x[i] for i in range(2)]


FUNCTIONS = {"rosenbrock": (rosenbrock, [-1.5, 2.0]), "booth": (booth, [0.0, 0.0]),
             "quadratic": (quadratic, [1.0, 1.0])}

FLAG_TO_TORCH = {"--lr": "lr", "--momentum": "momentum", "--dampening": "dampening",
                 "--weight-decay": "weight_decay", "--alpha": "alpha", "--eps": "eps",
                 "--rho": "rho", "--lr-decay": "lr_decay",
                 "--initial-accumulator-value": "initial_accumulator_value",
                 "--momentum-decay": "momentum_decay"}
SWITCHES = {"--nesterov": "nesterov", "--maximize": "maximize", "--centered": "centered",
            "--amsgrad": "amsgrad"}
CLASSES = {"sgd": torch.optim.SGD, "adagrad": torch.optim.Adagrad,
           "rmsprop": torch.optim.RMSprop, "adadelta": torch.optim.Adadelta,
           "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
           "adamax": torch.optim.Adamax, "nadam": torch.optim.NAdam}


def torch_options(name, flags):
    options = {"lr": 1e-3} if name == "sgd" else {}
    # The single-tensor code the book follows; except for NAdam, where only
    # 1.13's multi-tensor code has 2.x's mu_product (see the manual).
    options["foreach"] = name == "nadam"
    i = 0
    while i < len(flags):
        flag = flags[i]
        if flag in SWITCHES:
            options[SWITCHES[flag]] = True
            i += 1
        elif flag == "--betas":
            options["betas"] = tuple(float(v) for v in flags[i + 1].split(","))
            i += 2
        else:
            options[FLAG_TO_TORCH[flag]] = float(flags[i + 1])
            i += 2
    return options


def difference(ours, theirs):
    """|ours - theirs|, relative to |theirs| when that is above 1."""
    return abs(ours - theirs) / max(1.0, abs(theirs))


def lab(args):
    out = subprocess.run([LAB] + args, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit("descent %s: exit %d: %s" % (" ".join(args), out.returncode,
                                                        out.stderr))
    rows = [list(map(float, line.split(","))) for line in out.stdout.split()[1:]]
    return rows


def compare_function(function, name, flags, steps, **override):
    f, start = FUNCTIONS[function]
    ours = lab(["--function", function, "--optimizer", name, "--steps", str(steps)] + flags)
    theta = torch.tensor(start, requires_grad=True)
    opt = CLASSES[name]([theta], **dict(torch_options(name, flags), **override))
    worst = 0.0
    for step in range(steps + 1):
        x = theta.detach().tolist()
        value, grad = f(x)
        row = ours[step]
        worst = max(worst, difference(row[1], value),
                    *(difference(row[2 + i], x[i]) for i in range(2)))
        theta.grad = torch.tensor(grad)
        opt.step()
    return worst


def compare_data(path, name, flags, epochs, batch):
    ours = lab(["--data", path, "--optimizer", name, "--epochs", str(epochs),
                "--batch", str(batch)] + flags)
    rows = [list(map(float, line.split(","))) for line in open(path).read().split()[1:]]
    x = torch.tensor([r[:-1] for r in rows])
    y = torch.tensor([r[-1] for r in rows]).unsqueeze(1)
    model = torch.nn.Linear(x.shape[1], 1)
    with torch.no_grad():
        model.weight.zero_()
        model.bias.zero_()
    loss_fn = torch.nn.MSELoss()
    opt = CLASSES[name](model.parameters(), **torch_options(name, flags))
    worst, step = 0.0, 0

    def check(step):
        with torch.no_grad():
            loss = loss_fn(model(x), y).item()
        params = model.weight.detach().flatten().tolist() + [model.bias.item()]
        row = ours[step]
        return max(difference(row[1], loss),
                   *(difference(row[2 + i], params[i]) for i in range(len(params))))

    worst = check(0)
    for _ in range(epochs):
        for start in range(0, len(rows), batch):
            opt.zero_grad()
            loss_fn(model(x[start:start + batch]), y[start:start + batch]).backward()
            opt.step()
            step += 1
            worst = max(worst, check(step))
    return worst


CASES = [
    ("rosenbrock", "sgd", ["--lr", "1e-3"]),
    ("rosenbrock", "sgd", ["--lr", "1e-3", "--momentum", "0.9"]),
    ("rosenbrock", "sgd", ["--lr", "1e-3", "--momentum", "0.9", "--dampening", "0.5"]),
    ("rosenbrock", "sgd", ["--lr", "1e-3", "--momentum", "0.9", "--nesterov"]),
    ("booth", "sgd", ["--lr", "0.01", "--momentum", "0.5", "--weight-decay", "0.1"]),
    ("quadratic", "sgd", ["--lr", "0.01", "--momentum", "0.5", "--maximize"]),
    ("rosenbrock", "adagrad", ["--lr", "0.1"]),
    ("rosenbrock", "adagrad", ["--lr", "0.1", "--lr-decay", "0.01",
                               "--initial-accumulator-value", "0.5", "--weight-decay", "0.1"]),
    ("rosenbrock", "rmsprop", ["--lr", "0.01"]),
    ("rosenbrock", "rmsprop", ["--lr", "0.001", "--momentum", "0.9", "--centered"]),
    ("booth", "rmsprop", ["--lr", "0.01", "--alpha", "0.9", "--weight-decay", "0.1"]),
    ("rosenbrock", "adadelta", []),
    ("booth", "adadelta", ["--lr", "0.5", "--rho", "0.5", "--eps", "1e-4",
                           "--weight-decay", "0.1"]),
    ("rosenbrock", "adam", ["--lr", "0.01"]),
    ("rosenbrock", "adam", ["--lr", "0.01", "--amsgrad", "--betas", "0.8,0.99"]),
    ("booth", "adam", ["--lr", "0.1", "--weight-decay", "0.1", "--maximize"]),
    ("rosenbrock", "adamw", ["--lr", "0.01"]),
    ("booth", "adamw", ["--lr", "0.1", "--weight-decay", "0.5", "--amsgrad"]),
    ("rosenbrock", "adamax", ["--lr", "0.01"]),
    ("booth", "adamax", ["--lr", "0.1", "--betas", "0.5,0.9", "--weight-decay", "0.1"]),
    ("rosenbrock", "nadam", ["--lr", "0.01"]),
    ("booth", "nadam", ["--lr", "0.1", "--momentum-decay", "0.01", "--weight-decay", "0.1"]),
]


def main():
    print("PyTorch", torch.__version__)
    print("%-10s %-9s %-62s %s" % ("objective", "optimizer", "flags", "max diff"))
    for function, name, flags in CASES:
        try:
            worst = compare_function(function, name, flags, 100)
            print("%-10s %-9s %-62s %.3g" % (function, name, " ".join(flags), worst))
        except TypeError as error:   # an option this PyTorch lacks
            print("%-10s %-9s %-62s skipped: %s" % (function, name, " ".join(flags), error))
    # The difference NAdam's 1.13 single-tensor slip makes (see the manual).
    worst = compare_function("rosenbrock", "nadam", ["--lr", "0.01"], 100, foreach=False)
    print("%-10s %-9s %-62s %.3g" % ("rosenbrock", "nadam", "--lr 0.01, vs 1.13 foreach=False",
                                     worst))
    if len(sys.argv) > 2:
        for name, flags in [("sgd", ["--lr", "0.01", "--momentum", "0.9"]),
                            ("adam", ["--lr", "0.01"]), ("rmsprop", ["--lr", "0.001"])]:
            worst = compare_data(sys.argv[2], name, flags, 5, 32)
            print("%-10s %-9s %-62s %.3g" % ("data", name, " ".join(flags) + " batch 32",
                                             worst))


if __name__ == "__main__":
    main()
