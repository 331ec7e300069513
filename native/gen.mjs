#!/usr/bin/env node
/**
 * Generates native/elementwise.ts: one strided 1-D loop per ufunc op × dtype (AssemblyScript).
 *
 *   node native/gen.mjs        (re-run after editing the tables below; the output is committed,
 *                               so `npm run build` needs only asc)
 *
 * Every kernel takes byte pointers and BYTE strides: (n, x, sx, [y, sy,] o, so). Paths: all
 * contiguous (SIMD, 2× unrolled), one input a broadcast scalar (stride 0, SIMD), anything else a
 * scalar strided loop. Semantics mirror the TS twins in src/runtime/ufunc_kernels.ts exactly
 * (integer wrap-around, NumPy's NaN-propagating maximum/minimum, bool add = or, mul = and).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const T = {
  bool: { t: 'u8', size: 1, cls: 'b' },
  int8: { t: 'i8', size: 1, cls: 'i' },
  uint8: { t: 'u8', size: 1, cls: 'u' },
  int16: { t: 'i16', size: 2, cls: 'i' },
  uint16: { t: 'u16', size: 2, cls: 'u' },
  int32: { t: 'i32', size: 4, cls: 'i' },
  uint32: { t: 'u32', size: 4, cls: 'u' },
  int64: { t: 'i64', size: 8, cls: 'i' },
  uint64: { t: 'u64', size: 8, cls: 'u' },
  float32: { t: 'f32', size: 4, cls: 'f' },
  float64: { t: 'f64', size: 8, cls: 'f' },
};
const INTS = ['int8', 'uint8', 'int16', 'uint16', 'int32', 'uint32', 'int64', 'uint64'];
const FLOATS = ['float32', 'float64'];
const NUM = [...INTS, ...FLOATS];

/** op → dtype → { s: scalar expr of a, b; v: SIMD expr of va, vb (or null) } */
function binaryOps() {
  const ops = {};
  const put = (op, dts, f) => {
    ops[op] ??= {};
    for (const d of dts) {
      const r = f(d, T[d]);
      if (r) ops[op][d] = r;
    }
  };
  const noMul8 = (d) => T[d].size === 1;
  put('add', NUM, (d, { t }) => ({ s: 'a + b', v: `v128.add<${t}>(va, vb)` }));
  put('add', ['bool'], () => ({ s: 'a | b', v: 'v128.or(va, vb)' }));
  put('subtract', NUM, (d, { t }) => ({ s: 'a - b', v: `v128.sub<${t}>(va, vb)` }));
  put('multiply', NUM, (d, { t }) => ({ s: 'a * b', v: noMul8(d) ? null : `v128.mul<${t}>(va, vb)` }));
  put('multiply', ['bool'], () => ({ s: 'a & b', v: 'v128.and(va, vb)' }));
  put('true_divide', FLOATS, (d, { t }) => ({ s: 'a / b', v: `v128.div<${t}>(va, vb)` }));
  // NumPy's maximum/minimum: NaN in x wins, else x > y ? x : y (so max(-0, +0) = +0, max(+0, -0) = -0)
  put('maximum', FLOATS, (d, { t }) => ({
    s: 'a != a ? a : a > b ? a : b',
    v: `v128.bitselect(va, vb, v128.or(v128.gt<${t}>(va, vb), v128.ne<${t}>(va, va)))`,
  }));
  put('minimum', FLOATS, (d, { t }) => ({
    s: 'a != a ? a : a < b ? a : b',
    v: `v128.bitselect(va, vb, v128.or(v128.lt<${t}>(va, vb), v128.ne<${t}>(va, va)))`,
  }));
  for (const [op, cmp] of [['maximum', '>'], ['minimum', '<']]) {
    put(op, INTS, (d, { t, size }) => ({
      s: `a ${cmp} b ? a : b`,
      v: size === 8 ? null : `v128.${op === 'maximum' ? 'max' : 'min'}<${t}>(va, vb)`,
    }));
  }
  for (const [op, sym, v] of [['bitwise_and', '&', 'and'], ['bitwise_or', '|', 'or'], ['bitwise_xor', '^', 'xor']]) {
    put(op, [...INTS, 'bool'], () => ({ s: `a ${sym} b`, v: `v128.${v}(va, vb)` }));
  }
  return ops;
}

const COMPARE = { less: '<', less_equal: '<=', greater: '>', greater_equal: '>=', equal: '==', not_equal: '!=' };

function unaryOps() {
  const ops = {};
  const put = (op, dts, f) => {
    ops[op] ??= {};
    for (const d of dts) {
      const r = f(d, T[d]);
      if (r) ops[op][d] = r;
    }
  };
  put('negative', NUM, (d, { t }) => ({ s: T[d].cls === 'f' ? '-a' : '0 - a', v: `v128.sub<${t}>(v128.splat<${t}>(0), va)` }));
  put('negative', FLOATS, (d, { t }) => ({ s: '-a', v: `v128.neg<${t}>(va)` }));
  put('absolute', FLOATS, (d, { t }) => ({ s: `abs<${t}>(a)`, v: `v128.abs<${t}>(va)` }));
  put('absolute', ['int8', 'int16', 'int32', 'int64'], (d, { t }) => ({ s: `a < 0 ? 0 - a : a`, v: `v128.abs<${t}>(va)` }));
  put('square', NUM, (d, { t, size }) => ({ s: 'a * a', v: size === 1 ? null : `v128.mul<${t}>(va, va)` }));
  put('sqrt', FLOATS, (d, { t }) => ({ s: `sqrt<${t}>(a)`, v: `v128.sqrt<${t}>(va)` }));
  return ops;
}

