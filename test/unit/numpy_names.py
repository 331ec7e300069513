"""Writes test/unit/numpy-names.json: NumPy's public names, the oracle of namespace.test.ts.

    python3 test/unit/numpy_names.py

`dir()` of numpy and of the submodules ndscope mirrors as namespaces (`linalg`, `random`, `lib`
and the `lib` submodules it exposes). Rerun after a NumPy upgrade and commit the JSON.
"""
import json
import os

import numpy as np
import numpy.lib.array_utils
import numpy.lib.stride_tricks

MODULES = {
    "numpy": np,
    "numpy.linalg": np.linalg,
    "numpy.random": np.random,
    "numpy.lib": np.lib,
    "numpy.lib.stride_tricks": np.lib.stride_tricks,
    "numpy.lib.array_utils": np.lib.array_utils,
}

out = {"numpy_version": np.__version__}
out.update({name: sorted(dir(mod)) for name, mod in MODULES.items()})
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "numpy-names.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {path}: " + ", ".join(f"{k} {len(v)}" for k, v in out.items() if k != "numpy_version"))
