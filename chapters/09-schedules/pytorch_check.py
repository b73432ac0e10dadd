"""pytorch_check.py: chapter 9's schedules, run by torch.optim.lr_scheduler.

Builds each scheduler of chapters/09-schedules/pytorch.c around
torch.optim.SGD (lr 0.1, momentum 0.9) and torch.optim.Adam (lr 0.1) on one
float64 parameter, calls optimizer.step() then scheduler.step() 60 times,
and compares the rate and the momentum (SGD) or beta1 (Adam) that every
update used with `build/ch09 --example pytorch`.  Needs PyTorch:

    /usr/bin/python3 chapters/09-schedules/pytorch_check.py [BUILD]

Exit status 0 when every number agrees within 1e-15 relative (the C code
follows the chained formulas of torch/optim/lr_scheduler.py operation for
operation, so they agree to the bit with the same libm), 1 otherwise.
"""
import subprocess
import sys
import warnings

import torch

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
STEPS = 60
TOLERANCE = 1e-15
S = torch.optim.lr_scheduler

CASES = [
    ("steplr", lambda o: S.StepLR(o, step_size=7, gamma=0.5)),
    ("multisteplr", lambda o: S.MultiStepLR(o, milestones=[10, 25, 26], gamma=0.3)),
    ("exponentiallr", lambda o: S.ExponentialLR(o, gamma=0.95)),
    ("cosineannealinglr", lambda o: S.CosineAnnealingLR(o, T_max=10, eta_min=0.01)),
    ("linearlr-up", lambda o: S.LinearLR(o, start_factor=0.25, total_iters=12)),
    ("linearlr-down", lambda o: S.LinearLR(o, start_factor=1.0, end_factor=0.1, total_iters=20)),
    ("onecyclelr", lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=STEPS)),
    ("onecyclelr-three-phase-linear",
     lambda o: S.OneCycleLR(o, max_lr=0.5, total_steps=STEPS, three_phase=True,
                            anneal_strategy="linear", pct_start=0.25)),
    ("linearlr-default", lambda o: S.LinearLR(o)),
]


def torch_rows():
    rows = []
    for name, make in CASES:
        for kind in ("sgd", "adam"):
            p = torch.ones(1, dtype=torch.float64, requires_grad=True)
            if kind == "sgd":
                opt = torch.optim.SGD([p], lr=0.1, momentum=0.9)
            else:
                opt = torch.optim.Adam([p], lr=0.1)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                sched = make(opt)
                for k in range(1, STEPS + 1):
                    group = opt.param_groups[0]
                    m = group["momentum"] if kind == "sgd" else group["betas"][0]
                    rows.append((name, kind, k, group["lr"], m))
                    p.grad = torch.full((1,), 0.5, dtype=torch.float64)
                    opt.step()
                    sched.step()
    return rows


def main():
    out = subprocess.run([BUILD + "/ch09", "--example", "pytorch"], capture_output=True, text=True, check=True)
    ours = [line.split() for line in out.stdout.splitlines()]
    theirs = torch_rows()
    if len(ours) != len(theirs):
        print("pytorch_check: build/ch09 printed %d rows, PyTorch %d" % (len(ours), len(theirs)))
        return 1
    worst = 0.0
    bad = 0
    for mine, (name, kind, k, lr, m) in zip(ours, theirs):
        if mine[:3] != [name, kind, str(k)]:
            print("pytorch_check: row %s does not line up with %s %s %d" % (mine[:3], name, kind, k))
            return 1
        for got, want, what in ((float(mine[3]), lr, "lr"), (float(mine[4]), m, "momentum")):
            err = abs(got - want) / max(abs(want), 1e-300)
            worst = max(worst, err)
            if err > TOLERANCE:
                bad += 1
                if bad <= 5:
                    print("%s %s update %d %s: book %.17g, PyTorch %.17g" % (name, kind, k, what, got, want))
    print("schedules against torch.optim.lr_scheduler (torch %s): %d rates and momenta, largest relative"
          " difference %.3g" % (torch.__version__, 2 * len(theirs), worst))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
