import * as np from 'ndscope';

const a = np.arange(64);
let n = 0;
for (let i = 0; i < 5000; i++) {
  n += a.add(i).size;
}
console.log('done', n);
