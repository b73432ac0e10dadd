#!/usr/bin/python3
"""torch_loop.py: the seed's training loop in PyTorch, timed in-process.

    /usr/bin/python3 chapters/A-lab/torch_loop.py DATA.csv

build/benchA runs it to compare the lab's whole process with PyTorch's
loop alone (imports and reading the file not counted).  The loop is the
seed notes' own: nn.Linear, nn.MSELoss and optim.SGD (lr 0.01), here in
float64 from zero weights, batches of 32 in file order, 50 epochs, as
`descent --data DATA.csv --batch 32 --epochs 50 --lr 0.01` runs it.
Prints "seconds S cpu C" (medians of RUNS loops: wall-clock and processor
time) and the final weights
w1,...,wd,b with %.17g.
"""
import csv
import signal
import statistics
import sys
import time

import torch

# Piped into head, stop quietly as the C programs do (no BrokenPipeError).
signal.signal(signal.SIGPIPE, signal.SIG_DFL)

RUNS = 5
torch.set_default_dtype(torch.float64)


def main():
    with open(sys.argv[1], newline="") as file:
        rows = list(csv.reader(file))[1:]
    data = torch.tensor([[float(cell) for cell in row] for row in rows])
    x, y = data[:, :-1].contiguous(), data[:, -1:].contiguous()
    seconds, cpu = [], []
    for _ in range(RUNS):
        model = torch.nn.Linear(x.shape[1], 1)
        with torch.no_grad():
            model.weight.zero_()
            model.bias.zero_()
        criterion = torch.nn.MSELoss()
        optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
        start, start_cpu = time.perf_counter(), time.process_time()
        for _epoch in range(50):
            for first in range(0, len(x), 32):
                optimizer.zero_grad()
                loss = criterion(model(x[first:first + 32]), y[first:first + 32])
                loss.backward()
                optimizer.step()
        seconds.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    weights = model.weight.detach().flatten().tolist() + [model.bias.item()]
    print("seconds %.9f cpu %.9f" % (statistics.median(seconds), statistics.median(cpu)))
    print(",".join("%.17g" % w for w in weights))


main()
