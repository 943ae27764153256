using Robotics.Control.Hybrid;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Stl;
using Robotics.Sim.Hybrid.Car;

namespace Robotics.Nodes.Hybrid;

/// <summary>
/// <c>robotics/hybrid_supervisor_node</c>: runs the hybrid car (dry road into ice, <see cref="CarBenchmarkSystem"/>'s
/// scenario) online in one managed node: the simulated car with its friction modes, and the
/// <see cref="HybridCarSupervisor"/> that plans the switch into the icy mode's RoA and tracks each segment with the
/// current mode's LQR.
/// </summary>
/// <remarks>
/// <para>Parameters (read-only): <c>seed</c> and <c>trial_index</c> draw the scenario exactly as trial
/// <c>trial_index</c> of <c>robotics hybrid bench --system car --seed seed</c> (initial lateral error U(+-0.5) m,
/// heading error U(+-0.2) rad, speed U(3, 6) m/s, end of the icy segment y ~ U(+-<c>lateral_end_range_m</c>)),
/// <c>planner</c> (<c>roa_planner</c> | <c>lqr</c>), <c>ice_start_x_m</c>, <c>icy_segment_length_m</c>,
/// <c>roa_samples</c> and <c>roa_decrease_rays</c> (the mode library's RoA sampling; defaults as the benchmark).
/// <c>rate_hz</c> defaults to 50 (the LQRs are discrete at 0.02 s: keep it).</para>
/// <para>Topics: <c>~/mode</c> (std_msgs/String dry | icy), <c>~/lyapunov_ratio</c> (std_msgs/Float64 V/c of the current
/// mode), <c>~/switch</c> (std_msgs/String JSON: the plan at the first tick, then each mode change), <c>~/state</c>
/// [x, y, yaw, vx, vy, r, icy], <c>~/command</c> [acceleration, steering].</para>
/// <para>Configure builds the mode library (RoA sampling: about 6 s for the defaults in a Release build, about 40 s in a
/// Debug build on a loaded 2-core machine; lower <c>roa_samples</c>/<c>roa_decrease_rays</c> for a faster start).</para>
/// </remarks>
public sealed class HybridSupervisorNodeExecutable : INodeExecutable
{
    /// <inheritdoc/>
    public string Package => "robotics";

    /// <inheritdoc/>
    public string Name => "hybrid_supervisor_node";

    /// <inheritdoc/>
    public string Description => "Hybrid car (dry road into ice) with the RoA switching planner and per-mode LQR, run online.";

    /// <summary>The node's parameters.</summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Integer("seed", 1, "", "Scenario seed (as `robotics hybrid bench --seed`).", 0, long.MaxValue, readOnly: true),
        ParameterDescriptor.Integer("trial_index", 0, "", "Scenario trial index (as the benchmark's trial number).", 0, int.MaxValue, readOnly: true),
        ParameterDescriptor.String("planner", HybridMethods.RoaPlanner, "roa_planner (plan the switch into the icy RoA) or lqr (nominal speed, no planning).", readOnly: true),
        ParameterDescriptor.Double("ice_start_x_m", 12.0, "m", "World x where the ice starts (the mode switch).", 1.0, 1000.0, readOnly: true),
        ParameterDescriptor.Double("icy_segment_length_m", 20.0, "m", "Length along x of the icy segment.", 1.0, 1000.0, readOnly: true),
        ParameterDescriptor.Integer("roa_samples", 300, "", "RoA box samples per (mode, speed) of the mode library (the benchmark uses 300; fewer = faster configure, coarser RoA).", 10, 100000, readOnly: true),
        ParameterDescriptor.Integer("roa_decrease_rays", 3000, "", "Rays of the one-step Lyapunov decrease scan per (mode, speed) (the benchmark uses 3000).", 0, 1000000, readOnly: true),
        ParameterDescriptor.Double("lateral_end_range_m", 6.0, "m", "Half-range of the icy segment end's lateral position.", 0.0, 100.0, readOnly: true),
    ];

    /// <summary>The node definition (also usable directly with <see cref="ManagedControlNode"/> in tests).</summary>
    public static ControlNodeDefinition Definition { get; } = new()
    {
        DefaultName = "hybrid_supervisor",
        DefaultRateHz = 50,
        DefaultHardwareId = "sim_hybrid_car",
        Parameters = Parameters,
        Configure = Configure,
    };

    /// <inheritdoc/>
    public Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken) =>
        ManagedControlNode.RunExecutableAsync(args, context, Definition, cancellationToken);

    /// <summary>
    /// The scenario of trial <paramref name="trialIndex"/> for <paramref name="seed"/>, drawn as
    /// <see cref="CarBenchmarkSystem.RunTrial"/> does: initial world state [0, e_y0, e_psi0, v0, 0, 0] and the end's y.
    /// </summary>
    public static (double[] World, double EndY) Scenario(ulong seed, int trialIndex, double lateralEndRangeM)
    {
        var rng = new Rng(seed).Fork($"car/{trialIndex}");
        double ey0 = rng.NextUniform(-0.5, 0.5), epsi0 = rng.NextUniform(-0.2, 0.2), v0 = rng.NextUniform(3.0, 6.0);
        double endY = rng.NextUniform(-lateralEndRangeM, lateralEndRangeM);
        return ([0, ey0, epsi0, v0, 0, 0], endY);
    }

    private static ControlNodeParts Configure(ControlNodeConfigureContext ctx)
    {
        var p = ctx.Parameters;
        var options = new CarHybridOptions { IceStartXM = p.GetDouble("ice_start_x_m"), IcySegmentLengthM = p.GetDouble("icy_segment_length_m"),
            RoaSamples = checked((int)p.GetInteger("roa_samples")), RoaDecreaseRays = checked((int)p.GetInteger("roa_decrease_rays")),
        };
        var library = new CarModeLibrary(options);
        var (world, endY) = Scenario(checked((ulong)p.GetInteger("seed")), checked((int)p.GetInteger("trial_index")), p.GetDouble("lateral_end_range_m"));
        var supervisor = new HybridCarSupervisor(library, world, endY, p.GetString("planner"));
        var hardware = new HybridCarHardware(library, world);
        var observer = new HybridSupervisorTopicsObserver(ctx.Node, ctx.Clock, supervisor);
        return new ControlNodeParts(hardware, supervisor, new NoReference())
        {
            Observer = observer,
            LinkState = () => "simulated",
            Cleanup = observer.Dispose,
        };
    }
}
