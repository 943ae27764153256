namespace Robotics.Cli.Snn;

/// <summary>A train-snn configuration error; the message names the file, line, field and fix.</summary>
public sealed class SnnConfigException(string message) : Exception(message);
