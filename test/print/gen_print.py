"""Printing fixtures: numpy's str/repr/array2string of many arrays, and its float formatters.

Writes test/print/fixtures.json; test/print/print.test.ts replays every case in ndscope and
requires exactly the same string. Run: python3 test/print/gen_print.py

Case kinds:
  {"kind": "array", "id", "a": <spec>, "opts": {...printoptions} | null, "str", "repr"}
  {"kind": "a2s", "id", "a": <spec>, "kwargs": {...}, "formatter": name | null, "out"}
  {"kind": "ffp" | "ffs", "id", "x": <scalar>, "dtype", "kwargs": {...}, "out"}
  {"kind": "scalar", "id", "x": <scalar>, "dtype", "str", "repr"}
  {"kind": "error", "id", "fn", "a": <spec> | null, "kwargs", "error": {"cls", "msg"}}
"""
import json
import math
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "parity", "gen"))
from common import arr, enc_scalar  # noqa: E402

np.seterr(all="ignore")
rng = np.random.default_rng(20261126)

# Formatters that have an exact JS twin in print.test.ts.
FORMATTERS = {
    "fixed2": {"float_kind": lambda x: "%.2f" % x},
    "hex": {"int": lambda x: hex(int(x))},
    "all_star": {"all": lambda x: "*"},
    "bool_yn": {"bool": lambda x: "Y" if x else "N"},
    "multiline": {"int": lambda x: f"{int(x)}\n{int(x) * 2}"},
}

cases = []
ids = set()


def add(case):
    if case["id"] in ids:
        raise ValueError(f"duplicate id {case['id']}")
    ids.add(case["id"])
    cases.append(case)


def array_case(id, data, dtype=None, view=None, opts=None):
    spec = arr(data, dtype, view)
    a = spec.build()
    if opts:
        with np.printoptions(**opts):
            s, r = str(a), repr(a)
    else:
        s, r = str(a), repr(a)
    add({"kind": "array", "id": id, "a": spec.spec(), "opts": opts, "str": s, "repr": r})


def a2s_case(id, data, dtype=None, view=None, formatter=None, **kwargs):
    spec = arr(data, dtype, view)
    a = spec.build()
    kw = dict(kwargs)
    if formatter:
        kw["formatter"] = FORMATTERS[formatter]
    out = np.array2string(a, **kw)
    add({"kind": "a2s", "id": id, "a": spec.spec(), "kwargs": kwargs, "formatter": formatter, "out": out})


def enc_x(x):
    return enc_scalar(float(x))


def ff_case(kind, id, x, dtype="float64", **kwargs):
    v = np.float32(x) if dtype == "float32" else np.float64(x)
    fn = np.format_float_positional if kind == "ffp" else np.format_float_scientific
    try:
        out = fn(v, **kwargs)
        add({"kind": kind, "id": id, "x": enc_x(v), "dtype": dtype, "kwargs": kwargs, "out": out})
    except (ValueError, TypeError) as e:
        add({"kind": kind, "id": id, "x": enc_x(v), "dtype": dtype, "kwargs": kwargs,
             "error": {"cls": type(e).__name__, "msg": str(e)}})


def scalar_case(id, x, dtype):
    v = np.dtype(dtype).type(x)
    if dtype.startswith("float"):
        xe = enc_x(v)
    elif dtype == "bool":
        xe = {"bool": bool(v)}
    else:
        xe = {"int": str(int(v))}
    add({"kind": "scalar", "id": id, "x": xe, "dtype": dtype, "str": str(v), "repr": repr(v)})


def error_case(id, fn, data=None, dtype=None, **kwargs):
    spec = arr(data, dtype) if data is not None else None
    try:
        if fn == "set_printoptions":
            try:
                np.set_printoptions(**kwargs)
            finally:
                np.set_printoptions()
                np.set_printoptions(**{k: v for k, v in np.get_printoptions().items() if k != "legacy"})
            raise AssertionError(f"{id}: no error")
        elif fn == "array2string":
            np.array2string(spec.build(), **kwargs)
            raise AssertionError(f"{id}: no error")
    except (ValueError, TypeError) as e:
        kw = {k: enc_scalar(v) if isinstance(v, float) else v for k, v in kwargs.items()}
        add({"kind": "error", "id": id, "fn": fn, "a": spec.spec() if spec else None, "kwargs": kw,
             "error": {"cls": type(e).__name__, "msg": str(e)}})


