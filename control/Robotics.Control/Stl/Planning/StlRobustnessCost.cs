using Robotics.Control.Mpc.Costs;
using Robotics.Control.Stl.Tasks;

namespace Robotics.Control.Stl.Planning;

/// <summary>
/// An MPC cost term for <see cref="Mpc.MppiController"/> and friends: minus the weighted smooth robustness of every
/// sampled trajectory, so a sampling MPC maximises the robustness of its prediction. Allocation-free per call.
/// </summary>
/// <remarks>cost_b = -weight · ρ̃(signals(x_{0..H}^b)), with ρ̃ the log-sum-exp robustness at temperature τ.</remarks>
public sealed class StlRobustnessCost : CostTerm
{
    /// <summary>The term name.</summary>
    public const string TermName = "stl_robustness";

    private readonly StlTrajectoryScorer scorer;
    private readonly double[] trajectory;
    private readonly int n;

    /// <summary>Creates the term for <paramref name="task"/>'s planning specification.</summary>
    /// <param name="task">The task.</param>
    /// <param name="temperature">Smooth-robustness temperature τ.</param>
    public StlRobustnessCost(IStlTask task, double temperature)
        : base(TermName, 1.0, "minus the smooth STL robustness of the predicted trajectory.", [])
    {
        ArgumentNullException.ThrowIfNull(task);
        scorer = new StlTrajectoryScorer(task, task.PlanningSpecification, task.Horizon, temperature);
        n = task.Dynamics.StateSize;
        trajectory = new double[(task.Horizon + 1) * n];
    }

    /// <inheritdoc />
    public override void AddCosts(in CostInput input, Span<double> costs)
    {
        for (int b = 0; b < input.Batch; b++)
        {
            for (int t = 0; t <= input.Horizon; t++)
            {
                input.State(t, b)[..n].CopyTo(trajectory.AsSpan(t * n, n));
            }

            costs[b] -= Weight * scorer.Smooth(trajectory);
        }
    }

    /// <inheritdoc />
    protected override void Apply(MpcDimensions dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        if (dimensions.Horizon != scorer.Horizon)
        {
            throw new ArgumentException(
                $"The MPC horizon ({dimensions.Horizon}) must equal the task horizon ({scorer.Horizon}) for the '{TermName}' cost; set SamplingMpcOptions.Horizon to {scorer.Horizon}.",
                nameof(dimensions));
        }
    }
}
