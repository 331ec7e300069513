/**
 * native/gather.ts against its TS twin (src/runtime/gather_kernels.ts): the same random operands
 * in two memories of the same size, the WASM kernel in one and the TS kernel in the other; return
 * values and EVERY byte of memory must agree, and bytes outside the output region must be the
 * canaries they started as. The source (read-only operand) sits flush against the end of memory,
 * so a read past it traps. Expected results are also computed here from first principles (first
 * out-of-bounds position, NumPy's wrap of negative indices, uint64 read as int64).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harness, rng } from './harness';
import { tsGatherKernels, type GatherKernels, type IndexType, type ItemSize } from '../../src/runtime/gather_kernels';
import { wasmGatherKernels } from '../../src/runtime/wasm/gather';

const PAGES = 4;
const END = PAGES * 65536;
const ZS: ItemSize[] = [1, 2, 4, 8];
const ITS: IndexType[] = ['i8', 'u8', 'i16', 'u16', 'i32', 'u32', 'i64', 'u64', 'f64'];
const IZ: Record<IndexType, number> = { i8: 1, u8: 1, i16: 2, u16: 2, i32: 4, u32: 4, i64: 8, u64: 8, f64: 8 };

interface Pair {
  w: GatherKernels;
  t: GatherKernels;
  wmem: WebAssembly.Memory;
  tmem: WebAssembly.Memory;
}

function pair(): Pair {
  const h = harness(PAGES);
  const w = wasmGatherKernels(h.ex);
  assert.ok(w !== null, 'native gather kernels missing from dist/native/kernels.wasm');
  const tmem = new WebAssembly.Memory({ initial: PAGES, maximum: PAGES });
  return { w, t: tsGatherKernels(() => tmem.buffer), wmem: h.mem, tmem };
}

/** Fills both memories with the same random canary bytes. */
function fillBoth(p: Pair, r: () => number): void {
  const a = new Uint8Array(p.wmem.buffer);
  for (let i = 0; i < a.length; i++) a[i] = (r() * 256) | 0;
  new Uint8Array(p.tmem.buffer).set(a);
}

function writeIndex(mems: WebAssembly.Memory[], it: IndexType, at: number, v: bigint): void {
  for (const m of mems) {
    const dv = new DataView(m.buffer);
    switch (it) {
      case 'i8':
      case 'u8':
        dv.setUint8(at, Number(BigInt.asUintN(8, v)));
        break;
      case 'i16':
      case 'u16':
        dv.setUint16(at, Number(BigInt.asUintN(16, v)), true);
        break;
      case 'i32':
      case 'u32':
        dv.setUint32(at, Number(BigInt.asUintN(32, v)), true);
        break;
      case 'i64':
      case 'u64':
        dv.setBigUint64(at, BigInt.asUintN(64, v), true);
        break;
      case 'f64':
        dv.setFloat64(at, Number(v), true);
        break;
    }
  }
}

/** The index as the kernel must read it (the dtype's value, then uint64 as int64). */
function asRead(it: IndexType, v: bigint): bigint {
  const bits = IZ[it] * 8;
  if (it === 'f64') return v;
  if (it[0] === 'u' && it !== 'u64') return BigInt.asUintN(bits, v);
  return BigInt.asIntN(bits, v);
}

/** A random index, mostly in [-size, size), sometimes just outside or far away. */
function randIndex(r: () => number, size: number, it: IndexType, bad: number): bigint {
  const x = r();
  if (x < bad) {
    const far = [BigInt(size), BigInt(-size - 1), 1n << 40n, -(1n << 40n), (1n << 64n) - 1n, 1n << 63n];
    return far[(r() * far.length) | 0] as bigint;
  }
  return BigInt(Math.floor(r() * 2 * size) - size);
}

function sameMemory(p: Pair, what: string): void {
  const a = new Uint8Array(p.wmem.buffer);
  const b = new Uint8Array(p.tmem.buffer);
  if (Buffer.compare(a, b) !== 0) {
    let i = 0;
    while (a[i] === b[i]) i++;
    assert.fail(`${what}: memory differs first at byte ${i} (wasm ${a[i]}, ts ${b[i]})`);
  }
}