INT_DTYPES = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOAT_DTYPES = ["float32", "float64"]


def gen_arrays():
    # --- every dtype, small shapes
    for dt in ["bool"] + INT_DTYPES + FLOAT_DTYPES:
        info = np.iinfo(dt) if dt in INT_DTYPES else None
        if dt == "bool":
            vals = rng.integers(0, 2, size=24).astype(bool)
        elif info is not None:
            lo = max(int(info.min), -1000)
            hi = min(int(info.max), 1000)
            vals = rng.integers(lo, hi, size=24, endpoint=True).astype(dt)
        else:
            vals = (rng.standard_normal(24) * 10).astype(dt)
        array_case(f"{dt}/0d", vals[0], dt)
        array_case(f"{dt}/1d", vals[:7], dt)
        array_case(f"{dt}/2d", vals[:12].reshape(3, 4), dt)
        array_case(f"{dt}/3d", vals.reshape(2, 3, 4), dt)
        array_case(f"{dt}/4d", vals.reshape(2, 2, 3, 2), dt)
        array_case(f"{dt}/T", vals[:12].reshape(3, 4), dt, "T")
        array_case(f"{dt}/empty1d", np.zeros(0, dt), dt)
        array_case(f"{dt}/empty2d", np.zeros((0, 3), dt), dt)
        array_case(f"{dt}/len1", vals[:1], dt)
        if info is not None:
            array_case(f"{dt}/extremes", [info.min, 0, info.max], dt)
            array_case(f"{dt}/0d_max", info.max, dt)
            array_case(f"{dt}/0d_min", info.min, dt)

    # --- empties of many shapes
    for shape in [(0,), (2, 0), (0, 3), (3, 0, 2), (0, 0), (1, 0, 1, 2)]:
        array_case(f"empty/{'x'.join(map(str, shape))}", np.zeros(shape), "float64")
        array_case(f"empty_i/{'x'.join(map(str, shape))}", np.zeros(shape, "int64"), "int64")
    array_case("empty/bool0", np.zeros((0,), bool), "bool")
    array_case("empty/f32_2d", np.zeros((2, 0), "float32"), "float32")

    # --- float formatting in arrays
    floats = {
        "simple": [0.0, 1.0, 2.5, -3.25],
        "tenths": [0.1, 0.2, 0.3],
        "thirds": [1 / 3, 2 / 3, 1.0],
        "pi_e": [math.pi, math.e, -math.pi],
        "ints_as_float": [1.0, 2.0, 300.0],
        "big_1e8": [1e8, 1.0],
        "almost_1e8": [99999999.0, 1.0],
        "big_1e10": [1e10],
        "ratio_1000": [1.0, 1000.0],
        "ratio_1001": [1.0, 1001.0],
        "small_1e-4": [0.0001, 1.0],
        "small_9e-5": [0.00009, 1.0],
        "tiny": [1e-300, 5e-324],
        "huge": [1e300, 1.7976931348623157e308],
        "mixed_mag": [1e-5, 1.0, 1e5],
        "mixed_neg": [-1e-5, 1.0, -1e5],
        "neg_zero": [-0.0, 0.0, 1.5],
        "neg_zero_only": [-0.0, -0.0],
        "nan_inf": [np.nan, np.inf, -np.inf, 1.0],
        "nan_only": [np.nan, np.nan],
        "inf_only": [np.inf],
        "neginf_only": [-np.inf, np.inf],
        "nan_exp": [np.nan, 1e-10, 1.0],
        "nan_long": [np.nan, 123456.789],
        "rounding": [0.123456789123, 1.0],
        "round_up_9": [0.999999999, 9.9999999999],
        "precise": [1.0000000001, 2.0],
        "half": [0.5, 0.25, 0.125, 0.0625],
        "neg_frac": [-0.5, -0.001, 0.25],
        "large_ints": [123456789.0, 1.0],
        "e16": [1e16, 1e-16],
        "denorm": [2.2250738585072014e-308, 1.0],
        "tenth_exp": [0.1, 1e-7],
        "one_e5": [1e5, 1e6, 1e7],
        "carry_exp": [9.9999999999e-5, 1.0],
        "alt_sign": [-1.0, 1.0, -10.0, 10.0],
        "money": [19.99, 5.0, 100.25],
        "long_frac": [0.1234567, 0.7654321],
        "many": list(np.linspace(-1, 1, 13)),
        "wide_exp": [1e-100, 1e100],
        "exp3": [1e-120, 1.0],
        "zeros": [0.0, 0.0, 0.0],
    }
    for name, vals in floats.items():
        array_case(f"f64/{name}", vals, "float64")
        with np.errstate(all="ignore"):
            array_case(f"f32/{name}", np.array(vals, dtype="float32"), "float32")
    for name in ["pi_e", "nan_inf", "mixed_mag", "neg_zero"]:
        array_case(f"f64_0d/{name}", floats[name][0], "float64")
        array_case(f"f32_0d/{name}", np.float32(floats[name][0]), "float32")
    for v in [0.1, 1e16, 1e15, 1e-5, 1e6, 999999.0, 1234567.0, -0.0, 1e-4, 12345.678]:
        array_case(f"0d/f64/{v!r}", v, "float64")
        array_case(f"0d/f32/{v!r}", np.float32(v), "float32")

    # float32 specifics
    array_case("f32/0.1_0.7", np.array([0.1, 0.7, 1.1], "float32"), "float32")
    array_case("f32/1e6", np.array([1e6], "float32"), "float32")
    array_case("f32/1e5", np.array([1e5, 2.5], "float32"), "float32")
    array_case("f32/pi", np.array([np.pi], "float32"), "float32")
    array_case("f32/max", np.array([np.finfo("float32").max, np.finfo("float32").tiny], "float32"), "float32")
    array_case("f32/eps", np.array([np.finfo("float32").eps, 1], "float32"), "float32")
    array_case("f32/1e-4", np.array([1e-4, 1.0], "float32"), "float32")
    array_case("f32/ratio", np.array([1.0, 1000.0001], "float32"), "float32")
    array_case("f32/random", rng.standard_normal(10).astype("float32"), "float32")
    array_case("f64/random", rng.standard_normal(10), "float64")
    array_case("f64/random_2d", rng.standard_normal((4, 5)) * 100, "float64")
    array_case("f64/random_3d", rng.standard_normal((2, 3, 4)), "float64")
    array_case("f64/random_exp", rng.standard_normal(8) * 1e-6, "float64")
    array_case("f64/uniform", rng.uniform(0, 1, (3, 3)), "float64")
    array_case("f64/uniform_f32", rng.uniform(0, 1, (3, 3)).astype("float32"), "float32")

    # ints
    array_case("i64/big", [2**62, -(2**62), 1], "int64")
    array_case("i64/huge", [9223372036854775807, -9223372036854775808], "int64")
    array_case("u64/huge", [18446744073709551615, 0, 1], "uint64")
    array_case("i64/neg", [-1, -22, -333], "int64")
    array_case("i64/mixed_width", [[1, -100], [10000, 5]], "int64")
    array_case("i32/wide", list(range(-30, 30)), "int32")
    array_case("i64/arange", np.arange(24).reshape(2, 3, 4), "int64")
    array_case("bool/2d_tf", [[True, False], [False, True]], "bool")
    array_case("bool/3d_ones", np.ones((2, 2, 2), bool), "bool")
    array_case("bool/0d_false", False, "bool")

    # line wrapping
    array_case("wrap/f64_30", np.linspace(0, 1, 30), "float64")
    array_case("wrap/i64_40", np.arange(40) * 1234567, "int64")
    array_case("wrap/2d_long_rows", np.arange(60.0).reshape(2, 30) / 7, "float64")
    array_case("wrap/3d_long_rows", np.arange(120).reshape(2, 2, 30), "int64")
    array_case("wrap/bool_long", rng.integers(0, 2, 40).astype(bool), "bool")
    array_case("wrap/f32_long", (np.arange(25) / 3).astype("float32"), "float32")
    array_case("wrap/exact_75", np.arange(20) + 10, "int64")
    array_case("wrap/u8_long", np.arange(100, dtype="uint8"), "uint8")

    # summarization
    array_case("sum/1d_2000", np.arange(2000), "int64")
    array_case("sum/1d_2000f", np.arange(2000.0), "float64")
    array_case("sum/1d_1001", np.arange(1001) / 3, "float64")
    array_case("sum/1d_1000", np.arange(1000), "int64")
    array_case("sum/2d_50x50", np.arange(2500).reshape(50, 50), "int64")
    array_case("sum/2d_3x400", np.arange(1200).reshape(3, 400), "int64")
    array_case("sum/2d_400x3", np.arange(1200.0).reshape(400, 3), "float64")
    array_case("sum/3d", np.arange(2000).reshape(10, 10, 20), "int64")
    array_case("sum/4d", np.arange(1250).reshape(5, 5, 5, 10), "int64")
    array_case("sum/4d_all", np.arange(7 * 7 * 7 * 7).reshape(7, 7, 7, 7), "int32")
    array_case("sum/f32", (np.arange(1500) / 7).astype("float32"), "float32")
    array_case("sum/bool", np.arange(1500) % 3 == 0, "bool")
    array_case("sum/exp_hidden", np.concatenate([[1e-9], np.ones(1500), [1e9]]), "float64")
    array_case("sum/nan_hidden", np.concatenate([[1.0], np.full(1500, np.nan), [2.0]]), "float64")
    array_case("sum/T", np.arange(1200).reshape(3, 400), "int64", "T")
    array_case("sum/u64", np.arange(1500, dtype="uint64") * 12345678901, "uint64")

    # views with strides
    array_case("view/neg_stride", np.arange(10.0), "float64", ("get", "::-1"))
    array_case("view/step", np.arange(20).reshape(4, 5), "int64", ("get", "::2, 1::2"))
    array_case("view/col", np.arange(12.0).reshape(3, 4), "float64", ("get", ":, 1"))
    array_case("view/T3d", np.arange(24).reshape(2, 3, 4), "int64", ("transpose", [2, 0, 1]))
    array_case("view/reshape", np.arange(24.0), "float64", ("reshape", [2, 3, 4]))
    array_case("view/broadcast", np.arange(3.0), "float64", ("broadcast_to", [4, 3]))
    array_case("view/big_neg", np.arange(3000), "int64", ("get", "::-1"))

    # print options
    base = [0.123456789, 123.456, -0.5, 1e-3]
    optsets = {
        "p3": dict(precision=3),
        "p0": dict(precision=0),
        "p1": dict(precision=1),
        "p12": dict(precision=12),
        "suppress": dict(suppress=True),
        "fixed": dict(floatmode="fixed"),
        "fixed_p3": dict(floatmode="fixed", precision=3),
        "unique": dict(floatmode="unique"),
        "maxprec_equal": dict(floatmode="maxprec_equal"),
        "maxprec_equal_p2": dict(floatmode="maxprec_equal", precision=2),
        "sign_plus": dict(sign="+"),
        "sign_space": dict(sign=" "),
        "lw40": dict(linewidth=40),
        "lw20": dict(linewidth=20),
        "thr5": dict(threshold=5),
        "thr5_e1": dict(threshold=5, edgeitems=1),
        "thr5_e2": dict(threshold=5, edgeitems=2),
        "nanstr": dict(nanstr="NaN", infstr="Infinity"),
    }
    inputs = {
        "base": (base, "float64"),
        "exp": ([1e-7, 1.5, -2e5], "float64"),
        "nan": ([np.nan, 1.25, -np.inf], "float64"),
        "ints": ([-3, 0, 42, 7, 100, 5, 6, 8], "int64"),
        "f32": (np.array([0.1, 1 / 3, 2.5], "float32"), "float32"),
        "mat": (np.arange(12.0).reshape(3, 4) / 3, "float64"),
        "tiny_suppress": ([1e-10, 1.0, 2.0], "float64"),
        "bools": ([True, False, True, True, False, True, False], "bool"),
        "cube": (np.arange(27.0).reshape(3, 3, 3) - 13, "float64"),
        "neg_zero": ([-0.0, 0.5], "float64"),
        "zero_0d": (0.5, "float64"),
        "i0d": (-17, "int64"),
    }
    for oname, opts in optsets.items():
        for iname, (data, dt) in inputs.items():
            array_case(f"opts/{oname}/{iname}", data, dt, opts=opts)
    array_case("opts/sign_space_neg/ints", [-3, 4], "int64", opts=dict(sign=" "))
    array_case("opts/sign_space_pos/ints", [3, 4], "int64", opts=dict(sign=" "))
    array_case("opts/sign_plus/nan_only", [np.nan, np.inf], "float64", opts=dict(sign="+"))
    array_case("opts/sign_space/inf_only", [np.inf, np.nan], "float64", opts=dict(sign=" "))
    array_case("opts/p3_suppress/mixed", [1e-9, 1.23456, 1e3], "float64", opts=dict(precision=3, suppress=True))
    array_case("opts/suppress/big", [1e9, 1.0], "float64", opts=dict(suppress=True))
    array_case("opts/thr_inf/2000", np.arange(1100), "int64", opts=dict(threshold=sys.maxsize))
    array_case("opts/edge0", np.arange(2000), "int64", opts=dict(edgeitems=0))
    array_case("opts/lw5/2d", np.arange(12).reshape(3, 4), "int64", opts=dict(linewidth=5))
    array_case("opts/lw200/f", np.linspace(0, 1, 40), "float64", opts=dict(linewidth=200))
    array_case("opts/repr_dtype_wrap", np.arange(17, dtype="int8") * 7, "int8", opts=dict(linewidth=60))


