"""numpy side of `npm run bench` (bench/run.mjs): reads one JSON request per line
{"w": workload id, "budget": seconds}, answers {"w": id, "s": median seconds per call}.
Started twice: OPENBLAS_NUM_THREADS=1 (single-threaded) and the default thread count."""
import json
import sys
import time

import numpy as np

rng = np.random.default_rng(0)
cache = {}


def data(key, make):
    if key not in cache:
        cache[key] = make()
    return cache[key]


def workload(w):
    kind, _, arg = w.partition(":")
    if kind == "add":
        n, dt = arg.split(",")
        n = int(float(n))
        a = data(("v", n, dt, 0), lambda: rng.random(n).astype(dt))
        b = data(("v", n, dt, 1), lambda: rng.random(n).astype(dt))
        return lambda: np.add(a, b)
    if kind == "badd":
        m = data("m0", lambda: rng.random((1000, 1000)))
        v = data("v1000", lambda: rng.random(1000))
        return lambda: m + v
    if kind == "tadd":
        m = data("m0", lambda: rng.random((1000, 1000)))
        m1 = data("m1", lambda: rng.random((1000, 1000)))
        return lambda: m + m1.T
    if kind == "sum":
        a = data(("v", 10**7, "float64", 0), lambda: rng.random(10**7))
        return lambda: a.sum()
    if kind == "mean":
        m = data("m0", lambda: rng.random((1000, 1000)))
        ax = int(arg)
        return lambda: m.mean(axis=ax)
    if kind in ("max", "argmax", "cumsum", "std"):
        a = data(("v", 10**6, "float64", 0), lambda: rng.random(10**6))
        return getattr(a, kind)
    dt = arg.split(",")[1] if "," in arg else "float64"  # 'exp:1e6,float32'
    if kind == "exp":
        a = data(("v", 10**6, dt, 0), lambda: rng.random(10**6).astype(dt))
        return lambda: np.exp(a)
    if kind == "log":
        a = data(("v", 10**6, dt, 0), lambda: rng.random(10**6).astype(dt))
        return lambda: np.log(a)
    if kind == "sin":
        a = data(("sin", dt), lambda: (rng.random(10**6) * 20 - 10).astype(dt))
        return lambda: np.sin(a)
    if kind in ("tan", "tanh"):
        a = data("sin", lambda: rng.random(10**6) * 20 - 10)
        f = getattr(np, kind)
        return lambda: f(a)
    if kind == "power":
        a = data("pow_x", lambda: rng.random(10**6) + 0.5)
        b = data("pow_y", lambda: rng.random(10**6) * 4 - 2)
        return lambda: np.power(a, b)
    if kind == "matmul":
        n, dt = arg.split(",")
        n = int(n)
        a = data(("mm", n, dt, 0), lambda: rng.random((n, n)).astype(dt))
        b = data(("mm", n, dt, 1), lambda: rng.random((n, n)).astype(dt))
        return lambda: a @ b
    if kind == "solve":
        a = data("s512", lambda: rng.random((512, 512)) + 512 * np.eye(512))
        b = data("s512b", lambda: rng.random(512))
        return lambda: np.linalg.solve(a, b)
    if kind == "tcopy":
        m = data("m0", lambda: rng.random((1000, 1000)))
        return lambda: m.T.reshape(10**6)
    if kind == "mask":
        a = data(("v", 10**6, "float64", 0), lambda: rng.random(10**6))
        k = data("mask", lambda: a > 0.5)
        return lambda: a[k]
    if kind == "gather":
        a = data(("v", 10**6, "float64", 0), lambda: rng.random(10**6))
        i = data("idx", lambda: rng.integers(0, 10**6, 10**6))
        return lambda: a[i]
    if kind == "small":
        a = data("s3a", lambda: rng.random((3, 3)))
        b = data("s3b", lambda: rng.random((3, 3)))
        return lambda: np.add(a, b)
    raise ValueError(w)


def measure(fn, budget):
    fn()
    # batch tiny calls so the timer resolution does not matter
    t = time.perf_counter()
    fn()
    one = time.perf_counter() - t
    batch = max(1, int(1e-3 / max(one, 1e-9))) if one < 1e-3 else 1
    samples = []
    start = time.perf_counter()
    while len(samples) < 3 or (time.perf_counter() - start < budget and len(samples) < 200):
        t = time.perf_counter()
        for _ in range(batch):
            fn()
        samples.append((time.perf_counter() - t) / batch)
    samples.sort()
    return samples[len(samples) // 2]


for line in sys.stdin:
    req = json.loads(line)
    s = measure(workload(req["w"]), req["budget"])
    sys.stdout.write(json.dumps({"w": req["w"], "s": s}) + "\n")
    sys.stdout.flush()
