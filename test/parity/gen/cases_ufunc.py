"""Ufuncs: every elementwise function × dtypes, NEP 50 weak scalars, broadcasting (and its
errors), out=/where=/dtype=/casting=, layouts (transposed, negative strides, broadcast views),
integer corner cases (wraparound, Python-signed floor division/modulo, division by zero, shifts
past the width), NaN/inf, rounding, clip, where, isclose & co.

Divergence kept out of the fixtures: NumPy picks float16 loops for float functions of
bool/int8/uint8 (ndscope has no float16 and uses float32), so those inputs are not tested here.
"""
import numpy as np
from common import arr

ALL = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"]
INTS = ["int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64"]
FLOATS = ["float32", "float64"]
# dtypes whose float functions give float32/float64 in NumPy (no float16 loop involved)
FLOAT_SAFE = ["int16", "uint16", "int32", "uint32", "int64", "uint64", "float32", "float64"]

TRANSCENDENTAL = {
    "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
    "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "cbrt", "logaddexp",
    "logaddexp2", "arctan2", "hypot", "power", "float_power", "deg2rad", "rad2deg", "degrees", "radians",
}


def xy(dt):
    """Two length-6 operands for a dtype: extremes for wraparound, mixed signs, no zero divisors."""
    if dt == "bool":
        return [True, False, True, True, False, True], [True, True, False, True, False, False]
    if dt.startswith("float"):
        return [1.5, -2.25, 0.0, 3.75, -0.5, 1e10], [0.5, 2.0, -1.5, 4.0, 3.0, -0.25]
    info = np.iinfo(dt)
    if dt.startswith("int"):
        return [5, -7, int(info.max), int(info.min), 0, 3], [3, 2, 1, -1, 5, -4]
    return [5, 7, int(info.max), 0, 200, 3], [3, 2, 1, 1, 5, 4]


def unary_data(dt):
    if dt == "bool":
        return [True, False, True]
    if dt.startswith("float"):
        return [0.5, -0.25, 0.0, 2.5, 1.0, -3.5]
    if dt.startswith("uint"):
        return [0, 1, 2, 5, 3, 100]
    return [0, 1, 2, 5, -3, 100]


BINARY = [
    "add", "subtract", "multiply", "divide", "true_divide", "floor_divide", "remainder", "mod", "fmod",
    "power", "maximum", "minimum", "fmax", "fmin", "equal", "not_equal", "less", "less_equal",
    "greater", "greater_equal", "logical_and", "logical_or", "logical_xor", "bitwise_and",
    "bitwise_or", "bitwise_xor", "left_shift", "right_shift",
]
FLOAT_BINARY = ["logaddexp", "logaddexp2", "arctan2", "hypot", "copysign", "heaviside", "float_power"]
INT_UNARY = ["negative", "positive", "absolute", "abs", "sign", "reciprocal", "square", "floor", "ceil", "trunc", "fix",
             "invert", "bitwise_not", "logical_not", "isnan", "isinf", "isfinite"]
FLOAT_UNARY = ["fabs", "sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
               "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "deg2rad",
               "rad2deg", "degrees", "radians", "rint", "signbit"]


def rtol_for(fn, dt):
    if fn in TRANSCENDENTAL:
        return 2e-6 if dt in ("float32", "int16", "uint16") else 1e-13
    return None