def gen_a2s():
    a = np.array([1e-16, 1, 2, 3])
    a2s_case("doc/sep_comma", a, "float64", precision=2, separator=",", suppress_small=True)
    a2s_case("sep/comma_space", [1, 2, 3], "int64", separator=", ")
    a2s_case("sep/semicolon_2d", np.arange(6).reshape(2, 3), "int64", separator="; ")
    a2s_case("prefix/arr", np.arange(30.0).reshape(3, 10) / 3, "float64", prefix="arr = ")
    a2s_case("prefix/sep", np.arange(30.0).reshape(3, 10) / 7, "float64", prefix="xx(", separator=", ", suffix=")")
    a2s_case("mlw/30", np.arange(20), "int64", max_line_width=30)
    a2s_case("mlw/10", np.arange(10.0), "float64", max_line_width=10)
    a2s_case("thr/edge", np.arange(100), "int64", threshold=10, edgeitems=2)
    a2s_case("thr/edge_2d", np.arange(100).reshape(10, 10), "int64", threshold=10, edgeitems=1)
    a2s_case("sign/plus", [1.5, -2.5, 0.0], "float64", sign="+")
    a2s_case("sign/space", [1.5, 2.5], "float64", sign=" ")
    a2s_case("floatmode/fixed", [0.1, 0.25], "float64", floatmode="fixed", precision=4)
    a2s_case("floatmode/unique", [0.1, 1 / 3], "float64", floatmode="unique")
    a2s_case("floatmode/unique_f32", np.array([0.1, 1 / 3], "float32"), "float32", floatmode="unique")
    a2s_case("floatmode/maxprec_equal", [0.5, 0.123], "float64", floatmode="maxprec_equal")
    a2s_case("0d/f", 1.5, "float64")
    a2s_case("0d/i", 7, "int64")
    a2s_case("0d/b", True, "bool")
    a2s_case("empty", np.zeros((0, 2)), "float64")
    a2s_case("fmt/fixed2", [0.1234, 2.5, -1.0], "float64", formatter="fixed2")
    a2s_case("fmt/hex", [10, 255, 16], "int64", formatter="hex")
    a2s_case("fmt/all_star", np.arange(6).reshape(2, 3), "int64", formatter="all_star")
    a2s_case("fmt/bool_yn", [True, False], "bool", formatter="bool_yn")
    a2s_case("fmt/fixed2_on_int", [1, 2], "int64", formatter="fixed2")
    a2s_case("fmt/hex_long", np.arange(40) * 1000, "int64", formatter="hex")
    a2s_case("fmt/multiline", [1, 22, 333], "int64", formatter="multiline")
    a2s_case("fmt/multiline_wrap", np.arange(30) * 99, "int64", formatter="multiline", max_line_width=30)
    a2s_case("fmt/multiline_2d", np.arange(6).reshape(2, 3), "int64", formatter="multiline")
    a2s_case("legacy_false", [0.5, 2.0], "float64", legacy=False)
    a2s_case("suffix", np.arange(25), "int64", suffix=")))))")


