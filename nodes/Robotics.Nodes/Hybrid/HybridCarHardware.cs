using Robotics.Core.Time;
using Robotics.Drivers.Hardware;
using Robotics.Sim.Hybrid.Car;

namespace Robotics.Nodes.Hybrid;

/// <summary>
/// The simulated hybrid car as hardware: state [x_m, y_m, yaw_rad, vx_m_s, vy_m_s, yaw_rate_rad_s, icy] (icy = 1 when
/// the car is at or past the ice boundary x &gt;= x_ice, else 0), command [acceleration_m_s2, steering_angle_rad].
/// A write advances one control period in <see cref="CarHybridOptions.Substeps"/> RK4 substeps, the friction mode
/// taken at the start of each substep from the position (as <see cref="CarBenchmarkSystem"/> does).
/// </summary>
internal sealed class HybridCarHardware : HardwareComponent
{
    private static readonly string[] s_state = ["x_m", "y_m", "yaw_rad", "vx_m_s", "vy_m_s", "yaw_rate_rad_s", "icy"];
    private readonly CarModeLibrary library;
    private readonly double[] world = new double[6];
    private readonly double[] input = new double[2];

    public HybridCarHardware(CarModeLibrary library, ReadOnlySpan<double> initialWorld)
        : base("sim_hybrid_car", new HardwareInterfaceInfo(s_state, ["acceleration_m_s2", "steering_angle_rad"], [0.0, 0.0]))
    {
        this.library = library;
        initialWorld.CopyTo(world);
    }

    public static IReadOnlyList<string> StateNames => s_state;

    /// <summary>Friction-mode changes seen by the integrator (substep starts where the mode differs from the previous one).</summary>
    public int ModeSwitches { get; private set; }

    private bool integratingIcy;

    protected override HardwareResult OnRead(SimTime now, SimTime period, Span<double> state)
    {
        world.CopyTo(state);
        state[6] = world[0] >= library.Options.IceStartXM ? 1.0 : 0.0;
        return HardwareResult.Ok;
    }

    protected override HardwareResult OnWrite(SimTime now, SimTime period, ReadOnlySpan<double> command)
    {
        command.CopyTo(input);
        var o = library.Options;
        int substeps = o.Substeps;
        double h = period.Seconds / substeps;
        for (int sub = 0; sub < substeps; sub++)
        {
            bool icy = world[0] >= o.IceStartXM;
            if (icy != integratingIcy)
            {
                integratingIcy = icy;
                ModeSwitches++;
            }

            (icy ? library.IcyCar : library.DryCar).Advance(0, h, world, input);
        }

        return HardwareResult.Ok;
    }
}
