using Robotics.Control.Risk;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Risk;

/// <summary>
/// The planar hovercraft: a rigid body on a frictionless plane with two fore-aft thrusters side by side and linear
/// drag (equations on <see cref="HovercraftParameters"/>), integrated by classical RK4.
/// </summary>
/// <remarks>
/// <para>State [x_m, y_m, theta_rad, vx_m_s, vy_m_s, omega_rad_s] (position and velocity in the world frame, θ the
/// heading of the thrust axis); input [left_thrust_n, right_thrust_n], clamped to [MinThrustN, MaxThrustN]. Both
/// thrusters push along the heading, so their sum is the force and their difference times the arm the torque; the
/// craft cannot push sideways (its sideways velocity decays by drag only).</para>
/// <para>Parameters (<see cref="HovercraftParameters"/>): mass_kg m, drag_n_s_m c (translational, c_r = c ρ rotational),
/// thrust_gain g, arm_m r, gyration_radius_m k (I = m k²), thrust range. The risk scenario draws m, c, g per trial.</para>
/// </remarks>
public sealed class HovercraftPlant : Rk4Plant
{
    /// <summary>Type name.</summary>
    public const string PlantTypeName = "hovercraft";

    private static readonly string[] s_stateNames = ["x_m", "y_m", "theta_rad", "vx_m_s", "vy_m_s", "omega_rad_s"];
    private static readonly string[] s_inputNames = ["left_thrust_n", "right_thrust_n"];
    private readonly double mass, drag, gain, arm, inertia, rotationalDrag, minThrust, maxThrust;

    /// <summary>Creates the plant.</summary>
    /// <param name="parameters">Physical parameters (defaults if null; validated).</param>
    public HovercraftPlant(HovercraftParameters? parameters = null)
        : base(PlantTypeName, s_stateNames, s_inputNames)
    {
        Parameters = parameters ?? new HovercraftParameters();
        Parameters.Validate();
        mass = Parameters.MassKg;
        drag = Parameters.DragNsM;
        gain = Parameters.ThrustGain;
        arm = Parameters.ArmM;
        inertia = Parameters.InertiaKgM2;
        rotationalDrag = Parameters.DragNsM * Parameters.RotationalDragRatioM2;
        minThrust = Parameters.MinThrustN;
        maxThrust = Parameters.MaxThrustN;
    }

    /// <summary>The physical parameters.</summary>
    public HovercraftParameters Parameters { get; }

    /// <inheritdoc />
    public override void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
    {
        double uL = Math.Clamp(input[0], minThrust, maxThrust);
        double uR = Math.Clamp(input[1], minThrust, maxThrust);
        double force = gain * (uL + uR);
        double torque = gain * arm * (uR - uL);
        var (sin, cos) = Math.SinCos(state[2]);
        derivative[0] = state[3];
        derivative[1] = state[4];
        derivative[2] = state[5];
        derivative[3] = ((force * cos) - (drag * state[3])) / mass;
        derivative[4] = ((force * sin) - (drag * state[4])) / mass;
        derivative[5] = (torque - (rotationalDrag * state[5])) / inertia;
    }
}
