// Broadcasting: padded shapes, stretched dims, a failure caught, and writes through out=.
import * as np from 'ndscope';

const m = np.arange(12).reshape(3, 4);
const row = np.array([10, 20, 30, 40]);
const col = np.array([[100], [200], [300]]);
const plusRow = m.add(row);
const plusCol = np.add(m, col);
const grid = np.broadcast_to(row, [3, 4]);
try {
  m.add(np.array([1, 2, 3]));
} catch (e) {
  console.log((e as Error).message);
}
const out = np.zeros([3, 4], { dtype: 'int64' });
np.multiply(m, 2, { out });
console.log(out.sum());
