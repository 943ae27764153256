namespace Robotics.Control.Npc.Rigs;

/// <summary>
/// An analytic one-step NARX model of a rig for the Newton NPC: y_(k+1) = FK(q_k + a (q(u_k) - q_k)) with
/// q_k = IK(y_k), a = 1 - exp(-dt / tau) (the rig's effective actuator lag), q(u) the static command-to-coordinate map.
/// Backlash and the HASEL's second-order stroke dynamics are not modelled (the NPC's feedback absorbs them).
/// </summary>
public sealed class RigLagPredictor : INarxPredictor
{
    private readonly IRigKinematics _k;
    private readonly double _a;
    private readonly double[] _q;

    /// <summary>Creates the predictor for time step <paramref name="stepSeconds"/>.</summary>
    /// <exception cref="ArgumentException">The step is not finite and positive.</exception>
    public RigLagPredictor(IRigKinematics kinematics, double stepSeconds)
    {
        ArgumentNullException.ThrowIfNull(kinematics);
        if (!(stepSeconds > 0) || !double.IsFinite(stepSeconds))
            throw new ArgumentException($"Rig lag predictor: step = {stepSeconds} s must be finite and > 0.", nameof(stepSeconds));
        _k = kinematics;
        _a = 1.0 - Math.Exp(-stepSeconds / kinematics.TimeConstantSeconds);
        _q = new double[kinematics.ActuatorCount];
    }

    /// <inheritdoc />
    public int InputSize => _k.ActuatorCount;

    /// <inheritdoc />
    public int OutputSize => _k.OutputCount;

    /// <inheritdoc />
    public int InputDelays => 1;

    /// <inheritdoc />
    public int OutputDelays => 1;

    /// <summary>The per-step lag factor a.</summary>
    public double LagFactor => _a;

    /// <inheritdoc />
    public void Predict(ReadOnlySpan<double> inputHistory, ReadOnlySpan<double> outputHistory, Span<double> next)
    {
        _k.Inverse(outputHistory[.._k.OutputCount], _q);
        for (int i = 0; i < _q.Length; i++) _q[i] += _a * (_k.CoordinateFor(i, inputHistory[i]) - _q[i]);
        _k.Forward(_q, next);
    }
}
