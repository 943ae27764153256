using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Numerics;
using Robotics.Models.Dynamics;

namespace Robotics.Control.Tests.Mpc;

/// <summary>x'' = u (state [position, velocity]); RK4 with u held is exact for it, so the model is the ZOH double integrator.</summary>
internal sealed class DoubleIntegratorSystem : IOdeSystem
{
    public int StateSize => 2;

    public int InputSize => 1;

    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        derivative[0] = state[1];
        derivative[1] = input[0];
    }
}

/// <summary>x' = u (one state): one step of dt moves x by u dt.</summary>
internal sealed class IntegratorSystem : IOdeSystem
{
    public int StateSize => 1;

    public int InputSize => 1;

    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative) => derivative[0] = input[0];
}

/// <summary>Planar point with velocity inputs: [x, y]' = [ux, uy].</summary>
internal sealed class PlanarPointSystem : IOdeSystem
{
    public int StateSize => 2;

    public int InputSize => 2;

    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        derivative[0] = input[0];
        derivative[1] = input[1];
    }
}

internal static class MpcTestModels
{
    public static AnalyticDynamicsModel DoubleIntegrator(double dt = 0.1) =>
        new(new DoubleIntegratorSystem(), dt, ["position_m", "velocity_m_s"], ["acceleration_m_s2"]);

    public static AnalyticDynamicsModel Integrator(double dt = 1.0) => new(new IntegratorSystem(), dt, ["position_m"], ["velocity_m_s"]);

    public static AnalyticDynamicsModel PlanarPoint(double dt = 0.1) =>
        new(new PlanarPointSystem(), dt, ["x_m", "y_m"], ["velocity_x_m_s", "velocity_y_m_s"]);

    /// <summary>Goal cost with Q = diag(1, 0.1) plus control effort r = 0.01: the problem of tests/golden/mpc/mpc_golden.py.</summary>
    public static ICostTerm[] QuadraticCosts() =>
    [
        new GoalCost { StateWeights = [1.0, 0.1] },
        new ControlEffortCost { Weight = 1.0, InputWeights = [0.01] },
    ];
}
