using Robotics.Core.Numerics;

namespace Robotics.Sim.Plants;

/// <summary>
/// Base class of the plants integrated by the classical fourth-order Runge-Kutta method: it holds the type name,
/// the state and input names (which fix the sizes) and the integrator's workspace; a plant writes
/// <see cref="Derivatives"/> and, if it has constraints such as ground contact, overrides <see cref="Advance"/>.
/// </summary>
public abstract class Rk4Plant : IPlant
{
    private readonly string[] _stateNames, _inputNames;
    private readonly Rk4Integrator _integrator;

    /// <summary>Creates the plant's fixed description; the integrator workspace is allocated here, once.</summary>
    protected Rk4Plant(string typeName, string[] stateNames, string[] inputNames)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        TypeName = typeName;
        _stateNames = stateNames ?? throw new ArgumentNullException(nameof(stateNames));
        _inputNames = inputNames ?? throw new ArgumentNullException(nameof(inputNames));
        _integrator = new Rk4Integrator(stateNames.Length);
    }

    /// <inheritdoc />
    public string TypeName { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => _stateNames;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <inheritdoc />
    public int StateSize => _stateNames.Length;

    /// <inheritdoc />
    public int InputSize => _inputNames.Length;

    /// <inheritdoc />
    public abstract void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative);

    /// <summary>One classical RK4 step with the input held constant (allocation-free).</summary>
    public virtual void Advance(double time, double step, Span<double> state, ReadOnlySpan<double> input) =>
        _integrator.Step(this, time, step, state, input);
}
