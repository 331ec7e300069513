"""NumPy oracle for np.random: `python3 test/random/gen.py` writes test/random/fixtures.json.

Each case creates a generator (`gen`: default_rng(seed), `legacy`: RandomState(seed), `module`:
np.random.seed(seed)) and runs a sequence of calls on it (so buffered state carries over). Each
call records the result's dtype, shape and raw bytes (hex; sha256 for long outputs).

`python3 test/random/gen.py --live N SEED` prints the same JSON for N cases with random seeds
(the live differential test in random.test.ts uses it).
"""
import hashlib
import json
import os
import sys

import numpy as np

HASH_OVER = 512  # bytes


def enc(v):
    """JSON-safe encoding of call arguments (big ints as {"big": "…"})."""
    if isinstance(v, (list, tuple)):
        return [enc(x) for x in v]
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    if isinstance(v, float) and not np.isfinite(v):
        return {"float": repr(v)}
    if isinstance(v, (int, np.integer)) and not isinstance(v, bool) and abs(int(v)) > 2**53:
        return {"big": str(int(v))}
    return v


def record(r):
    a = np.asarray(r)
    b = a.tobytes()
    out = {"dtype": str(a.dtype), "shape": list(a.shape)}
    if len(b) > HASH_OVER:
        out["sha256"] = hashlib.sha256(b).hexdigest()
        out["head"] = b[:64].hex()
    else:
        out["hex"] = b.hex()
    return out


def run_call(obj, call):
    method, args, kwargs = call
    if method == "shuffle_arange":
        # shuffle an arange of `shape` in place along `axis`; record the array
        shape, axis = args
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
        if axis is None:
            obj.shuffle(x)
        else:
            obj.shuffle(x, axis=axis)
        return x
    if method == "permuted_arange":
        shape, axis = args
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
        return obj.permuted(x, axis=axis)
    if method == "shuffle_view":
        # shuffle a strided view (every other column of an arange) along `axis`
        shape, axis = args
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)[:, ::2]
        obj.shuffle(x, axis=axis)
        return x
    if method == "permuted_out":
        shape, axis, layout = args
        if layout == "F":
            out = np.zeros(shape[::-1], dtype=np.int64).T
        elif layout == "strided":
            out = np.zeros((shape[0], shape[1] * 2), dtype=np.int64)[:, ::2]
        else:
            out = np.empty(shape, dtype=np.int64)
        obj.permuted(np.arange(int(np.prod(shape))).reshape(shape), axis=axis, out=out)
        return out
    if method == "array_arg":
        # method applied to np.array(data)
        name, data, rest = args
        return getattr(obj, name)(np.array(data), *rest, **kwargs)
    return getattr(obj, method)(*args, **kwargs)


def make(kind, seed):
    if kind == "gen":
        return np.random.default_rng(seed)
    if kind == "gen_mt":
        return np.random.Generator(np.random.MT19937(seed))
    if kind == "legacy":
        return np.random.RandomState(seed)
    np.random.seed(seed)
    return np.random


def case(cid, kind, seed, calls):
    obj = make(kind, seed)
    out = []
    for c in calls:
        method, args, kwargs = (c + ({},))[:3] if len(c) == 2 else c
        out.append({"method": method, "args": enc(list(args)), "kwargs": enc(kwargs), "result": record(run_call(obj, (method, args, kwargs)))})
    return {"id": cid, "kind": kind, "seed": enc(seed), "calls": out}


INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]

