"""bench_pytorch.py: the PyTorch half of build/bench11 (make bench).

The chapter's 64-32-10 tanh network on the digits in PyTorch, float64, on
this CPU: one epoch of SGD (lr 1) on the same batches as the C benchmark
(the file bench11 writes: the 1438 training images in the order of its
epoch's batches) and one full-batch gradient over them; medians of 9 runs,
with one thread (as the C code), with PyTorch's default number of threads
and with one thread a core.

    bench_pytorch.py C_EPOCH C_GRADIENT BATCHES BATCH_SIZE BATCHES_CSV

With the C times (seconds) and the number of batches of an epoch, it also
prints how PyTorch's times compare with them, and the time of an epoch
beyond its full-batch gradient spread over the batches: the same
arithmetic in both, so that difference is what an epoch costs per batch
on top of it (both measured, not a model of where the time goes).
"""
import os
import signal
import statistics
import sys
import time

import torch

# Piped into head, stop quietly as the C programs do (no BrokenPipeError).
signal.signal(signal.SIGPIPE, signal.SIG_DFL)

PASSES = 9


def load(path):
    """The C benchmark's batches, one after another (pixels already / 16)."""
    rows = open(path).read().split("\n")
    values = [[float(v) for v in row.split(",")] for row in rows if row]
    x = torch.tensor([v[:64] for v in values], dtype=torch.float64)
    y = torch.tensor([int(v[64]) for v in values], dtype=torch.long)
    return x, y


def measure(x, y, size):
    torch.manual_seed(1)
    model = torch.nn.Sequential(torch.nn.Linear(64, 32), torch.nn.Tanh(),
                                torch.nn.Linear(32, 10)).double()
    criterion = torch.nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=1.0)
    epochs, gradients = [], []
    for _ in range(PASSES):
        start = time.perf_counter()
        for b in range(0, len(y), size):
            optimizer.zero_grad()
            criterion(model(x[b:b + size]), y[b:b + size]).backward()
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
    if len(sys.argv) != 6:
        sys.exit("usage: bench_pytorch.py C_EPOCH C_GRADIENT BATCHES BATCH_SIZE BATCHES_CSV "
                 "(build/bench11 runs it)")
    c = [float(a) for a in sys.argv[1:3]]
    batches, size = int(sys.argv[3]), int(sys.argv[4])
    x, y = load(sys.argv[5])
    default_threads = torch.get_num_threads()
    cores = os.cpu_count() or 1
    print(f"PyTorch {torch.__version__}: default threads {default_threads}, cores {cores}")
    for threads in sorted({1, default_threads, cores}):
        torch.set_num_threads(threads)
        epoch, gradient = measure(x, y, size)
        label = f"PyTorch, {threads} thread{'s' if threads > 1 else ''}"
        print(f"{label:<28} one epoch of SGD {1e3 * epoch:8.2f} ms   one full-batch gradient "
              f"{1e3 * gradient:7.2f} ms")
        print(f"  PyTorch / C: epoch {epoch / c[0]:.2f}, full-batch gradient {gradient / c[1]:.2f}")
        print(f"  (epoch - full-batch gradient) / {batches} batches: "
              f"PyTorch {per_batch(epoch, gradient, batches):.3f} ms, "
              f"C {per_batch(c[0], c[1], batches):.3f} ms")


main()
