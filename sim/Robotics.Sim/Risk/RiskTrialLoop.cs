using Robotics.Control.Mpc.Costs;
using Robotics.Control.Risk;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Sim.Risk;

/// <summary>
/// What the risk scenarios (<see cref="DrivingRiskScenario"/>, <see cref="HovercraftRiskScenario"/>) share: the trial
/// loop (goal check, noisy estimate, gate decision, status counts, sub-stepped plant, collision check) and the parts of
/// the planner built from <see cref="DrivingRiskOptions"/> (obstacle cost, gate options). Each scenario keeps its plant,
/// model, costs and uncertainty.
/// </summary>
internal static class RiskTrialLoop
{
    /// <summary>Advances the true state by <paramref name="h"/> from <paramref name="time"/> under <paramref name="command"/>.</summary>
    public delegate void PlantStep(double time, double h, Span<double> truth, ReadOnlySpan<double> command);

    /// <summary>
    /// Runs one trial: every tick of <paramref name="tickS"/>, stop at the goal (planar distance &lt;= tolerance), form the
    /// estimate truth + N(0, measurementStd²) from <paramref name="sensor"/>, let the gate decide, then advance the plant in
    /// five sub-steps and stop at the first contact of the footprint with an obstacle.
    /// </summary>
    public static RiskTrialResult Run(
        RiskGatedPlanner gate, RiskPlannerKind kind, int maxReplans, IReadOnlyList<IPlanarObstacle> obstacles,
        double[] truth, double[] goal, double[] measurementStd, Rng sensor,
        double tickS, double timeLimitS, double goalToleranceM, double footprintRadiusM,
        PlantStep advance, Func<double[], double> speed, Action<RiskTrialTick>? observer)
    {
        var estimate = new double[truth.Length];
        var command = new double[2];
        const int subSteps = 5;
        double h = tickS / subSteps;
        int ticks = 0, replans = 0, safeActions = 0, fallbacks = 0, attempts = 0, lowest = 0;
        double time = 0;
        while (time < timeLimitS - 1e-9)
        {
            if (Math.Sqrt(((truth[0] - goal[0]) * (truth[0] - goal[0])) + ((truth[1] - goal[1]) * (truth[1] - goal[1]))) <= goalToleranceM)
            {
                return new RiskTrialResult(true, false, time, ticks, replans, safeActions, fallbacks, attempts, LowestRiskReplans: lowest);
            }

            for (int i = 0; i < truth.Length; i++)
            {
                estimate[i] = truth[i] + (measurementStd[i] * sensor.NextGaussian());
            }

            var decision = gate.Decide(SimTime.FromSeconds(time), estimate, goal, command);
            ticks++;
            attempts += kind == RiskPlannerKind.RiskChecked ? decision.Attempts : maxReplans + 1;
            observer?.Invoke(new RiskTrialTick(time, truth[0], truth[1], truth[2], speed(truth), command[0], command[1], decision));
            switch (decision.Status)
            {
                case RiskGateStatus.PassedAfterReplan: replans++; break;
                case RiskGateStatus.SafeAction: safeActions++; break;
                case RiskGateStatus.FallbackPlan: fallbacks++; break;
                case RiskGateStatus.LowestRiskReplan: lowest++; break;
            }

            for (int s = 0; s < subSteps; s++)
            {
                advance(time, h, truth, command);
                time += h;
                for (int o = 0; o < obstacles.Count; o++)
                {
                    if (obstacles[o].SignedDistance(time, truth[0], truth[1]) <= footprintRadiusM)
                    {
                        return new RiskTrialResult(false, true, time, ticks, replans, safeActions, fallbacks, attempts, o, lowest);
                    }
                }
            }
        }

        return new RiskTrialResult(false, false, time, ticks, replans, safeActions, fallbacks, attempts, LowestRiskReplans: lowest);
    }

    /// <summary>The MPPI obstacle cost of a planner: the options' weight and margin, the footprint grown by the inflation for <see cref="RiskPlannerKind.Inflated"/>.</summary>
    public static MovingObstacleCost ObstacleCost(DrivingRiskOptions options, IReadOnlyList<IPlanarObstacle> obstacles, RiskPlannerKind kind, double footprintRadiusM) =>
        new(obstacles)
        {
            Weight = options.ObstacleWeight,
            SafetyMarginM = options.SafetyMarginM,
            FootprintRadiusM = footprintRadiusM + (kind == RiskPlannerKind.Inflated ? options.InflationM : 0.0),
        };

    /// <summary>The gate's options from the scenario options; the gate is on only for <see cref="RiskPlannerKind.RiskChecked"/>.</summary>
    public static RiskGateOptions GateOptions(DrivingRiskOptions options, RiskPlannerKind kind, double footprintRadiusM, double[] safeCommand) => new()
    {
        Threshold = options.Threshold, MaxReplans = options.MaxReplans, MarginStepM = options.MarginStepM,
        CheckSteps = options.CheckSteps, Samples = options.RiskSamples, FootprintRadiusM = footprintRadiusM,
        QuasiMonteCarlo = options.QuasiMonteCarlo,
        SafeCommand = safeCommand, Enabled = kind == RiskPlannerKind.RiskChecked,
    };
}
