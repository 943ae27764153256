"""Golden numbers for the risk-check node test (tests/Robotics.Nodes.Tests/Risk/RiskCheckNodeTests.cs).

The node's check starts the density propagation from the state estimate plus a zero-mean Gaussian deviation; the
x deviation has standard deviation 0.03 m (the scenario's estimate noise). A box obstacle x >= e (covering the
half-plane for practical purposes: it spans y in [-100, 100] m) is touched by the 0.2 m disc footprint of a car at
x0 when e - x0 <= 0.2. With the estimate at x = 0 the probability at step 0 (before any motion) is
P(dx >= e - 0.2) = sf((e - 0.2) / 0.03).
"""
from scipy.stats import norm

SIGMA = 0.03
FOOTPRINT = 0.2
for edge in (0.2, 0.23, 0.26):
    print(f"edge {edge}: P(step 0) = {norm.sf((edge - FOOTPRINT) / SIGMA):.10e}")

# The 6-D version (tests/Robotics.Control.Tests/Risk/QuasiMonteCarloTests.cs): the same x tail, other coordinates
# independent, so the probability is the 1-D one. And the 97.5 % quantile used to check the inverse CDF map.
print(f"norm.ppf(0.975) = {norm.ppf(0.975):.15f}")
print(f"norm.ppf(0.001) = {norm.ppf(0.001):.15f}")
