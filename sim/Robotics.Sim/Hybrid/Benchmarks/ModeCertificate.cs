using Robotics.Control.Hybrid;

namespace Robotics.Sim.Hybrid.Benchmarks;

/// <summary>One mode's controller and certificate: the per-mode LQR on the return map and its estimated RoA level c(p).</summary>
/// <param name="Controller">LQR on the linearized return map with Lyapunov function V = (x - x*)^T P (x - x*).</param>
/// <param name="Estimate">The rollout estimate (<see cref="RoaEstimator"/>: seeded samples in a box, level-set line search).</param>
/// <param name="RoaLevel">The level used: the line-search level, capped at the largest ellipsoid inside the sampled box.</param>
public sealed record ModeCertificate(ModeLqr Controller, RoaEstimate Estimate, double RoaLevel)
{
    /// <summary>V(x) / c: at most 1 inside the estimated RoA.</summary>
    public double NormalizedLevel(ReadOnlySpan<double> x) => Controller.Lyapunov(x) / Math.Max(RoaLevel, 1e-300);

    /// <summary>P as a row-major array.</summary>
    public double[] LyapunovArray() => Controller.LyapunovMatrix.Data.ToArray();

    /// <summary>x* as an array.</summary>
    public double[] FixedPoint()
    {
        var x = new double[Controller.StateSize];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = Controller.OperatingState[i];
        }

        return x;
    }
}
