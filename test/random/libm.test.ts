/**
 * libmlog / libmlog1p vs glibc: logLibm, log1pLibm and log1pfLibm must return exactly what this
 * machine's libm returns for log, log1p and log1pf (NumPy's random distributions call them, so
 * np.random's values are NumPy's to the byte). The oracle is python3: math.log / math.log1p (the
 * same libm) and libm's log1pf through ctypes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fma, logLibm } from '../../src/runtime/random/libmlog';
import { fmaExact } from '../native/vmath_fma_twin';
import { log1pLibm, log1pfLibm } from '../../src/runtime/random/libmlog1p';

// V8's Math.log1p (fdlibm without FMA contraction) and fround(Math.log1p) miss glibc on these
const LOG1P_HARD = [
  -0.2715443429964054, -0.17087115546360243, -0.20668310961661218, -0.6109946351687285,
  0.3576214865996516, 0.36661116219304385, 0.3189336366301139, 0.2237485468022006,
  2.0539315384462755, 1.7076845283260362, 1.8160748762285324, 0.43015516281077215,
  -0.2840354805318333, -0.1592134358597555, -0.2879660193667126, -0.22056330243598593,
  -0.9999999950202023, 351.8133201033147,
];
const LOG1PF_HARD = [
  -0.9236812591552734, -0.4099503755569458, -0.372243195772171, -0.3708697557449341,
  0.25174999237060547, 0.3323083221912384, 0.3756442964076996, 0.3894985616207123,
  1.835807204246521, 2.0874459743499756, 0.636491596698761, 3.319908618927002, 38.03873062133789,
  406.6319885253906, 1.633830189704895, 1.400451421737671, -0.9201595187187195, -0.9887632131576538,
  -0.9796199798583984, -0.9950151443481445,
];
const SPECIALS = [
  0,
  -0,
  -1,
  1,
  -2,
  Infinity,
  -Infinity,
  NaN,
  5e-324,
  -5e-324,
  1.401298464324817e-45,
  2.2250738585072014e-308,
  1.7976931348623157e308,
  3.4028234663852886e38,
  2 ** 53,
  2 ** 24,
  2 ** -29,
  -(2 ** -29),
  2 ** -54,
  -(2 ** -54),
  2 ** -20,
  Math.SQRT2 - 1,
  Math.SQRT1_2 - 1,
];

// deterministic: the same arguments on every run
let seed = 0x2545f491;
function rnd(): number {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  const a = seed;
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return (a * 2 ** 21 + (seed >>> 11)) / 2 ** 53;
}

/** Regions: (-1, 0), near -1, tiny ±, subnormal, (0, 1e6], huge, 1 + x near a power of 2. */
function argument(i: number, float: boolean): number {
  const u = rnd();
  const sign = rnd() < 0.5 ? -1 : 1;
  switch (i % 8) {
    case 0:
      return -u;
    case 1:
      return -1 + 2 ** -Math.floor(1 + rnd() * (float ? 24 : 53)) * u;
    case 2:
      return sign * (float ? 10 ** (-38 + 33 * u) : 10 ** (-300 + 295 * u));
    case 3:
      return sign * u * (float ? 2 ** -126 : 2 ** -1022);
    case 4:
      return 10 ** (-5 + 11 * u);
    case 5:
      return float ? 10 ** (6 + 32 * u) : 10 ** (6 + 302 * u);
    case 6: {
      // 1 + x within ~2**-20 of 2**k: the |f| < 2**-20 branch (and x = 2**k - 1 exactly)
      const k = Math.floor(-20 + rnd() * (float ? 140 : 1040));
      const d = rnd() < 0.1 ? 0 : (u - 0.5) * 2 ** -(19 + Math.floor(rnd() * (float ? 6 : 34)));
      return 2 ** k * (1 + d) - 1;
    }
    default:
      return u;
  }
}

/**
 * `ours(x)` must be what glibc returns for every x in `xs`, bit for bit: Python computes it with
 * `g`, defined by `pyDef` (the same libm, through `math` or ctypes). V8's `v8` must miss on at
 * least one of the hard arguments `xs[hardFrom..hardTo)`, so the test can tell glibc from V8.
 */
