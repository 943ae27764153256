using Robotics.Control.Loop;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.Pid;

/// <summary>
/// A single-output PID controller with derivative on measurement, a filtered derivative, output limits and
/// back-calculation anti-windup.
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state (length <see cref="StateSize"/>): the measurement y = state[<c>measurement_index</c>];
/// reference (length <see cref="ReferenceSize"/>): the set-point r = reference[<c>reference_index</c>].</para>
/// <para><b>Output.</b> command[0] = u, in the plant's input units (e.g. N or N m).</para>
/// <para><b>Equations</b> (h = period in seconds, k = tick index; Åström and Wittenmark, Computer-Controlled Systems, §8):</para>
/// <code>
/// e_k = r_k - y_k
/// P_k = kp e_k
/// D_k = Tf / (Tf + h) D_{k-1} - kd / (Tf + h) (y_k - y_{k-1})      derivative on measurement, backward Euler
/// v_k = u_off + P_k + I_k + D_k
/// u_k = clamp(v_k, output_min, output_max)
/// I_{k+1} = I_k + ki h e_k + min(h / Tt, 1) (u_k - v_k)                forward Euler + back-calculation
/// </code>
/// <para>The derivative is the backward-Euler discretisation of the filter Tf D' + D = -kd y' (stable and
/// non-oscillating for every Tf &gt;= 0 and h &gt; 0; Tf = 0 gives the plain backward difference). Taking the
/// derivative of the measurement instead of the error means a set-point step causes no derivative kick. On the
/// first tick after construction or <see cref="Reset"/>, y_{k-1} = y_k, so D starts at 0. The integral starts at 0 and
/// is advanced after the output is computed, so the integral term at tick k holds the errors of ticks 0..k-1.</para>
/// <para><b>Anti-windup.</b> Back-calculation feeds the clipped part (u - v) back into the integrator with gain
/// h / Tt, which drives v towards the limit with time constant Tt while saturated; the gain is capped at 1
/// (Tt &lt;= h resets the integrator in one tick, a larger gain would make the discrete update unstable).
/// The automatic choice (<c>anti_windup_tracking_time_s</c> = 0) is Åström's rule Tt = sqrt(Ti Td) for a PID
/// (Ti = kp / ki, Td = kd / kp, absolute values) and Tt = Ti for a PI, which lies between the derivative and
/// integral time scales; with kp = 0 it is Tt = 0 (reset in one tick). +infinity disables anti-windup.</para>
/// <para><b>Status.</b> <see cref="ControllerStatus.Saturated"/> when u was clipped;
/// <see cref="ControllerStatus.Failed"/> when y, r or the period is not finite (or the period is not positive) or a
/// span is too short; then command[0] is set to 0 and the internal state is left unchanged. Update allocates
/// nothing.</para>
/// <para><b>Parameters.</b> <c>kp</c>, <c>ki</c>, <c>kd</c>, <c>derivative_filter_time_s</c>, <c>output_min</c>,
/// <c>output_max</c>, <c>anti_windup_tracking_time_s</c>, <c>output_offset</c>, <c>measurement_index</c>,
/// <c>reference_index</c>, <c>state_size</c>, <c>reference_size</c> (see <see cref="Parameters"/>).</para>
/// </remarks>
public sealed class PidController : IController
{
    private readonly PidParameters _p;
    private double _integral;
    private double _derivative;
    private double _previousMeasurement;
    private bool _hasPrevious;

