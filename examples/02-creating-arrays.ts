// Creating arrays: from lists, with fill functions, ranges and grids.
import * as np from 'ndscope';
import { show } from './show';

const a = np.array([1, 2, 3, 4, 5]);
show(a, a.dtype);
const b = np.array([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]]);
show(b);
show(b.dtype, b.shape, b.ndim, b.size);

show(np.zeros([2, 3]));
show(np.ones([3], { dtype: 'int32' }));
show(np.full([2, 2], 7));
show(np.eye(3));
show(np.arange(0, 10, 2));
show(np.linspace(0, 1, 5));
show(np.arange(12).reshape(3, 4));
show(np.identity(2, { dtype: 'int64' }));
show(np.diag(np.array([1, 2, 3])));
show(np.zeros_like(b));
show(np.tri(3, { dtype: 'int8' }));

const [x, y] = np.meshgrid(np.arange(3), np.arange(2));
show(x);
show(y);
show(np.empty([0, 3]).shape);
