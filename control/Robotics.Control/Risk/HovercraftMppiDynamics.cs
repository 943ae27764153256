using Robotics.Models.Dynamics;

namespace Robotics.Control.Risk;

/// <summary>
/// The hovercraft (<see cref="HovercraftParameters"/>, nominal parameters) as a discrete-time model for sampling MPC:
/// semi-implicit Euler steps (velocities first, then positions with the new velocities) of dt / <c>subSteps</c>.
/// </summary>
/// <remarks>State [x_m, y_m, theta_rad, vx_m_s, vy_m_s, omega_rad_s]; input [left_thrust_n, right_thrust_n]. Allocation-free.</remarks>
public sealed class HovercraftMppiDynamics : IDynamicsModel
{
    private static readonly string[] s_states = ["x_m", "y_m", "theta_rad", "vx_m_s", "vy_m_s", "omega_rad_s"];
    private static readonly string[] s_inputs = ["left_thrust_n", "right_thrust_n"];
    private readonly double mass, drag, gain, arm, inertia, rotationalDrag, minThrust, maxThrust;
    private readonly int subSteps;

    /// <summary>Creates the model.</summary>
    /// <param name="timeStep">dt, s (&gt; 0).</param>
    /// <param name="parameters">Nominal parameters (defaults if null).</param>
    /// <param name="subSteps">Integration sub-steps per dt (&gt;= 1; default 2).</param>
    public HovercraftMppiDynamics(double timeStep, HovercraftParameters? parameters = null, int subSteps = 2)
    {
        if (!(timeStep > 0) || subSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(timeStep), $"Need dt > 0 s (got {timeStep}) and sub-steps >= 1 (got {subSteps}).");
        }

        var p = parameters ?? new HovercraftParameters();
        p.Validate();
        TimeStep = timeStep;
        this.subSteps = subSteps;
        mass = p.MassKg;
        drag = p.DragNsM;
        gain = p.ThrustGain;
        arm = p.ArmM;
        inertia = p.InertiaKgM2;
        rotationalDrag = p.DragNsM * p.RotationalDragRatioM2;
        minThrust = p.MinThrustN;
        maxThrust = p.MaxThrustN;
    }

    /// <inheritdoc />
    public int StateSize => 6;

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
    public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState)
    {
        double x = state[0], y = state[1], th = state[2], vx = state[3], vy = state[4], w = state[5];
        double uL = Math.Clamp(input[0], minThrust, maxThrust);
        double uR = Math.Clamp(input[1], minThrust, maxThrust);
        double force = gain * (uL + uR);
        double torque = gain * arm * (uR - uL);
        double h = TimeStep / subSteps;
        for (int s = 0; s < subSteps; s++)
        {
            var (sin, cos) = Math.SinCos(th);
            vx += h * ((force * cos) - (drag * vx)) / mass;
            vy += h * ((force * sin) - (drag * vy)) / mass;
            w += h * (torque - (rotationalDrag * w)) / inertia;
            x += h * vx;
            y += h * vy;
            th += h * w;
        }

        nextState[0] = x;
        nextState[1] = y;
        nextState[2] = th;
        nextState[3] = vx;
        nextState[4] = vy;
        nextState[5] = w;
    }
}
