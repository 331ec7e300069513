"""Shape and memory layout: reshape's no-copy rule, ravel/flatten, transpose, axis moves,
broadcast views, joining, splitting, tiling, flipping. Every array result records strides,
flags and memory sharing with the first input, so views vs copies are checked exactly."""
import numpy as np
from common import arr, random_view_ops

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

    # ---- ravel / flatten ----
    for name in ["c234", "f234", "t234", "tr102", "col", "step2", "neg", "neglast", "bcast", "empty203", "scalar0d", "sing", "ones1"]:
        for order in ["C", "F", "A", "K"]:
            c.add(f"ravel/{name}/{order}", "ravel", S[name], order)
        c.add(f"ravel/{name}/method", None, S[name], method="ravel")
        c.add(f"flatten/{name}", None, S[name], method="flatten")
    c.add("flatten/t234-K", None, S["t234"], "K", method="flatten")
    c.add("flatten/t234-F", None, S["t234"], "F", method="flatten")
    c.add("flatten/neg-K", None, S["neg"], order="K", method="flatten")
    c.add("ravel/err-order", "ravel", S["c234"], "Z")
    # ---- transpose / swapaxes / moveaxis ----
    for name in ["c234", "f234", "neg", "step2", "bcast", "scalar0d", "empty203"]:
        c.add(f"transpose/{name}/default", "transpose", S[name])
        c.add(f"T-method/{name}", None, S[name], method="transpose")
    c.add("transpose/axes-list", "transpose", S["c234"], [1, 0, 2])
    c.add("transpose/axes-kw", "transpose", S["neg"], axes=[2, 0, 1])
    c.add("transpose/method-spread", None, S["c234"], 1, 0, 2, method="transpose")
    c.add("transpose/method-list", None, S["tr102"], [2, 1, 0], method="transpose")
    c.add("transpose/method-neg-axes", None, S["c234"], -1, 0, 1, method="transpose")
    c.add("transpose/err-len", "transpose", S["c234"], [1, 0])
    c.add("transpose/err-axis", "transpose", S["c234"], [1, 0, 3])
    c.add("transpose/err-repeat", "transpose", S["c234"], [1, 1, 0])
    c.add("swapaxes/c234", "swapaxes", S["c234"], 0, 2)
    c.add("swapaxes/neg-axes", "swapaxes", S["f234"], -1, -3)
    c.add("swapaxes/method", None, S["step2"], 1, 2, method="swapaxes")
    c.add("swapaxes/err-axis2", "swapaxes", S["c234"], 0, 3)
    c.add("swapaxes/err-axis1", "swapaxes", S["c234"], -4, 0)
    c.add("moveaxis/int", "moveaxis", S["c234"], 0, -1)
    c.add("moveaxis/list", "moveaxis", S["c234"], [0, 1], [-1, -2])
    c.add("moveaxis/f", "moveaxis", S["f234"], 2, 0)
    c.add("moveaxis/neg", "moveaxis", S["neg"], [2, 0], [0, 1])
    c.add("moveaxis/err-len", "moveaxis", S["c234"], [0, 1], [0])
    c.add("moveaxis/err-axis", "moveaxis", S["c234"], 3, 0)
    c.add("moveaxis/err-dest-axis", "moveaxis", S["c234"], 0, 5)
    c.add("moveaxis/err-repeat", "moveaxis", S["c234"], [0, 0], [1, 2])
    c.add("rollaxis/basic", "rollaxis", S["c234"], 2)
    c.add("rollaxis/start", "rollaxis", S["c234"], 0, 2)
    # ---- squeeze / expand_dims / atleast ----
    sq = arr(np.arange(6).reshape(1, 2, 1, 3).tolist(), "float64")
    sqT = arr(np.arange(6).reshape(1, 2, 1, 3).tolist(), "int32", "T")
    c.add("squeeze/all", "squeeze", sq)
    c.add("squeeze/all-T", "squeeze", sqT)
    c.add("squeeze/axis", "squeeze", sq, 2)
    c.add("squeeze/axis-tuple", "squeeze", sq, axis=(0, 2))
    c.add("squeeze/method", None, sqT, method="squeeze")
    c.add("squeeze/method-axis", None, sq, 0, method="squeeze")
    c.add("squeeze/ones1", "squeeze", S["ones1"])
    c.add("squeeze/0d", "squeeze", S["scalar0d"])
    c.add("squeeze/err-size", "squeeze", sq, 1)
    c.add("squeeze/err-axis", "squeeze", sq, 4)
    c.add("expand_dims/0", "expand_dims", S["c234"], 0)
    c.add("expand_dims/last", "expand_dims", S["c234"], -1)
    c.add("expand_dims/tuple", "expand_dims", S["c234"], [0, 4])
    c.add("expand_dims/T", "expand_dims", S["t234"], 1)
    c.add("expand_dims/step", "expand_dims", S["step2"], [1, 3])
    c.add("expand_dims/0d", "expand_dims", S["scalar0d"], 0)
    c.add("expand_dims/err-axis", "expand_dims", S["c234"], 4)
    c.add("expand_dims/err-repeat", "expand_dims", S["c234"], [0, 0])
    for name in ["scalar0d", "c1d", "neglast", "c234", "col", "t234"]:
        for fn in ["atleast_1d", "atleast_2d", "atleast_3d"]:
            c.add(f"{fn}/{name}", fn, S[name])
    c.add("atleast_2d/1d-neg", "atleast_2d", arr([1, 2, 3], "int64", [("get", "::-1")]))
    c.add("atleast_3d/2d-T", "atleast_3d", arr(M34, "float32", "T"))
    c.add("atleast_1d/multi", "atleast_1d", arr(3, "int64"), arr([1, 2], "int64"))
    # ---- broadcast_to / broadcast_arrays / broadcast_shapes ----
    c.add("broadcast_to/row", "broadcast_to", arr([1, 2, 3], "int64"), [4, 3])
    c.add("broadcast_to/col", "broadcast_to", arr([[1], [2]], "float32"), [2, 5])
    c.add("broadcast_to/same", "broadcast_to", arr(M34, "int64"), [3, 4])
    c.add("broadcast_to/scalar", "broadcast_to", arr(5, "int8"), [2, 3])
    c.add("broadcast_to/int-shape", "broadcast_to", arr([7], "int64"), 4)
    c.add("broadcast_to/T", "broadcast_to", arr(M34, "int64", "T"), [2, 4, 3])
    c.add("broadcast_to/neg", "broadcast_to", arr([1, 2, 3], "int64", [("get", "::-1")]), [2, 3])
    c.add("broadcast_to/ones", "broadcast_to", arr([[1.5]], "float64"), [1, 1])
    c.add("broadcast_to/empty", "broadcast_to", arr([1.5], "float64"), [0, 1])
    c.add("broadcast_to/err", "broadcast_to", arr([1, 2, 3], "int64"), [4, 2])
    c.add("broadcast_to/err-nd", "broadcast_to", arr(M34, "int64"), [4])
    c.add("broadcast_to/err-neg", "broadcast_to", arr(M34, "int64"), [-1, 4])
    c.add("broadcast_to/err-2d", "broadcast_to", arr(M34, "int64"), [3, 3])
    c.add("broadcast_arrays/two", "broadcast_arrays", arr(M34, "int64"), arr([1, 2, 3, 4], "int64"))
    c.add("broadcast_arrays/col-row", "broadcast_arrays", arr([[1], [2]], "float64"), arr([1, 2, 3], "int32"))
    c.add("broadcast_arrays/bcast-src", "broadcast_arrays", arr([1.5, 2.5, 3.5, 4.5], "float64", [("broadcast_to", [3, 4])]), arr([[1], [2], [3]], "int64"))
    c.add("broadcast_arrays/three", "broadcast_arrays", arr(1, "int64"), arr([1, 2], "int64"), arr([[1], [2], [3]], "int64"))
    c.add("broadcast_arrays/err", "broadcast_arrays", arr(M34, "int64"), arr([1, 2, 3], "int64"))
    c.add("broadcast_shapes/basic", "broadcast_shapes", [3, 1], [4])
    c.add("broadcast_shapes/int", "broadcast_shapes", 5, [2, 1])
    c.add("broadcast_shapes/three", "broadcast_shapes", [1, 2], [3, 1], [3, 2])
    c.add("broadcast_shapes/empty", "broadcast_shapes", [0, 1], [3])
    c.add("broadcast_shapes/err", "broadcast_shapes", [3], [4])
    c.add("broadcast_shapes/err3", "broadcast_shapes", [2, 3], [3], [4])
    c.add("broadcast_shapes/err-mid", "broadcast_shapes", [5, 1, 3], [1, 4, 1], [2, 1, 1])

    # ---- concatenate ----
    A = arr(M34, "int64")
    B = arr([[13, 14, 15, 16]], "int64")
    AT = arr(M34, "float64", "T")
    c.add("concatenate/axis0", "concatenate", [A, B])
    c.add("concatenate/axis1", "concatenate", [A, arr([[0], [0], [0]], "int64")], 1)
    c.add("concatenate/axis-kw", "concatenate", [A, A], axis=-1)
    c.add("concatenate/none", "concatenate", [A, AT], axis=None)
    c.add("concatenate/none-T", "concatenate", [AT, AT], None)
    c.add("concatenate/promote", "concatenate", [arr([1, 2], "int8"), arr([3, 4], "uint8")])
    c.add("concatenate/promote-float", "concatenate", [arr([1, 2], "int32"), arr([0.5], "float32")])
    c.add("concatenate/bool-int", "concatenate", [arr([True], "bool"), arr([3], "int16")])
    c.add("concatenate/T-T", "concatenate", [AT, AT])
    c.add("concatenate/T-T-axis1", "concatenate", [AT, AT], 1)
    c.add("concatenate/T-C", "concatenate", [AT, arr(np.ones((4, 3)).tolist(), "float64")], 1)
    c.add("concatenate/C-T", "concatenate", [arr(np.ones((4, 3)).tolist(), "float64"), AT], 1)
    c.add("concatenate/F-F", "concatenate", [a234("float64", "F"), a234("float64", "F")], 1)
    c.add("concatenate/neg", "concatenate", [S["neg"], S["neg"]], 2)
    c.add("concatenate/bcast", "concatenate", [S["bcast"], S["bcast"]])
    c.add("concatenate/empty", "concatenate", [S["empty03"], S["empty03"]])
    c.add("concatenate/empty-mixed", "concatenate", [S["empty03"], arr([[1.5, 2.5, 3.5]])])
    c.add("concatenate/single", "concatenate", [S["t234"]])
    c.add("concatenate/tr", "concatenate", [S["tr102"], S["tr102"]], 2)
    c.add("concatenate/dtype", "concatenate", [A, A], dtype="float32")
    c.add("concatenate/dtype-unsafe", "concatenate", [arr([1.5, 2.5]), arr([3.5])], dtype="int64", casting="unsafe")
    c.add("concatenate/lists", "concatenate", [[1, 2], [3]])
    c.add("concatenate/err-shape", "concatenate", [A, arr([[1, 2], [3, 4]], "int64")])
    c.add("concatenate/err-shape-axis1", "concatenate", [A, B], 1)
    c.add("concatenate/err-ndim", "concatenate", [A, arr([1, 2, 3, 4], "int64")])
    c.add("concatenate/err-0d", "concatenate", [arr(1), arr(2)])
    c.add("concatenate/err-empty", "concatenate", [])
    c.add("concatenate/err-axis", "concatenate", [A, A], 2)
    c.add("concatenate/err-cast", "concatenate", [arr([1.5]), arr([2.5])], dtype="int64")
    c.add("concatenate/err-cast-none", "concatenate", [arr([1.5]), arr([2.5])], axis=None, dtype="int32")
    # ---- stack family ----
    v1 = arr([1, 2, 3], "int64")
    v2 = arr([4, 5, 6], "int64")
    c.add("stack/0", "stack", [v1, v2])
    c.add("stack/1", "stack", [v1, v2], 1)
    c.add("stack/neg", "stack", [v1, v2], axis=-1)
    c.add("stack/2d", "stack", [A, A], 1)
    c.add("stack/T", "stack", [AT, AT])
    c.add("stack/T-axis2", "stack", [AT, AT], axis=2)
    c.add("stack/F", "stack", [a234("int8", "F"), a234("int8", "F")], 3)
    c.add("stack/0d", "stack", [arr(1), arr(2), arr(3)])
    c.add("stack/dtype", "stack", [v1, v2], dtype="float64")
    c.add("stack/err-shape", "stack", [v1, arr([1, 2])])
    c.add("stack/err-empty", "stack", [])
    c.add("stack/err-axis", "stack", [v1, v2], 2)
    c.add("vstack/1d", "vstack", [v1, v2])
    c.add("vstack/2d", "vstack", [A, B])
    c.add("vstack/0d", "vstack", [arr(1), arr(2)])
    c.add("vstack/T", "vstack", [AT, AT])
    c.add("vstack/err", "vstack", [v1, arr([1, 2])])
    c.add("hstack/1d", "hstack", [v1, v2])
    c.add("hstack/2d", "hstack", [A, arr([[0], [0], [0]], "int64")])
    c.add("hstack/0d", "hstack", [arr(1), arr(2)])
    c.add("hstack/T", "hstack", [AT, AT])
    c.add("hstack/err", "hstack", [A, B])
    c.add("dstack/1d", "dstack", [v1, v2])
    c.add("dstack/2d", "dstack", [A, A])
    c.add("dstack/3d", "dstack", [a234(), a234()])
    c.add("column_stack/1d", "column_stack", [v1, v2])
    c.add("column_stack/mixed", "column_stack", [arr([[1, 2], [3, 4], [5, 6]], "int64"), v1])
    c.add("column_stack/neg", "column_stack", [arr([1, 2, 3], "int64", [("get", "::-1")]), v2])
    c.add("column_stack/err", "column_stack", [v1, arr([1, 2])])
    # ---- split family ----
    c.add("split/equal", "split", arr(list(range(9))), 3)
    c.add("split/indices", "split", arr(list(range(9))), [2, 5])
    c.add("split/indices-neg", "split", arr(list(range(9))), [-3, 20])
    c.add("split/indices-unsorted", "split", arr(list(range(9))), [5, 2])
    c.add("split/2d-axis1", "split", arr(M34), 2, 1)
    c.add("split/2d-axis-kw", "split", arr(M34), 3, axis=0)
    c.add("split/T", "split", AT, 2)
    c.add("split/neg", "split", S["neg"], [1], 2)
    c.add("split/err-unequal", "split", arr(list(range(7))), 3)
    c.add("split/err-zero", "array_split", arr(list(range(7))), 0)
    c.add("array_split/unequal", "array_split", arr(list(range(7))), 3)
    c.add("array_split/more-than-len", "array_split", arr(list(range(3))), 5)
    c.add("array_split/2d", "array_split", arr(M34), 3, 1)
    c.add("array_split/empty", "array_split", S["empty03"], 2)
    c.add("hsplit/2d", "hsplit", arr(M34), 2)
    c.add("hsplit/1d", "hsplit", arr(list(range(6))), 3)
    c.add("hsplit/idx", "hsplit", arr(M34), [1, 3])
    c.add("hsplit/err-0d", "hsplit", arr(1), 2)
    c.add("vsplit/2d", "vsplit", arr(M34), 3)
    c.add("vsplit/err-1d", "vsplit", arr([1, 2, 3, 4]), 2)
    c.add("dsplit/3d", "dsplit", a234(), 2)
    c.add("dsplit/err-2d", "dsplit", arr(M34), 2)
    # ---- repeat / tile / resize ----
    c.add("repeat/flat", "repeat", arr(M34), 2)
    c.add("repeat/axis0", "repeat", arr(M34), 2, 0)
    c.add("repeat/axis1-list", "repeat", arr(M34), [1, 0, 2, 1], axis=1)
    c.add("repeat/T", "repeat", AT, 2, 1)
    c.add("repeat/method", None, arr(M34), 3, method="repeat")
    c.add("repeat/method-axis", None, arr(M34), [1, 2, 0], 0, method="repeat")
    c.add("repeat/0d", "repeat", arr(5), 3)
    c.add("repeat/zero", "repeat", arr([1, 2]), 0)
    c.add("repeat/single-list", "repeat", arr(M34), [2], axis=0)
    c.add("repeat/bool", "repeat", S["bool"], 2, axis=1)
    c.add("repeat/err-len", "repeat", arr(M34), [1, 2], axis=1)
    c.add("repeat/err-neg", "repeat", arr(M34), -1)
    c.add("repeat/err-axis", "repeat", arr(M34), 2, 2)
    c.add("tile/int", "tile", arr([1, 2, 3]), 2)
    c.add("tile/2d", "tile", arr([1, 2, 3]), [2, 2])
    c.add("tile/more-dims", "tile", arr(M34), [2, 1, 2])
    c.add("tile/fewer", "tile", a234(), 2)
    c.add("tile/ones-copy", "tile", arr(M34, "int64", "T"), [1, 1])
    c.add("tile/ones-ndmin", "tile", arr([1, 2]), [1, 1, 1])
    c.add("tile/zero", "tile", arr([1, 2]), 0)
    c.add("tile/T", "tile", AT, [2, 1])
    c.add("tile/err-neg", "tile", arr([1, 2]), -1)
    c.add("resize/grow", "resize", arr(M34), [4, 4])
    c.add("resize/shrink", "resize", arr(M34), 5)
    c.add("resize/T", "resize", AT, [2, 7])
    c.add("resize/empty", "resize", S["empty03"], [2, 2])
    c.add("resize/zero", "resize", arr(M34), [0, 3])
    c.add("resize/err-neg", "resize", arr(M34), [-1, 3])
    # ---- flip / roll / rot90 ----
    for name in ["c234", "f234", "neg", "step2", "bcast", "empty203", "c1d"]:
        c.add(f"flip/{name}/all", "flip", S[name])
        c.add(f"flip/{name}/0", "flip", S[name], 0)
    c.add("flip/tuple", "flip", S["c234"], (0, 2))
    c.add("flip/neg-axis", "flip", S["c234"], axis=-1)
    c.add("flip/err-axis", "flip", S["c234"], 3)
    c.add("fliplr/2d", "fliplr", arr(M34))
    c.add("fliplr/3d", "fliplr", S["c234"])
    c.add("fliplr/err", "fliplr", arr([1, 2, 3]))
    c.add("flipud/2d", "flipud", arr(M34))
    c.add("flipud/1d", "flipud", arr([1, 2, 3]))
    c.add("flipud/T", "flipud", AT)
    c.add("flipud/err", "flipud", arr(3))
    c.add("roll/flat", "roll", arr(M34), 1)
    c.add("roll/flat-neg", "roll", arr(M34), -5)
    c.add("roll/axis0", "roll", arr(M34), 1, 0)
    c.add("roll/axis1-big", "roll", arr(M34), 9, axis=1)
    c.add("roll/tuple", "roll", S["c234"], (1, 2), axis=(0, 2))
    c.add("roll/bcast-shift", "roll", S["c234"], (1, 2), axis=(1,))
    c.add("roll/bcast-axis", "roll", S["c234"], 1, axis=(1, 2))
    c.add("roll/T", "roll", S["t234"], 1, 0)
    c.add("roll/F", "roll", S["f234"], 2, 2)
    c.add("roll/neg", "roll", S["neg"], 1, 1)
    c.add("roll/T-flat", "roll", AT, 2)
    c.add("roll/bcast-src", "roll", S["bcast"], 1, 1)
    c.add("roll/empty", "roll", S["empty03"], 1, 0)
    c.add("roll/0d", "roll", S["scalar0d"], 1)
    c.add("roll/err-axis", "roll", arr(M34), 1, 2)
    c.add("roll/err-mismatch", "roll", S["c234"], (1, 2), axis=(0, 1, 2))
    c.add("rot90/k1", "rot90", arr(M34))
    c.add("rot90/k2", "rot90", arr(M34), 2)
    c.add("rot90/k3", "rot90", arr(M34), 3)
    c.add("rot90/k0", "rot90", arr(M34), 4)
    c.add("rot90/k-neg", "rot90", arr(M34), -1)
    c.add("rot90/axes", "rot90", S["c234"], 1, (1, 2))
    c.add("rot90/axes-rev", "rot90", S["c234"], axes=(2, 0))
    c.add("rot90/err-1d", "rot90", arr([1, 2]))
    c.add("rot90/err-same", "rot90", arr(M34), axes=(0, 0))
    c.add("rot90/err-range", "rot90", arr(M34), axes=(0, 2))
    c.add("rot90/err-len", "rot90", arr(M34), axes=(0, 1, 2))
    # ---- ascontiguousarray / asfortranarray ----
    for name in ["c234", "f234", "t234", "neg", "bcast", "scalar0d", "empty203", "col", "c1d"]:
        c.add(f"ascontiguousarray/{name}", "ascontiguousarray", S[name])
        c.add(f"asfortranarray/{name}", "asfortranarray", S[name])
    c.add("ascontiguousarray/dtype", "ascontiguousarray", S["c234"], dtype="float32")
    c.add("asfortranarray/dtype", "asfortranarray", S["f234"], dtype="int32")
    c.add("ascontiguousarray/list", "ascontiguousarray", [[1, 2], [3, 4]])
    # ---- append / insert / delete ----
    c.add("append/flat", "append", arr(M34), [[1, 2]])
    c.add("append/1d", "append", arr([1, 2]), 3)
    c.add("append/axis0", "append", arr(M34), arr([[0, 0, 0, 0]]), axis=0)
    c.add("append/promote", "append", arr([1, 2]), 2.5)
    c.add("append/err", "append", arr(M34), arr([[0, 0]]), axis=0)
    c.add("delete/int", "delete", arr([1, 2, 3, 4]), 1)
    c.add("delete/neg", "delete", arr([1, 2, 3, 4]), -1)
    c.add("delete/list", "delete", arr([1, 2, 3, 4, 5]), [0, 2])
    c.add("delete/axis0", "delete", arr(M34), 1, 0)
    c.add("delete/axis1", "delete", arr(M34), [0, 3], axis=1)
    c.add("delete/flat", "delete", arr(M34), 5)
    c.add("delete/F", "delete", arr(M34, "int64", "F"), 0, 1)
    c.add("delete/err", "delete", arr([1, 2, 3, 4]), 5)
    c.add("delete/err-list", "delete", arr([1, 2, 3, 4]), [1, 7])
    c.add("delete/mask", "delete", arr(M34), arr([True, False, True]), axis=0)
    c.add("delete/list-T", "delete", AT, [0, 1], axis=0)
    c.add("delete/list-neg", "delete", arr(M34), [-1, 0], 1)
    c.add("delete/one-list", "delete", arr(M34), [2], 1)
    c.add("insert/int", "insert", arr([1, 2, 3]), 1, 9)
    c.add("insert/end", "insert", arr([1, 2, 3]), 3, 9)
    c.add("insert/neg", "insert", arr([1, 2, 3]), -1, 9)
    c.add("insert/list", "insert", arr([1, 2, 3]), [0, 2], [7, 8])
    c.add("insert/axis0", "insert", arr(M34), 1, 0, axis=0)
    c.add("insert/axis1-row", "insert", arr(M34), 2, arr([7, 8, 9]), axis=1)
    c.add("insert/flat", "insert", arr(M34), 2, 0)
    c.add("insert/cast", "insert", arr([1, 2, 3]), 1, 2.5)
    c.add("insert/err", "insert", arr([1, 2, 3]), 5, 9)
    c.add("insert/err-list", "insert", arr([1, 2, 3]), [0, 9], [1, 2])
    c.add("insert/one-list-axis1", "insert", arr(M34), [1], arr([7, 8, 9]), axis=1)
    c.add("insert/list-axis1", "insert", arr(M34), [0, 4], 0, axis=1)
    c.add("insert/F", "insert", arr(M34, "int64", "F"), 1, 5, axis=0)

    random_layouts(c)
    random_layouts2(c)
    random_pairs(c)
    bad_args(c)
    out_cases(c)
    api2_cases(c)
    pad_cases(c)
    trim_cases(c)


