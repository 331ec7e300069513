import * as np from 'ndscope';
const a = np.array([1, 2;
