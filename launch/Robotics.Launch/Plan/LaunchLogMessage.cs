namespace Robotics.Launch.Plan;

/// <summary>A <c>&lt;log message="…"/&gt;</c> action after evaluation.</summary>
/// <param name="SourceFile">The launch file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Level">The level (<c>info</c>, <c>warning</c>, <c>error</c>, <c>debug</c>).</param>
/// <param name="Message">The message.</param>
public sealed record LaunchLogMessage(string SourceFile, int Line, string Level, string Message) : LaunchItem(SourceFile, Line);
