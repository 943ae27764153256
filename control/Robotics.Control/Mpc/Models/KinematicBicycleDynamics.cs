using Robotics.Models.Dynamics;

namespace Robotics.Control.Mpc.Models;

/// <summary>
/// The rear-axle kinematic bicycle as a discrete-time model for sampling MPC: one explicit Euler step of dt (the
/// integration Nav2's MPPI motion models use), written out so a batched step is one tight loop. Same state and input
/// order as the simulator's <c>kinematic_bicycle</c> plant.
/// </summary>
/// <remarks>
/// <para>State [x_m, y_m, yaw_rad, speed_m_s]; input [acceleration_m_s2, steering_angle_rad]; with
/// delta = clamp(steering, -delta_max, delta_max):</para>
/// <code>
/// x+ = x + dt v cos(yaw);  y+ = y + dt v sin(yaw);  yaw+ = yaw + dt v tan(delta) / L;  v+ = v + dt a
/// </code>
/// <para>Euler's local error is O(dt^2) per step against the plant's RK4; use <see cref="AnalyticDynamicsModel"/> over the
/// plant where the prediction must match the simulator more closely. Jacobians are exact for the Euler map.
/// Allocation-free.</para>
/// </remarks>
public sealed class KinematicBicycleDynamics : IDifferentiableDynamicsModel
{
    private static readonly string[] s_states = ["x_m", "y_m", "yaw_rad", "speed_m_s"];
    private static readonly string[] s_inputs = ["acceleration_m_s2", "steering_angle_rad"];
    private readonly double _wheelbase, _maxSteering;

    /// <summary>Creates the model.</summary>
    /// <param name="timeStep">dt, seconds (&gt; 0).</param>
    /// <param name="wheelbaseM">Axle distance L, metres (&gt; 0); default 0.3302 (F1TENTH, as the plant).</param>
    /// <param name="maxSteeringAngleRad">Steering saturation, rad (0 = none); default 0.4189 (as the plant).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is out of range.</exception>
    public KinematicBicycleDynamics(double timeStep, double wheelbaseM = 0.3302, double maxSteeringAngleRad = 0.4189)
    {
        if (!(timeStep > 0) || !double.IsFinite(timeStep)) throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be a finite number of seconds > 0.");
        if (!(wheelbaseM > 0) || !double.IsFinite(wheelbaseM)) throw new ArgumentOutOfRangeException(nameof(wheelbaseM), wheelbaseM, "The wheelbase must be a finite length > 0 m.");
        if (!(maxSteeringAngleRad >= 0) || maxSteeringAngleRad > 1.5) throw new ArgumentOutOfRangeException(nameof(maxSteeringAngleRad), maxSteeringAngleRad, "The steering limit must be in [0, 1.5] rad (0 = none).");
        TimeStep = timeStep;
        _wheelbase = wheelbaseM;
        _maxSteering = maxSteeringAngleRad;
    }

    /// <inheritdoc />
    public int StateSize => 4;

    /// <inheritdoc />
    public int InputSize => 2;

    /// <inheritdoc />
    public int LatentSize => 0;

    /// <inheritdoc />
    public double TimeStep { get; }

    /// <inheritdoc />
    public IReadOnlyList<string> StateNames => s_states;

    /// <inheritdoc />
    public IReadOnlyList<string> InputNames => s_inputs;

    /// <inheritdoc />
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) =>
        StepBatch(state[..4], input[..2], nextState, 1);

    /// <inheritdoc />
    public void StepBatch(ReadOnlySpan<double> states, ReadOnlySpan<double> inputs, Span<double> nextStates, int batch)
    {
        double dt = TimeStep, inverseL = 1.0 / _wheelbase, limit = _maxSteering;
        states = states[..(batch * 4)];
        inputs = inputs[..(batch * 2)];
        nextStates = nextStates[..(batch * 4)];
        for (int b = 0; b < batch; b++)
        {
            int s = b * 4, i = b * 2;
            double x = states[s], y = states[s + 1], yaw = states[s + 2], v = states[s + 3];
            double steering = inputs[i + 1];
            if (limit > 0) steering = Math.Clamp(steering, -limit, limit);
            var (sin, cos) = Math.SinCos(yaw);
            double dv = dt * v;
            nextStates[s] = x + dv * cos;
            nextStates[s + 1] = y + dv * sin;
            nextStates[s + 2] = yaw + dv * Math.Tan(steering) * inverseL;
            nextStates[s + 3] = v + dt * inputs[i];
        }
    }

    /// <inheritdoc />
    public void Jacobians(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState, Span<double> dfdx, Span<double> dfdu)
    {
        double dt = TimeStep, yaw = state[2], v = state[3], steering = input[1];
        bool saturated = _maxSteering > 0 && Math.Abs(steering) > _maxSteering;
        if (_maxSteering > 0) steering = Math.Clamp(steering, -_maxSteering, _maxSteering);
        var (sin, cos) = Math.SinCos(yaw);
        double tan = Math.Tan(steering);
        dfdx[..16].Clear();
        dfdu[..8].Clear();
        for (int k = 0; k < 4; k++) dfdx[k * 4 + k] = 1.0;
        dfdx[0 * 4 + 2] = -dt * v * sin;
        dfdx[0 * 4 + 3] = dt * cos;
        dfdx[1 * 4 + 2] = dt * v * cos;
        dfdx[1 * 4 + 3] = dt * sin;
        dfdx[2 * 4 + 3] = dt * tan / _wheelbase;
        dfdu[2 * 2 + 1] = saturated ? 0.0 : dt * v / (_wheelbase * Math.Cos(steering) * Math.Cos(steering));
        dfdu[3 * 2 + 0] = dt;
        Step(state, input, nextState);
    }
}
