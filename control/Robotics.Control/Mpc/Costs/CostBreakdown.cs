namespace Robotics.Control.Mpc.Costs;

/// <summary>
/// The cost of one plan split into its terms (robotics_msgs/CostBreakdown): <see cref="TermValues"/>[i] is the
/// weighted cost of <see cref="TermNames"/>[i] on the chosen plan, <see cref="Shares"/>[i] its fraction of
/// <see cref="Total"/>. Disabled terms report 0. Refilled in place after every plan (no allocation).
/// </summary>
public sealed class CostBreakdown
{
    private readonly string[] _names;
    private readonly double[] _values;
    private readonly double[] _shares;

    /// <summary>Creates an all-zero breakdown for the given term names.</summary>
    public CostBreakdown(IReadOnlyList<string> termNames)
    {
        ArgumentNullException.ThrowIfNull(termNames);
        _names = [.. termNames];
        _values = new double[_names.Length];
        _shares = new double[_names.Length];
    }

    /// <summary>Term names, in the controller's term order.</summary>
    public IReadOnlyList<string> TermNames => _names;

    /// <summary>Weighted cost of each term on the chosen plan.</summary>
    public ReadOnlySpan<double> TermValues => _values;

    /// <summary>Each term's share of <see cref="Total"/> (0 when the total is 0).</summary>
    public ReadOnlySpan<double> Shares => _shares;

    /// <summary>Sum of <see cref="TermValues"/>.</summary>
    public double Total { get; private set; }

    /// <summary>The value of the named term.</summary>
    /// <exception cref="KeyNotFoundException">No such term.</exception>
    public double ValueOf(string termName) => _values[IndexOf(termName)];

    /// <summary>The share of the named term.</summary>
    /// <exception cref="KeyNotFoundException">No such term.</exception>
    public double ShareOf(string termName) => _shares[IndexOf(termName)];

    /// <summary>Writes the values (length = term count), then the total and the shares.</summary>
    public void Set(ReadOnlySpan<double> values)
    {
        values[.._values.Length].CopyTo(_values);
        double total = 0;
        foreach (double v in _values) total += v;
        Total = total;
        for (int i = 0; i < _values.Length; i++) _shares[i] = total != 0 ? _values[i] / total : 0.0;
    }

    private int IndexOf(string name)
    {
        int i = Array.IndexOf(_names, name);
        return i >= 0 ? i : throw new KeyNotFoundException($"No cost term '{name}'; terms: {string.Join(", ", _names)}.");
    }
}
