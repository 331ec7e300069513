"""Shared machinery for the parity fixtures.

Each ``cases_<area>.py`` module in this folder defines ``def cases(c: Cases) -> None`` and calls
``c.add(...)``. ``generate.py`` runs numpy on every case and writes
``test/parity/fixtures/<area>.json``; ``test/parity/parity.test.ts`` replays them in ndscope.

A case calls a numpy function (``fn='add'``, ``fn='linalg.solve'``) or a method of its first
argument (``method='reshape'``). Arguments are JSON values, arrays made with ``arr(...)``, or
Python floats (which must not be integer-valued: JS cannot tell 2.0 from 2, and ndscope treats an
integer-valued number as a weak int, a documented divergence). Keyword arguments become ndscope's
trailing options object.

Special methods: ``method='get'`` with one index string evaluates ``a[<string>]``;
``method='set'`` with (index string, value) evaluates ``a[<string>] = value`` and the result is
``a`` itself (so the write through views can be compared).
``method='pair'`` with (arr, view ops A, view ops B, fn name) evaluates ``fn(A, B)`` where A and B
are views of the SAME built array (e.g. ``shares_memory`` of two slices of one buffer).
"""
import base64
import json
import math
import numpy as np

np.seterr(all="ignore")


class Arr:
    """An input array: values + dtype, then an optional chain of view ops."""

    def __init__(self, data, dtype=None, view=None):
        a = np.array(data, dtype=dtype)
        self.base = a
        self.view = view or []

    def build(self):
        a = self.base.copy()
        for op in self.view:
            a = apply_view(a, op)
        return a

    def spec(self):
        a = self.base
        return {
            "nd": {
                "dtype": str(a.dtype),
                "shape": list(a.shape),
                "b64": base64.b64encode(np.ascontiguousarray(a).tobytes()).decode(),
                "view": self.view,
            }
        }


def apply_view(a, op):
    """View ops: 'T', ['get', '1:, ::2'], ['reshape', [3, 4]], ['transpose', [1,0,2]],
    ['broadcast_to', [3, 4]], ['astype', 'float32'] (a copy), ['F'] (Fortran-ordered copy)."""
    if op == "T":
        return a.T
    if op == "F":
        return np.asfortranarray(a)
    name, arg = op
    if name == "get":
        return eval(f"a[{arg}]", {"a": a, "None": None, "np": np})
    if name == "reshape":
        return a.reshape(arg)
    if name == "transpose":
        return a.transpose(arg)
    if name == "broadcast_to":
        return np.broadcast_to(a, arg)
    if name == "astype":
        return a.astype(arg)
    if name == "as_strided":  # [shape, byte strides]
        return np.lib.stride_tricks.as_strided(a, shape=arg[0], strides=arg[1])
    raise ValueError(op)


def arr(data, dtype=None, view=None):
    if isinstance(view, (str, tuple)):
        view = [view]
    return Arr(data, dtype, [list(v) if isinstance(v, tuple) else v for v in (view or [])])


def random_view_ops(rng, shape, kinds, slices):
    """A random chain of 0-2 view ops over an array of `shape`: 'T', a random ('transpose', perm),
    ('get', slices from `slices`) or ('broadcast_to', ...) adding a leading dim while ndim < 4;
    `kinds` weights the choice (e.g. ["T", "transpose", "get", "get", "bcast"]).
    Returns (ops, the viewed shape)."""
    ops = []
    cur = list(shape)
    for _ in range(rng.randint(0, 3)):
        kind = rng.choice(kinds)
        if kind == "T":
            ops.append("T")
            cur = cur[::-1]
        elif kind == "transpose":
            perm = list(range(len(cur)))
            rng.shuffle(perm)
            ops.append(("transpose", perm))
            cur = [cur[p] for p in perm]
        elif kind == "get":
            idx = [rng.choice(slices) for _ in cur]
            ops.append(("get", ", ".join(idx)))
            cur = list(np.empty(cur)[tuple(eval(f"np.s_[{i}]") for i in idx)].shape)
        elif kind == "bcast" and len(cur) < 4:
            new = [rng.randint(1, 3)] + [d if d != 1 else rng.choice([1, 3]) for d in cur]
            ops.append(("broadcast_to", new))
            cur = new
    return ops, cur


def enc_scalar(v):
    if isinstance(v, (bool, np.bool_)):
        return {"bool": bool(v)}
    if isinstance(v, (int, np.integer)):
        return {"int": str(int(v))}
    if isinstance(v, (float, np.floating)):
        f = float(v)
        if math.isnan(f):
            return {"float": "nan"}
        if math.isinf(f):
            return {"float": "inf" if f > 0 else "-inf"}
        return {"float": repr(f)}
    raise TypeError(type(v))


