using Robotics.Core.Parameters;

namespace Robotics.Nodes.Parameters;

/// <summary>One parameter value given to a node from outside: a params-file entry or a <c>-p</c> override.</summary>
/// <param name="Name">Parameter name (dotted for nested YAML maps, e.g. <c>pid.kp</c>).</param>
/// <param name="Value">The value as parsed from YAML.</param>
/// <param name="Source">Where it came from, for messages: <c>params.yaml:12</c> or <c>-p kp:=2</c>.</param>
/// <param name="FromWildcard">True when it came from a <c>/**</c> (or other wildcard) block of a params file.</param>
public sealed record ParameterAssignment(string Name, ParameterValue Value, string Source, bool FromWildcard = false);
