#!/usr/bin/env python3
"""tests/fuzz/cli.py: random command lines for every program of the book.

    python3 tests/fuzz/cli.py BUILD SECONDS

Runs BUILD/ch01 ... BUILD/descent (build them with AddressSanitizer and
UndefinedBehaviorSanitizer first: tests/fuzz/run.sh does) with random
mixes of every flag the programs know and values chosen to hurt: edge
numbers, huge and tiny numerals, non-decimal spellings, control bytes,
invalid UTF-8, gnuplot and shell specials, paths that cannot be written.
Each run must exit 0, 2 or 3 (or be stopped by the time limit), print no
sanitizer report, and, when it exits 2, print exactly one line on stderr
with no control byte.  Prints what it ran and every failure; not part of
make check.
"""
import os
import random
import subprocess
import sys
import tempfile
import time

FLAGS = ["--function", "--data", "--x0", "--optimizer", "--lr", "--momentum", "--dampening",
         "--nesterov", "--weight-decay", "--maximize", "--alpha", "--centered", "--eps",
         "--betas", "--amsgrad", "--rho", "--lr-decay", "--initial-accumulator-value",
         "--momentum-decay", "--steps", "--epochs", "--batch", "--order", "--every",
         "--plot", "--csv", "--no-bias", "--standardize", "--help", "--version", "-h",
         "--example", "--eta", "--show", "--surface", "--method", "--curvature", "--trace",
         "--rates", "--curvatures", "--write-data", "--values", "--gradcheck",
         "--line-search", "--tol", "--backtrack", "--armijo-c", "--scheduler", "--clip"]
NUMBERS = ["0", "-0", "1", "-1", "0.5", "1e-3", "1e308", "1e-320", "1e999", "nan", "inf",
           "0x10", " 1", "1 ", "", "+", "-", ".", "1e", "99999999999999999999", "3",
           "0.9,0.999", "1,2", "1,2,3", "1,", ",", "1.5", "100", "1000000000000",
           "1" + "0" * 400, "0." + "0" * 300 + "1", "2", "10", "32"]
WORDS = ["rosenbrock", "booth", "quadratic:1,10", "quadratic:", "beale", "himmelblau",
         "x2sinx", "saddle", "sgd", "adam", "adamw", "nadam", "adamax", "rmsprop", "adagrad",
         "adadelta", "shuffle", "shuffle:7", "sequential", "bgd", "race", "bias", "compare",
         "minibatch", "gd", "ros\nenbrock", "\x1b]0;x\x07", "\xff\xfe", "|touch EVIL;.svg",
         "`mkdir EVIL`.svg", "@x.svg", "x.png", "x.svg", "/dev/full", "/dev/zero",
         "/dev/null", "/nonexistent/x.svg", "tests/A-lab/good/quoted.csv",
         "tests/A-lab/bad/nan.csv", "chapters/A-lab/three-samples.csv", "-"]


# Valid command lines to start from half of the time, so that random
# additions reach the runs and not only the flag parser.
BASES = {"descent": [["--function", "rosenbrock", "--optimizer", "adam", "--steps", "50"],
                     ["--data", "tests/A-lab/good/line.csv", "--steps", "20"],
                     ["--data", "tests/A-lab/good/scales-apart.csv", "--standardize"],
                     ["--function", "booth", "--plot", "PLOT.svg", "--steps", "5"]],
         "ch01": [["--example", "1"], []], "ch02": [["--lr", "0.1"], []],
         "ch04": [["--example", "sgd"], []], "ch06": [["--lr", "0.01"], ["--example"]],
         "ch05": [["--example", "steps"], ["--values"]], "ch03": [[]],
         "ch09": [["--example", "table"], []], "ch10": [["--example", "clip"], []],
         "ch07": [["--optimizer", "rmsprop"], []], "ch08": [["--example", "bias"], []]}


def token(rng, workdir):
    kind = rng.random()
    if kind < 0.45:
        return rng.choice(FLAGS)
    if kind < 0.75:
        return rng.choice(NUMBERS)
    if kind < 0.95:
        return rng.choice(WORDS)
    return os.path.join(workdir, "out%d" % rng.randrange(3))


def main():
    build, seconds = sys.argv[1], float(sys.argv[2])
    programs = [p for p in ["ch01", "ch02", "ch03", "ch04", "ch05", "ch06", "ch07", "ch08",
                            "ch09", "ch10", "descent"]
                if os.access(os.path.join(build, p), os.X_OK)]
    rng = random.Random(11)
    runs, failures, statuses = 0, 0, {}
    env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0", UBSAN_OPTIONS="print_stacktrace=1")
    end = time.time() + seconds
    with tempfile.TemporaryDirectory() as workdir:
        while time.time() < end:
            program = rng.choice(programs)
            args = [token(rng, workdir) for _ in range(rng.randrange(7))]
            if rng.random() < 0.5:
                base = [a.replace("PLOT", os.path.join(workdir, "p"))
                        for a in rng.choice(BASES[program])]
                args = base + args[:rng.randrange(3)]
            args = [a.encode("utf-8", "surrogateescape") if "\xff" not in a
                    else a.encode("latin-1") for a in args]
            try:
                done = subprocess.run([os.path.join(build, program).encode()] + args,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                      env=env, timeout=5, cwd=os.getcwd())
                status, err = done.returncode, done.stderr
            except subprocess.TimeoutExpired:
                status, err = "timeout", b""
            runs += 1
            statuses[status] = statuses.get(status, 0) + 1
            problem = None
            if b"Sanitizer" in err or b"runtime error" in err:
                problem = "sanitizer report"
            elif status not in (0, 2, 3, "timeout"):
                problem = "exit status %s" % status
            elif status == 2 and (err.count(b"\n") != 1 or
                                  any(c < 0x20 for c in err[:-1])):
                problem = "exit 2 without one clean line"
            if problem:
                failures += 1
                print("FAIL (%s): %s %r\n  %r" % (problem, program, args, err[:400]))
            if os.path.isdir("EVIL") or os.path.exists("EVIL"):
                print("FAIL: a command ran (EVIL exists) after %s %r" % (program, args))
                failures += 1
                os.rmdir("EVIL")
    print("cli fuzz: %d runs, %d failures, exit statuses %s" % (runs, failures, statuses))
    sys.exit(1 if failures else 0)


main()
