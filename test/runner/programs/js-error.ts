import * as np from 'ndscope';

const a = np.arange(3);
const cfg: { size?: { n: number } } = {};
console.log(a.size, cfg.size!.n);
