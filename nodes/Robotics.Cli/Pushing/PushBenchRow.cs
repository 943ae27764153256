namespace Robotics.Cli.Pushing;

/// <summary>One controller's result over all pairs.</summary>
public sealed record PushBenchRow(string Controller, string Model, string Settings, double[] PositionErrors, double[] YawErrors, double[] PlanMs, int Successes, string Notes);
