import * as np from 'ndscope';

const a = np.arange(3);
setTimeout(() => {
  a.reshape(2, 2);
}, 5);
