// A 1e6-element array (canvas path) and a 10,000-cell one.
import * as np from 'ndscope';

const big = np.arange(1000000).reshape(1000, 1000);
const mid = np.arange(10000).reshape(100, 100);
const t = mid.T;
console.log(String(big.shape), String(t.shape));
