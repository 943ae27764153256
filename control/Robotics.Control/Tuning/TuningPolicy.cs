using Robotics.Core.Parameters;

namespace Robotics.Control.Tuning;

/// <summary>
/// What an automatic tuner may touch: a whitelist of numeric, writable parameters with per-proposal rate limits. Every
/// other parameter (read-only ones, safety limits, anything not listed) is out of reach, whatever a proposal says.
/// </summary>
public sealed class TuningPolicy
{
    private readonly Dictionary<string, TunableParameter> tunable;

    /// <summary>Creates a policy over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">The controller's parameter set (descriptors give type, range, unit, meaning).</param>
    /// <param name="tunable">The whitelist.</param>
    /// <exception cref="ArgumentException">A listed name is unknown, not a number, read-only, or has a non-positive rate limit.</exception>
    public TuningPolicy(ParameterSet parameters, IEnumerable<TunableParameter> tunable)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(tunable);
        Parameters = parameters;
        this.tunable = new Dictionary<string, TunableParameter>(StringComparer.Ordinal);
        foreach (var t in tunable)
        {
            if (!parameters.Contains(t.Name))
            {
                throw new ArgumentException($"Tunable parameter '{t.Name}' is not a parameter of the controller; known: {string.Join(", ", parameters.Descriptors.Select(d => d.Name))}.");
            }

            var descriptor = parameters.GetDescriptor(t.Name);
            if (descriptor.Type is not (ParameterType.Double or ParameterType.Integer))
            {
                throw new ArgumentException($"Tunable parameter '{t.Name}' is a {descriptor.Type}; only numbers can be tuned.");
            }

            if (descriptor.ReadOnly)
            {
                throw new ArgumentException($"Tunable parameter '{t.Name}' is read-only; it cannot be whitelisted.");
            }

            if (!(t.MaxStepChange > 0))
            {
                throw new ArgumentException($"Tunable parameter '{t.Name}': max_step_change must be > 0, got {t.MaxStepChange}.");
            }

            this.tunable[t.Name] = t;
        }

        Tunable = this.tunable.Values.ToArray();
    }

    /// <summary>The controller's parameters.</summary>
    public ParameterSet Parameters { get; }

    /// <summary>The whitelist, in the order given.</summary>
    public IReadOnlyList<TunableParameter> Tunable { get; }

    /// <summary>The whitelist entry for <paramref name="name"/>, or null when it may not be tuned.</summary>
    /// <param name="name">A parameter name.</param>
    /// <returns>The entry or null.</returns>
    public TunableParameter? Find(string name) => tunable.GetValueOrDefault(name);
}
