using Robotics.Control.Evolution;
using Robotics.Control.Pid;
using Robotics.Core.Numerics;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Control.Snn;

/// <summary>
/// Evolves spiking altitude controllers with CMA-ES to mimic a PID (the blimp paper's method): first a fast
/// population for the P + D terms, then a slow population for the integral term with the fast one fixed, and a
/// one-population baseline for the whole output.
/// </summary>
/// <remarks>
/// <para><b>Fitness</b> of a genome (lower is better), over the seeded random-step training profiles, with the
/// candidate in the closed loop (the PID teacher runs alongside on the same noisy measurements, DAgger style):</para>
/// <code>
///   J = w_imit mean_k (a_k - target_k)^2 / thrust_scale^2 + w_track mean_k (z_k - r_k)^2 / altitude_scale^2
/// </code>
/// <para>a_k is the population's readout; target_k is the teacher's P + D (fast), I (slow) or clipped output
/// (single). The applied thrust is clamp(a_k + I_k) (fast stage, I_k the teacher's integral), clamp(a_k + fast_k)
/// (slow stage) or clamp(a_k) (single). The plant (an <see cref="IOdeSystem"/> with state [altitude, velocity] and
/// input [thrust]) is integrated with RK4 at the control period; the sensor noise and profiles are fixed per
/// training run (common random numbers), so the fitness is a deterministic function of the genome.</para>
/// <para><b>Reproducibility.</b> All randomness comes from <c>new Rng(seed)</c> forks; fitness evaluation runs on
/// <see cref="SnnTrainingOptions.Workers"/> threads through <see cref="ParallelFitness{TWorkspace}"/> and does not
/// depend on their number: the same seed gives the same best networks.</para>
/// </remarks>
public sealed class SnnTrainer
{
    private readonly SnnTrainingOptions _options;
    private readonly IOdeSystem _plant;
    private readonly double[][] _references, _noise;
    private readonly int _steps;

    /// <summary>Prepares the training profiles and noise sequences.</summary>
    /// <param name="options">Settings (validated).</param>
    /// <param name="plant">Altitude plant: state [altitude_m, vertical_velocity_m_s], input [thrust_n]; its
    /// <see cref="IOdeSystem.Derivatives"/> must be thread-safe (pure).</param>
    /// <exception cref="ArgumentException">An option is invalid or the plant has the wrong sizes.</exception>
    public SnnTrainer(SnnTrainingOptions options, IOdeSystem plant)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(plant);
        options.Validate();
        if (plant.StateSize != 2 || plant.InputSize != 1)
        {
            throw new ArgumentException($"SNN trainer: the plant has {plant.StateSize} states and {plant.InputSize} inputs; an altitude plant has 2 ([altitude, velocity]) and 1 ([thrust]).", nameof(plant));
        }

