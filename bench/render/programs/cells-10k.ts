// Render benchmark: 10,000 cells (100 × 100) with their values recorded, changing at every step.
import * as np from 'ndscope';
const a = np.arange(10000).reshape(100, 100);
for (let k = 0; k < 20; k++) a.iadd(1);