/** Bytes outside [lo, hi) are unchanged from `before`. */
function canaries(p: Pair, before: Uint8Array, lo: number, hi: number, what: string): void {
  const now = new Uint8Array(p.wmem.buffer).slice();
  const was = before.slice();
  now.fill(0, lo, hi);
  was.fill(0, lo, hi);
  assert.ok(Buffer.compare(now, was) === 0, `${what}: bytes outside the output changed`);
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const rand = (r: () => number, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

describe('native gather kernels = TS twin (random shapes, strides, itemsizes, index dtypes)', () => {
  it('gather_Z_I: elements, negative/zero strides, out-of-bounds positions', () => {
    const p = pair();
    const r = rng(11);
    for (let trial = 0; trial < 600; trial++) {
      const z = ZS[trial % 4] as ItemSize;
      const it = ITS[Math.floor(trial / 4) % ITS.length] as IndexType;
      const iz = IZ[it];
      fillBoth(p, r);
      const size = rand(r, 1, it === 'i8' ? 100 : 300);
      const sst = pick(r, [1, 2, 3, -1, -2, 0]);
      const n = rand(r, 0, 200);
      const ist = pick(r, [1, 2, -1]);
      const dstS = pick(r, [1, 2, -1]);
      // source flush against the end of memory
      const span = ((size - 1) * Math.abs(sst) + 1) * z;
      const slo = END - span;
      const src = sst < 0 ? slo + (size - 1) * -sst * z : slo;
      const ilo = 64;
      const idx = ist < 0 ? ilo + (n - 1) * -ist * iz : ilo;
      const dlo = 65536;
      const dst = n > 0 && dstS < 0 ? dlo + (n - 1) * -dstS * z : dlo;
      const bad = trial % 3 === 0 ? 0.01 : 0;
      const vals: bigint[] = [];
      for (let k = 0; k < n; k++) {
        let v = randIndex(r, size, it, bad);
        if (it === 'u8' || it === 'u16' || it === 'u32') v = v < 0n ? -v : v;
        if (it === 'i8') v = BigInt.asIntN(8, v);
        if (it === 'f64' && (v > 1n << 50n || v < -(1n << 50n))) v = 1n << 40n;
        vals.push(v);
        writeIndex([p.wmem, p.tmem], it, idx + k * ist * iz, v);
      }
      let want = -1;
      for (let k = 0; k < n && want < 0; k++) {
        const v = asRead(it, vals[k] as bigint);
        if (v < BigInt(-size) || v >= BigInt(size)) want = k;
      }
      const before = new Uint8Array(p.wmem.buffer).slice();
      const args = [n, src, sst * z, size, idx, ist * iz, dst, dstS * z] as const;
      const gw = p.w.gather(z, it, ...args);
      const gt = p.t.gather(z, it, ...args);
      const what = `gather z=${z} ${it} n=${n} size=${size} ss=${sst} is=${ist} ds=${dstS}`;
      assert.equal(gw, want, what);
      assert.equal(gt, want, what + ' (ts)');
      if (want < 0) {
        // values: dst[k] = src[wrapped idx[k]]
        const m = new Uint8Array(p.wmem.buffer);
        for (let k = 0; k < n; k++) {
          let i = Number(asRead(it, vals[k] as bigint));
          if (i < 0) i += size;
          const s = src + i * sst * z;
          const d = dst + k * dstS * z;
          for (let b = 0; b < z; b++) assert.equal(m[d + b], m[s + b], `${what} element ${k}`);
        }
        const lo = Math.min(dst, dst + (n - 1) * dstS * z);
        canaries(p, before, lo, Math.max(dst, dst + (n - 1) * dstS * z) + z, what);
      }
      // on a bad index the kernel may have written a prefix: both must agree on it
      sameMemory(p, what);
    }
  });

  it('gather_rows_I: whole rows, row strides of either sign', () => {
    const p = pair();
    const r = rng(12);
    for (let trial = 0; trial < 200; trial++) {
      const it = (['i32', 'i64', 'f64'] as const)[trial % 3] as 'i32' | 'i64' | 'f64';
      const iz = IZ[it];
      fillBoth(p, r);
      const rb = rand(r, 1, 40);
      const size = rand(r, 1, 100);
      const rs = (r() < 0.3 ? -1 : 1) * (rb + rand(r, 0, 8));
      const n = rand(r, 0, 100);
      const slo = END - ((size - 1) * Math.abs(rs) + rb);
      const src = rs < 0 ? slo + (size - 1) * -rs : slo;
      const idx = 64;
      const dst = 65536;
      const vals: bigint[] = [];
      for (let k = 0; k < n; k++) {
        const v = randIndex(r, size, it === 'f64' ? 'i32' : it, trial % 4 === 0 ? 0.02 : 0);
        const vv = it === 'f64' && (v > 1n << 50n || v < -(1n << 50n)) ? 1n << 40n : it === 'i32' ? BigInt.asIntN(32, v) : v;
        vals.push(vv);
        writeIndex([p.wmem, p.tmem], it, idx + k * iz, vv);
      }
      let want = -1;
      for (let k = 0; k < n && want < 0; k++) {
        const v = asRead(it, vals[k] as bigint);
        if (v < BigInt(-size) || v >= BigInt(size)) want = k;
      }
      const before = new Uint8Array(p.wmem.buffer).slice();
      const what = `gather_rows ${it} n=${n} rb=${rb} rs=${rs}`;
      assert.equal(p.w.gatherRows(it, n, src, rs, size, idx, iz, dst, rb), want, what);
      assert.equal(p.t.gatherRows(it, n, src, rs, size, idx, iz, dst, rb), want, what + ' (ts)');
      if (want < 0) canaries(p, before, dst, dst + n * rb, what);
      sameMemory(p, what);
    }
  });

  it('scatter_Z_I: checks every index before writing; last duplicate wins; broadcast value', () => {
    const p = pair();
    const r = rng(13);
    for (let trial = 0; trial < 300; trial++) {
      const z = ZS[trial % 4] as ItemSize;
      const it = (['i32', 'i64'] as const)[Math.floor(trial / 4) % 2] as 'i32' | 'i64';
      const iz = IZ[it];
      fillBoth(p, r);
      const size = rand(r, 1, 200);
      const ds = pick(r, [1, 2, -1, -3]);
      const n = rand(r, 0, 150);
      const ss = r() < 0.3 ? 0 : pick(r, [1, -1, 2]);
      const span = ((size - 1) * Math.abs(ds) + 1) * z;
      const dlo = 65536;
      const dst = ds < 0 ? dlo + (size - 1) * -ds * z : dlo;
      const idx = 64;
      const slo = END - ((Math.max(n, 1) - 1) * Math.abs(ss) + 1) * z;
      const src = ss < 0 ? slo + (n - 1) * -ss * z : slo;
      const vals: bigint[] = [];
      for (let k = 0; k < n; k++) {
        const v = randIndex(r, size, it, trial % 3 === 0 ? 0.01 : 0);
        const vv = it === 'i32' ? BigInt.asIntN(32, v) : v;
        vals.push(vv);
        writeIndex([p.wmem, p.tmem], it, idx + k * iz, vv);
      }
      let want = -1;
      for (let k = 0; k < n && want < 0; k++) {
        const v = asRead(it, vals[k] as bigint);
        if (v < BigInt(-size) || v >= BigInt(size)) want = k;
      }
      const before = new Uint8Array(p.wmem.buffer).slice();
      const what = `scatter z=${z} ${it} n=${n} ds=${ds} ss=${ss}`;
      const args = [n, dst, ds * z, size, idx, iz, src, ss * z] as const;
      assert.equal(p.w.scatter(z, it, ...args), want, what);
      assert.equal(p.t.scatter(z, it, ...args), want, what + ' (ts)');
      if (want >= 0) assert.ok(Buffer.compare(new Uint8Array(p.wmem.buffer), before) === 0, `${what}: wrote despite a bad index`);
      else canaries(p, before, dlo, dlo + span, what);
      sameMemory(p, what);
    }
  });

  it('mask_count, compress_Z, compress_rows, mask_scatter_Z, mask_indices', () => {
    const p = pair();
    const r = rng(14);
    for (let trial = 0; trial < 400; trial++) {
      const z = ZS[trial % 4] as ItemSize;
      fillBoth(p, r);
      const n = rand(r, 0, 300);
      const ms = r() < 0.6 ? 1 : pick(r, [2, -1, 3]);
      const density = pick(r, [0, 0.05, 0.5, 0.95, 1]);
      const mlo = 64;
      const m = ms < 0 ? mlo + (n - 1) * -ms : mlo;
      let count = 0;
      for (let i = 0; i < n; i++) {
        // bool bytes are 0/1, but any nonzero byte counts as true
        const on = r() < density;
        const byte = on ? (r() < 0.9 ? 1 : rand(r, 2, 255)) : 0;
        if (on) count++;
        for (const mem of [p.wmem, p.tmem]) new Uint8Array(mem.buffer)[m + i * ms] = byte;
      }
      const what = `mask z=${z} n=${n} ms=${ms} density=${density}`;
      assert.equal(p.w.maskCount(n, m, ms), count, what);
      assert.equal(p.t.maskCount(n, m, ms), count, what + ' (ts)');
      // compress: source at the end of memory
      const ss = pick(r, [1, 2, -1, 0]);
      const slo = END - ((Math.max(n, 1) - 1) * Math.abs(ss) + 1) * z;
      const src = ss < 0 ? slo + (n - 1) * -ss * z : slo;
      const dst = 65536;
      let before = new Uint8Array(p.wmem.buffer).slice();
      assert.equal(p.w.compress(z, n, src, ss * z, m, ms, dst), count, what);
      assert.equal(p.t.compress(z, n, src, ss * z, m, ms, dst), count, what + ' (ts)');
      canaries(p, before, dst, dst + count * z, what);
      sameMemory(p, what + ' compress');
      // compress_rows
      const rb = rand(r, 1, 24);
      const rs = (r() < 0.3 ? -1 : 1) * (rb + rand(r, 0, 4));
      const rlo = END - ((Math.max(n, 1) - 1) * Math.abs(rs) + rb);
      const rsrc = rs < 0 ? rlo + (n - 1) * -rs : rlo;
      before = new Uint8Array(p.wmem.buffer).slice();
      assert.equal(p.w.compressRows(n, rsrc, rs, m, ms, dst, rb), count, what);
      assert.equal(p.t.compressRows(n, rsrc, rs, m, ms, dst, rb), count, what + ' (ts)');
      canaries(p, before, dst, dst + count * rb, what);
      sameMemory(p, what + ' compress_rows');
      // mask_scatter: dst strided, src sequential (or broadcast)
      const ds = pick(r, [1, -1, 2]);
      const dlo = 131072;
      const d = ds < 0 ? dlo + (n - 1) * -ds * z : dlo;
      const vs = r() < 0.3 ? 0 : z;
      const vsrc = END - Math.max(count, 1) * z;
      before = new Uint8Array(p.wmem.buffer).slice();
      assert.equal(p.w.maskScatter(z, n, d, ds * z, m, ms, vsrc, vs), count, what);
      assert.equal(p.t.maskScatter(z, n, d, ds * z, m, ms, vsrc, vs), count, what + ' (ts)');
      canaries(p, before, dlo, dlo + Math.max(n, 1) * Math.abs(ds) * z, what);
      sameMemory(p, what + ' mask_scatter');
      // mask_indices (int64 and float64 outputs)
      for (const wide of [true, false]) {
        const base = rand(r, 0, 1000);
        before = new Uint8Array(p.wmem.buffer).slice();
        assert.equal(p.w.maskIndices(n, m, ms, base, dst, wide), count, what);
        assert.equal(p.t.maskIndices(n, m, ms, base, dst, wide), count, what + ' (ts)');
        canaries(p, before, dst, dst + count * 8, what);
        sameMemory(p, what + ' mask_indices');
        const dv = new DataView(p.wmem.buffer);
        let j = 0;
        for (let i = 0; i < n; i++) {
          if (new Uint8Array(p.wmem.buffer)[m + i * ms] === 0) continue;
          const got = wide ? Number(dv.getBigInt64(dst + j * 8, true)) : dv.getFloat64(dst + j * 8, true);
          assert.equal(got, base + i, what);
          j++;
        }
      }
    }
  });

  it('offsets_I, gather_offs_Z, gather_sub_Z: the general advanced-index path', () => {
    const p = pair();
    const r = rng(15);
    for (let trial = 0; trial < 300; trial++) {
      const z = ZS[trial % 4] as ItemSize;
      const it = ITS[Math.floor(trial / 4) % ITS.length] as IndexType;
      const iz = IZ[it];
      fillBoth(p, r);
      const n = rand(r, 0, 120);
      const size = rand(r, 1, it === 'i8' ? 100 : 200);
      const stride = pick(r, [1, 3, 7]);
      const base = rand(r, 0, 5);
      const ist = pick(r, [1, 2, -1, 0]);
      const idx = ist < 0 ? 64 + (n - 1) * -ist * iz : 64;
      const offs = 8192;
      const vals: bigint[] = [];
      for (let k = 0; k < n; k++) {
        let v = randIndex(r, size, it, trial % 3 === 0 ? 0.01 : 0);
        if (it === 'u8' || it === 'u16' || it === 'u32') v = v < 0n ? -v : v;
        if (it === 'i8') v = BigInt.asIntN(8, v);
        if (it === 'f64' && (v > 1n << 50n || v < -(1n << 50n))) v = 1n << 40n;
        vals.push(v);
      }
      // a zero stride reads one index for every position
      const at = (k: number): bigint => vals[ist === 0 ? 0 : k] as bigint;
      for (let k = 0; k < (ist === 0 ? Math.min(n, 1) : n); k++)
        writeIndex([p.wmem, p.tmem], it, idx + k * ist * iz, vals[k] as bigint);
      for (const mem of [p.wmem, p.tmem]) {
        const F = new Float64Array(mem.buffer, offs, Math.max(n, 1));
        F.fill(base);
      }
      let want = -1;
      for (let k = 0; k < n && want < 0; k++) {
        const v = asRead(it, at(k));
        if (v < BigInt(-size) || v >= BigInt(size)) want = k;
      }
      const what = `offsets ${it} n=${n} size=${size} is=${ist}`;
      const before = new Uint8Array(p.wmem.buffer).slice();
      assert.equal(p.w.offsets(it, n, idx, ist * iz, size, stride, offs), want, what);
      assert.equal(p.t.offsets(it, n, idx, ist * iz, size, stride, offs), want, what + ' (ts)');
      canaries(p, before, offs, offs + n * 8, what);
      sameMemory(p, what);
      if (want >= 0) continue;
      const F = new Float64Array(p.wmem.buffer, offs, n);
      for (let k = 0; k < n; k++) {
        let i = Number(asRead(it, at(k)));
        if (i < 0) i += size;
        assert.equal(F[k], base + i * stride, `${what} offset ${k}`);
      }
      // gather_offs: the source region (size·stride + base elements) flush against the end
      const src = END - (base + (size - 1) * stride + 1) * z;
      const srcAligned = src - (src % 8);
      const ds = pick(r, [1, -1, 2]);
      const dlo = 65536;
      const dst = ds < 0 ? dlo + (n - 1) * -ds * z : dlo;
      let b2 = new Uint8Array(p.wmem.buffer).slice();
      p.w.gatherOffs(z, n, srcAligned, offs, dst, ds * z);
      p.t.gatherOffs(z, n, srcAligned, offs, dst, ds * z);
      canaries(p, b2, dlo, dlo + Math.max(n, 1) * Math.abs(ds) * z, what + ' gather_offs');
      sameMemory(p, what + ' gather_offs');
      const m = new Uint8Array(p.wmem.buffer);
      for (let k = 0; k < n; k++) {
        const so = srcAligned + (F[k] as number) * z;
        const dd = dst + k * ds * z;
        for (let b = 0; b < z; b++) assert.equal(m[dd + b], m[so + b], `${what} gather_offs ${k}`);
      }
      // gather_sub: m elements per position, either sign of the sub stride
      const mm = rand(r, 1, 6);
      const ss = pick(r, [1, -1]) * z;
      const sstart = END - 8 * 4096 + 8 * 64; // inside memory with room either side
      b2 = new Uint8Array(p.wmem.buffer).slice();
      p.w.gatherSub(z, n, sstart, offs, dlo, mm * z, mm, ss, z);
      p.t.gatherSub(z, n, sstart, offs, dlo, mm * z, mm, ss, z);
      canaries(p, b2, dlo, dlo + n * mm * z, what + ' gather_sub');
      sameMemory(p, what + ' gather_sub');
    }
  });

  it('8-byte words keep every bit pattern (signaling NaNs, int64 extremes)', () => {
    const p = pair();
    const pats = [0x7ff0000000000001n, 0xfff0000000000001n, 0x7ff4000000000000n, 1n << 63n, (1n << 64n) - 1n, 0n];
    for (const K of [p.t, p.w]) {
      const mem = K === p.t ? p.tmem : p.wmem;
      const dv = new DataView(mem.buffer);
      pats.forEach((v, i) => dv.setBigUint64(1024 + i * 8, v, true));
      pats.forEach((_, i) => dv.setBigInt64(2048 + i * 8, BigInt(pats.length - 1 - i), true));
      new Uint8Array(mem.buffer).fill(1, 3072, 3072 + pats.length);
      assert.equal(K.gather(8, 'i64', pats.length, 1024, 8, pats.length, 2048, 8, 4096, 8), -1);
      pats.forEach((v, i) => assert.equal(dv.getBigUint64(4096 + i * 8, true), pats[pats.length - 1 - i]));
      assert.equal(K.compress(8, pats.length, 1024, 8, 3072, 1, 8192), pats.length);
      pats.forEach((v, i) => assert.equal(dv.getBigUint64(8192 + i * 8, true), v));
    }
  });
});