SLICES = [":", ":", "::2", "::-1", "1:", ":-1", "::-2", "1::2"]


def rand_source(rng, max_nd=4):
    """A random array with a random chain of view ops (transpose, slices, broadcast)."""
    nd = rng.randint(1, max_nd)
    shape = [rng.randint(1, 4) for _ in range(nd)]
    dtype = rng.choice(["int64", "float64", "int32", "uint8", "float32", "int16"])
    data = np.arange(int(np.prod(shape))).reshape(shape).tolist()
    ops, cur = random_view_ops(rng, shape, ["T", "transpose", "get", "get", "bcast"], SLICES)
    return arr(data, dtype, ops), cur


def rand_factor(rng, n):
    """A random shape whose product is n (with occasional 1s and one -1)."""
    dims = []
    rest = n
    while rest > 1 and len(dims) < 4:
        divs = [d for d in range(2, rest + 1) if rest % d == 0]
        d = rng.choice(divs)
        dims.append(d)
        rest //= d
    if rest > 1:
        dims[-1] *= rest
    for _ in range(rng.randint(0, 2)):
        dims.insert(rng.randint(0, len(dims)), 1)
    if dims and rng.random() < 0.3:
        dims[rng.randrange(len(dims))] = -1
    return dims


def random_layouts(c):
    import random

    rng = random.Random(20261126)
    for i in range(160):
        src, shape = rand_source(rng)
        n = int(np.prod(shape))
        target = rand_factor(rng, n)
        order = rng.choice(["C", "C", "F", "A"])
        c.add(f"rand/reshape/{i}", None, src, target, method="reshape", order=order)
    for i in range(50):
        src, _ = rand_source(rng)
        order = rng.choice(["C", "F", "A", "K"])
        c.add(f"rand/ravel/{i}", "ravel", src, order)
    for i in range(30):
        src, _ = rand_source(rng)
        c.add(f"rand/copy-K/{i}", "copy", src)
        c.add(f"rand/zeros_like/{i}", "zeros_like", src)
    for i in range(30):
        src, shape = rand_source(rng, 3)
        ax = rng.randrange(len(shape))
        c.add(f"rand/concatenate/{i}", "concatenate", [src, src], ax)
        c.add(f"rand/stack/{i}", "stack", [src, src], rng.randint(0, len(shape)))
    for i in range(30):
        src, shape = rand_source(rng, 4)
        if len(shape) >= 2:
            c.add(f"rand/tril/{i}", "tril", src, rng.randint(-1, 1))
        c.add(f"rand/roll/{i}", "roll", src, rng.randint(-3, 3), rng.randrange(len(shape)))
        c.add(f"rand/repeat/{i}", "repeat", src, 2, rng.randrange(len(shape)))