function againstLibm(
  name: string,
  xs: Float32Array | Float64Array,
  [hardFrom, hardTo]: [number, number],
  ours: (x: number) => number,
  v8: (x: number) => number,
  pyDef: string[],
): void {
  const fmt = xs instanceof Float32Array ? 'f' : 'd';
  const script = [
    'import sys,struct,math,ctypes',
    ...pyDef,
    'b=sys.stdin.buffer.read(); n=len(b)//' + xs.BYTES_PER_ELEMENT,
    'xs=struct.unpack("<%d' + fmt + '"%n,b)',
    'sys.stdout.buffer.write(struct.pack("<%d' + fmt + '"%n,*[g(x) for x in xs]))',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], {
    input: Buffer.from(xs.buffer),
    maxBuffer: 1 << 28,
  });
  assert.equal(r.status, 0, String(r.stderr));
  const bytes = new Uint8Array(r.stdout).slice().buffer;
  const want = fmt === 'f' ? new Float32Array(bytes) : new Float64Array(bytes);
  assert.equal(want.length, xs.length);
  let v8Wrong = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const got = ours(x);
    if (!Object.is(got, want[i])) assert.fail(`${name}(${x}): ${got}, glibc ${want[i]}`);
    if (i >= hardFrom && i < hardTo && v8(x) !== want[i]) v8Wrong++;
  }
  // the hard arguments are hard: V8 misses on some of them
  assert.ok(v8Wrong > 0, 'no hard argument separates glibc from V8');
}

function check(float: boolean, n: number, hard: number[]): void {
  const m = n + hard.length + SPECIALS.length;
  const xs = float ? new Float32Array(m) : new Float64Array(m);
  for (let i = 0; i < n; i++) xs[i] = argument(i, float);
  xs.set(hard, n);
  xs.set(SPECIALS, n + hard.length);
  againstLibm(
    float ? 'log1pf' : 'log1p',
    xs,
    [n, n + hard.length],
    float ? log1pfLibm : log1pLibm,
    float ? (x: number): number => Math.fround(Math.log1p(x)) : Math.log1p,
    float
      ? [
          'm=ctypes.CDLL("libm.so.6"); m.log1pf.restype=ctypes.c_float; m.log1pf.argtypes=[ctypes.c_float]',
          'g=m.log1pf',
        ]
      : [
          'def g(x):',
          '  try: return math.log1p(x)',
          '  except ValueError: return float("-inf") if x==-1 else float("nan")',
        ],
  );
}

test("libmlog1p: log1pLibm is glibc's log1p bit for bit (vs Python's math.log1p)", () => {
  check(false, 200_000, LOG1P_HARD);
});

test("libmlog1p: log1pfLibm is glibc's log1pf bit for bit (vs libm's log1pf via ctypes)", () => {
  check(true, 200_000, LOG1PF_HARD);
});

// Arguments whose glibc log is not the correctly rounded one (the exact logarithm lies within
// ~0.02 ulp of a rounding midpoint and glibc's 0.52-ulp algorithm rounds the other way): a
// correctly rounded log, or V8's Math.log, fails on these. Found by comparing with a
// double-double log over 3e6 arguments (1 in ~1,760 is such a case); 0.9048834926200047 is the
// r2 behind the legacy randn pair CI met (seed 1644087993, values 1368-1369, 2 and 3 ulp apart).
const GLIBC_LOG_HARD = [
  0.9048834926200047, 0.9447254649997792, 1.046415749988188, 0.9909568024823148, 0.850410356373112,
  1.0164229568941374, 0.6091722731137581, 1.0377488811625932, 0.40090041220180517,
  1.0216426078585001, 0.634029851072131, 1.0532921214717716, 0.4135034467643752, 0.8743626343111686,
  1.0071566787756427, 0.2579660678975877, 0.3969251053028109, 0.994833013676025, 0.5314264144903453,
  0.2732459765773676,
];

