import * as np from 'ndscope';

const a = np.arange(3);
if (a.size === 3) {
  process.exit(3);
}
console.log('not reached');
