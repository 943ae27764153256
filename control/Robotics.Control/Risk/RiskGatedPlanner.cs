using Robotics.Control.Mpc;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Risk;

/// <summary>
/// Gates every MPC plan (a kinematic bicycle, a hovercraft: any <see cref="IPlanTrackingDynamics"/>) by its density-based collision risk, replans around a rejected plan with
/// the risk turned into a clearance constraint, and arbitrates a fallback: the risk check and arbiter of the
/// reachable-density case studies.
/// </summary>
/// <remarks>
/// <para>Each tick (one call per plan step, <c>mpc.TimeStepS</c>): plan with the MPC (its <see cref="MovingObstacleCost"/>
/// with the nominal footprint); load the plan into the tracking loop (e.g. <see cref="BicyclePlanTrackingDynamics"/>:
/// feed-forward controls + tracking feedback, with the actuation biases as states); propagate the uncertainty (current-state estimate error and
/// actuation biases, one zero-mean distribution centred on the estimate) by the Liouville equation with
/// <see cref="CollisionRiskEstimator"/>, against the obstacles at their predicted positions (moving obstacles move over
/// the horizon); pass when the probability of colliding at some checked step is at most the threshold.</para>
/// <para>On rejection the planner searches again around the previous trajectory: the MPC warm-starts from the rejected
/// plan, with the obstacles inflated by <see cref="RiskGateOptions.MarginStepM"/> more per replan (the collision cost
/// then applies that much further out), and the first plan that passes the check is applied. When none passes within
/// <see cref="RiskGateOptions.MaxReplans"/> the arbiter applies the least risky plan available: the rest of the last plan
/// that passed, re-checked from the current estimate over the whole horizon (extended past its end by holding its last
/// control) and executed with the tracking feedback the check propagated (<see cref="IPlanTrackingDynamics.TrackingCommand"/>)
/// (<see cref="RiskGateStatus.FallbackPlan"/>), or this tick's replan
/// with the lowest risk (<see cref="RiskGateStatus.LowestRiskReplan"/>). It applies
/// <see cref="RiskGateOptions.SafeCommand"/> only when planning failed (<see cref="RiskGateStatus.SafeAction"/>): braking
/// in the path of a moving obstacle is not safe, which the first version of this gate measured.</para>
/// <para>After every tick the MPC's warm start is set to the applied plan shifted by one step
/// (<see cref="MpcController.SeedPlan"/>), so the next search starts around what is being executed.</para>
/// <para>Statuses, never exceptions, inside <see cref="Decide"/>; allocation-free after construction.</para>
/// </remarks>
public sealed class RiskGatedPlanner
{
    private readonly MpcController mpc;
    private readonly MovingObstacleCost obstacleCost;
    private readonly IPlanTrackingDynamics tracking;
    private readonly OffsetInitialDistribution distribution;
    private readonly CollisionRiskEstimator estimator;
    private readonly TimeShiftedObstacle[] shifted;
    private readonly double[] center;
    private readonly double[] safe;
    private readonly double[] lastControls;
    private readonly double[] lastStates;
    private readonly double[] seed;
    private readonly double[] bestControls;
    private readonly double[] restControls;
    private readonly double[] restStates;
    private readonly double[] stepScratch;
    private readonly double[] bestStepRisk;
    private readonly double[] appliedStepRisk;
    private int bestStepCount;
    private int appliedStepCount;
    private readonly Rng rng;
    private readonly int checkSteps;
    private readonly int horizon;
    private readonly int n;
    private double lastPlanTimeS;
    private bool hasLastPlan;

