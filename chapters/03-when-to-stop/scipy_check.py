"""scipy_check.py: chapter 3's line searches against scipy.optimize.line_search.

Usage: /usr/bin/python3 chapters/03-when-to-stop/scipy_check.py BUILD_DIR

Runs BUILD_DIR/ch03 --csv into a temporary folder and reads two of its runs:

1. Exact line search on 1/2 (x1^2 + 10 x2^2) from the worst start (10, 1)
   (zigzag_kappa_10.csv).  From every row's point, SciPy's strong-Wolfe
   search along -g (scipy.optimize.line_search, c1 = 1e-4, c2 = 0.9) tries
   alpha = 1, which fails, and then interpolates phi(alpha) = f(x - alpha g)
   by a quadratic, which is exact for this f: it must return the step (3.3)
   that build/ch03 took, to 1e-12 relative.
2. Armijo backtracking on Rosenbrock (rosenbrock_armijo.csv, the first 500
   steps).  Each step build/ch03 accepted is checked here against (3.5),
   recomputed in NumPy from the row before it; and from the same points
   SciPy's own search is run, its step checked against (3.5) as well, and
   the evaluations of f both searches spent are added up and printed.

Exit status 1 if any check fails.
"""
import csv
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy.optimize import line_search

C = 1e-4


def quadratic(a):
    return (lambda x: 0.5 * np.dot(a * x, x)), (lambda x: a * x)


def rosenbrock():
    def f(x):
        return (1.0 - x[0]) ** 2 + 100.0 * (x[1] - x[0] ** 2) ** 2

    def g(x):
        valley = x[1] - x[0] ** 2
        return np.array([-2.0 * (1.0 - x[0]) - 400.0 * x[0] * valley, 200.0 * valley])

    return f, g


def rows(path):
    with open(path, newline="") as handle:
        return list(csv.DictReader(handle))


def point(row):
    return np.array([float(row["x1"]), float(row["x2"])])


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run([os.path.join(build, "ch03"), "--csv", folder], check=True,
                       stdout=subprocess.DEVNULL)
        zigzag = rows(os.path.join(folder, "zigzag_kappa_10.csv"))
        armijo = rows(os.path.join(folder, "rosenbrock_armijo.csv"))[:501]

    f, g = quadratic(np.array([1.0, 10.0]))
    worst = 0.0
    for before, after in zip(zigzag, zigzag[1:]):
        x = point(before)
        alpha = line_search(f, g, x, -g(x), c1=C, c2=0.9)[0]
        ours = float(after["alpha"])
        gap = abs(alpha - ours) / ours if alpha is not None else float("inf")
        worst = max(worst, gap)
    print(f"exact line search, kappa = 10: {len(zigzag) - 1} steps, SciPy's step against "
          f"build/ch03's: largest relative difference {worst:.1e}")
    if not worst <= 1e-12:
        failures += 1

    f, g = rosenbrock()
    broken = ours_evaluations = scipy_evaluations = scipy_gradients = 0
    for before, after in zip(armijo, armijo[1:]):
        x, alpha = point(before), float(after["alpha"])
        grad = g(x)
        if not f(x - alpha * grad) <= f(x) - C * alpha * np.dot(grad, grad):
            broken += 1
        # from alpha0 = 1 halving to alpha: log2(1/alpha) failed trials and one accepted
        ours_evaluations += round(np.log(1.0 / alpha) / np.log(2.0)) + 1
        result = line_search(f, g, x, -grad, c1=C, c2=0.9)
        if result[0] is None or not (f(x - result[0] * grad)
                                     <= f(x) - C * result[0] * np.dot(grad, grad)):
            broken += 1
        scipy_evaluations += result[1]
        scipy_gradients += result[2]
    print(f"Armijo on Rosenbrock, {len(armijo) - 1} steps: (3.5) broken {broken} times; "
          f"evaluations of f: backtracking from 1 {ours_evaluations}, SciPy's strong-Wolfe "
          f"search {scipy_evaluations} (and {scipy_gradients} gradients)")
    if broken:
        failures += 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
