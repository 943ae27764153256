#!/usr/bin/env python3
"""Golden values for the LQR tests in tests/Robotics.Control.Tests/Lqr/.

Run:  /usr/bin/python3 tests/golden/lqr/lqr_golden.py   (numpy 1.24, scipy 1.10)
It prints C# field declarations that are pasted into LqrGoldenData.cs.

Oracles: scipy.linalg.solve_continuous_are, scipy.linalg.solve_discrete_are,
scipy.signal.cont2discrete(method='zoh'), numpy.linalg.eigvals.

Cart-pole model (same one the C# test writes out):
  state x = [cart_position_m, pole_angle_rad, cart_velocity_m_s, pole_angular_velocity_rad_s],
  angle 0 = upright, positive counter-clockwise (the pole leans towards -x), input u = [force_n].
  Cart mass M = 1.0 kg, pole mass m = 0.1 kg, uniform rod of length 1.0 m, so the distance from the
  pivot to the centre of mass is l = 0.5 m and the inertia about the centre of mass is I = m (2 l)^2 / 12.
  Pole centre of mass p = (x - l sin(th), l cos(th)). Lagrange's equations give
    (M + m) x''   - m l cos(th) th''  + m l sin(th) th'^2 = F
    -m l cos(th) x'' + (I + m l^2) th''  - m g l sin(th)  = 0
  Linearised about th = 0, th' = 0 (cos = 1, sin(th) = th, th'^2 = 0):
    [[M + m, -m l], [-m l, I + m l^2]] [x'', th'']^T = [F, m g l th]^T
"""
import numpy as np
import scipy.linalg as sl
import scipy.signal as ss


def cs_matrix(name, m):
    m = np.atleast_2d(np.asarray(m, dtype=float))
    rows = ", ".join("{ " + ", ".join(repr(float(v)) for v in row) + " }" for row in m)
    print(f"    internal static readonly double[,] {name} = {{ {rows} }};")


def cs_vector(name, v):
    print(f"    internal static readonly double[] {name} = {{ {', '.join(repr(float(x)) for x in np.ravel(v))} }};")


def zoh(a, b, dt):
    n, m = b.shape
    ad, bd, _, _, _ = ss.cont2discrete((a, b, np.eye(n), np.zeros((n, m))), dt, method="zoh")
    return ad, bd


def dlqr(ad, bd, q, r):
    p = sl.solve_discrete_are(ad, bd, q, r)
    k = np.linalg.solve(r + bd.T @ p @ bd, bd.T @ p @ ad)
    return p, k


def clqr(a, b, q, r):
    p = sl.solve_continuous_are(a, b, q, r)
    k = np.linalg.solve(r, b.T @ p)
    return p, k


def emit(prefix, a, b, q, r, dt):
    cs_matrix(prefix + "A", a)
    cs_matrix(prefix + "B", b)
    cs_matrix(prefix + "Q", q)
    cs_matrix(prefix + "R", r)
    print(f"    internal const double {prefix}Dt = {dt!r};")
    pc, kc = clqr(a, b, q, r)
    cs_matrix(prefix + "ContinuousP", pc)
    cs_matrix(prefix + "ContinuousK", kc)
    ad, bd = zoh(a, b, dt)
    cs_matrix(prefix + "Ad", ad)
    cs_matrix(prefix + "Bd", bd)
    pd, kd = dlqr(ad, bd, q, r)
    cs_matrix(prefix + "DiscreteP", pd)
    cs_matrix(prefix + "DiscreteK", kd)
    rho = max(abs(np.linalg.eigvals(ad - bd @ kd)))
    print(f"    // spectral radius of Ad - Bd K (numpy.linalg.eigvals): {rho!r}")
    print(f"    internal const double {prefix}ClosedLoopSpectralRadius = {rho!r};")
    print()


print("    // ---- double integrator: x = [position, velocity], u = [acceleration]")
emit("DoubleIntegrator",
     np.array([[0.0, 1.0], [0.0, 0.0]]), np.array([[0.0], [1.0]]),
     np.diag([1.0, 0.5]), np.array([[0.1]]), 0.1)

print("    // ---- cart-pole about upright (model in the docstring of lqr_golden.py)")
M, m, length, g = 1.0, 0.1, 1.0, 9.81
l = length / 2.0
inertia = m * length ** 2 / 12.0
mass = np.array([[M + m, -m * l], [-m * l, inertia + m * l ** 2]])
minv = np.linalg.inv(mass)
a = np.zeros((4, 4))
a[0, 2] = 1.0
a[1, 3] = 1.0
a[2:, 1] = minv @ np.array([0.0, m * g * l])   # d(accelerations)/d(theta)
b = np.zeros((4, 1))
b[2:, 0] = minv @ np.array([1.0, 0.0])          # d(accelerations)/d(force)


def cartpole_f(x, u):
    """Nonlinear model, used only to cross-check the analytic linearisation."""
    th, xd, thd = x[1], x[2], x[3]
    mm = np.array([[M + m, -m * l * np.cos(th)], [-m * l * np.cos(th), inertia + m * l ** 2]])
    rhs = np.array([u[0] - m * l * np.sin(th) * thd ** 2, m * g * l * np.sin(th)])
    acc = np.linalg.solve(mm, rhs)
    return np.array([xd, thd, acc[0], acc[1]])


h = 1e-6
a_num = np.column_stack([(cartpole_f(np.eye(4)[i] * h, [0.0]) - cartpole_f(-np.eye(4)[i] * h, [0.0])) / (2 * h) for i in range(4)])
assert np.allclose(a_num, a, atol=1e-7), "analytic linearisation disagrees with finite differences"
emit("CartPole", a, b, np.diag([10.0, 100.0, 1.0, 1.0]), np.array([[0.1]]), 0.01)

print("    // ---- random system, numpy.random.default_rng(20240611): A, B ~ N(0, 1); Q = Mq Mq^T + I; R = Mr Mr^T + I")
rng = np.random.default_rng(20240611)
a = rng.standard_normal((4, 4))
b = rng.standard_normal((4, 2))
mq = rng.standard_normal((4, 4))
mr = rng.standard_normal((2, 2))
emit("Random", a, b, mq @ mq.T + np.eye(4), mr @ mr.T + np.eye(2), 0.05)
