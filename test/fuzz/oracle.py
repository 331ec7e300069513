"""The live numpy oracle for the differential fuzz: reads cases (the fixture format of
test/parity/gen/common.py) as JSON on stdin, writes numpy's expectations as JSON on stdout."""
import base64
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity", "gen"))
import numpy as np  # noqa: E402
from common import apply_view, enc_result, resolve  # noqa: E402

np.seterr(all="ignore")


def dec(v, built):
    if isinstance(v, list):
        return [dec(x, built) for x in v]
    if isinstance(v, dict):
        if "nd" in v:
            s = v["nd"]
            a = np.frombuffer(base64.b64decode(s["b64"]), dtype=s["dtype"]).reshape(s["shape"]).copy()
            for op in s["view"]:
                a = apply_view(a, op)
            built.append(a)
            return a
        if "dict" in v:
            return {k: dec(x, built) for k, x in v["dict"].items()}
        if "int" in v:
            return int(v["int"])
        if "float" in v:
            return float(v["float"])
        if "bool" in v:
            return bool(v["bool"])
    return v


def run(case):
    built = []
    method = case.get("method")
    try:
        # building the inputs' views may itself raise (an index out of bounds): that is the case's result
        args = dec(case["args"], built)
        kw = {k: dec(x, built) for k, x in case.get("kwargs", {}).items()}
        for k in ("axis", "source", "destination", "shift"):
            if isinstance(kw.get(k), list):
                kw[k] = tuple(kw[k])  # a JS array is NumPy's tuple
        if method == "get":
            # a string is the whole index expression; anything else (a list, an array) is one index
            r = eval(f"a[{args[1]}]", {"a": args[0], "None": None}) if isinstance(args[1], str) else args[0][args[1]]
        elif method == "set":
            a = args[0]
            if isinstance(args[1], str):
                exec(f"a[{args[1]}] = v", {"a": a, "v": args[2], "None": None})
            else:
                a[args[1]] = args[2]
            r = a
        elif method is not None:
            r = getattr(args[0], method)(*args[1:], **kw)
        else:
            r = resolve(case["fn"])(*args, **kw)
        return enc_result(r, built)
    except (ValueError, IndexError, TypeError, OverflowError, ZeroDivisionError) as e:
        name = type(e).__name__
        if "UFunc" in name and isinstance(e, TypeError):
            name = "TypeError"
        return {"error": {"cls": name, "msg": str(e)}}


def main():
    cases = json.load(sys.stdin)
    json.dump([run(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
