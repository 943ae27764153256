namespace Robotics.Sim.Scenarios;

/// <summary>
/// A scenario file could not be loaded or built. The message has the form
/// <c>&lt;file&gt;:&lt;line&gt;:&lt;column&gt;: &lt;field path&gt;: expected &lt;what&gt;, found &lt;what&gt;. &lt;How to fix&gt;</c>
/// so editors and CI logs can jump to the offending line.
/// </summary>
public sealed class ScenarioException : Exception
{
    /// <summary>Creates an exception from its parts; <see cref="Exception.Message"/> joins them in the documented form.</summary>
    public ScenarioException(string sourceName, int line, int column, string fieldPath, string expected, string found, string fix,
        Exception? innerException = null)
        : base(Format(sourceName, line, column, fieldPath, expected, found, fix), innerException)
    {
        SourceName = sourceName;
        Line = line;
        Column = column;
        FieldPath = fieldPath;
        Expected = expected;
        Found = found;
        Fix = fix;
    }

    /// <summary>The file (or source name) the error is in.</summary>
    public string SourceName { get; }

    /// <summary>1-based line of the offending node.</summary>
    public int Line { get; }

    /// <summary>1-based column of the offending node.</summary>
    public int Column { get; }

    /// <summary>Dotted path of the field, e.g. <c>plant.parameters.mass_kg</c> or <c>tracking[0].state</c>.</summary>
    public string FieldPath { get; }

    /// <summary>What was expected at that place.</summary>
    public string Expected { get; }

    /// <summary>What was found instead.</summary>
    public string Found { get; }

    /// <summary>How to fix the file.</summary>
    public string Fix { get; }

    private static string Format(string sourceName, int line, int column, string fieldPath, string expected, string found, string fix)
    {
        string sentence = fix.Length == 0 || fix.EndsWith('.') ? fix : fix + ".";
        return $"{sourceName}:{line}:{column}: {fieldPath}: expected {expected}, found {found}. {sentence}".TrimEnd();
    }
}
