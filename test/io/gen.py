"""NumPy oracle for np.save/np.load/np.savez/loadtxt/genfromtxt/savetxt.

    python3 test/io/gen.py   →   test/io/fixtures.json

npy: for each array spec (dtype, shape, layout) numpy's .npy bytes; ndscope must write the same
bytes and read them back. Also files ndscope only reads (big-endian, format 2.0/3.0, npz) and bad
files with NumPy's error. text: inputs with numpy's result (dtype, shape, bytes) or error.
"""
import io
import json
import os
import pickle
import struct

import numpy as np

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64", "float32", "float64"]


def make(spec):
    dtype, shape, layout = spec["dtype"], spec["shape"], spec["layout"]
    n = int(np.prod(shape)) if shape else 1
    base = np.arange(n * 2 + 3, dtype=np.float64) * 1.5 - 7
    if dtype == "bool":
        vals = (np.arange(n) % 3 == 0)
    elif dtype.startswith("uint"):
        vals = (np.arange(n) * 37 + 5).astype(dtype)
    elif dtype.startswith("int"):
        vals = (np.arange(n) * 37 - 50).astype(dtype)
    else:
        vals = base[:n].astype(dtype)
    a = vals.reshape(shape)
    if layout == "F":
        a = np.asfortranarray(a)
    elif layout == "T":
        a = a.reshape(shape[::-1]).T  # a transposed (F-contiguous) view of a C array
    elif layout == "strided":
        a = a[..., ::2] if shape else a
    return a


def npy_bytes(a, version=None):
    b = io.BytesIO()
    if version is None:
        np.save(b, a)
    else:
        np.lib.format.write_array(b, a, version=version)
    return b.getvalue()