GEN_CALLS = {
    "random": [("random", ()), ("random", (7,)), ("random", ((2, 3),), {"dtype": "float32"}), ("random", ()), ("random", (5,), {"dtype": "float32"}), ("random", (3,))],
    "integers_small": [("integers", (0, 10, 20)), ("integers", (5,)), ("integers", (-3, 3, 7), {"endpoint": True})]
    + [("integers", (0, 100, 25), {"dtype": d}) for d in INT_DTYPES]
    + [("integers", (0, 2, 70), {"dtype": "bool"}), ("integers", (0, 1, 5), {"dtype": "bool", "endpoint": True})],
    "integers_full": [
        ("integers", (0, 256, 9), {"dtype": "uint8"}),
        ("integers", (-128, 127, 9), {"dtype": "int8", "endpoint": True}),
        ("integers", (0, 65536, 9), {"dtype": "uint16"}),
        ("integers", (-32768, 32768, 9), {"dtype": "int16"}),
        ("integers", (0, 2**32, 9), {"dtype": "uint32"}),
        ("integers", (-(2**31), 2**31, 9), {"dtype": "int32"}),
        ("integers", (0, 2**64 - 1, 9), {"dtype": "uint64", "endpoint": True}),
        ("integers", (-(2**63), 2**63 - 1, 9), {"dtype": "int64", "endpoint": True}),
        ("integers", (0, 2**40, 9)),
        ("integers", (-(2**62), 2**62, 9)),
        ("integers", (3, 4, 5)),
        ("integers", (2**63 - 5, 2**63 - 1, 6), {"dtype": "int64"}),
        ("integers", (0, 3, 40), {"dtype": "uint8"}),
        ("integers", (0, 40000, 40), {"dtype": "uint16"}),
        ("integers", (0, 3000000000, 40), {"dtype": "uint32"}),
    ],
    "integers_broadcast": [
        ("integers", ([0, 10], [[5, 20], [7, 15]])),
        ("integers", ([0, 100, 200], 255, None), {"dtype": "uint8", "endpoint": True}),
        ("integers", (0, [3, 30, 300], (2, 3)), {"dtype": "int16"}),
        ("integers", ([-5], [5, 6, 7]), {"dtype": "int64"}),
        ("integers", (0, [2**33, 2**50], (3, 2))),
    ],
    "normal": [("standard_normal", ()), ("standard_normal", (9,)), ("standard_normal", (3,), {"dtype": "float32"}), ("normal", (1.5, 2.0, 5)), ("normal", ([0, 10], [[1], [2]])), ("normal", ()), ("normal", (0.0, [1.0, 2.0, 3.0], (2, 3)))],
    "normal_many": [("standard_normal", (10000,)), ("standard_normal", (10000,), {"dtype": "float32"})],
    "exponential": [("standard_exponential", (9,)), ("standard_exponential", (3000,)), ("standard_exponential", (3000,), {"dtype": "float32"}), ("exponential", (2.5, 6)), ("exponential", ([1.0, 2.0],)), ("standard_exponential", (5,), {"method": "inv"})],
    "uniform": [("uniform", ()), ("uniform", (-3, 5, 10)), ("uniform", ([0, 1], [2, 3])), ("uniform", (1.0, [2.0, 3.0], (3, 2)))],
    "choice": [
        ("choice", (10, 5)),
        ("choice", (10,)),
        ("choice", (10, 5), {"replace": False}),
        ("choice", (10, 10), {"replace": False, "shuffle": False}),
        ("choice", (20000, 300), {"replace": False}),
        ("choice", (20000, 1000), {"replace": False}),
        ("choice", (20000, 600), {"replace": False, "shuffle": False}),
        ("choice", (5, (2, 3)), {"p": [0.1, 0.2, 0.3, 0.15, 0.25]}),
        ("choice", (5, 3), {"replace": False, "p": [0.1, 0.2, 0.3, 0.15, 0.25]}),
        ("choice", ([10, 20, 30], 4)),
        ("array_arg", ("choice", [[1, 2, 3], [4, 5, 6]], [2]), {"axis": 1}),
        ("array_arg", ("choice", [1.5, 2.5, 3.5, 4.5], [(2, 2)]), {"replace": False}),
    ],
    "extras": [
        ("integers", ([0, 10, 20], [5, 15, 25], (2, 3))),
        ("array_arg", ("choice", [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9, 10, 11]], [5]), {"axis": 1, "p": [0.1, 0.2, 0.3, 0.4]}),
        ("shuffle_view", ((4, 5), 1)),
        ("shuffle_view", ((6, 3), 0)),
        ("permuted_out", ((3, 4), 1, "C")),
        ("permuted_out", ((4, 6), None, "F")),
        ("permuted_out", ((4, 6), None, "strided")),
        ("permuted_out", ((4, 6), 0, "strided")),
        ("normal", ([0.5, 1.5, 2.5], 1.5, (2, 3))),
        ("choice", (5, (2, 2)), {"replace": False, "shuffle": False}),
        ("choice", (5,), {"p": [0.1, 0.2, 0.3, 0.15, 0.25]}),
        ("uniform", (), {"size": 4}),
        ("integers", (10,), {"size": (2, 2), "endpoint": True}),
        ("random", (), {"size": (2, 2), "dtype": "float32"}),
    ],
    "permutation": [
        ("permutation", (10,)),
        ("permutation", ([3, 1, 4, 1, 5, 9, 2, 6],)),
        ("array_arg", ("permutation", [[1, 2, 3], [4, 5, 6]], []), {"axis": 1}),
        ("array_arg", ("permutation", [[1, 2, 3], [4, 5, 6], [7, 8, 9]], [])),
        ("shuffle_arange", ((12,), None)),
        ("shuffle_arange", ((4, 3), 1)),
        ("shuffle_arange", ((3, 2, 4), 2)),
        ("permuted_arange", ((3, 4), None)),
        ("permuted_arange", ((3, 4), 1)),
        ("permuted_arange", ((3, 4), 0)),
        ("permuted_arange", ((2, 3, 4), 1)),
    ],
}

