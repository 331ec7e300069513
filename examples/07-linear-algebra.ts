// Linear algebra: matmul vs elementwise, solving systems, inverses, norms, eigenvalues.
import * as np from 'ndscope';
import { show } from './show';

const A = np.array(
  [
    [3, 1],
    [1, 2],
  ],
  { dtype: 'float64' },
);
const b = np.array([9, 8], { dtype: 'float64' });

show(A.matmul(A));
show(A.mul(A));
const x = np.linalg.solve(A, b);
show('x =', x);
show('check:', np.allclose(A.matmul(x), b));

const inv = np.linalg.inv(A);
show(inv);
show(np.round(inv.matmul(A), 10));
show(`det: ${np.linalg.det(A).toFixed(6)}`);
show(`norm: ${(np.linalg.norm(b) as number).toFixed(6)}`);

const [w] = np.linalg.eigh(A);
show('eigenvalues:', np.round(w, 6));

const M = np.arange(6).reshape(2, 3);
const N = np.arange(6).reshape(3, 2);
show(M.matmul(N));
show(np.dot(M, N));
show(np.outer(np.array([1, 2]), np.array([3, 4, 5])));
show(np.einsum('ij,jk->ik', M, N));
try {
  M.matmul(M);
} catch (e) {
  const err = e as Error;
  show(`${err.name}:`, err.message);
}
