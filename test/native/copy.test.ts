/**
 * native/copy.ts's 2-D copies (the SIMD-shuffle transposes for 4- and 8-byte elements and the
 * plain tiled loop) against the obvious element loop, with canaries around the destination and
 * the source flush against the end of memory; and the memory of a reshape-of-transposed result
 * (a view of a copy made only for it) coming back when the view is disposed.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { harness, rng } from './harness';
import * as np from '../../src/runtime/index';
import { memoryStats } from '../../src/runtime/memory';

const PAGES = 8;
const END = PAGES * 65536;

describe('copy2d_Z: transposing copies (SIMD shuffles) = element loop', () => {
  for (const z of [1, 2, 4, 8]) {
    it(`itemsize ${z}: both orientations, padded leading strides, negative strides, odd sizes`, () => {
      const h = harness(PAGES);
      const r = rng(100 + z);
      const f = h.ex[`copy2d_${z}`] as (...a: number[]) => number;
      for (let trial = 0; trial < 150; trial++) {
        const rows = 1 + Math.floor(r() * 45);
        const cols = 1 + Math.floor(r() * 45);
        const pad = Math.floor(r() * 3);
        const mode = Math.floor(r() * 4);
        // source: column-major (srs = z) or row-major (scs = z), padded; or negative steps
        let srs: number, scs: number, span: number;
        if (mode === 0 || mode === 2) {
          srs = z;
          scs = (rows + pad) * z;
          span = (cols - 1) * scs + rows * z;
        } else {
          scs = z;
          srs = (cols + pad) * z;
          span = (rows - 1) * srs + cols * z;
        }
        let src = END - span;
        if (mode === 2) {
          // negative column step
          src += (cols - 1) * scs;
          scs = -scs;
        }
        const dlo = 4096;
        // destination: row-major (dcs = z) unless mode 1 (then column-major: dst transposed too)
        const drs = mode === 1 ? z : (cols + pad) * z;
        const dcs = mode === 1 ? (rows + pad) * z : z;
        const dspan = (rows - 1) * drs + (cols - 1) * dcs + z;
        const mem = h.bytes();
        for (let i = 0; i < mem.length; i++) mem[i] = (r() * 256) | 0;
        const before = h.bytes().slice();
        f(rows, cols, src, srs, scs, dlo, drs, dcs);
        const after = h.bytes();
        const touched = new Uint8Array(after.length);
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const s = src + i * srs + j * scs;
            const d = dlo + i * drs + j * dcs;
            for (let b = 0; b < z; b++) {
              assert.equal(after[d + b], before[s + b], `z=${z} mode=${mode} ${rows}×${cols} [${i},${j}]`);
              touched[d + b] = 1;
            }
          }
        }
        for (let i = dlo; i < dlo + dspan; i++) if (!touched[i]) assert.equal(after[i], before[i], 'gap byte written');
        const a = after.slice();
        const b = before.slice();
        a.fill(0, dlo, dlo + dspan);
        b.fill(0, dlo, dlo + dspan);
        assert.ok(Buffer.compare(a, b) === 0, 'bytes outside the destination changed');
      }
    });
  }
});

describe('reshape of a transposed array: the copy is freed with the view', () => {
  it('disposing np.reshape(m.T, -1) returns its copy to the allocator (NumPy base kept)', () => {
    const m = np.arange(40000, { dtype: 'float64' }).reshape(200, 200);
    const r = np.reshape(m.T, [40000]);
    assert.equal(r.base?.shape.join(','), '200,200');
    assert.notEqual(r.base, m);
    assert.equal(r.flags.owndata, false);
    assert.equal(r.get(1), 200);
    const live = memoryStats().liveBytes;
    r[Symbol.dispose]();
    assert.ok(memoryStats().liveBytes <= live - 320000, 'copy not freed');
    // a reshape that is a view of the input never frees the input
    const v = np.reshape(m, [40000]);
    v[Symbol.dispose]();
    assert.equal(m.get(1, 0), 200);
  });

  it('disposing np.nonzero(mask1d)[0] frees the coordinates (NumPy: a view of an (N, 1) array)', () => {
    const m = np.greater(np.arange(100000), 10);
    const [nz] = np.nonzero(m);
    assert.equal(nz?.flags.owndata, false);
    assert.equal(nz?.get(0), 11);
    const live = memoryStats().liveBytes;
    nz?.[Symbol.dispose]();
    assert.ok(memoryStats().liveBytes <= live - 99989 * 8, 'coordinates not freed');
  });

  it('disposing a[:, idx] (a transposed view of the fresh result) frees the result', () => {
    const a = np.arange(20000, { dtype: 'float64' }).reshape(100, 200);
    const idx = np.arange(200, { dtype: 'int64' });
    const g = a.get(':', idx);
    assert.equal(g.flags.owndata, false);
    const live = memoryStats().liveBytes;
    g[Symbol.dispose]();
    assert.ok(memoryStats().liveBytes <= live - 160000, 'result not freed');
    assert.equal(a.get(1, 0), 200);
  });
});
