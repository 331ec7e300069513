import * as np from 'ndscope';

const small = np.zeros([3]);
const huge = np.zeros([1250000000]); // 10 GB of float64
