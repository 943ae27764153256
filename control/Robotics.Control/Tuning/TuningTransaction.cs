using Robotics.Core.Parameters;

namespace Robotics.Control.Tuning;

/// <summary>
/// Applies an accepted decision to a parameter set all at once (call it at a tick boundary), remembering the previous
/// values so the change can be rolled back.
/// </summary>
public sealed class TuningTransaction
{
    private readonly ParameterSet parameters;
    private readonly Stack<KeyValuePair<string, ParameterValue>[]> history = new();

    /// <summary>Creates a transaction log over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The controller's live parameters.</param>
    public TuningTransaction(ParameterSet parameters)
    {
        this.parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
    }

    /// <summary>How many applied decisions can be rolled back.</summary>
    public int Depth => history.Count;

    /// <summary>Applies every change of an accepted decision, or none: each value is validated before any is set.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="error">Why nothing was applied, otherwise empty.</param>
    /// <returns>True when applied (also for a decision with no changes).</returns>
    public bool TryApply(TuningDecision decision, out string error)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (!decision.Accepted)
        {
            error = "the decision was a rejection";
            return false;
        }

        var changes = decision.Changes.ToArray();
        var previous = new KeyValuePair<string, ParameterValue>[changes.Length];
        var values = new ParameterValue[changes.Length];
        for (int i = 0; i < changes.Length; i++)
        {
            var descriptor = parameters.GetDescriptor(changes[i].Key);
            var value = descriptor.Type == ParameterType.Integer
                ? ParameterValue.FromInteger((long)changes[i].Value)
                : ParameterValue.FromDouble(changes[i].Value);
            var check = descriptor.Validate(value);
            if (!check.IsValid || descriptor.ReadOnly)
            {
                error = check.IsValid ? $"'{descriptor.Name}' is read-only" : check.Message;
                return false;
            }

            values[i] = check.Value;
            previous[i] = KeyValuePair.Create(changes[i].Key, parameters.Get(changes[i].Key));
        }

        for (int i = 0; i < changes.Length; i++)
        {
            parameters.TrySet(changes[i].Key, values[i], initial: false);
        }

        history.Push(previous);
        error = "";
        return true;
    }

    /// <summary>Restores the values from before the last applied decision.</summary>
    /// <returns>False when there is nothing to roll back.</returns>
    public bool Rollback()
    {
        if (!history.TryPop(out var previous))
        {
            return false;
        }

        foreach (var (name, value) in previous)
        {
            parameters.TrySet(name, value, initial: false);
        }

        return true;
    }
}
