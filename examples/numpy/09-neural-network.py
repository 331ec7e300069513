# Project: a neural network forward pass from scratch (2 layers, ReLU, softmax).
import numpy as np


def relu(z):
    return np.maximum(z, 0)


def softmax(z):
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


X = np.linspace(-1, 1, 12).reshape(4, 3)
W1 = np.sin(np.arange(15).reshape(3, 5)) * 0.5
b1 = np.linspace(-0.1, 0.1, 5)
W2 = np.cos(np.arange(10).reshape(5, 2)) * 0.5
b2 = np.array([0.05, -0.05])

h = relu(X @ W1 + b1)
print("hidden shape:", h.shape)
logits = h @ W2 + b2
probs = softmax(logits)
print("output shape:", probs.shape)
print(np.round(probs, 4))
print("rows sum to 1:", np.allclose(probs.sum(axis=1), 1))
print("predictions:", probs.argmax(axis=1))
