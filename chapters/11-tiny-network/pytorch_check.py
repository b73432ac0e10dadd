"""pytorch_check.py: the seed's training loop, run by PyTorch itself.

Reads `build/ch11 --example pytorch` (the 100 x 10 inputs, the 100
targets, the initial weight and bias the C program drew from the book's
generator, then its loss at every epoch and its final parameters), runs

    model = torch.nn.Linear(10, 1)        # weights set to the C program's
    criterion = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(100):
        optimizer.zero_grad(); output = model(x)
        loss = criterion(output, y); loss.backward(); optimizer.step()

in float64, and compares every epoch's loss and the final parameters.

Then the chapter's network: `build/ch11 --example pytorch-network` prints
32 training digits, the initial weights of the 64-32-10 tanh network
(nn.Sequential(nn.Linear(64, 32), nn.Tanh(), nn.Linear(32, 10)) with
nn.CrossEntropyLoss) and five full-batch steps of SGD with momentum 0.9
(lr 0.1) and of every optimizer of the book at PyTorch's defaults (SGD at
lr 0.1; NAdam only with PyTorch 2, see chapters/08-adam/nadam.c);
PyTorch's autograd and torch.optim take the same steps, and every loss and final parameter is
compared, which checks the C backpropagation against autograd.

Last, the lab: `build/descent --model mlp:3 --loss cross-entropy` and
`--model logistic` on 40 digits (logistic: is the digit above 4?), three
updates in batches of 10 with every optimizer at its defaults (SGD at lr
0.01), against the same steps in PyTorch from the lab's first row; within
1e-12 too, but RMSprop within 1e-9 (lab_check says why).  The network also
runs with SGD (lr 0.1) and Adam under `--scheduler steplr` and
`--scheduler cosineannealinglr`, against torch.optim.lr_scheduler's StepLR
and CosineAnnealingLR stepped after every update: the parameters and the
CSV's lr column (the rate of the update that produced each row).

    python3 chapters/11-tiny-network/pytorch_check.py [BUILD]

Exit status 0 when every number agrees within 1e-12 relative (relative to
the larger of the two, or 1e-3 for a parameter closer to 0 than that),
1 otherwise.
The C loop adds the 100 samples one after another; PyTorch's matrix
products may add them in another order (blocked, vectorised), so the two
differ by rounding: a few units of 1e-16 per operation, far below 1e-12.
"""
import subprocess
import sys

import torch

BUILD = sys.argv[1] if len(sys.argv) > 1 else "build"
TOLERANCE = 1e-12
RMSPROP_TOLERANCE = 1e-9      # the lab's RMSprop on the network: see lab_check
# The lab's schedulers on the network (lab_check): flags, PyTorch's class.
SCHEDULERS = {
    "steplr": (["--step-size", "1", "--gamma", "0.5"],
               lambda opt: torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.5)),
    "cosineannealinglr": (["--t-max", "3"],
                          lambda opt: torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=3)),
}


def ours():
    text = subprocess.run([f"{BUILD}/ch11", "--example", "pytorch"], check=True,
                          capture_output=True, text=True).stdout
    x, y, losses = [], [], {}
    for line in text.split("\n"):
        words = line.split()
        if not words:
            continue
        if words[0] == "samples":
            epochs, lr = int(words[5]), float(words[7])
        elif words[0] == "x":
            x.append([float(w) for w in words[1:]])
        elif words[0] == "y":
            y.append([float(words[1])])
        elif words[0] == "theta0":
            theta0 = [float(w) for w in words[1:]]
        elif words[0] == "loss":
            losses[int(words[1])] = float(words[2])
        elif words[0] == "theta":
            theta = [float(w) for w in words[1:]]
    return x, y, theta0, epochs, lr, losses, theta


