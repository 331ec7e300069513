// Project: a neural network forward pass from scratch (2 layers, ReLU, softmax).
import * as np from 'ndscope';
import { show } from './show';

const relu = (z: np.ndarray): np.ndarray => np.maximum(z, 0);

function softmax(z: np.ndarray): np.ndarray {
  const e = np.exp(z.sub(z.max({ axis: 1, keepdims: true })));
  return e.div(e.sum({ axis: 1, keepdims: true }));
}

const X = np.linspace(-1, 1, 12).reshape(4, 3);
const W1 = np.sin(np.arange(15).reshape(3, 5)).mul(0.5);
const b1 = np.linspace(-0.1, 0.1, 5);
const W2 = np.cos(np.arange(10).reshape(5, 2)).mul(0.5);
const b2 = np.array([0.05, -0.05]);

const h = relu(X.matmul(W1).add(b1));
show('hidden shape:', h.shape);
const logits = h.matmul(W2).add(b2);
const probs = softmax(logits);
show('output shape:', probs.shape);
show(np.round(probs, 4));
show('rows sum to 1:', np.allclose(probs.sum({ axis: 1 }), 1));
show('predictions:', probs.argmax({ axis: 1 }));
