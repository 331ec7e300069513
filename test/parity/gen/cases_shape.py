"""Shape and memory layout: reshape's no-copy rule, ravel/flatten, transpose, axis moves,
broadcast views, joining, splitting, tiling, flipping. Every array result records strides,
flags and memory sharing with the first input, so views vs copies are checked exactly."""
import numpy as np
from common import arr

A24 = list(range(24))
M34 = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]


def a234(dtype="int64", view=None):
    return arr(np.arange(24).reshape(2, 3, 4).tolist(), dtype, view)


def sources():
    """Named sources with many layouts (C, F, transposed, sliced, negative, broadcast, empty, 0-d)."""
    return {
        "c1d": arr(A24, "float64"),
        "c234": a234(),
        "f234": a234("int32", "F"),
        "t234": a234("int64", "T"),
        "tr102": a234("float32", [("transpose", [1, 0, 2])]),
        "col": arr(M34, "int64", [("get", ":, 1:2")]),
        "step2": a234("float64", [("get", ":, :, ::2")]),
        "rows2": a234("int16", [("get", ":, ::2")]),
        "neg": a234("int64", [("get", "::-1")]),
        "neglast": a234("uint8", [("get", ":, :, ::-1")]),
        "bcast": arr([1.5, 2.5, 3.5, 4.5], "float64", [("broadcast_to", [3, 4])]),
        "bcast0": arr([[1], [2], [3]], "int32", [("broadcast_to", [3, 4])]),
        "empty03": arr(np.zeros((0, 3)).tolist(), "float64"),
        "empty203": arr(np.zeros((2, 0, 3)).tolist(), "int64"),
        "scalar0d": arr(7, "int64"),
        "bool": arr([[True, False, True], [False, True, True]], "bool"),
        "ones1": arr([[[5]]], "float64"),
        "sing": arr(np.arange(12).reshape(3, 1, 4).tolist(), "int8", [("get", ":, :, 1:3")]),
    }


def cases(c):
    S = sources()
    # ---- reshape: no-copy rule across layouts ----
    shapes = {
        "c1d": [[4, 6], [2, 3, 4], [-1, 8], [24], [1, 24, 1], [6, -1, 2]],
        "c234": [[6, 4], [24], [-1], [4, 3, 2], [2, 12], [3, 8], [2, 3, 2, 2], [1, 2, 1, 12]],
        "f234": [[6, 4], [24], [2, 12], [4, 6]],
        "t234": [[12, 2], [-1], [4, 6], [4, 3, 2], [2, 2, 3, 2]],
        "tr102": [[3, 8], [6, 4], [3, 2, 2, 2], [-1]],
        "col": [[3], [1, 3], [3, 1, 1]],
        "step2": [[2, 3, 2], [6, 2], [2, 6], [12], [2, 3, 2, 1], [1, 2, 3, 2]],
        "rows2": [[4, 4], [2, 8], [2, 2, 4], [2, 2, 2, 2]],
        "neg": [[6, 4], [2, 12], [24], [2, 3, 2, 2]],
        "neglast": [[6, 4], [2, 12], [24], [3, 2, 4]],
        "bcast": [[12], [3, 2, 2], [6, 2], [3, 4, 1]],
        "bcast0": [[12], [3, 2, 2], [6, 2]],
        "empty03": [[3, 0], [0, -1, 5], [0], [0, 3, 1]],
        "empty203": [[3, 0, 2], [0], [6, 0], [0, 6]],
        "scalar0d": [[1], [1, 1], []],
        "bool": [[3, 2], [6]],
        "ones1": [[1], [], [1, 1, 1, 1]],
        "sing": [[3, 2], [6], [3, 1, 2, 1]],
    }
    for name, lst in shapes.items():
        for sh in lst:
            sid = "x".join(str(d) for d in sh) or "0d"
            c.add(f"reshape/{name}/{sid}", None, S[name], sh, method="reshape")
            if len(sh) > 1 and name in ("c234", "f234", "t234", "step2", "neg", "bcast"):
                c.add(f"reshape/{name}/{sid}-F", None, S[name], sh, method="reshape", order="F")
                c.add(f"reshape/{name}/{sid}-A", None, S[name], sh, method="reshape", order="A")
    # positional forms
    c.add("reshape/fn-positional-order", "reshape", S["c234"], [4, 6], "F")
    c.add("reshape/fn-kw", "reshape", S["t234"], [6, 4], order="C")
    c.add("reshape/int-arg", None, S["c1d"], 24, method="reshape")
    c.add("reshape/same-shape-view", None, S["step2"], [2, 3, 2], method="reshape")
    c.add("reshape/same-shape-copy-true", None, S["step2"], [2, 3, 2], method="reshape", copy=True)
    c.add("reshape/copy-true-c", None, S["c234"], [6, 4], method="reshape", copy=True)
    c.add("reshape/copy-true-F", None, S["c234"], [6, 4], method="reshape", copy=True, order="F")
    c.add("reshape/copy-false-ok", None, S["step2"], [6, 2], method="reshape", copy=False)
    c.add("reshape/copy-false-ok-T", None, S["t234"], [4, 6], method="reshape", copy=False, order="F")
    c.add("reshape/copy-false-bcast-ok", None, S["bcast"], [3, 2, 2], method="reshape", copy=False)
    # errors
    c.add("reshape/err-size", None, S["c1d"], [5], method="reshape")
    c.add("reshape/err-size-2d", None, S["c1d"], [5, 5], method="reshape")
    c.add("reshape/err-unknown-msg", None, S["c1d"], [-1, 5], method="reshape")
    c.add("reshape/err-two-unknown", None, S["c1d"], [-1, -1], method="reshape")
    c.add("reshape/err-zero-unknown", None, S["c1d"], [0, -1], method="reshape")
    c.add("reshape/err-empty-unknown", None, S["empty03"], [0, -1], method="reshape")
    c.add("reshape/err-order-K", None, S["c234"], [6, 4], method="reshape", order="K")
    c.add("reshape/err-order-bad", None, S["c234"], [6, 4], method="reshape", order="X")
    c.add("reshape/err-copy-false-T", None, S["t234"], [24], method="reshape", copy=False)
    c.add("reshape/err-copy-false-step", None, S["step2"], [12], method="reshape", copy=False)
    c.add("reshape/err-copy-false-bcast", None, S["bcast"], [12], method="reshape", copy=False)
    c.add("reshape/err-float-item", None, S["c1d"], [4, 6.5], method="reshape")
    c.add("reshape/err-float-shape", None, S["c1d"], 2.5, method="reshape")
    c.add("reshape/err-str-item", None, S["c1d"], [4, "a"], method="reshape")
    c.add("reshape/neg-other", None, S["c1d"], [3, -2], method="reshape")
