namespace Robotics.Control.Stl;

/// <summary>
/// A specification could not be parsed or checked. The message reads <c>source:line:column: what was expected, what was
/// found</c>, so an editor can jump to it.
/// </summary>
public sealed class StlParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file name or <c>&lt;text&gt;</c>.</param>
    /// <param name="line">1-based line.</param>
    /// <param name="column">1-based column.</param>
    /// <param name="detail">What was expected and what was found.</param>
    public StlParseException(string source, int line, int column, string detail)
        : base($"{source}:{line}:{column}: {detail}")
    {
        SourceName = source;
        Line = line;
        Column = column;
        Detail = detail;
    }

    /// <summary>The file name or <c>&lt;text&gt;</c>.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the error.</summary>
    public int Line { get; }

    /// <summary>1-based column of the error.</summary>
    public int Column { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Detail { get; }
}