def cases(c):
    # --- every binary op × every dtype ----------------------------------------------------------
    for fn in BINARY:
        for dt in ALL:
            x, y = xy(dt)
            if fn == "power" and dt not in ("bool",) and not dt.startswith("float"):
                y = [3, 2, 1, 0, 5, 4]
            if fn in ("left_shift", "right_shift") and dt != "bool":
                y = [1, 2, 0, 3, 5, 4]
            c.add(f"{fn}/{dt}", fn, arr(x, dt), arr(y, dt), rtol=rtol_for(fn, dt))
    for fn in FLOAT_BINARY:
        for dt in FLOAT_SAFE:
            x, y = xy(dt)
            if fn == "float_power" and not dt.startswith("float"):
                y = [3, 2, 1, 0, 5, 4]
            c.add(f"{fn}/{dt}", fn, arr(x, dt), arr(y, dt), rtol=rtol_for(fn, dt))

    # --- unary ------------------------------------------------------------------------------------
    for fn in INT_UNARY:
        for dt in ALL:
            c.add(f"{fn}/{dt}", fn, arr(unary_data(dt), dt))
    for fn in FLOAT_UNARY:
        for dt in FLOAT_SAFE:
            data = unary_data(dt)
            if fn in ("arcsin", "arccos", "arctanh") and not dt.startswith("float"):
                data = [0, 1, -1, 0, 1, 0] if not dt.startswith("uint") else [0, 1, 0, 1, 1, 0]
            c.add(f"{fn}/{dt}", fn, arr(data, dt), rtol=rtol_for(fn, dt))

    # --- divmod -----------------------------------------------------------------------------------
    for dt in ["int8", "int32", "int64", "uint8", "uint64", "float32", "float64"]:
        x, y = xy(dt)
        c.add(f"divmod/{dt}", "divmod", arr(x, dt), arr(y, dt))
    c.add("divmod/float-neg", "divmod", arr([5.5, -5.5, 5.5, -5.5]), arr([2.5, 2.5, -2.5, -2.5]))
    c.add("divmod/scalars", "divmod", 7, -2)
    c.add("divmod/by-zero-int", "divmod", arr([7, -7, 0], "int32"), 0)
    c.add("divmod/out", "divmod", arr([7, -7], "int64"), 3, out=(arr([0, 0], "int64"), arr([0.0, 0.0])))
    c.add("divmod/out-bad-cast", "divmod", arr([7.5, -7.5]), 3, out=(arr([0, 0], "int8"), None))
    c.add("divmod/out-not-tuple", "divmod", arr([7, -7]), 3, out=arr([0, 0]))

    # --- weak scalars (NEP 50) ----------------------------------------------------------------------
    c.add("weak/int8+5", "add", arr([1, 2, 127], "int8"), 5)
    c.add("weak/5+int8", "add", 5, arr([1, 2, 127], "int8"))
    c.add("weak/uint8+300", "add", arr([1, 2], "uint8"), 300)
    c.add("weak/uint8+-1", "add", arr([1, 2], "uint8"), -1)
    c.add("weak/int8+1.5", "add", arr([1, 2], "int8"), 1.5)
    c.add("weak/float32+1.5", "add", arr([1.25, 2.5], "float32"), 1.5)
    c.add("weak/float32*0.1", "multiply", arr([1.25, 2.5], "float32"), 0.1)
    c.add("weak/bool+1", "add", arr([True, False]), 1)
    c.add("weak/bool+1.5", "add", arr([True, False]), 1.5)
    c.add("weak/bool-and-true", "logical_and", arr([True, False]), True)
    c.add("weak/5-uint8", "subtract", 5, arr([1, 2, 7], "uint8"))
    c.add("weak/int16/2", "true_divide", arr([1, 2, 7], "int16"), 2)
    c.add("weak/int64//2", "floor_divide", arr([7, -7], "int64"), 2)
    c.add("weak/uint16-pow-2", "power", arr([3, 300], "uint16"), 2)
    c.add("weak/int32-pow-neg", "power", arr([2], "int32"), -1)
    c.add("weak/int32-pow-neg-array", "power", arr([2, 3], "int32"), arr([1, -1], "int32"))
    c.add("weak/uint8-pow-neg", "power", arr([2], "uint8"), -1)
    c.add("weak/scalar-pow-neg", "power", 2, -1)
    c.add("weak/float-pow-neg", "power", arr([2.0, 4.0]), -1)
    c.add("weak/int-scalars", "add", 1, 2)
    c.add("weak/float-scalars", "multiply", 2.5, 3)
    c.add("weak/bigint-int64", "add", arr([1, 2], "int64"), 2**62)
    c.add("weak/int64-overflow-scalar", "add", arr([1, 2], "int64"), 2**63)
    c.add("weak/uint64-big", "add", arr([1, 2], "uint64"), 2**63 + 5)
    c.add("weak/less-uint8-300", "less", arr([1, 255], "uint8"), 300)
    c.add("weak/equal-uint8--1", "equal", arr([1, 255], "uint8"), -1)
    c.add("weak/greater-int8--1000", "greater", arr([1, -128], "int8"), -1000)
    c.add("weak/less-int64-2**64", "less", arr([1, -5], "int64"), 2**64)
    c.add("weak/less-int64-2**63", "less_equal", arr([2**63 - 1, -5], "int64"), 2**63)
    c.add("weak/ne-uint64--1", "not_equal", arr([1, 2**64 - 1], "uint64"), -1)
    c.add("weak/less-float32-0.1", "less", arr([0.1, 0.2], "float32"), 0.1)
    c.add("weak/shift-int8-300", "left_shift", arr([1], "int8"), 300)
    c.add("weak/bitand-bool-1", "bitwise_and", arr([True, False]), 1)
    c.add("weak/maximum-uint8-2.5", "maximum", arr([1, 5], "uint8"), 2.5)
    c.add("weak/sqrt-int-scalar", "sqrt", 16)
    c.add("weak/sqrt-float-scalar", "sqrt", 2.25)
    c.add("weak/isnan-int-scalar", "isnan", 1)
    c.add("weak/list-is-strong", "add", arr([1, 2], "int8"), [1, 2])
    c.add("weak/list-float", "multiply", [1, 2], [0.5, 1.5])
    c.add("weak/0d-int8", "add", arr(5, "int8"), arr(3, "int16"))
    c.add("weak/0d-arrays-scalar-result", "multiply", arr(2.5), arr(4.0))

    # --- mixed strong dtypes -------------------------------------------------------------------------
    for a, b in [("int8", "uint8"), ("int16", "uint32"), ("int64", "uint64"), ("int32", "float32"), ("uint16", "float32"),
                 ("bool", "int8"), ("float32", "float64"), ("uint8", "int64"), ("int64", "float32")]:
        c.add(f"mixed/add-{a}-{b}", "add", arr([1, 2, 3], a), arr([4, 5, 6], b))
    c.add("mixed/less-int64-uint64", "less", arr([-1, 5, 2**62], "int64"), arr([2**64 - 1, 5, 2**62 + 1], "uint64"))
    c.add("mixed/equal-int64-uint64", "equal", arr([-1, 5, 2**62], "int64"), arr([2**64 - 1, 5, 2**62], "uint64"))
    c.add("mixed/greater-uint64-int64", "greater", arr([2**64 - 1, 0], "uint64"), arr([-1, -1], "int64"))
    c.add("mixed/bitand-int8-uint8", "bitwise_and", arr([5, -1], "int8"), arr([3, 255], "uint8"))
    c.add("mixed/bitand-int64-uint64", "bitwise_and", arr([5], "int64"), arr([3], "uint64"))
    c.add("mixed/shift-uint8-int8", "left_shift", arr([1, 2], "uint8"), arr([1, 7], "int8"))
    c.add("mixed/divide-int8-float32", "true_divide", arr([1, 2], "int8"), arr([4.0, 8.0], "float32"))
    c.add("mixed/divide-int16-int16", "divide", arr([1, 2], "int16"), arr([4, 3], "int16"))
    c.add("mixed/divide-bool", "divide", arr([True, False]), arr([True, True]))
    c.add("mixed/heaviside-int16-float", "heaviside", arr([-1, 0, 2], "int16"), 0.5)

    # --- bool special rules --------------------------------------------------------------------------
    c.add("bool/subtract", "subtract", arr([True, False]), arr([True, True]))
    c.add("bool/negative", "negative", arr([True, False]))
    c.add("bool/sign", "sign", arr([True, False]))
    c.add("bool/positive", "positive", arr([True, False]))
    c.add("bool/floor_divide", "floor_divide", arr([True, False]), arr([True, True]))
    c.add("bool/power", "power", arr([True, False]), arr([True, True]))
    c.add("bool/square", "square", arr([True, False]))
    c.add("bool/left_shift", "left_shift", arr([True, False]), arr([True, True]))

    # --- no loop / type errors -----------------------------------------------------------------------
    c.add("err/bitwise_and-float", "bitwise_and", arr([1.5, 2.5]), 1)
    c.add("err/bitwise_or-float32", "bitwise_or", arr([1.5, 2.5], "float32"), arr([1, 2], "int8"))
    c.add("err/invert-float", "invert", arr([1.5, 2.5]))
    c.add("err/left_shift-float", "left_shift", arr([1.5]), 1)
    c.add("err/right_shift-float-scalar", "right_shift", arr([1, 2]), 1.5)
    c.add("err/bitwise_xor-int64-uint64", "bitwise_xor", arr([1], "int64"), arr([1], "uint64"))

    # --- broadcasting --------------------------------------------------------------------------------
    m34 = [[1.5, 2.5, 3.5, 4.5], [5.5, 6.5, 7.5, 8.5], [9.5, 10.5, 11.5, 12.5]]
    c.add("bcast/(3,4)+(4,)", "add", arr(m34), arr([1, 2, 3, 4], "float64"))
    c.add("bcast/(3,1)+(1,4)", "multiply", arr([[1], [2], [3]], "int32"), arr([[1, 10, 100, 1000]], "int32"))
    c.add("bcast/(2,1,3)+(4,1)", "subtract", arr([[[1, 2, 3]], [[4, 5, 6]]], "int16"), arr([[1], [2], [3], [4]], "int16"))
    c.add("bcast/scalar-0d", "add", arr(7, "int32"), arr([1, 2, 3], "int32"))
    c.add("bcast/empty", "add", arr(np.zeros((0, 3)).tolist(), "float64"), arr([1.5, 2.5, 3.5]))
    c.add("bcast/empty-bcast", "add", arr(np.zeros((0, 1)).tolist(), "float64"), arr([1.5, 2.5, 3.5]))
    c.add("bcast/err-(3,4)-(3,)", "add", arr(m34), arr([1.5, 2.5, 3.5]))
    c.add("bcast/err-(2,3)-(3,2)", "multiply", arr([[1, 2, 3], [4, 5, 6]]), arr([[1, 2], [3, 4], [5, 6]]))
    c.add("bcast/err-list", "add", arr([1.5, 2.5]), [1, 2, 3])
    c.add("bcast/err-unary-out", "sqrt", arr([1.5, 2.5, 3.5]), out=arr([0.0, 0.0]))
    c.add("bcast/err-3d", "less", arr(np.ones((2, 3, 4)).tolist()), arr(np.ones((3, 3)).tolist()))

    # --- layouts -------------------------------------------------------------------------------------
    m23 = [[1, 2, 3], [4, 5, 6]]
    c.add("layout/T+T", "add", arr(m23, "int64", "T"), arr(m23, "int64", "T"))
    c.add("layout/T+1", "multiply", arr(m23, "float64", "T"), 3)
    c.add("layout/T+C", "add", arr(m23, "float32", "T"), arr([[1, 2], [3, 4], [5, 6]], "float32"))
    c.add("layout/F", "subtract", arr(m23, "int32", "F"), 1)
    c.add("layout/neg-stride", "add", arr([1, 2, 3, 4, 5], "int16", ("get", "::-1")), arr([10, 20, 30, 40, 50], "int16"))
    c.add("layout/neg-stride-2d", "sqrt", arr(m23, "float64", ("get", ":, ::-1")))
    c.add("layout/neg-stride-both", "multiply", arr(m23, "int64", ("get", "::-1, ::-1")), arr(m23, "int64", ("get", "::-1, ::-1")))
    c.add("layout/slice-step", "add", arr(np.arange(20).reshape(4, 5).tolist(), "int32", ("get", "1:, ::2")), 100)
    c.add("layout/broadcast_to-input", "add", arr([1.5, 2.5, 3.5], "float64", ("broadcast_to", [2, 3])), arr([[1.5], [2.5]]))
    c.add("layout/transpose-3d", "add", arr(np.arange(24).reshape(2, 3, 4).tolist(), "int64", ("transpose", [1, 0, 2])), 1)
    c.add("layout/transpose-3d-b", "negative", arr(np.arange(24).reshape(2, 3, 4).tolist(), "float64", ("transpose", [2, 0, 1])))
    c.add("layout/(1,3).T+1", "add", arr([[1.5, 2.5, 3.5]], "float64", "T"), 1)
    c.add("layout/(3,1)T-(4,1)", "add", arr([[1.5], [2.5], [3.5]], "float64", "T"), arr([[1.5], [2.5], [3.5], [4.5]]))
    c.add("layout/mixed-C-F", "add", arr(m23, "float64", "F"), arr(m23, "float64"))
    c.add("layout/reshape-view", "less", arr(list(range(12)), "int8", ("reshape", [3, 4])), 6)
    c.add("layout/0d", "sqrt", arr(2.25))

    # --- out= ----------------------------------------------------------------------------------------
    c.add("out/same-dtype", "add", arr([1, 2, 3], "int32"), 1, out=arr([0, 0, 0], "int32"))
    c.add("out/upcast", "add", arr([1, 2, 3], "int32"), 1, out=arr([0.0, 0.0, 0.0]))
    c.add("out/float32", "sqrt", arr([1.0, 4.0, 9.0]), out=arr([0.0, 0.0, 0.0], "float32"))
    c.add("out/bad-cast", "add", arr([1.5, 2.5]), arr([1.5, 2.5]), out=arr([0, 0], "int64"))
    c.add("out/bad-cast-unary", "sqrt", arr([1.5, 2.5]), out=arr([0, 0], "int8"))
    c.add("out/bad-cast-divide", "true_divide", arr([1.5, 2.5]), 1, out=arr([0, 0], "int64"))
    c.add("out/unsafe-cast", "add", arr([1.5, 2.5]), arr([1.5, 2.5]), out=arr([0, 0], "int64"), casting="unsafe")
    c.add("out/shape-mismatch", "add", arr([1.5, 2.5, 3.5]), arr([1.5, 2.5, 3.5]), out=arr([0.0, 0.0]))
    c.add("out/non-broadcastable", "add", arr([[1.5, 2.5, 3.5], [1.5, 2.5, 3.5]]), 1, out=arr([[0.0, 0.0, 0.0]]))
    c.add("out/larger-than-inputs", "add", arr([1.5, 2.5, 3.5]), 1, out=arr([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]]))
    c.add("out/readonly", "add", arr([1.5, 2.5, 3.5]), 1, out=arr([0.0, 0.0, 0.0], "float64", ("broadcast_to", [3])))
    c.add("out/not-array", "add", arr([1.5, 2.5, 3.5]), 1, out=5)
    c.add("out/tuple", "add", arr([1.5, 2.5]), 1, out=(arr([0.0, 0.0]),))
    c.add("out/tuple-too-long", "add", arr([1.5, 2.5]), 1, out=(arr([0.0, 0.0]), arr([0.0, 0.0])))
    c.add("out/transposed", "add", arr(m23, "int64"), 1, out=arr([[0, 0], [0, 0], [0, 0]], "int64", "T"))
    c.add("out/strided", "multiply", arr([1, 2, 3], "int16"), 2, out=arr([0, 0, 0, 0, 0, 0], "int16", ("get", "::2")))
    c.add("out/0d", "add", arr(1, "int64"), arr(2, "int64"), out=arr(0, "int64"))
    c.add("out/comparison-to-int", "less", arr([1, 5]), 3, out=arr([7, 7], "int8"))

    # --- where= --------------------------------------------------------------------------------------
    c.add("where/out", "add", arr([1.5, 2.5, 3.5]), 1, out=arr([0.0, 0.0, 0.0]), where=arr([True, False, True]))
    c.add("where/list", "multiply", arr([1, 2, 3], "int32"), 10, out=arr([-1, -1, -1], "int32"), where=[True, False, True])
    c.add("where/broadcast", "subtract", arr(m23, "int64"), 1, out=arr([[0, 0, 0], [0, 0, 0]], "int64"), where=arr([True, False, True]))
    c.add("where/cast-out", "sqrt", arr([4.0, 9.0, 16.0]), out=arr([1, 1, 1], "float32"), where=arr([False, True, True]))
    c.add("where/false-scalar", "add", arr([1.5, 2.5]), 1, out=arr([7.5, 8.5]), where=False)
    c.add("where/bad-shape", "add", arr([1.5, 2.5, 3.5]), 1, where=arr([True, False]))
    c.add("where/bad-shape-out", "add", arr([1.5, 2.5, 3.5]), arr([1.5, 2.5, 3.5]), out=arr([0.0, 0.0, 0.0]), where=arr([True, False, True, True]))
    c.add("where/float-mask", "add", arr([1.5, 2.5, 3.5]), 1, out=arr([0.0, 0.0, 0.0]), where=arr([1.0, 0.0, 1.0]))

    # --- dtype= / casting= ---------------------------------------------------------------------------
    c.add("dtype/int8+1->float32", "add", arr([1, 2], "int8"), 1, dtype="float32")
    c.add("dtype/sqrt-int8->float64", "sqrt", arr([1, 4, 9], "int8"), dtype="float64")
    c.add("dtype/int32+int32->int64", "multiply", arr([2**20, 3], "int32"), arr([2**20, 3], "int32"), dtype="int64")
    c.add("dtype/float->int32", "add", arr([1.5]), arr([1.5]), dtype="int32")
    c.add("dtype/float->int32-unsafe", "add", arr([1.5, -2.5]), arr([1.25, 0.25]), dtype="int32", casting="unsafe")
    c.add("dtype/less-float64", "less", arr([1.5]), arr([2.5]), dtype="float64")
    c.add("dtype/sqrt-int32", "sqrt", arr([1.5]), dtype="int32")
    c.add("dtype/divide-int", "divide", arr([1.5]), arr([2.5]), dtype="int32")
    c.add("dtype/bad-name", "add", arr([1.5]), 1, dtype="foo")
    c.add("dtype/divide-float32", "true_divide", arr([1, 3], "int64"), arr([3, 7], "int64"), dtype="float32")
    c.add("casting/no", "add", arr([1, 2], "int8"), arr([1, 2], "int16"), casting="no")
    c.add("casting/no-same", "add", arr([1, 2], "int16"), arr([1, 2], "int16"), casting="no")
    c.add("casting/safe-out", "add", arr([1, 2], "int64"), 1, out=arr([0, 0], "int32"), casting="safe")
    c.add("casting/bogus", "add", arr([1.5]), arr([1.5]), casting="bogus")
    c.add("casting/same_kind-downcast", "add", arr([1.5, 2.5]), 1, out=arr([0.0, 0.0], "float32"))
    c.add("kw/unexpected", "add", arr([1.5]), 1, foo=1)

    # --- integer corner cases ------------------------------------------------------------------------
    c.add("int/int32-min//-1", "floor_divide", arr([-2**31, 7], "int32"), arr([-1, -2], "int32"))
    c.add("int/int64-min//-1", "floor_divide", arr([-2**63, 7], "int64"), arr([-1, -2], "int64"))
    c.add("int/int8-min//-1", "floor_divide", arr([-128], "int8"), arr([-1], "int8"))
    c.add("int/int64-min%-1", "remainder", arr([-2**63], "int64"), arr([-1], "int64"))
    c.add("int/int8-min%-1", "remainder", arr([-128], "int8"), arr([-1], "int8"))
    c.add("int/fmod-int8-min", "fmod", arr([-128], "int8"), arr([-1], "int8"))
    for dt in ["int8", "int32", "int64"]:
        c.add(f"int/floordiv-signs-{dt}", "floor_divide", arr([7, -7, 7, -7, 0], dt), arr([2, 2, -2, -2, -3], dt))
        c.add(f"int/mod-signs-{dt}", "remainder", arr([7, -7, 7, -7, 0], dt), arr([2, 2, -2, -2, -3], dt))
        c.add(f"int/fmod-signs-{dt}", "fmod", arr([7, -7, 7, -7, 0], dt), arr([2, 2, -2, -2, -3], dt))
        c.add(f"int/div-by-zero-{dt}", "floor_divide", arr([7, -7, 0], dt), arr([0, 0, 0], dt))
        c.add(f"int/mod-by-zero-{dt}", "remainder", arr([7, -7, 0], dt), arr([0, 0, 0], dt))
        c.add(f"int/fmod-by-zero-{dt}", "fmod", arr([7, -7, 0], dt), arr([0, 0, 0], dt))
        c.add(f"int/truediv-by-zero-{dt}", "true_divide", arr([7, -7, 0], dt), arr([0, 0, 0], dt))
    c.add("int/uint64-div-by-zero", "floor_divide", arr([7, 0], "uint64"), arr([0, 0], "uint64"))
    c.add("int/int32-mul-wrap", "multiply", arr([65536, 123456789, -2**31], "int32"), arr([65536, 987654321, -1], "int32"))
    c.add("int/uint32-mul-wrap", "multiply", arr([65536, 4000000000], "uint32"), arr([65536, 3], "uint32"))
    c.add("int/int64-mul-wrap", "multiply", arr([2**62, 123456789123, -2**63], "int64"), arr([4, 987654321987, -1], "int64"))
    c.add("int/uint64-mul-wrap", "multiply", arr([2**63, 2**64 - 1], "uint64"), arr([2, 2**64 - 1], "uint64"))
    c.add("int/int64-add-wrap", "add", arr([2**63 - 1, -2**63], "int64"), arr([1, -1], "int64"))
    c.add("int/uint64-sub-wrap", "subtract", arr([0, 5], "uint64"), arr([1, 7], "uint64"))
    c.add("int/int64-exact", "add", arr([2**53 + 1, 9007199254740993], "int64"), arr([2, 2], "int64"))
    c.add("int/int64-pow-wrap", "power", arr([3, 2, -3], "int64"), arr([40, 63, 41], "int64"))
    c.add("int/int8-pow-wrap", "power", arr([3, 2, -2], "int8"), arr([5, 7, 7], "int8"))
    c.add("int/uint64-pow", "power", arr([3, 2], "uint64"), arr([50, 64], "uint64"))
    c.add("int/uint32-pow", "power", arr([3, 7], "uint32"), arr([25, 13], "uint32"))
    c.add("int/int32-pow-big", "power", arr([3, 7, -5], "int32"), arr([25, 13, 15], "int32"))
    c.add("int/abs-min", "absolute", arr([-128, 127, -1], "int8"))
    c.add("int/abs-int64-min", "absolute", arr([-2**63, 5], "int64"))
    c.add("int/neg-uint8", "negative", arr([0, 1, 255], "uint8"))
    c.add("int/neg-uint64", "negative", arr([0, 1, 2**64 - 1], "uint64"))
    c.add("int/neg-int32-min", "negative", arr([-2**31], "int32"))
    c.add("int/square-int32-wrap", "square", arr([65536, 46341], "int32"))
    c.add("int/square-int64-wrap", "square", arr([2**32, 3037000500], "int64"))
    c.add("int/reciprocal-int", "reciprocal", arr([1, -1, 2, -3, 0], "int32"))
    c.add("int/reciprocal-int64-zero", "reciprocal", arr([0, 1, -1], "int64"))
    c.add("int/reciprocal-int16", "reciprocal", arr([0, 1, -1, 5], "int16"))
    for dt in ["int8", "uint8", "int16", "int32", "uint32", "int64", "uint64"]:
        bits = np.dtype(dt).itemsize * 8
        vals = [1, 3, 5] if dt.startswith("u") else [1, -1, -8]
        c.add(f"int/lshift-width-{dt}", "left_shift", arr(vals, dt), arr([bits, bits + 1, bits - 1], dt))
        c.add(f"int/rshift-width-{dt}", "right_shift", arr(vals, dt), arr([bits, 100 if bits < 100 else 120, bits - 1], dt))
    c.add("int/lshift-int32-31", "left_shift", arr([1, 3], "int32"), arr([31, 30], "int32"))
    c.add("int/lshift-uint32-31", "left_shift", arr([1, 3], "uint32"), arr([31, 30], "uint32"))
    c.add("int/rshift-int64-neg", "right_shift", arr([-8, -2**63], "int64"), arr([1, 62], "int64"))
    c.add("int/invert-uint64", "invert", arr([0, 1, 2**63], "uint64"))
    c.add("int/invert-int64", "invert", arr([0, -1, 2**62], "int64"))
    c.add("int/bitwise-uint32-high", "bitwise_xor", arr([2**32 - 1, 2**31], "uint32"), arr([1, 2**31 + 1], "uint32"))
    c.add("int/sign-uint", "sign", arr([0, 5, 255], "uint8"))
    c.add("int/sign-int64", "sign", arr([0, -2**63, 2**63 - 1], "int64"))
    c.add("int/max-int64-exact", "maximum", arr([2**62 + 1, -5], "int64"), arr([2**62, -6], "int64"))

    # --- NaN / inf -----------------------------------------------------------------------------------
    special = [float("nan"), float("inf"), float("-inf"), 0.0, -0.0, 1.5]
    other = [1.5, float("nan"), 2.5, -0.0, 0.0, float("inf")]
    for fn in ["maximum", "minimum", "fmax", "fmin", "add", "multiply", "true_divide", "floor_divide", "remainder", "fmod",
               "power", "equal", "not_equal", "less", "greater_equal", "logical_and", "logical_or", "copysign", "arctan2",
               "hypot", "heaviside", "logaddexp", "float_power"]:
        c.add(f"nan/{fn}", fn, arr(special), arr(other), rtol=rtol_for(fn, "float64"))
    for fn in ["isnan", "isinf", "isfinite", "signbit", "sign", "absolute", "negative", "sqrt", "exp", "log", "floor", "ceil",
               "trunc", "rint", "logical_not", "square", "reciprocal", "tanh", "arctan", "fix"]:
        c.add(f"nan/{fn}", fn, arr(special), rtol=rtol_for(fn, "float64"))
        c.add(f"nan/{fn}-f32", fn, arr(special, "float32"), rtol=rtol_for(fn, "float32"))
    c.add("nan/divide-by-zero", "true_divide", arr([1.5, -1.5, 0.0]), arr([0.0, 0.0, 0.0]))
    c.add("nan/floordiv-by-zero", "floor_divide", arr([5.5, -5.5, 0.0]), arr([0.0, 0.0, 0.0]))
    c.add("nan/mod-by-zero", "remainder", arr([5.5, -5.5, 0.0]), arr([0.0, 0.0, 0.0]))
    c.add("nan/mod-inf", "remainder", arr([5.5, -5.5, float("inf")]), arr([float("inf"), float("inf"), 2.5]))
    c.add("nan/floordiv-inf", "floor_divide", arr([5.5, -5.5, float("inf")]), arr([float("inf"), float("inf"), 2.5]))
    c.add("nan/pow-one-nan", "power", arr([1.0, 1.0, -1.0, 2.5]), arr([float("nan"), float("inf"), float("inf"), 0.0]))
    c.add("nan/pow-nan-zero", "power", arr([float("nan")]), arr([0.0]))
    c.add("nan/log-neg", "log", arr([-1.5, 0.0, -0.0]))
    c.add("nan/sqrt-neg", "sqrt", arr([-1.5, -0.0]))
    c.add("nan/arccosh-lt1", "arccosh", arr([0.5, 1.0]))
    c.add("nan/arctanh-1", "arctanh", arr([1.0, -1.0, 1.5]))
    c.add("nan/mod-neg-zero", "remainder", arr([0.0, -0.0, 4.0]), arr([-2.5, 2.5, -2.0]))
    c.add("nan/rint-halves", "rint", arr([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 3.4999999999999996]))

    # --- float32 precision ---------------------------------------------------------------------------
    c.add("f32/add-rounding", "add", arr([0.1, 1e8], "float32"), arr([0.2, 1.5], "float32"))
    c.add("f32/divide", "true_divide", arr([1.0, 2.0], "float32"), arr([3.0, 7.0], "float32"))
    c.add("f32/sqrt-exact", "sqrt", arr([2.0, 3.0, 1e30], "float32"))
    c.add("f32/overflow", "multiply", arr([3e38], "float32"), 10)
    c.add("f32/mod", "remainder", arr([5.5, -5.5], "float32"), arr([0.7, 0.7], "float32"))

    # --- round / around ------------------------------------------------------------------------------
    c.add("round/half-even", "round", arr([0.5, 1.5, 2.5, -0.5, -1.5, 3.5]))
    c.add("round/decimals-1", "round", arr([0.25, 0.35, 1.25, -0.15, 2.675]), 1)
    c.add("round/decimals-2", "round", arr([2.675, 1234.5678, -0.125]), 2)
    c.add("round/decimals-neg", "round", arr([1234.5678, 15.0, 25.0, -35.0]), -1)
    c.add("round/decimals-neg2", "round", arr([1250.0, 1350.0, 99.5]), -2)
    c.add("round/kw", "round", arr([1.23456, 2.34567]), decimals=3)
    c.add("round/float32", "round", arr([2.675, 1.005, 0.125], "float32"), 2)
    c.add("round/int-pos", "round", arr([15, 25, 35], "int64"), 1)
    c.add("round/int-neg", "round", arr([15, 25, 35, -15, -25], "int64"), -1)
    c.add("round/int8-neg", "round", arr([123, -45, 55], "int8"), -1)
    c.add("round/int8-neg5", "round", arr([123], "int8"), -5)
    c.add("round/int32-neg2", "round", arr([150, 250, 1249], "int32"), -2)
    c.add("round/around", "around", arr([1.5, 2.5, 2.55]), 1)
    c.add("round/scalar", "round", 2.5)
    c.add("round/scalar-decimals", "round", 2.675, 2)
    c.add("round/out", "round", arr([1.25, 2.25]), 1, out=arr([0.0, 0.0]))
    c.add("round/out-int", "round", arr([1, 2], "int64"), 1, out=arr([0.0, 0.0]))
    c.add("round/out-bad-cast", "round", arr([1.5, 2.5]), 0, arr([0, 0], "int8"))
    c.add("round/float-decimals", "round", arr([1.5]), 1.5)
    c.add("round/method", None, arr([1.25, 2.35, -0.05]), 1, method="round")
    c.add("round/method-T", None, arr([[1.25, 2.35], [3.45, -0.05]], "float64", "T"), method="round")
    c.add("round/nan-inf", "round", arr([float("nan"), float("inf"), -0.4]), 1)

    # --- clip ----------------------------------------------------------------------------------------
    r5 = list(range(6))
    c.add("clip/basic", "clip", arr(r5, "int64"), 1, 3)
    c.add("clip/float", "clip", arr([0.5, 1.5, 2.5, 3.5]), 1.25, 3.0 + 0.25)
    c.add("clip/a_min-only", "clip", arr(r5, "int64"), 2, None)
    c.add("clip/a_max-only", "clip", arr(r5, "int64"), None, 2)
    c.add("clip/kw-min", "clip", arr(r5, "int64"), min=2)
    c.add("clip/kw-max", "clip", arr(r5, "int32"), max=3)
    c.add("clip/kw-a_min-a_max", "clip", arr(r5, "int16"), a_min=1, a_max=4)
    c.add("clip/kw-conflict", "clip", arr(r5, "int64"), 1, 3, min=1)
    c.add("clip/none-none", "clip", arr(r5, "int8"))
    c.add("clip/none-none-bool", "clip", arr([True, False]))
    c.add("clip/uint8-out-of-range", "clip", arr([0, 5, 255], "uint8"), -1, 300)
    c.add("clip/int8-float-bound", "clip", arr([0, 1, 2, 3, 4], "int8"), 1.5, 3)
    c.add("clip/nan-bound", "clip", arr([0.5, 1.5, 2.5]), float("nan"), 1.5)
    c.add("clip/nan-input", "clip", arr([float("nan"), 1.5, 2.5]), 1.25, 2.25)
    c.add("clip/min-gt-max", "clip", arr([0.5, 1.5, 2.5]), 2.5, 1.5)
    c.add("clip/array-bounds", "clip", arr([[1, 5, 9], [2, 6, 10]], "int32"), arr([2, 2, 2], "int32"), arr([[4], [8]], "int32"))
    c.add("clip/out", "clip", arr(r5, "int64"), 1, 3, out=arr([0.0] * 6))
    c.add("clip/out-kw", "clip", arr(r5, "int64"), 1, 3, out=arr([0] * 6, "int64"))
    c.add("clip/scalar", "clip", 5, 1, 3)
    c.add("clip/too-many", "clip", arr(r5), 1, 2, None, 4, 5)
    c.add("clip/method", None, arr(r5, "int64"), 1, 3, method="clip")
    c.add("clip/method-kw", None, arr([0.5, 1.5, 2.5]), method="clip", max=1.25)
    c.add("clip/T", "clip", arr([[1, 2, 3], [4, 5, 6]], "int16", "T"), 2, 5)
    c.add("clip/bcast-err", "clip", arr(r5), arr([1, 2]), 3)

    # --- where ---------------------------------------------------------------------------------------
    c.add("where/nonzero-2d", "where", arr([[1, 0, 2], [0, 3, 0]], "int32"))
    c.add("where/nonzero-1d-bool", "where", arr([True, False, True, True]))
    c.add("where/nonzero-empty", "where", arr([0.0, 0.0]))
    c.add("where/nonzero-3d", "where", arr(np.arange(8).reshape(2, 2, 2).tolist(), "int8"))
    c.add("where/nonzero-T", "where", arr([[1, 0, 2], [0, 3, 0]], "int32", "T"))
    c.add("where/nonzero-0d", "where", arr(5))
    c.add("where/select", "where", arr([True, False, True]), arr([1, 2, 3], "int32"), arr([10, 20, 30], "int32"))
    c.add("where/select-weak", "where", arr([True, False]), 1, 2.5)
    c.add("where/select-int8-300", "where", arr([True, False]), arr([1, 2], "int8"), 300)
    c.add("where/select-mixed", "where", arr([True, False]), arr([1, 2], "int8"), arr([1.5, 2.5], "float32"))
    c.add("where/select-bcast", "where", arr([[True], [False]]), arr([1, 2, 3], "int64"), -1)
    c.add("where/select-int-cond", "where", arr([0, 2, -1], "int64"), arr([1.5, 2.5, 3.5]), 0.5)
    c.add("where/select-0d", "where", True, 1, 2)
    c.add("where/select-F", "where", arr([[True, False], [False, True]], "bool", "T"), arr([[1, 2], [3, 4]], "int64", "T"), 0)
    c.add("where/one-of-two", "where", arr([True, False]), arr([1, 2]))
    c.add("where/bcast-err", "where", arr([True, False]), arr([1, 2, 3]), 1)

    # --- nan_to_num ----------------------------------------------------------------------------------
    c.add("nan_to_num/f64", "nan_to_num", arr([float("nan"), float("inf"), float("-inf"), 1.5]))
    c.add("nan_to_num/f32", "nan_to_num", arr([float("nan"), float("inf"), float("-inf"), 1.5], "float32"))
    c.add("nan_to_num/kw", "nan_to_num", arr([float("nan"), float("inf"), float("-inf")]), nan=5.5, posinf=1.25, neginf=-2.5)
    c.add("nan_to_num/int", "nan_to_num", arr([1, 2], "int64"))
    c.add("nan_to_num/scalar", "nan_to_num", float("nan"))
    c.add("nan_to_num/T", "nan_to_num", arr([[float("nan"), 1.5], [float("inf"), 2.5]], "float64", "T"))

    # --- isclose / allclose / array_equal / array_equiv --------------------------------------------------
    c.add("isclose/basic", "isclose", arr([1.0, 1.0, 1.0, float("nan"), float("inf")]), arr([1.0000001, 1.001, 1.00001, float("nan"), float("inf")]))
    c.add("isclose/equal_nan", "isclose", arr([1.5, float("nan")]), arr([1.5, float("nan")]), equal_nan=True)
    c.add("isclose/tols", "isclose", arr([1.0, 100.0]), arr([1.1, 101.0]), rtol=0.05, atol=0.01)
    c.add("isclose/int", "isclose", arr([1, 2], "int8"), 2)
    c.add("isclose/scalar", "isclose", 1e-9, 0)
    c.add("isclose/bcast", "isclose", arr([[1.0], [2.0]]), arr([1.0, 2.0, 3.0]))
    c.add("isclose/bcast-err", "isclose", arr([1.0, 2.0]), arr([1.0, 2.0, 3.0]))
    c.add("isclose/float32", "isclose", arr([1.0, 2.0], "float32"), arr([1.0000001, 2.1], "float32"))
    c.add("allclose/true", "allclose", arr([1.0, 2.0]), arr([1.0000001, 2.0]))
    c.add("allclose/false", "allclose", arr([1.0, 2.0]), arr([1.1, 2.0]))
    c.add("allclose/nan", "allclose", arr([1.0, float("nan")]), arr([1.0, float("nan")]))
    c.add("allclose/nan-equal", "allclose", arr([1.0, float("nan")]), arr([1.0, float("nan")]), equal_nan=True)
    c.add("allclose/bcast-err", "allclose", [1, 2], [1, 2, 3])
    c.add("array_equal/true", "array_equal", arr([1, 2, 3]), arr([1.0, 2.0, 3.0]))
    c.add("array_equal/shape", "array_equal", arr([1, 2]), arr([1, 2, 3]))
    c.add("array_equal/nan", "array_equal", arr([1.0, float("nan")]), arr([1.0, float("nan")]))
    c.add("array_equal/nan-equal", "array_equal", arr([1.0, float("nan")]), arr([1.0, float("nan")]), equal_nan=True)
    c.add("array_equal/bcast-not-equal", "array_equal", arr([1, 2]), arr([[1, 2], [1, 2]]))
    c.add("array_equiv/bcast", "array_equiv", arr([1, 2]), arr([[1, 2], [1, 2]]))
    c.add("array_equiv/no-bcast", "array_equiv", arr([1, 2]), arr([1, 2, 3]))
    c.add("array_equiv/diff", "array_equiv", arr([1, 2]), arr([[1, 2], [1, 3]]))

    # --- positional forms and argument errors -----------------------------------------------------------
    c.add("args/positional-out", "add", arr([1, 2], "int64"), 1, arr([0, 0], "int64"))
    c.add("args/positional-out-unary", "sqrt", arr([1.0, 4.0]), arr([0.0, 0.0]))
    c.add("args/positional-out-not-array", "sqrt", arr([1.0, 4.0]), 1)
    c.add("args/too-few", "add", arr([1, 2]))
    c.add("args/too-many", "add", arr([1, 2]), 1, 2, 3)
    c.add("args/too-few-divmod", "divmod", arr([1, 2]))
    c.add("args/unary-none", "sqrt")

    # --- aliases ---------------------------------------------------------------------------------------
    for fn in ["pow", "acos", "asin", "atan", "atan2", "acosh", "asinh", "atanh", "bitwise_invert", "bitwise_left_shift",
               "bitwise_right_shift"]:
        if fn in ("pow", "atan2", "bitwise_left_shift", "bitwise_right_shift"):
            a1 = arr([1, 2, 3], "int32") if "shift" in fn or fn == "pow" else arr([0.5, 0.25, 1.5])
            c.add(f"alias/{fn}", fn, a1, arr([1, 2, 3], "int32") if "shift" in fn or fn == "pow" else arr([1.5, 2.5, 0.5]))
        elif fn == "bitwise_invert":
            c.add(f"alias/{fn}", fn, arr([1, 2, 3], "int32"))
        else:
            data = [1.5, 2.5] if fn == "acosh" else [0.5, -0.25]
            c.add(f"alias/{fn}", fn, arr(data))

    # --- order= and more dtype= ---------------------------------------------------------------------
    m23 = [[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]]
    c.add("order/C-from-T", "add", arr(m23, "float64", "T"), 1, order="C")
    c.add("order/F", "add", arr(m23), 1, order="F")
    c.add("order/A-F-input", "add", arr(m23, "float64", "T"), 1, order="A")
    c.add("order/A-mixed", "add", arr(m23, "float64", "T"), arr([[1.5, 2.5], [3.5, 4.5], [5.5, 6.5]]), order="A")
    c.add("order/K-default-F", "sqrt", arr(m23, "float64", "F"))
    c.add("order/bad", "add", arr(m23), 1, order="X")
    c.add("order/F-with-out", "add", arr(m23), 1, order="F", out=arr([[0.0] * 3] * 2))
    c.add("dtype/less-bool", "less", arr([0, 1, 2]), 1, dtype="bool")
    c.add("dtype/equal-int64", "equal", arr([0, 1, 2]), 1, dtype="int64")
    c.add("dtype/add-int8-bool", "add", arr([0, 1, 2], "int8"), 1, dtype="bool")
    c.add("dtype/logical-and-bool", "logical_and", arr([0.5, 0.0]), arr([1, 1]), dtype="bool")
    c.add("dtype/float32-out-float64", "multiply", arr([1, 2], "int16"), arr([3, 4], "int16"), dtype="float32",
          out=arr([0.0, 0.0]))

    # --- ufunc methods: reduce / accumulate / outer ---------------------------------------------------
    i8 = arr([100, 100, -3], "int8")
    m = np.arange(24).reshape(2, 3, 4).tolist()
    c.add("reduce/add-int8-upcast", "add.reduce", i8)
    c.add("reduce/add-bool", "add.reduce", arr([True, True, False]))
    c.add("reduce/multiply-uint8", "multiply.reduce", arr([200, 2], "uint8"))
    c.add("reduce/maximum-int8", "maximum.reduce", i8)
    c.add("reduce/subtract-int8", "subtract.reduce", i8)
    c.add("reduce/subtract-axis1", "subtract.reduce", arr(m, "int64"), 1)
    c.add("reduce/divide", "divide.reduce", arr([8, 2, 2], "int64"))
    c.add("reduce/power", "power.reduce", arr([2, 3, 2], "int64"))
    c.add("reduce/logical_and-int", "logical_and.reduce", arr([1, 2, 0], "int64"))
    c.add("reduce/logical_or-empty", "logical_or.reduce", arr([], "float64"))
    c.add("reduce/logical_xor", "logical_xor.reduce", arr([True, True, True]))
    c.add("reduce/bitwise_or-uint8", "bitwise_or.reduce", arr([1, 2, 4], "uint8"))
    c.add("reduce/bitwise_and-int16", "bitwise_and.reduce", arr([[7, 3], [6, 5]], "int16"), 1)
    c.add("reduce/add-empty-axis0", "add.reduce", arr(np.zeros((0, 3)).tolist(), "float64"))
    c.add("reduce/maximum-empty", "maximum.reduce", arr(np.zeros((0, 3)).tolist(), "float64"))
    c.add("reduce/maximum-empty-initial", "maximum.reduce", arr([], "float64"), initial=3.5)
    c.add("reduce/add-axis-none", "add.reduce", arr(m, "int32"), None)
    c.add("reduce/add-axis-tuple", "add.reduce", arr(m, "int64"), axis=(0, 2))
    c.add("reduce/add-keepdims", "add.reduce", arr(m, "int64"), axis=1, keepdims=True)
    c.add("reduce/add-axis-neg", "add.reduce", arr(m, "float64"), -1)
    c.add("reduce/add-axis-bad", "add.reduce", arr(m, "int64"), 3)
    c.add("reduce/add-dtype", "add.reduce", arr(m, "int64"), 1, dtype="float32")
    c.add("reduce/add-initial", "add.reduce", arr([1, 2], "int8"), initial=5)
    c.add("reduce/add-T", "add.reduce", arr(m, "float64", ("transpose", [2, 0, 1])), 1)
    c.add("reduce/add-float-odd", "add.reduce", arr([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]))
    c.add("reduce/minimum-nan", "minimum.reduce", arr([1.5, float("nan"), 0.5]))
    c.add("reduce/fmin-nan", "fmin.reduce", arr([1.5, float("nan"), 0.5]))
    c.add("reduce/multiply-wrap-int64", "multiply.reduce", arr([2**40, 2**30, 3], "int64"))
    c.add("reduce/equal-error", "equal.reduce", arr([1, 1, 1], "int64"))
    c.add("reduce/unary-error", "sqrt.reduce", arr([1.5, 2.5]))
    c.add("reduce/divmod-error", "divmod.reduce", arr([1, 2]))
    c.add("reduce/scalar", "add.reduce", arr(5, "int64"), None)
    c.add("reduce/list", "add.reduce", [[1, 2], [3, 4]], 1)
    c.add("accumulate/add-int8", "add.accumulate", i8)
    c.add("accumulate/add-bool", "add.accumulate", arr([True, True, False]))
    c.add("accumulate/multiply-uint8", "multiply.accumulate", arr([200, 2], "uint8"))
    c.add("accumulate/minimum-axis1", "minimum.accumulate", arr([[3, 1], [2, 4]], "int64"), axis=1)
    c.add("accumulate/subtract-2d", "subtract.accumulate", arr(m, "int32"))
    c.add("accumulate/subtract-T", "subtract.accumulate", arr(m, "float64", ("transpose", [2, 1, 0])), 1)
    c.add("accumulate/axis-none", "add.accumulate", arr([[1.5, 2.5]]), None)
    c.add("accumulate/dtype", "add.accumulate", arr([1, 2, 3], "int8"), dtype="float64")
    c.add("accumulate/logical_or", "logical_or.accumulate", arr([0, 0, 3, 0], "int64"))
    c.add("outer/add-int8-float", "add.outer", arr([0, 1, 2], "int8"), arr([0.5, 1.5]))
    c.add("outer/add-2d-list", "add.outer", arr([[1, 2, 3], [4, 5, 6]], "int64"), [1, 2])
    c.add("outer/less", "less.outer", [1, 2], [2, 1])
    c.add("outer/multiply-scalar", "multiply.outer", arr([1, 2, 3], "int16"), 3)
    c.add("outer/maximum-T", "maximum.outer", arr([[1, 2], [3, 4]], "float64", "T"), arr([2.5, 0.5, 3.5]))
    c.add("outer/sqrt-error", "sqrt.outer", arr([1.5]), arr([2.5]))

    # --- gcd lcm ldexp frexp modf nextafter spacing ------------------------------------------------------
    for dt in ["int8", "int16", "int32", "int64", "uint8", "uint32", "uint64"]:
        sg = not dt.startswith("u")
        c.add(f"gcd/{dt}", "gcd", arr([12, -18 if sg else 18, 0, 7, 100], dt), arr([18, 12, 0, -14 if sg else 14, 3], dt))
        c.add(f"lcm/{dt}", "lcm", arr([4, -6 if sg else 6, 0, 100, 7], dt), arr([6, 4, 5, 3, 13], dt))
    c.add("gcd/int8-min", "gcd", arr([-128], "int8"), arr([0], "int8"))
    c.add("gcd/int64-min", "gcd", arr([-2**63], "int64"), 0)
    c.add("gcd/uint64-big", "gcd", arr([2**64 - 2], "uint64"), arr([2**63], "uint64"))
    c.add("gcd/weak", "gcd", arr([12, 18], "int16"), 8)
    c.add("gcd/bool-error", "gcd", arr([True]), arr([True]))
    c.add("gcd/float-error", "gcd", arr([1.5]), 2)
    c.add("lcm/int32-wrap", "lcm", arr([2**20, 65537], "int32"), arr([3 * 2**12, 65539], "int32"))
    c.add("ldexp/float32", "ldexp", arr([1.5, -0.75, 0.0], "float32"), 3)
    c.add("ldexp/float64-int64", "ldexp", arr([1.5, 3.25, float("inf")]), arr([2, -1080, 5], "int64"))
    c.add("ldexp/int16-x", "ldexp", arr([3, 5], "int16"), arr([2, -1], "int32"))
    c.add("ldexp/overflow", "ldexp", arr([1.5, 1.5]), arr([1023, 1024], "int32"))
    c.add("ldexp/subnormal", "ldexp", arr([1.0, 1.5]), arr([-1074, -1060], "int64"))
    c.add("ldexp/scalar-x", "ldexp", 1.5, arr([2, 3], "int8"))
    c.add("ldexp/uint64-error", "ldexp", arr([1.5]), arr([2], "uint64"))
    c.add("ldexp/float-exp-error", "ldexp", arr([1.5]), 2.5)
    c.add("frexp/f64", "frexp", arr([0.0, -0.0, 1.0, -3.5, float("inf"), float("nan"), 5e-324, 1e308, 0.1]))
    c.add("frexp/f32", "frexp", arr([1.0, -3.5, 0.1, 3e38], "float32"))
    c.add("frexp/int32", "frexp", arr([3, -8, 0], "int32"))
    c.add("modf/f64", "modf", arr([1.5, -2.25, float("inf"), float("-inf"), float("nan"), -0.0, 3.0]))
    c.add("modf/f32", "modf", arr([1.5, -2.25, 1e10], "float32"))
    c.add("modf/int32", "modf", arr([3, -4], "int32"))
    c.add("modf/out", "modf", arr([1.5, -2.25]), out=(arr([0.0, 0.0]), arr([0.0, 0.0])))
    c.add("nextafter/f64", "nextafter", arr([1.0, 0.0, 0.0, float("inf"), 1.0, -1.0, float("nan")]), arr([2.0, 1.0, -1.0, 0.0, 1.0, -2.0, 1.0]))
    c.add("nextafter/f32", "nextafter", arr([1.0, 0.0, -1.5, 3.4028234663852886e38], "float32"), arr([2.0, -1.0, 0.0, float("inf")], "float32"))
    c.add("nextafter/f32-weak", "nextafter", arr([1.0], "float32"), 2)
    c.add("spacing/f64", "spacing", arr([1.0, -1.0, 0.0, float("inf"), 1.7976931348623157e308, float("nan"), 1e-300]))
    c.add("spacing/f32", "spacing", arr([1.0, -1.0, 0.0, 1e30], "float32"))
    c.add("spacing/int32", "spacing", arr([1, 1000], "int32"))

    # --- more argument forms -------------------------------------------------------------------------
    c.add("nan_to_num/copy-false", "nan_to_num", arr([float("nan"), 1.5, float("inf")]), copy=False)
    c.add("nan_to_num/copy-false-int", "nan_to_num", arr([1, 2], "int32"), copy=False)
    c.add("nan_to_num/neg-only", "nan_to_num", arr([float("-inf"), float("nan")], "float32"), neginf=-1.5)
    c.add("clip/out-positional", "clip", arr([0.5, 1.5, 2.5]), 1.25, 2.25, arr([0.0, 0.0, 0.0]))
    c.add("clip/float32-weak", "clip", arr([0.5, 1.5, 2.5], "float32"), 0.75, 2.25)
    c.add("clip/uint8-max-only-big", "clip", arr([0, 5, 255], "uint8"), None, 1000)
    c.add("clip/int8-both-past", "clip", arr([-5, 5], "int8"), -1000, 1000)
    c.add("clip/int8-min-past-max", "clip", arr([-5, 5], "int8"), 300, 3)
    c.add("round/kw-out", "round", arr([1.25, 2.35]), decimals=1, out=arr([0.0, 0.0], "float32"))
    c.add("where/list-cond", "where", [True, False, True], [1, 2, 3], [4.5, 5.5, 6.5])
    c.add("array_equal/lists", "array_equal", [[1, 2], [3, 4]], [[1, 2], [3, 4]])
    c.add("allclose/rtol", "allclose", arr([100.0, 200.0]), arr([101.0, 202.0]), rtol=0.011)
    c.add("isclose/atol-only", "isclose", arr([0.0, 1e-3]), arr([1e-9, 0.0]), atol=1e-6, rtol=0.5)
    c.add("isclose/inf", "isclose", arr([float("inf"), float("-inf"), float("inf")]), arr([float("inf"), float("inf"), 1e308]))

    # --- reduce where= and more error forms -----------------------------------------------------------
    a23 = [[1.5, 5.5, 3.5], [4.5, 2.5, 6.5]]
    c.add("reduce/where-no-identity", "maximum.reduce", arr(a23), where=arr([True, False, True]))
    c.add("reduce/where-initial", "maximum.reduce", arr(a23), axis=1, where=arr([True, False, True]), initial=-1)
    c.add("reduce/where-add", "add.reduce", arr(a23), axis=1, where=arr([True, False, True]))
    c.add("reduce/where-add-none-initial", "add.reduce", arr(a23), axis=None, where=arr([True, False, True]), initial=10)
    c.add("reduce/where-multiply-list", "multiply.reduce", arr(a23), axis=0, where=[[True], [False]])
    c.add("args/out-both", "add", arr([1.5, 2.5]), 1, arr([0.0, 0.0]), out=arr([0.0, 0.0]))
    c.add("where/int-mask-error", "add", arr([1.5, 2.5]), 1, out=arr([0.0, 0.0]), where=arr([1, 0], "int64"))
    c.add("accumulate/scalar-error", "add.accumulate", arr(5, "int64"))
    c.add("divmod/positional-outs", "divmod", arr([7.5, -7.5]), 2, arr([0.0, 0.0]), arr([0.0, 0.0]))

    # --- output layout: NumPy's trivial loop (all C or all F, no cast) vs nditer's K order ---------------
    m2312 = np.arange(12).reshape(2, 3, 1, 2).tolist()
    c.add("alloc/F-size1-unary", "absolute", arr(m2312, "int32", "T"))
    c.add("alloc/F-size1-binary", "add", arr(m2312, "int64", "T"), arr(m2312, "int64", "T"))
    c.add("alloc/F-size1-0d-cast", "less", arr([[[1.5]], [[2.5]], [[3.5]], [[4.5]]], "float64", ("transpose", [2, 1, 0])), arr(3, "int32"))
    c.add("alloc/F-size1-weak", "multiply", arr(np.arange(8).reshape(2, 4, 1).tolist(), "float64", ("transpose", [1, 2, 0])), 2)
    c.add("alloc/F-cast-K", "sqrt", arr(np.ones((2, 1, 3)).tolist(), "int16", "F"))
    c.add("alloc/F-mixed-dtypes-K", "add", arr(m2312, "int16", "T"), arr(m2312, "int32", "T"))
    c.add("alloc/C-and-F-K", "add", arr(m2312, "int64", "T"), arr(np.arange(12).reshape(2, 1, 3, 2).tolist(), "int64"))
    c.add("alloc/where-K", "add", arr(m2312, "float64", "T"), 1, out=arr(np.zeros((2, 1, 3, 2)).tolist()), where=True)
    # NumPy's logical promoter: mixed DTypes (a Python scalar is its own DType) run the bool loop,
    # so the int/float input is cast and the output takes nditer's K order (found by the fuzz)
    c.add("alloc/logical-weak-int-cast-K", "logical_and", arr(np.arange(4).reshape(1, 1, 2, 2).tolist(), "int8", "T"), 7)
    c.add("alloc/logical-weak-float-cast-K", "logical_or", arr(np.arange(4).reshape(1, 1, 2, 2).tolist(), "float64", "T"), 0.5)
    c.add("alloc/logical-mixed-arrays-K", "logical_xor", arr(m2312, "int16", "T"), arr(m2312, "int32", "T"))
    c.add("alloc/logical-same-dtype-F", "logical_and", arr(m2312, "int16", "T"), arr(m2312, "int16", "T"))
    c.add("alloc/logical-bool-weak-F", "logical_and", arr([[[[True]]], [[[False]]], [[[True]]]], "bool", "T"), -1)
    c.add("logical/mixed-casting-no", "logical_and", arr([1, 0, 2], "int8"), arr([3, 3, 0], "int16"), casting="no")
    c.add("logical/weak-float-nan", "logical_and", arr([1.5, 0.0]), float("nan"))
    # NumPy 2 compares with an out-of-range Python int in the array's own loop (no cast: trivial F)
    c.add("alloc/compare-out-of-range-F", "greater_equal", arr(np.arange(15).reshape(5, 1, 3).tolist(), "uint8", "T"), -1)
    c.add("alloc/compare-out-of-range-int8-F", "less", arr(np.arange(12).reshape(2, 3, 1, 2).tolist(), "int8", "T"), 1000)
    c.add("clip/promote-sequence", "clip", arr([1, 9], "uint16"), arr([2, 2], "int16"), arr([3.5, 3.5], "float32"))
    c.add("where/promote-sequence", "where", arr([True, False]), arr([1, 2], "uint16"), arr([3.5, 4.5], "float32"))
