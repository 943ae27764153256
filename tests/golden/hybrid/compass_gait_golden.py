#!/usr/bin/env python3
"""Independent reference for the compass-gait walker (tests/Robotics.Sim.Tests/Hybrid/CompassGaitTests.cs).

Model (docs/hybrid-sim.md): two identical legs (mass m at distance a from the foot, b from the hip, l = a + b), hip
mass mH, gravity g, slope gamma (ground descends in +x). Absolute leg angles phi1 (stance), phi2 (swing), measured
clockwise from the vertical, as the direction from foot to hip. Heel strike when phi1 + phi2 = 2 gamma with the
swing foot ahead. Impact: angular momentum of the whole system about the new stance foot and of the trailing leg
about the hip are conserved; legs swap.

Uses scipy solve_ivp (DOP853, rtol = atol = 1e-12) with a terminal event and fsolve on the Poincare map.
Prints C# literals.
"""
import numpy as np
from scipy.integrate import solve_ivp
from scipy.optimize import fsolve

m, mH, a, b, g = 1.0, 1.0, 0.5, 0.5, 9.81
l = a + b


def f(t, x, u=0.0):
    p1, p2, w1, w2 = x
    d = p1 - p2
    M = np.array([[m * a * a + (mH + m) * l * l, -m * l * b * np.cos(d)],
                  [-m * l * b * np.cos(d), m * b * b]])
    rhs = np.array([-u + m * l * b * np.sin(d) * w2 * w2 + g * (m * a + mH * l + m * l) * np.sin(p1),
                    u - m * l * b * np.sin(d) * w1 * w1 - g * m * b * np.sin(p2)])
    wd = np.linalg.solve(M, rhs)
    return [w1, w2, wd[0], wd[1]]


def e(p):
    return np.array([np.sin(p), np.cos(p)])


def ed(p):
    return np.array([np.cos(p), -np.sin(p)])


def cross(r, v):
    return r[0] * v[1] - r[1] * v[0]


def impact(x):
    p1, p2, w1, w2 = x
    S = np.zeros(2)
    H = l * e(p1)
    F = H - l * e(p2)
    r1 = a * e(p1); v1 = a * w1 * ed(p1)
    vH = l * w1 * ed(p1)
    r2 = H - b * e(p2); v2 = vH - b * w2 * ed(p2)
    # whole system about F; old stance leg (mass at r1) about H
    L1 = m * cross(r1 - F, v1) + mH * cross(H - F, vH) + m * cross(r2 - F, v2)
    L2 = m * cross(r1 - H, v1)
    q1, q2 = p2, p1  # new stance, new swing

    def mom(W1, W2):
        vH2 = l * W1 * ed(q1)
        rs = F + a * e(q1); vs = a * W1 * ed(q1)
        rw = H - b * e(q2); vw = vH2 - b * W2 * ed(q2)
        return (m * cross(rs - F, vs) + mH * cross(H - F, vH2) + m * cross(rw - F, vw),
                m * cross(rw - H, vw))
    c0 = np.array(mom(1.0, 0.0)); c1 = np.array(mom(0.0, 1.0))
    A = np.column_stack([c0, c1])
    W = np.linalg.solve(A, np.array([L1, L2]))
    return np.array([q1, q2, W[0], W[1]])


def step(x0, gamma, u=0.0):
    """One swing phase until the first valid heel strike: the guard 2 gamma - phi1 - phi2 crosses zero downwards
    with the swing foot ahead (phi1 > phi2); earlier crossings (foot scuffing at mid-stance) are ignored."""
    def ev(t, x, *args):
        return 2 * gamma - x[0] - x[1]
    ev.terminal = False
    ev.direction = -1

    def fall(t, x, *args):
        return 1.5 - abs(x[0])
    fall.terminal = True
    sol = solve_ivp(lambda t, x: f(t, x, u), [0, 3], x0, method='DOP853', rtol=1e-12, atol=1e-12,
                    events=[ev, fall])
    for te, xe in zip(sol.t_events[0], sol.y_events[0]):
        if te > 1e-9 and xe[0] > xe[1]:
            return te, xe, impact(xe)
    raise RuntimeError('no heel strike')


def energy(x):
    p1, p2, w1, w2 = x
    d = p1 - p2
    ke = 0.5 * (m * a * a + (mH + m) * l * l) * w1 * w1 + 0.5 * m * b * b * w2 * w2 - m * l * b * np.cos(d) * w1 * w2
    pe = g * ((m * a + mH * l + m * l) * np.cos(p1) - m * b * np.cos(p2))
    return ke + pe


def poincare(z, gamma):
    x0 = [z[0], 2 * gamma - z[0], z[1], z[2]]
    _, _, xp = step(x0, gamma)
    return np.array([xp[0], xp[2], xp[3]])


def fixed_point(gamma, guess):
    z = fsolve(lambda z: poincare(z, gamma) - z, guess, xtol=1e-13)
    return z


if __name__ == '__main__':
    # 1) one step from a fixed initial condition
    x0 = [-0.2, 0.3, 1.2, 0.5]
    t, xm, xp = step(x0, 0.05)
    print('// compass gait, gamma = 0.05, x0 = {-0.2, 0.3, 1.2, 0.5}')
    print(f'const double ImpactTime = {t:.15g};')
    print('double[] PreImpact = { ' + ', '.join(f'{v:.15g}' for v in xm) + ' };')
    print('double[] PostImpact = { ' + ', '.join(f'{v:.15g}' for v in xp) + ' };')
    print(f'// energy start {energy(x0):.15g}, before impact {energy(xm):.15g}, after impact {energy(xp):.15g}')
    guess = np.array([-0.2, 1.0, 0.3])
    for gamma in [0.02, 0.03, 0.04, 0.05, 0.06]:
        try:
            z = fixed_point(gamma, guess)
        except Exception as ex:  # noqa
            print('fail', gamma, ex); continue
        res = np.linalg.norm(poincare(z, gamma) - z)
        # Jacobian eigenvalues
        J = np.zeros((3, 3)); h = 1e-6
        for i in range(3):
            dz = np.zeros(3); dz[i] = h
            J[:, i] = (poincare(z + dz, gamma) - poincare(z - dz, gamma)) / (2 * h)
        ev = np.linalg.eigvals(J)
        T, _, _ = step([z[0], 2 * gamma - z[0], z[1], z[2]], gamma)
        print(f'// gamma {gamma}: residual {res:.2e}, |eig| ' + ', '.join(f'{abs(v):.4f}' for v in ev) + f', period {T:.12g}')
        print(f'new[] {{ {gamma}, ' + ', '.join(f'{v:.15g}' for v in z) + f', {T:.15g} }},')
        guess = z
