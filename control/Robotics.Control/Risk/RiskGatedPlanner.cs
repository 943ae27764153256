using Robotics.Control.Mpc;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Risk;

/// <summary>
/// Gates every MPC plan of a kinematic bicycle by its density-based collision risk, replans around a rejected plan,
/// and falls back to a safe action: the risk check and arbiter of the reachable-density case studies.
/// </summary>
/// <remarks>
/// <para>Each tick: plan with the MPC (its <see cref="MovingObstacleCost"/> at the nominal margin); load the plan into
/// <see cref="BicyclePlanTrackingDynamics"/> (feed-forward controls + tracking feedback, with the actuation biases as
/// states); propagate the uncertainty (current-state estimate error and actuation biases, one zero-mean distribution
/// centred on the estimate) by the Liouville equation with <see cref="CollisionRiskEstimator"/>; pass when the
/// probability of colliding at some checked step is at most the threshold.</para>
/// <para>On rejection the planner searches again around the previous trajectory (the MPC warm-starts from the rejected
/// plan) with the risk turned into a constraint on the obstacle clearance: the margin grows by
/// <see cref="RiskGateOptions.MarginStepM"/> per replan, and the first plan that passes the check is applied. When none
/// passes within <see cref="RiskGateOptions.MaxReplans"/> the arbiter applies <see cref="RiskGateOptions.SafeCommand"/>.
/// Statuses, never exceptions, inside <see cref="Decide"/>; allocation-free after construction.</para>
/// </remarks>
public sealed class RiskGatedPlanner
{
    private readonly MpcController mpc;
    private readonly MovingObstacleCost obstacleCost;
    private readonly BicyclePlanTrackingDynamics tracking;
    private readonly OffsetInitialDistribution distribution;
    private readonly CollisionRiskEstimator estimator;
    private readonly TimeShiftedObstacle[] shifted;
    private readonly double[] center;
    private readonly double[] safe;
    private readonly Rng rng;
    private readonly int checkSteps;

    /// <summary>Creates the gate.</summary>
    /// <param name="mpc">The planner (state [x, y, yaw, v], command [a, δ]); its cost set must contain <paramref name="obstacleCost"/>.</param>
    /// <param name="obstacleCost">The planner's obstacle term (the gate raises its margin when replanning).</param>
    /// <param name="obstacles">The obstacles, in scenario time (the same the cost term sees).</param>
    /// <param name="tracking">The closed loop to propagate (tracking the plan).</param>
    /// <param name="deviation">Zero-mean 6-D distribution of [estimate error (4), acceleration bias, steering bias].</param>
    /// <param name="options">Settings (validated).</param>
    /// <param name="rng">Randomness for the check's samples.</param>
    public RiskGatedPlanner(MpcController mpc, MovingObstacleCost obstacleCost, IReadOnlyList<IPlanarObstacle> obstacles,
        BicyclePlanTrackingDynamics tracking, IInitialDistribution deviation, RiskGateOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(mpc);
        ArgumentNullException.ThrowIfNull(obstacleCost);
        ArgumentNullException.ThrowIfNull(obstacles);
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(deviation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate(mpc.CommandSize);
        if (mpc.StateSize != 4 || mpc.CommandSize != 2 || deviation.Dimension != 6 || tracking.MaxHorizon < mpc.Horizon)
        {
            throw new ArgumentException($"The risk gate needs a bicycle MPC (state 4, command 2; got {mpc.StateSize}, {mpc.CommandSize}), a 6-D deviation " +
                $"(got {deviation.Dimension}) and a tracking loop of horizon >= {mpc.Horizon} (got {tracking.MaxHorizon}).");
        }

        this.mpc = mpc;
        this.obstacleCost = obstacleCost;
        this.tracking = tracking;
        this.rng = rng;
        Options = options;
        distribution = new OffsetInitialDistribution(deviation);
        estimator = new CollisionRiskEstimator(6, new CollisionRiskOptions
        {
            Samples = options.Samples, FootprintRadius = options.FootprintRadiusM, Threshold = options.Threshold,
        });
        shifted = new TimeShiftedObstacle[obstacles.Count];
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i] = new TimeShiftedObstacle(obstacles[i]);
        }

        center = new double[6];
        safe = [.. options.SafeCommand];
        checkSteps = options.CheckSteps == 0 ? mpc.Horizon : Math.Min(options.CheckSteps, mpc.Horizon);
    }

    /// <summary>The settings.</summary>
    public RiskGateOptions Options { get; }

    /// <summary>The estimator (its per-step risk of the last check).</summary>
    public CollisionRiskEstimator Estimator => estimator;

    /// <summary>Plans, checks, replans if needed, and writes the command to apply.</summary>
    /// <param name="now">Scenario time.</param>
    /// <param name="estimate">Current state estimate [x, y, yaw, v].</param>
    /// <param name="goal">Goal state for the MPC.</param>
    /// <param name="command">Receives [a, δ].</param>
    /// <returns>What was applied.</returns>
    public RiskGateDecision Decide(SimTime now, ReadOnlySpan<double> estimate, ReadOnlySpan<double> goal, Span<double> command)
    {
        double t0 = now.Seconds;
        obstacleCost.TimeOffsetS = t0;
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i].OffsetS = t0;
        }

        double best = double.PositiveInfinity;
        int attempts = 0;
        for (int attempt = 0; attempt <= Options.MaxReplans; attempt++)
        {
            double extra = attempt * Options.MarginStepM;
            obstacleCost.AdditionalMarginM = extra;
            attempts++;
            if (mpc.Plan(now, estimate, goal) == Loop.ControllerStatus.Failed)
            {
                break;
            }

            ReadOnlySpan<double> controls = mpc.PlannedControls;
            if (!Options.Enabled)
            {
                command[0] = controls[0];
                command[1] = controls[1];
                obstacleCost.AdditionalMarginM = 0;
                return new RiskGateDecision(RiskGateStatus.Unchecked, double.NaN, attempts, 0);
            }

            tracking.SetPlan(controls, mpc.PredictedStates, mpc.Horizon, mpc.TimeStepS);
            estimate.CopyTo(center);
            center[4] = 0;
            center[5] = 0;
            distribution.SetCenter(center);
            var risk = estimator.Evaluate(tracking, distribution, shifted, mpc.TimeStepS, checkSteps, rng);
            best = Math.Min(best, risk.AnyStep);
            if (risk.Passed)
            {
                command[0] = controls[0];
                command[1] = controls[1];
                obstacleCost.AdditionalMarginM = 0;
                return new RiskGateDecision(attempt == 0 ? RiskGateStatus.Passed : RiskGateStatus.PassedAfterReplan, risk.AnyStep, attempts, extra);
            }
        }

        obstacleCost.AdditionalMarginM = 0;
        command[0] = safe[0];
        command[1] = safe[1];
        return new RiskGateDecision(RiskGateStatus.SafeAction, best, attempts, 0);
    }
}
