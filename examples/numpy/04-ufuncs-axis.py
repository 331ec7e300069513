# Universal functions and axis operations: elementwise math, reductions along an axis.
import numpy as np

a = np.array([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0], [9.0, 10.0, 11.0, 12.0]])
print(np.sqrt(a))
print(np.exp(np.array([0.0, 1.0, 2.0])))
print(np.round(np.sin(a), 3))
print(a + 1)
print(a * a)
print(a / 2)

print(f"sum: {a.sum():.1f}")
print("axis=0:", a.sum(axis=0), a.sum(axis=0).shape)
print("axis=1:", a.sum(axis=1), a.sum(axis=1).shape)
print(a.mean(axis=0))
print(a.max(axis=1))
print(a.argmax(axis=1))
print(a.std(axis=0))
print(a.sum(axis=1, keepdims=True))
print(a.cumsum(axis=1))
print(np.maximum(a, 6.5))
print(np.clip(a, 3, 9))
print(np.where(a > 6, a, 0))

i = np.array([7, -7, 5], dtype=np.int32)
print(i // 2, i % 3)
print(np.array([200, 100], dtype=np.uint8) + np.array([100, 100], dtype=np.uint8))
