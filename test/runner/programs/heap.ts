import * as np from 'ndscope';

const a = np.arange(3);
const keep: number[][] = [];
for (;;) keep.push(new Array(1e6).fill(a.size));
