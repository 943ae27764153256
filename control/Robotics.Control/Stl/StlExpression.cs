using System.Globalization;

namespace Robotics.Control.Stl;

/// <summary>
/// An arithmetic expression over named signals inside a predicate (<c>x - 2*y</c>, <c>abs(v)</c>): constants, signals,
/// + - * /, unary minus, and the functions abs, min, max, sqrt.
/// </summary>
public abstract class StlExpression
{
    private protected StlExpression()
    {
    }

    /// <summary>Evaluates the expression at sample <paramref name="k"/> of the given signal columns.</summary>
    /// <param name="signals">Signal values indexed by <see cref="StlSpecification.Signals"/> position, then by sample.</param>
    /// <param name="k">The sample index.</param>
    /// <returns>The value.</returns>
    internal abstract double Evaluate(IReadOnlyList<double[]> signals, int k);

    /// <summary>Evaluates the expression from one value per signal (online use).</summary>
    internal abstract double Evaluate(ReadOnlySpan<double> current);

    /// <summary>Adds d(expression)/d(signal) * <paramref name="upstream"/> at sample k to the signal gradients.</summary>
    internal abstract void Backward(IReadOnlyList<double[]> signals, int k, double upstream, double[][] gradients);

    /// <summary>Adds every signal reference in the expression to <paramref name="found"/>.</summary>
    internal abstract void CollectSignals(List<StlSignal> found);

    internal static string Format(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
