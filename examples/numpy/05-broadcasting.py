# Broadcasting: pad shapes on the left with 1s, stretch size-1 dims, else error.
import numpy as np

m = np.arange(12).reshape(3, 4)
row = np.array([10, 20, 30, 40])
col = np.array([[100], [200], [300]])

print(m + row)
print(m + col)
print(m * 2)

r = np.broadcast_to(row, (3, 4))
print(r)
print("strides of the broadcast row:", r.strides)
print("writeable:", r.flags.writeable)

print(np.broadcast_shapes((8, 1, 6, 1), (7, 1, 5)))
x = np.arange(4)
print(x[:, None] * x[None, :])

try:
    m + np.array([1, 2, 3])
except ValueError as e:
    print("ValueError:", e)

centered = m - m.mean(axis=0)
print(centered)