    /// <summary>Creates the gate.</summary>
    /// <param name="mpc">The planner (state of <paramref name="tracking"/>'s plant, two commands); its cost set must contain <paramref name="obstacleCost"/>.</param>
    /// <param name="obstacleCost">The planner's obstacle term (the gate inflates it when replanning).</param>
    /// <param name="obstacles">The obstacles, in scenario time (the same the cost term sees).</param>
    /// <param name="tracking">The closed loop to propagate (tracking the plan): <see cref="BicyclePlanTrackingDynamics"/>, <see cref="HovercraftPlanTrackingDynamics"/>.</param>
    /// <param name="deviation">Zero-mean distribution of the closed loop's state about <see cref="IPlanTrackingDynamics.CenterAt"/> (bicycle: [estimate error (4), acceleration bias, steering bias]; hovercraft: [estimate error (6), mass, drag, thrust-gain error]).</param>
    /// <param name="options">Settings (validated).</param>
    /// <param name="rng">Randomness for the check's samples.</param>
    public RiskGatedPlanner(MpcController mpc, MovingObstacleCost obstacleCost, IReadOnlyList<IPlanarObstacle> obstacles,
        IPlanTrackingDynamics tracking, IInitialDistribution deviation, RiskGateOptions options, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(mpc);
        ArgumentNullException.ThrowIfNull(obstacleCost);
        ArgumentNullException.ThrowIfNull(obstacles);
        ArgumentNullException.ThrowIfNull(tracking);
        ArgumentNullException.ThrowIfNull(deviation);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        options.Validate(mpc.CommandSize);
        if (mpc.StateSize != tracking.PlanStateSize || mpc.CommandSize != 2 || deviation.Dimension != tracking.StateSize || tracking.MaxHorizon < mpc.Horizon)
        {
            throw new ArgumentException($"The risk gate needs an MPC with the tracking loop's plant state and two commands (state {tracking.PlanStateSize}, command 2; got {mpc.StateSize}, {mpc.CommandSize}), " +
                $"a {tracking.StateSize}-D deviation (got {deviation.Dimension}) and a tracking loop of horizon >= {mpc.Horizon} (got {tracking.MaxHorizon}).");
        }

        this.mpc = mpc;
        this.obstacleCost = obstacleCost;
        this.tracking = tracking;
        this.rng = rng;
        Options = options;
        distribution = new OffsetInitialDistribution(deviation);
        estimator = new CollisionRiskEstimator(tracking.StateSize, new CollisionRiskOptions
        {
            Samples = options.Samples, FootprintRadius = options.FootprintRadiusM, Threshold = options.Threshold,
            QuasiMonteCarlo = options.QuasiMonteCarlo,
        });
        shifted = new TimeShiftedObstacle[obstacles.Count];
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i] = new TimeShiftedObstacle(obstacles[i]);
        }

        horizon = mpc.Horizon;
        n = tracking.PlanStateSize;
        center = new double[tracking.StateSize];
        safe = [.. options.SafeCommand];
        lastControls = new double[horizon * 2];
        lastStates = new double[(horizon + 1) * n];
        seed = new double[horizon * 2];
        bestControls = new double[horizon * 2];
        restControls = new double[horizon * 2];
        restStates = new double[(horizon + 1) * n];
        stepScratch = new double[n];
        bestStepRisk = new double[horizon + 1];
        appliedStepRisk = new double[horizon + 1];
        checkSteps = options.CheckSteps == 0 ? horizon : Math.Min(options.CheckSteps, horizon);
    }

    /// <summary>The settings.</summary>
    public RiskGateOptions Options { get; }

    /// <summary>The estimator (its per-step risk, <see cref="CollisionRiskEstimator.StepRisk"/>, is that of the last check).</summary>
    public CollisionRiskEstimator Estimator => estimator;

    /// <summary>
    /// Per-step collision probability of the plan applied by the last <see cref="Decide"/> (index 0 = now; empty when
    /// unchecked or when the safe command was applied).
    /// </summary>
    public ReadOnlySpan<double> AppliedStepRisk => appliedStepRisk.AsSpan(0, appliedStepCount);

    /// <summary>True when a plan has passed since construction or <see cref="Reset"/> (the fallback exists).</summary>
    public bool HasPassedPlan => hasLastPlan;

    /// <summary>Forgets the last passed plan (a new run).</summary>
    public void Reset() => hasLastPlan = false;

    /// <summary>Plans, checks, replans if needed, and writes the command to apply.</summary>
    /// <param name="now">Scenario time (one call per plan step).</param>
    /// <param name="estimate">Current state estimate (the MPC's state).</param>
    /// <param name="goal">Goal state for the MPC.</param>
    /// <param name="command">Receives the two commands.</param>
    /// <returns>What was applied.</returns>
    public RiskGateDecision Decide(SimTime now, ReadOnlySpan<double> estimate, ReadOnlySpan<double> goal, Span<double> command)
    {
        double t0 = now.Seconds;
        obstacleCost.TimeOffsetS = t0;
        for (int i = 0; i < shifted.Length; i++)
        {
            shifted[i].OffsetS = t0;
        }

        appliedStepCount = 0;
        double best = double.PositiveInfinity;
        double bestWorst = double.NaN;
        double bestExtra = 0;
        int attempts = 0;
        for (int attempt = 0; attempt <= Options.MaxReplans; attempt++)
        {
            double extra = attempt * Options.MarginStepM;
            obstacleCost.AdditionalInflationM = extra;
            attempts++;
            if (mpc.Plan(now, estimate, goal) == Loop.ControllerStatus.Failed)
            {
                break;
            }

            ReadOnlySpan<double> controls = mpc.PlannedControls;
            if (!Options.Enabled)
            {
                obstacleCost.AdditionalInflationM = 0;
                Apply(controls, 0, command);
                return new RiskGateDecision(RiskGateStatus.Unchecked, double.NaN, attempts, 0);
            }

            var risk = Check(controls, mpc.PredictedStates, horizon, checkSteps, estimate);
            if (risk.AnyStep < best)
            {
                best = risk.AnyStep;
                bestWorst = risk.WorstStep;
                bestExtra = extra;
                controls.CopyTo(bestControls);
                bestStepCount = CopyStepRisk(bestStepRisk);
            }

            if (risk.Passed)
            {
                obstacleCost.AdditionalInflationM = 0;
                controls.CopyTo(lastControls);
                mpc.PredictedStates.CopyTo(lastStates);
                lastPlanTimeS = t0;
                hasLastPlan = true;
                appliedStepCount = CopyStepRisk(appliedStepRisk);
                Apply(lastControls, 0, command);
                return new RiskGateDecision(attempt == 0 ? RiskGateStatus.Passed : RiskGateStatus.PassedAfterReplan, risk.AnyStep, attempts, extra, risk.WorstStep);
            }
        }

        obstacleCost.AdditionalInflationM = 0;
        if (!Options.Enabled || !double.IsFinite(best))
        {
            // Planning failed before any plan was checked: the safe command.
            command[0] = safe[0];
            command[1] = safe[1];
            return new RiskGateDecision(RiskGateStatus.SafeAction, double.NaN, attempts, 0);
        }

        // No plan passed: the least risky plan available, the rest of the last passed plan (re-checked from the
        // current estimate) or the best replan of this tick.
        if (hasLastPlan)
        {
            int k = (int)Math.Round((t0 - lastPlanTimeS) / mpc.TimeStepS);
            if (k >= 1 && k < horizon)
            {
                // The rest of the plan is checked over the same window as a new plan (the whole horizon from now): past
                // its end it is extended by holding its last control, the states by the MPC's model. Checking only the
                // remaining steps let a stale plan look safe because its window shrank (down to one step), while its
                // end state could already be heading into an obstacle.
                ExtendRest(k);
                var risk = Check(restControls, restStates, horizon, checkSteps, estimate);
                if (risk.AnyStep <= best)
                {
                    appliedStepCount = CopyStepRisk(appliedStepRisk);
                    Apply(lastControls, k, command);

                    // The check propagated the loop tracking the rest of the plan from the estimate: execute that loop
                    // (feed-forward + feedback on the plan's states), not the bare feed-forward, which drifts off the
                    // plan over the ticks the fallback lasts. The rest of the plan is still loaded (time 0 = now).
                    tracking.TrackingCommand(0.0, estimate, command);
                    return new RiskGateDecision(RiskGateStatus.FallbackPlan, risk.AnyStep, attempts, 0, risk.WorstStep);
                }
            }
        }

        bestStepRisk.AsSpan(0, bestStepCount).CopyTo(appliedStepRisk);
        appliedStepCount = bestStepCount;
        Apply(bestControls, 0, command);
        return new RiskGateDecision(RiskGateStatus.LowestRiskReplan, best, attempts, bestExtra, bestWorst);
    }

    // restControls/restStates = the last passed plan from step k on, extended to the full horizon.
    private void ExtendRest(int k)
    {
        int remaining = horizon - k;
        lastControls.AsSpan(2 * k, 2 * remaining).CopyTo(restControls);
        lastStates.AsSpan(n * k, n * (remaining + 1)).CopyTo(restStates);
        var model = mpc.Model;
        bool roll = model.StateSize == n && model.LatentSize == 0 && model.InputSize == 2;
        for (int j = remaining; j < horizon; j++)
        {
            restControls[2 * j] = restControls[(2 * j) - 2];
            restControls[(2 * j) + 1] = restControls[(2 * j) - 1];
            var to = restStates.AsSpan(n * (j + 1), n);
            restStates.AsSpan(n * j, n).CopyTo(to);
            for (int s = 0; roll && s < mpc.StepsPerInterval; s++)
            {
                model.Step(to, restControls.AsSpan(2 * j, 2), stepScratch);
                stepScratch.CopyTo(to);
            }
        }
    }

    private int CopyStepRisk(double[] target)
    {
        ReadOnlySpan<double> risk = estimator.StepRisk;
        int count = Math.Min(risk.Length, target.Length);
        risk[..count].CopyTo(target);
        return count;
    }

    private CollisionRisk Check(ReadOnlySpan<double> controls, ReadOnlySpan<double> states, int steps, int checkedSteps, ReadOnlySpan<double> estimate)
    {
        tracking.SetPlan(controls, states, steps, mpc.TimeStepS);
        tracking.CenterAt(estimate, center);
        distribution.SetCenter(center);
        return estimator.Evaluate(tracking, distribution, shifted, mpc.TimeStepS, checkedSteps, rng);
    }

    // Applies control k of a plan and warm-starts the MPC from the rest of it (shifted, the last control held).
    private void Apply(ReadOnlySpan<double> controls, int k, Span<double> command)
    {
        command[0] = controls[2 * k];
        command[1] = controls[(2 * k) + 1];
        for (int t = 0; t < horizon; t++)
        {
            int source = Math.Min(t + k + 1, horizon - 1);
            seed[2 * t] = controls[2 * source];
            seed[(2 * t) + 1] = controls[(2 * source) + 1];
        }

        mpc.SeedPlan(seed);
    }
}
