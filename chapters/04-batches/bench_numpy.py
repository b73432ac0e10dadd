"""bench_numpy.py: NumPy's full-batch least-squares gradient, for build/bench04.

Usage: bench_numpy.py COUNT FEATURES FAST SLOW, with FAST and SLOW the median
seconds of mse_grad and mse_grad_one_by_one that bench04 measured just
before.  Times 2/N X.T @ (X @ w - y) on data of the same shape as chapter 4's
(feature j with variance 1/(1 + j)), as the median of 21 runs after one
warm-up, and prints how many times faster the C gradients are.  The data are
NumPy's own random numbers: the time of a matrix product does not depend on
the values.  NumPy calls the BLAS library it was linked with (its path is
printed: on Debian, the one `update-alternatives --display libblas.so.3-x86_64-linux-gnu`
selects), and a multi-threaded BLAS may use every core, where the C code uses one.
"""
import signal
import statistics
import sys
import time

import numpy as np

# Piped into head, stop quietly as the C programs do (no BrokenPipeError).
signal.signal(signal.SIGPIPE, signal.SIG_DFL)


def blas_library():
    """The BLAS shared library this process has loaded (Linux), or 'unknown'."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            for line in maps:
                path = line.split()[-1]
                if "blas" in path.rsplit("/", 1)[-1].lower():
                    return path
    except OSError:
        pass
    return "unknown"


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: bench_numpy.py COUNT FEATURES FAST SLOW")
    count, features = int(sys.argv[1]), int(sys.argv[2])
    fast, slow = float(sys.argv[3]), float(sys.argv[4])
    rng = np.random.default_rng(4)
    x = rng.standard_normal((count, features)) / np.sqrt(1.0 + np.arange(features))
    w = rng.uniform(-1.0, 1.0, features)
    y = x @ w + 0.5 * rng.standard_normal(count)
    theta = np.zeros(features)
    times = []
    for run in range(22):
        start = time.perf_counter()
        grad = x.T @ (x @ theta - y)
        grad *= 2.0 / count
        if run > 0:
            times.append(time.perf_counter() - start)
    numpy_time = statistics.median(times)
    print("NumPy %s, 2/N X.T @ (X @ w - y)  %.3f ms (median of %d runs)"
          % (np.__version__, 1e3 * numpy_time, len(times)))
    print("  BLAS: %s" % blas_library())
    print("  eight in pairs is %.2f x as fast as NumPy, one by one %.2f x"
          % (numpy_time / fast, numpy_time / slow))


if __name__ == "__main__":
    main()
