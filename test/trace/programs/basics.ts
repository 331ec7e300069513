// Views, copies and writes on a small array.
import * as np from 'ndscope';

const a = np.array([[1, 2, 3], [4, 5, 6]]);
const t = a.T;
const flat = t.reshape(6);
const same = a.astype('int64', { copy: false });
const f32 = a.astype('float32');
a.fill(7);
console.log('a after fill', a.tolist());