    /// <summary>The declared parameters with defaults, units and ranges.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("kp", 1.0, "", "Proportional gain (command units per measurement unit)."),
        ParameterDescriptor.Double("ki", 0.0, "1/s", "Integral gain (command units per measurement unit and second)."),
        ParameterDescriptor.Double("kd", 0.0, "s", "Derivative gain on the measurement (command units per measurement unit per second)."),
        ParameterDescriptor.Double("derivative_filter_time_s", 0.01, "s", "Time constant of the first-order low-pass on the derivative term; 0 = unfiltered.", minimum: 0.0),
        ParameterDescriptor.Double("output_min", double.NegativeInfinity, "", "Lower command limit; -inf = none."),
        ParameterDescriptor.Double("output_max", double.PositiveInfinity, "", "Upper command limit; +inf = none."),
        ParameterDescriptor.Double("anti_windup_tracking_time_s", 0.0, "s",
            "Back-calculation tracking time constant; 0 = automatic (sqrt(Ti Td) for PID, Ti for PI), +inf = no anti-windup.", minimum: 0.0),
        ParameterDescriptor.Double("output_offset", 0.0, "", "Constant feed-forward added to the command (e.g. gravity compensation)."),
        ParameterDescriptor.Integer("measurement_index", 0, "", "Index of the measured value in the state vector.", minimum: 0),
        ParameterDescriptor.Integer("reference_index", 0, "", "Index of the set-point in the reference vector.", minimum: 0),
        ParameterDescriptor.Integer("state_size", 1, "", "Length of the state vector the controller receives (the hardware's state size).", minimum: 1, readOnly: true),
        ParameterDescriptor.Integer("reference_size", 1, "", "Length of the reference vector the controller receives.", minimum: 1, readOnly: true),
    ];

    /// <summary>Creates a PID controller.</summary>
    /// <param name="parameters">Gains, limits and indices (validated).</param>
    /// <param name="stateSize">Length of the state vector (must exceed <see cref="PidParameters.MeasurementIndex"/>).</param>
    /// <param name="referenceSize">Length of the reference vector (must exceed <see cref="PidParameters.ReferenceIndex"/>).</param>
    /// <param name="name">Controller name (lower_snake), default <c>pid</c>.</param>
    /// <exception cref="ArgumentException">A parameter is invalid or an index does not fit the sizes.</exception>
    public PidController(PidParameters parameters, int stateSize = 1, int referenceSize = 1, string name = "pid")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Validate();
        if (stateSize < 1 || parameters.MeasurementIndex >= stateSize)
        {
            throw new ArgumentException(
                $"Parameter 'measurement_index' = {parameters.MeasurementIndex} does not fit a state of {stateSize} entries; use an index in [0, {stateSize - 1}] or set 'state_size'.", nameof(parameters));
        }

        if (referenceSize < 1 || parameters.ReferenceIndex >= referenceSize)
        {
            throw new ArgumentException(
                $"Parameter 'reference_index' = {parameters.ReferenceIndex} does not fit a reference of {referenceSize} entries; use an index in [0, {referenceSize - 1}] or set 'reference_size'.", nameof(parameters));
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Controller name must not be empty.", nameof(name));
        }

        _p = parameters;
        StateSize = stateSize;
        ReferenceSize = referenceSize;
        Name = name;
        EffectiveTrackingTimeS = ChooseTrackingTime(parameters);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize { get; }

    /// <inheritdoc />
    public int ReferenceSize { get; }

    /// <inheritdoc />
    public int CommandSize => 1;

    /// <summary>The options this controller was built with.</summary>
    public PidParameters Options => _p;

    /// <summary>
    /// The tracking time constant Tt in use, s: the configured value, or the automatic choice
    /// sqrt(Ti Td) (PID), Ti (PI), 0 (kp = 0), +infinity when anti-windup is disabled or ki = 0.
    /// </summary>
    public double EffectiveTrackingTimeS { get; }

    /// <summary>The integral term I_k that the next <see cref="Update"/> will use, in command units.</summary>
    public double IntegralTerm => _integral;

    /// <summary>The (filtered) derivative term of the last <see cref="Update"/>, in command units.</summary>
    public double DerivativeTerm => _derivative;

    /// <summary>Builds a controller from parameters, sizes from <c>state_size</c> and <c>reference_size</c>.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static PidController FromParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return FromParameters(parameters, checked((int)parameters.GetInteger("state_size")), checked((int)parameters.GetInteger("reference_size")));
    }

    /// <summary>Builds a controller from parameters with sizes given by the caller (e.g. from the hardware); <c>state_size</c> and <c>reference_size</c> are ignored.</summary>
    /// <exception cref="ArgumentException">A value is invalid.</exception>
    public static PidController FromParameters(ParameterSet parameters, int stateSize, int referenceSize)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var options = new PidParameters
        {
            Kp = parameters.GetDouble("kp"),
            Ki = parameters.GetDouble("ki"),
            Kd = parameters.GetDouble("kd"),
            DerivativeFilterTimeS = parameters.GetDouble("derivative_filter_time_s"),
            OutputMin = parameters.GetDouble("output_min"),
            OutputMax = parameters.GetDouble("output_max"),
            AntiWindupTrackingTimeS = parameters.GetDouble("anti_windup_tracking_time_s"),
            OutputOffset = parameters.GetDouble("output_offset"),
            MeasurementIndex = checked((int)parameters.GetInteger("measurement_index")),
            ReferenceIndex = checked((int)parameters.GetInteger("reference_index")),
        };
        return new PidController(options, stateSize, referenceSize);
    }

    /// <inheritdoc />
    public void Reset()
    {
        _integral = 0.0;
        _derivative = 0.0;
        _previousMeasurement = 0.0;
        _hasPrevious = false;
    }

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (command.Length < 1)
        {
            return ControllerStatus.Failed;
        }

        double h = period.Seconds;
        if (state.Length <= _p.MeasurementIndex || reference.Length <= _p.ReferenceIndex || !(h > 0.0) || !double.IsFinite(h))
        {
            command[0] = 0.0;
            return ControllerStatus.Failed;
        }

        double y = state[_p.MeasurementIndex];
        double r = reference[_p.ReferenceIndex];
        if (!double.IsFinite(y) || !double.IsFinite(r))
        {
            command[0] = 0.0;
            return ControllerStatus.Failed;
        }

        double e = r - y;
        double proportional = _p.Kp * e;
        double previous = _hasPrevious ? _previousMeasurement : y;
        double tf = _p.DerivativeFilterTimeS;
        double derivative = (tf / (tf + h)) * _derivative - (_p.Kd / (tf + h)) * (y - previous);

        double v = _p.OutputOffset + proportional + _integral + derivative;
        double u = v;
        bool saturated = false;
        if (u > _p.OutputMax)
        {
            u = _p.OutputMax;
            saturated = true;
        }
        else if (u < _p.OutputMin)
        {
            u = _p.OutputMin;
            saturated = true;
        }

        double trackingGain = double.IsPositiveInfinity(EffectiveTrackingTimeS) ? 0.0 : Math.Min(h / EffectiveTrackingTimeS, 1.0);
        double nextIntegral = _integral + _p.Ki * h * e + trackingGain * (u - v);
        if (!double.IsFinite(u) || !double.IsFinite(nextIntegral) || !double.IsFinite(derivative))
        {
            command[0] = 0.0;
            return ControllerStatus.Failed;
        }

        _integral = nextIntegral;
        _derivative = derivative;
        _previousMeasurement = y;
        _hasPrevious = true;
        command[0] = u;
        return saturated ? ControllerStatus.Saturated : ControllerStatus.Ok;
    }

    private static double ChooseTrackingTime(PidParameters p)
    {
        if (p.AntiWindupTrackingTimeS > 0.0) return p.AntiWindupTrackingTimeS;
        if (p.Ki == 0.0) return double.PositiveInfinity; // no integrator, nothing to wind up
        if (p.Kp == 0.0) return 0.0;
        double ti = Math.Abs(p.Kp / p.Ki);
        if (p.Kd == 0.0) return ti;
        double td = Math.Abs(p.Kd / p.Kp);
        return Math.Sqrt(ti * td);
    }
}
