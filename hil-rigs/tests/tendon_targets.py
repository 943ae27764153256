#!/usr/bin/env python3
"""Tip positions of the emulated tendon rig for given bending angles (constant curvature, tendon/tendon_sim.c's
formula, written independently here): the targets of the on-device NPC conformance test."""
import math

RP, D, L = 0.005, 0.008, 0.12


def tip(phi1, phi2):
    kx, ky = RP * phi1 / (D * L), RP * phi2 / (D * L)
    k = math.hypot(kx, ky)
    a = math.atan2(ky, kx)
    r = (1 - math.cos(k * L)) / k
    return (math.cos(a) * r, math.sin(a) * r, math.sin(k * L) / k)


for phi in [(0.4, -0.6), (-1.0, 0.5)]:
    print(phi, ["%.7f" % v for v in tip(*phi)])
