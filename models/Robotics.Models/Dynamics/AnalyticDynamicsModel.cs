using Robotics.Core.Numerics;

namespace Robotics.Models.Dynamics;

/// <summary>
/// A continuous-time system (any <see cref="IOdeSystem"/>, e.g. a simulator plant) as discrete-time dynamics:
/// one classical RK4 step of <see cref="TimeStep"/> with the input held. Jacobians by central differences.
/// </summary>
public sealed class AnalyticDynamicsModel : IDifferentiableDynamicsModel
{
    private readonly IOdeSystem _system;
    private readonly Rk4Integrator _integrator;
    private readonly string[] _stateNames;
    private readonly string[] _inputNames;
    private readonly double[] _x;
    private readonly double[] _u;
    private readonly double[] _plus;
    private readonly double[] _minus;

    /// <summary>Creates the model.</summary>
    /// <param name="system">The continuous-time system.</param>
    /// <param name="timeStep">Step dt in seconds (&gt; 0).</param>
    /// <param name="stateNames">State names (length = the system's state size).</param>
    /// <param name="inputNames">Input names (length = the system's input size).</param>
    public AnalyticDynamicsModel(IOdeSystem system, double timeStep, IReadOnlyList<string> stateNames, IReadOnlyList<string> inputNames)
    {
        if (!(timeStep > 0) || !double.IsFinite(timeStep))
        {
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be a finite number of seconds > 0.");
        }

        if (stateNames.Count != system.StateSize || inputNames.Count != system.InputSize)
        {
            throw new ArgumentException($"The system has {system.StateSize} states and {system.InputSize} inputs; {stateNames.Count} state and {inputNames.Count} input names were given.");
        }

        _system = system;
        TimeStep = timeStep;
        _stateNames = [.. stateNames];
        _inputNames = [.. inputNames];
        _integrator = new Rk4Integrator(system.StateSize);
        _x = new double[system.StateSize];
        _u = new double[system.InputSize];
        _plus = new double[system.StateSize];
        _minus = new double[system.StateSize];
    }

    /// <inheritdoc />
    public int StateSize => _system.StateSize;

    /// <inheritdoc />
    public int InputSize => _system.InputSize;

    /// <inheritdoc />
    public int LatentSize => 0;

    /// <inheritdoc />
    public double TimeStep { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => _stateNames;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => _inputNames;

    /// <inheritdoc />
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState)
    {
        state[..StateSize].CopyTo(nextState);
        _integrator.Step(_system, 0.0, TimeStep, nextState[..StateSize], input[..InputSize]);
    }

    /// <inheritdoc />
    public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
    {
        int n = StateSize, m = InputSize;
        state[..n].CopyTo(_x);
        input[..m].CopyTo(_u);
        for (int i = 0; i < n; i++) DifferenceColumn(_x, i, dfdx, n);
        for (int j = 0; j < m; j++) DifferenceColumn(_u, j, dfdu, m);
        Step(_x, _u, nextState);
    }

    // Column `index` of a Jacobian with `columns` columns: perturb entry `index` of `vector` (_x or _u) both ways.
    private void DifferenceColumn(double[] vector, int index, Span<double> jacobian, int columns)
    {
        double h = Perturbation(vector[index]);
        double saved = vector[index];
        vector[index] = saved + h;
        Step(_x, _u, _plus);
        vector[index] = saved - h;
        Step(_x, _u, _minus);
        vector[index] = saved;
        for (int k = 0; k < StateSize; k++) jacobian[k * columns + index] = (_plus[k] - _minus[k]) / (2 * h);
    }

    // Central differences: error O(h^2) against rounding O(eps/h); h ~ eps^(1/3) balances them.
    private static double Perturbation(double value) => 6e-6 * Math.Max(1.0, Math.Abs(value));
}
