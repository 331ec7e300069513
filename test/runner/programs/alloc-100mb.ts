import * as np from 'ndscope';

const z = np.zeros([13_000_000]); // 104 MB of float64
console.log(z.size);
