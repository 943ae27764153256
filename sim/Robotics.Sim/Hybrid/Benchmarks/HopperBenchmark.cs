using System.Globalization;
using Robotics.Control.Hybrid;
using Robotics.Control.Hybrid.Hopper;
using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid.Hopper;

namespace Robotics.Sim.Hybrid.Benchmarks;

/// <summary>
/// The hopper (pogobot) benchmark: gaits at one apex height for several forward speeds p (modes), an LQR per mode on
/// the apex-to-apex map (<see cref="HopperLqrDesign"/>: x = [apex_height_m, speed_m_s], u = [touchdown_angle_rad,
/// thrust_n]), a region of attraction per mode (<see cref="RoaEstimator"/>), and seeded trials in which the target
/// speed switches from p0 to p1, run with the RoA planner, LQR without planning and a grid MPC.
/// </summary>
/// <remarks>
/// <para>Converged (RoA samples and trial success): no fall and, at the end, the normalized error
/// sqrt(((y - y*)/0.02)^2 + ((vx - vx*)/0.05)^2) &lt; 1. RoA samples must in addition show V non-increasing at every hop,
/// so the certified set is one where the Lyapunov function decreases along closed-loop rollouts. The level is capped
/// at the largest ellipsoid inside the sampling box.</para>
/// <para>RoA planner (each hop after the switch): the target's LQR if V_1(x) &lt;= c_1; otherwise a
/// <see cref="SwitchPlanner"/> grid over the intermediate mode j whose RoA contains x (V_j(x) &lt;= c_j), loss
/// relu(V_1(x'_j)/c_1 - 1) + 1e-3 V_1(x'_j)/c_1 with x'_j the next apex under mode j's LQR predicted on the true map
/// (the paper's relu(V - c) score over candidate references); if no such mode lowers the loss below that of the
/// current state, the target's LQR is used.</para>
/// <para>MPC: one-hop lookahead on the true apex map with the target's Riccati cost-to-go as terminal cost, over a grid
/// centred on the target LQR's input (touchdown angle +- 0.15 rad, thrust +- 1500 N; odd counts contain the LQR input,
/// which is the one-step minimiser near x*).</para>
/// </remarks>
public sealed class HopperBenchmark
{
    /// <summary>The system name used by the benchmark command.</summary>
    public const string SystemName = "hopper";

    private readonly HopperApexMap _map;
    private readonly HopperGait[] _gaits;
    private readonly ModeCertificate[] _modes;
    private readonly double[] _x = new double[2], _u = new double[2], _next = new double[2], _cand = new double[2], _best = new double[2];

    private HopperBenchmark(HopperBenchmarkOptions options, HopperApexMap map, HopperGait[] gaits)
    {
        Options = options;
        _map = map;
        _gaits = gaits;
        _modes = new ModeCertificate[gaits.Length];
    }

    /// <summary>The options.</summary>
    public HopperBenchmarkOptions Options { get; }

    /// <summary>The gaits (one per mode).</summary>
    public IReadOnlyList<HopperGait> Gaits => _gaits;

    /// <summary>Per-mode controllers and RoA levels.</summary>
    public IReadOnlyList<ModeCertificate> Modes => _modes;