def err(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001
        return {"error": type(e).__name__, "message": str(e)}
    return None


def main():
    writes = []
    for dt in DTYPES:
        for shape, layout in [((2, 3), "C"), ((2, 3), "F"), ((3, 4), "T"), ((), "C"), ((0,), "C"), ((0, 3), "C"), ((5,), "C"), ((2, 3, 4), "F"), ((2, 6), "strided"), ((1, 1, 1, 2), "C")]:
            spec = {"dtype": dt, "shape": list(shape), "layout": layout}
            a = make(spec)
            writes.append({"spec": spec, "npy": npy_bytes(a).hex(), "fortran": bool(a.flags.f_contiguous and not a.flags.c_contiguous and a.ndim > 1), "data": np.ascontiguousarray(a).tobytes().hex()})

    reads = []
    for dt in DTYPES:
        a = make({"dtype": dt, "shape": [3, 2], "layout": "C"})
        be = a.astype(a.dtype.newbyteorder(">"))
        reads.append({"id": f"big-endian {dt}", "npy": npy_bytes(be).hex(), "dtype": dt, "shape": [3, 2], "data": a.tobytes().hex()})
        bef = np.asfortranarray(be)
        reads.append({"id": f"big-endian fortran {dt}", "npy": npy_bytes(bef).hex(), "dtype": dt, "shape": [3, 2], "data": a.tobytes().hex()})
    for ver in [(1, 0), (2, 0), (3, 0)]:
        a = make({"dtype": "float64", "shape": [2, 3], "layout": "F"})
        reads.append({"id": f"version {ver}", "npy": npy_bytes(a, ver).hex(), "dtype": "float64", "shape": [2, 3], "data": np.ascontiguousarray(a).tobytes().hex()})
    # a hand-written 3.0 header with a non-latin1 character in a (legal) extra space
    a = np.arange(4, dtype="<i4")
    h = "{'descr': '<i4', 'fortran_order': False, 'shape': (4,), }"
    hb = h.encode("utf8")
    pad = 64 - (12 + len(hb) + 1) % 64
    raw = b"\x93NUMPY\x03\x00" + struct.pack("<I", len(hb) + pad + 1) + hb + b" " * pad + b"\n" + a.tobytes()
    reads.append({"id": "version 3 utf8", "npy": raw.hex(), "dtype": "int32", "shape": [4], "data": a.tobytes().hex()})
    # Python 2 style header with L suffixes and double quotes
    h = '{"descr": "<i8", "fortran_order": False, "shape": (2L, 2L)}'
    hb = h.encode()
    pad = 64 - (10 + len(hb) + 1) % 64
    raw = b"\x93NUMPY\x01\x00" + struct.pack("<H", len(hb) + pad + 1) + hb + b" " * pad + b"\n" + np.arange(4, dtype="<i8").tobytes()
    reads.append({"id": "py2 header", "npy": raw.hex(), "dtype": "int64", "shape": [2, 2], "data": np.arange(4, dtype="<i8").tobytes().hex()})

    npz = []
    for comp in [False, True]:
        b = io.BytesIO()
        arrs = {"x": np.arange(6.0).reshape(2, 3), "flags": np.array([True, False])}
        (np.savez_compressed if comp else np.savez)(b, np.arange(3, dtype=np.int16), np.eye(2, dtype=np.float32), **arrs)
        d = np.load(io.BytesIO(b.getvalue()))
        npz.append({"id": f"compressed={comp}", "bytes": b.getvalue().hex(), "files": d.files, "arrays": {k: {"dtype": str(d[k].dtype), "shape": list(d[k].shape), "data": d[k].tobytes().hex()} for k in d.files}})

    good = npy_bytes(np.arange(6.0).reshape(2, 3))
    bad_inputs = {
        "truncated data": good[:-5],
        "truncated header": good[:50],
        "truncated header length": good[:8],
        "wrong version": b"\x93NUMPY\x04\x00" + good[8:],
        "missing key": good.replace(b"'descr'", b"'dexcr'"),
        "malformed shape": good.replace(b"(2, 3)", b"(2, x)"),
        "code in header": good.replace(b"'<f8'", b"__import__('os')"),
        "header not a dict": good.replace(b"{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }", b"[1, 2, 3]" + b" " * 51),
        "negative shape": good.replace(b"(2, 3)", b"(2,-3)"),
        "pickle": pickle.dumps([1, 2]),
        "object array": (lambda: (lambda b: (np.save(b, np.array([1, "a"], dtype=object), allow_pickle=True), b.getvalue())[1])(io.BytesIO()))(),
        "long header": b"\x93NUMPY\x02\x00" + struct.pack("<I", 20058) + b"{'descr': '<f8', 'fortran_order': False, 'shape': (2,), " + b" " * 20000 + b"}\n" + b"\0" * 16,
    }
    bad = []
    for k, b in bad_inputs.items():
        e = err(lambda: np.load(io.BytesIO(b)))
        bad.append({"id": k, "bytes": b.hex(), **(e or {"error": None, "message": None})})
    # ndscope-only refusals (numpy loads these; ndscope has no such dtype)
    for dt in ["complex128", "<U3", "S2", "float16", "datetime64[s]"]:
        bad.append({"id": f"unsupported {dt}", "bytes": npy_bytes(np.zeros(2, dtype=dt)).hex(), "error": "ValueError", "message": None})

    text = []

    def tcase(cid, fn, src, **kw):
        try:
            r = getattr(np, fn)(io.StringIO(src), **kw)
            text.append({"id": cid, "fn": fn, "src": src, "kwargs": kw, "dtype": str(r.dtype), "shape": list(r.shape), "data": r.tobytes().hex()})
        except Exception as e:  # noqa: BLE001
            text.append({"id": cid, "fn": fn, "src": src, "kwargs": kw, "error": type(e).__name__, "message": str(e)})

    tcase("ws", "loadtxt", "1 2 3\n4 5 6\n")
    tcase("csv", "loadtxt", "1,2\n3,4\n", delimiter=",")
    tcase("csv spaces", "loadtxt", "1, 2.5\n-3e2 ,4\n", delimiter=",")
    tcase("comments", "loadtxt", "# head\n1 2 # tail\n\n3 4\n")
    tcase("comment char", "loadtxt", "% c\n1 2\n", comments="%")
    tcase("skiprows", "loadtxt", "a b\nc d\n1 2\n3 4\n", skiprows=2)
    tcase("usecols", "loadtxt", "1 2 3\n4 5 6\n", usecols=[0, 2])
    tcase("usecols int", "loadtxt", "1 2 3\n4 5 6\n", usecols=1)
    tcase("usecols negative", "loadtxt", "1 2 3\n4 5 6\n", usecols=[-1])
    tcase("dtype int", "loadtxt", "1 2\n3 4\n", dtype="int64")
    tcase("dtype int32", "loadtxt", "1,2\n-3,4\n", delimiter=",", dtype="int32")
    tcase("dtype float32", "loadtxt", "0.1 0.2\n", dtype="float32")
    tcase("max_rows", "loadtxt", "1 2\n3 4\n5 6\n", max_rows=2)
    tcase("single row", "loadtxt", "1 2 3\n")
    tcase("single column", "loadtxt", "1\n2\n3\n")
    tcase("single value", "loadtxt", "5\n")
    tcase("ndmin 2 row", "loadtxt", "1 2 3\n", ndmin=2)
    tcase("ndmin 2 column", "loadtxt", "1\n2\n", ndmin=2)
    tcase("ndmin 1 value", "loadtxt", "7\n", ndmin=1)
    tcase("nan inf", "loadtxt", "nan inf\n-inf 1e-300\n")
    tcase("bad float", "loadtxt", "1,2\n3,x\n", delimiter=",")
    tcase("bad int", "loadtxt", "1.5 2\n3 4\n", dtype="int64")
    tcase("ragged", "loadtxt", "1,2\n3\n", delimiter=",")
    tcase("usecols out of range", "loadtxt", "1 2 3\n4 5 6\n", usecols=[0, 5])
    tcase("crlf", "loadtxt", "1,2\r\n3,4\r\n", delimiter=",")
    tcase("gen missing", "genfromtxt", "1,,3\n4,5,\n", delimiter=",")
    tcase("gen missing_values", "genfromtxt", "1,N/A,3\n4,5,6\n", delimiter=",", missing_values="N/A")
    tcase("gen filling", "genfromtxt", "1,N/A,3\n4,5,\n", delimiter=",", missing_values="N/A", filling_values=-1)
    tcase("gen unparsable", "genfromtxt", "1,abc,3\n", delimiter=",")
    tcase("gen ws", "genfromtxt", "1 2\n3 4\n")
    tcase("gen skip_header footer", "genfromtxt", "h\n1 2\n3 4\n5 6\nf\n", skip_header=1, skip_footer=1)
    tcase("gen usecols", "genfromtxt", "1,2,3\n4,5,6\n", delimiter=",", usecols=[0, 2])
    tcase("gen comments", "genfromtxt", "# c\n1,2 # x\n3,4\n", delimiter=",")
    tcase("gen max_rows", "genfromtxt", "1 2\n3 4\n5 6\n", max_rows=2)
    tcase("gen ragged", "genfromtxt", "1,2\n3\n4,5\n", delimiter=",")

    saves = []

    def scase(cid, arr, **kw):
        s = io.StringIO()
        try:
            np.savetxt(s, arr, **kw)
            saves.append({"id": cid, "array": arr.tobytes().hex(), "shape": list(arr.shape), "dtype": str(arr.dtype), "kwargs": kw, "text": s.getvalue()})
        except Exception as e:  # noqa: BLE001
            saves.append({"id": cid, "array": arr.tobytes().hex(), "shape": list(arr.shape), "dtype": str(arr.dtype), "kwargs": kw, "error": type(e).__name__, "message": str(e)})

    m = np.array([[1.5, -2.0, 0.1], [1e-300, 12345.678, -0.0]])
    scase("default", m)
    scase("fmt %.3f", m, fmt="%.3f")
    scase("fmt %g", m, fmt="%g")
    scase("fmt %10.4e", m, fmt="%10.4e")
    scase("fmt list", m, fmt=["%d", "%.2f", "%s"])
    scase("fmt row", m, fmt="%.1f;%.2f;%.3f")
    scase("delimiter", m, delimiter=",")
    scase("header footer", m, header="a b c\nsecond", footer="end", fmt="%.2f")
    scase("comments", m, header="h", comments="// ", fmt="%.2f")
    scase("newline", m, newline="\r\n", fmt="%.1f")
    scase("1d", np.array([1.0, 2.5, 3.0]))
    scase("int", np.array([[1, -2], [30, 400]]), fmt="%d")
    scase("int default", np.array([[1, -2], [30, 400]]))
    scase("int width", np.array([[1, -2], [30, 400]]), fmt="%5d")
    scase("zero pad", np.array([[1, -2], [30, 400]]), fmt="%05d")
    scase("nan inf", np.array([np.nan, np.inf, -np.inf]), fmt="%.3f")
    scase("g variety", np.array([0.0001, 0.00001, 123456.0, 1234567.0, 1.0, 0.5, 100.0]), fmt="%g")
    scase("plus", np.array([1.0, -1.0]), fmt="%+.2e")
    scase("3d error", np.zeros((2, 2, 2)))
    scase("wrong fmt count", m, fmt="%d %d")

    out = {"numpy": np.__version__, "writes": writes, "reads": reads, "npz": npz, "bad": bad, "text": text, "savetxt": saves}
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures.json")
    with open(path, "w") as fh:
        json.dump(out, fh, separators=(",", ":"), allow_nan=False)
    print("wrote", path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    main()
