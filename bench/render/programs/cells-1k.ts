// Render benchmark: 1,000 cells (25 × 40) whose values change at every step.
import * as np from 'ndscope';
const a = np.arange(1000).reshape(25, 40);
for (let k = 0; k < 20; k++) a.iadd(1);
