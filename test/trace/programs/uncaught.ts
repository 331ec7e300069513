// An uncaught NumPy error ends the run at its line; the steps before it stay in the trace.
import * as np from 'ndscope';

const a = np.arange(6);
const b = a.reshape(2, 3);
const c = b.reshape(4, 2);
console.log('not reached', c.shape);
