"""Independent values for tests/Robotics.Control.Tests/Npc/RigKinematicsTests.cs (issue 6).

Tendon: constant-curvature tip from hil-rigs/tendon/tendon_sim.c; HASEL: least-squares plane from
hil-rigs/hasel/hasel_sim.c. Run: /usr/bin/python3 tests/golden/rigs/rig_kinematics.py
"""
import numpy as np

rp, d, L = 0.005, 0.008, 0.12


def fk(p1, p2):
    kx, ky = rp * p1 / (d * L), rp * p2 / (d * L)
    k = np.hypot(kx, ky)
    a = np.arctan2(ky, kx)
    r = (1 - np.cos(k * L)) / k
    return np.cos(a) * r, np.sin(a) * r, np.sin(k * L) / k


print("tendon fk(0.5, 0)    = %.12f %.12f %.12f" % fk(0.5, 0.0))
print("tendon fk(0.3, -0.6) = %.12f %.12f %.12f" % fk(0.3, -0.6))
R = 0.03
a = np.pi / 3 * np.arange(6)
z = np.array([1, 2, 3, 4, 3, 2]) * 1e-3
print("hasel fk(1,2,3,4,3,2 mm) = %.12f %.12f %.12f" % (np.sum(z * np.sin(a)) / (3 * R), -np.sum(z * np.cos(a)) / (3 * R), z.mean()))
