namespace Robotics.Control.Stl;

/// <summary>The interval <c>[a, b]</c> of a temporal operator, relative to the current time (future) or looking back (past).</summary>
/// <param name="Start">The near end a (&gt;= 0).</param>
/// <param name="End">The far end b (&gt;= a), possibly infinite.</param>
public readonly record struct StlInterval(StlTimeBound Start, StlTimeBound End)
{
    /// <summary>The interval <c>[0, inf)</c> used when an operator is written without one.</summary>
    public static StlInterval Unbounded { get; } = new(new StlTimeBound(0, true), StlTimeBound.Infinity);

    /// <summary>True when the far end is infinite.</summary>
    public bool IsUnbounded => End.IsInfinite;

    /// <summary>The interval as written in a specification, or nothing for <c>[0:inf]</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Start.Value == 0 && End.IsInfinite ? "" : $"[{Start}:{End}]";
}