def bad_args(c):
    a = arr([[1, 2, 3], [4, 5, 6]], "int64")
    c.add("bad/repeat-float", "repeat", arr([1, 2, 3]), 1.5)
    c.add("bad/tile-float", "tile", arr([1, 2, 3]), 1.5)
    c.add("bad/roll-float", "roll", arr([1, 2, 3]), 1.5)
    c.add("bad/expand_dims-float", "expand_dims", arr([1, 2, 3]), 0.5)
    c.add("bad/squeeze-float", "squeeze", arr([[1, 2]]), 0.5)
    c.add("bad/flip-float", "flip", arr([1, 2, 3]), 0.5)
    c.add("bad/moveaxis-float", "moveaxis", a, 0.5, 0)
    c.add("bad/transpose-float", None, a, 0.5, 1, method="transpose")
    c.add("bad/swapaxes-float", "swapaxes", a, 0.5, 0)
    c.add("bad/concatenate-axis-float", "concatenate", [a], 0.5)
    c.add("bad/stack-axis-float", "stack", [a], 0.5)
    c.add("bad/broadcast_to-float", "broadcast_to", a, [2.5])
    c.add("bad/split-float", "split", arr([1, 2, 3, 4]), 1.5)
    c.add("bad/zeros_like-neg-shape", "zeros_like", a, shape=[-1])
    c.add("bad/reshape-bool-shape", None, a, True, method="reshape")


