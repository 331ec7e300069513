"""Creation: filled arrays and their layouts, *_like keeping layouts, arange's length and value
rules, linspace/logspace/geomspace, eye/identity/diag/diagonal/tri/tril/triu, meshgrid, copy."""
import numpy as np
from common import arr, random_view_ops

M34 = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]


def a234(dtype="int64", view=None):
    return arr(np.arange(24).reshape(2, 3, 4).tolist(), dtype, view)


def cases(c):
    # ---- zeros / ones / empty(size 0) / full ----
    for fn in ["zeros", "ones"]:
        c.add(f"{fn}/int", fn, 3)
        c.add(f"{fn}/list", fn, [2, 3])
        c.add(f"{fn}/3d-F", fn, [2, 3, 4], order="F")
        c.add(f"{fn}/dtype-int32", fn, [2, 2], dtype="int32")
        c.add(f"{fn}/dtype-pos", fn, [2, 2], "uint8")
        c.add(f"{fn}/bool", fn, [3], dtype="bool")
        c.add(f"{fn}/0d", fn, [])
        c.add(f"{fn}/empty", fn, [0, 3])
        c.add(f"{fn}/empty-F", fn, [2, 0, 3], order="F")
        c.add(f"{fn}/size1", fn, [1, 3, 1])
        c.add(f"{fn}/err-neg", fn, [2, -1])
        c.add(f"{fn}/err-dtype", fn, [2], dtype="foo")
        c.add(f"{fn}/err-float", fn, 2.5)
        c.add(f"{fn}/err-order", fn, [2, 2], order="K")
        c.add(f"{fn}/err-order-bad", fn, [2, 2], order="Q")
        c.add(f"{fn}/int64", fn, [2, 3], dtype="int64")
        c.add(f"{fn}/float32", fn, [3, 2], dtype="float32", order="F")
    c.add("empty/empty-shape", "empty", [0, 4])
    c.add("empty/err-neg", "empty", -1)
    c.add("full/int", "full", 3, 7)
    c.add("full/float", "full", [2, 2], 1.5)
    c.add("full/bool", "full", [2, 2], True)
    c.add("full/dtype", "full", [2, 3], 7, dtype="int32")
    c.add("full/dtype-pos", "full", [2, 3], 7, "float32")
    c.add("full/F", "full", [2, 3], 1.25, order="F")
    c.add("full/array-fill", "full", [2, 3], arr([1, 2, 3], "int8"))
    c.add("full/list-fill", "full", [2, 2], [1, 2])
    c.add("full/float-to-int", "full", 3, 1.5, dtype="int8")
    c.add("full/err-overflow", "full", 3, 300, dtype="int8")
    c.add("full/err-neg-uint", "full", 3, -1, dtype="uint8")
    c.add("full/err-bcast", "full", [2, 2], [1, 2, 3])
    c.add("full/empty", "full", [0, 2], 3)
    c.add("full/nan", "full", 2, float("nan"))
    c.add("full/big-int64", "full", 2, 2**62)
    # ---- *_like ----
    srcs = {
        "C": a234(),
        "F": a234("float32", "F"),
        "T": a234("int16", "T"),
        "tr": a234("float64", [("transpose", [1, 0, 2])]),
        "neg": a234("int64", [("get", "::-1, :, ::-1")]),
        "step": a234("uint8", [("get", ":, :, ::2")]),
        "bcast": arr([1, 2, 3], "int64", [("broadcast_to", [2, 3])]),
        "bcastT": arr([1, 2, 3], "int32", [("broadcast_to", [2, 3]), "T"]),
        "empty": arr(np.zeros((2, 0, 3)).tolist(), "float64"),
        "0d": arr(3.5, "float64"),
        "sizeone": arr(np.ones((3, 1, 4)).tolist(), "float64", [("transpose", [2, 1, 0])]),
    }
    for name, s in srcs.items():
        c.add(f"zeros_like/{name}", "zeros_like", s)
        c.add(f"ones_like/{name}", "ones_like", s)
        c.add(f"full_like/{name}", "full_like", s, 7)
        c.add(f"empty_like/{name}-shape", "zeros_like", s, dtype="int8")
    for order in ["C", "F", "A", "K"]:
        c.add(f"ones_like/T-order-{order}", "ones_like", srcs["T"], order=order)
        c.add(f"zeros_like/F-order-{order}", "zeros_like", srcs["F"], order=order)
    c.add("zeros_like/shape-override", "zeros_like", srcs["F"], shape=[4, 5])
    c.add("zeros_like/shape-override-same-nd", "zeros_like", srcs["T"], shape=[2, 2, 2])
    c.add("ones_like/dtype-bool", "ones_like", srcs["C"], dtype="bool")
    c.add("full_like/float-into-int", "full_like", srcs["C"], 2.75)
    c.add("full_like/dtype", "full_like", srcs["C"], 2.75, dtype="float32")
    c.add("full_like/array", "full_like", srcs["C"], arr([1, 2, 3, 4], "int64"))
    c.add("full_like/err-overflow", "full_like", arr([1, 2], "int8"), 1000)
    c.add("zeros_like/list", "zeros_like", [[1, 2], [3, 4]])
    c.add("zeros_like/err-order", "zeros_like", srcs["C"], order="X")
    # ---- arange ----
    c.add("arange/stop", "arange", 5)
    c.add("arange/start-stop", "arange", 2, 7)
    c.add("arange/step", "arange", 1, 10, 3)
    c.add("arange/neg-step", "arange", 10, 1, -3)
    c.add("arange/empty", "arange", 5, 1)
    c.add("arange/empty-neg", "arange", 1, 5, -1)
    c.add("arange/zero", "arange", 0)
    c.add("arange/float-step", "arange", 0, 1, 0.1)
    c.add("arange/float-start", "arange", 0.5, 5)
    c.add("arange/float-stop", "arange", 3.5)
    c.add("arange/float-delta", "arange", 0.1, 1, 0.3)
    c.add("arange/float-neg", "arange", 1.5, -2.5, -0.5)
    c.add("arange/float-ceil", "arange", 0, 2.2, 0.7)
    c.add("arange/dtype-float32", "arange", 0.1, 0.9, 0.1, dtype="float32")
    c.add("arange/dtype-int8", "arange", 5, dtype="int8")
    c.add("arange/dtype-uint8-wrap", "arange", 250, 260, dtype="uint8")
    c.add("arange/dtype-float", "arange", 4, dtype="float64")
    c.add("arange/dtype-int-from-float", "arange", 0, 5, 0.5, dtype="int64")
    c.add("arange/dtype-int-trunc", "arange", 0.5, 5, dtype="int32")
    c.add("arange/dtype-bool2", "arange", 2, dtype="bool")
    c.add("arange/dtype-uint64", "arange", 3, 9, 2, dtype="uint64")
    c.add("arange/big-int", "arange", 2**52, 2**52 + 4)
    c.add("arange/large-step", "arange", 0, 100, 33)
    c.add("arange/kw-stop", "arange", 2, stop=6)
    c.add("arange/kw-step", "arange", 1, 8, step=2)
    c.add("arange/err-zero-step", "arange", 0, 5, 0)
    c.add("arange/err-nan", "arange", 0, float("nan"))
    c.add("arange/err-inf", "arange", 0, float("inf"))
    c.add("arange/err-bool3", "arange", 3, dtype="bool")
    c.add("arange/err-overflow", "arange", 300, 302, dtype="int8")
    c.add("arange/err-dtype", "arange", 3, dtype="floot")
    # ---- linspace / logspace / geomspace ----
    c.add("linspace/basic", "linspace", 0, 1, 5)
    c.add("linspace/default-num", "linspace", 2, 3)
    c.add("linspace/no-endpoint", "linspace", 0, 1, 5, endpoint=False)
    c.add("linspace/retstep", "linspace", 0, 10, 4, retstep=True)
    c.add("linspace/retstep-1", "linspace", 0, 10, 1, retstep=True)
    c.add("linspace/num0", "linspace", 0, 1, 0)
    c.add("linspace/num1", "linspace", 2, 5, 1)
    c.add("linspace/num1-no-endpoint", "linspace", 2, 5, 1, endpoint=False)
    c.add("linspace/reverse", "linspace", 5, -5, 7)
    c.add("linspace/floats", "linspace", 0.1, 0.7, 4)
    c.add("linspace/dtype-int", "linspace", 0, 10, 4, dtype="int64")
    c.add("linspace/dtype-int-neg", "linspace", -3, 3, 4, dtype="int32")
    c.add("linspace/dtype-float32", "linspace", 0, 1, 3, dtype="float32")
    c.add("linspace/same", "linspace", 2, 2, 3)
    c.add("linspace/tiny", "linspace", 0, 5e-324, 3)
    c.add("linspace/array-start", "linspace", arr([0.0, 1.5]), 3, 4)
    c.add("linspace/array-both", "linspace", arr([0, 1]), arr([[2], [5]]), 3)
    c.add("linspace/array-axis1", "linspace", arr([0.0, 1.5]), 3, 4, axis=1)
    c.add("linspace/array-axis-neg", "linspace", arr([0, 10]), arr([5, 20]), 3, axis=-1)
    c.add("linspace/float32-array", "linspace", arr([0.0, 1.0], "float32"), 2, 5)
    c.add("linspace/int8-array", "linspace", arr([0, 1], "int8"), 2, 5)
    c.add("linspace/axis-scalar-neg1", "linspace", 0, 1, 5, axis=-1)
    c.add("linspace/err-neg", "linspace", 0, 1, -1)
    c.add("linspace/err-float-num", "linspace", 0, 1, 2.5)
    c.add("logspace/basic", "logspace", 0, 3, 4)
    c.add("logspace/base2", "logspace", 0, 4, 5, base=2)
    c.add("logspace/no-endpoint", "logspace", 1, 2, 4, endpoint=False)
    c.add("logspace/dtype", "logspace", 0, 2, 3, dtype="int64")
    c.add("logspace/frac", "logspace", -1.5, 1.5, 7)
    c.add("geomspace/basic", "geomspace", 1, 1000, 4)
    c.add("geomspace/neg", "geomspace", -1, -1000, 4)
    c.add("geomspace/no-endpoint", "geomspace", 1, 16, 4, endpoint=False)
    c.add("geomspace/frac", "geomspace", 0.5, 8, 5)
    c.add("geomspace/err-zero", "geomspace", 0, 10, 3)
    c.add("geomspace/num1", "geomspace", 2, 8, 1)
    # ---- eye / identity / tri ----
    c.add("eye/square", "eye", 3)
    c.add("eye/rect", "eye", 3, 4)
    c.add("eye/k1", "eye", 3, 4, k=1)
    c.add("eye/k-neg", "eye", 4, 3, k=-2)
    c.add("eye/k-big", "eye", 3, k=5)
    c.add("eye/k-very-neg", "eye", 3, k=-5)
    c.add("eye/dtype", "eye", 2, dtype="int32")
    c.add("eye/F", "eye", 3, 2, order="F")
    c.add("eye/M-none", "eye", 2, None, 1)
    c.add("eye/zero", "eye", 0)
    c.add("eye/err-neg", "eye", -1)
    c.add("identity/basic", "identity", 3)
    c.add("identity/dtype", "identity", 2, dtype="bool")
    c.add("tri/basic", "tri", 3)
    c.add("tri/rect-k", "tri", 3, 5, 1)
    c.add("tri/k-neg", "tri", 4, k=-1)
    c.add("tri/dtype", "tri", 3, dtype="int8")
    c.add("tri/empty", "tri", 0, 3)
    # ---- diag / diagonal ----
    c.add("diag/1d", "diag", arr([1, 2, 3]))
    c.add("diag/1d-k", "diag", arr([1.5, 2.5]), 2)
    c.add("diag/1d-k-neg", "diag", arr([1, 2], "int8"), k=-1)
    c.add("diag/1d-neg-stride", "diag", arr([1, 2, 3], "int32", [("get", "::-1")]))
    c.add("diag/2d", "diag", arr(M34))
    c.add("diag/2d-k", "diag", arr(M34), 1)
    c.add("diag/2d-k-neg", "diag", arr(M34), -1)
    c.add("diag/2d-k-out", "diag", arr(M34), 7)
    c.add("diag/2d-T", "diag", arr(M34, "float32", "T"))
    c.add("diag/list", "diag", [[1, 2], [3, 4]])
    c.add("diag/err-3d", "diag", a234())
    c.add("diag/err-0d", "diag", arr(3))
    c.add("diagflat/basic", "diagflat", arr([[1, 2], [3, 4]]))
    c.add("diagflat/k", "diagflat", arr([1, 2]), 1)
    c.add("diagonal/2d", "diagonal", arr(M34))
    c.add("diagonal/method", None, arr(M34), method="diagonal")
    c.add("diagonal/offset", "diagonal", arr(M34), 2)
    c.add("diagonal/offset-neg", "diagonal", arr(M34), -2)
    c.add("diagonal/offset-out", "diagonal", arr(M34), -3)
    c.add("diagonal/3d", "diagonal", a234())
    c.add("diagonal/3d-axes", "diagonal", a234(), 0, 1, 2)
    c.add("diagonal/3d-axes-kw", "diagonal", a234(), offset=1, axis1=2, axis2=0)
    c.add("diagonal/3d-T", "diagonal", a234("int64", "T"), 1, -1, -2)
    c.add("diagonal/neg-strides", "diagonal", arr(M34, "int64", [("get", "::-1, ::-1")]))
    c.add("diagonal/bcast", "diagonal", arr([1, 2, 3], "int64", [("broadcast_to", [3, 3])]))
    c.add("diagonal/method-offset", None, arr(M34), 1, method="diagonal")
    c.add("diagonal/err-1d", "diagonal", arr([1, 2, 3]))
    c.add("diagonal/err-same", "diagonal", arr(M34), 0, 1, 1)
    c.add("diagonal/err-axis1", "diagonal", arr(M34), 0, 2, 1)
    c.add("diagonal/err-axis2", "diagonal", arr(M34), 0, 0, -3)
    # ---- tril / triu ----
    tsrc = {
        "2d": arr(M34),
        "2d-k": arr(M34),
        "T": arr(M34, "float32", "T"),
        "3d": a234(),
        "3dT": a234("float64", "T"),
        "3d-neg": a234("int64", [("get", "::-1")]),
        "3d-tr": a234("int64", [("transpose", [0, 2, 1])]),
        "3d-F": a234("float64", "F"),
        "3d-step": a234("int16", [("get", ":, :, ::2")]),
        "3d-perm": a234("int64", [("transpose", [2, 0, 1])]),
        "1d": arr([1, 2, 3, 4]),
        "bcast": arr([1.5, 2.5, 3.5], "float64", [("broadcast_to", [3, 3])]),
        "bool": arr([[True, True], [True, True]], "bool"),
        "ones": arr(np.ones((3, 1, 1)).tolist()),
    }
    for name, s in tsrc.items():
        k = 1 if name == "2d-k" else 0
        c.add(f"tril/{name}", "tril", s, k)
        c.add(f"triu/{name}", "triu", s, k)
    c.add("tril/k-neg", "tril", arr(M34), k=-1)
    c.add("triu/k-big", "triu", arr(M34), k=3)
    c.add("tril/list", "tril", [[1, 2], [3, 4]])
    # ---- meshgrid ----
    x = arr([1, 2, 3])
    y = arr([4.5, 5.5])
    c.add("meshgrid/xy", "meshgrid", x, y)
    c.add("meshgrid/ij", "meshgrid", x, y, indexing="ij")
    c.add("meshgrid/sparse", "meshgrid", x, y, sparse=True)
    c.add("meshgrid/sparse-ij", "meshgrid", x, y, sparse=True, indexing="ij")
    c.add("meshgrid/nocopy", "meshgrid", x, y, copy=False)
    c.add("meshgrid/three", "meshgrid", x, y, arr([7, 8], "int8"))
    c.add("meshgrid/three-ij", "meshgrid", x, y, arr([7, 8], "int8"), indexing="ij")
    c.add("meshgrid/one", "meshgrid", x)
    c.add("meshgrid/2d-input", "meshgrid", arr([[1, 2], [3, 4]]), y)
    c.add("meshgrid/neg-stride", "meshgrid", arr([1, 2, 3, 4], "int64", [("get", "::-2")]), y, copy=False)
    c.add("meshgrid/err-indexing", "meshgrid", x, y, indexing="xx")
    # ---- copy ----
    for name, s in srcs.items():
        c.add(f"copy/{name}", "copy", s)
        c.add(f"copy/{name}-method", None, s, method="copy")
    c.add("copy/order-C", "copy", srcs["F"], order="C")
    c.add("copy/order-F", "copy", srcs["C"], order="F")
    c.add("copy/order-A", "copy", srcs["T"], order="A")
    c.add("copy/list", "copy", [[1, 2], [3, 4]])
    c.add("copy/err-order", "copy", srcs["C"], order="Z")
    # ---- indices ----
    c.add("indices/basic", "indices", [2, 3])
    c.add("indices/dtype", "indices", [3], dtype="float32")
    c.add("indices/sparse", "indices", [2, 3], sparse=True)
    # ---- bad arguments ----
    c.add("diag/err-float-k", "diag", arr([1, 2, 3]), 0.5)
    c.add("eye/err-float-k", "eye", 2, k=0.5)
    c.add("eye/err-float-N", "eye", 2.5)
    c.add("linspace/err-str-num", "linspace", 0, 1, "a")
    c.add("zeros/err-bool-shape", "zeros", True)
    c.add("full/err-none-shape", "full", None, 1)
    c.add("indices/err-neg", "indices", [-1, 2])
    c.add("diagonal/err-float-offset", "diagonal", arr(M34), 0.5)
    c.add("arange/bool-len1", "arange", 0.5, dtype="bool")
    # ---- more dtypes and non-finite values ----
    c.add("linspace/inf", "linspace", 0, float("inf"), 3)
    c.add("linspace/nan", "linspace", float("nan"), 1, 3)
    c.add("linspace/neg-inf-no-endpoint", "linspace", float("-inf"), 0, 3, endpoint=False)
    c.add("geomspace/mixed-sign", "geomspace", -1, 1000, 3)
    c.add("geomspace/inf", "geomspace", 1, float("inf"), 3)
    c.add("full/nan-int", "full", 2, float("nan"), dtype="int64")
    c.add("full/inf-int32", "full", 2, float("inf"), dtype="int32")
    c.add("full/neg-float-uint8", "full", 2, -1.5, dtype="uint8")
    c.add("full/float-to-bool", "full", 2, 0.5, dtype="bool")
    c.add("arange/neg-uint8", "arange", -3, 3, dtype="uint8")
    c.add("arange/float32-ints", "arange", 2, 9, 3, dtype="float32")
    c.add("arange/int16-neg", "arange", 5, -5, -2, dtype="int16")
    c.add("arange/uint64-big", "arange", 2**63, 2**63 + 3, dtype="uint64")
    c.add("arange/int8-wrap", "arange", 120, 127, 3, dtype="int8")
    c.add("arange/inf-step", "arange", 0, 5, float("inf"))
    c.add("arange/float-tiny-step", "arange", 0, 1e-9, 3e-10)
    for dt in ["bool", "int8", "uint16", "int32", "uint64", "float32"]:
        c.add(f"eye/dt-{dt}", "eye", 3, k=1, dtype=dt)
        c.add(f"ones/dt-{dt}", "ones", [2, 2], dtype=dt)
        c.add(f"full/dt-{dt}", "full", [3], 1, dtype=dt)
        c.add(f"tri/dt-{dt}", "tri", 2, 3, dtype=dt)
        c.add(f"arange/{dt}-small", "arange", 2, dtype=dt)
        c.add(f"diag/dt-{dt}", "diag", arr([1, 0, 1], dt), -1)
        c.add(f"tril/dt-{dt}", "tril", arr([[1, 1], [1, 1]], dt))
        c.add(f"linspace/dt-{dt}", "linspace", 0, 1, 3, dtype=dt)

    random_creation(c)