function binaryFn(op, d, { s, v }) {
  const { t, size } = T[d];
  const L = 16 / size;
  const name = `${op}_${d}`;
  const simd = v
    ? `
  if (so == ${size}) {
    if (sx == ${size} && sy == ${size}) {
      for (; i + ${2 * L} <= n; i += ${2 * L}) {
        let va = v128.load(x);
        let vb = v128.load(y);
        const r0 = ${v};
        va = v128.load(x, 16);
        vb = v128.load(y, 16);
        v128.store(o, r0);
        v128.store(o, ${v}, 16);
        x += 32; y += 32; o += 32;
      }
      for (; i + ${L} <= n; i += ${L}) {
        const va = v128.load(x);
        const vb = v128.load(y);
        v128.store(o, ${v});
        x += 16; y += 16; o += 16;
      }
    } else if (sx == 0 && sy == ${size}) {
      const va = v128.splat<${t}>(load<${t}>(x));
      for (; i + ${L} <= n; i += ${L}) {
        const vb = v128.load(y);
        v128.store(o, ${v});
        y += 16; o += 16;
      }
    } else if (sy == 0 && sx == ${size}) {
      const vb = v128.splat<${t}>(load<${t}>(y));
      for (; i + ${L} <= n; i += ${L}) {
        const va = v128.load(x);
        v128.store(o, ${v});
        x += 16; o += 16;
      }
    }
  }`
    : '';
  return `export function ${name}(n: i32, x: usize, sx: isize, y: usize, sy: isize, o: usize, so: isize): void {
  let i = 0;${simd}
  for (; i < n; i++) {
    const a = load<${t}>(x);
    const b = load<${t}>(y);
    store<${t}>(o, <${t}>(${s}));
    x += sx; y += sy; o += so;
  }
}
`;
}

function compareFn(op, d) {
  const { t } = T[d];
  return `export function ${op}_${d}(n: i32, x: usize, sx: isize, y: usize, sy: isize, o: usize, so: isize): void {
  for (let i = 0; i < n; i++) {
    store<u8>(o, <u8>(load<${t}>(x) ${COMPARE[op]} load<${t}>(y)));
    x += sx; y += sy; o += so;
  }
}
`;
}

function unaryFn(op, d, { s, v }) {
  const { t, size } = T[d];
  const L = 16 / size;
  const simd = v
    ? `
  if (sx == ${size} && so == ${size}) {
    for (; i + ${2 * L} <= n; i += ${2 * L}) {
      let va = v128.load(x);
      const r0 = ${v};
      va = v128.load(x, 16);
      v128.store(o, r0);
      v128.store(o, ${v}, 16);
      x += 32; o += 32;
    }
    for (; i + ${L} <= n; i += ${L}) {
      const va = v128.load(x);
      v128.store(o, ${v});
      x += 16; o += 16;
    }
  }`
    : '';
  return `export function ${op}_${d}(n: i32, x: usize, sx: isize, o: usize, so: isize): void {
  let i = 0;${simd}
  for (; i < n; i++) {
    const a = load<${t}>(x);
    store<${t}>(o, <${t}>(${s}));
    x += sx; o += so;
  }
}
`;
}

const out = [
  '// GENERATED by native/gen.mjs: do not edit by hand.',
  '// Strided 1-D ufunc loops over byte pointers and byte strides (see gen.mjs).',
  '',
];
const manifest = { binary: {}, compare: {}, unary: {} };
for (const [op, m] of Object.entries(binaryOps())) {
  manifest.binary[op] = Object.keys(m);
  for (const [d, e] of Object.entries(m)) out.push(binaryFn(op, d, e));
}
for (const op of Object.keys(COMPARE)) {
  manifest.compare[op] = ['bool', ...NUM];
  for (const d of manifest.compare[op]) out.push(compareFn(op, d));
}
for (const [op, m] of Object.entries(unaryOps())) {
  manifest.unary[op] = Object.keys(m);
  for (const [d, e] of Object.entries(m)) out.push(unaryFn(op, d, e));
}
const here = dirname(fileURLToPath(import.meta.url));
writeFileSync(join(here, 'elementwise.ts'), out.join('\n'));
writeFileSync(
  join(here, '..', 'src', 'runtime', 'wasm', 'manifest.ts'),
  `// GENERATED by native/gen.mjs: the elementwise kernels native/elementwise.ts exports.\n` +
    `export const ELEMENTWISE = ${JSON.stringify(manifest, null, 2)} as const;\n`,
);
console.log('native/elementwise.ts written');
