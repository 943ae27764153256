using Robotics.Models.Dynamics;

namespace Robotics.Control.Racing;

/// <summary>
/// Kinematic bicycle in track-relative (Frenet) coordinates, the prediction model of the racing MPC (as in the
/// race stack's kinematic MPC), stepped with explicit Euler at <see cref="TimeStep"/>.
/// </summary>
/// <remarks>
/// State [s_m, n_m, alpha_rad, v_m_s, delta_rad]: arc length, lateral offset (left +), heading relative to the
/// centreline, speed, steering angle. Input [acceleration_m_s2, steering_rate_rad_s].
/// <code>
/// s'     = v cos(alpha) / (1 - kappa(s) n)
/// n'     = v sin(alpha)
/// alpha' = v tan(delta) / L - kappa(s) s'
/// v'     = a,  a clamped to [AccelerationMin, AccelerationMax]
/// delta' = delta_rate,  delta clamped to [-MaxSteeringRad, MaxSteeringRad]
/// </code>
/// The acceleration bounds are mutable so the tuned a_min/a_max act as hard limits on the prediction.
/// </remarks>
public sealed class FrenetBicycleDynamics : IDynamicsModel
{
    private static readonly string[] s_states = ["s_m", "n_m", "alpha_rad", "v_m_s", "delta_rad"];
    private static readonly string[] s_inputs = ["acceleration_m_s2", "steering_rate_rad_s"];
    private readonly TrackProfile _track;

    /// <summary>Creates the model.</summary>
    /// <param name="track">Track whose curvature enters the equations.</param>
    /// <param name="timeStep">Euler step, s (&gt; 0).</param>
    /// <param name="wheelbaseM">lf + lr, m (&gt; 0).</param>
    /// <param name="maxSteeringRad">Steering angle limit, rad (&gt; 0).</param>
    public FrenetBicycleDynamics(TrackProfile track, double timeStep, double wheelbaseM = 0.307, double maxSteeringRad = 0.42)
    {
        _track = track ?? throw new ArgumentNullException(nameof(track));
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new ArgumentException($"time step {timeStep} s must be finite and > 0.", nameof(timeStep));
        if (!(wheelbaseM > 0) || !double.IsFinite(wheelbaseM)) throw new ArgumentException($"wheelbase {wheelbaseM} m must be finite and > 0.", nameof(wheelbaseM));
        if (!(maxSteeringRad > 0) || maxSteeringRad >= 1.5) throw new ArgumentException($"steering limit {maxSteeringRad} rad must be in (0, 1.5).", nameof(maxSteeringRad));
        TimeStep = timeStep;
        WheelbaseM = wheelbaseM;
        MaxSteeringRad = maxSteeringRad;
    }

    /// <inheritdoc />
    public int StateSize => 5;

    /// <inheritdoc />
    public int InputSize => 2;

    /// <inheritdoc />
    public int LatentSize => 0;

    /// <inheritdoc />
    public double TimeStep { get; }

    /// <summary>Wheelbase lf + lr, m.</summary>
    public double WheelbaseM { get; }

    /// <summary>Steering angle limit, rad.</summary>
    public double MaxSteeringRad { get; }

    /// <summary>Lower acceleration bound applied to the predicted input, m/s^2.</summary>
    public double AccelerationMin { get; set; } = -10;

    /// <summary>Upper acceleration bound applied to the predicted input, m/s^2.</summary>
    public double AccelerationMax { get; set; } = 10;

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => s_states;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => s_inputs;

    /// <inheritdoc />
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) =>
        StepBatch(state[..5], input[..2], nextState, 1);

    /// <inheritdoc />
    public void StepBatch(ReadOnlySpan<double> states, ReadOnlySpan<double> inputs, Span<double> nextStates, int batch)
    {
        double dt = TimeStep, inverseL = 1.0 / WheelbaseM, limit = MaxSteeringRad, aMin = AccelerationMin, aMax = AccelerationMax;
        for (int b = 0; b < batch; b++)
        {
            int o = b * 5, i = b * 2;
            double s = states[o], n = states[o + 1], alpha = states[o + 2], v = states[o + 3], delta = states[o + 4];
            double kappa = _track.Curvature(s);
            var (sin, cos) = Math.SinCos(alpha);
            double denominator = 1.0 - kappa * n;
            if (denominator < 0.05) denominator = 0.05;
            double sDot = v * cos / denominator;
            double a = Math.Clamp(inputs[i], aMin, aMax);
            nextStates[o] = s + dt * sDot;
            nextStates[o + 1] = n + dt * v * sin;
            nextStates[o + 2] = alpha + dt * (v * Math.Tan(delta) * inverseL - kappa * sDot);
            nextStates[o + 3] = v + dt * a;
            nextStates[o + 4] = Math.Clamp(delta + dt * inputs[i + 1], -limit, limit);
        }
    }
}
