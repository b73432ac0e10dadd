"""bench_pytorch.py: the PyTorch half of build/bench11 (make bench).

The chapter's 64-32-10 tanh network on the digits in PyTorch, float64, on
this CPU: one epoch of SGD (lr 1, batches of 32, the 1438 training images
of the chapter's split: the same shapes, not the same images) and one
full-batch gradient; medians of 9 runs, with one thread (as the C code)
and with PyTorch's default number of threads.
"""
import os
import statistics
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


def main():
    x, y = load()
    default_threads = torch.get_num_threads()
    for threads in sorted({1, default_threads}):
        torch.set_num_threads(threads)
        epoch, gradient = measure(x, y)
        label = f"PyTorch {torch.__version__}, {threads} thread{'s' if threads > 1 else ''}"
        print(f"{label:<28} one epoch of SGD {1e3 * epoch:8.2f} ms   one full-batch gradient "
              f"{1e3 * gradient:7.2f} ms")


main()
