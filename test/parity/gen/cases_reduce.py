"""Reductions: sum prod mean std var min max argmin argmax all any cumsum cumprod ptp average
count_nonzero, nan*, median, percentile, quantile — axis forms, keepdims, dtype, out, initial,
where, layouts (transposed, negative strides, broadcast zero strides), NaNs, empties, errors."""
import numpy as np
from common import arr

rng = np.random.default_rng(1234)


def fl(shape, scale=10.0):
    return np.round(rng.standard_normal(shape) * scale, 3).tolist()


F34 = fl((3, 4))
F345 = fl((3, 4, 5))
I34 = rng.integers(-50, 50, (3, 4)).tolist()
I234 = rng.integers(-9, 9, (2, 3, 4)).tolist()
BIG = [[2**62, 3, -(2**62)], [2**53 + 1, 5, 2**60]]
U64 = [[2**63 + 5, 1, 7], [2**63, 3, 2**64 - 1]]
B34 = (rng.random((3, 4)) > 0.5).tolist()
NAN34 = [[1.5, np.nan, 2.25, -3.0], [np.nan, np.nan, np.nan, np.nan], [0.5, 4.0, np.nan, 8.0]]
LONG = np.round(rng.standard_normal(1000) * 100, 6).tolist()
LONG2 = np.round(rng.standard_normal((7, 300)), 6).tolist()


def inputs():
    """Named inputs covering dtypes and layouts."""
    return {
        "f64": arr(F34),
        "f64-3d": arr(F345),
        "f64-T": arr(F34, None, "T"),
        "f64-3d-perm": arr(F345, None, ("transpose", [2, 0, 1])),
        "f64-neg": arr(F34, None, ("get", "::-1, ::-2")),
        "f64-bcast": arr(F34[0], None, ("broadcast_to", [3, 4])),
        "f32": arr(F34, "float32"),
        "f32-T": arr(F345, "float32", "T"),
        "i64": arr(I34),
        "i64-3d-T": arr(I234, "int64", "T"),
        "i8": arr([[100, 100, 100], [-128, 127, 5]], "int8"),
        "i32": arr(I34, "int32"),
        "u8": arr([[200, 100, 255], [1, 2, 3]], "uint8"),
        "u32": arr([[4000000000, 1], [5, 4000000000]], "uint32"),
        "big": arr(BIG, "int64"),
        "u64": arr(U64, "uint64"),
        "bool": arr(B34),
        "i16-F": arr(I34, "int16", "F"),
    }


INT_LIKE = {"i64", "i64-3d-T", "i8", "i32", "u8", "u32", "big", "u64", "bool", "i16-F"}
# float sums that must agree to the last bit (full sums follow NumPy's buffering; partial sums of
# negative-stride / broadcast inputs are compared with rtol)
CONTIG_F = {"f64", "f64-3d", "f32", "f64-T", "f64-3d-perm", "f32-T"}
FULL_EXACT = CONTIG_F | {"f64-neg", "f64-bcast"}


def ex(name):
    return True if name in INT_LIKE else None


