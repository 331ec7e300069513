# Why NumPy: one contiguous block of typed memory instead of a list of boxed objects.
import time
import numpy as np

values = list(range(1_000_000))
a = np.arange(1_000_000)

print("dtype:", a.dtype)
print("itemsize:", a.itemsize, "bytes")
print("nbytes:", a.nbytes)
print("strides:", a.strides)
print("C contiguous:", a.flags["C_CONTIGUOUS"])

t0 = time.perf_counter()
total_loop = 0
for v in values:
    total_loop += v
t1 = time.perf_counter()
total_np = a.sum()
t2 = time.perf_counter()

print("loop sum:", total_loop)
print("numpy sum:", total_np)
print("same result:", total_loop == total_np)
print(f"timing: loop {1000 * (t1 - t0):.1f} ms, numpy {1000 * (t2 - t1):.1f} ms")

f = a.astype(np.float32)
print("float32 itemsize:", f.itemsize, "nbytes:", f.nbytes)
