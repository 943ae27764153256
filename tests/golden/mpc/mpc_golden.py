#!/usr/bin/env python3
"""Golden numbers for tests/Robotics.Control.Tests/Mpc (H-mpc).

Discrete double integrator (exact ZOH of x'' = u): x+ = A x + B u, A = [[1, dt], [0, 1]], B = [[dt^2/2], [dt]].
MPC cost (GoalCost with state_weights q, running/terminal factor 1, plus ControlEffortCost r):
    J(u) = sum_{t=1..H} x_t^T Q x_t + sum_{t=0..H-1} r u_t^2,   goal 0.
Unconstrained optimum by least squares (x = Sx x0 + Su u), and the infinite-horizon LQR gain from scipy.
"""
import numpy as np
from scipy.linalg import solve_discrete_are

def finite_horizon(dt, q, r, x0, H):
    A = np.array([[1.0, dt], [0.0, 1.0]])
    B = np.array([[dt * dt / 2.0], [dt]])
    n, m = 2, 1
    Sx = np.zeros((H * n, n)); Su = np.zeros((H * n, H * m))
    Ak = np.eye(n)
    for t in range(H):
        Ak = A @ Ak
        Sx[t*n:(t+1)*n, :] = Ak
        for k in range(t + 1):
            Su[t*n:(t+1)*n, k*m:(k+1)*m] = np.linalg.matrix_power(A, t - k) @ B
    Qb = np.kron(np.eye(H), np.diag(q))
    Rb = r * np.eye(H * m)
    Hm = Su.T @ Qb @ Su + Rb
    g = Su.T @ Qb @ Sx @ x0
    u = -np.linalg.solve(Hm, g)
    x = Sx @ x0 + Su @ u
    J = x @ Qb @ x + r * u @ u
    return u, J, A, B

np.set_printoptions(precision=17)
dt, q, r, x0 = 0.1, [1.0, 0.1], 0.01, np.array([1.0, 0.0])
u, J, A, B = finite_horizon(dt, q, r, x0, 20)
print("H=20 u[0..4] =", ", ".join(repr(v) for v in u[:5]))
print("H=20 J* =", repr(J))
u60, J60, _, _ = finite_horizon(dt, q, r, x0, 60)
P = solve_discrete_are(A, B, np.diag(q), np.array([[r]]))
K = np.linalg.solve(np.array([[r]]) + B.T @ P @ B, B.T @ P @ A)
print("LQR K =", repr(K[0, 0]), repr(K[0, 1]))
print("LQR u0 = -K x0 =", repr(-(K @ x0)[0]))
print("H=60 finite-horizon u0 =", repr(u60[0]), " |diff to LQR| =", abs(u60[0] + (K @ x0)[0]))
# One-step MPPI posterior: x+ = x + u, cost (v - 1)^2, prior N(0, 1), lambda = 1:
# weights exp(-(v-1)^2/lambda) N(v; 0, 1) -> Gaussian with precision 1 + 2/lambda and mean (2/lambda) / (1 + 2/lambda)
lam = 1.0
print("MPPI one-step posterior mean =", (2 / lam) / (1 + 2 / lam), " std =", (1 + 2 / lam) ** -0.5)