def cases(c):
    ins = inputs()
    # sum / prod / min / max over axis forms, every dtype
    for fn in ["sum", "prod", "max", "min"]:
        for name, a in ins.items():
            nd = 3 if "3d" in name else 2
            exact = True
            exact = True if fn == "sum" else exact
            c.add(f"{fn}/{name}/all", fn, a, exact=exact)
            c.add(f"{fn}/{name}/axis0", fn, a, axis=0, exact=exact)
            c.add(f"{fn}/{name}/axis-1-keepdims", fn, a, axis=-1, keepdims=True, exact=exact)
            if nd == 3:
                c.add(f"{fn}/{name}/axis(0,2)", fn, a, axis=(0, 2), exact=exact)
                c.add(f"{fn}/{name}/axis(2,1)-keepdims", fn, a, axis=(2, 1), keepdims=True, exact=exact)
            else:
                c.add(f"{fn}/{name}/axis(0,1)", fn, a, axis=(0, 1), exact=exact)
    # methods and positional axis
    c.add("method/sum-0", None, arr(I34), 0, method="sum", exact=True)
    c.add("method/sum-opts", None, arr(F34), method="sum", axis=1, keepdims=True, exact=True)
    c.add("method/mean", None, arr(F34), method="mean")
    c.add("method/argmax", None, arr(I34), method="argmax")
    c.add("method/argmin-1", None, arr(I34), 1, method="argmin")
    c.add("method/cumsum", None, arr(I34), method="cumsum", exact=True)
    c.add("method/cumprod-1", None, arr(I34, "int32"), 1, method="cumprod", exact=True)
    c.add("method/max-neg", None, arr(F34, None, ("get", "::-1")), -1, method="max", exact=True)
    c.add("method/min-kd", None, arr(F345), method="min", axis=(0, 1), keepdims=True, exact=True)
    c.add("method/prod-dtype", None, arr(I34, "int8"), method="prod", axis=0, dtype="int8", exact=True)
    c.add("method/all", None, arr(B34), method="all", axis=0)
    c.add("method/any", None, arr(B34), method="any")
    c.add("method/std", None, arr(F345), method="std", axis=2)
    c.add("method/var-ddof", None, arr(F345), method="var", ddof=1)
    # long sums: pairwise exactness (blocks of 128, recursive halving)
    c.add("sum/long-1000", "sum", arr(LONG), exact=True)
    c.add("sum/long-1000-f32", "sum", arr(LONG, "float32"), exact=True)
    c.add("sum/long-rows", "sum", arr(LONG2), axis=1, exact=True)
    c.add("sum/long-cols", "sum", arr(LONG2, None, "T"), axis=0, exact=True)
    c.add("sum/long-all-2d", "sum", arr(LONG2), exact=True)
    c.add("sum/long-T-all", "sum", arr(LONG2, None, "T"), exact=True)
    c.add("sum/long-axis0", "sum", arr(LONG2), axis=0, exact=True)
    c.add("sum/long-strided", "sum", arr(LONG, None, ("get", "::3")), exact=True)
    # NumPy's buffering of full sums: strided 2-D views, broadcasts, casts (blocks of 8192)
    BIGF = np.round(rng.standard_normal(30000), 6).tolist()
    c.add("sum/buffered-2d-strided", "sum", arr(LONG2, None, ("get", "::2, ::3")), exact=True)
    c.add("sum/buffered-bcast-small", "sum", arr(LONG2[0][:50], None, ("broadcast_to", [40, 50])), exact=True)
    c.add("sum/buffered-bcast-large", "sum", arr(LONG2[0], None, ("broadcast_to", [60, 300])), exact=True)
    c.add("sum/buffered-3d-strided", "sum", arr(np.reshape(BIGF, (30, 1000)).tolist(), None, ("get", "::2, ::3")), exact=True)
    c.add("sum/buffered-3d-perm", "sum", arr(np.reshape(BIGF, (10, 30, 100)).tolist(), None, ("get", "::2, :, ::2")), exact=True)
    c.add("sum/cast-f32-to-f64-long", "sum", arr(BIGF, "float32"), dtype="float64", exact=True)
    c.add("sum/cast-f32-to-f64-2d", "sum", arr(np.reshape(BIGF, (300, 100)).tolist(), "float32", ("get", "::2")), dtype="float64", exact=True)
    c.add("mean/int-long", "mean", arr(rng.integers(-1000, 1000, 30000).tolist()), exact=True)
    c.add("mean/int-long-T", "mean", arr(rng.integers(-1000, 1000, (200, 150)).tolist(), None, "T"), exact=True)
    c.add("sum/long-neg-2d", "sum", arr(np.reshape(BIGF, (300, 100)).tolist(), None, ("get", "::-1, ::-1")), exact=True)
    c.add("sum/initial-long", "sum", arr(BIGF), initial=0.1, exact=True)
    # partial sums through NumPy's buffering / reduce logic
    B3 = np.reshape(BIGF, (30, 10, 100)).tolist()
    for label, view in [("C", None), ("T", "T"), ("strided", ("get", "::2, :, ::3")), ("neg", ("get", "::-1, :, ::-2")),
                        ("perm", ("transpose", [1, 2, 0]))]:
        for ax in [0, 1, 2, (0, 2), (1, 2), (0, 1)]:
            c.add(f"sum/partial-{label}-axis{ax}", "sum", arr(B3, None, view), axis=ax, exact=True)
        c.add(f"mean/partial-{label}-f32", "mean", arr(B3, "float32", view), axis=(0, 2), exact=True)
        c.add(f"sum/partial-{label}-cast", "sum", arr(B3, "float32", view), axis=1, dtype="float64", exact=True)
        c.add(f"mean/partial-{label}-int", "mean", arr(np.round(np.array(B3) * 1000).astype(int).tolist(), None, view), axis=(1, 2), exact=True)
        c.add(f"var/partial-{label}", "var", arr(B3, None, view), axis=0, exact=True)
        c.add(f"std/partial-{label}-ddof", "std", arr(B3, None, view), axis=(0, 2), ddof=1, exact=True)
    c.add("sum/partial-bcast", "sum", arr(LONG2[0], None, ("broadcast_to", [60, 300])), axis=0, exact=True)
    c.add("sum/partial-bcast-rows", "sum", arr(LONG2[0], None, ("broadcast_to", [60, 300])), axis=1, exact=True)
    c.add("sum/partial-bcast-3d", "sum", arr(LONG2[0][:40], None, ("broadcast_to", [20, 30, 40])), axis=(0, 2), exact=True)
    c.add("sum/long-reversed", "sum", arr(LONG, None, ("get", "::-1")), exact=True)
    c.add("mean/long", "mean", arr(LONG), exact=True)
    c.add("mean/long-rows", "mean", arr(LONG2), axis=1, exact=True)
    # dtype / initial / where / out
    c.add("sum/dtype-f32", "sum", arr(I34), dtype="float32")
    c.add("sum/dtype-int8-wrap", "sum", arr([[100, 100], [100, 27]], "int8"), axis=0, dtype="int8", exact=True)
    c.add("sum/dtype-u8-from-neg", "sum", arr([-1, -2, 3], "int64"), dtype="uint8", exact=True)
    c.add("sum/f32-to-f64", "sum", arr(F34, "float32"), axis=1, dtype="float64")
    c.add("sum/float-to-int", "sum", arr([1.75, 2.5, -0.5]), dtype="int32", exact=True)
    c.add("sum/initial", "sum", arr(I34), axis=0, initial=100, exact=True)
    c.add("sum/initial-float", "sum", arr(F34), initial=0.5)
    c.add("sum/where", "sum", arr(I34), axis=1, where=arr([True, False, True, False]), exact=True)
    c.add("sum/where-2d", "sum", arr(F34), where=arr(B34), exact=True)
    W3 = np.reshape(BIGF, (30, 10, 100)).tolist()
    M3 = (np.reshape(BIGF, (30, 10, 100)) > -0.3).tolist()
    M1 = (np.array(BIGF[:100]) > 0.2).tolist()
    for ax in [None, 0, 1, 2, (0, 2)]:
        c.add(f"sum/where-big-axis{ax}", "sum", arr(W3), axis=ax, where=arr(M3), exact=True)
        c.add(f"sum/where-bcast-axis{ax}", "sum", arr(W3), axis=ax, where=arr(M1), exact=True)
        c.add(f"sum/where-T-axis{ax}", "sum", arr(W3, None, "T"), axis=ax, where=arr(M3, None, "T"), exact=True)
        c.add(f"mean/where-axis{ax}", "mean", arr(W3), axis=ax, where=arr(M1), exact=True)
    c.add("sum/where-f32-initial", "sum", arr(W3, "float32"), axis=1, where=arr(M3), initial=0.5, exact=True)
    c.add("sum/where-list", "sum", arr(F34), axis=0, where=[[True, False, True, True]], exact=True)
    c.add("err/where-bcast", "sum", arr(F34), where=arr([True, False]))
    c.add("err/where-bcast-max", "max", arr(F34), where=arr([True, False]), initial=0.5)
    c.add("err/where-bcast-mean", "mean", arr(F34), where=arr([True, False]))
    c.add("prod/initial", "prod", arr([[1, 2], [3, 4]]), axis=1, initial=5, exact=True)
    c.add("prod/where", "prod", arr([[1, 2], [3, 4]]), where=arr([False, True]), exact=True)
    c.add("max/initial", "max", arr(I34), axis=0, initial=30, exact=True)
    c.add("max/initial-empty", "max", arr(np.zeros((0, 3))), axis=0, initial=-5)
    c.add("min/where-initial", "min", arr(F34), axis=1, where=arr([True, True, False, False]), initial=100.5)
    c.add("max/where-no-initial", "max", arr(F34), where=arr([True, False, True, False]))
    c.add("sum/out", "sum", arr(I34), axis=0, out=arr([0, 0, 0, 0]), exact=True)
    c.add("sum/out-float-to-int", "sum", arr(F34), axis=1, out=arr([0, 0, 0]))
    c.add("sum/out-wrong-ndim", "sum", arr(F34), out=arr([0.5, 0.5, 0.5]))
    c.add("max/out", "max", arr(F34), axis=1, out=arr([0.5, 0.5, 0.5]), exact=True)
    c.add("mean/out", "mean", arr(F34), axis=0, out=arr([0.5, 0.5, 0.5, 0.5]))
    c.add("prod/u64-wrap", "prod", arr([2**40, 2**30, 3], "uint64"), exact=True)
    c.add("prod/i64-wrap", "prod", arr([2**40, -(2**30), 3], "int64"), exact=True)
    c.add("prod/i32-to-i64", "prod", arr([65536, 65536, 3], "int32"), exact=True)
    c.add("prod/f32", "prod", arr([1.5, 2.25, 3.125, 1.1], "float32"), exact=True)
    c.add("sum/0d", "sum", arr(5.5))
    c.add("sum/0d-axis-none-keepdims", "sum", arr(7), keepdims=True, exact=True)
    c.add("sum/list-input", "sum", [[1, 2], [3, 4]], axis=0, exact=True)
    c.add("sum/scalar-input", "sum", 3, exact=True)
    c.add("sum/axis-none-keepdims", "sum", arr(F345), keepdims=True)
    c.add("sum/nan", "sum", arr(NAN34), axis=1)
    c.add("max/nan-propagates", "max", arr(NAN34), axis=0)
    c.add("min/nan-propagates", "min", arr(NAN34))
    c.add("max/inf", "max", arr([-np.inf, 1.5, np.inf]))
    # empties
    c.add("sum/empty", "sum", arr(np.zeros((0,))))
    c.add("sum/empty-axis0", "sum", arr(np.zeros((0, 3))), axis=0)
    c.add("sum/empty-axis1", "sum", arr(np.zeros((0, 3))), axis=1)
    c.add("sum/empty-int", "sum", arr(np.zeros((2, 0), dtype="int32")), axis=1, exact=True)
    c.add("prod/empty", "prod", arr(np.zeros((0,))))
    c.add("max/empty-axis1-ok", "max", arr(np.zeros((0, 3))), axis=1)
    c.add("max/empty-out-ok", "max", arr(np.zeros((3, 0))), axis=0)
    c.add("all/empty", "all", arr(np.zeros((0,))))
    c.add("any/empty", "any", arr(np.zeros((0,))))
    # mean / var / std
    for name in ["f64", "f64-3d", "f64-T", "f64-neg", "f32", "f32-T", "i64", "i8", "u8", "big", "bool", "f64-bcast"]:
        a = ins[name]
        for fn in ["mean", "var", "std"]:
            c.add(f"{fn}/{name}/all", fn, a, exact=True)
            c.add(f"{fn}/{name}/axis0", fn, a, axis=0, exact=True)
            c.add(f"{fn}/{name}/axis-1-kd", fn, a, axis=-1, keepdims=True, exact=True)
    c.add("var/ddof1-axis", "var", arr(F345), axis=(0, 2), ddof=1)
    c.add("std/ddof2", "std", arr(I34), axis=0, ddof=2)
    c.add("var/ddof-too-big", "var", arr([1.5, 2.5]), ddof=2)
    c.add("std/dtype-f32", "std", arr(I34), dtype="float32")
    c.add("mean/dtype-f32", "mean", arr(I34), axis=1, dtype="float32")
    c.add("mean/dtype-f64-of-f32", "mean", arr(F34, "float32"), dtype="float64")
    c.add("mean/where", "mean", arr(F34), axis=1, where=arr([True, False, True, True]), exact=True)
    c.add("mean/empty", "mean", arr(np.zeros((0,))))
    c.add("mean/empty-axis", "mean", arr(np.zeros((0, 3))), axis=0)
    c.add("var/empty-axis1", "var", arr(np.zeros((2, 0))), axis=1)
    c.add("mean/nan", "mean", arr(NAN34), axis=1)
    # argmax / argmin
    for name in ["f64", "f64-T", "f64-neg", "f64-3d-perm", "f32", "i64", "u8", "big", "u64", "bool", "i16-F"]:
        a = ins[name]
        for fn in ["argmax", "argmin"]:
            c.add(f"{fn}/{name}/all", fn, a)
            c.add(f"{fn}/{name}/axis0", fn, a, axis=0)
            c.add(f"{fn}/{name}/axis-1-kd", fn, a, axis=-1, keepdims=True)
    c.add("argmax/ties-first", "argmax", arr([1, 3, 3, 2, 3]), exact=True)
    c.add("argmin/ties-first", "argmin", arr([[2, 1, 1], [0, 0, 5]]), axis=1, exact=True)
    c.add("argmax/nan-first", "argmax", arr([1.5, np.nan, 9.5, np.nan]), exact=True)
    c.add("argmin/nan", "argmin", arr(NAN34), axis=1, exact=True)
    c.add("argmax/keepdims-none", "argmax", arr(I234), keepdims=True, exact=True)
    c.add("argmax/empty-axis1-ok", "argmax", arr(np.zeros((0, 3))), axis=1, exact=True)
    c.add("argmax/out", "argmax", arr(I34), axis=0, out=arr([0, 0, 0, 0]), exact=True)
    # all / any
    for name in ["bool", "f64", "i64", "big", "u64", "f64-T", "f64-neg"]:
        a = ins[name]
        for fn in ["all", "any"]:
            c.add(f"{fn}/{name}/all", fn, a)
            c.add(f"{fn}/{name}/axis0", fn, a, axis=0)
            c.add(f"{fn}/{name}/axis-1-kd", fn, a, axis=-1, keepdims=True)
    c.add("all/nan-is-true", "all", arr([np.nan, 1.5]))
    c.add("any/negzero", "any", arr([-0.0, 0.0]))
    c.add("all/where", "all", arr([[1, 0], [1, 1]]), axis=1, where=arr([True, False]))
    # cumsum / cumprod
    for name in ["f64", "f64-T", "f64-neg", "f64-3d-perm", "f32", "i64", "i8", "u8", "big", "u64", "bool", "f64-bcast"]:
        a = ins[name]
        for fn in ["cumsum", "cumprod"]:
            e = True
            c.add(f"{fn}/{name}/flat", fn, a, exact=e)
            c.add(f"{fn}/{name}/axis0", fn, a, axis=0, exact=e)
            c.add(f"{fn}/{name}/axis-1", fn, a, axis=-1, exact=e)
    c.add("cumsum/dtype-int8", "cumsum", arr([100, 100, 100], "int64"), dtype="int8", exact=True)
    c.add("cumsum/dtype-f32", "cumsum", arr([1, 2, 3]), dtype="float32", exact=True)
    c.add("cumsum/empty", "cumsum", arr(np.zeros((0, 3))), axis=0, exact=True)
    c.add("cumsum/0d", "cumsum", arr(5), exact=True)
    c.add("nancumsum/basic", "nancumsum", arr(NAN34), axis=1, exact=True)
    c.add("nancumprod/basic", "nancumprod", arr(NAN34), exact=True)
    # ptp, count_nonzero
    for name in ["f64", "f64-T", "i64", "i8", "u8", "big", "f32"]:
        c.add(f"ptp/{name}/all", "ptp", ins[name], exact=True if name in INT_LIKE else None)
        c.add(f"ptp/{name}/axis1", "ptp", ins[name], axis=1, exact=True if name in INT_LIKE else None)
    c.add("ptp/keepdims", "ptp", arr(I34), axis=0, keepdims=True, exact=True)
    for name in ["f64", "i64", "bool", "big", "f64-T", "f64-3d", "f64-neg"]:
        c.add(f"count_nonzero/{name}/all", "count_nonzero", ins[name], exact=True)
        c.add(f"count_nonzero/{name}/axis0", "count_nonzero", ins[name], axis=0, exact=True)
        c.add(f"count_nonzero/{name}/axis-tuple-kd", "count_nonzero", ins[name], axis=(0, 1), keepdims=True, exact=True)
    c.add("count_nonzero/nan", "count_nonzero", arr(NAN34), exact=True)
    # nan reductions
    NANS = arr(NAN34)
    NANS_T = arr(NAN34, None, "T")
    NANS32 = arr(NAN34, "float32")
    for fn in ["nansum", "nanprod", "nanmean", "nanstd", "nanvar", "nanmin", "nanmax", "nanargmin", "nanargmax", "nanmedian"]:
        for label, a in [("f64", NANS), ("T", NANS_T), ("f32", NANS32)]:
            c.add(f"{fn}/{label}/all", fn, a, exact=True)
            c.add(f"{fn}/{label}/axis0", fn, a, axis=0, exact=True)
            c.add(f"{fn}/{label}/axis1-kd", fn, a, axis=1, keepdims=True, exact=True)
        c.add(f"{fn}/int", fn, arr(I34), axis=0, exact=True)
    NANBIG = np.where(np.reshape(rng.random(3000) < 0.1, (30, 100)), np.nan, np.reshape(rng.standard_normal(3000), (30, 100))).tolist()
    for fn in ["nansum", "nanmean", "nanvar", "nanstd"]:
        c.add(f"{fn}/big-all", fn, arr(NANBIG), exact=True)
        c.add(f"{fn}/big-axis0-T", fn, arr(NANBIG, None, "T"), axis=0, exact=True)
        c.add(f"{fn}/big-axis1-strided", fn, arr(NANBIG, None, ("get", "::2, ::3")), axis=1, exact=True)
    c.add("nanvar/ddof", "nanvar", arr(NAN34), axis=1, ddof=1)
    c.add("nanmax/empty", "nanmax", arr(np.zeros(0)))
    c.add("nanmin/all-nan", "nanmin", arr([np.nan, np.nan]))
    c.add("nanargmax/all-nan-slice", "nanargmax", arr(NAN34), axis=1, exact=True)
    c.add("nanmedian/empty", "nanmedian", arr(np.zeros(0)), exact=True)
    # median / percentile / quantile
    for name in ["f64", "f64-3d", "f64-T", "f64-neg", "f32", "i64", "u8", "big", "bool", "f64-bcast"]:
        a = ins[name]
        c.add(f"median/{name}/all", "median", a, exact=True)
        c.add(f"median/{name}/axis0", "median", a, axis=0, exact=True)
        c.add(f"median/{name}/axis-1-kd", "median", a, axis=-1, keepdims=True, exact=True)
    c.add("median/axis-tuple", "median", arr(F345), axis=(0, 2), exact=True)
    c.add("median/nan", "median", arr(NAN34), axis=1, exact=True)
    c.add("median/empty", "median", arr(np.zeros(0)), exact=True)
    c.add("median/odd", "median", arr([5, 1, 9, 3, 7]), exact=True)
    for method in ["linear", "lower", "higher", "nearest", "midpoint"]:
        for name in ["f64", "i64", "f32", "f64-T", "big"]:
            a = ins[name]
            # `method` is passed positionally (c.add's own `method=` names a method call)
            c.add(f"quantile/{method}/{name}/q0.3", "quantile", a, 0.3, None, None, False, method, exact=True)
            c.add(f"quantile/{method}/{name}/qarr-axis1", "quantile", a, arr([0.0, 0.25, 0.5, 0.9, 1.0]), 1, None, False, method, exact=True)
        c.add(f"percentile/{method}/f64/q37.5", "percentile", arr(F345), 37.5, (0, 1), None, False, method, exact=True)
        c.add(f"percentile/{method}/i64/list", "percentile", arr(I34), [10, 50, 90], 0, None, False, method, exact=True)
        c.add(f"percentile/{method}/f32-kd", "percentile", arr(F34, "float32"), 62.5, 1, None, False, method, keepdims=True, exact=True)
    for method in ["inverted_cdf", "averaged_inverted_cdf", "closest_observation", "interpolated_inverted_cdf",
                   "hazen", "weibull", "median_unbiased", "normal_unbiased"]:
        for name in ["f64", "i64", "f32", "big"]:
            a = ins[name]
            c.add(f"quantile/{method}/{name}/q0.3", "quantile", a, 0.3, None, None, False, method, exact=True)
            c.add(f"quantile/{method}/{name}/qarr-axis1", "quantile", a, arr([0.0, 0.05, 0.25, 0.5, 0.9, 0.99, 1.0]), 1, None, False, method, exact=True)
        c.add(f"percentile/{method}/f64-axis0", "percentile", arr(F345), [12.5, 50, 97.5], 0, None, False, method, exact=True)
        c.add(f"quantile/{method}/small-n", "quantile", arr([4.5, -1.25]), arr([0.1, 0.25, 0.5, 0.75, 0.9]), None, None, False, method, exact=True)
    c.add("quantile/half-even-nearest", "quantile", arr([1, 2, 3, 4]), 0.5, None, None, False, "nearest", exact=True)
    c.add("quantile/nearest-2.5", "quantile", arr([10, 20, 30, 40, 50, 60]), 0.5, None, None, False, "nearest", exact=True)
    c.add("quantile/nan", "quantile", arr(NAN34), 0.5, axis=1, exact=True)
    c.add("percentile/q100", "percentile", arr(F34), 100, exact=True)
    c.add("percentile/q0", "percentile", arr(F34), 0, exact=True)
    c.add("quantile/q1", "quantile", arr(I34), 1, exact=True)
    c.add("quantile/keepdims-qarr", "quantile", arr(F345), arr([0.1, 0.7]), axis=2, keepdims=True, exact=True)
    c.add("nanpercentile/basic", "nanpercentile", arr(NAN34), 40.5, axis=1, exact=True)
    c.add("nanquantile/basic", "nanquantile", arr(NAN34), 0.75, axis=0, exact=True)
    # average
    c.add("average/plain", "average", arr(F34), exact=True)
    c.add("average/axis", "average", arr(I34), axis=1, exact=True)
    c.add("average/weights-full", "average", arr(F34), weights=arr(np.abs(np.array(F34)).tolist()), exact=True)
    c.add("average/weights-1d", "average", arr(I34), axis=1, weights=[1, 2, 3, 4], exact=True)
    c.add("average/weights-axis0", "average", arr(F34), axis=0, weights=[0.5, 1.5, 2.5], exact=True)
    c.add("average/weights-tuple", "average", arr(F345), axis=(2, 0), weights=arr(np.ones((5, 3)).tolist()), exact=True)
    c.add("average/returned", "average", arr(I34), axis=1, weights=[1, 2, 3, 4], returned=True, exact=True)
    c.add("average/returned-noweights", "average", arr(F34), axis=0, returned=True, exact=True)
    c.add("average/returned-full", "average", arr(F34), returned=True, exact=True)
    c.add("average/f32", "average", arr(F34, "float32"), axis=1, weights=arr([1, 2, 3, 4], "float32"), exact=True)
    c.add("average/keepdims", "average", arr(F34), axis=1, weights=[1, 2, 3, 4], keepdims=True, exact=True)
    # errors
    A = arr(F34)
    c.add("err/axis-oob", "sum", A, axis=2)
    c.add("err/axis-neg-oob", "sum", A, axis=-3)
    c.add("err/axis-dup", "sum", A, axis=(0, 0))
    c.add("err/axis-dup-neg", "max", A, axis=(1, -1))
    c.add("err/axis-float", "sum", A, axis=1.5)
    c.add("err/axis-nan", "mean", A, axis=float("nan"))
    c.add("err/axis-str", "sum", A, axis="0")
    c.add("err/axis-tuple-oob", "amax", A, axis=(0, 1, 2))
    c.add("err/max-empty", "max", arr(np.zeros((0, 3))))
    c.add("err/max-empty-axis0", "max", arr(np.zeros((0, 3))), axis=0)
    c.add("err/min-empty", "min", arr(np.zeros(0)))
    c.add("err/ptp-empty", "ptp", arr(np.zeros(0)))
    c.add("err/argmax-empty", "argmax", arr(np.zeros(0)))
    c.add("err/argmin-empty-axis0", "argmin", arr(np.zeros((0, 3))), axis=0)
    c.add("err/argmax-tuple-axis", "argmax", A, axis=(0, 1))
    c.add("err/argmax-float-axis", "argmax", A, axis=1.5)
    c.add("err/argmax-axis-oob", "argmax", A, axis=2)
    c.add("err/cumsum-axis-oob", "cumsum", A, axis=2)
    c.add("err/cumsum-tuple-axis", "cumsum", A, axis=(0, 1))
    c.add("err/percentile-range", "percentile", A, 120.5)
    c.add("err/percentile-neg", "percentile", A, -1)
    c.add("err/quantile-range", "quantile", A, 1.5)
    c.add("err/quantile-method", "quantile", A, 0.5, None, None, False, "foo")
    c.add("err/median-dup-axis", "median", A, axis=(0, 0))
    c.add("err/median-axis-oob", "median", A, axis=3)
    c.add("err/average-no-axis", "average", A, weights=[1, 2])
    c.add("err/average-bad-weights", "average", A, axis=1, weights=[1, 2, 3])
    c.add("err/average-zero-weights", "average", A, weights=arr(np.zeros((3, 4)).tolist()))
    c.add("err/nanargmax-all-nan", "nanargmax", arr([np.nan, np.nan]))
    c.add("err/nanmax-empty", "nanmax", arr(np.zeros((0, 2))), axis=0)
    c.add("err/count_nonzero-axis", "count_nonzero", A, axis=2)
    c.add("err/all-axis", "all", A, axis=5)
    c.add("err/sum-bad-dtype", "sum", A, dtype="foo")
    c.add("err/max-where-no-initial", "max", A, where=arr([True, False, True, False]))
    c.add("err/var-axis-oob", "var", A, axis=-3)
    # found by differential fuzzing against numpy
    c.add("quantile/int8-wrapping-diff", "quantile", arr([-100, 100, 20, -7, 90], "int8"), 0.37, exact=True)
    c.add("percentile/int16-wrapping-diff", "percentile", arr([[-30000, 30000, 5], [1, 2, 3]], "int16"), 40.5, axis=1, exact=True)
    c.add("ptp/keepdims-layout", "ptp", arr(I34, "int32", "T"), axis=0, keepdims=True, exact=True)
    c.add("ptp/int8-wraps", "ptp", arr([-100, 100], "int8"), exact=True)
    c.add("err/argmax-empty-empty", "argmax", arr(np.zeros((0, 0))), axis=0)
    c.add("err/average-empty-division", "average", arr(np.zeros((0, 3), "int64")), axis=1)
    c.add("err/median-empty-multiaxis", "median", arr(np.zeros((0, 2, 3))), axis=(1, 2))
    c.add("err/quantile-empty-multiaxis", "quantile", arr(np.zeros((0, 2, 3), "uint32")), 0.5, axis=(1, 2), keepdims=True)
    c.add("err/nanmin-int-empty", "nanmin", arr(np.zeros((0, 2), "int16")), axis=(0, 1))
    c.add("err/ptp-bool", "ptp", arr([True, False]))
    c.add("err/quantile-bool", "quantile", arr([True, False, True]), 0.5)
    c.add("quantile/bool-lower", "quantile", arr([True, False, True]), 0.5, None, None, False, "lower", exact=True)
    c.add("err/quantile-empty", "quantile", arr(np.zeros(0)), 0.5)
    c.add("err/percentile-empty-lanes", "percentile", arr(np.zeros((3, 0))), [10, 50], axis=1)
    c.add("err/average-repeated-axis", "average", A, axis=(0, 0))
    c.add("nanmedian/empty-keepdims", "nanmedian", arr(np.zeros((5, 0), "int16")), axis=(0, 1), keepdims=True)
    c.add("mean/int-dtype-truncates", "mean", arr([[7, -8, 3], [2**60, 5, -2**59]]), axis=1, dtype="int64", exact=True)
    c.add("mean/uint32-dtype-int32-wraps", "mean", arr([[4000000000, 5, 7], [1, 2, 4]], "uint32", ("get", "::-1, :")), dtype="int32", exact=True)
    c.add("mean/f32-dtype-int64-where", "mean", arr([[-1.5], [2.75], [-3.25]], "float32"), axis=(0, 1), keepdims=True, dtype="int64", where=arr([True]), exact=True)
    c.add("count_nonzero/bcast-keepdims", "count_nonzero", arr([[0.5, 0.0, 1.5, 0.0]], None, ("broadcast_to", [3, 4])), axis=(0,), keepdims=True)
    c.add("sum/int-where-initial", "sum", arr([[1, 2, 3], [4, 5, 6]], "int8"), axis=0, initial=3, where=arr([False, True, True]), exact=True)
    c.add("prod/int-where-initial", "prod", arr([[1, 2, 3], [4, 5, 6]]), axis=1, initial=2, where=arr([True, False, True]), exact=True)
    c.add("err/initial-overflow-uint", "sum", arr([1, 2], "uint8"), initial=-2)
    c.add("err/initial-overflow-max", "max", arr([1, 2], "uint32"), initial=-2)
    c.add("err/where-bigger-than-a", "sum", arr([[1.5], [2.5]]), where=arr([True, False]))
    c.add("err/where-bigger-than-a-mean", "mean", arr([[1.5], [2.5]]), where=arr([True, False]))
    c.add("nansum/bcast-copy-layout", "nansum", arr([[np.nan, 1.5, 2.5]], None, ("broadcast_to", [4, 3])), axis=0, keepdims=True, exact=True)
    # out= without dtype: the loop runs in promote(out.dtype, input dtype), then casts into out
    c.add("sum/out-f64-of-f32", "sum", arr(F34, "float32"), axis=0, out=arr([0.5, 0.5, 0.5, 0.5]), exact=True)
    c.add("sum/out-int-of-float", "sum", arr([[0.6, 0.6], [1.7, 1.7]]), axis=1, out=arr([0, 0]), exact=True)
    c.add("sum/out-f64-of-int64", "sum", arr([[2**62, 2**62], [1, 2]]), axis=1, out=arr([0.5, 0.5]), exact=True)
    c.add("cumsum/out-int-of-f32", "cumsum", arr([0.6, 0.6, 0.6], "float32"), out=arr([0, 0, 0]), exact=True)
    c.add("mean/out-f64-of-f32", "mean", arr(F34, "float32"), axis=1, out=arr([0.5, 0.5, 0.5]), exact=True)
    for fn in ["argmax", "argmin", "nanargmax", "cumsum", "cumprod"]:
        c.add(f"{fn}/0d-scalar", fn, arr(3.5), exact=True)
        c.add(f"{fn}/0d-axis0", fn, arr(7, "int16"), axis=0, exact=True)
        c.add(f"err/{fn}-0d-axis1", fn, arr(7, "int16"), axis=1)
    c.add("argmax/0d-keepdims", "argmax", arr(2.5), axis=-1, keepdims=True, exact=True)
    NB = np.round(rng.standard_normal((1, 40, 60)) * 10, 3)
    NB[0, 3, 7] = np.nan
    c.add("nanstd/f32-bcast-copy-layout", "nanstd", arr(NB.tolist(), "float32", ("broadcast_to", [3, 40, 60])), axis=(0, 2), exact=True)
    c.add("nanvar/f32-dtype-f64", "nanvar", arr(NB.tolist(), "float32"), axis=2, dtype="float64", exact=True)
    c.add("sum/out-uint64-overflows-int64", "sum", arr([[2**63 + 5, 2**63], [2**62, 3]], "uint64"), axis=1, out=arr([0, 0]), exact=True)
    c.add("err/percentile-bool-empty-lanes", "percentile", arr(np.zeros((0, 2, 2), bool)), 50.5, axis=2)
    c.add("max/out-int-first-nan", "max", arr([[np.nan, 2.5], [5.5, np.nan], [1.5, 0.5]]), axis=0, out=arr([0, 0]), exact=True)
    c.add("min/out-int8-first-wraps", "min", arr([[300, 5], [200, 7]], "int16"), axis=1, out=arr([0, 0], "int8"), exact=True)
    c.add("median/multiaxis-copy-layout", "median", arr(F345, None, "T"), axis=(0, 2), exact=True)
    # a float initial for an integer loop goes through Python's int() (fuzz)
    c.add("sum/initial-float-uint64-overflow", "sum", arr([1, 2], "uint64"), initial=-1.375)
    c.add("sum/initial-float-int8-overflow", "sum", arr([1, 2], "int8"), initial=300.5)
    c.add("max/initial-float-int8-trunc", "max", arr([1, 2], "int8"), initial=2.5)
    c.add("sum/initial-nan-int", "sum", arr([1, 2], "uint8"), initial=float("nan"))
    c.add("sum/initial-inf-int", "sum", arr([1, 2], "int32"), initial=float("inf"))