LEGACY_CALLS = {
    "basic": [("rand", (3, 2)), ("randn", (7,)), ("randn", ()), ("random_sample", (5,)), ("random", ()), ("standard_normal", (3,)), ("randn", (2, 2))],
    "randint": [("randint", (0, 10, 20)), ("randint", (5,)), ("randint", (-5, 5, 10), {"dtype": "int8"}), ("randint", (0, 2**40, 5)), ("randint", (0, 2, 40), {"dtype": "bool"})]
    + [("randint", (0, 200, 12), {"dtype": d}) for d in ["uint8", "int16", "uint16", "int32", "uint32", "uint64"]]
    + [("randint", ([0, 5], [[10, 20], [30, 40]]))],
    "dists": [("normal", (1.0, 2.0, 5)), ("normal", ()), ("uniform", (-1.0, 1.0, 5)), ("normal", ([0, 10], 1.0)), ("uniform", ([0, 1], [[2], [3]])), ("standard_exponential", (5,))],
    "choice": [
        ("choice", (10, 5)),
        ("choice", (10, 5), {"replace": False}),
        ("choice", (5, 5), {"p": [0.1, 0.2, 0.3, 0.15, 0.25]}),
        ("choice", (5, 3), {"replace": False, "p": [0.1, 0.2, 0.3, 0.15, 0.25]}),
        ("choice", ([10, 20, 30], (2, 2))),
        ("choice", (7,)),
    ],
    "perm": [("permutation", (10,)), ("permutation", ([5, 6, 7, 8],)), ("shuffle_arange", ((10,), None)), ("shuffle_arange", ((4, 2), None)), ("array_arg", ("permutation", [[1, 2], [3, 4], [5, 6]], []))],
    "many": [("randn", (5001,)), ("rand", (5000,)), ("randint", (0, 1000, 5000))],
}

GEN_SEEDS = [0, 1, 42, 2**32 - 1, 2**32, 2**64 + 17, 12345678901234567890, 2**128 - 1, [1, 2, 3], [0], [2**32 - 1, 5, 7, 9, 11], [7, 2**40]]
LEGACY_SEEDS = [0, 1, 42, 2**32 - 1, 123456789, [1, 2, 3], [0], [2**32 - 1, 5, 7, 9, 11, 13]]


