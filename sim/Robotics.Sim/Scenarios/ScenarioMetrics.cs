namespace Robotics.Sim.Scenarios;

/// <summary>
/// Tracking and effort metrics computed from the TRUE plant state (not the noisy measurement). The per-tick
/// error e_k is the Euclidean norm over the tracking pairs of (reference[j] - true state[i]).
/// </summary>
/// <param name="Rmse">sqrt(mean over ticks of e_k^2), i.e. of the sum of squared errors over the pairs.</param>
/// <param name="MaxAbsError">max over ticks of e_k (for one pair: the largest |error|).</param>
/// <param name="FinalAbsError">Mean of e_k over the ticks in the last second (t &gt;= duration - 1 s; all ticks if shorter).</param>
/// <param name="ControlEffort">Sum over ticks of ||u||^2 * dt with u the command written.</param>
/// <param name="StateBounds">One entry per state bound of the pass criteria.</param>
/// <param name="FinalTrueState">The true plant state after the last tick.</param>
public sealed record ScenarioMetrics(double Rmse, double MaxAbsError, double FinalAbsError, double ControlEffort,
    IReadOnlyList<StateBoundResult> StateBounds, IReadOnlyList<double> FinalTrueState);
