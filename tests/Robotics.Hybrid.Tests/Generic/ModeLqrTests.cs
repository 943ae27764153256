using Robotics.Control.Hybrid;
using Robotics.Core.LinearAlgebra;
using Xunit;

namespace Robotics.Hybrid.Tests.Generic;

public sealed class ModeLqrTests
{
    // Double integrator x'' = u, Q = I, R = 1. CARE by hand: P = [[sqrt3, 1], [1, sqrt3]], K = R^-1 B' P = [1, sqrt3].
    private static ModeLqr DoubleIntegrator() => ModeLqr.Continuous(0.0, [0, 0], [0],
        Matrix.FromRows([0, 1], [0, 0]), Matrix.Column(0, 1), Matrix.Identity(2), Matrix.Diagonal(1.0));

    [Fact]
    public void Continuous_DoubleIntegrator_MatchesHandDerivedRiccati()
    {
        var lqr = DoubleIntegrator();
        Assert.Equal(Math.Sqrt(3), lqr.LyapunovMatrix[0, 0], 9);
        Assert.Equal(1.0, lqr.LyapunovMatrix[0, 1], 9);
        Assert.Equal(Math.Sqrt(3), lqr.LyapunovMatrix[1, 1], 9);
        Assert.Equal(1.0, lqr.Gain[0, 0], 9);
        Assert.Equal(Math.Sqrt(3), lqr.Gain[0, 1], 9);
    }

    [Fact]
    public void Lyapunov_And_Compute_UseDeviationFromOperatingPoint()
    {
        var lqr = ModeLqr.Continuous(0.0, [2, 0], [0.5],
            Matrix.FromRows([0, 1], [0, 0]), Matrix.Column(0, 1), Matrix.Identity(2), Matrix.Diagonal(1.0), [-1.0], [1.0]);
        // x - x* = [1, 1]: V = sqrt3 + 2 + sqrt3; u = 0.5 - (1 + sqrt3) = -2.23 -> clamped to -1.
        Assert.Equal(2 * Math.Sqrt(3) + 2, lqr.Lyapunov([3, 1]), 9);
        var u = new double[1];
        lqr.Compute([3, 1], u);
        Assert.Equal(-1.0, u[0]);
        lqr.Compute([2, 0], u);
        Assert.Equal(0.5, u[0]);
    }

    [Fact]
    public void Discrete_ScalarSystem_MatchesHandDerivedRiccati()
    {
        // x+ = x + u, Q = R = 1: DARE p = 1 + p - p^2/(1 + p) -> p^2 - p - 1 = 0 -> p = golden ratio; K = p/(1 + p).
        double phi = (1 + Math.Sqrt(5)) / 2;
        var lqr = ModeLqr.Discrete(0.0, [0], [0], Matrix.Diagonal(1.0), Matrix.Diagonal(1.0), Matrix.Diagonal(1.0), Matrix.Diagonal(1.0));
        Assert.Equal(phi, lqr.LyapunovMatrix[0, 0], 9);
        Assert.Equal(phi / (1 + phi), lqr.Gain[0, 0], 9);
    }
}
