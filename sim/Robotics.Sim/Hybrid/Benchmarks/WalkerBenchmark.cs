using System.Globalization;
using Robotics.Control.Hybrid;
using Robotics.Control.Hybrid.Walker;
using Robotics.Core.Randomness;
using Robotics.Sim.Hybrid.Walker;

namespace Robotics.Sim.Hybrid.Benchmarks;

/// <summary>
/// The compass-gait walker benchmark: a passive gait library over slopes p (modes), an LQR per mode on the
/// step-to-step map (section x = [stance_angle_rad, stance_rate_rad_s, swing_rate_rad_s] just after heel strike,
/// input u = [hip_torque_n_m] held for the step), a region of attraction per mode, and seeded trials in which the
/// terrain slope changes from p0 to p1 at a stance foot (known one step ahead), run with the RoA planner, LQR without
/// planning and a grid MPC.
/// </summary>
/// <remarks>
/// <para>Converged: no fall and, at the end, sqrt(((phi1 - phi1*)/0.002)^2 + ((w1 - w1*)/0.01)^2 + ((w2 - w2*)/0.01)^2) &lt; 1;
/// RoA samples must also show V non-increasing at every step.</para>
/// <para>RoA planner: on the last step before the change and on later steps while V_1(x) &gt; c_1, it scores candidate
/// references (every library gait's fixed point z*_j, tracked with the current slope's LQR gain) by
/// relu(V_1(x'_j)/c_1 - 1) + 1e-3 V_1(x'_j)/c_1 on the predicted next section point x'_j (true map); it keeps the
/// nominal reference when that already lands inside the next RoA, and also when no candidate does (no certified
/// alternative).</para>
/// <para>MPC: one-step lookahead on the true map with the next mode's Riccati cost-to-go as terminal cost over a
/// torque grid centred on the LQR torque (+- 0.2 N m), from the same preview step on.</para>
/// </remarks>
public sealed class WalkerBenchmark
{
    /// <summary>The system name used by the benchmark command.</summary>
    public const string SystemName = "walker";

    private readonly CompassGaitPoincareMap _map;
    private readonly Gait[] _gaits;
    private readonly ModeCertificate[] _modes;
    private readonly double[] _x = new double[3], _u = new double[1], _next = new double[3], _shifted = new double[3];

    private WalkerBenchmark(WalkerBenchmarkOptions options, CompassGaitPoincareMap map, Gait[] gaits)
    {
        Options = options;
        _map = map;
        _gaits = gaits;
        _modes = new ModeCertificate[gaits.Length];
    }

    /// <summary>The options.</summary>
    public WalkerBenchmarkOptions Options { get; }

    /// <summary>The gait library (one gait per mode).</summary>
    public IReadOnlyList<Gait> Gaits => _gaits;

    /// <summary>Per-mode controllers and RoA levels.</summary>
    public IReadOnlyList<ModeCertificate> Modes => _modes;

