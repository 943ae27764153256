namespace Robotics.Launch;

/// <summary>A launch file is invalid or cannot be evaluated; the message names the file, the line and the tag, and says how to fix it.</summary>
public sealed class LaunchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="file">The launch file.</param>
    /// <param name="line">The 1-based line of the offending element (0 when unknown).</param>
    /// <param name="tag">The element's tag, e.g. <c>node</c>.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    public LaunchException(string file, int line, string tag, string problem)
        : base($"{file}:{line}: <{tag}>: {problem}")
    {
        File = file;
        Line = line;
        Tag = tag;
        Problem = problem;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    /// <param name="file">The launch file.</param>
    /// <param name="line">The 1-based line (0 when unknown).</param>
    /// <param name="tag">The element's tag.</param>
    /// <param name="problem">What is wrong and how to fix it.</param>
    /// <param name="inner">The cause.</param>
    public LaunchException(string file, int line, string tag, string problem, Exception inner)
        : base($"{file}:{line}: <{tag}>: {problem}", inner)
    {
        File = file;
        Line = line;
        Tag = tag;
        Problem = problem;
    }

    /// <summary>The launch file.</summary>
    public string File { get; }

    /// <summary>The 1-based line of the offending element (0 when unknown).</summary>
    public int Line { get; }

    /// <summary>The element's tag.</summary>
    public string Tag { get; }

    /// <summary>What is wrong and how to fix it (the message without the location).</summary>
    public string Problem { get; }
}