def enc_arg(v):
    if isinstance(v, Arr):
        return v.spec()
    if isinstance(v, float):
        if v == int(v) if math.isfinite(v) else False:
            raise ValueError(f"integer-valued float {v} as an argument: JS cannot tell it from an int")
        return enc_scalar(v)
    if isinstance(v, (list, tuple)):
        return [enc_arg(x) for x in v]
    if isinstance(v, dict):
        return {"dict": {k: enc_arg(x) for k, x in v.items()}}
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) > 2**53:
        return enc_scalar(v)  # exact (JSON numbers lose precision past 2**53; decoded as bigint)
    if v is None or isinstance(v, (bool, int, str)):
        return v
    raise TypeError(f"cannot encode {type(v)}")


def dec_arg(v, built):
    if isinstance(v, Arr):
        a = v.build()
        built.append(a)
        return a
    if isinstance(v, list):
        return [dec_arg(x, built) for x in v]
    if isinstance(v, tuple):
        return tuple(dec_arg(x, built) for x in v)
    if isinstance(v, dict):
        return {k: dec_arg(x, built) for k, x in v.items()}
    return v


def enc_result(r, sources):
    if isinstance(r, np.ndarray):
        out = {
            "array": {
                "dtype": str(r.dtype),
                "shape": list(r.shape),
                "strides": list(r.strides),
                "c": bool(r.flags.c_contiguous),
                "f": bool(r.flags.f_contiguous),
                "writeable": bool(r.flags.writeable),
                "b64": base64.b64encode(np.ascontiguousarray(r).tobytes()).decode(),
            }
        }
        if sources:
            out["array"]["shares"] = bool(np.shares_memory(r, sources[0])) if r.size and sources[0].size else False
        return out
    if isinstance(r, (tuple, list)):
        return {"list": [enc_result(x, sources) for x in r]}
    if isinstance(r, (np.generic, int, float, bool)):
        if isinstance(r, np.generic) and r.dtype.kind not in "biuf":
            raise TypeError(r.dtype)
        return {"scalar": enc_scalar(r)}
    if r is None:
        return {"none": True}
    raise TypeError(f"cannot encode result {type(r)}")


def resolve(fn):
    obj = np
    for part in fn.split("."):
        obj = getattr(obj, part)
    return obj


class Cases:
    def __init__(self, area):
        self.area = area
        self.items = []
        self.ids = set()

    def add(self, id, fn=None, *args, method=None, rtol=None, exact=None, **kwargs):
        """Adds one case; numpy's result or error is recorded."""
        full_id = f"{self.area}/{id}"
        if full_id in self.ids:
            raise ValueError(f"duplicate case id {full_id}")
        self.ids.add(full_id)
        built = []
        dargs = dec_arg(list(args), built)
        dkw = dec_arg(kwargs, built)
        try:
            if method == "get":
                r = eval(f"a[{dargs[1]}]", {"a": dargs[0], "None": None, "np": np})
            elif method == "set":
                a = dargs[0]
                exec(f"a[{dargs[1]}] = v", {"a": a, "v": dargs[2], "None": None, "np": np})
                r = a
            elif method == "pair":
                # (source, view ops A, view ops B, fn): fn(view A of source, view B of source),
                # so memory-sharing functions can see two views of ONE array.
                a = dargs[0]
                x, y = a, a
                for op in dargs[1]:
                    x = apply_view(x, op)
                for op in dargs[2]:
                    y = apply_view(y, op)
                r = resolve(dargs[3])(x, y, **dkw)
            elif method is not None:
                r = getattr(dargs[0], method)(*dargs[1:], **dkw)
            else:
                r = resolve(fn)(*dargs, **dkw)
            if isinstance(r, np.ndarray) and r.dtype.kind not in "biuf":
                raise TypeError(f"unsupported result dtype {r.dtype}")
            expect = enc_result(r, built)
        except (ValueError, IndexError, TypeError, np.linalg.LinAlgError, OverflowError, ZeroDivisionError, KeyError) as e:
            name = type(e).__name__
            if name == "AxisError":
                name = "AxisError"
            elif "UFunc" in name and isinstance(e, TypeError):
                # numpy's UFuncTypeError/_UFuncNoLoopError etc. are TypeErrors to users
                name = "TypeError"
            expect = {"error": {"cls": name, "msg": str(e)}}
        case = {"id": full_id, "args": enc_arg(list(args))}
        if fn is not None:
            case["fn"] = fn
        if method is not None:
            case["method"] = method
        if kwargs:
            case["kwargs"] = {k: enc_arg(v) for k, v in kwargs.items()}
        if rtol is not None:
            case["rtol"] = rtol
        if exact is not None:
            case["exact"] = exact
        case["expect"] = expect
        self.items.append(case)

    def dump(self, path):
        with open(path, "w") as f:
            json.dump({"area": self.area, "numpy": np.__version__, "cases": self.items}, f, indent=0, separators=(",", ":"))
            f.write("\n")
