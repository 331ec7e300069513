"""Reference values for test/unit/vmath_ulp.test.ts: sampled inputs of each vectorized function
with the true value as a double-double (hi, lo) from mpmath at 200 bits, and NumPy's result for
the special inputs. Writes test/unit/fixtures/vmath_ref.json (~0.8 MB).

    python3 test/unit/gen_vmath_ref.py
"""
import json, math, random, struct
import mpmath as mp
import numpy as np

mp.mp.prec = 200
random.seed(20261126)

def rbits(lo_exp, hi_exp, sign):
    e = random.randint(lo_exp, hi_exp)
    m = random.getrandbits(52)
    b = ((e + 1023) << 52) | m
    x = struct.unpack('<d', struct.pack('<Q', b))[0]
    return -x if sign and random.random() < 0.5 else x

def inputs(fn, n):
    xs = []
    for _ in range(n):
        u = random.random()
        if fn == 'exp':
            if u < 0.5: x = random.uniform(-745.2, 709.8)
            elif u < 0.8: x = random.uniform(-5, 5)
            elif u < 0.9: x = rbits(-1074 + 52, -1, True)
            else: x = random.choice([random.uniform(-745.2, -700), random.uniform(700, 709.78)])
        elif fn in ('sin', 'cos'):
            if u < 0.5: x = random.uniform(-10, 10)
            elif u < 0.7: x = random.uniform(-1e5, 1e5)
            elif u < 0.8: x = rbits(-1074 + 52, -1, True)
            elif u < 0.9: x = round(random.uniform(-6e4, 6e4)) * math.pi / 2 * (1 + random.uniform(-1, 1) * 1e-12)
            else: x = rbits(17, 1023, True)  # huge: the host's Math.sin/cos
        elif fn == 'expm1':
            if u < 0.3: x = rbits(-60, -5, True)
            elif u < 0.5: x = random.uniform(-0.07, 0.07)
            elif u < 0.9: x = random.uniform(-40, 40)
            else: x = random.uniform(-745, 709.7)
        elif fn == 'log1p':
            if u < 0.3: x = rbits(-60, -1, True)
            elif u < 0.5: x = -random.random()
            elif u < 0.8: x = random.random() * 10 ** random.uniform(0, 10)
            elif u < 0.9: x = random.uniform(-1, 1) * 2.0 ** -8
            else: x = rbits(-1022, 1023, False)
        else:  # log
            if u < 0.5: x = rbits(-1022, 1023, False)
            elif u < 0.7: x = random.uniform(0, 4)
            elif u < 0.9: x = 1 + random.uniform(-1, 1) * 2.0 ** -random.uniform(1, 52)
            else: x = struct.unpack('<d', struct.pack('<Q', random.getrandbits(52) or 1))[0]  # subnormal
        xs.append(x)
    return xs

SPECIALS = {
    'exp': [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 709.782712893384, 709.7827128933841,
            710.0, -745.1332191019411, -745.1332191019412, -745.2, -708.3964185322641, -708.4, 1e-300,
            -1e-300, 5e-324, 1e308, -1e308],
    'log': [0.0, -0.0, 1.0, -1.0, math.inf, -math.inf, math.nan, 5e-324, 2.2250738585072014e-308,
            2.225073858507201e-308, 1.7976931348623157e308, 0.9999999999999999, 1.0000000000000002,
            2.0, 0.5, 10.0, math.e],
    'expm1': [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-300, 709.782712893384,
              710.0, -40.0, -745.2, 2.0 ** -54],
    'log1p': [0.0, -0.0, -1.0, -2.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-300,
              1.7976931348623157e308, 2.0 ** -54],
    'sin': [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-300, 7.450580596923828e-9,
            1.0, -1.0, math.pi, math.pi / 2, 1e5, -1e5, 1e22, 1e300],
    'cos': [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, 1e-300, 7.450580596923828e-9, 1.0,
            math.pi, math.pi / 2, 1e5, -1e5, 1e22, 1e300],
}

out = {}
for fn, n in [('exp', 2000), ('expm1', 2000), ('log', 2000), ('log1p', 2000), ('sin', 2000), ('cos', 2000)]:
    f = getattr(mp, fn)
    rows = []
    for x in inputs(fn, n):
        t = f(mp.mpf(x))
        hi = float(t)
        if hi == 0 or math.isinf(hi): continue
        lo = float(t - mp.mpf(hi))
        rows.append([x, hi, lo])
    with np.errstate(all='ignore'):
        sp = [[x, float(getattr(np, fn)(np.float64(x)))] for x in SPECIALS[fn]]
    out[fn] = {'samples': rows, 'specials': sp}

# log beside the bucket around 1 (|x - 1| in [2**-13, 2**-9]), densely: there the reduced argument
# is as large as log x, so its rounding weighs most (the uniform sample above rarely lands there)
dense = random.Random(7)
near1 = [1.0004882924210574, 0.999755786490637]  # worst found by a dense search: 1.0075, 0.998 ulp
for sign in (1, -1):
    for _ in range(6000):
        near1.append(1 + sign * dense.uniform(2.0 ** -13, 2.0 ** -9))
    for _ in range(6000):
        near1.append(1 + sign * dense.uniform(2.0 ** -12, 2.0 ** -10))
for x in near1:
    t = mp.log(mp.mpf(x))
    hi = float(t)
    out['log']['samples'].append([x, hi, float(t - mp.mpf(hi))])

def enc(v):
    if isinstance(v, float):
        if math.isnan(v): return 'NaN'
        if math.isinf(v): return 'Infinity' if v > 0 else '-Infinity'
        return repr(v)
    return v

def dump(o):
    if isinstance(o, dict): return '{' + ','.join(f'"{k}":{dump(v)}' for k, v in o.items()) + '}'
    if isinstance(o, list): return '[' + ','.join(dump(v) for v in o) + ']'
    v = enc(o)
    return f'"{v}"' if v in ('NaN', 'Infinity', '-Infinity') else str(v)

with open('test/unit/fixtures/vmath_ref.json', 'w') as fh:
    fh.write(dump(out) + '\n')
