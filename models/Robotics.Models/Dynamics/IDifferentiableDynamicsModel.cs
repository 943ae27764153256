namespace Robotics.Models.Dynamics;

/// <summary>Dynamics that also give their Jacobians, for Newton steps, linearisation and density divergence.</summary>
public interface IDifferentiableDynamicsModel : IDynamicsModel
{
    /// <summary>
    /// Writes F(x, u) into <paramref name="nextState"/>, dF/dx (n x n) into <paramref name="dfdx"/> and dF/du
    /// (n x m) into <paramref name="dfdu"/>, both row-major. Allocation-free; <paramref name="nextState"/> may be
    /// the same storage as <paramref name="state"/>.
    /// </summary>
    void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu);
}
