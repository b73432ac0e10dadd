"""torch_schedules.py: the lab's --scheduler and --clip-grad-* against PyTorch.

    /usr/bin/python3 tests/A-lab/torch_schedules.py [BUILD]

For every case it runs build/descent, then the same loop in PyTorch (float64):
torch.optim.SGD (momentum 0.9) or torch.optim.Adam, a scheduler of
torch.optim.lr_scheduler stepped after every update or after every epoch,
torch.nn.utils.clip_grad_value_ then clip_grad_norm_ on the gradient before
optimizer.step().  It compares every row of the lab's CSV: the loss, every
parameter and the column lr (the rate each update used, read from the
optimizer's param_groups before optimizer.step()).

The gradient is computed in Python with the very operations, in the very
order, of the C code (Rosenbrock as chapters/00-toolkit/functions.c; the
mean squared error of a batch of at most 3 samples as mse_grad in
chapters/04-batches/regression.c, the whole loss as mse_loss), so what is
compared is the optimizer, the scheduler and the clipping.  The C code
follows PyTorch's formulas operation for operation (chapters 6-10), so the
two agree to the bit on the same libm; the tolerance, 1e-15 relative to
max(1, |value|), leaves room for a few roundings of a different libm's cos
or pow, no more: a wrong formula, order or step count is off by far more.
One exception, measured and explained in chapter 6: PyTorch's CPU kernel
for SGD with momentum fuses a multiply and an add (buf * momentum + grad,
param - lr * buf), which moves a parameter by a unit in the last place now
and then; those runs get chapter 6's bound, 1e-13, for the loss and the
parameters.  The column lr comes from the scheduler alone and must agree
within 1e-15 in every case.
Run by tests/A-lab.sh under DESCENT_TORCH=1 (expect_pytorch_agrees); exit
status 0 when every case agrees, 1 otherwise.
"""
import os
import subprocess
import sys
import warnings

import torch

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
LAB = os.path.join(BUILD, "descent")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seven-samples.csv")
TOLERANCE = 1e-15
FUSED_TOLERANCE = 1e-13     # SGD with momentum: chapter 6's bound (see above)
S = torch.optim.lr_scheduler
torch.set_default_dtype(torch.float64)


def booth(x):
    """booth as chapters/00-toolkit/functions.c computes it."""
    u = x[0] + 2.0 * x[1] - 7.0
    v = 2.0 * x[0] + x[1] - 5.0
    return u * u + v * v, [2.0 * u + 4.0 * v, 4.0 * u + 2.0 * v]


def read_data():
    lines = open(DATA).read().split()[1:]
    rows = [[float(v) for v in line.split(",")] for line in lines]
    return [r[:-1] for r in rows], [r[-1] for r in rows]


X, Y = read_data()


def predict(theta, x):
    """regression_predict: b, then + w_j x_j in order."""
    y_hat = theta[len(x)]
    for j, xj in enumerate(x):
        y_hat += theta[j] * xj
    return y_hat


def batch_gradient(theta, batch):
    """mse_grad for a batch, by its one-by-one loop (the same bits as its eight at a time)."""
    d = len(X[0])
    grad = [0.0] * (d + 1)
    for i in batch:
        error = predict(theta, X[i]) - Y[i]
        for j in range(d):
            grad[j] += error * X[i][j]
        grad[d] += error
    return [g * (2.0 / len(batch)) for g in grad]


def whole_loss(theta):
    """mse_loss over every sample, in blocks as it does (left to right: the same bits)."""
    errors = [predict(theta, x) - y for x, y in zip(X, Y)]
    total, k = 0.0, 0
    while k + 4 <= len(errors):
        e = errors[k:k + 4]
        total = total + e[0] * e[0] + e[1] * e[1] + e[2] * e[2] + e[3] * e[3]
        k += 4
    for e in errors[k:]:
        total += e * e
    return total / len(errors)