ERRORS = [
    ("gen", 0, "integers", (5, 5), {}),
    ("gen", 0, "integers", (5, 4), {"endpoint": True}),
    ("gen", 0, "integers", (-1, 5), {"dtype": "uint8"}),
    ("gen", 0, "integers", (0, 300), {"dtype": "uint8"}),
    ("gen", 0, "integers", (0, 2**63 + 1), {}),
    ("gen", 0, "integers", (-(2**63) - 1, 0), {}),
    ("gen", 0, "integers", ([0, 5], [3, 5]), {}),
    ("gen", 0, "integers", ([0, -1], [3, 5]), {"dtype": "uint8"}),
    ("gen", 0, "integers", (0, [3, 300]), {"dtype": "uint8"}),
    ("gen", 0, "integers", (0, 5), {"dtype": "float64"}),
    ("gen", 0, "integers", (0, 5), {"dtype": "float32"}),
    ("gen", 0, "normal", (0, -1), {}),
    ("gen", 0, "normal", (0, [1, -1]), {}),
    ("gen", 0, "exponential", (-1,), {}),
    ("gen", 0, "exponential", ([1.0, -2.0],), {}),
    ("gen", 0, "uniform", (0, float("inf")), {}),
    ("gen", 0, "choice", (0, 3), {}),
    ("gen", 0, "choice", ([], 3), {}),
    ("gen", 0, "choice", (5, 6), {"replace": False}),
    ("gen", 0, "choice", (5,), {"p": [0.5, 0.5]}),
    ("gen", 0, "choice", (3,), {"p": [0.5, 0.6, -0.1]}),
    ("gen", 0, "choice", (3,), {"p": [0.5, 0.6, 0.1]}),
    ("gen", 0, "choice", (3,), {"p": [[0.5, 0.5, 0]]}),
    ("gen", 0, "choice", (3, 3), {"replace": False, "p": [0.5, 0.5, 0]}),
    ("gen", 0, "choice", (-2,), {}),
    ("gen", 0, "random", (), {"dtype": "int32"}),
    ("gen", 0, "random", (), {"dtype": "float16"}),
    ("gen", 0, "standard_normal", (), {"dtype": "int32"}),
    ("gen", 0, "standard_exponential", (), {"dtype": "int64"}),
    ("gen", 0, "random", (-1,), {}),
    ("gen", 0, "standard_normal", ((2, -1),), {}),
    ("gen", 0, "normal", (0.0, 1.0, -3), {}),
    ("gen", 0, "integers", (0, 5, -1), {}),
    ("gen", 0, "permutation", (np.zeros((2, 2)),), {"axis": 2}),
    ("gen", 0, "permuted", (np.zeros((2, 2)),), {"axis": 2}),
    ("gen", 0, "permuted", (np.zeros((2, 2)),), {"axis": -3}),
    ("seed", -1, None, (), {}),
    ("seed", [1, -2], None, (), {}),
    ("legacy_seed", -1, None, (), {}),
    ("legacy_seed", 2**32, None, (), {}),
    ("legacy_seed", [], None, (), {}),
    ("legacy_seed", [[1, 2]], None, (), {}),
    ("legacy_seed", [1, 2**32], None, (), {}),
    ("legacy", 0, "randint", (5, 5), {}),
    ("legacy", 0, "randint", (-1, 2), {"dtype": "uint8"}),
    ("legacy", 0, "randint", (0, 2**70), {}),
    ("legacy", 0, "randint", (0, 5), {"dtype": "float64"}),
    ("legacy", 0, "choice", (5, 6), {"replace": False}),
    ("legacy", 0, "choice", (0,), {}),
    ("legacy", 0, "choice", ([[1, 2], [3, 4]],), {}),
    ("legacy", 0, "choice", (3,), {"p": [0.2, 0.2]}),
    ("legacy", 0, "choice", (3,), {"p": [0.2, 0.2, 0.2]}),
    ("legacy", 0, "normal", (0, -1), {}),
    ("legacy", 0, "rand", (-1,), {}),
]


def error_cases():
    out = []
    for kind, seed, method, args, kwargs in ERRORS:
        try:
            if kind == "seed":
                np.random.default_rng(seed)
            elif kind == "legacy_seed":
                np.random.RandomState(seed)
            else:
                getattr(make(kind, seed), method)(*args, **kwargs)
            raise SystemExit(f"no error for {kind} {method} {args} {kwargs}")
        except SystemExit:
            raise
        except Exception as e:  # noqa: BLE001
            name = type(e).__name__
            enc_args = [a.tolist() if isinstance(a, np.ndarray) else a for a in args]
            out.append({"kind": kind, "seed": enc(seed), "method": method, "args": enc(enc_args), "kwargs": enc(kwargs), "error": name, "message": str(e)})
    return out


def state_cases():
    """bit_generator.state after draws (has_uint32 set), spawn(), legacy get_state."""
    out = []
    for seed in GEN_SEEDS[:6]:
        g = np.random.default_rng(seed)
        g.random(3)
        g.integers(0, 5, dtype=np.int32)
        st = g.bit_generator.state
        kids = [k.random(3).tobytes().hex() for k in g.spawn(2)]
        r = np.random.RandomState(seed if not isinstance(seed, int) or seed < 2**32 else 1)
        r.randn(3)
        ls = r.get_state()
        out.append({
            "seed": enc(seed), "state": str(st["state"]["state"]), "inc": str(st["state"]["inc"]),
            "has_uint32": st["has_uint32"], "uinteger": st["uinteger"], "spawn": kids,
            "legacy_seed": enc(seed if not isinstance(seed, int) or seed < 2**32 else 1),
            "legacy_pos": ls[2], "legacy_has_gauss": ls[3], "legacy_gauss": ls[4], "legacy_key0": int(ls[1][0]), "legacy_key623": int(ls[1][623]),
        })
    return out


