namespace Robotics.Control.Risk;

/// <summary>
/// A closed loop "plant tracking an MPC plan" whose density the risk gate propagates: the plan is loaded with
/// <see cref="SetPlan"/>, and the state holds the plant's state (the first <see cref="PlanStateSize"/> entries, in the
/// MPC's order) followed by any uncertain quantities carried as constant states (actuation biases, parameters).
/// </summary>
/// <remarks>Implemented by <see cref="BicyclePlanTrackingDynamics"/> and <see cref="HovercraftPlanTrackingDynamics"/>;
/// <see cref="RiskGatedPlanner"/> gates any of them.</remarks>
public interface IPlanTrackingDynamics : IBatchClosedLoopDynamics
{
    /// <summary>Size of the planned state (the MPC's state size).</summary>
    int PlanStateSize { get; }

    /// <summary>Largest plan length in steps.</summary>
    int MaxHorizon { get; }

    /// <summary>Sets the plan to track (copied; no allocation).</summary>
    /// <param name="plannedControls">H x m controls, row-major.</param>
    /// <param name="predictedStates">(H + 1) x <see cref="PlanStateSize"/> predicted states, row-major.</param>
    /// <param name="planHorizon">H, at most <see cref="MaxHorizon"/>.</param>
    /// <param name="stepS">Seconds per plan step (&gt; 0).</param>
    void SetPlan(ReadOnlySpan<double> plannedControls, ReadOnlySpan<double> predictedStates, int planHorizon, double stepS);

    /// <summary>
    /// Writes the centre of the propagated distribution for a state estimate: the estimate, then the nominal values of
    /// the extra states (0 for biases, the nominal parameters). Allocation-free.
    /// </summary>
    /// <param name="estimate">The current state estimate (<see cref="PlanStateSize"/> values).</param>
    /// <param name="center">Receives <see cref="IClosedLoopDynamics.StateSize"/> values.</param>
    void CenterAt(ReadOnlySpan<double> estimate, Span<double> center);

    /// <summary>
    /// Writes the command the propagated closed loop applies at <paramref name="time"/> (seconds into the loaded plan)
    /// for the plant state <paramref name="state"/> at the nominal values of the extra states: the plan's feed-forward
    /// plus the tracking feedback, saturated. The gate applies it when it executes a step of an older plan
    /// (<see cref="RiskGateStatus.FallbackPlan"/>), so that what runs is what the check propagated. Allocation-free.
    /// </summary>
    /// <param name="time">Seconds since the start of the loaded plan.</param>
    /// <param name="state">The plant state (<see cref="PlanStateSize"/> values).</param>
    /// <param name="command">Receives the commands.</param>
    /// <returns>False when the loop has no feedback law to execute (the default): the caller applies the plan's control.</returns>
    bool TrackingCommand(double time, ReadOnlySpan<double> state, Span<double> command) => false;
}
