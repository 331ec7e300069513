// Reshaping and stacking: views when the strides allow it, copies when not.
import * as np from 'ndscope';
import { show } from './show';

const a = np.arange(12);
const b = a.reshape(3, 4);
show(b);
show('reshape is a view:', np.shares_memory(a, b), b.strides);

const t = b.T;
show(t);
show('transpose strides:', t.strides, 'C:', t.flags.c_contiguous, 'F:', t.flags.f_contiguous);
const flat = t.reshape(-1);
show(flat);
show('reshape of a transpose copies:', !np.shares_memory(b, flat));

show(b.ravel());
show(np.expand_dims(a, 0).shape, b.get('None').shape, np.squeeze(np.zeros([1, 3, 1])).shape);

const x = np.array([1, 2, 3]);
const y = np.array([4, 5, 6]);
show(np.vstack([x, y]));
show(np.hstack([x, y]));
show(np.stack([x, y], { axis: 1 }));
show(np.concatenate([b, b], { axis: 0 }).shape);
show(np.column_stack([x, y]));
for (const part of np.split(a, 3)) show(part);
show(np.tile(x, 2));
show(np.repeat(x, 2));
show(np.flip(b, { axis: 1 }));
show(np.moveaxis(np.zeros([2, 3, 4]), 0, -1).shape);
