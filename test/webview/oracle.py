"""NumPy oracle for the webview tests: reads a JSON request on stdin, answers on stdout.

{"layouts": true}  → for named NumPy layouts: shape, byte strides, offset (bytes from the start of
                      the owning buffer), and the real byte address of every element (pointer of
                      a[i, j, ...] minus the buffer's start), plus byte_bounds.
{"broadcast": [[shapes...], ...]} → np.broadcast_shapes result or the message `a + b` raises.
"""
import json
import sys

import numpy as np
from numpy.lib.array_utils import byte_bounds


def ptr(a):
    return a.__array_interface__["data"][0]


def layout(a, base):
    start = ptr(base)
    addrs = []
    for idx in np.ndindex(*a.shape):
        if a.ndim == 0:
            addrs.append(ptr(a) - start)
            continue
        el = a[tuple(slice(i, i + 1) for i in idx)]
        addrs.append(ptr(el) - start)
    lo, hi = byte_bounds(a) if a.size else (ptr(a), ptr(a))
    return {
        "shape": list(a.shape),
        "strides": list(a.strides),
        "offset": ptr(a) - start,
        "itemsize": a.itemsize,
        "addresses": addrs,
        "bounds": [lo - start, hi - start],
    }


def layouts():
    a = np.arange(6)
    m = np.arange(12).reshape(3, 4)
    f5 = np.arange(120).reshape(2, 3, 2, 5, 2)
    r = np.arange(4)
    s0 = np.array(5)
    out = {
        "rev": layout(a[::-1], a),
        "mrev": layout(m[::-1, ::-2], m),
        "zero": layout(np.broadcast_to(r, (3, 4)), r),
        "t5": layout(f5.transpose(4, 3, 2, 1, 0), f5),
        "view": layout(m[1:, 1:3], m),
        "scalar": layout(s0, s0),
        "mT": layout(m.T[::2], m),
        "f32": layout(np.arange(24, dtype=np.float32).reshape(2, 3, 4)[:, ::-1, 1::2], np.arange(24, dtype=np.float32)),
    }
    # f32: the base above is a different array; recompute against its own base
    b = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
    out["f32"] = layout(b[:, ::-1, 1::2], b)
    return out


def broadcast(cases):
    res = []
    for shapes in cases:
        try:
            res.append({"result": list(np.broadcast_shapes(*[tuple(s) for s in shapes]))})
        except ValueError:
            try:
                ops = [np.empty(s) for s in shapes]
                if len(ops) == 2:
                    ops[0] + ops[1]
                elif len(ops) == 3:
                    np.where(ops[0] > 0, ops[1], ops[2])
                res.append({"result": None, "message": None})
            except ValueError as e:
                res.append({"result": None, "message": str(e)})
    return res


def main():
    req = json.load(sys.stdin)
    out = {}
    if req.get("layouts"):
        out["layouts"] = layouts()
    if "broadcast" in req:
        out["broadcast"] = broadcast(req["broadcast"])
    json.dump(out, sys.stdout)


main()
