# Linear algebra: matmul vs elementwise, solving systems, inverses, norms, eigenvalues.
import numpy as np

A = np.array([[3.0, 1.0], [1.0, 2.0]])
b = np.array([9.0, 8.0])

print(A @ A)
print(A * A)
x = np.linalg.solve(A, b)
print("x =", x)
print("check:", np.allclose(A @ x, b))

inv = np.linalg.inv(A)
print(inv)
print(np.round(inv @ A, 10))
print(f"det: {np.linalg.det(A):.6f}")
print(f"norm: {np.linalg.norm(b):.6f}")

w, v = np.linalg.eigh(A)
print("eigenvalues:", np.round(w, 6))

M = np.arange(6).reshape(2, 3)
N = np.arange(6).reshape(3, 2)
print(M @ N)
print(np.dot(M, N))
print(np.outer(np.array([1, 2]), np.array([3, 4, 5])))
print(np.einsum("ij,jk->ik", M, N))
try:
    M @ M
except ValueError as e:
    print("ValueError:", e)