def all_cases():
    cases = []
    for si, seed in enumerate(GEN_SEEDS):
        for name, calls in GEN_CALLS.items():
            if name in ("normal_many",) and si > 3 or name == "exponential" and si > 5:
                continue
            cases.append(case(f"gen/{name}/seed{si}", "gen", seed, calls))
    for si, seed in enumerate(GEN_SEEDS[:5]):
        for name in ("random", "integers_small", "integers_full", "normal", "uniform", "choice", "permutation"):
            cases.append(case(f"gen_mt/{name}/seed{si}", "gen_mt", seed, GEN_CALLS[name]))
    for si, seed in enumerate(LEGACY_SEEDS):
        for name, calls in LEGACY_CALLS.items():
            if name == "many" and si > 2:
                continue
            cases.append(case(f"legacy/{name}/seed{si}", "legacy", seed, calls))
    for si, seed in enumerate(LEGACY_SEEDS[:3]):
        cases.append(case(f"module/basic/seed{si}", "module", seed, LEGACY_CALLS["basic"] + LEGACY_CALLS["randint"][:3] + LEGACY_CALLS["choice"][:2]))
    return cases


def random_int_calls(rs, legacy):
    """Random bounds per dtype, biased to the buffering/rejection edges (2**k - 1, 2**k, 2**k + 1)."""
    calls = []
    dtypes = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "bool"]
    for _ in range(12):
        dt = dtypes[rs.randint(len(dtypes))]
        info = (0, 1) if dt == "bool" else (int(np.iinfo(dt).min), int(np.iinfo(dt).max))
        bits = 1 if dt == "bool" else np.iinfo(dt).bits
        k = int(rs.randint(0, bits + 1))
        span = max(0, 2**k + int(rs.randint(-1, 2)))
        lo = int(rs.randint(0, 2**31)) * (1 if info[0] == 0 else -1) % max(1, (info[1] - info[0] + 1))
        lo = max(info[0], min(info[1], info[0] + lo))
        endpoint = bool(rs.randint(2)) and not legacy
        hi = min(info[1] if endpoint else info[1] + 1, lo + max(span, 0 if endpoint else 1))
        if (hi < lo) or (hi == lo and not endpoint):
            continue
        size = int(rs.randint(1, 40))
        kw = {"dtype": dt}
        if endpoint:
            kw["endpoint"] = True
        calls.append(("randint" if legacy else "integers", (lo, hi, size), kw))
    return calls


def live_cases(n, seed):
    rs = np.random.RandomState(seed)
    cases = []
    for i in range(n):
        s = int(rs.randint(0, 2**62))
        cases.append(case(f"live/gen/integers-fuzz/{i}", "gen", s, random_int_calls(rs, False)))
        cases.append(case(f"live/gen_mt/integers-fuzz/{i}", "gen_mt", s, random_int_calls(rs, False)))
        cases.append(case(f"live/legacy/randint-fuzz/{i}", "legacy", int(rs.randint(0, 2**32)), random_int_calls(rs, True)))
    for i in range(n):
        s = int(rs.randint(0, 2**62)) * (2 ** int(rs.randint(0, 70)))
        name = list(GEN_CALLS)[i % len(GEN_CALLS)]
        cases.append(case(f"live/gen/{name}/{i}", "gen", s, GEN_CALLS[name]))
        ls = int(rs.randint(0, 2**32))
        lname = list(LEGACY_CALLS)[i % len(LEGACY_CALLS)]
        cases.append(case(f"live/legacy/{lname}/{i}", "legacy", ls, LEGACY_CALLS[lname]))
    return cases


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--live":
        json.dump({"numpy": np.__version__, "cases": live_cases(int(sys.argv[2]), int(sys.argv[3]))}, sys.stdout)
    else:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json")
        with open(path, "w") as fh:
            json.dump({"numpy": np.__version__, "cases": all_cases(), "errors": error_cases(), "states": state_cases()}, fh, separators=(",", ":"), allow_nan=False)
        print("wrote", path, os.path.getsize(path), "bytes")
