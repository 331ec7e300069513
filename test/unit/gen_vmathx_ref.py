"""Reference values for test/unit/vmathx_ulp.test.ts: sampled inputs of tan, tanh and power (hard
regions weighted: tan near multiples of π/2, tanh for |x| in 0.5–20 and around its 2^-4 switch,
power for x near 1 with large |y|, huge/tiny results, negative x with integer y) with the true
value as a double-double (hi, lo) from mpmath at 200 bits, plus NumPy's results for the special
inputs (power: the full special-value grid of np.power). Writes test/unit/fixtures/vmathx_ref.json.

    python3 test/unit/gen_vmathx_ref.py                 # the committed fixture (4,000 per function)
    python3 test/unit/gen_vmathx_ref.py --n 120000 --out scratch/vmathx_big.json
    VMATHX_REF=scratch/vmathx_big.json npx tsx --test test/unit/vmathx_ulp.test.ts   # large sample
"""
import argparse, json, math, random, struct
import mpmath as mp
import numpy as np

mp.mp.prec = 200
ap = argparse.ArgumentParser()
ap.add_argument('--n', type=int, default=4000)
ap.add_argument('--out', default='test/unit/fixtures/vmathx_ref.json')
ap.add_argument('--seed', type=int, default=20261126)
args = ap.parse_args()
random.seed(args.seed)


def rbits(lo_exp, hi_exp, sign):
    e = random.randint(lo_exp, hi_exp)
    b = ((e + 1023) << 52) | random.getrandbits(52)
    x = struct.unpack('<d', struct.pack('<Q', b))[0]
    return -x if sign and random.random() < 0.5 else x


def near_half_pi():
    k = random.randint(-63000, 63000)
    x = float(k * mp.pi / 2)
    steps = random.randint(-3, 3)
    for _ in range(abs(steps)):
        x = math.nextafter(x, math.inf if steps > 0 else -math.inf)
    return x


def tan_input():
    u = random.random()
    if u < 0.35: return random.uniform(-10, 10)
    if u < 0.55: return random.uniform(-1e5, 1e5)
    if u < 0.75: return near_half_pi()
    if u < 0.85: return round(random.uniform(-6e4, 6e4)) * math.pi / 4 * (1 + random.uniform(-1, 1) * 1e-9)
    if u < 0.92: return rbits(-1074 + 52, -1, True)
    return rbits(17, 1023, True)  # |x| > 1e5: the host's Math.sin/Math.cos


def tanh_input():
    u = random.random()
    s = 1 if random.random() < 0.5 else -1
    if u < 0.5: return s * random.uniform(0.5, 20)
    if u < 0.7: return random.uniform(-0.5, 0.5)
    if u < 0.8: return s * random.uniform(0.05, 0.08)
    if u < 0.9: return rbits(-30, -4, True)
    return random.uniform(-25, 25)


def pow_input():
    u = random.random()
    if u < 0.25:  # x near 1, large |y|: |y·log x| up to ~740
        x = 1 + random.choice([-1, 1]) * 2.0 ** -random.uniform(1, 52)
        lx = abs(math.log(x)) or 2.0 ** -53
        y = random.uniform(-1, 1) * min(740 / lx, 1e300)
        return x, y
    if u < 0.45:
        return random.uniform(0, 10), random.uniform(-50, 50)
    if u < 0.65:  # any positive x, y so that the result is in or near the double range
        x = rbits(-1074 + 52, 1023, False)
        lx = math.log(x)
        y = random.uniform(-1, 1) * 760 / abs(lx) if lx != 0 else random.uniform(-5, 5)
        return x, y
    if u < 0.75:  # negative x, integer y
        return -random.uniform(0, 20), float(random.randint(-300, 300))
    if u < 0.85:  # subnormal / overflow boundaries
        x = random.uniform(0.1, 10)
        t = random.choice([-745.5, -740, -708.5, 709.5, 709.78])
        return x, (t + random.uniform(-1, 1)) / math.log(x) if abs(math.log(x)) > 1e-3 else 1.0
    return rbits(-100, 100, False), random.uniform(-3, 3)


def ref(fn, x, y=None):
    if fn == 'tan': return mp.tan(mp.mpf(x))
    if fn == 'tanh': return mp.tanh(mp.mpf(x))
    if x < 0:
        v = mp.power(-mp.mpf(x), mp.mpf(y))
        return -v if int(y) % 2 else v
    return mp.power(mp.mpf(x), mp.mpf(y))


DBL_MAX = mp.mpf(1.7976931348623157e308)
out = {}
for fn, gen in [('tan', tan_input), ('tanh', tanh_input), ('power', pow_input)]:
    rows = []
    while len(rows) < args.n:
        v = gen()
        xs = list(v) if isinstance(v, tuple) else [v]
        if any(math.isnan(a) or math.isinf(a) for a in xs): continue
        t = ref(fn, *xs)
        if t == 0 or abs(t) > DBL_MAX: continue
        hi = float(t)
        lo = float(t - mp.mpf(hi))
        rows.append(xs + [hi, lo])
    out[fn] = {'samples': rows}

S1 = [0.0, -0.0, math.inf, -math.inf, math.nan, 5e-324, -5e-324, 1e-300, 7.450580596923828e-9,
      -7.450580596923828e-9, 1.0, -1.0, 0.0625, -0.0625, 0.5, 22.0, 22.000000000000004, -23.0, 30.0,
      math.pi / 4, math.pi / 2, -math.pi / 2, math.pi, 1e5, -1e5, 100000.00000000001, 1e22, 1e300]
with np.errstate(all='ignore'):
    out['tan']['specials'] = [[x, float(np.tan(np.float64(x)))] for x in S1]
    out['tanh']['specials'] = [[x, float(np.tanh(np.float64(x)))] for x in S1]
    P = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.0, -3.0, 2.5, -2.5, 1e308, -1e308, 5e-324,
         -5e-324, 0.9999999999999999, 1.0000000000000002, 1075.0, -1075.0, 1023.5, 9007199254740993.0,
         9007199254740991.0, -9007199254740991.0, 1e300, math.inf, -math.inf, math.nan]
    # whole arrays (stride 1): NumPy's loop takes sqrt/square/reciprocal fast paths only for a
    # scalar (stride-0) exponent, tested separately
    gx = np.array([x for x in P for y in P])
    gy = np.array([y for x in P for y in P])
    out['power']['specials'] = [[float(a), float(b), float(c)] for a, b, c in zip(gx, gy, np.power(gx, gy))]


def enc(v):
    if isinstance(v, float):
        if math.isnan(v): return '"NaN"'
        if math.isinf(v): return '"Infinity"' if v > 0 else '"-Infinity"'
        return repr(v)
    return str(v)


def dump(o):
    if isinstance(o, dict): return '{' + ','.join(f'"{k}":{dump(v)}' for k, v in o.items()) + '}'
    if isinstance(o, list): return '[' + ','.join(dump(v) for v in o) + ']'
    return enc(o)


with open(args.out, 'w') as fh:
    fh.write(dump(out) + '\n')
