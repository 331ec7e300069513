# Vectorized vs loop: the same computation element by element and as one array op.
import time
import numpy as np

n = 200_000
x = np.linspace(0, 1, n)

t0 = time.perf_counter()
out_loop = np.empty(n)
for i in range(n):
    out_loop[i] = x[i] * x[i] + 2 * x[i] + 1
t1 = time.perf_counter()
out_vec = x * x + 2 * x + 1
t2 = time.perf_counter()

print("results equal:", np.allclose(out_loop, out_vec))
print("first values:", out_vec[:3])
print(f"sum: {out_vec.sum():.6f}")
print(f"timing: loop {1000 * (t1 - t0):.1f} ms, vectorized {1000 * (t2 - t1):.1f} ms")