def gen_float_formatters():
    xs = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.5, 0.125, 0.375, 1 / 3, 2 / 3, math.pi, math.e,
          123456789.123, 1e16, 1e22, 1e23, 1.7976931348623157e308, 5e-324, 2.2250738585072014e-308,
          1e-5, 1e-10, 9.999999e-5, 0.004, 0.0049999, 0.995, 9.5, 10.5, 99.99, 1234.5678,
          float("nan"), float("inf"), float("-inf"), 65536.0, 1e-300]
    kwsets = [
        {},
        {"precision": 2},
        {"precision": 0},
        {"precision": 5, "unique": False},
        {"precision": 20, "unique": False},
        {"trim": "."},
        {"trim": "0"},
        {"trim": "-"},
        {"sign": True},
        {"pad_left": 5, "pad_right": 4},
        {"min_digits": 6},
        {"precision": 3, "min_digits": 2},
        {"precision": 4, "trim": "-"},
    ]
    pos_only = [{"fractional": False, "precision": 3}, {"fractional": False, "precision": 3, "unique": False}]
    sci_only = [{"exp_digits": 3}, {"exp_digits": 1, "precision": 1}, {"pad_left": 4}]
    n = 0
    for dt in FLOAT_DTYPES:
        for xi, x in enumerate(xs):
            for ki, kw in enumerate(kwsets + pos_only):
                ff_case("ffp", f"ffp/{dt}/{xi}/{ki}", x, dt, **kw)
                n += 1
            for ki, kw in enumerate(kwsets + sci_only):
                ff_case("ffs", f"ffs/{dt}/{xi}/{ki}", x, dt, **kw)
    # argument errors
    ff_case("ffp", "ffp/err/neg_precision", 1.0, "float64", precision=-1)
    ff_case("ffp", "ffp/err/frac0", 1.0, "float64", precision=0, fractional=False)
    ff_case("ffp", "ffp/err/min_digits", 1.0, "float64", precision=2, min_digits=3)
    ff_case("ffs", "ffs/err/pad_left", 1.0, "float64", pad_left=-2)
    ff_case("ffs", "ffs/err/min_digits", 1.0, "float64", precision=1, min_digits=4)


