// Render benchmark: a 1e6-element array (1000 × 1000), head/tail preview only (default limits).
import * as np from 'ndscope';
const a = np.arange(1000000).reshape(1000, 1000);
for (let k = 0; k < 20; k++) a.iadd(1);
