// Universal functions and axis operations: elementwise math, reductions along an axis.
import * as np from 'ndscope';
import { show } from './show';

const a = np.array(
  [
    [1, 2, 3, 4],
    [5, 6, 7, 8],
    [9, 10, 11, 12],
  ],
  { dtype: 'float64' },
);
show(np.sqrt(a));
show(np.exp(np.array([0, 1, 2], { dtype: 'float64' })));
show(np.round(np.sin(a), 3));
show(a.add(1));
show(a.mul(a));
show(a.div(2));

show(`sum: ${a.sum().toFixed(1)}`);
show('axis=0:', a.sum({ axis: 0 }), a.sum({ axis: 0 }).shape);
show('axis=1:', a.sum({ axis: 1 }), a.sum({ axis: 1 }).shape);
show(a.mean({ axis: 0 }));
show(a.max({ axis: 1 }));
show(a.argmax({ axis: 1 }));
show(a.std({ axis: 0 }));
show(a.sum({ axis: 1, keepdims: true }));
show(a.cumsum({ axis: 1 }));
show(np.maximum(a, 6.5));
show(np.clip(a, 3, 9));
show(np.where(a.gt(6), a, 0));

const i = np.array([7, -7, 5], { dtype: 'int32' });
show(i.floordiv(2), i.mod(3));
show(np.array([200, 100], { dtype: 'uint8' }).add(np.array([100, 100], { dtype: 'uint8' })));