def gen_scalars():
    for dt in FLOAT_DTYPES:
        for i, x in enumerate([0.0, -0.0, 1.0, 0.1, 1.5, 1e16, 1e15, 1e6, 999999.0, 1e-4, 9.5e-5, 1e-5,
                               math.pi, 1e300 if dt == "float64" else 1e30, float("nan"), float("inf"),
                               float("-inf"), 123456.7, 2.0**60, 5e-324 if dt == "float64" else 1e-45]):
            scalar_case(f"scalar/{dt}/{i}", x, dt)
    for dt in INT_DTYPES:
        info = np.iinfo(dt)
        for i, x in enumerate([0, 1, int(info.max), int(info.min)]):
            scalar_case(f"scalar/{dt}/{i}", x, dt)
    scalar_case("scalar/bool/t", True, "bool")
    scalar_case("scalar/bool/f", False, "bool")


def gen_errors():
    error_case("err/floatmode", "set_printoptions", floatmode="short")
    error_case("err/sign", "set_printoptions", sign="x")
    error_case("err/threshold_nan", "set_printoptions", threshold=float("nan"))
    error_case("err/threshold_str", "set_printoptions", threshold="10")
    error_case("err/precision_float", "set_printoptions", precision=2.5)
    error_case("err/a2s_floatmode", "array2string", [1.0], "float64", floatmode="x")
    error_case("err/a2s_sign", "array2string", [1.0], "float64", sign="*")
    error_case("err/a2s_precision_neg", "array2string", [1.0], "float64", precision=-1)
    error_case("err/a2s_kw", "array2string", [1.0], "float64", foo=1)
    error_case("err/set_kw", "set_printoptions", foo=1)
    error_case("err/a2s_threshold_nan", "array2string", [1.0], "float64", threshold=float("nan"))
    error_case("err/a2s_precision_str", "array2string", [1.0], "float64", precision="3")


