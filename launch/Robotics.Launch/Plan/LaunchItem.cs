namespace Robotics.Launch.Plan;

/// <summary>One thing an evaluated launch file starts or says, with where it came from.</summary>
/// <param name="SourceFile">The launch file that declared it.</param>
/// <param name="Line">The 1-based line of its element.</param>
public abstract record LaunchItem(string SourceFile, int Line);
