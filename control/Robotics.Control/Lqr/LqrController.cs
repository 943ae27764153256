using Robotics.Control.Loop;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.Lqr;

/// <summary>
/// Full-state feedback about an equilibrium: u = u_eq - K (x - x_ref), clipped to optional limits.
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state x (length n = columns of K); reference x_ref (length n, the desired state, in the
/// same order as the state).</para>
/// <para><b>Output.</b> command u (length m = rows of K).</para>
/// <para><b>Equation.</b> u_i = clamp(u_eq,i - sum_j K_ij (x_j - x_ref,j), min_i, max_i). K typically comes from
/// <see cref="Lqr.DiscreteGain"/> on a model from <see cref="Linearization.Jacobians"/> and
/// <see cref="Discretization.ZeroOrderHold"/> at the loop period. No angle wrapping is applied: the law is meant
/// for states near the equilibrium it was designed for.</para>
/// <para><b>Parameters.</b> <c>output_min</c>, <c>output_max</c> (double arrays, empty = unlimited, one value =
/// all entries, m values = per entry); for <see cref="FromParameters(ParameterSet)"/> also <c>gain</c> (K row-major),
/// <c>equilibrium_input</c> (u_eq, empty = zeros) and <c>state_size</c> (n).</para>
/// <para><b>Status.</b> <see cref="ControllerStatus.Saturated"/> when any entry was clipped;
/// <see cref="ControllerStatus.Failed"/> (command left as zeros) when a state or reference entry is not finite or
/// a span has the wrong length. Update allocates nothing.</para>
/// </remarks>
public sealed class LqrController : IController
{
    private readonly double[] _gain;          // m x n, row-major
    private readonly double[] _equilibriumInput;
    private readonly double[] _min, _max;
    private readonly int _n, _m;

    /// <summary>The declared parameters (see the type remarks).</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.DoubleArray("output_min", [], "",
            "Lower command limits in command units: empty = unlimited, one value = every entry, m values = per entry."),
        ParameterDescriptor.DoubleArray("output_max", [], "",
            "Upper command limits in command units: empty = unlimited, one value = every entry, m values = per entry."),
        ParameterDescriptor.DoubleArray("gain", [], "",
            "Feedback gain K (m x n) row-major; used only by FromParameters(ParameterSet). Usually computed in code with Lqr.DiscreteGain.", readOnly: true),
        ParameterDescriptor.DoubleArray("equilibrium_input", [], "",
            "Equilibrium command u_eq (m values); empty = zeros. Used only by FromParameters(ParameterSet).", readOnly: true),
        ParameterDescriptor.Integer("state_size", 1, "",
            "State length n (columns of K); used only by FromParameters(ParameterSet) to shape 'gain'.", minimum: 1, readOnly: true),
    ];

    /// <summary>Creates the controller.</summary>
    /// <param name="gain">K, m x n (copied).</param>
    /// <param name="equilibriumInput">u_eq, length m (copied); empty means zeros.</param>
    /// <param name="parameters">Command limits; null = unlimited.</param>
    /// <param name="name">Controller name (lower_snake), default <c>lqr</c>.</param>
    /// <exception cref="ArgumentException">Shapes do not match, an entry is not finite, or min &gt; max.</exception>
    public LqrController(Matrix gain, ReadOnlySpan<double> equilibriumInput, LqrControllerParameters? parameters = null, string name = "lqr")
    {
        ArgumentNullException.ThrowIfNull(gain);
        parameters ??= new LqrControllerParameters();
        if (gain.Rows == 0 || gain.Columns == 0)
        {
            throw new ArgumentException($"Gain K must have at least one row (command) and one column (state); it is {gain.Rows}x{gain.Columns}.", nameof(gain));
        }

        _m = gain.Rows;
        _n = gain.Columns;
        MatrixChecks.Finite(gain, nameof(gain));
        _gain = gain.Data.ToArray();

        if (equilibriumInput.Length != 0 && equilibriumInput.Length != _m)
        {
            throw new ArgumentException(
                $"Equilibrium input has {equilibriumInput.Length} entries; K has {_m} rows, so give {_m} values (or none for zeros).", nameof(equilibriumInput));
        }

        _equilibriumInput = new double[_m];
        for (int i = 0; i < equilibriumInput.Length; i++)
        {
            if (!double.IsFinite(equilibriumInput[i]))
            {
                throw new ArgumentException($"Equilibrium input entry {i} = {equilibriumInput[i]} is not finite.", nameof(equilibriumInput));
            }

            _equilibriumInput[i] = equilibriumInput[i];
        }

        _min = Expand(parameters.OutputMin ?? [], _m, double.NegativeInfinity, "output_min");
        _max = Expand(parameters.OutputMax ?? [], _m, double.PositiveInfinity, "output_max");
        for (int i = 0; i < _m; i++)
        {
            if (double.IsNaN(_min[i]) || double.IsNaN(_max[i]) || _min[i] > _max[i])
            {
                throw new ArgumentException(
                    $"Parameter 'output_min'[{i}] = {_min[i]} must be <= 'output_max'[{i}] = {_max[i]}; swap or widen the limits.", nameof(parameters));
            }
        }

        Name = string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("Controller name must not be empty.", nameof(name)) : name;
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize => _n;

    /// <inheritdoc />
    public int ReferenceSize => _n;

    /// <inheritdoc />
    public int CommandSize => _m;

    /// <summary>A copy of the gain K (m x n).</summary>
    public Matrix Gain
    {
        get
        {
            var k = new Matrix(_m, _n);
            for (int i = 0; i < _m; i++)
            {
                for (int j = 0; j < _n; j++) k[i, j] = _gain[i * _n + j];
            }

            return k;
        }
    }

    /// <summary>Builds a controller entirely from parameters: K from <c>gain</c> and <c>state_size</c>, u_eq from <c>equilibrium_input</c>.</summary>
    /// <exception cref="ArgumentException">The gain is missing or does not fit <c>state_size</c>, or the limits are inconsistent.</exception>
    public static LqrController FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var values = parameters.GetDoubleArray("gain");
        long n = parameters.GetInteger("state_size");
        if (values.Length == 0 || values.Length % n != 0)
        {
            throw new ArgumentException(
                $"Parameter 'gain' has {values.Length} values, which is not a positive multiple of 'state_size' = {n}; give K row-major (m x {n}) or build the controller in code.", nameof(parameters));
        }

        int m = values.Length / (int)n;
        var k = new Matrix(m, (int)n);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++) k[i, j] = values[i * (int)n + j];
        }

        return FromParameters(parameters, k, parameters.GetDoubleArray("equilibrium_input"));
    }

    /// <summary>Builds a controller with a gain computed in code and limits from parameters (<c>output_min</c>, <c>output_max</c>).</summary>
    /// <exception cref="ArgumentException">Shapes do not match or the limits are inconsistent.</exception>
    public static LqrController FromParameters(ParameterSet parameters, Matrix gain, ReadOnlySpan<double> equilibriumInput)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var options = new LqrControllerParameters
        {
            OutputMin = parameters.GetDoubleArray("output_min").ToArray(),
            OutputMax = parameters.GetDoubleArray("output_max").ToArray(),
        };
        return new LqrController(gain, equilibriumInput, options);
    }

    /// <inheritdoc />
    public void Reset()
    {
        // Memoryless.
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length != _m)
        {
            return ControllerStatus.Failed;
        }

        if (state.Length != _n || reference.Length != _n)
        {
            command.Clear();
            return ControllerStatus.Failed;
        }

        for (int j = 0; j < _n; j++)
        {
            if (!double.IsFinite(state[j]) || !double.IsFinite(reference[j]))
            {
                command.Clear();
                return ControllerStatus.Failed;
            }
        }

        bool saturated = false;
        for (int i = 0; i < _m; i++)
        {
            double u = _equilibriumInput[i];
            int row = i * _n;
            for (int j = 0; j < _n; j++) u -= _gain[row + j] * (state[j] - reference[j]);
            if (!double.IsFinite(u))
            {
                command.Clear();
                return ControllerStatus.Failed;
            }

            if (u > _max[i])
            {
                u = _max[i];
                saturated = true;
            }
            else if (u < _min[i])
            {
                u = _min[i];
                saturated = true;
            }

            command[i] = u;
        }

        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }

    private static double[] Expand(double[] values, int m, double unlimited, string name)
    {
        var result = new double[m];
        if (values.Length == 0)
        {
            Array.Fill(result, unlimited);
        }
        else if (values.Length == 1)
        {
            Array.Fill(result, values[0]);
        }
        else if (values.Length == m)
        {
            values.CopyTo(result, 0);
        }
        else
        {
            throw new ArgumentException(
                $"Parameter '{name}' has {values.Length} values; give none (unlimited), one (every entry) or {m} (one per command entry).", name);
        }

        return result;
    }
}
