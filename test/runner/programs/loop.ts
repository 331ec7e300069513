import * as np from 'ndscope';

const a = np.arange(4);
const b = a.mul(2);
let i = 0;
while (i >= 0) {
  i = (i + 1) % 1000;
}