        _options = options;
        _plant = plant;
        var rng = new Rng(options.Seed);
        var profileRng = rng.Fork("profiles");
        var noiseRng = rng.Fork("sensor_noise");
        _steps = (int)Math.Round(options.ProfileDurationS / options.Loop.PeriodS);
        Profiles = new AltitudeProfile[options.Profiles];
        _references = new double[options.Profiles][];
        _noise = new double[options.Profiles][];
        for (int p = 0; p < options.Profiles; p++)
        {
            var profile = AltitudeProfile.RandomSteps(profileRng, options.Loop.InitialAltitudeM, options.AltitudeMinM, options.AltitudeMaxM,
                options.HoldMinS, options.HoldMaxS, options.ProfileDurationS);
            Profiles[p] = profile;
            _references[p] = new double[_steps];
            _noise[p] = new double[_steps];
            for (int k = 0; k < _steps; k++)
            {
                _references[p][k] = profile.Evaluate(k * options.Loop.PeriodS);
                _noise[p][k] = options.Loop.SensorNoiseStdM * noiseRng.NextGaussian();
            }
        }
    }

    /// <summary>The training profiles.</summary>
    public AltitudeProfile[] Profiles { get; }

    /// <summary>Runs the three stages (single is skipped when its generations are 0).</summary>
    /// <param name="progress">Optional per-generation progress (reported on the calling thread).</param>
    public SnnTrainingResult Train(IProgress<SnnTrainingProgress>? progress = null)
    {
        var fast = Evolve(SnnTrainingStage.Fast, null, progress);
        var slow = Evolve(SnnTrainingStage.Slow, fast.Definition, progress);
        var single = _options.SingleGenerations > 0 ? Evolve(SnnTrainingStage.Single, null, progress) : null;
        return new SnnTrainingResult(_options, fast, slow, single);
    }

    /// <summary>Evolves one stage.</summary>
    /// <param name="stage">The stage.</param>
    /// <param name="fixedFast">The fast population (required for <see cref="SnnTrainingStage.Slow"/>).</param>
    /// <param name="progress">Optional progress.</param>
    public SnnStageResult Evolve(SnnTrainingStage stage, LifNetworkDefinition? fixedFast, IProgress<SnnTrainingProgress>? progress = null)
    {
        if (stage == SnnTrainingStage.Slow && fixedFast is null)
        {
            throw new ArgumentException("SNN trainer: the slow stage needs the evolved fast population.", nameof(fixedFast));
        }

        var spec = SpecOf(stage);
        int generations = stage switch
        {
            SnnTrainingStage.Fast => _options.FastGenerations,
            SnnTrainingStage.Slow => _options.SlowGenerations,
            _ => _options.SingleGenerations,
        };
        var layout = new SnnPopulationLayout(spec);
        var rng = new Rng(_options.Seed).Fork("cma_" + spec.Name);
        var initRng = rng.Fork("initial_mean");
        var mean = new double[layout.Dimension];
        for (int i = 0; i < mean.Length; i++) mean[i] = 0.5 + 0.1 * (2.0 * initRng.NextDouble() - 1.0);
        var cma = new CmaEs(mean, new CmaEsOptions
        {
            InitialSigma = _options.InitialSigma,
            PopulationSize = _options.PopulationSize,
            Diagonal = _options.DiagonalCovariance,
            LowerBound = 0.0,
            UpperBound = 1.0,
        }, rng.Fork("sampling"));

        var evaluator = new ParallelFitness<Workspace>(_options.Workers,
            () => new Workspace(this, stage, layout, fixedFast), (w, genome) => w.Fitness(genome));
        var history = new double[generations];
        var fitness = new double[cma.PopulationSize];
        long evaluations = 0;
        for (int g = 0; g < generations; g++)
        {
            var candidates = cma.Ask();
            evaluator.Evaluate(candidates, fitness);
            cma.Tell(fitness);
            evaluations += candidates.Count;
            double genBest = double.PositiveInfinity;
            foreach (double f in fitness) genBest = Math.Min(genBest, f);
            history[g] = genBest;
            progress?.Report(new SnnTrainingProgress(stage, g + 1, generations, cma.BestFitness, genBest, cma.Sigma, evaluations));
        }

        var genome = cma.BestSolution.ToArray();
        var definition = layout.CreateDefinition();
        layout.Decode(genome, definition);
        return new SnnStageResult(stage, definition, genome, cma.BestFitness, generations, evaluations, history);
    }

    /// <summary>The fitness of one genome for a stage (sequential; for tests and diagnostics).</summary>
    public double Fitness(SnnTrainingStage stage, ReadOnlySpan<double> genome, LifNetworkDefinition? fixedFast = null)
    {
        var layout = new SnnPopulationLayout(SpecOf(stage));
        return new Workspace(this, stage, layout, fixedFast).Fitness(genome.ToArray());
    }

    private SnnPopulationSpec SpecOf(SnnTrainingStage stage) => stage switch
    {
        SnnTrainingStage.Fast => _options.Fast,
        SnnTrainingStage.Slow => _options.Slow,
        _ => _options.Single,
    };

    /// <summary>Per-worker scratch: networks, encoder, teacher, integrator.</summary>
    private sealed class Workspace
    {
        private readonly SnnTrainer _t;
        private readonly SnnTrainingStage _stage;
        private readonly SnnPopulationLayout _layout;
        private readonly LifNetworkDefinition _definition;
        private readonly LifNetwork _network;
        private readonly LifNetwork? _fast;
        private readonly SnnErrorEncoder _encoder;
        private readonly PidController _teacher;
        private readonly Rk4Integrator _integrator = new(2);
        private readonly double[] _x = new double[2], _state = new double[2], _input = new double[1], _measurement = new double[2], _reference = new double[1], _command = new double[1];

        public Workspace(SnnTrainer trainer, SnnTrainingStage stage, SnnPopulationLayout layout, LifNetworkDefinition? fixedFast)
        {
            _t = trainer;
            _stage = stage;
            _layout = layout;
            _definition = layout.CreateDefinition();
            _network = new LifNetwork(_definition);
            _fast = stage == SnnTrainingStage.Slow ? new LifNetwork(fixedFast!) : null;
            _encoder = trainer._options.CreateEncoder();
            _teacher = new PidController(trainer._options.Teacher, 2, 1, "teacher");
        }

        public double Fitness(double[] genome)
        {
            var o = _t._options;
            _layout.Decode(genome, _definition);
            _network.Load(_definition);
            double h = o.Loop.PeriodS;
            var period = SimTime.FromSeconds(h);
            double kp = o.Teacher.Kp;
            double imitation = 0.0, tracking = 0.0;
            long count = 0;
            for (int p = 0; p < _t._references.Length; p++)
            {
                double[] reference = _t._references[p], noise = _t._noise[p];
                _network.Reset();
                _fast?.Reset();
                _encoder.Reset();
                _teacher.Reset();
                _state[0] = o.Loop.InitialAltitudeM;
                _state[1] = 0.0;
                for (int k = 0; k < _t._steps; k++)
                {
                    double r = reference[k];
                    double y = _state[0] + noise[k];
                    _measurement[0] = y;
                    _measurement[1] = 0.0;
                    _reference[0] = r;
                    double integral = _teacher.IntegralTerm;
                    _teacher.Update(SimTime.Zero, period, _measurement, _reference, _command);
                    double uPid = _command[0];
                    _encoder.Encode(y, r, h, _x);
                    double a = _network.Step(_x);
                    double target, u;
                    switch (_stage)
                    {
                        case SnnTrainingStage.Fast:
                            target = kp * (r - y) + _teacher.DerivativeTerm;
                            u = a + integral;
                            break;
                        case SnnTrainingStage.Slow:
                            target = integral;
                            u = a + _fast!.Step(_x);
                            break;
                        default:
                            target = uPid;
                            u = a;
                            break;
                    }

                    u = Math.Clamp(u, o.Loop.ThrustMinN, o.Loop.ThrustMaxN);
                    double da = a - target, dz = _state[0] - r;
                    imitation += da * da;
                    tracking += dz * dz;
                    count++;
                    _input[0] = u;
                    _integrator.Step(_t._plant, k * h, h, _state, _input);
                    if (o.Loop.Floor && _state[0] < 0)
                    {
                        _state[0] = 0.0;
                        if (_state[1] < 0) _state[1] = 0.0;
                    }

                    if (!double.IsFinite(_state[0])) return double.PositiveInfinity;
                }
            }

            double j = o.ImitationWeight * imitation / (count * o.ThrustScaleN * o.ThrustScaleN)
                + o.TrackingWeight * tracking / (count * o.AltitudeScaleM * o.AltitudeScaleM);
            return double.IsFinite(j) ? j : double.PositiveInfinity;
        }
    }
}
