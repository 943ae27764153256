namespace Robotics.Control.Stl;

/// <summary>
/// A parsed signal temporal logic specification: the formula and the signals it reads.
/// </summary>
/// <remarks>
/// <para>Syntax (close to RTAMT's discrete-time STL), one statement per line or separated by <c>;</c>, <c>#</c> or
/// <c>//</c> comments:</para>
/// <list type="bullet">
/// <item><c>input float x, y</c> (also <c>output</c>, <c>var</c>, <c>signal</c>): declarations; once any signal is
/// declared, an undeclared name in the formula is an error.</item>
/// <item><c>const float limit = 0.5</c>: a named number.</item>
/// <item><c>name = formula</c>: a named sub-formula used later by name.</item>
/// <item>A formula: the specification (the last one; without one, the last named formula).</item>
/// </list>
/// <para>Formulas: predicates compare arithmetic over signals (<c>x - 2*y &gt;= 0.5</c>, <c>abs(v) &lt;= 3</c>, with
/// + - * /, abs, sqrt, min, max); <c>not</c>/<c>!</c>, <c>and</c>/<c>&amp;&amp;</c>, <c>or</c>/<c>||</c>,
/// <c>implies</c>/<c>-&gt;</c>, <c>iff</c>/<c>&lt;-&gt;</c>; future <c>always[a:b]</c> (<c>G</c>),
/// <c>eventually[a:b]</c> (<c>F</c>), <c>φ until[a:b] ψ</c>; past <c>historically[a:b]</c> (<c>H</c>),
/// <c>once[a:b]</c> (<c>O</c>), <c>φ since[a:b] ψ</c>. Bounds are seconds (<c>1.5</c>, <c>1.5s</c>, <c>200ms</c>) or
/// samples (<c>10 steps</c>), <c>inf</c> for unbounded; an operator without an interval means <c>[0:inf]</c>.</para>
/// </remarks>
public sealed class StlSpecification
{
    private StlSpecification(string sourceName, string text, StlFormula formula, IReadOnlyList<string> signals)
    {
        SourceName = sourceName;
        Text = text;
        Formula = formula;
        Signals = signals;
    }

    /// <summary>The file the specification came from, or <c>&lt;text&gt;</c>.</summary>
    public string SourceName { get; }

    /// <summary>The specification text as given.</summary>
    public string Text { get; }

    /// <summary>The formula.</summary>
    public StlFormula Formula { get; }

    /// <summary>The signals the formula reads, in order of first use; evaluators index signals in this order.</summary>
    public IReadOnlyList<string> Signals { get; }

    /// <summary>True when a future operator (always, eventually, until) has an infinite upper bound.</summary>
    public bool HasUnboundedFuture => Formula.PostOrder().Any(n => n.IsFutureTemporal && n.Interval.IsUnbounded);

    /// <summary>Parses a specification.</summary>
    /// <param name="text">The specification text.</param>
    /// <param name="sourceName">Named in error messages (a file name, or <c>&lt;text&gt;</c>).</param>
    /// <returns>The specification.</returns>
    /// <exception cref="StlParseException">The text is not a valid specification; the message gives line, column and what was expected.</exception>
    public static StlSpecification Parse(string text, string sourceName = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        var (formula, signals) = StlParser.Parse(text, sourceName);
        return new StlSpecification(sourceName, text, formula, signals);
    }

    /// <summary>Reads and parses a specification file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The specification.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="StlParseException">The file is not a valid specification.</exception>
    public static StlSpecification Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"STL specification file '{path}' does not exist.", path);
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <inheritdoc />
    public override string ToString() => Formula.ToString();
}
