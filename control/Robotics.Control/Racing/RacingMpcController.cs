using Robotics.Control.Loop;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Core.Parameters;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Racing;

/// <summary>
/// The racing MPC tuned by the language model: MPPI over <see cref="FrenetBicycleDynamics"/> with the cost terms
/// <see cref="CentrelineCost"/>, <see cref="SpeedTargetCost"/>, <see cref="RacingEffortCost"/>,
/// <see cref="TrackMarginCost"/>, <see cref="RacingBoundsCost"/> and <see cref="ProgressCost"/>. Its tunable parameters
/// are the paper's table (qv, qn, qalpha, qac, qddelta, alat_max, a_min, a_max, v_min, v_max, track_safety_margin).
/// </summary>
/// <remarks>
/// Inputs: state [s_m, n_m, alpha_rad, v_m_s, delta_rad]; the reference is ignored (the track is the reference).
/// Output: [acceleration_m_s2, steering_rate_rad_s], acceleration clamped to [a_min, a_max].
/// Stage cost (x dt): q_n n^2 + q_alpha alpha^2 + q_v (v - v_target(s))^2 + q_ac a^2 + q_ddelta delta_rate^2
/// + soft track margin + soft speed / lateral acceleration bounds, minus q_adv s' (progress).
/// <see cref="ApplyParameters"/> re-reads the tunable values; call it at a tick boundary.
/// </remarks>
public sealed class RacingMpcController : IController
{
    private readonly MppiController _mppi;
    private readonly FrenetBicycleDynamics _model;
    private readonly CentrelineCost _centreline = new();
    private readonly SpeedTargetCost _speed;
    private readonly RacingEffortCost _effort = new();
    private readonly TrackMarginCost _margin;
    private readonly RacingBoundsCost _bounds = new();
    private readonly ProgressCost _progress = new();
    private readonly double[] _zeroReference = new double[5];
    private double _aMin = -10, _aMax = 10;

    /// <summary>Tunable parameter names (the paper's table), in table order.</summary>
    public static IReadOnlyList<string> TunableNames { get; } =
        ["qv", "qn", "qalpha", "qac", "qddelta", "alat_max", "a_min", "a_max", "v_min", "v_max", "track_safety_margin"];

    /// <summary>
    /// Descriptors: the paper's tunable table (writable) plus the fixed MPPI settings (read-only) and q_adv. Ranges are
    /// the paper's prompt ranges except qv ([0, 20]: the paper's [0, 2] excludes its own default 10) and the v_max
    /// default (6 m/s: the paper's 12 lies outside its [-1, 10] range; our track's curves allow about 5.5 m/s).
    /// </summary>
    public static IReadOnlyList<ParameterDescriptor> Parameters { get; } =
    [
        ParameterDescriptor.Double("qv", 10.0, "s/m^2", "Weight of the squared speed error to the target speed (higher = tracks the speed target more tightly).", 0, 20),
        ParameterDescriptor.Double("qn", 20.0, "1/(m^2 s)", "Weight of the squared lateral offset from the centreline (higher = stays closer to the centreline, cuts fewer corners).", 0, 100),
        ParameterDescriptor.Double("qalpha", 7.0, "1/(rad^2 s)", "Weight of the squared heading relative to the centreline (higher = points along the track).", 0, 100),
        ParameterDescriptor.Double("qac", 0.01, "s^3/m^2", "Weight of the squared acceleration command (higher = gentler throttle and braking).", 0, 1),
        ParameterDescriptor.Double("qddelta", 0.1, "s/rad^2", "Weight of the squared steering rate (higher = smoother steering).", 0, 100),
        ParameterDescriptor.Double("alat_max", 10.0, "m/s^2", "Largest lateral acceleration; also caps the target speed in curves at sqrt(alat_max/|curvature|).", 0, 20),
        ParameterDescriptor.Double("a_min", -10.0, "m/s^2", "Strongest braking (hard bound on the acceleration command).", -20, 0),
        ParameterDescriptor.Double("a_max", 10.0, "m/s^2", "Strongest acceleration (hard bound on the acceleration command).", 0, 20),
        ParameterDescriptor.Double("v_min", 1.0, "m/s", "Lowest speed (soft bound, and the floor of the target speed; negative = reverse).", -2, 5),
        ParameterDescriptor.Double("v_max", 6.0, "m/s", "Highest speed (soft bound, and the ceiling of the target speed; negative = reverse).", -1, 10),
        ParameterDescriptor.Double("track_safety_margin", 0.3, "m", "Distance from each wall the car keeps (soft).", 0, 1),
        ParameterDescriptor.Double("q_adv", 2.0, "1/m", "Reward per metre of progress along the track (not tunable by the language model).", 0, 100),
        ParameterDescriptor.Integer("mpc.horizon", 20, "", "MPPI horizon, steps.", 2, 200, readOnly: true),
        ParameterDescriptor.Integer("mpc.batch_size", 256, "", "MPPI samples per plan.", 8, 100_000, readOnly: true),
        ParameterDescriptor.Double("mpc.time_step_s", 0.05, "s", "MPPI model step.", 0.005, 1, readOnly: true),
        ParameterDescriptor.Double("mpc.temperature", 2.0, "", "MPPI temperature (cost units).", 1e-6, 1e6, readOnly: true),
        ParameterDescriptor.Double("mpc.noise_acceleration_m_s2", 1.0, "m/s^2", "MPPI sampling noise of the acceleration.", 1e-6, 100, readOnly: true),
        ParameterDescriptor.Double("mpc.noise_steering_rate_rad_s", 0.4, "rad/s", "MPPI sampling noise of the steering rate.", 1e-6, 100, readOnly: true),
        ParameterDescriptor.Integer("mpc.seed", 1, "", "Seed of the MPPI noise.", 0, long.MaxValue, readOnly: true),
        ParameterDescriptor.Double("wheelbase_m", 0.307, "m", "Wheelbase lf + lr of the car.", 0.05, 2, readOnly: true),
    ];

