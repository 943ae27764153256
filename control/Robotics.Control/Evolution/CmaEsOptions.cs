namespace Robotics.Control.Evolution;

/// <summary>Settings of <see cref="CmaEs"/>. Unset values take Hansen's defaults (The CMA Evolution Strategy: A
/// Tutorial, arXiv:1604.00772, Table 1).</summary>
public sealed record CmaEsOptions
{
    /// <summary>Initial step size sigma_0 (in the units of the search space). Default 0.3.</summary>
    public double InitialSigma { get; init; } = 0.3;

    /// <summary>Population size lambda; null = 4 + floor(3 ln D).</summary>
    public int? PopulationSize { get; init; }

    /// <summary>Full covariance (default) or the diagonal, linear-time variant sep-CMA-ES (Ros and Hansen 2008),
    /// which learns faster in hundreds of dimensions.</summary>
    public bool Diagonal { get; init; }

    /// <summary>Lower box bound for every coordinate (default -infinity). Candidates are clamped into the box for
    /// evaluation and the squared distance to the box is added to their fitness times <see cref="BoundPenalty"/>.</summary>
    public double LowerBound { get; init; } = double.NegativeInfinity;

    /// <summary>Upper box bound for every coordinate (default +infinity).</summary>
    public double UpperBound { get; init; } = double.PositiveInfinity;

    /// <summary>Weight of the squared distance to the box added to the fitness of an out-of-box candidate. Default 1.</summary>
    public double BoundPenalty { get; init; } = 1.0;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A value is invalid; the message names it.</exception>
    public void Validate()
    {
        if (!double.IsFinite(InitialSigma) || InitialSigma <= 0)
        {
            throw new ArgumentException($"CMA-ES: initial_sigma = {InitialSigma} must be a finite value > 0.");
        }

        if (PopulationSize is { } l && l < 2)
        {
            throw new ArgumentException($"CMA-ES: population_size = {l} must be >= 2 (or unset for the default 4 + 3 ln D).");
        }

        if (double.IsNaN(LowerBound) || double.IsNaN(UpperBound) || LowerBound >= UpperBound)
        {
            throw new ArgumentException($"CMA-ES: bounds [{LowerBound}, {UpperBound}] must satisfy lower < upper.");
        }

        if (!double.IsFinite(BoundPenalty) || BoundPenalty < 0)
        {
            throw new ArgumentException($"CMA-ES: bound_penalty = {BoundPenalty} must be a finite value >= 0.");
        }
    }
}
