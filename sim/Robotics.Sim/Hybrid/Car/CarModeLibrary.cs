using Robotics.Control.Hybrid;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Randomness;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Hybrid.Car;

/// <summary>
/// The car's per-mode controllers and certificates: for each friction mode (dry, icy) and reference speed p an
/// LQR on the segment-frame error dynamics (<see cref="CarErrorModel"/> linearised at straight driving, zero-order
/// hold at the control period, discrete Riccati, so V = x' P x decreases at every control step of the linearised
/// sampled-data loop), its RoA level c(p) estimated at the sampled speeds by <see cref="RoaEstimator"/> (box samples,
/// then twice as many inside the ellipsoid below the smallest diverging level, then a one-step Lyapunov decrease ray scan
/// (<see cref="RoaEstimator.ShrinkToDecrease"/>) and the safety factor), and a conservative regressor c(p) for other speeds.
/// </summary>
/// <remarks>Construction runs the RoA sampling (a few thousand rollouts; about a second). Deterministic in the seed.</remarks>
public sealed class CarModeLibrary
{
    private readonly Dictionary<(bool Icy, double Speed), ModeLqr> _lqr = [];

    /// <summary>Builds the library and estimates the RoAs.</summary>
    public CarModeLibrary(CarHybridOptions? options = null)
    {
        Options = options ?? new CarHybridOptions();
        DryCar = new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = Options.DryMu });
        IcyCar = new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = Options.IcyMu });
        DryRollout = new CarModeRollout(DryCar, v => Lqr(false, v), Options);
        IcyRollout = new CarModeRollout(IcyCar, v => Lqr(true, v), Options);
        var rng = new Rng(Options.RoaSeed);
        var dryBox = Options.RoaBox;
        var icyBox = Options.IcyRoaBox;
        var dryEstimator = new RoaEstimatorOptions { SampleCount = Options.RoaSamples, EllipsoidSampleCount = 2 * Options.RoaSamples, DecreaseRays = Options.RoaDecreaseRays, SafetyFactor = Options.RoaSafetyFactor, SampleLower = dryBox.Select(b => -b).ToArray(), SampleUpper = (double[])dryBox.Clone() };
        var icyEstimator = new RoaEstimatorOptions { SampleCount = Options.RoaSamples, EllipsoidSampleCount = 2 * Options.RoaSamples, DecreaseRays = Options.RoaDecreaseRays, SafetyFactor = Options.RoaSafetyFactor, SampleLower = icyBox.Select(b => -b).ToArray(), SampleUpper = (double[])icyBox.Clone() };
        var dry = new List<RoaEstimate>();
        var icy = new List<RoaEstimate>();
        foreach (double v in Options.SampledSpeeds)
        {
            dry.Add(RoaEstimator.Estimate(Lqr(false, v), DryRollout, dryEstimator, rng.Fork($"dry/{v}")));
            icy.Add(RoaEstimator.Estimate(Lqr(true, v), IcyRollout, icyEstimator, rng.Fork($"icy/{v}")));
        }

        DryEstimates = dry;
        IcyEstimates = icy;
        DryLevels = new RoaLevelRegressor(Options.SampledSpeeds, dry.Select(e => e.Level).ToArray());
        IcyLevels = new RoaLevelRegressor(Options.SampledSpeeds, icy.Select(e => e.Level).ToArray());
    }

    /// <summary>The options.</summary>
    public CarHybridOptions Options { get; }

    /// <summary>The dry-road plant.</summary>
    public SingleTrackCar DryCar { get; }

    /// <summary>The icy-road plant.</summary>
    public SingleTrackCar IcyCar { get; }

    /// <summary>Dry-mode rollout (also gives V traces).</summary>
    public CarModeRollout DryRollout { get; }

    /// <summary>Icy-mode rollout.</summary>
    public CarModeRollout IcyRollout { get; }

    /// <summary>RoA estimates of the dry mode at the sampled speeds.</summary>
    public IReadOnlyList<RoaEstimate> DryEstimates { get; }

    /// <summary>RoA estimates of the icy mode at the sampled speeds.</summary>
    public IReadOnlyList<RoaEstimate> IcyEstimates { get; }

    /// <summary>Regressor c(p) of the dry mode.</summary>
    public RoaLevelRegressor DryLevels { get; }

    /// <summary>Regressor c(p) of the icy mode.</summary>
    public RoaLevelRegressor IcyLevels { get; }

    /// <summary>The LQR of a mode at reference speed <paramref name="speed"/> (designed once, then cached).</summary>
    public ModeLqr Lqr(bool icy, double speed)
    {
        if (_lqr.TryGetValue((icy, speed), out var lqr))
            return lqr;
        var o = Options;
        var model = new CarErrorModel(icy ? new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = o.IcyMu }) : new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = o.DryMu }));
        double maxSteer = new SingleTrackCarParameters().MaxSteeringAngleRad;
        double maxAccel = (icy ? o.IcyMu : o.DryMu) * 9.81;
        lqr = ModeLqr.FromSystem(speed, model, [0, 0, speed, 0, 0], [0, 0],
            Matrix.Diagonal(icy ? o.IcyStateWeights : o.DryStateWeights), Matrix.Diagonal(icy ? o.IcyInputWeights : o.DryInputWeights),
            [-maxAccel, -maxSteer], [maxAccel, maxSteer], discreteTimeStep: o.ControlPeriodS);
        _lqr[(icy, speed)] = lqr;
        return lqr;
    }

    /// <summary>The RoA level c(p) of a mode at <paramref name="speed"/> (regressed between sampled speeds).</summary>
    public double Level(bool icy, double speed) => (icy ? IcyLevels : DryLevels).Predict(speed);
}
