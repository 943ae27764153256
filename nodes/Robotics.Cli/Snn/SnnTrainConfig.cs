using Robotics.Control.Pid;
using Robotics.Control.Snn;
using Robotics.Sim.Plants;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Robotics.Cli.Snn;

/// <summary>The parsed <c>train-snn</c> configuration (see models/artifacts/blimp-snn.train.yaml for every field).</summary>
/// <param name="Name">Artifact name.</param>
/// <param name="Training">Trainer settings.</param>
/// <param name="Plant">Blimp parameters of the closed loop.</param>
/// <param name="BenchmarkSeeds">Noise seeds of the benchmark runs.</param>
/// <param name="BenchmarkProfiles">Benchmark reference profiles.</param>
/// <param name="Text">The configuration text (for provenance).</param>
public sealed record SnnTrainConfig(string Name, SnnTrainingOptions Training, BlimpParameters Plant, ulong[] BenchmarkSeeds,
    AltitudeProfile[] BenchmarkProfiles, string Text)
{
    /// <summary>Loads and validates a configuration file.</summary>
    /// <exception cref="SnnConfigException">The file is missing or a field is invalid.</exception>
    public static SnnTrainConfig Load(string path)
    {
        if (!File.Exists(path)) throw new SnnConfigException($"{path}: file not found; give a train-snn YAML config such as models/artifacts/blimp-snn.train.yaml.");
        string text = File.ReadAllText(path);
        return Parse(text, path);
    }

    /// <summary>Parses configuration text.</summary>
    /// <exception cref="SnnConfigException">A field is invalid.</exception>
    public static SnnTrainConfig Parse(string text, string source)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new SnnConfigException($"{source}:{e.Start.Line}: YAML syntax error: {e.Message}");
        }

        var rootNode = stream.Documents.Count > 0 ? stream.Documents[0].RootNode as YamlMappingNode : null;
        if (rootNode is null) throw new SnnConfigException($"{source}: the file must be a YAML mapping (name:, seed:, loop:, ...).");
        var root = new SnnConfigSection(rootNode, source, "");
        var d = new SnnTrainingOptions();
        string name = root.String("name", "blimp-snn");
        ulong seed = root.ULong("seed", 1);
        int workers = root.Int("workers", 1);

        var loopS = root.Section("loop");
        var loop = new AltitudeLoopSettings
        {
            PeriodS = loopS.Double("period_s", d.Loop.PeriodS),
            SensorNoiseStdM = loopS.Double("sensor_noise_std_m", d.Loop.SensorNoiseStdM),
            ThrustMinN = loopS.Double("thrust_min_n", d.Loop.ThrustMinN),
            ThrustMaxN = loopS.Double("thrust_max_n", d.Loop.ThrustMaxN),
            InitialAltitudeM = loopS.Double("initial_altitude_m", d.Loop.InitialAltitudeM),
        };
        loopS.RejectUnknown();

        var plantS = root.Section("plant");
        var p0 = new BlimpParameters();
        var plant = new BlimpParameters
        {
            MassKg = plantS.Double("mass_kg", p0.MassKg),
            AddedMassKg = plantS.Double("added_mass_kg", p0.AddedMassKg),
            NetWeightN = plantS.Double("net_weight_n", p0.NetWeightN),
            LinearDragNSPerM = plantS.Double("linear_drag_n_s_m", p0.LinearDragNSPerM),
            QuadraticDragNS2PerM2 = plantS.Double("quadratic_drag_n_s2_m2", p0.QuadraticDragNS2PerM2),
            ThrustDeadbandN = plantS.Double("thrust_deadband_n", p0.ThrustDeadbandN),
            ThrustMinN = plantS.Double("thrust_min_n", p0.ThrustMinN),
            ThrustMaxN = plantS.Double("thrust_max_n", p0.ThrustMaxN),
        };
        plantS.RejectUnknown();

        var teacherS = root.Section("teacher");
        var teacher = new PidParameters
        {
            Kp = teacherS.Double("kp", d.Teacher.Kp),
            Ki = teacherS.Double("ki", d.Teacher.Ki),
            Kd = teacherS.Double("kd", d.Teacher.Kd),
            DerivativeFilterTimeS = teacherS.Double("derivative_filter_time_s", d.Teacher.DerivativeFilterTimeS),
            OutputMin = loop.ThrustMinN,
            OutputMax = loop.ThrustMaxN,
        };
        teacherS.RejectUnknown();

        var enc = root.Section("encoder");
        double errorScale = enc.Double("error_scale_m", d.ErrorScaleM);
        double derivativeScale = enc.Double("derivative_scale_m_s", d.DerivativeScaleMS);
        double filter = enc.Double("derivative_filter_time_s", teacher.DerivativeFilterTimeS);
        enc.RejectUnknown();

        var prof = root.Section("profiles");
        int profiles = prof.Int("count", d.Profiles);
        double duration = prof.Double("duration_s", d.ProfileDurationS);
        double holdMin = prof.Double("hold_min_s", d.HoldMinS);
        double holdMax = prof.Double("hold_max_s", d.HoldMaxS);
        double altMin = prof.Double("altitude_min_m", d.AltitudeMinM);
        double altMax = prof.Double("altitude_max_m", d.AltitudeMaxM);
        prof.RejectUnknown();

        var fit = root.Section("fitness");
        double wImit = fit.Double("imitation_weight", d.ImitationWeight);
        double wTrack = fit.Double("tracking_weight", d.TrackingWeight);
        double thrustScale = fit.Double("thrust_scale_n", d.ThrustScaleN);
        double altitudeScale = fit.Double("altitude_scale_m", d.AltitudeScaleM);
        fit.RejectUnknown();

        var evo = root.Section("evolution");
        int? popSize = evo.NullableInt("population_size", d.PopulationSize);
        double sigma = evo.Double("initial_sigma", d.InitialSigma);
        bool diagonal = evo.Bool("diagonal", d.DiagonalCovariance);
        int fastGen = evo.Int("fast_generations", d.FastGenerations);
        int slowGen = evo.Int("slow_generations", d.SlowGenerations);
        int singleGen = evo.Int("single_generations", d.SingleGenerations);
        evo.RejectUnknown();

        var pops = root.Section("populations");
        var fast = ReadSpec(pops.Section("fast"), d.Fast);
        var slow = ReadSpec(pops.Section("slow"), d.Slow);
        var single = ReadSpec(pops.Section("single"), d.Single);
        pops.RejectUnknown();

        var bench = root.Section("benchmark");
        double[] seedValues = bench.Doubles("seeds", [101, 102, 103]);
        double stepFrom = bench.Double("step_from_m", 1.0);
        double stepUp = bench.Double("step_up_to_m", 1.5);
        double stepDown = bench.Double("step_down_to_m", 0.5);
        double stepTime = bench.Double("step_time_s", 5.0);
        double stepDuration = bench.Double("step_duration_s", 45.0);
        double[] levels = bench.Doubles("staircase_levels_m", [1.0, 1.25, 1.5, 1.75, 1.5, 1.0]);
        double stairHold = bench.Double("staircase_hold_s", 20.0);
        bench.RejectUnknown();
        root.RejectUnknown();

        var options = new SnnTrainingOptions
        {
            Seed = seed,
            Workers = workers,
            Loop = loop,
            Teacher = teacher,
            ErrorScaleM = errorScale,
            DerivativeScaleMS = derivativeScale,
            DerivativeFilterTimeS = filter,
            Profiles = profiles,
            ProfileDurationS = duration,
            HoldMinS = holdMin,
            HoldMaxS = holdMax,
            AltitudeMinM = altMin,
            AltitudeMaxM = altMax,
            ImitationWeight = wImit,
            TrackingWeight = wTrack,
            ThrustScaleN = thrustScale,
            AltitudeScaleM = altitudeScale,
            PopulationSize = popSize,
            InitialSigma = sigma,
            DiagonalCovariance = diagonal,
            FastGenerations = fastGen,
            SlowGenerations = slowGen,
            SingleGenerations = singleGen,
            Fast = fast,
            Slow = slow,
            Single = single,
        };

        AltitudeProfile[] benchProfiles;
        try
        {
            options.Validate();
            _ = new Blimp(plant);
            if (Math.Abs(stepFrom - loop.InitialAltitudeM) > 1e-12)
            {
                throw new ArgumentException($"benchmark.step_from_m = {stepFrom} must equal loop.initial_altitude_m = {loop.InitialAltitudeM} (runs start at rest there).");
            }

            if (levels.Length == 0 || Math.Abs(levels[0] - loop.InitialAltitudeM) > 1e-12)
            {
                throw new ArgumentException($"benchmark.staircase_levels_m must start at loop.initial_altitude_m = {loop.InitialAltitudeM}.");
            }

            benchProfiles =
            [
                AltitudeProfile.Step(stepFrom, stepUp, stepTime, stepDuration),
                AltitudeProfile.Step(stepFrom, stepDown, stepTime, stepDuration),
                AltitudeProfile.Staircase(levels, stairHold),
            ];
        }
        catch (ArgumentException e)
        {
            throw new SnnConfigException($"{source}: {e.Message}");
        }

        var seeds = new ulong[seedValues.Length];
        for (int i = 0; i < seeds.Length; i++)
        {
            if (seedValues[i] < 0 || seedValues[i] != Math.Floor(seedValues[i])) throw new SnnConfigException($"{source}: benchmark.seeds must be non-negative integers.");
            seeds[i] = (ulong)seedValues[i];
        }

        return new SnnTrainConfig(name, options, plant, seeds, benchProfiles, text);
    }

    private static SnnPopulationSpec ReadSpec(SnnConfigSection s, SnnPopulationSpec d)
    {
        var spec = new SnnPopulationSpec
        {
            Name = d.Name,
            Neurons = s.Int("neurons", d.Neurons),
            InputWeightMax = s.Double("input_weight_max", d.InputWeightMax),
            BiasMax = s.Double("bias_max", d.BiasMax),
            OutputWeightMax = s.Double("output_weight_max", d.OutputWeightMax),
            CurrentLeakMin = s.Double("current_leak_min", d.CurrentLeakMin),
            CurrentLeakMax = s.Double("current_leak_max", d.CurrentLeakMax),
            VoltageLeakMin = s.Double("voltage_leak_min", d.VoltageLeakMin),
            VoltageLeakMax = s.Double("voltage_leak_max", d.VoltageLeakMax),
            ThresholdMin = s.Double("threshold_min", d.ThresholdMin),
            ThresholdMax = s.Double("threshold_max", d.ThresholdMax),
            ReadoutLeakMin = s.Double("readout_leak_min", d.ReadoutLeakMin),
            ReadoutLeakMax = s.Double("readout_leak_max", d.ReadoutLeakMax),
            RefractorySteps = s.Int("refractory_steps", d.RefractorySteps),
        };
        s.RejectUnknown();
        return spec;
    }
}