def random_layouts2(c):
    """A second seeded batch: every view-producing function over random layouts."""
    import random

    rng = random.Random(7)
    for i in range(60):
        src, shape = rand_source(rng)
        nd = len(shape)
        c.add(f"rand2/copy-{i}", "copy", src, order=rng.choice(["C", "F", "A", "K"]))
        c.add(f"rand2/ones_like-{i}", "ones_like", src, order=rng.choice(["C", "F", "A", "K"]))
        c.add(f"rand2/ascontiguousarray-{i}", "ascontiguousarray", src)
        c.add(f"rand2/asfortranarray-{i}", "asfortranarray", src)
        c.add(f"rand2/flip-{i}", "flip", src, rng.randrange(nd))
        c.add(f"rand2/moveaxis-{i}", "moveaxis", src, rng.randrange(nd), rng.randrange(nd))
        c.add(f"rand2/expand_dims-{i}", "expand_dims", src, rng.randint(-nd - 1, nd))
        c.add(f"rand2/squeeze-{i}", "squeeze", src)
        c.add(f"rand2/tile-{i}", "tile", src, [rng.randint(1, 2) for _ in range(rng.randint(1, 3))])
        c.add(f"rand2/array_split-{i}", "array_split", src, rng.randint(1, 3), rng.randrange(nd))
        c.add(f"rand2/flatten-{i}", None, src, rng.choice(["C", "F", "A", "K"]), method="flatten")
        if nd >= 2:
            c.add(f"rand2/diagonal-{i}", "diagonal", src, rng.randint(-1, 1))
            c.add(f"rand2/rot90-{i}", "rot90", src, rng.randint(-2, 3))
            c.add(f"rand2/swapaxes-{i}", "swapaxes", src, 0, -1)
            c.add(f"rand2/triu-{i}", "triu", src, rng.randint(-1, 1))
        c.add(f"rand2/delete-{i}", "delete", src, 0, rng.randrange(nd))
        c.add(f"rand2/insert-{i}", "insert", src, 0, 7, axis=rng.randrange(nd))
        c.add(f"rand2/concat-none-{i}", "concatenate", [src, src], None)
        c.add(f"rand2/resize-{i}", "resize", src, [rng.randint(1, 4), rng.randint(1, 4)])


