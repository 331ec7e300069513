# Creating arrays: from lists, with fill functions, ranges and grids.
import numpy as np

a = np.array([1, 2, 3, 4, 5])
print(a, a.dtype)
b = np.array([[1.5, 2.5, 3.5], [4.5, 5.5, 6.5]])
print(b)
print(b.dtype, b.shape, b.ndim, b.size)

print(np.zeros((2, 3)))
print(np.ones((3,), dtype=np.int32))
print(np.full((2, 2), 7))
print(np.eye(3))
print(np.arange(0, 10, 2))
print(np.linspace(0, 1, 5))
print(np.arange(12).reshape(3, 4))
print(np.identity(2, dtype=np.int64))
print(np.diag(np.array([1, 2, 3])))
print(np.zeros_like(b))
print(np.tri(3, dtype=np.int8))

x, y = np.meshgrid(np.arange(3), np.arange(2))
print(x)
print(y)
print(np.empty((0, 3)).shape)
