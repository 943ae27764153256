using BenchmarkDotNet.Attributes;
using Robotics.Sim.Scenarios;

namespace Robotics.Benchmarks;

/// <summary>
/// Simulator throughput on one core: ten simulated seconds of the 1 kHz mass-spring-damper + PID loop per
/// operation. The RealTimeFactor column is 10 s divided by the mean time of one operation.
/// </summary>
[MemoryDiagnoser]
public class SimulatorThroughputBenchmarks
{
    /// <summary>Simulated seconds per operation.</summary>
    public const double SimulatedSeconds = 10.0;

    private MsdPidLoop _loop = null!;
    private Scenario _scenario = null!;

    /// <summary>Builds the loop and parses the scenario.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _loop = new MsdPidLoop();
        _scenario = ScenarioLoader.Parse(ScenarioYaml, "benchmark.yaml");
    }

    /// <summary>The msd-pid scenario (as in sim/scenarios/msd-pid.yaml, without the dropout), 10 s at 1 kHz.</summary>
    private const string ScenarioYaml = """
        name: msd-pid-benchmark
        seed: 1
        rate_hz: 1000
        duration_s: 10
        plant:
          type: mass_spring_damper
          parameters: { mass_kg: 1.0, stiffness_n_m: 20.0, damping_n_s_m: 0.5 }
        hardware:
          sensor_noise_std: [1.0e-4, 0.0]
          command_min: [-50]
          command_max: [50]
        controller:
          type: pid
          parameters: { kp: 200.0, ki: 400.0, kd: 30.0, derivative_filter_time_s: 0.002, output_min: -50, output_max: 50 }
        reference:
          type: step
          parameters: { initial_value: 0.0, final_value: 0.5, step_time_s: 1.0 }
        tracking:
          - { state: position_m, reference: 0 }
        """;

    /// <summary>Baseline: the same number of plant RK4 steps without the loop around them.</summary>
    [Benchmark(Baseline = true)]
    public double PlantOnly10s()
    {
        Span<double> state = [0.01, 0.0];
        ReadOnlySpan<double> input = [1.0];
        for (int i = 0; i < 10_000; i++) _loop.Plant.Advance(0.0, 0.001, state, input);
        return state[0];
    }

    /// <summary>10 s of simulated closed loop at 1 kHz (10,000 ticks).</summary>
    [Benchmark]
    public long ClosedLoop10s()
    {
        for (int i = 0; i < 10_000; i++) _loop.Step();
        return _loop.Loop.TickCount;
    }

    /// <summary>
    /// What <c>robotics sim run</c> does after parsing: build plant, hardware, controller and loop, run 10,000 ticks
    /// with the recorder (SHA-256 trace hash and metrics), evaluate the criteria.
    /// </summary>
    [Benchmark]
    public long ScenarioRunner10s() => ScenarioRunner.Run(_scenario).Ticks;
}