def random_pairs(c):
    """Seeded pairs of different layouts with the same shape: joining and broadcasting."""
    import random

    rng = random.Random(99)
    done = 0
    tries = 0
    while done < 40 and tries < 5000:
        tries += 1
        a, sa = rand_source(rng, 3)
        b, sb = rand_source(rng, 3)
        if sa != sb:
            continue
        nd = len(sa)
        c.add(f"pair/concatenate-{done}", "concatenate", [a, b], rng.randrange(nd))
        c.add(f"pair/stack-{done}", "stack", [a, b], rng.randint(0, nd))
        c.add(f"pair/vstack-{done}", "vstack", [a, b])
        c.add(f"pair/hstack-{done}", "hstack", [a, b])
        c.add(f"pair/dstack-{done}", "dstack", [a, b])
        c.add(f"pair/column_stack-{done}", "column_stack", [a, b])
        c.add(f"pair/broadcast_arrays-{done}", "broadcast_arrays", a, b)
        done += 1
    for i in range(30):
        a, sa = rand_source(rng, 3)
        target = [rng.randint(1, 3)] + [d if d != 1 else rng.choice([1, 2]) for d in sa]
        c.add(f"pair/broadcast_to-{i}", "broadcast_to", a, target)
        sb = [d if rng.random() < 0.5 else 1 for d in sa]
        b = arr(np.ones(sb).tolist(), "int8")
        c.add(f"pair/broadcast_arrays-mixed-{i}", "broadcast_arrays", b, a)


