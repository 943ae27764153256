using System.Text;

namespace Robotics.Control.Stl;

/// <summary>A node of a parsed signal temporal logic formula (immutable).</summary>
public sealed class StlFormula
{
    private StlFormula(StlOperator op, StlFormula? left, StlFormula? right, StlInterval interval, StlExpression? margin, string? predicateText)
    {
        Operator = op;
        Left = left;
        Right = right;
        Interval = interval;
        Margin = margin;
        PredicateText = predicateText;
    }

    /// <summary>The operator of this node.</summary>
    public StlOperator Operator { get; }

    /// <summary>The operand of a unary operator, or the left operand of a binary one; null for predicates and constants.</summary>
    public StlFormula? Left { get; }

    /// <summary>The right operand of a binary operator (and, or, implies, iff, until, since); otherwise null.</summary>
    public StlFormula? Right { get; }

    /// <summary>The interval of a temporal operator (<see cref="StlInterval.Unbounded"/> when none was written).</summary>
    public StlInterval Interval { get; }

    /// <summary>For a predicate, the expression whose value is its robustness (e.g. <c>x - 3</c> for <c>x &gt;= 3</c>).</summary>
    internal StlExpression? Margin { get; }

    /// <summary>For a predicate, the comparison as written (normalised spacing).</summary>
    public string? PredicateText { get; }

    /// <summary>The robustness of a predicate node for one value per signal (in <see cref="StlSpecification.Signals"/> order).</summary>
    /// <param name="signalValues">The current value of every signal of the specification.</param>
    /// <returns>The signed margin of the comparison.</returns>
    /// <exception cref="InvalidOperationException">The node is not a predicate.</exception>
    public double EvaluateMargin(ReadOnlySpan<double> signalValues) =>
        Margin is { } margin ? margin.Evaluate(signalValues) : throw new InvalidOperationException($"'{this}' is not a predicate.");

    /// <summary>True for always, eventually and until.</summary>
    public bool IsFutureTemporal => Operator is StlOperator.Always or StlOperator.Eventually or StlOperator.Until;

    /// <summary>True for historically, once and since.</summary>
    public bool IsPastTemporal => Operator is StlOperator.Historically or StlOperator.Once or StlOperator.Since;

    internal static StlFormula Constant(bool value) => new(value ? StlOperator.True : StlOperator.False, null, null, default, null, null);

    internal static StlFormula Predicate(StlExpression margin, string text) => new(StlOperator.Predicate, null, null, default, margin, text);

    internal static StlFormula Unary(StlOperator op, StlFormula operand, StlInterval interval = default) => new(op, operand, null, interval, null, null);

    internal static StlFormula Binary(StlOperator op, StlFormula left, StlFormula right, StlInterval interval = default) =>
        new(op, left, right, interval, null, null);

    /// <summary>The nodes of this formula, children before parents (the evaluation order).</summary>
    /// <returns>The nodes in post-order.</returns>
    public IReadOnlyList<StlFormula> PostOrder()
    {
        var list = new List<StlFormula>();
        Visit(this, list);
        return list;

        static void Visit(StlFormula f, List<StlFormula> list)
        {
            if (f.Left is not null)
            {
                Visit(f.Left, list);
            }

            if (f.Right is not null)
            {
                Visit(f.Right, list);
            }

            list.Add(f);
        }
    }

    /// <summary>The formula in the project's canonical syntax (parseable again).</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        Write(sb);
        return sb.ToString();
    }

    private void Write(StringBuilder sb)
    {
        switch (Operator)
        {
            case StlOperator.True:
                sb.Append("true");
                break;
            case StlOperator.False:
                sb.Append("false");
                break;
            case StlOperator.Predicate:
                sb.Append(PredicateText);
                break;
            case StlOperator.Not:
                sb.Append("not (");
                Left!.Write(sb);
                sb.Append(')');
                break;
            case StlOperator.Always or StlOperator.Eventually or StlOperator.Historically or StlOperator.Once:
                sb.Append(Keyword(Operator)).Append(Interval).Append('(');
                Left!.Write(sb);
                sb.Append(')');
                break;
            default:
                sb.Append('(');
                Left!.Write(sb);
                sb.Append(") ").Append(Keyword(Operator));
                if (Operator is StlOperator.Until or StlOperator.Since)
                {
                    sb.Append(Interval);
                }

                sb.Append(" (");
                Right!.Write(sb);
                sb.Append(')');
                break;
        }
    }

    private static string Keyword(StlOperator op) => op switch
    {
        StlOperator.And => "and",
        StlOperator.Or => "or",
        StlOperator.Implies => "implies",
        StlOperator.Iff => "iff",
        StlOperator.Always => "always",
        StlOperator.Eventually => "eventually",
        StlOperator.Historically => "historically",
        StlOperator.Once => "once",
        StlOperator.Until => "until",
        _ => "since",
    };
}
