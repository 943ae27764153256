namespace Robotics.Ros.Nodes;

/// <summary>One <c>-p name:=value</c> parameter assignment from the command line; the value is YAML text (e.g. <c>1.5</c>, <c>true</c>, <c>[1, 2]</c>).</summary>
/// <param name="Name">Parameter name, e.g. <c>use_sim_time</c> or <c>pid.kp</c>.</param>
/// <param name="Value">The value as YAML text.</param>
public sealed record ParameterOverride(string Name, string Value);