def out_cases(c):
    a = arr([[1, 2, 3], [4, 5, 6]], "int64")
    c.add("concatenate/out", "concatenate", [a, a], out=arr(np.zeros((4, 3)).tolist(), "float64"))
    c.add("concatenate/out-F", "concatenate", [a, a], 1, out=arr(np.zeros((2, 6)).tolist(), "int32", "F"))
    c.add("concatenate/out-none-axis", "concatenate", [a, a], None, out=arr(np.zeros(12).tolist(), "float32"))
    c.add("concatenate/err-out-cast", "concatenate", [arr([1.5, 2.5])], out=arr([0, 0], "int64"))
    c.add("concatenate/err-out-shape", "concatenate", [a, a], out=arr(np.zeros((3, 3)).tolist()))
    c.add("concatenate/err-out-ndim", "concatenate", [a, a], out=arr(np.zeros(12).tolist()))
    c.add("stack/out", "stack", [a, a], 1, out=arr(np.zeros((2, 2, 3)).tolist(), "int64"))
    c.add("stack/err-out-shape", "stack", [a, a], out=arr(np.zeros((2, 3)).tolist()))


def api2_cases(c):
    a = arr(np.arange(24).reshape(2, 3, 4).tolist(), "int64")
    c.add("concat/basic", "concat", [a, a], 2)
    c.add("concat/none", "concat", [a, a], axis=None)
    c.add("unstack/0", "unstack", a)
    c.add("unstack/axis1", "unstack", a, axis=1)
    c.add("unstack/neg", "unstack", arr(M34, "float32", "T"), axis=-1)
    c.add("unstack/err-0d", "unstack", arr(1))
    c.add("unstack/err-axis", "unstack", a, axis=3)
    c.add("matrix_transpose/3d", "matrix_transpose", a)
    c.add("matrix_transpose/2d-F", "matrix_transpose", arr(M34, "int8", "F"))
    c.add("matrix_transpose/err-1d", "matrix_transpose", arr([1, 2, 3]))
    c.add("shape/list", "shape", [[1, 2, 3], [4, 5, 6]])
    c.add("shape/arr", "shape", a)
    c.add("shape/scalar", "shape", 5)
    c.add("ndim/arr", "ndim", a)
    c.add("ndim/scalar", "ndim", 5)
    c.add("size/arr", "size", a)
    c.add("size/axis", "size", a, 1)
    c.add("size/axis-neg", "size", a, -1)
    c.add("size/err-axis", "size", a, 3)
    A = arr(np.ones((2, 2)).tolist())
    Bz = arr(np.zeros((2, 1)).tolist(), "int32")
    C = arr(np.zeros((1, 2)).tolist(), "int8")
    D = arr([[7.5]])
    c.add("block/2x2", "block", [[A, Bz], [C, D]])
    c.add("block/1d", "block", [arr([1, 2]), arr([3]), 4])
    c.add("block/scalars", "block", [1, 2, 3])
    c.add("block/nested-scalars", "block", [[1, 2], [3, 4]])
    c.add("block/single-array", "block", A)
    c.add("block/single-T", "block", arr(M34, "int64", "T"))
    c.add("block/F-leaves", "block", [arr(M34, "float64", "F"), arr(M34, "float64", "F")])
    c.add("block/T-leaves", "block", [[arr(M34, "float64", "T")], [arr(M34, "float64", "T")]])
    c.add("block/3d", "block", [[[a, a]], [[a, a]]])
    c.add("block/deeper-list", "block", [[[1, 2], [3, 4]]])
    c.add("block/promote", "block", [arr([1], "int8"), arr([2.5])])
    c.add("block/err-depth", "block", [[1, 2], 3])
    c.add("block/err-depth2", "block", [1, [2, 3]])
    c.add("block/err-empty", "block", [])
    c.add("block/err-empty-inner", "block", [[1], []])
    c.add("block/err-shape", "block", [[1, 2], [3]])
    c.add("block/err-shape-2d", "block", [[A, C]])



