using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Control.Risk;

/// <summary>
/// A <see cref="RiskGatedPlanner"/> as an <see cref="IController"/> for the control loop and the risk-check node: state
/// [x, y, yaw, v] (the estimate), reference = the goal [x, y, yaw, v], command [a, δ]. Keeps the last decision and the
/// per-step risk of the applied plan for publishing.
/// </summary>
/// <remarks>
/// Call once per plan step (the loop period must equal the MPC step). Status <see cref="ControllerStatus.Failed"/> when
/// the gate had to apply the safe command (planning failed), <see cref="ControllerStatus.Ok"/> otherwise. Allocation-free
/// per update.
/// </remarks>
public sealed class RiskGatedController : IController
{
    private readonly RiskGatedPlanner planner;
    private readonly double[] stepRisk;
    private int stepCount;

    /// <summary>Wraps a gate.</summary>
    /// <param name="planner">The gate.</param>
    /// <param name="name">Controller name (default <c>risk_gated_mppi</c>).</param>
    public RiskGatedController(RiskGatedPlanner planner, string name = "risk_gated_mppi")
    {
        ArgumentNullException.ThrowIfNull(planner);
        this.planner = planner;
        Name = name;
        stepRisk = new double[512];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize => 4;

    /// <inheritdoc />
    public int ReferenceSize => 4;

    /// <inheritdoc />
    public int CommandSize => 2;

    /// <summary>The gate.</summary>
    public RiskGatedPlanner Planner => planner;

    /// <summary>Updates made (a new decision each).</summary>
    public long Decisions { get; private set; }

    /// <summary>The last decision (default before the first update).</summary>
    public RiskGateDecision LastDecision { get; private set; }

    /// <summary>Per-step collision probability of the applied plan's check (index 0 = now); empty when unchecked.</summary>
    public ReadOnlySpan<double> LastStepRisk => stepRisk.AsSpan(0, stepCount);

    /// <inheritdoc />
    public void Reset() => planner.Reset();

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (state.Length != 4 || reference.Length != 4 || command.Length != 2)
        {
            return ControllerStatus.Failed;
        }

        var decision = planner.Decide(now, state, reference, command);
        LastDecision = decision;
        Decisions++;
        var risk = planner.AppliedStepRisk;
        stepCount = Math.Min(risk.Length, stepRisk.Length);
        risk[..stepCount].CopyTo(stepRisk);

        return decision.Status == RiskGateStatus.SafeAction ? ControllerStatus.Failed : ControllerStatus.Ok;
    }
}
