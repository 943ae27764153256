namespace Robotics.Control.Tests.Mpc;

/// <summary>
/// Numbers printed by tests/golden/mpc/mpc_golden.py (numpy least squares and scipy solve_discrete_are) for the
/// double integrator dt = 0.1, Q = diag(1, 0.1), r = 0.01, x0 = [1, 0], goal 0.
/// </summary>
internal static class MpcGoldenData
{
    /// <summary>Unconstrained optimal first five controls for H = 20.</summary>
    public static readonly double[] OptimalControlsH20 = [-7.612249080633964, -3.83221449195773, -1.3496983254409836, 0.19178938087754413, 1.07048529734419];

    /// <summary>Optimal cost for H = 20.</summary>
    public const double OptimalCostH20 = 5.022228874038095;

    /// <summary>Infinite-horizon LQR command -K x0 (the H = 60 finite-horizon optimum agrees to 4e-13).</summary>
    public const double LqrFirstControl = -7.612957972736047;

    /// <summary>One-step MPPI with prior N(0, 1), cost (v - 1)^2, lambda = 1: the weighted mean of the samples converges to 2/3.</summary>
    public const double OneStepPosteriorMean = 2.0 / 3.0;
}
