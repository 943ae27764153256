using BenchmarkDotNet.Attributes;
using Robotics.Control.Mpc;
using Robotics.Control.Mpc.Costs;
using Robotics.Control.Mpc.Models;
using Robotics.Core.Randomness;
using Robotics.Core.Time;
using Robotics.Models.Artifacts;
using Robotics.Models.Dynamics;
using Robotics.Sim.Plants;

namespace Robotics.Benchmarks.Mpc;

/// <summary>
/// The MPPI benchmark: one plan (sample 1000 x 56 noise, 1000 batched rollouts of 56 steps, cost terms,
/// softmax update, smoothing, warm-start shift) per call of <c>Update</c>. Targets: with a 2x64 MLP dynamics model
/// &gt;= 100 plans/s, with the analytic kinematic bicycle &gt;= 200 plans/s, 0 B allocated per plan.
/// </summary>
/// <remarks>
/// <para>Models: the analytic kinematic bicycle as <see cref="KinematicBicycleDynamics"/> (explicit Euler at dt 0.05 s, the
/// integration Nav2's motion models use) and as the simulator plant through <see cref="AnalyticDynamicsModel"/> (one RK4
/// step = 4 derivative evaluations, 12 trig calls); the
/// committed <c>msd-mlp</c> artifact (trained 3-64-64-2 ReLU MLP, mass-spring-damper, dt 0.02 s); and a bicycle-sized
/// 6-64-64-4 ReLU MLP with seeded random weights (same cost per step as a trained one: the kernels skip zero ReLU
/// outputs either way, and roughly half are zero).</para>
/// <para>Cost terms as in Nav2's default critic set: goal (running + terminal), control effort, control rate, soft
/// state bounds, and for the planar models obstacle distance with 5 discs.</para>
/// </remarks>
[MemoryDiagnoser]
public class MppiBenchmarks
{
    /// <summary>Samples per plan.</summary>
    public const int Batch = 1000;

    /// <summary>Plan steps.</summary>
    public const int Steps = 56;

    private static readonly SimTime Period = SimTime.FromMilliseconds(50);
    private MppiController _bicycle = null!, _bicycleRk4 = null!, _msdMlp = null!, _bicycleMlp = null!, _msdMlpPerSample = null!, _bicycleMlpPerSample = null!;
    private CemController _cemBicycle = null!;
    private readonly double[] _bicycleState = [0.0, 0.0, 0.0, 1.0];
    private readonly double[] _bicycleGoal = [5.0, 2.0, 0.0, 1.0];
    private readonly double[] _msdState = [0.1, 0.0];
    private readonly double[] _msdGoal = [0.3, 0.0];
    private readonly double[] _command2 = new double[2];
    private readonly double[] _command1 = new double[1];
    private long _tick;

    /// <summary>Builds the three controllers and runs each a few plans (JIT, warm start).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var plant = new KinematicBicycle();
        var analytic = new AnalyticDynamicsModel(plant, 0.05, plant.StateNames, plant.InputNames);
        _bicycle = new MppiController(new KinematicBicycleDynamics(0.05), BicycleOptions(), BicycleCosts(), new Rng(1));
        _bicycleRk4 = new MppiController(analytic, BicycleOptions(), BicycleCosts(), new Rng(1));
        _cemBicycle = new CemController(new KinematicBicycleDynamics(0.05), BicycleOptions() with { EliteCount = 50 }, BicycleCosts(), new Rng(1));
        _bicycleMlp = new MppiController(RandomBicycleMlp(), BicycleOptions(), BicycleCosts(), new Rng(1));

        var msd = ModelLoader.Load(ArtifactPath("models/artifacts/msd-mlp.model.json"));
        _msdMlp = new MppiController(msd, MsdOptions(), MsdCosts(), new Rng(1));
        _msdMlpPerSample = new MppiController(new PerSampleModel(ModelLoader.Load(ArtifactPath("models/artifacts/msd-mlp.model.json"))), MsdOptions(), MsdCosts(), new Rng(1));
        _bicycleMlpPerSample = new MppiController(new PerSampleModel(RandomBicycleMlp()), BicycleOptions(), BicycleCosts(), new Rng(1));