def pad_cases(c):
    a = arr([[1, 2, 3], [4, 5, 6]], "int64")
    v = arr([1.5, 2.5, 3.5])
    c.add("pad/int", "pad", a, 1)
    c.add("pad/pair", "pad", a, [1, 2])
    c.add("pad/per-axis", "pad", a, [[1, 0], [0, 2]])
    c.add("pad/col-pairs", "pad", a, [[1], [2]])
    c.add("pad/T", "pad", arr([[1, 2, 3], [4, 5, 6]], "int32", "T"), 1)
    c.add("pad/F", "pad", arr([[1, 2, 3], [4, 5, 6]], "float32", "F"), [0, 1])
    c.add("pad/neg-view", "pad", arr([[1, 2, 3], [4, 5, 6]], "int64", [("get", "::-1, ::2")]), 1, "edge")
    c.add("pad/constant-values", "pad", a, [[1, 0], [0, 2]], constant_values=[[7, 8], [9, 10]])
    c.add("pad/constant-float-into-int", "pad", a, 1, constant_values=2.75)
    c.add("pad/constant-pair", "pad", v, 2, constant_values=[-1.5, 9.25])
    c.add("pad/bool", "pad", arr([True, False]), 1, constant_values=True)
    for mode in ["edge", "reflect", "symmetric", "wrap"]:
        c.add(f"pad/{mode}-1d", "pad", arr([1, 2, 3]), [5, 7], mode)
        c.add(f"pad/{mode}-2d", "pad", a, [[2, 3], [4, 1]], mode=mode)
        c.add(f"pad/{mode}-single", "pad", arr([4]), [2, 3], mode)
        c.add(f"pad/{mode}-3d", "pad", arr(np.arange(8).reshape(2, 2, 2).tolist(), "int16"), 2, mode)
        c.add(f"pad/{mode}-err-empty", "pad", arr(np.zeros((0, 2)).tolist()), 1, mode)
    c.add("pad/empty-axis-constant", "pad", arr(np.zeros((0, 2)).tolist()), 1)
    c.add("pad/edge-empty-unpadded", "pad", arr(np.zeros((0, 2)).tolist()), [[0, 0], [1, 1]], "edge")
    c.add("pad/zero", "pad", a, 0)
    c.add("pad/err-neg", "pad", a, -1)
    c.add("pad/err-neg-pair", "pad", a, [1, -2])
    c.add("pad/err-shape", "pad", a, [[1, 2], [3, 4], [5, 6]])
    c.add("pad/err-mode", "pad", a, 1, "foo")
    c.add("pad/err-float", "pad", a, 1.5)


