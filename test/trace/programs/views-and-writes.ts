// Writes through views light up every array over the same buffer.
import * as np from 'ndscope';

const a = np.arange(10);
const s = a.get('2:5');
const evens = a.get('::2');
s.set(0, 99);
const c = a.get('2:5').copy();
c.set(0, -1);
const m = np.arange(6).reshape(2, 3);
const mt = m.T;
const flat = mt.reshape(6);
const mask = m.gt(2);
const picked = m.get(mask);
m.set(mask, 0);
const state = { w: np.ones([2, 2]) };
state.w = state.w.mul(3);
const [q, r] = np.linalg.qr(np.array([[1, 2], [3, 4]], { dtype: 'float64' })) as np.linalg.QRResult;
