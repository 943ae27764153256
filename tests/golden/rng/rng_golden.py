#!/usr/bin/env python3
"""Reference xoshiro256** seeded by SplitMix64, written from the published algorithm descriptions
(https://prng.di.unimi.it/), independent of the C# code. Prints the first outputs for Rng(seed=0),
whose key is SplitMix64(seed ^ 0x243F6A8885A308D3) (see core/Robotics.Core/Randomness/Rng.cs)."""
M = (1 << 64) - 1

def splitmix_finalize(z):
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return z ^ (z >> 31)

def splitmix(x):
    return splitmix_finalize((x + 0x9E3779B97F4A7C15) & M)

def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M

def xoshiro(seed):
    key = splitmix(seed ^ 0x243F6A8885A308D3)
    sm = key
    s = []
    for _ in range(4):
        sm = (sm + 0x9E3779B97F4A7C15) & M
        s.append(splitmix_finalize(sm))
    while True:
        result = (rotl((s[1] * 5) & M, 7) * 9) & M
        t = (s[1] << 17) & M
        s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45)
        yield result

g = xoshiro(0)
print(f"public const ulong Seed0First = 0x{next(g):016X}UL;")
print(f"public const ulong Seed0Second = 0x{next(g):016X}UL;")
