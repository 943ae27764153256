using BenchmarkDotNet.Attributes;

namespace Robotics.Benchmarks;

/// <summary>
/// One control tick of mass-spring-damper + PID, against the cost of one RK4 step of the plant alone
/// (the baseline). The tick must allocate 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class ControlTickBenchmarks
{
    private MsdPidLoop _loop = null!;
    private readonly double[] _state = [0.01, 0.0];
    private readonly double[] _input = [1.0];

    /// <summary>Builds the loop and warms it past the reference step.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _loop = new MsdPidLoop();
        for (int i = 0; i < 2000; i++) _loop.Step();
    }

    /// <summary>Baseline: one RK4 step of the plant (4 derivative evaluations).</summary>
    [Benchmark(Baseline = true)]
    public double PlantRk4Step()
    {
        _loop.Plant.Advance(0.0, 0.001, _state, _input);
        return _state[0];
    }

    /// <summary>One full tick: clock advance, SimHardware read (integrate + noise), reference, PID, write.</summary>
    [Benchmark]
    public int ControlTick() => (int)_loop.Step();
}
