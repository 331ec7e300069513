import * as np from 'ndscope';

export function double(x: np.ndarray): np.ndarray {
  const twice = np.multiply(x, 2);
  return twice;
}
