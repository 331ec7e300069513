// Edge layouts for the webview tests: negative / zero strides, 0-d, empty, 5-D, a write through
// a view, a failed broadcast.
import * as np from 'ndscope';

const a = np.arange(6);
const rev = a.get('::-1');
const m = np.arange(12).reshape(3, 4);
const mrev = m.get('::-1, ::-2');
const z = np.broadcast_to(np.arange(4), [3, 4]);
const s = np.array(5);
const e = np.zeros([0, 3]);
const f5 = np.arange(120).reshape(2, 3, 2, 5, 2);
const t5 = f5.transpose(4, 3, 2, 1, 0);
const v = m.get('1:, 1:3');
v.set(0, 0, 99);
try {
  np.add(np.ones([3, 4]), np.ones([3]));
} catch (err) {
  console.log(String(err));
}
console.log(String(rev), String(mrev), String(z), String(s), String(e), String(t5.shape));
