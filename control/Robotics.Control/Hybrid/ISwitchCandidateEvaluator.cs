namespace Robotics.Control.Hybrid;

/// <summary>
/// Scores one candidate decision of the <see cref="SwitchPlanner"/> (e.g. switch-point offset and the next
/// references): the paper's loss relu(V1 - c1/allow) + relu(V2 - c2/allow), optionally plus a small tie-breaker.
/// </summary>
public interface ISwitchCandidateEvaluator
{
    /// <summary>Number of decision variables.</summary>
    int DecisionSize { get; }

    /// <summary>The loss (&gt;= 0 apart from tie-breakers; lower is better) of <paramref name="decision"/>.</summary>
    double Evaluate(ReadOnlySpan<double> decision);
}
