using Robotics.Core.Parameters;

namespace Robotics.Nodes.Tuning;

/// <summary>
/// Where validated tuning values go: a node's parameter path (the same as <c>ros2 param set</c>, applied at the next
/// tick boundary) or a plain parameter set (the evaluation harness, applied between two ticks).
/// </summary>
public interface ITuningTarget
{
    /// <summary>A copy of the current values (descriptors included) for validation and the prompt.</summary>
    ParameterSet Snapshot();

    /// <summary>Applies all <paramref name="values"/> or none; false with the reason when any is refused.</summary>
    bool TryApplyAll(IReadOnlyList<KeyValuePair<string, double>> values, out string error);
}
