import * as np from 'ndscope';

const a = np.array([[1, 2], [3, 4]]);
function grow(x: np.ndarray): np.ndarray {
  return x.reshape(3, 5);
}
const b = grow(a);
