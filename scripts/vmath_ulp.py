# usage: vmath_ulp.py fn in.bin out.bin -> max ulp error of out vs mpmath fn(in) (see vmath_ulp.ts)
import sys, numpy as np, mpmath as mp
mp.mp.prec = 120
fn = sys.argv[1]; x = np.fromfile(sys.argv[2]); y = np.fromfile(sys.argv[3])
f = {'exp': mp.exp, 'log': mp.log, 'log1p': mp.log1p, 'expm1': mp.expm1, 'sin': mp.sin, 'cos': mp.cos, 'tan': mp.tan, 'tanh': mp.tanh}[fn]
worst = 0; wx = None; bad = 0
npf = getattr(np, fn)
nd = 0
for xi, yi in zip(x.tolist(), y.tolist()):
    if not np.isfinite(yi) or yi == 0:
        continue
    t = f(mp.mpf(xi))
    tf = float(t)
    if tf == 0 or not np.isfinite(tf): continue
    u = float(np.spacing(abs(tf))) if abs(tf) >= 2.2250738585072014e-308 else 5e-324
    e = abs(float((mp.mpf(yi) - t) / u))
    if e > worst: worst, wx = e, xi
    if e > 0.5: bad += 1
print(fn, 'n', len(x), 'max ulp', worst, 'at', repr(wx), 'not correctly rounded:', bad)
