using Robotics.Control.Loop;
using Robotics.Control.Lqr;
using Robotics.Control.Mpc;
using Robotics.Control.PathFollowing;
using Robotics.Control.Pid;
using Robotics.Control.References;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Parameters;
using Robotics.Models.Dynamics;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Scenarios;

/// <summary>
/// The plant, controller and reference types scenario files can name, with their parameter descriptors and
/// factories. <c>sim list</c> prints this catalog.
/// </summary>
public static class ScenarioCatalog
{
    /// <summary>
    /// Parameters of the scenario <c>lqr</c> controller: Q and R diagonals, the equilibrium (x_eq, u_eq) the plant is
    /// linearised about, and the command limits of <see cref="LqrController"/>.
    /// </summary>
    public static IReadOnlyList<ParameterDescriptor> LqrScenarioParameters { get; } =
    [
        ParameterDescriptor.DoubleArray("q_diagonal", [], "", "State weights: diagonal of Q, one value >= 0 per plant state (required).", minimum: 0.0),
        ParameterDescriptor.DoubleArray("r_diagonal", [], "", "Input weights: diagonal of R, one value > 0 per plant input (required).", minimum: 0.0),
        ParameterDescriptor.DoubleArray("equilibrium_state", [], "", "Equilibrium state x_eq for the linearisation; empty = zeros."),
        ParameterDescriptor.DoubleArray("equilibrium_input", [], "", "Equilibrium input u_eq (also the feed-forward command); empty = zeros."),
        .. LqrController.Parameters.Where(d => d.Name is "output_min" or "output_max"),
    ];

    /// <summary>Known plant types, in listing order.</summary>
    public static IReadOnlyList<PlantCatalogEntry> Plants { get; } =
    [
        new(MassSpringDamper.PlantTypeName, "Mass on a spring and damper driven by a force (state: position, velocity).",
            MassSpringDamper.Parameters, p => MassSpringDamper.FromParameters(p)),
        new(Pendulum.PlantTypeName, "Point-mass pendulum driven by a pivot torque (0 rad = hanging down).",
            Pendulum.Parameters, p => Pendulum.FromParameters(p)),
        new(CartPole.PlantTypeName, "Inverted pendulum on a cart pushed by a horizontal force (0 rad = upright).",
            CartPole.Parameters, p => CartPole.FromParameters(p)),
        new(KinematicBicycle.PlantTypeName, "Kinematic bicycle (rear axle) with acceleration and steering-angle inputs.",
            KinematicBicycle.Parameters, p => KinematicBicycle.FromParameters(p)),
        new(SingleTrackCar.PlantTypeName, "Dynamic single-track car with friction-limited tyres (tyre_friction_mu 1.0 dry, 0.1 icy).",
            SingleTrackCar.Parameters, p => SingleTrackCar.FromParameters(p)),
        new(Blimp.PlantTypeName, "Indoor blimp altitude dynamics: net weight, drag, thruster deadband and limits (state: altitude, vertical velocity).",
            Blimp.Parameters, p => Blimp.FromParameters(p)),
        new(PusherSlider.PlantTypeName, "Quasi-static planar pushing of a square box by a point pusher (limit surface, contact friction; state: box pose, pusher position).",
            PusherSlider.Parameters, p => PusherSlider.FromParameters(p)),
    ];

    /// <summary>Known controller types, in listing order.</summary>
    public static IReadOnlyList<ControllerCatalogEntry> Controllers { get; } =
    [
        new("pid", "Single-output PID (derivative on measurement, filtered D, output limits, anti-windup); sizes come from the plant and reference.",
            Without(PidController.Parameters, "state_size", "reference_size"),
            c => PidController.FromParameters(CopyInto(c.Parameters, PidController.Parameters), c.Plant.StateSize, c.ReferenceSize)),
        new("lqr", "Discrete LQR state feedback; the gain is computed from the plant linearised at the equilibrium (ZOH at the loop period).",
            LqrScenarioParameters, BuildLqr),
        new("trajectory_tracking", "Kanayama trajectory tracking for car-like plants (reference [x, y, yaw, speed]); state_size comes from the plant.",
            Without(TrajectoryTrackingController.Parameters, "state_size"),
            c =>
            {
                var set = CopyInto(c.Parameters, TrajectoryTrackingController.Parameters);
                set.Set("state_size", ParameterValue.FromInteger(c.Plant.StateSize));
                return TrajectoryTrackingController.FromParameters(set);
            }),
        new("mppi", "MPPI sampling MPC over the plant (RK4 at dt_s or the loop period); cost terms from costs.terms; reference = goal state.",
            MppiController.Parameters, c => MppiController.FromParameters(c.Parameters, PlantModel(c, c.Parameters.GetDouble("mppi.dt_s")))),
        new("cem", "Cross-entropy-method sampling MPC over the plant (RK4 at dt_s or the loop period); cost terms from costs.terms.",
            CemController.Parameters, c => CemController.FromParameters(c.Parameters, PlantModel(c, c.Parameters.GetDouble("cem.dt_s")))),
        new("gradient_mpc", "Gradient-shooting MPC over the plant's Jacobians (RK4 at dt_s or the loop period); cost terms from costs.terms.",
            GradientMpcController.Parameters, c => GradientMpcController.FromParameters(c.Parameters, PlantModel(c, c.Parameters.GetDouble("gradient.dt_s")))),
    ];

