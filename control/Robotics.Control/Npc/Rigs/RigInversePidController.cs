using Robotics.Control.Loop;
using Robotics.Core.Time;

namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// The PID baseline of the soft-actuator rigs: PI feedback per actuator coordinate through the rig's inverse
/// kinematics, plus feed-forward of the reference one lag ahead and backlash compensation.
/// </summary>
/// <remarks>
/// <para><b>Inputs.</b> state[0..n): the measured outputs y (n = rig outputs); reference: [r(t) (n), r(t + lead) (n)]
/// (<see cref="FigureEightReference"/> with leads [0, lead]). <b>Output.</b> m actuator commands.</para>
/// <para><b>Law</b>, per actuator coordinate i with q = IK(.) (<see cref="IRigKinematics.Inverse"/>):</para>
/// <code>
///   e_i  = q_i(r(t)) - q_i(y)
///   I_i += K_i e_i dt            (clamped to +-integral_limit; frozen while the command saturates)
///   q*_i = q_i(r(t + lead)) + K_p e_i + I_i + c b/2 tanh((q_i(r(t + lead)) - q_i(r(t))) / (b/4))
///   u_i  = clip(command_for(q*_i), u_min, u_max)
/// </code>
/// <para>with b the rig's backlash and c the compensation fraction: the sign of the feed-forward step gives the
/// direction of motion. Non-finite measurements give <see cref="ControllerStatus.Failed"/>. Update allocates nothing.</para>
/// </remarks>
public sealed class RigInversePidController : IController
{
    private readonly IRigKinematics _k;
    private readonly RigPidGains _gains;
    private readonly int _n, _m;
    private readonly double[] _qy, _qr, _qf, _integral;

    /// <summary>Creates the controller.</summary>
    /// <exception cref="ArgumentException">The state is shorter than the rig's outputs or a gain is invalid.</exception>
    public RigInversePidController(IRigKinematics kinematics, RigPidGains gains, int stateSize, string name = "rig_pid")
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        ArgumentNullException.ThrowIfNull(gains);
        gains.Validate();
        if (stateSize < kinematics.OutputCount)
            throw new ArgumentException($"Rig PID: state_size = {stateSize} is smaller than the rig's {kinematics.OutputCount} outputs.", nameof(stateSize));
        _k = kinematics;
        _gains = gains;
        _n = kinematics.OutputCount;
        _m = kinematics.ActuatorCount;
        StateSize = stateSize;
        Name = name;
        _qy = new double[_m];
        _qr = new double[_m];
        _qf = new double[_m];
        _integral = new double[_m];
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public int StateSize { get; }

    /// <inheritdoc />
    public int ReferenceSize => 2 * _n;

    /// <inheritdoc />
    public int CommandSize => _m;

    /// <inheritdoc />
    public void Reset() => Array.Clear(_integral);

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        for (int i = 0; i < _n; i++)
        {
            if (!double.IsFinite(state[i])) return ControllerStatus.Failed;
        }

        _k.Inverse(state[.._n], _qy);
        _k.Inverse(reference[.._n], _qr);
        _k.Inverse(reference.Slice(_n, _n), _qf);
        double dt = period.Seconds;
        double halfPlay = 0.5 * _k.Backlash * _gains.BacklashCompensation;
        var status = ControllerStatus.Ok;
        for (int i = 0; i < _m; i++)
        {
            double e = _qr[i] - _qy[i];
            double direction = halfPlay > 0 ? Math.Tanh((_qf[i] - _qr[i]) / (0.5 * _k.Backlash)) : 0.0;
            double q = _qf[i] + _gains.Proportional * e + _integral[i] + halfPlay * direction;
            double u = _k.CommandFor(i, q);
            double clipped = Math.Clamp(u, _k.CommandMin[i], _k.CommandMax[i]);
            if (clipped != u) status = ControllerStatus.Saturated;
            else _integral[i] = Math.Clamp(_integral[i] + _gains.Integral * e * dt, -_gains.IntegralLimit, _gains.IntegralLimit);
            command[i] = clipped;
        }

        return status;
    }
}