        for (int i = 0; i < 5; i++)
        {
            PlanBicycleAnalytic();
            PlanBicycleRk4();
            PlanMsdMlp();
            PlanBicycleMlp();
            PlanMsdMlpPerSample();
            PlanBicycleMlpPerSample();
            CemPlanBicycleAnalytic();
        }
    }

    /// <summary>MPPI, 1000 x 56, analytic kinematic bicycle, Euler (target &gt;= 200 plans/s).</summary>
    [Benchmark(Baseline = true)]
    public double PlanBicycleAnalytic()
    {
        _bicycle.Update(Period * _tick++, Period, _bicycleState, _bicycleGoal, _command2);
        return _command2[0];
    }

    /// <summary>MPPI, 1000 x 56, the simulator's kinematic bicycle plant through the generic RK4 <see cref="AnalyticDynamicsModel"/>.</summary>
    [Benchmark]
    public double PlanBicycleRk4()
    {
        _bicycleRk4.Update(Period * _tick++, Period, _bicycleState, _bicycleGoal, _command2);
        return _command2[0];
    }

    /// <summary>MPPI, 1000 x 56, trained 2x64 MLP (msd-mlp, 2 states, 1 input; target &gt;= 100 plans/s).</summary>
    [Benchmark]
    public double PlanMsdMlp()
    {
        _msdMlp.Update(Period * _tick++, Period, _msdState, _msdGoal, _command1);
        return _command1[0];
    }

    /// <summary>MPPI, 1000 x 56, bicycle-sized 2x64 MLP (4 states, 2 inputs; target &gt;= 100 plans/s).</summary>
    [Benchmark]
    public double PlanBicycleMlp()
    {
        _bicycleMlp.Update(Period * _tick++, Period, _bicycleState, _bicycleGoal, _command2);
        return _command2[0];
    }

    /// <summary>As <see cref="PlanMsdMlp"/>, but the model steps sample by sample (the path before the batched <c>MlpDynamicsModel.StepBatch</c>).</summary>
    [Benchmark]
    public double PlanMsdMlpPerSample()
    {
        _msdMlpPerSample.Update(Period * _tick++, Period, _msdState, _msdGoal, _command1);
        return _command1[0];
    }

    /// <summary>As <see cref="PlanBicycleMlp"/>, but the model steps sample by sample.</summary>
    [Benchmark]
    public double PlanBicycleMlpPerSample()
    {
        _bicycleMlpPerSample.Update(Period * _tick++, Period, _bicycleState, _bicycleGoal, _command2);
        return _command2[0];
    }

    /// <summary>CEM, 1000 x 56, one iteration, analytic bicycle (Euler), for comparison with MPPI.</summary>
    [Benchmark]
    public double CemPlanBicycleAnalytic()
    {
        _cemBicycle.Update(Period * _tick++, Period, _bicycleState, _bicycleGoal, _command2);
        return _command2[0];
    }

    private static SamplingMpcOptions BicycleOptions() => new()
    {
        BatchSize = Batch, Horizon = Steps, Temperature = 0.3, NoiseStd = [0.5, 0.2],
        ControlMin = [-3.0, -0.4189], ControlMax = [3.0, 0.4189], Smoothing = 0.1,
    };

    private static SamplingMpcOptions MsdOptions() => new()
    {
        BatchSize = Batch, Horizon = Steps, Temperature = 0.3, NoiseStd = [2.0], ControlMin = [-10.0], ControlMax = [10.0],
    };

    private static ICostTerm[] MsdCosts() =>
    [
        new GoalCost { StateWeights = [10.0, 0.1] },
        new ControlEffortCost { Weight = 0.001 },
        new ControlRateCost { Weight = 0.001 },
        new StateBoundsCost { StateIndices = [0], Lower = [-1.0], Upper = [1.0] },
    ];

    // Hides the model's own StepBatch: the interface's default loop steps sample by sample (the pre-batching path).
    private sealed class PerSampleModel(IDynamicsModel inner) : IDynamicsModel
    {
        public int StateSize => inner.StateSize;

        public int InputSize => inner.InputSize;

        public int LatentSize => inner.LatentSize;

        public double TimeStep => inner.TimeStep;

        public IReadOnlyList<string> StateNames => inner.StateNames;

        public IReadOnlyList<string> InputNames => inner.InputNames;

        public void Step(ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> nextState) => inner.Step(state, input, nextState);
    }

    private static ICostTerm[] BicycleCosts() =>
    [
        new GoalCost { StateWeights = [1.0, 1.0, 0.1, 0.1], AngleIndices = [2], TerminalFactor = 5.0 },
        new ControlEffortCost { Weight = 0.01 },
        new ControlRateCost { Weight = 0.1 },
        new StateBoundsCost { StateIndices = [3], Lower = [-0.5], Upper = [2.0] },
        new ObstacleCost { Obstacles = [2.0, 1.0, 0.3, 3.0, 0.0, 0.3, 4.0, 2.5, 0.4, 1.0, -1.0, 0.2, 3.5, 1.5, 0.2] },
    ];

    // A 6-64-64-4 ReLU MLP with weights N(0, 1/fan_in) from a fixed seed; outputs scaled to small state changes.
    private static IDynamicsModel RandomBicycleMlp()
    {
        int[] sizes = [6, 64, 64, 4];
        var rng = new Rng(2026);
        var weights = new List<float>();
        var tensors = new List<TensorInfo>();
        for (int l = 0; l < 3; l++)
        {
            int fanIn = sizes[l], fanOut = sizes[l + 1];
            tensors.Add(new TensorInfo($"{2 * l}.weight", [fanOut, fanIn], weights.Count, fanOut * fanIn));
            for (int i = 0; i < fanOut * fanIn; i++) weights.Add((float)(rng.NextGaussian() / Math.Sqrt(fanIn)));
            tensors.Add(new TensorInfo($"{2 * l}.bias", [fanOut], weights.Count, fanOut));
            for (int i = 0; i < fanOut; i++) weights.Add((float)(0.1 * rng.NextGaussian()));
        }

        var metadata = new ModelMetadata
        {
            Name = "bicycle-random-mlp",
            Family = ModelFamily.Mlp,
            DtS = 0.05,
            State = [new("x_m", "m"), new("y_m", "m"), new("yaw_rad", "rad"), new("speed_m_s", "m/s")],
            Inputs = [new("acceleration_m_s2", "m/s^2"), new("steering_angle_rad", "rad")],
            Normalization = new NormalizationInfo([0, 0, 0, 1, 0, 0], [3, 3, 1, 1, 1, 0.2], [0, 0, 0, 0], [0.05, 0.05, 0.02, 0.05]),
            Architecture = new ArchitectureInfo([64, 64], "relu"),
            Tensors = tensors,
        };
        return ModelLoader.Create(new ModelArtifact(metadata, [.. weights]));
    }

    private static string ArtifactPath(string relative)
    {
        var starts = new[] { Environment.GetEnvironmentVariable("ROBOTICS_REPO_ROOT"), Environment.CurrentDirectory, AppContext.BaseDirectory };
        foreach (string? start in starts)
        {
            for (string? dir = start; !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            {
                string candidate = Path.Combine(dir, relative);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new FileNotFoundException($"Could not find {relative} above the working directory; set ROBOTICS_REPO_ROOT to the repository root.");
    }
}
