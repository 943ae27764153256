using Robotics.Control.Mip.Planning;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Randomness;

namespace Robotics.Control.Mip.Pushing;

/// <summary>
/// The planar pushing task set-up shared by the solve-time table (tests/Robotics.Control.Mip.Tests) and the closed-loop
/// benchmark (<c>./robotics push-bench</c>): start/goal pairs, the MIP settings and the sampling planners' settings and
/// costs, so that both measure the same problem.
/// </summary>
/// <remarks>
/// Signals of the learned pusher model: state [box_x_m, box_y_m, box_yaw_rad, pusher_x_m, pusher_y_m], input
/// [pusher_vx_m_s, pusher_vy_m_s], step 0.1 s. The box is 10 cm square; the pusher (radius 5 mm) starts 2 mm off its -x face
/// (pusher centre 57 mm from the box centre).
/// </remarks>
public static class PusherMpcSetup
{
    /// <summary>Planning horizon in model steps.</summary>
    public const int Horizon = 10;

    /// <summary>Model step, s.</summary>
    public const double TimeStepS = 0.1;

    /// <summary>Pusher speed limit per axis, m/s.</summary>
    public const double SpeedLimit = 0.1;

    /// <summary>
    /// HiGHS settings for the small trust-region MIPs (about 9 binaries over the horizon, started from the warm-start plan):
    /// no RINS/RENS/root reduced-cost sub-MIPs and no restarts. With an incumbent already given, these heuristics cost more
    /// than the branching they save: most programs close at the root node, yet HiGHS spent 20-150 ms there in sub-MIPs and
    /// restarts. At the knee they cut the median from 30-48 ms to 28 ms and the p90 from 150-230 ms to 55 ms
    /// (docs/results/mip-solve-time.md).
    /// </summary>
    public const string HighsSmallMipParameters =
        "mip_heuristic_run_rins=false\nmip_heuristic_run_rens=false\nmip_heuristic_run_root_reduced_cost=false\nmip_allow_restart=false";

    /// <summary>
    /// The MIP settings: L1 cost on box position (1 per m) and yaw (0.05 m per rad), terminal x5, input 0.01;
    /// |u| &lt;= 0.1 m/s; a 0.15 m / 1 rad state radius (in 10 steps at 0.1 m/s the pusher moves at most 0.1 m per axis and
    /// pushes the box no further); relative gap 1e-3; for HiGHS, <see cref="HighsSmallMipParameters"/>.
    /// </summary>
    /// <param name="limit">Solver time limit.</param>
    /// <param name="backend">Back end.</param>
    public static MipMpcOptions MipOptions(TimeSpan limit, MipBackend backend) => new()
    {
        Horizon = Horizon,
        InputLow = [-SpeedLimit, -SpeedLimit],
        InputHigh = [SpeedLimit, SpeedLimit],
        StateWeights = [1, 1, 0.05, 0, 0],
        TerminalWeights = [5, 5, 0.25, 0, 0],
        InputWeights = [0.01, 0.01],
        StateRadius = [0.15, 0.15, 1.0, 0.15, 0.15],
        TimeLimit = limit,
        RelativeGap = 1e-3,
        Backend = backend,
        SolverParameters = backend is MipBackend.Highs or MipBackend.HighsNative ? HighsSmallMipParameters : null,
    };

    /// <summary>
    /// The sampling and gradient planners' costs: the MIP's L1 weights squared into quadratic ones (1 cm of box
    /// position ~ 0.05 rad of yaw ~ 1), terminal factor 5, a little control effort.
    /// </summary>
    public static ICostTerm[] SamplingCosts() =>
    [
        new GoalCost { StateWeights = [1e4, 1e4, 25, 0, 0], TerminalFactor = 5, AngleIndices = [2] },
        new ControlEffortCost { InputWeights = [1, 1] },
    ];

    /// <summary>MPPI/CEM settings: horizon 10, noise 0.05 m/s, temperature 1, 10 % elites, the input limits.</summary>
    /// <param name="batch">Samples per iteration.</param>
    /// <param name="iterations">Iterations per plan.</param>
    public static SamplingMpcOptions Sampling(int batch, int iterations) => new()
    {
        BatchSize = batch,
        Horizon = Horizon,
        Iterations = iterations,
        Temperature = 1.0,
        NoiseStd = [0.05, 0.05],
        ControlMin = [-SpeedLimit, -SpeedLimit],
        ControlMax = [SpeedLimit, SpeedLimit],
        EliteCount = Math.Max(2, batch / 10),
        MinStd = 0.005,
    };

    /// <summary>A box at a random pose, the pusher 2 mm off its -x face, and a goal 3-8 cm away roughly ahead (+-0.5 rad), yaw +-0.2 rad.</summary>
    /// <param name="rng">Random source (consumes 7 draws).</param>
    public static (double[] Start, double[] Goal) StartGoal(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        double yaw = rng.NextUniform(-0.3, 0.3);
        double bx = rng.NextUniform(-0.02, 0.02), by = rng.NextUniform(-0.02, 0.02);
        double c = Math.Cos(yaw), s = Math.Sin(yaw);
        double px = -0.057, py = rng.NextUniform(-0.03, 0.03);
        double[] start = [bx, by, yaw, bx + c * px - s * py, by + s * px + c * py];
        double distance = rng.NextUniform(0.03, 0.08), heading = rng.NextUniform(-0.5, 0.5) + yaw;
        double[] goal = [bx + distance * Math.Cos(heading), by + distance * Math.Sin(heading), yaw + rng.NextUniform(-0.2, 0.2), 0, 0];
        return (start, goal);
    }
}
