// Vectorized vs loop: the same computation element by element and as one array op.
import * as np from 'ndscope';
import { show } from './show';

const n = 200_000;
const x = np.linspace(0, 1, n);

const t0 = performance.now();
const outLoop = np.empty([n]);
for (let i = 0; i < n; i++) {
  const xi = x.get(i) as number;
  outLoop.set(i, xi * xi + 2 * xi + 1);
}
const t1 = performance.now();
const outVec = x.mul(x).add(x.mul(2)).add(1);
const t2 = performance.now();

show('results equal:', np.allclose(outLoop, outVec));
show('first values:', outVec.get(':3'));
show(`sum: ${outVec.sum().toFixed(6)}`);
show(`timing: loop ${(t1 - t0).toFixed(1)} ms, vectorized ${(t2 - t1).toFixed(1)} ms`);