    /// <summary>Builds gaits, per-mode LQR and RoA estimates (seeded by <paramref name="rng"/>).</summary>
    public static HopperBenchmark Build(HopperBenchmarkOptions options, Rng rng, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        var hopper = new SlipHopper();
        var gaits = HopperGaitLibrary.Build(hopper, options.ApexHeightM, options.Speeds, options.StepS);
        var bench = new HopperBenchmark(options, new HopperApexMap(hopper, options.StepS), [.. gaits]);
        for (int i = 0; i < gaits.Count; i++)
        {
            var g = gaits[i];
            var ctrl = HopperLqrDesign.Create(g.SpeedMS, g.ApexHeightM, g.TouchdownAngleRad, g.ThrustN, g.A, g.B,
                hopper.Options.MaxTouchdownAngleRad, hopper.Options.MaxThrustN);
            var w = bench.BoxHalfWidths(g);
            var estimate = RoaEstimator.Estimate(ctrl, new DelegateModeRollout((p, x) => bench.Rollout(ctrl, x, options.RolloutHops, out _)),
                new RoaEstimatorOptions { SampleCount = options.RoaSamples, SampleLower = [-w[0], -w[1]], SampleUpper = [w[0], w[1]] },
                rng.Fork($"roa/{i}"));
            double c = Math.Min(estimate.Level, RoaLevelSet.InscribedLevel(ctrl.LyapunovMatrix.Data.ToArray(), w));
            (c, _) = RoaRefinement.Refine(ctrl, c, x => bench.Rollout(ctrl, x, options.RolloutHops, out _), rng.Fork($"verify/{i}"), options.VerifySamples);
            bench._modes[i] = new ModeCertificate(ctrl, estimate, c);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"hopper mode p = {g.SpeedMS:0.0##} m/s: theta* = {g.TouchdownAngleRad:0.####} rad, c = {c:G4} (line search {estimate.Level:G4}), converged {estimate.ConvergedCount}/{estimate.SampleCount}"));
        }

        return bench;
    }

    /// <summary>Half-widths of the RoA sampling box around x*: apex height +- min(0.3, y* - 1.02) m, speed +- min(1.5, v*) m/s.</summary>
    public double[] BoxHalfWidths(HopperGait gait)
    {
        ArgumentNullException.ThrowIfNull(gait);
        return [Math.Min(0.3, gait.ApexHeightM - 1.02), Math.Min(1.5, gait.SpeedMS)];
    }

    /// <summary>
    /// Closed-loop rollout of <paramref name="controller"/> for <paramref name="hops"/> hops from apex
    /// <paramref name="x0"/>: true when it converges with V non-increasing at every hop; <paramref name="converged"/>
    /// ignores the decrease condition.
    /// </summary>
    public bool Rollout(ModeLqr controller, ReadOnlySpan<double> x0, int hops, out bool converged)
    {
        ArgumentNullException.ThrowIfNull(controller);
        x0.CopyTo(_x);
        double v = controller.Lyapunov(_x);
        bool decreasing = true;
        for (int k = 0; k < hops; k++)
        {
            controller.Compute(_x, _u);
            if (!TryMap(_x, _u, _next))
            {
                converged = false;
                return false;
            }

            _next.CopyTo(_x, 0);
            double vn = controller.Lyapunov(_x);
            if (vn > v + 1e-9)
            {
                decreasing = false;
            }

            v = vn;
        }

        converged = Error(controller, _x) < 1.0;
        return converged && decreasing;
    }

    /// <summary>Normalized distance to the controller's fixed point (&lt; 1 = converged).</summary>
    public static double Error(ModeLqr controller, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(controller);
        double ey = (x[0] - controller.OperatingState[0]) / 0.02, ev = (x[1] - controller.OperatingState[1]) / 0.05;
        return Math.Sqrt(ey * ey + ev * ev);
    }

    /// <summary>One apex-to-apex hop: false when the hopper falls or fails to reach an apex.</summary>
    public bool TryMap(ReadOnlySpan<double> x, ReadOnlySpan<double> u, Span<double> next)
    {
        bool ok = _map.TryStep(new ApexState(x[0], x[1]), u[0], u[1], out var n);
        next[0] = n.HeightM;
        next[1] = n.SpeedMS;
        return ok && n.HeightM > 0.5;
    }

    /// <summary>Runs trial <paramref name="trial"/> (initial state and switch drawn from the seed and the trial index only).</summary>
    public HybridTrialResult RunTrial(string method, int trial, ulong seed, IControlStepMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var rng = new Rng(seed).Fork(string.Create(CultureInfo.InvariantCulture, $"hopper/trial/{trial}"));
        int n = _modes.Length;
        int i0 = rng.NextInt(n);
        var targets = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (Math.Abs(_gaits[j].SpeedMS - _gaits[i0].SpeedMS) >= Options.MinSwitch - 1e-9)
            {
                targets.Add(j);
            }
        }

        if (targets.Count == 0)
        {
            throw new InvalidOperationException($"No mode is at least MinSwitch = {Options.MinSwitch} away from mode {i0}; add modes or lower MinSwitch.");
        }

        int i1 = targets[rng.NextInt(targets.Count)];

        var start = _modes[i0];
        var x = new double[2];
        new SectionSampler(start.FixedPoint(), start.LyapunovArray()).Sample(rng, 0.5 * start.RoaLevel, x);
        int steps = 0, switches = 0, active = i0;
        bool fell = false;
        for (int k = 0; k < Options.HopsBeforeSwitch + Options.HopsAfterSwitch; k++)
        {
            meter.BeginStep();
            int used = k < Options.HopsBeforeSwitch ? Lqr(i0, x, _u) : Decide(method, i1, x, _u);
            meter.EndStep();
            steps++;
            if (used != active)
            {
                switches++;
                active = used;
            }

            if (!TryMap(x, _u, _next))
            {
                fell = true;
                break;
            }

            _next.CopyTo(x, 0);
        }

        double error = fell ? double.PositiveInfinity : Error(_modes[i1].Controller, x);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"p0={_gaits[i0].SpeedMS} p1={_gaits[i1].SpeedMS} fell={fell} final_error={error:G4} start_level={_modes[i1].NormalizedLevel(x):G4}");
        return new HybridTrialResult(SystemName, method, trial, !fell && error < 1.0, steps, switches, detail);
    }

    private int Lqr(int mode, double[] x, double[] u)
    {
        _modes[mode].Controller.Compute(x, u);
        return mode;
    }

    private int Decide(string method, int target, double[] x, double[] u)
    {
        var tgt = _modes[target];
        switch (method)
        {
            case HybridMethods.Lqr:
                return Lqr(target, x, u);
            case HybridMethods.RoaPlanner:
                if (tgt.NormalizedLevel(x) <= 1.0)
                {
                    return Lqr(target, x, u);
                }

                var axis = new double[_modes.Length];
                for (int j = 0; j < axis.Length; j++)
                {
                    axis[j] = j;
                }

                var plan = new SwitchPlanner(new SwitchPlannerOptions { GridAxes = [axis] }).Plan(new ModeChoice(this, target, x));
                // Deviate from the target's LQR only for a certified step (x inside mode j's RoA) that brings the state
                // closer to the target's RoA; otherwise nothing certified is known and the target's LQR is used.
                int chosen = double.IsPositiveInfinity(plan.Loss) || plan.Loss >= 1e-3 * tgt.NormalizedLevel(x) + Math.Max(0.0, tgt.NormalizedLevel(x) - 1.0)
                    ? target
                    : (int)plan.Decision[0];
                return Lqr(chosen, x, u);
            case HybridMethods.Mpc:
                Mpc(tgt, x, u);
                return target;
            default:
                throw new ArgumentException($"Unknown method '{method}'; use {HybridMethods.RoaPlanner}, {HybridMethods.Lqr} or {HybridMethods.Mpc}.", nameof(method));
        }
    }

    private double ScoreMode(int j, int target, double[] x)
    {
        if (_modes[j].NormalizedLevel(x) > 1.0)
        {
            return double.PositiveInfinity;
        }

        _modes[j].Controller.Compute(x, _cand);
        if (!TryMap(x, _cand, _next))
        {
            return double.PositiveInfinity;
        }

        double landing = _modes[target].NormalizedLevel(_next);
        return Math.Max(0.0, landing - 1.0) + 1e-3 * landing;
    }

    private void Mpc(ModeCertificate tgt, double[] x, double[] u)
    {
        var ctrl = tgt.Controller;
        double best = double.PositiveInfinity;
        ctrl.Compute(x, _cand);
        double centerAngle = _cand[0], centerThrust = _cand[1];
        _best[0] = centerAngle;
        _best[1] = centerThrust;
        int na = Options.MpcAngles, np = Options.MpcThrusts;
        double rAngle = HopperLqrDesign.InputWeights[0], rThrust = HopperLqrDesign.InputWeights[1];
        for (int a = 0; a < na; a++)
        {
            double theta = Math.Clamp(centerAngle + (na == 1 ? 0.0 : -0.15 + 0.3 * a / (na - 1)), -0.8, 0.8);
            for (int p = 0; p < np; p++)
            {
                double thrust = Math.Clamp(centerThrust + (np == 1 ? 0.0 : -1500.0 + 3000.0 * p / (np - 1)), -5000.0, 5000.0);
                _cand[0] = theta;
                _cand[1] = thrust;
                if (!TryMap(x, _cand, _next))
                {
                    continue;
                }

                double du0 = theta - ctrl.OperatingInput[0], du1 = thrust - ctrl.OperatingInput[1];
                double cost = ctrl.Lyapunov(_next) + rAngle * du0 * du0 + rThrust * du1 * du1;
                if (cost < best)
                {
                    best = cost;
                    _best[0] = theta;
                    _best[1] = thrust;
                }
            }
        }

        u[0] = _best[0];
        u[1] = _best[1];
    }

    private sealed class ModeChoice(HopperBenchmark bench, int target, double[] x) : ISwitchCandidateEvaluator
    {
        public int DecisionSize => 1;

        public double Evaluate(ReadOnlySpan<double> decision) => bench.ScoreMode((int)Math.Round(decision[0]), target, x);
    }
}
