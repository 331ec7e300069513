// Why NumPy: one contiguous block of typed memory instead of a list of boxed objects.
import * as np from 'ndscope';
import { show } from './show';

const values = Array.from({ length: 1_000_000 }, (_, i) => i);
const a = np.arange(1_000_000);

show('dtype:', a.dtype);
show('itemsize:', a.itemsize, 'bytes');
show('nbytes:', a.nbytes);
show('strides:', a.strides);
show('C contiguous:', a.flags.c_contiguous);

const t0 = performance.now();
let totalLoop = 0;
for (const v of values) totalLoop += v;
const t1 = performance.now();
const totalNp = a.sum();
const t2 = performance.now();

show('loop sum:', totalLoop);
show('numpy sum:', totalNp);
show('same result:', totalLoop === totalNp);
show(`timing: loop ${(t1 - t0).toFixed(1)} ms, numpy ${(t2 - t1).toFixed(1)} ms`);

const f = a.astype('float32');
show('float32 itemsize:', f.itemsize, 'nbytes:', f.nbytes);