def gen_random_bits():
    """Random IEEE bit patterns (every exponent, power-of-two boundaries, subnormals)."""
    r = np.random.default_rng(7)
    f64 = r.integers(0, 2**63, size=300, dtype=np.uint64).view(np.float64)
    f32 = r.integers(0, 2**31, size=300, dtype=np.uint32).view(np.float32)
    pow2_64 = np.ldexp(1.0, r.integers(-1074, 1023, size=40))
    pow2_32 = np.ldexp(np.float32(1.0), r.integers(-149, 127, size=40)).astype(np.float32)
    xs64 = [x for x in np.concatenate([f64, pow2_64]) if np.isfinite(x)]
    xs32 = [x for x in np.concatenate([f32, pow2_32]) if np.isfinite(x)]
    for i, x in enumerate(xs64):
        ff_case("ffp", f"bits/ffp/f64/{i}", x, "float64")
        ff_case("ffs", f"bits/ffs/f64/{i}", x, "float64")
        if i % 3 == 0:
            ff_case("ffs", f"bits/ffs_p/f64/{i}", x, "float64", precision=int(i % 17), unique=bool(i % 2))
    for i, x in enumerate(xs32):
        ff_case("ffp", f"bits/ffp/f32/{i}", x, "float32")
        ff_case("ffs", f"bits/ffs/f32/{i}", x, "float32")
        scalar_case(f"bits/scalar/f32/{i}", x, "float32")
    for i, x in enumerate(xs64[:100]):
        scalar_case(f"bits/scalar/f64/{i}", x, "float64")
    # arrays of random magnitudes (exercise the exp/positional switch and padding)
    for i in range(40):
        n = int(r.integers(1, 9))
        mags = 10.0 ** r.integers(-12, 14, size=n)
        vals = r.standard_normal(n) * mags
        if i % 5 == 0:
            vals[0] = np.nan
        if i % 7 == 0:
            vals[-1] = -np.inf
        array_case(f"bits/arr/f64/{i}", vals, "float64")
        array_case(f"bits/arr/f32/{i}", vals.astype(np.float32), "float32")
        array_case(f"bits/arr/f64_p4/{i}", vals, "float64", opts=dict(precision=4))
        array_case(f"bits/arr/f64_sup/{i}", vals, "float64", opts=dict(suppress=True))
        modes = ["fixed", "unique", "maxprec", "maxprec_equal"]
        array_case(f"bits/arr/f32_{modes[i % 4]}/{i}", vals.astype(np.float32), "float32",
                   opts=dict(floatmode=modes[i % 4], precision=int(i % 6), sign="-+ "[i % 3]))
        ints = r.integers(-10**int(i % 18), 10**int(i % 18), size=(2, n), endpoint=True)
        array_case(f"bits/arr/i64/{i}", ints, "int64", opts=dict(sign="-+ "[i % 3]) if i % 2 else None)


gen_arrays()
gen_random_bits()
gen_a2s()
gen_float_formatters()
gen_scalars()
gen_errors()

out = os.path.join(HERE, "fixtures.json")
with open(out, "w") as f:
    json.dump({"numpy": np.__version__, "cases": cases}, f, indent=0, separators=(",", ":"))
    f.write("\n")
kinds = {}
for c in cases:
    kinds[c["kind"]] = kinds.get(c["kind"], 0) + 1
print(f"wrote {len(cases)} cases to {out}: {kinds}")