test("libmlog: logLibm is glibc's log bit for bit (vs Python's math.log, the same libm)", () => {
  const n = 200_000;
  const xs = new Float64Array(n + GLIBC_LOG_HARD.length + 12);
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const k = i % 5;
    // (0, 1) like the polar method's r2 and 1 - U, near 1 (the polynomial branch), wide
    // magnitudes, subnormals, and the edges of the near-1 branch
    xs[i] =
      k === 0
        ? u
        : k === 1
          ? 1 + (u - 0.5) / 8
          : k === 2
            ? Math.exp((u - 0.5) * 1400)
            : k === 3
              ? u * 2 ** -1030
              : (u < 0.5 ? 1 - 2 ** -4 : 1 + 0x109 / 0x1000) * (1 + (u - 0.5) * 2 ** -40);
  }
  xs.set(GLIBC_LOG_HARD, n);
  xs.set(
    [
      1,
      2,
      0.5,
      5e-324,
      2.2250738585072014e-308,
      1.7976931348623157e308,
      0,
      -0,
      -1,
      Infinity,
      -Infinity,
      NaN,
    ],
    n + GLIBC_LOG_HARD.length,
  );
  againstLibm('log', xs, [n, n + GLIBC_LOG_HARD.length], logLibm, Math.log, [
    'def g(x):',
    '  if x!=x or x<0: return float("nan")',
    '  return math.log(x) if x>0 else float("-inf")',
  ]);
});

test('libmlog: the emulated fma is a*b+c rounded once (vs an exact BigInt fma), ties and cancellation included', () => {
  const few = (bits: number): number => Math.floor(rnd() * 2 ** bits) / 2 ** bits;
  let naiveWrong = 0;
  for (let i = 0; i < 60_000; i++) {
    let a: number, b: number, c: number;
    const k = i % 5;
    if (k === 0) {
      a = (rnd() - 0.5) * 2 ** (rnd() * 40 - 20);
      b = (rnd() - 0.5) * 2 ** (rnd() * 40 - 20);
      c = (rnd() - 0.5) * 2 ** (rnd() * 80 - 40);
    } else if (k === 1) {
      // near-total cancellation
      a = rnd() - 0.5;
      b = rnd() * 3;
      c = -(a * b) * (1 + (rnd() - 0.5) * 2 ** -50);
    } else if (k === 2) {
      // short mantissas: exact products that land on ties of the sum
      a = 1 + few(30);
      b = 1 + few(30);
      c = -(1 + few(20)) * (rnd() < 0.5 ? 1 : 2);
    } else if (k === 3) {
      a = few(27) + 1;
      b = few(27) + 1;
      c = (rnd() < 0.5 ? -1 : 1) * 2 ** Math.floor(rnd() * 8 - 4) * (1 + few(52));
    } else {
      a = rnd();
      b = rnd();
      c = -1;
    }
    const want = fmaExact(a, b, c);
    const got = fma(a, b, c);
    if (!Object.is(got, want)) assert.fail(`fma(${a}, ${b}, ${c}): ${got}, exact ${want}`);
    if (a * b + c !== want) naiveWrong++;
  }
  // the sample has cases where two roundings differ from one
  assert.ok(naiveWrong > 1000, `only ${naiveWrong} cases separate fma from a*b+c`);
  // c + RN(a*b) lands exactly on a tie of c's precision and a*b's low part (below v's precision
  // in the emulation) decides it: (1 + 2^-k)(1 - 2^-k + 2^-53) = 1 + 2^-53 - 2^-2k + tiny, so
  // a*b + c = c + ulp(c)/2 + a hair. Scaled by powers of two, both signs.
  for (let k = 27; k <= 30; k++)
    for (const e of [-40, -3, 0, 7, 60])
      for (const sign of [1, -1]) {
        const a = 1 + 2 ** -k;
        const b = sign * 2 ** (e - 53) * (1 - 2 ** -k + 2 ** -53);
        const c = sign * 2 ** e;
        const want = fmaExact(a, b, c);
        assert.notEqual(a * b + c, want, `not a tie case: ${a}, ${b}, ${c}`);
        assert.equal(fma(a, b, c), want, `fma(${a}, ${b}, ${c})`);
      }
});