def lab(args):
    out = subprocess.run([LAB] + args, capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit("descent %s: exit %d: %s" % (" ".join(args), out.returncode,
                                                        out.stderr))
    lines = out.stdout.split()
    if not lines[0].endswith(",lr") and "--scheduler" in args:
        raise SystemExit("descent %s: no lr column: %s" % (" ".join(args), lines[0]))
    return [list(map(float, line.split(","))) for line in lines[1:]]


def difference(ours, theirs):
    return abs(ours - theirs) / max(1.0, abs(theirs))


# (lab flags, PyTorch constructor) for each scheduler; steps is the run's
# scheduler steps (OneCycleLR's total_steps default in the lab).
SCHEDULERS = [
    (["--scheduler", "steplr", "--step-size", "7", "--gamma", "0.5"],
     lambda o, steps: S.StepLR(o, step_size=7, gamma=0.5)),
    (["--scheduler", "multisteplr", "--milestones", "3,10,11", "--gamma", "0.3"],
     lambda o, steps: S.MultiStepLR(o, milestones=[3, 10, 11], gamma=0.3)),
    (["--scheduler", "exponentiallr", "--gamma", "0.95"],
     lambda o, steps: S.ExponentialLR(o, gamma=0.95)),
    (["--scheduler", "cosineannealinglr", "--t-max", "9", "--eta-min", "0.0001"],
     lambda o, steps: S.CosineAnnealingLR(o, T_max=9, eta_min=0.0001)),
    (["--scheduler", "linearlr"], lambda o, steps: S.LinearLR(o)),
    (["--scheduler", "linearlr", "--start-factor", "1", "--end-factor", "0.1",
      "--total-iters", "12"],
     lambda o, steps: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=12)),
    (["--scheduler", "onecyclelr", "--max-lr", "0.02"],
     lambda o, steps: S.OneCycleLR(o, max_lr=0.02, total_steps=steps)),
    (["--scheduler", "onecyclelr", "--max-lr", "0.02", "--total-steps", "70",
      "--three-phase", "--anneal-strategy", "linear", "--pct-start", "0.25",
      "--div-factor", "10", "--final-div-factor", "100", "--base-momentum", "0.8",
      "--max-momentum", "0.9"],
     lambda o, steps: S.OneCycleLR(o, max_lr=0.02, total_steps=70, three_phase=True,
                                   anneal_strategy="linear", pct_start=0.25, div_factor=10,
                                   final_div_factor=100, base_momentum=0.8,
                                   max_momentum=0.9)),
    (["--scheduler", "onecyclelr", "--max-lr", "0.02", "--no-cycle-momentum"],
     lambda o, steps: S.OneCycleLR(o, max_lr=0.02, total_steps=steps,
                                   cycle_momentum=False)),
]

OPTIMIZERS = {
    "sgd": (["--optimizer", "sgd", "--lr", "0.01", "--momentum", "0.9"],
            lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9, foreach=False)),
    "adam": (["--optimizer", "adam", "--lr", "0.01"],
             lambda p: torch.optim.Adam(p, lr=0.01, foreach=False)),
}


def lab_flags_for(optimizer, scheduler_flags):
    flags = OPTIMIZERS[optimizer][0]
    if "onecyclelr" in scheduler_flags:     # the lab refuses --lr there: no effect
        flags = [f for k, f in enumerate(flags)
                 if f != "--lr" and (k == 0 or flags[k - 1] != "--lr")]
    return flags + scheduler_flags


def clip(param, value, norm):
    if value:
        torch.nn.utils.clip_grad_value_([param], value)
    if norm:
        torch.nn.utils.clip_grad_norm_([param], norm)


def compare_rows(ours, theirs, scheduled):
    """(largest difference in loss and parameters, in the column lr)."""
    if len(ours) != len(theirs) or any(len(a) != len(b) for a, b in zip(ours, theirs)):
        return float("inf"), float("inf")
    worst, worst_lr = 0.0, 0.0
    for a, b in zip(ours, theirs):
        end = len(a) - 1 if scheduled else len(a)
        worst = max(worst, *(difference(x, y) for x, y in zip(a[:end], b[:end])))
        if scheduled:
            worst_lr = max(worst_lr, difference(a[-1], b[-1]))
    return worst, worst_lr


def torch_function_run(optimizer, make_scheduler, steps, value=0.0, norm=0.0):
    theta = torch.tensor([0.0, 0.0], requires_grad=True)
    opt = OPTIMIZERS[optimizer][1]([theta])
    sched = make_scheduler(opt, steps) if make_scheduler else None
    rows = []
    lr = opt.param_groups[0]["lr"]
    for step in range(steps + 1):
        x = theta.detach().tolist()
        value_at, grad = booth(x)
        rows.append([step, value_at] + x + ([lr] if sched else []))
        if step == steps:
            break
        theta.grad = torch.tensor(grad)
        clip(theta, value, norm)
        lr = opt.param_groups[0]["lr"]
        opt.step()
        if sched:
            sched.step()
    return rows


