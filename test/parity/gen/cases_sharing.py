"""Memory sharing: np.shares_memory (exact) and np.may_share_memory (bounds) on pairs of views of
ONE array (method='pair'), plus np.lib.stride_tricks.as_strided and sliding_window_view."""
import itertools
import numpy as np
from common import arr

# Views of a (4, 6) float64 array (byte strides (48, 8)).
VIEWS_2D = [
    [],
    [("get", "::2")],
    [("get", "1::2")],
    [("get", ":, ::2")],
    [("get", ":, 1::2")],
    [("get", "::-1, ::-1")],
    [("get", "0")],
    [("get", "-1")],
    [("get", ":, 0")],
    [("get", ":, 5")],
    [("get", "1:3, 2:4")],
    [("get", "2:, 4:")],
    ["T"],
    [("get", "::-2, 1::2")],
    [("as_strided", [[4], [56]])],  # the diagonal
    [("as_strided", [[3], [40]])],  # flat elements 0, 5, 10
    [("get", "1:, ::3")],
    [("reshape", [24]), ("get", "7::7")],
]

# Views of a (2, 3, 4) int32 array.
VIEWS_3D = [
    [],
    [("get", "0")],
    [("get", "1")],
    [("get", ":, ::2, ::2")],
    [("get", ":, 1::2, 1::2")],
    [("transpose", [2, 0, 1])],
    [("get", "..., ::-3")],
    [("get", "..., 1:3")],
    [("get", ":, 2, ::-1")],
    [("get", "1, :, 0")],
    [("reshape", [6, 4]), ("get", "::5")],
    [("as_strided", [[2, 2], [48, 20]])],
]


def cases(c):
    base2 = arr(np.arange(24).reshape(4, 6) * 1.5)
    for i, j in itertools.combinations_with_replacement(range(len(VIEWS_2D)), 2):
        for fn in ("shares_memory", "may_share_memory"):
            c.add(f"pair2/{fn}/{i}-{j}", None, base2, VIEWS_2D[i], VIEWS_2D[j], fn, method="pair")
    base3 = arr(np.arange(24).reshape(2, 3, 4), "int32")
    for i, j in itertools.combinations(range(len(VIEWS_3D)), 2):
        for fn in ("shares_memory", "may_share_memory"):
            c.add(f"pair3/{fn}/{i}-{j}", None, base3, VIEWS_3D[i], VIEWS_3D[j], fn, method="pair")
    # 1-D interleavings: strides and offsets that overlap in bounds but not in elements
    base1 = arr(np.arange(60), "int16")
    ONE = [[("get", s)] for s in ["::2", "1::2", "::3", "1::3", "2::3", "::-5", "4::5", "::7", "3::7", "50:10:-4", "5:55:6"]]
    for i, j in itertools.combinations(range(len(ONE)), 2):
        c.add(f"pair1/shares_memory/{i}-{j}", None, base1, ONE[i], ONE[j], "shares_memory", method="pair")
    # byte-level overlap: views of different element sizes over one buffer are out of scope for
    # fixtures (NumPy .view(dtype)); transposed pairs of a 3-D array:
    c.add("pair/T-vs-self", None, arr(np.arange(8).reshape(2, 4)), ["T"], [], "shares_memory", method="pair")
    c.add("pair/empty", None, arr(np.arange(8)), [("get", "3:3")], [], "shares_memory", method="pair")
    c.add("pair/empty-may", None, arr(np.arange(8)), [("get", "3:3")], [], "may_share_memory", method="pair")
    c.add("pair/bcast", None, arr(np.arange(4)), [("broadcast_to", [3, 4])], [("get", "2:")], "shares_memory", method="pair")
    c.add("pair/bcast-miss", None, arr(np.arange(8)), [("get", ":4"), ("broadcast_to", [3, 4])], [("get", "4:")], "shares_memory", method="pair")
    # Independent arrays never share
    c.add("indep/two-arrays", "shares_memory", arr([1, 2, 3]), arr([1, 2, 3]))
    c.add("indep/list", "shares_memory", arr([1, 2, 3]), [1, 2, 3])
    c.add("indep/may", "may_share_memory", arr([1, 2, 3]), arr([1, 2, 3]))

    # as_strided (byte strides)
    x = arr(np.arange(12), "int64")
    c.add("as_strided/windows", "lib.stride_tricks.as_strided", x, shape=[10, 3], strides=[8, 8])
    c.add("as_strided/reshape", "lib.stride_tricks.as_strided", x, shape=[3, 4], strides=[32, 8])
    c.add("as_strided/transpose", "lib.stride_tricks.as_strided", x, shape=[4, 3], strides=[8, 32])
    c.add("as_strided/zero-stride", "lib.stride_tricks.as_strided", x, shape=[3, 4], strides=[0, 8])
    c.add("as_strided/diag", "lib.stride_tricks.as_strided", arr(np.arange(16).reshape(4, 4), "float32"), shape=[4], strides=[20])
    c.add("as_strided/readonly", "lib.stride_tricks.as_strided", x, shape=[2, 2], strides=[16, 8], writeable=False)
    c.add("as_strided/of-view", "lib.stride_tricks.as_strided", arr(np.arange(12), "int64", ("get", "2:")), shape=[3, 2], strides=[16, 8])
    c.add("as_strided/default", "lib.stride_tricks.as_strided", x)
    c.add("as_strided/shape-only", "lib.stride_tricks.as_strided", x, shape=[6])
    c.add("as_strided/neg", "lib.stride_tricks.as_strided", arr(np.arange(12), "int64", ("get", "::-1")), shape=[4], strides=[-16])

    # sliding_window_view
    swv = "lib.stride_tricks.sliding_window_view"
    c.add("swv/1d", swv, arr(np.arange(6)), 3)
    c.add("swv/2d", swv, arr(np.arange(12).reshape(3, 4)), [2, 2])
    c.add("swv/axis", swv, arr(np.arange(12).reshape(3, 4)), 3, axis=1)
    c.add("swv/axis-neg", swv, arr(np.arange(12).reshape(3, 4), "float32"), 2, axis=-2)
    c.add("swv/axes-tuple", swv, arr(np.arange(24).reshape(2, 3, 4)), [2, 2], axis=[2, 1])
    c.add("swv/writeable", swv, arr(np.arange(6)), 2, writeable=True)
    c.add("swv/T", swv, arr(np.arange(12).reshape(3, 4), "int64", "T"), [2, 3])
    c.add("swv/err-too-big", swv, arr(np.arange(6)), 7)
    c.add("swv/err-neg", swv, arr(np.arange(6)), -1)
    c.add("swv/err-ndim", swv, arr(np.arange(12).reshape(3, 4)), 2)
    c.add("swv/err-axis-len", swv, arr(np.arange(12).reshape(3, 4)), [2, 2], axis=0)
    c.add("swv/err-axis", swv, arr(np.arange(12).reshape(3, 4)), 2, axis=2)
