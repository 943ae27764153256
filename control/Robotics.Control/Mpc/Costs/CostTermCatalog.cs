using Robotics.Core.Parameters;

namespace Robotics.Control.Mpc.Costs;

/// <summary>The built-in cost terms by name, for configuration from parameters (<c>costs.terms</c>).</summary>
public static class CostTermCatalog
{
    private static readonly (string Name, Func<ICostTerm> Create)[] s_entries =
    [
        (GoalCost.TermName, () => new GoalCost()),
        (ReferenceTrackingCost.TermName, () => new ReferenceTrackingCost()),
        (PathCost.TermName, () => new PathCost()),
        (ControlEffortCost.TermName, () => new ControlEffortCost()),
        (ControlRateCost.TermName, () => new ControlRateCost()),
        (StateBoundsCost.TermName, () => new StateBoundsCost()),
        (InputBoundsCost.TermName, () => new InputBoundsCost()),
        (ObstacleCost.TermName, () => new ObstacleCost()),
    ];

    /// <summary>Name of the parameter listing the active terms (comma-separated).</summary>
    public const string TermsParameterName = "costs.terms";

    /// <summary>The names of the built-in terms.</summary>
    public static IReadOnlyList<string> Names { get; } = s_entries.Select(e => e.Name).ToArray();

    /// <summary>The descriptors of every built-in term, plus <c>costs.terms</c> with the given default list.</summary>
    public static IReadOnlyList<ParameterDescriptor> AllParameters(string defaultTerms) =>
    [
        ParameterDescriptor.String(TermsParameterName, defaultTerms,
            $"Comma-separated cost terms to use, each one of: {string.Join(", ", Names)}."),
        .. s_entries.SelectMany(e => e.Create().Parameters),
    ];

    /// <summary>A new instance of the named term with default parameters.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known terms.</exception>
    public static ICostTerm Create(string name)
    {
        foreach (var (n, create) in s_entries)
        {
            if (n == name) return create();
        }

        throw new ArgumentException(
            $"Parameter '{TermsParameterName}': unknown cost term '{name}'; allowed terms are {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>
    /// Builds the terms named in <c>costs.terms</c> of <paramref name="parameters"/> and copies each term's
    /// <c>costs.&lt;name&gt;.*</c> values from it (only parameters the set declares are copied).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown or repeated term name, or an invalid term parameter.</exception>
    public static IReadOnlyList<ICostTerm> FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        string list = parameters.GetString(TermsParameterName);
        var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            throw new ArgumentException($"Parameter '{TermsParameterName}' is empty; name at least one of {string.Join(", ", Names)}.");
        }

        var terms = new List<ICostTerm>();
        foreach (string name in names)
        {
            if (terms.Any(t => t.Name == name))
            {
                throw new ArgumentException($"Parameter '{TermsParameterName}' names '{name}' twice; list each term once.");
            }

            var term = Create(name);
            foreach (var d in term.Parameters)
            {
                if (!parameters.Contains(d.Name)) continue;
                var check = term.TrySetParameter(d.Name, parameters.Get(d.Name));
                if (!check.IsValid) throw new ArgumentException(check.Message);
            }

            terms.Add(term);
        }

        return terms;
    }
}