def torch_data_run(optimizer, make_scheduler, epochs, batch, per_epoch, value=0.0, norm=0.0):
    n = len(X)
    updates_per_epoch = (n + batch - 1) // batch
    scheduler_steps = epochs if per_epoch else epochs * updates_per_epoch
    theta = torch.zeros(len(X[0]) + 1, requires_grad=True)
    opt = OPTIMIZERS[optimizer][1]([theta])
    sched = make_scheduler(opt, scheduler_steps) if make_scheduler else None
    lr = opt.param_groups[0]["lr"]
    rows = [[0, whole_loss(theta.detach().tolist())] + theta.detach().tolist()
            + ([lr] if sched else [])]
    step = 0
    for _ in range(epochs):
        for start in range(0, n, batch):
            theta.grad = torch.tensor(batch_gradient(theta.detach().tolist(),
                                                     range(start, min(start + batch, n))))
            clip(theta, value, norm)
            lr = opt.param_groups[0]["lr"]
            opt.step()
            if sched and not per_epoch:
                sched.step()
            step += 1
            t = theta.detach().tolist()
            rows.append([step, whole_loss(t)] + t + ([lr] if sched else []))
        if sched and per_epoch:
            sched.step()
    return rows


def main():
    failures = 0
    steps, epochs, batch = 60, 8, 3

    def report(what, differences, fused=False):
        nonlocal failures
        worst, worst_lr = differences
        fused = fused or ("sgd" in what and "--momentum" in what)
        ok = worst <= (FUSED_TOLERANCE if fused else TOLERANCE) and worst_lr <= TOLERANCE
        failures += not ok
        print("%-4s %-92s %-9.3g %s" % ("ok" if ok else "FAIL", what, worst,
                                        "%.3g" % worst_lr if "--scheduler" in what else "-"))

    print("PyTorch", torch.__version__, "; largest difference relative to max(1, |value|):")
    print("%-4s %-92s %-9s %s" % ("", "case", "rows", "lr"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")     # PyTorch's deprecation notes
        for optimizer in OPTIMIZERS:
            for flags, make in SCHEDULERS:
                lab_flags = lab_flags_for(optimizer, flags)
                ours = lab(["--function", "booth", "--steps", str(steps)] + lab_flags)
                report("booth %d updates: %s" % (steps, " ".join(lab_flags)),
                       compare_rows(ours, torch_function_run(optimizer, make, steps), True))
                for per_epoch in (False, True):
                    run = ["--data", DATA, "--epochs", str(epochs), "--batch", str(batch),
                           "--scheduler-every", "epoch" if per_epoch else "update"]
                    if per_epoch and "--total-steps" in flags:
                        continue        # 70 > 8 epochs: one-cycle would not finish
                    ours = lab(run + lab_flags)
                    theirs = torch_data_run(optimizer, make, epochs, batch, per_epoch)
                    report("data, batch %d, per %s: %s" % (batch, "epoch" if per_epoch
                                                            else "update",
                                                            " ".join(lab_flags)),
                           compare_rows(ours, theirs, True))
            for clip_flags, value, norm in ((["--clip-grad-norm", "10"], 0.0, 10.0),
                                            (["--clip-grad-value", "5"], 5.0, 0.0),
                                            (["--clip-grad-value", "50", "--clip-grad-norm",
                                              "20"], 50.0, 20.0)):
                lab_flags = OPTIMIZERS[optimizer][0] + clip_flags
                ours = lab(["--function", "booth", "--steps", str(steps)] + lab_flags)
                report("booth %d updates: %s" % (steps, " ".join(lab_flags)),
                       compare_rows(ours, torch_function_run(optimizer, None, steps,
                                                             value, norm), False))
                ours = lab(["--data", DATA, "--epochs", str(epochs), "--batch", "2"]
                           + lab_flags + ["--scheduler", "exponentiallr", "--gamma", "0.9"])
                theirs = torch_data_run(optimizer, lambda o, s: S.ExponentialLR(o, gamma=0.9),
                                        epochs, 2, False, value, norm)
                report("data, batch 2: %s --scheduler exponentiallr --gamma 0.9"
                       % " ".join(lab_flags), compare_rows(ours, theirs, True))
        # SGD without momentum: OneCycleLR cycles SGD's momentum all the same
        # (0.95 down to 0.85 and back), so the runs use momentum.
        OPTIMIZERS["sgd-plain"] = ([], lambda p: torch.optim.SGD(p, lr=0.001, foreach=False))
        flags = ["--scheduler", "onecyclelr", "--max-lr", "0.02"]
        ours = lab(["--function", "booth", "--steps", str(steps)] + flags)
        report("booth %d updates: --optimizer sgd (no --momentum) %s" % (steps, " ".join(flags)),
               compare_rows(ours, torch_function_run(
                   "sgd-plain", lambda o, s: S.OneCycleLR(o, max_lr=0.02, total_steps=s),
                   steps), True), fused=True)
    print("%d failed" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