    /// <summary>Builds the gait library, per-mode LQR and RoA estimates (seeded by <paramref name="rng"/>).</summary>
    public static WalkerBenchmark Build(WalkerBenchmarkOptions options, Rng rng, Action<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(rng);
        var parameters = new CompassGaitParameters();
        var library = GaitLibrary.Build(parameters, options.Slopes, 0.0, options.StepS);
        var map = new CompassGaitPoincareMap(new CompassGait(parameters), options.StepS);
        var bench = new WalkerBenchmark(options, map, [.. library.Gaits]);
        for (int i = 0; i < bench._gaits.Length; i++)
        {
            var g = bench._gaits[i];
            var ctrl = WalkerLqrDesign.Create(g.SlopeRad, [g.FixedPoint.StanceAngleRad, g.FixedPoint.StanceRateRadS, g.FixedPoint.SwingRateRadS],
                g.HipTorqueNm, g.Jacobian, g.TorqueSensitivity, options.MaxHipTorqueNm);
            int mode = i;
            var w = BoxHalfWidths;
            var estimate = RoaEstimator.Estimate(ctrl, new DelegateModeRollout((p, x) => bench.Rollout(mode, ctrl, x, options.RolloutSteps, out _)),
                new RoaEstimatorOptions { SampleCount = options.RoaSamples, SampleLower = [-w[0], -w[1], -w[2]], SampleUpper = [w[0], w[1], w[2]] },
                rng.Fork($"roa/{i}"));
            double c = Math.Min(estimate.Level, RoaLevelSet.InscribedLevel(ctrl.LyapunovMatrix.Data.ToArray(), w));
            (c, _) = RoaRefinement.Refine(ctrl, c, x => bench.Rollout(mode, ctrl, x, options.RolloutSteps, out _), rng.Fork($"verify/{i}"), options.VerifySamples);
            if (options.DecreaseRays > 0)
            {
                // Below every ray-scanned state where one step does not lower V (non-monotone rollouts start there).
                (c, _, _) = RoaEstimator.ShrinkToDecrease(ctrl, x => bench.DecreasesOneStep(mode, ctrl, x), c,
                    new RoaEstimatorOptions { SampleLower = [-w[0], -w[1], -w[2]], SampleUpper = [w[0], w[1], w[2]], DecreaseRays = options.DecreaseRays, DecreaseLevelsPerRay = options.DecreaseLevelsPerRay },
                    rng.Fork($"decrease/{i}"));
            }

            c *= options.SafetyFactor;
            bench._modes[i] = new ModeCertificate(ctrl, estimate, c);
            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"walker mode p = {g.SlopeRad:0.0##} rad: z* = ({g.FixedPoint.StanceAngleRad:0.####}, {g.FixedPoint.StanceRateRadS:0.####}, {g.FixedPoint.SwingRateRadS:0.####}), c = {c:G4} (line search {estimate.Level:G4}), converged {estimate.ConvergedCount}/{estimate.SampleCount}"));
        }

        return bench;
    }

    /// <summary>Half-widths of the RoA sampling box around z*: (0.02 rad, 0.1 rad/s, 0.2 rad/s).</summary>
    public static IReadOnlyList<double> BoxHalfWidths { get; } = [0.02, 0.1, 0.2];

    /// <summary>Closed-loop rollout on mode <paramref name="mode"/>'s slope: true when it converges with V non-increasing.</summary>
    public bool Rollout(int mode, ModeLqr controller, ReadOnlySpan<double> x0, int steps, out bool converged)
    {
        ArgumentNullException.ThrowIfNull(controller);
        x0.CopyTo(_x);
        double slope = _gaits[mode].SlopeRad;
        double v = controller.Lyapunov(_x);
        bool decreasing = true;
        for (int k = 0; k < steps; k++)
        {
            controller.Compute(_x, _u);
            if (!TryMap(_x, slope, slope, _u[0], _next))
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

    /// <summary>
    /// True if one closed-loop step on mode <paramref name="mode"/>'s slope from <paramref name="x"/> does not raise V
    /// (V_next &lt;= V + 1e-9, the tolerance of <see cref="Rollout"/>) and the walker does not fall.
    /// </summary>
    public bool DecreasesOneStep(int mode, ModeLqr controller, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(controller);
        double slope = _gaits[mode].SlopeRad;
        double v = controller.Lyapunov(x);
        controller.Compute(x, _u);
        return TryMap(x, slope, slope, _u[0], _next) && controller.Lyapunov(_next) <= v + 1e-9;
    }

    /// <summary>Normalized distance to the controller's fixed point (&lt; 1 = converged).</summary>
    public static double Error(ModeLqr controller, ReadOnlySpan<double> x)
    {
        ArgumentNullException.ThrowIfNull(controller);
        double e0 = (x[0] - controller.OperatingState[0]) / 0.002, e1 = (x[1] - controller.OperatingState[1]) / 0.01, e2 = (x[2] - controller.OperatingState[2]) / 0.01;
        return Math.Sqrt(e0 * e0 + e1 * e1 + e2 * e2);
    }

    /// <summary>One step from section point <paramref name="x"/> of <paramref name="sectionSlope"/> on terrain <paramref name="terrainSlope"/>.</summary>
    public bool TryMap(ReadOnlySpan<double> x, double sectionSlope, double terrainSlope, double torque, Span<double> next)
    {
        _map.Walker.Slope = terrainSlope;
        bool ok = _map.TryStep(new WalkerSection(x[0], x[1], x[2]), sectionSlope, torque, out var n);
        next[0] = n.StanceAngleRad;
        next[1] = n.StanceRateRadS;
        next[2] = n.SwingRateRadS;
        return ok;
    }

    /// <summary>Runs trial <paramref name="trial"/> (initial state and slope change drawn from the seed and the trial index only).</summary>
    public HybridTrialResult RunTrial(string method, int trial, ulong seed, IControlStepMeter meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var rng = new Rng(seed).Fork(string.Create(CultureInfo.InvariantCulture, $"walker/trial/{trial}"));
        int n = _modes.Length;
        int i0 = rng.NextInt(n);
        var targets = new List<int>();
        for (int j = 0; j < n; j++)
        {
            if (Math.Abs(_gaits[j].SlopeRad - _gaits[i0].SlopeRad) >= Options.MinSwitch - 1e-9)
            {
                targets.Add(j);
            }
        }

        if (targets.Count == 0)
        {
            throw new InvalidOperationException($"No mode is at least MinSwitch = {Options.MinSwitch} away from mode {i0}; add modes or lower MinSwitch.");
        }

        int i1 = targets[rng.NextInt(targets.Count)];

        var x = new double[3];
        new SectionSampler(_modes[i0].FixedPoint(), _modes[i0].LyapunovArray()).Sample(rng, 0.5 * _modes[i0].RoaLevel, x);
        int steps = 0, switches = 0, active = i0;
        bool fell = false;
        int h0 = Options.StepsBeforeSwitch, total = h0 + Options.StepsAfterSwitch;
        for (int k = 0; k < total; k++)
        {
            int terrain = k < h0 ? i0 : i1;
            double sectionSlope = k <= h0 ? _gaits[i0].SlopeRad : _gaits[i1].SlopeRad;
            meter.BeginStep();
            if (k < h0 - 1)
            {
                _modes[i0].Controller.Compute(x, _u);
            }
            else
            {
                Decide(method, terrain, i1, sectionSlope, x, _u);
            }

            meter.EndStep();
            steps++;
            if (terrain != active)
            {
                switches++;
                active = terrain;
            }

            if (!TryMap(x, sectionSlope, _gaits[terrain].SlopeRad, _u[0], _next))
            {
                fell = true;
                break;
            }

            _next.CopyTo(x, 0);
        }

        double error = fell ? double.PositiveInfinity : Error(_modes[i1].Controller, x);
        string detail = string.Create(CultureInfo.InvariantCulture,
            $"p0={_gaits[i0].SlopeRad} p1={_gaits[i1].SlopeRad} fell={fell} final_error={error:G4}");
        return new HybridTrialResult(SystemName, method, trial, !fell && error < 1.0, steps, switches, detail);
    }

    private void Decide(string method, int terrain, int target, double sectionSlope, double[] x, double[] u)
    {
        var own = _modes[terrain];
        var tgt = _modes[target];
        double terrainSlope = _gaits[terrain].SlopeRad;
        switch (method)
        {
            case HybridMethods.Lqr:
                own.Controller.Compute(x, u);
                return;
            case HybridMethods.RoaPlanner:
            {
                own.Controller.Compute(x, u);
                if (terrain == target && tgt.NormalizedLevel(x) <= 1.0)
                {
                    return;
                }

                double nominalScore = Score(tgt, x, sectionSlope, terrainSlope, u[0]);
                double bestScore = nominalScore;
                double bestTorque = u[0];
                if (bestScore <= 1e-3)
                {
                    return;
                }

                for (int j = 0; j < _modes.Length; j++)
                {
                    // Track gait j's fixed point with the current slope's gain: shift x by (z*_own - z*_j).
                    for (int i = 0; i < 3; i++)
                    {
                        _shifted[i] = x[i] - _modes[j].Controller.OperatingState[i] + own.Controller.OperatingState[i];
                    }

                    own.Controller.Compute(_shifted, u);
                    double score = Score(tgt, x, sectionSlope, terrainSlope, u[0]);
                    if (score < bestScore)
                    {
                        bestScore = score;
                        bestTorque = u[0];
                    }
                }

                // Deviate from the LQR only when the chosen reference lands inside the next RoA (certified landing).
                if (bestScore > 1e-3)
                {
                    own.Controller.Compute(x, u);
                    return;
                }

                u[0] = bestTorque;
                return;
            }

            case HybridMethods.Mpc:
            {
                own.Controller.Compute(x, u);
                double center = u[0], best = double.PositiveInfinity, bestTorque = center;
                int nt = Options.MpcTorques;
                for (int a = 0; a < nt; a++)
                {
                    double torque = Math.Clamp(center + (nt == 1 ? 0.0 : -0.2 + 0.4 * a / (nt - 1)), -Options.MaxHipTorqueNm, Options.MaxHipTorqueNm);
                    if (!TryMap(x, sectionSlope, terrainSlope, torque, _next))
                    {
                        continue;
                    }

                    double cost = tgt.Controller.Lyapunov(_next) + WalkerLqrDesign.InputWeight * torque * torque;
                    if (cost < best)
                    {
                        best = cost;
                        bestTorque = torque;
                    }
                }

                u[0] = bestTorque;
                return;
            }

            default:
                throw new ArgumentException($"Unknown method '{method}'; use {HybridMethods.RoaPlanner}, {HybridMethods.Lqr} or {HybridMethods.Mpc}.", nameof(method));
        }
    }

    private double Score(ModeCertificate tgt, double[] x, double sectionSlope, double terrainSlope, double torque)
    {
        if (!TryMap(x, sectionSlope, terrainSlope, torque, _next))
        {
            return double.PositiveInfinity;
        }

        double level = tgt.NormalizedLevel(_next);
        return Math.Max(0.0, level - 1.0) + 1e-3 * level;
    }
}