    /// <summary>The scenario plant as an MPC model: one RK4 step of dt (the MPC's dt_s, or the loop period when 0).</summary>
    private static AnalyticDynamicsModel PlantModel(ControllerBuildContext c, double dt) =>
        new(c.Plant, dt > 0 ? dt : c.Period.Seconds, c.Plant.StateNames, c.Plant.InputNames);

    /// <summary>Known reference types, in listing order.</summary>
    public static IReadOnlyList<ReferenceCatalogEntry> References { get; } =
    [
        new("constant", "Constant reference vector (set-point regulation).", ConstantReference.Parameters, p => ConstantReference.FromParameters(p)),
        new("step", "Scalar step from initial_value to final_value at step_time_s.", StepReference.Parameters, p => StepReference.FromParameters(p)),
        new("ramp", "Scalar ramp with optional saturation.", RampReference.Parameters, p => RampReference.FromParameters(p)),
        new("sine", "Scalar sine wave.", SineReference.Parameters, p => SineReference.FromParameters(p)),
        new("figure_eight", "Planar figure-eight trajectory [x_m, y_m, yaw_rad, speed_m_s] for car-like vehicles.",
            FigureEightReference.Parameters, p => FigureEightReference.FromParameters(p)),
        new("waypoints", "Constant-speed path through planar waypoints [x_m, y_m, yaw_rad, speed_m_s].",
            WaypointReference.Parameters, p => WaypointReference.FromParameters(p)),
    ];

    /// <summary>The plant entry named <paramref name="typeName"/>, or null.</summary>
    public static PlantCatalogEntry? FindPlant(string typeName) => Plants.FirstOrDefault(e => e.TypeName == typeName);

    /// <summary>The controller entry named <paramref name="typeName"/>, or null.</summary>
    public static ControllerCatalogEntry? FindController(string typeName) => Controllers.FirstOrDefault(e => e.TypeName == typeName);

    /// <summary>The reference entry named <paramref name="typeName"/>, or null.</summary>
    public static ReferenceCatalogEntry? FindReference(string typeName) => References.FirstOrDefault(e => e.TypeName == typeName);

    /// <summary>
    /// Builds the scenario LQR: (A, B) = Jacobians of the plant at (x_eq, u_eq), ZOH-discretised at the loop period,
    /// K = discrete LQR gain for diag(Q), diag(R); u = u_eq - K (x - x_ref).
    /// </summary>
    private static IController BuildLqr(ControllerBuildContext c)
    {
        var p = c.Parameters;
        int n = c.Plant.StateSize, m = c.Plant.InputSize;
        string states = string.Join(", ", c.Plant.StateNames), inputs = string.Join(", ", c.Plant.InputNames);
        double[] q = Sized(p, "q_diagonal", n, required: true, $"one weight per state ({states})");
        double[] r = Sized(p, "r_diagonal", m, required: true, $"one weight per input ({inputs})");
        foreach (double x in r)
        {
            if (!(x > 0)) throw new ArgumentException($"Parameter 'r_diagonal' has an entry {x}; every input weight must be > 0 so the LQR problem is well posed.");
        }

        double[] x0 = Sized(p, "equilibrium_state", n, required: false, $"one value per state ({states}) or none for zeros");
        double[] u0 = Sized(p, "equilibrium_input", m, required: false, $"one value per input ({inputs}) or none for zeros");
        var (a, b) = Linearization.Jacobians(c.Plant, x0, u0);
        var (ad, bd) = Discretization.ZeroOrderHold(a, b, c.Period.Seconds);
        var k = Lqr.DiscreteGain(ad, bd, Matrix.Diagonal(q), Matrix.Diagonal(r));
        return LqrController.FromParameters(CopyInto(p, LqrController.Parameters), k, u0);
    }

    private static double[] Sized(ParameterSet p, string name, int size, bool required, string what)
    {
        var values = p.GetDoubleArray(name).ToArray();
        if (values.Length == size) return values;
        if (values.Length == 0 && !required) return new double[size];
        throw new ArgumentException($"Parameter '{name}' has {values.Length} values; give {size}: {what}.");
    }

    /// <summary>The descriptors of <paramref name="descriptors"/> except the named ones (e.g. sizes the runner supplies).</summary>
    private static ParameterDescriptor[] Without(IReadOnlyList<ParameterDescriptor> descriptors, params string[] names) =>
        descriptors.Where(d => !names.Contains(d.Name)).ToArray();

    /// <summary>A parameter set declared with <paramref name="descriptors"/> holding the values of <paramref name="source"/> where declared.</summary>
    private static ParameterSet CopyInto(ParameterSet source, IReadOnlyList<ParameterDescriptor> descriptors)
    {
        var target = new ParameterSet(descriptors);
        foreach (var d in source.Descriptors)
        {
            if (target.Contains(d.Name)) target.Set(d.Name, source.Get(d.Name));
        }

        return target;
    }
}
