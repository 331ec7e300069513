"""Core: array construction, dtype inference, astype, tolist-free metadata."""
from common import arr
import numpy as np


def cases(c):
    c.add("array/int-list", "array", [[1, 2, 3], [4, 5, 6]])
    c.add("array/float-list", "array", [[1.5, 2.5], [3.5, 4.5]])
    c.add("array/bool-list", "array", [True, False, True])
    c.add("array/dtype-int8", "array", [1, 2, 3], dtype="int8")
    c.add("array/dtype-float32", "array", [1.5, 2.25], dtype="float32")
    c.add("array/ragged", "array", [[1, 2], [3]])
    c.add("array/ragged-deep", "array", [[[1, 2], [3, 4]], [[5, 6], [7]]])
    c.add("array/overflow-int8", "array", [300], dtype="int8")
    c.add("array/overflow-uint8-neg", "array", [-1], dtype="uint8")
    c.add("array/empty", "array", [])
    c.add("array/ndmin", "array", [1, 2], ndmin=3)
    c.add("array/bad-dtype", "array", [1, 2], dtype="floot64")
    for src in ["int8", "int64", "uint8", "float32", "float64", "bool", "uint64", "int32"]:
        for dst in ["int8", "int16", "int64", "uint8", "uint32", "float32", "float64", "bool", "uint64"]:
            data = [0, 1, 2, 127] if src != "bool" else [True, False, True, True]
            if src.startswith("float"):
                data = [0.5, -1.75, 3.25, 126.5]
            c.add(f"astype/{src}->{dst}", None, arr(data, src), dst, method="astype")
    c.add("astype/transposed-keeps-F", None, arr([[1, 2, 3], [4, 5, 6]], "int32", "T"), "float64", method="astype")
    c.add("astype/same_kind-error", None, arr([1.5, 2.5]), "int32", method="astype", casting="same_kind")
    c.add("astype/safe-ok", None, arr([1, 2], "int8"), "int16", method="astype", casting="safe")
    c.add("copy/T", None, arr([[1, 2, 3], [4, 5, 6]], "int64", "T"), method="copy")
    # float -> int casts past the range as NumPy's (x86) contiguous loops: a 32-bit cvttsd2si for
    # 8/16/32-bit targets (INT32_MIN, low bits 0), the 2^31 / 2^63 split for uint32 / uint64 (fuzz)
    edge = [float("nan"), float("inf"), float("-inf"), -1.5, 300.7, -129.5, 3e9, 1e20, -1e20, 1.9e19, 9.3e18, -2147483649.5, 4294967296.5, 65536.5, 32768.5]
    for dst in ["int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64"]:
        c.add(f"astype/edge-float64->{dst}", None, arr(edge, "float64"), dst, method="astype")
        c.add(f"astype/edge-float32->{dst}", None, arr(edge, "float32"), dst, method="astype")
    # astype order='K' of non-contiguous arrays: NumPy's sorted stride permutation (broadcast = innermost)
    c.add("astype/K-broadcast", None, arr([[1.5, 2.5, 3.5]], "float64", ("broadcast_to", [2, 3])), "int32", method="astype")
    c.add("astype/K-transposed-slice", None, arr(np.arange(12).reshape(3, 4).tolist(), "int64", ["T", ("get", "::2")]), "int32", method="astype")
    c.add("astype/K-permuted", None, arr(np.arange(12).reshape(2, 2, 3).tolist(), "int64", [("get", ":, :1, ::2"), ("transpose", [2, 0, 1])]), "float32", method="astype")
