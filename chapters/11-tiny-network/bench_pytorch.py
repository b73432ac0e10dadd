"""bench_pytorch.py: the PyTorch half of build/bench11 (make bench).

The chapter's 64-32-10 tanh network on the digits in PyTorch, float64, on
this CPU: one epoch of SGD (lr 1, batches of 32, the first 1438 images of
data/digits.csv: the same shapes and batch sizes as the C benchmark, not
the same images, which does not change the arithmetic) and one full-batch
gradient; medians of 9 runs, with one thread (as the C code), with
PyTorch's default number of threads and with one thread a core.

    bench_pytorch.py [C_EPOCH C_GRADIENT BATCHES]

With the C times (seconds) and the number of batches of an epoch, it also
prints how PyTorch's times compare with them, and the time of an epoch
beyond its full-batch gradient spread over the batches: the same
arithmetic in both, so that difference is what an epoch costs per batch
on top of it (both measured, not a model of where the time goes).
"""
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
PASSES = 9


def load():
    rows = open(os.path.join(HERE, "data", "digits.csv")).read().split("\n")[1:]
    values = [[float(v) for v in row.split(",")] for row in rows if row]
    x = torch.tensor([v[:64] for v in values], dtype=torch.float64) / 16
    y = torch.tensor([int(v[64]) for v in values], dtype=torch.long)
    return x[:1438], y[:1438]


def measure(x, y):
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Tanh(),
                                torch.nn.Linear(32, 10)).double()
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    epochs, gradients = [], []
    for _ in range(PASSES):
        order = torch.randperm(len(y))
        start = time.perf_counter()
        for b in range(0, len(y), 32):
            batch = order[b:b + 32]
            optimizer.zero_grad()
            criterion(model(x[batch]), y[batch]).backward()
            optimizer.step()
        epochs.append(time.perf_counter() - start)
        start = time.perf_counter()
        optimizer.zero_grad()
        criterion(model(x), y).backward()
        gradients.append(time.perf_counter() - start)
    return statistics.median(epochs), statistics.median(gradients)


def per_batch(epoch, gradient, batches):
    return 1e3 * (epoch - gradient) / batches


def main():
    c = [float(a) for a in sys.argv[1:3]] if len(sys.argv) == 4 else None
    batches = int(sys.argv[3]) if c else 0
    default_threads = torch.get_num_threads()
    cores = os.cpu_count() or 1
    print(f"PyTorch {torch.__version__}: default threads {default_threads}, cores {cores}")
    for threads in sorted({1, default_threads, cores}):
        torch.set_num_threads(threads)
        epoch, gradient = measure(x, y)
        label = f"PyTorch, {threads} thread{'s' if threads > 1 else ''}"
        print(f"{label:<28} one epoch of SGD {1e3 * epoch:8.2f} ms   one full-batch gradient "
              f"{1e3 * gradient:7.2f} ms")
        if c:
            print(f"  PyTorch / C: epoch {epoch / c[0]:.2f}, full-batch gradient {gradient / c[1]:.2f}")
            print(f"  (epoch - full-batch gradient) / {batches} batches: "
                  f"PyTorch {per_batch(epoch, gradient, batches):.3f} ms, "
                  f"C {per_batch(c[0], c[1], batches):.3f} ms")

x, y = load()
main()
