using Robotics.Control.Loop;
using Robotics.Control.Risk;
using Robotics.Core.Time;
using Robotics.Nodes.Rigs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;

namespace Robotics.Nodes.Risk;

/// <summary>
/// Publishes the risk of every plan the risk-check node's gate made: <c>~/risk</c> (std_msgs/Float64MultiArray
/// [collision probability at any step of the checked horizon, largest per-step probability, passed (1) or rejected (0),
/// status code (<see cref="RiskGateStatus"/> as a number), plans made this tick, extra obstacle inflation of the applied
/// plan (m)]) and <c>~/step_risk</c> (the per-step probability of the applied plan, index 0 = now, NaN past its end);
/// plus <c>~/state</c>, <c>~/reference</c>, <c>~/command</c> as <see cref="RigTopicsObserver"/>. Messages are
/// preallocated; publishes only on ticks where the gate decided (not while the node is inactive).
/// </summary>
public sealed class RiskTopicsObserver : IControlLoopObserver, IDisposable
{
    /// <summary>Length of a <c>~/risk</c> message.</summary>
    public const int RiskMessageLength = 6;

    private readonly RiskGatedController controller;
    private readonly RigTopicsObserver rig;
    private readonly Publisher<Float64MultiArray> risk;
    private readonly Publisher<Float64MultiArray> stepRisk;
    private readonly Float64MultiArray riskMsg;
    private readonly Float64MultiArray stepRiskMsg;
    private long published;

    /// <summary>Creates the publishers.</summary>
    /// <param name="node">The node.</param>
    /// <param name="clock">Stamps the state (wall time).</param>
    /// <param name="controller">The gate whose decisions are published.</param>
    /// <param name="stateNames">Names of the state values.</param>
    /// <param name="horizon">Plan steps (the <c>~/step_risk</c> message has horizon + 1 values).</param>
    public RiskTopicsObserver(Node node, TimeProvider clock, RiskGatedController controller, IReadOnlyList<string> stateNames, int horizon)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(controller);
        this.controller = controller;
        rig = new RigTopicsObserver(node, clock, stateNames, 4, 2);
        risk = node.CreatePublisher<Float64MultiArray>("~/risk", 10);
        stepRisk = node.CreatePublisher<Float64MultiArray>("~/step_risk", 10);
        riskMsg = new Float64MultiArray { Data = new double[RiskMessageLength] };
        stepRiskMsg = new Float64MultiArray { Data = new double[horizon + 1] };
    }

    /// <inheritdoc/>
    public void OnTick(long tickIndex, SimTime now, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, ReadOnlySpan<double> command, TickStatus status)
    {
        rig.OnTick(tickIndex, now, state, reference, command, status);
        if (controller.Decisions == published)
        {
            return;
        }

        published = controller.Decisions;
        var d = controller.LastDecision;
        double[] data = riskMsg.Data;
        data[0] = d.Risk;
        data[1] = d.WorstStepRisk;
        data[2] = d.Status is RiskGateStatus.Passed or RiskGateStatus.PassedAfterReplan ? 1.0 : 0.0;
        data[3] = (int)d.Status;
        data[4] = d.Attempts;
        data[5] = d.AdditionalMarginM;
        ReadOnlySpan<double> steps = controller.LastStepRisk;
        double[] target = stepRiskMsg.Data;
        for (int k = 0; k < target.Length; k++)
        {
            target[k] = k < steps.Length ? steps[k] : double.NaN;
        }

        risk.Publish(riskMsg);
        stepRisk.Publish(stepRiskMsg);
    }

    /// <summary>Removes the publishers.</summary>
    public void Dispose()
    {
        rig.Dispose();
        risk.Dispose();
        stepRisk.Dispose();
    }
}