SLICES = [":", ":", "::2", "::-1", "1:", ":-1", "::-2"]


def rand_src(rng):
    nd = rng.randint(1, 4)
    shape = [rng.randint(1, 4) for _ in range(nd)]
    dtype = rng.choice(["int64", "float64", "int32", "uint8", "float32", "bool"])
    data = (np.arange(int(np.prod(shape))).reshape(shape) % 5).tolist()
    ops, cur = random_view_ops(rng, shape, ["T", "transpose", "get", "bcast"], SLICES)
    return arr(data, dtype, ops), cur


def random_creation(c):
    import random

    rng = random.Random(314)
    for i in range(60):
        src, shape = rand_src(rng)
        order = rng.choice(["C", "F", "A", "K"])
        dt = rng.choice([None, "int16", "float32", "bool"])
        kw = {"order": order}
        if dt:
            kw["dtype"] = dt
        c.add(f"rand/empty_like-{i}", "zeros_like", src, **kw)
        c.add(f"rand/full_like-{i}", "full_like", src, rng.choice([3, -2, 0.75]), **kw)
        if rng.random() < 0.3:
            c.add(f"rand/like-shape-{i}", "ones_like", src, shape=[rng.randint(0, 3) for _ in range(rng.randint(1, 3))])
        c.add(f"rand/copy-{i}", "copy", src, order=order)
        if len(shape) >= 1:
            c.add(f"rand/diag-{i}", "diag", src if len(shape) <= 2 else arr([1, 2, 3]), rng.randint(-2, 2))
            c.add(f"rand/tril-{i}", "tril", src, rng.randint(-1, 1))
        c.add(f"rand/linspace-{i}", "linspace", src, 10, rng.randint(0, 4), axis=rng.randint(-1, 0), endpoint=rng.random() < 0.5)
        if i % 3 == 0:
            c.add(f"rand/linspace-retstep-{i}", "linspace", 1, src, 3, retstep=True)
            c.add(f"rand/linspace-dtype-{i}", "linspace", src, 10, 3, dtype="int32", axis=-1)
            c.add(f"rand/logspace-{i}", "logspace", src, 2, 3)
    rng2 = random.Random(2718)
    for i in range(40):
        a, sa = rand_src(rng2)
        b, sb = rand_src(rng2)
        try:
            np.broadcast_shapes(tuple(sa), tuple(sb))
        except ValueError:
            continue
        c.add(f"rand2/linspace-{i}", "linspace", a, b, rng2.randint(0, 3), axis=rng2.randint(-1, 0), retstep=rng2.random() < 0.5)
        c.add(f"rand2/logspace-{i}", "logspace", a, b, 3, axis=rng2.randint(-1, 0), dtype=rng2.choice([None, "float32", "int64"]))
    # ---- vander / asanyarray / asarray_chkfinite ----
    c.add("vander/basic", "vander", arr([1, 2, 3]))
    c.add("vander/N", "vander", arr([1, 2, 3]), 2)
    c.add("vander/increasing", "vander", arr([1, 2, 3]), increasing=True)
    c.add("vander/N-inc", "vander", arr([2, 3]), 4, True)
    c.add("vander/float", "vander", arr([1.5, -2.25]), 3)
    c.add("vander/float32", "vander", arr([1.5, 2.5], "float32"), 3)
    c.add("vander/bool", "vander", arr([True, False]))
    c.add("vander/uint8", "vander", arr([200, 3], "uint8"), 3)
    c.add("vander/int64-wrap", "vander", arr([3**20, 5]), 4)
    c.add("vander/N0", "vander", arr([1, 2]), 0)
    c.add("vander/list", "vander", [1, 2, 3])
    c.add("vander/err-2d", "vander", arr([[1, 2]]))
    c.add("vander/err-neg", "vander", arr([1, 2]), -1)
    c.add("asanyarray/arr", "asanyarray", arr(M34, "int64", "T"))
    c.add("asanyarray/dtype", "asanyarray", arr([1, 2]), dtype="float32")
    c.add("asanyarray/list", "asanyarray", [[1.5, 2.5]])
    c.add("asarray_chkfinite/ok", "asarray_chkfinite", arr([1.5, 2.5]))
    c.add("asarray_chkfinite/nan", "asarray_chkfinite", arr([1.5, float("nan")]))
    c.add("asarray_chkfinite/inf-list", "asarray_chkfinite", [1.5, float("inf")])
    c.add("asarray_chkfinite/int", "asarray_chkfinite", arr([1, 2], "int8"))
    c.add("geomspace/array-start", "geomspace", arr([1.0, -2.0]), 1000, 4)
    c.add("geomspace/array-both", "geomspace", arr([1, 2]), arr([[16], [-32]]), 3)
    c.add("geomspace/array-axis", "geomspace", arr([1.0, 10.0]), 1e5 + 0.5, 3, axis=1)
    c.add("geomspace/float32", "geomspace", arr([1.0, 4.0], "float32"), 64, 4)
    c.add("geomspace/dtype-float32", "geomspace", 1, 256, 5, dtype="float32")
    c.add("geomspace/dtype-int", "geomspace", 1, 1000, 4, dtype="int64")
    c.add("geomspace/T-start", "geomspace", arr([[1, 2], [3, 4]], "float64", "T"), 100, 3)
    c.add("geomspace/err-zero-array", "geomspace", arr([1, 0]), 10, 3)
    c.add("geomspace/num0-array", "geomspace", arr([1, 2]), 10, 0)
