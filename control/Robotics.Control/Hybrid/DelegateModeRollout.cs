namespace Robotics.Control.Hybrid;

/// <summary>An <see cref="IModeRollout"/> over a delegate (tests, small systems). Copies the state into a new array per call.</summary>
public sealed class DelegateModeRollout : IModeRollout
{
    private readonly Func<double, double[], bool> _converges;

    /// <summary>Wraps <paramref name="converges"/> (parameter, initial state) -&gt; converged.</summary>
    public DelegateModeRollout(Func<double, double[], bool> converges)
    {
        ArgumentNullException.ThrowIfNull(converges);
        _converges = converges;
    }

    /// <inheritdoc />
    public bool Converges(double parameter, ReadOnlySpan<double> initialState) => _converges(parameter, initialState.ToArray());
}
