# Indexing, slicing and fancy indexing: views share memory, copies do not.
import numpy as np

a = np.arange(10)
print(a[2], a[-1])
print(a[2:7])
print(a[::2])
print(a[::-1])

m = np.arange(12).reshape(3, 4)
print(m)
print(m[1, 2])
print(m[1])
print(m[:, 1])
print(m[1:, ::2])
print("strides of m:", m.strides, "of m[:, ::2]:", m[:, ::2].strides)

s = a[2:5]
s[0] = 99
print("after writing through a slice:", a)
print("slice shares memory:", np.shares_memory(a, s))

c = a[2:5].copy()
c[0] = -1
print("copy shares memory:", np.shares_memory(a, c))
print(a)

print(m[[0, 2]])
print(m[[0, 1, 2], [1, 2, 3]])
f = m[[0, 2]]
print("fancy index is a copy:", not np.shares_memory(m, f))

mask = m > 5
print(mask)
print(m[mask])
m[m % 2 == 0] = 0
print(m)
print(m[..., None].shape)
