namespace Robotics.Models.Dynamics;

/// <summary>Dynamics with an epistemic uncertainty signal, e.g. the disagreement of an ensemble.</summary>
public interface IUncertainDynamicsModel : IDynamicsModel
{
    /// <summary>
    /// Writes the per-state disagreement of the prediction at (x, u) (standard deviation across members, in state
    /// units) into <paramref name="disagreement"/>. Allocation-free.
    /// </summary>
    void Disagreement(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> disagreement);
}
