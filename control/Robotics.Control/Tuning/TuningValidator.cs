using System.Globalization;
using Robotics.Core.Parameters;

namespace Robotics.Control.Tuning;

/// <summary>
/// Checks a proposal against a <see cref="TuningPolicy"/> and the current values, the same way for every source (a
/// language model here; a human's <c>ros2 param set</c> goes through the parameter set's own validation).
/// </summary>
/// <remarks>
/// Rules: a name that is unknown, not whitelisted (read-only, safety limits, anything not listed) or a value that is not
/// a finite number rejects the whole proposal - a model that tries that is not trusted with the rest of it. A value
/// outside the parameter's range is clamped to it, and a change larger than the rate limit is clamped to the limit;
/// both are reported. Parameters the proposal does not mention keep their current values (the original resets them
/// to defaults, which would silently undo an operator's change).
/// </remarks>
public static class TuningValidator
{
    /// <summary>Validates a proposal.</summary>
    /// <param name="proposal">The parsed proposal.</param>
    /// <param name="policy">The whitelist and rate limits.</param>
    /// <returns>The decision.</returns>
    public static TuningDecision Validate(TuningProposal proposal, TuningPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(policy);
        var items = new List<TuningItemDecision>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool rejected = false;
        foreach (var (name, proposed) in proposal.Values)
        {
            if (!seen.Add(name))
            {
                items.Add(new(name, proposed, double.NaN, double.NaN, TuningItemOutcome.Rejected, $"'{name}' is given twice"));
                rejected = true;
                continue;
            }

            if (!policy.Parameters.Contains(name))
            {
                items.Add(new(name, proposed, double.NaN, double.NaN, TuningItemOutcome.Rejected,
                    $"unknown parameter '{name}'; tunable: {string.Join(", ", policy.Tunable.Select(t => t.Name))}"));
                rejected = true;
                continue;
            }

            var descriptor = policy.Parameters.GetDescriptor(name);
            double current = policy.Parameters.GetDouble(name);
            var entry = policy.Find(name);
            if (entry is null)
            {
                string why = descriptor.ReadOnly ? "is read-only" : "is not on the tuning whitelist (a safety or structural setting)";
                items.Add(new(name, proposed, current, current, TuningItemOutcome.Rejected, $"'{name}' {why}; only a human may change it"));
                rejected = true;
                continue;
            }

            if (!double.IsFinite(proposed))
            {
                items.Add(new(name, proposed, current, current, TuningItemOutcome.Rejected, $"'{name}': the proposed value is not a finite number"));
                rejected = true;
                continue;
            }

            double value = proposed;
            var reasons = new List<string>();
            if (descriptor.Type == ParameterType.Integer && value != Math.Round(value))
            {
                value = Math.Round(value);
                reasons.Add($"rounded to the integer {F(value)}");
            }

            if (descriptor.Minimum is { } min && value < min)
            {
                value = min;
                reasons.Add($"below the minimum {F(min)}");
            }

            if (descriptor.Maximum is { } max && value > max)
            {
                value = max;
                reasons.Add($"above the maximum {F(max)}");
            }

            if (Math.Abs(value - current) > entry.MaxStepChange)
            {
                value = current + (Math.Sign(value - current) * entry.MaxStepChange);
                reasons.Add($"change limited to {F(entry.MaxStepChange)} per proposal");
            }

            items.Add(reasons.Count == 0
                ? new(name, proposed, current, value, TuningItemOutcome.Accepted, "")
                : new(name, proposed, current, value, TuningItemOutcome.Clamped, $"'{name}' {F(proposed)} -> {F(value)}: {string.Join("; ", reasons)}"));
        }

        if (rejected)
        {
            string reasons = string.Join("; ", items.Where(i => i.Outcome == TuningItemOutcome.Rejected).Select(i => i.Reason));
            return new TuningDecision(false, items, $"proposal rejected, nothing changed: {reasons}", proposal.Rationale);
        }

        var changes = items.Where(i => i.Applied != i.Current).Select(i => $"{i.Name} {F(i.Current)} -> {F(i.Applied)}").ToList();
        string summary = changes.Count == 0 ? "proposal accepted: no change" : $"proposal accepted: {string.Join(", ", changes)}";
        int clamped = items.Count(i => i.Outcome == TuningItemOutcome.Clamped);
        if (clamped > 0)
        {
            summary += $" ({clamped} value(s) clamped)";
        }

        return new TuningDecision(true, items, summary, proposal.Rationale);
    }

    private static string F(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
