namespace Robotics.Sim.Scenarios;

/// <summary>A pass criterion that was not met.</summary>
/// <param name="Criterion">The criterion's field name, e.g. <c>rmse_max</c> or <c>state_bounds[0]</c>.</param>
/// <param name="Limit">The threshold.</param>
/// <param name="Actual">The measured value.</param>
/// <param name="Reason">A sentence saying what happened.</param>
public sealed record FailedCriterion(string Criterion, double Limit, double Actual, string Reason);
