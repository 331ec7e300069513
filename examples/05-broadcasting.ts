// Broadcasting: pad shapes on the left with 1s, stretch size-1 dims, else error.
import * as np from 'ndscope';
import { show } from './show';

const m = np.arange(12).reshape(3, 4);
const row = np.array([10, 20, 30, 40]);
const col = np.array([[100], [200], [300]]);

show(m.add(row));
show(m.add(col));
show(m.mul(2));

const r = np.broadcast_to(row, [3, 4]);
show(r);
show('strides of the broadcast row:', r.strides);
show('writeable:', r.flags.writeable);

show(np.broadcast_shapes([8, 1, 6, 1], [7, 1, 5]));
const x = np.arange(4);
show(x.get(':, None').mul(x.get('None, :')));

try {
  m.add(np.array([1, 2, 3]));
} catch (e) {
  const err = e as Error;
  show(`${err.name}:`, err.message);
}

const centered = m.sub(m.mean({ axis: 0 }));
show(centered);
