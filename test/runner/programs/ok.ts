import * as np from 'ndscope';

const a = np.array([[1, 2], [3, 4]]);
const b = a.T;
console.log('shape', b.shape);
console.warn('careful');
