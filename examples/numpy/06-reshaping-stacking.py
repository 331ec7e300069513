# Reshaping and stacking: views when the strides allow it, copies when not.
import numpy as np

a = np.arange(12)
b = a.reshape(3, 4)
print(b)
print("reshape is a view:", np.shares_memory(a, b), b.strides)

t = b.T
print(t)
print("transpose strides:", t.strides, "C:", t.flags["C_CONTIGUOUS"], "F:", t.flags["F_CONTIGUOUS"])
flat = t.reshape(-1)
print(flat)
print("reshape of a transpose copies:", not np.shares_memory(b, flat))

print(b.ravel())
print(np.expand_dims(a, 0).shape, b[None].shape, np.squeeze(np.zeros((1, 3, 1))).shape)

x = np.array([1, 2, 3])
y = np.array([4, 5, 6])
print(np.vstack([x, y]))
print(np.hstack([x, y]))
print(np.stack([x, y], axis=1))
print(np.concatenate([b, b], axis=0).shape)
print(np.column_stack([x, y]))
for part in np.split(a, 3):
    print(part)
print(np.tile(x, 2))
print(np.repeat(x, 2))
print(np.flip(b, axis=1))
print(np.moveaxis(np.zeros((2, 3, 4)), 0, -1).shape)
