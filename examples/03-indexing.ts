// Indexing, slicing and fancy indexing: views share memory, copies do not.
import * as np from 'ndscope';
import { show } from './show';

const a = np.arange(10);
show(a.get(2), a.get(-1));
show(a.get('2:7'));
show(a.get('::2'));
show(a.get('::-1'));

const m = np.arange(12).reshape(3, 4);
show(m);
show(m.get(1, 2));
show(m.get(1));
show(m.get(':, 1'));
show(m.get('1:, ::2'));
show('strides of m:', m.strides, 'of m[:, ::2]:', m.get(':, ::2').strides);

const s = a.get('2:5');
s.set(0, 99);
show('after writing through a slice:', a);
show('slice shares memory:', np.shares_memory(a, s));

const c = a.get('2:5').copy();
c.set(0, -1);
show('copy shares memory:', np.shares_memory(a, c));
show(a);

show(m.get([0, 2]));
show(m.get([0, 1, 2], [1, 2, 3]));
const f = m.get([0, 2]);
show('fancy index is a copy:', !np.shares_memory(m, f));

const mask = m.gt(5);
show(mask);
show(m.get(mask));
m.set(m.mod(2).eq(0), 0);
show(m);
show(m.get('..., None').shape);