    /// <summary>Creates the controller from a parameter set over <see cref="Parameters"/>.</summary>
    /// <param name="parameters">Values (defaults where unset).</param>
    /// <param name="track">Track whose curvature the model uses.</param>
    public RacingMpcController(ParameterSet parameters, TrackProfile track)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Track = track ?? throw new ArgumentNullException(nameof(track));
        _speed = new SpeedTargetCost(track);
        _margin = new TrackMarginCost(track);
        _model = new FrenetBicycleDynamics(track, parameters.GetDouble("mpc.time_step_s"), parameters.GetDouble("wheelbase_m"));
        _bounds.TrySetParameter("costs.racing_bounds.wheelbase_m", ParameterValue.FromDouble(parameters.GetDouble("wheelbase_m")));
        var options = new SamplingMpcOptions
        {
            BatchSize = checked((int)parameters.GetInteger("mpc.batch_size")),
            Horizon = checked((int)parameters.GetInteger("mpc.horizon")),
            Temperature = parameters.GetDouble("mpc.temperature"),
            NoiseStd = [parameters.GetDouble("mpc.noise_acceleration_m_s2"), parameters.GetDouble("mpc.noise_steering_rate_rad_s")],
            ControlMin = [-20, -4],
            ControlMax = [20, 4],
            Iterations = 1,
            WarmStart = true,
        };
        _mppi = new MppiController(_model, options, [_centreline, _speed, _effort, _margin, _bounds, _progress],
            new Rng(checked((ulong)parameters.GetInteger("mpc.seed"))), name: "racing_mppi");
        ApplyParameters(parameters);
    }

    /// <summary>Builds a parameter set over <see cref="Parameters"/> with the defaults.</summary>
    public static ParameterSet DefaultParameters() => new(Parameters);

    /// <summary>The track.</summary>
    public TrackProfile Track { get; }

    /// <summary>The underlying MPPI controller (plan, breakdown).</summary>
    public MppiController Mppi => _mppi;

    /// <inheritdoc />
    public string Name => "racing_mpc";

    /// <inheritdoc />
    public int StateSize => 5;

    /// <inheritdoc />
    public int ReferenceSize => 5;

    /// <inheritdoc />
    public int CommandSize => 2;

    /// <summary>Current target speed at arc length s, m/s (for summaries and evaluation).</summary>
    public double TargetSpeed(double s) => _speed.Target(s);

    /// <summary>
    /// Re-reads the tunable values (the paper's table and q_adv) from <paramref name="parameters"/> and pushes them into
    /// the cost terms and the model's acceleration bounds. Call at a tick boundary; allocates only the parameter values.
    /// </summary>
    public void ApplyParameters(ParameterSet parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double Get(string name) => parameters.GetDouble(name);
        Set(_centreline, "weight", Get("qn"));
        Set(_centreline, "heading_weight", Get("qalpha"));
        Set(_speed, "weight", Get("qv"));
        Set(_speed, "v_min", Get("v_min"));
        Set(_speed, "v_max", Get("v_max"));
        Set(_speed, "alat_max", Get("alat_max"));
        Set(_effort, "acceleration_weight", Get("qac"));
        Set(_effort, "steering_rate_weight", Get("qddelta"));
        Set(_margin, "safety_margin_m", Get("track_safety_margin"));
        Set(_bounds, "v_min", Get("v_min"));
        Set(_bounds, "v_max", Get("v_max"));
        Set(_bounds, "alat_max", Get("alat_max"));
        Set(_progress, "weight", Get("q_adv"));
        _aMin = Get("a_min");
        _aMax = Get("a_max");
        _model.AccelerationMin = _aMin;
        _model.AccelerationMax = _aMax;
    }

    /// <inheritdoc />
    public void Reset() => _mppi.Reset();

    /// <inheritdoc />
    public ControllerStatus Update(SimTime now, SimTime period, ReadOnlySpan<double> state, ReadOnlySpan<double> reference, Span<double> command)
    {
        if (state.Length < 5 || command.Length < 2) return ControllerStatus.Failed;
        var status = _mppi.Update(now, period, state[..5], _zeroReference, command);
        if (status == ControllerStatus.Failed) return status;
        double a = command[0];
        command[0] = Math.Clamp(a, _aMin, _aMax);
        return command[0] != a ? ControllerStatus.Saturated : status;
    }

    private static void Set(CostTerm term, string local, double value)
    {
        var result = term.TrySetParameter($"costs.{term.Name}.{local}", ParameterValue.FromDouble(value));
        if (!result.IsValid) throw new ArgumentException(result.Message, local);
    }
}
