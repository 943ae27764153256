"""Probability that a 2-D Gaussian lies within a disc, by scipy quadrature: the closed-form reference for
tests/Robotics.Control.Tests/Risk/CollisionRiskEstimatorTests.cs.

Linear closed loop x' = A x, A = [[-0.5, 1], [0, -1]], x0 ~ N([0, 2], diag(0.3^2, 0.3^2)); at T the state is
N(Phi m0, Phi P0 Phi^T) with Phi = expm(A T). Obstacle: disc centre (1.6, 0.27), radius 0.2, footprint 0.1.
Run: /usr/bin/python3 tests/golden/risk/disc_probability.py (Debian python3 with numpy/scipy)
"""
import numpy as np
from scipy import integrate
from scipy.linalg import expm
from scipy.stats import multivariate_normal

A = np.array([[-0.5, 1.0], [0.0, -1.0]])
m0 = np.array([0.0, 2.0])
P0 = np.diag([0.09, 0.09])
for T in (1.0, 2.0):
    Phi = expm(A * T)
    m = Phi @ m0
    S = Phi @ P0 @ Phi.T
    pdf = multivariate_normal(m, S).pdf
    cx, cy, R = 1.6, 0.27, 0.3
    p, err = integrate.dblquad(lambda y, x: pdf([x, y]), cx - R, cx + R,
                               lambda x: cy - np.sqrt(max(R * R - (x - cx) ** 2, 0.0)),
                               lambda x: cy + np.sqrt(max(R * R - (x - cx) ** 2, 0.0)),
                               epsabs=1e-13, epsrel=1e-10)
    print(f"T={T}: mean={m}, cov={S.ravel()}, P(disc)={p:.10e} (quadrature error {err:.1e})")
