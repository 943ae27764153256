using Robotics.Control.Racing;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Racing;

/// <summary>
/// Simulated racing car: a kinematic bicycle in track-relative (Frenet) coordinates, integrated with classic RK4.
/// </summary>
/// <remarks>
/// State [s_m, n_m, alpha_rad, v_m_s, delta_rad], input [acceleration_m_s2, steering_rate_rad_s]:
/// <code>
/// s' = v cos(alpha) / (1 - kappa(s) n),  n' = v sin(alpha),  alpha' = v tan(delta) / L - kappa(s) s',
/// v' = a,  delta' = delta_rate (delta clamped to +-max_steering after each step)
/// </code>
/// The same equations as the controller's <see cref="FrenetBicycleDynamics"/>, but RK4 instead of Euler, so the
/// controller plans with a (slightly) mismatched model.
/// </remarks>
public sealed class FrenetRacingPlant : IPlant
{
    /// <summary>Plant type name.</summary>
    public const string PlantTypeName = "frenet_racing_car";

    private static readonly string[] s_states = ["s_m", "n_m", "alpha_rad", "v_m_s", "delta_rad"];
    private static readonly string[] s_inputs = ["acceleration_m_s2", "steering_rate_rad_s"];
    private readonly double[] _k1 = new double[5], _k2 = new double[5], _k3 = new double[5], _k4 = new double[5], _tmp = new double[5];

    /// <summary>Creates the plant.</summary>
    /// <param name="track">Track (curvature, half width).</param>
    /// <param name="wheelbaseM">lf + lr, m.</param>
    /// <param name="maxSteeringRad">Steering angle limit, rad.</param>
    public FrenetRacingPlant(TrackProfile track, double wheelbaseM = 0.307, double maxSteeringRad = 0.42)
    {
        Track = track ?? throw new ArgumentNullException(nameof(track));
        if (!(wheelbaseM > 0)) throw new ArgumentException($"wheelbase_m = {wheelbaseM} must be > 0.", nameof(wheelbaseM));
        if (!(maxSteeringRad > 0)) throw new ArgumentException($"max_steering_rad = {maxSteeringRad} must be > 0.", nameof(maxSteeringRad));
        WheelbaseM = wheelbaseM;
        MaxSteeringRad = maxSteeringRad;
    }

    /// <summary>The track.</summary>
    public TrackProfile Track { get; }

    /// <summary>Wheelbase, m.</summary>
    public double WheelbaseM { get; }

    /// <summary>Steering limit, rad.</summary>
    public double MaxSteeringRad { get; }

    /// <inheritdoc />
    public string TypeName => PlantTypeName;

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => s_states;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => s_inputs;

    /// <inheritdoc />
    public int StateSize => 5;

    /// <inheritdoc />
    public int InputSize => 2;

    /// <summary>Lateral acceleration v^2 tan(delta) / L of a state, m/s^2.</summary>
    public double LateralAcceleration(ReadOnlySpan<double> state) => state[3] * state[3] * Math.Tan(state[4]) / WheelbaseM;

    /// <inheritdoc />
    public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double s = state[0], n = state[1], alpha = state[2], v = state[3], delta = state[4];
        double kappa = Track.Curvature(s);
        var (sin, cos) = Math.SinCos(alpha);
        double denominator = Math.Max(1.0 - kappa * n, 0.05);
        double sDot = v * cos / denominator;
        derivative[0] = sDot;
        derivative[1] = v * sin;
        derivative[2] = v * Math.Tan(delta) / WheelbaseM - kappa * sDot;
        derivative[3] = input[0];
        derivative[4] = input[1];
    }

    /// <inheritdoc />
    public void Advance(double time, double step, Span<double> state, ReadOnlySpan<double> input)
    {
        Derivatives(time, state, input, _k1);
        for (int i = 0; i < 5; i++) _tmp[i] = state[i] + 0.5 * step * _k1[i];
        Derivatives(time + 0.5 * step, _tmp, input, _k2);
        for (int i = 0; i < 5; i++) _tmp[i] = state[i] + 0.5 * step * _k2[i];
        Derivatives(time + 0.5 * step, _tmp, input, _k3);
        for (int i = 0; i < 5; i++) _tmp[i] = state[i] + step * _k3[i];
        Derivatives(time + step, _tmp, input, _k4);
        for (int i = 0; i < 5; i++) state[i] += step / 6.0 * (_k1[i] + 2 * _k2[i] + 2 * _k3[i] + _k4[i]);
        state[4] = Math.Clamp(state[4], -MaxSteeringRad, MaxSteeringRad);
    }
}