def relative(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


OPTIMIZERS = {"adagrad": torch.optim.Adagrad, "rmsprop": torch.optim.RMSprop,
              "adadelta": torch.optim.Adadelta, "adam": torch.optim.Adam,
              "adamw": torch.optim.AdamW, "adamax": torch.optim.Adamax,
              "nadam": torch.optim.NAdam}


def network_ours():
    text = subprocess.run([f"{BUILD}/ch11", "--example", "pytorch-network"], check=True,
                          capture_output=True, text=True).stdout
    x, y, runs = [], [], []
    for line in text.split("\n"):
        words = line.split()
        if not words:
            continue
        if words[0] == "network":
            inputs, hidden, outputs = int(words[1]), int(words[2]), int(words[3])
        elif words[0] == "x":
            x.append([float(w) for w in words[1:]])
        elif words[0] == "y":
            y.append(int(words[1]))
        elif words[0] == "theta0":
            theta0 = [float(w) for w in words[1:]]
        elif words[0] == "run":
            runs.append({"name": words[1], "lr": float(words[3]), "momentum": float(words[5]),
                         "losses": []})
        elif words[0] == "loss":
            runs[-1]["losses"].append(float(words[2]))
        elif words[0] == "theta":
            runs[-1]["theta"] = [float(w) for w in words[1:]]
    return (inputs, hidden, outputs), x, y, theta0, runs


def network_check():
    (inputs, hidden, outputs), x, y, theta0, runs = network_ours()
    x = torch.tensor(x, dtype=torch.float64)
    y = torch.tensor(y, dtype=torch.long)
    ok = True
    print(f"the {inputs}-{hidden}-{outputs} tanh network, CrossEntropyLoss, {len(y)} digits, "
          f"{len(runs[0]['losses'])} full-batch steps, float64")
    for run in runs:
        model = torch.nn.Sequential(torch.nn.Linear(inputs, hidden), torch.nn.Tanh(),
                                    torch.nn.Linear(hidden, outputs)).double()
        with torch.no_grad():
            at = 0
            for parameter in model.parameters():
                count = parameter.numel()
                parameter.copy_(torch.tensor(theta0[at:at + count],
                                             dtype=torch.float64).reshape(parameter.shape))
                at += count
        if run["name"] == "nadam" and int(torch.__version__.split(".")[0]) < 2:
            print("  nadam     not compared: PyTorch 1.x keeps its momentum product in "
                  "float32 (chapters/08-adam/nadam.c)")
            continue
        if run["name"] == "sgd":
            optimizer = torch.optim.SGD(model.parameters(), lr=run["lr"],
                                        momentum=run["momentum"])
        else:
            optimizer = OPTIMIZERS[run["name"]](model.parameters(), lr=run["lr"])
        criterion = torch.nn.CrossEntropyLoss()
        worst_loss = 0.0
        for c_loss in run["losses"]:
            optimizer.zero_grad()
            loss = criterion(model(x), y)
            loss.backward()
            optimizer.step()
            worst_loss = max(worst_loss, relative(loss.item(), c_loss))
        theirs = torch.cat([p.detach().flatten() for p in model.parameters()]).tolist()
        worst_theta = max(abs(a - b) / max(abs(a), abs(b), 1e-3)
                          for a, b in zip(theirs, run["theta"]))
        name = run["name"] + (" (momentum)" if run["momentum"] else "")
        print(f"  {name:<15} losses {worst_loss:.1e}, parameters {worst_theta:.1e}")
        ok = ok and worst_loss <= TOLERANCE and worst_theta <= TOLERANCE
    return ok


def lab_check():
    """The lab's models: build/descent --model mlp:3 / logistic on 40 digits,
    three updates in file-order batches of 10, every optimizer at its
    defaults; PyTorch starts from the lab's row 0 and takes the same steps."""
    import os
    import tempfile
    here = os.path.dirname(os.path.abspath(__file__))
    rows = open(os.path.join(here, "data", "digits.csv")).read().split("\n")[:41]
    ok = True
    with tempfile.TemporaryDirectory() as folder:
        digits = os.path.join(folder, "digits40.csv")
        open(digits, "w").write("\n".join(rows) + "\n")
        binary = os.path.join(folder, "binary40.csv")    # the same pixels, target: digit > 4
        open(binary, "w").write("\n".join([rows[0]] + [
            ",".join(r.split(",")[:-1] + [str(int(int(r.split(",")[-1]) > 4))])
            for r in rows[1:]]) + "\n")
        print("the lab's models (build/descent --model), 40 digits, 3 updates in batches of 10")
        for model, path in (("mlp:3", digits), ("logistic", binary)):
            values = [[float(v) for v in r.split(",")] for r in
                      open(path).read().split("\n")[1:] if r]
            x = torch.tensor([v[:-1] for v in values], dtype=torch.float64)
            target = [v[-1] for v in values]
            runs = [(name, None) for name in ["sgd"] + list(OPTIMIZERS)]
            if model != "logistic":
                runs += [(name, scheduler) for name in ("sgd", "adam") for scheduler in SCHEDULERS]
            for name, scheduler in runs:
                if name == "nadam" and int(torch.__version__.split(".")[0]) < 2:
                    continue
                command = [f"{BUILD}/descent", "--data", path, "--model", model, "--steps", "3",
                           "--batch", "10", "--optimizer", name]
                if model != "logistic":
                    command += ["--loss", "cross-entropy"]
                if name == "sgd":
                    command += ["--lr", "0.1" if scheduler else "0.01"]
                if scheduler:
                    command += ["--scheduler", scheduler] + SCHEDULERS[scheduler][0]
                out = subprocess.run(command, check=True, capture_output=True,
                                     text=True).stdout.split("\n")
                table = [[float(v) for v in line.split(",")] for line in out[1:] if line]
                rates = [row.pop() for row in table] if scheduler else None
                theta = table[0][2:]
                if model == "logistic":
                    net = torch.nn.Linear(x.shape[1], 1).double()
                    criterion = torch.nn.BCEWithLogitsLoss()
                    y = torch.tensor(target, dtype=torch.float64).reshape(-1, 1)
                else:
                    net = torch.nn.Sequential(torch.nn.Linear(x.shape[1], 3), torch.nn.Tanh(),
                                              torch.nn.Linear(3, 10)).double()
                    criterion = torch.nn.CrossEntropyLoss()
                    y = torch.tensor([int(t) for t in target], dtype=torch.long)
                with torch.no_grad():
                    at = 0
                    for parameter in net.parameters():
                        count = parameter.numel()
                        parameter.copy_(torch.tensor(theta[at:at + count], dtype=torch.float64)
                                        .reshape(parameter.shape))
                        at += count
                if name == "sgd":
                    optimizer = torch.optim.SGD(net.parameters(), lr=0.1 if scheduler else 0.01)
                else:
                    optimizer = OPTIMIZERS[name](net.parameters())
                schedule = SCHEDULERS[scheduler][1](optimizer) if scheduler else None
                worst = 0.0
                if scheduler:       # row 0: the initial rate
                    worst = relative(optimizer.param_groups[0]["lr"], rates[0])
                for step in range(1, 4):
                    batch = slice(10 * (step - 1), 10 * step)
                    used = optimizer.param_groups[0]["lr"]
                    optimizer.zero_grad()
                    criterion(net(x[batch]), y[batch]).backward()
                    optimizer.step()
                    if schedule:
                        schedule.step()
                        worst = max(worst, relative(used, rates[step]))
                    theirs = torch.cat([p.detach().flatten() for p in net.parameters()]).tolist()
                    worst = max([worst] + [abs(a - b) / max(abs(a), abs(b), 1e-3)
                                           for a, b in zip(theirs, table[step][2:])])
                # RMSprop's step is lr g / (sqrt(v) + eps).  The worst entry is
                # W1_1_58 at the second update: its pixel is blank in the first
                # batch, so v = 0.01 g^2 with g ~ 2e-7 (a small sum of larger
                # terms) and sqrt(v) ~ 2e-8 is close to eps; the step's
                # derivative in g, lr eps / (0.1 |g| + eps)^2, is then ~1e5, and
                # the last-bit difference of the two sums grows to ~3e-12.
                tolerance = RMSPROP_TOLERANCE if name == "rmsprop" else TOLERANCE
                label = f"{name} {scheduler}" if scheduler else name
                print(f"  {model:<9} {label:<27} parameters{' and lr' if scheduler else ''} "
                      f"{worst:.1e}")
                ok = ok and worst <= tolerance
    return ok


def main():
    x, y, theta0, epochs, lr, c_losses, c_theta = ours()
    x = torch.tensor(x, dtype=torch.float64)
    y = torch.tensor(y, dtype=torch.float64)
    features = x.shape[1]
    model = torch.nn.Linear(features, 1).double()
    with torch.no_grad():
        model.weight.copy_(torch.tensor([theta0[:features]], dtype=torch.float64))
        model.bias.copy_(torch.tensor(theta0[features:], dtype=torch.float64))
    criterion = torch.nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    worst_loss = 0.0
    for epoch in range(epochs):
        optimizer.zero_grad()
        output = model(x)
        loss = criterion(output, y)
        loss.backward()
        optimizer.step()
        worst_loss = max(worst_loss, relative(loss.item(), c_losses[epoch]))
    theirs = model.weight.detach().flatten().tolist() + model.bias.detach().tolist()
    worst_theta = max(relative(a, b) for a, b in zip(theirs, c_theta))
    print(f"torch {torch.__version__}, the seed's loop: Linear({features}, 1), MSELoss, "
          f"SGD(lr={lr}), {epochs} epochs, float64")
    print(f"  largest relative difference of the {epochs} losses:  {worst_loss:.1e}")
    print(f"  largest relative difference of the final parameters: {worst_theta:.1e}")
    ok = worst_loss <= TOLERANCE and worst_theta <= TOLERANCE
    ok = network_check() and ok
    ok = lab_check() and ok
    print("agree within 1e-12 (the lab's RMSprop on the network within 1e-9)" if ok
          else "DIFFER by more than the tolerance")
    return 0 if ok else 1


sys.exit(main())
