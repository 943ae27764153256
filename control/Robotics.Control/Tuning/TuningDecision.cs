namespace Robotics.Control.Tuning;

/// <summary>
/// The verdict on a whole proposal: accepted (possibly with clamped values) or rejected. A rejected proposal changes
/// nothing; an accepted one is applied all at once at a tick boundary.
/// </summary>
/// <param name="Accepted">True when the proposal may be applied.</param>
/// <param name="Items">The verdict on each proposed value.</param>
/// <param name="Summary">One line for logs: what is applied, or why nothing is.</param>
/// <param name="Rationale">The model's stated reason.</param>
public sealed record TuningDecision(bool Accepted, IReadOnlyList<TuningItemDecision> Items, string Summary, string Rationale)
{
    /// <summary>The values to apply (empty when rejected or when nothing changes).</summary>
    public IEnumerable<KeyValuePair<string, double>> Changes =>
        Accepted ? Items.Where(i => i.Outcome != TuningItemOutcome.Rejected && i.Applied != i.Current).Select(i => KeyValuePair.Create(i.Name, i.Applied)) : [];
}