def trim_cases(c):
    z = np.zeros((4, 5))
    z[1, 2] = 1
    z[2, 3] = 2
    c.add("trim_zeros/1d", "trim_zeros", arr([0, 0, 1, 2, 0, 3, 0, 0]))
    c.add("trim_zeros/f", "trim_zeros", arr([0, 0, 1, 2, 0, 3, 0, 0]), "f")
    c.add("trim_zeros/b", "trim_zeros", arr([0, 0, 1, 2, 0, 3, 0, 0]), "B")
    c.add("trim_zeros/all-zero", "trim_zeros", arr([0, 0, 0]))
    c.add("trim_zeros/nan", "trim_zeros", arr([float("nan"), 0, 1.5, 0]))
    c.add("trim_zeros/2d", "trim_zeros", arr(z.tolist()))
    c.add("trim_zeros/2d-axis1", "trim_zeros", arr(z.tolist()), axis=1)
    c.add("trim_zeros/2d-f-axis0", "trim_zeros", arr(z.tolist()), "f", axis=0)
    c.add("trim_zeros/2d-T", "trim_zeros", arr(z.tolist(), "int32", "T"))
    c.add("trim_zeros/neg", "trim_zeros", arr([0, 1, 2, 0, 0], "int8", [("get", "::-1")]))
    c.add("trim_zeros/bool", "trim_zeros", arr([False, True, False]))
    c.add("trim_zeros/err-trim", "trim_zeros", arr([0, 1]), "x")
    c.add("trim_zeros/err-axis", "trim_zeros", arr([0, 1]), axis=1)
    # several dtypes promote as NumPy's PyArray_PromoteDTypeSequence (not a left fold): (u2, i2, f4) -> f4 (fuzz)
    c.add("concatenate/promote-sequence", "concatenate", [arr([[1]], "uint16"), arr([[2]], "int16"), arr([[3.5]], "float32")], axis=1)
    c.add("column_stack/promote-sequence", "column_stack", [arr([[1]], "uint16"), arr([[2]], "int16"), arr([[3.5]], "float32")])
    c.add("stack/promote-sequence-f8", "stack", [arr([1], "uint8"), arr([2], "int64"), arr([3.5], "float32")])
    c.add("concatenate/promote-sequence-4", "concatenate", [arr([1], "int8"), arr([2], "uint32"), arr([3], "uint8"), arr([4.5], "float32")])
