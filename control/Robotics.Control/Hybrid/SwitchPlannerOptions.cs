namespace Robotics.Control.Hybrid;

/// <summary>Options of <see cref="SwitchPlanner"/>.</summary>
public sealed record SwitchPlannerOptions
{
    /// <summary>Candidate values per decision variable; the planner evaluates the full grid (product of the axes).</summary>
    public required double[][] GridAxes { get; init; }

    /// <summary>Gradient-refinement steps after the grid search (the paper's "ours-d" uses 5); 0 = grid only.</summary>
    public int RefinementSteps { get; init; }

    /// <summary>Step size of the refinement (RMSprop-normalised, in decision units). Default 0.05.</summary>
    public double RefinementStepSize { get; init; } = 0.05;

    /// <summary>Central finite-difference step for the refinement gradient. Default 1e-3.</summary>
    public double FiniteDifferenceStep { get; init; } = 1e-3;
}
