using BenchmarkDotNet.Attributes;
using Robotics.Control.Snn;
using Robotics.Core.Randomness;
using Robotics.Core.Time;

namespace Robotics.Benchmarks.Snn;

/// <summary>
/// One control step of a 160-neuron spiking controller (issue 9 target: under 2 us, 0 B): the bare LIF population
/// step, and the full controller update (encoder + 120-neuron fast and 40-neuron slow populations + clamp).
/// Parameters are random in the evolution bounds; inputs sweep so that about a third of the neurons fire.
/// </summary>
[MemoryDiagnoser]
public class SnnStepBenchmarks
{
    private LifNetwork _network = null!;
    private SnnAltitudeController _controller = null!;
    private readonly double[] _x = new double[2];
    private readonly double[] _state = [1.0, 0.0], _reference = [1.5], _command = new double[1];
    private readonly SimTime _period = SimTime.FromSeconds(0.01);
    private int _k;

    private static LifNetworkDefinition Random(int neurons, ulong seed)
    {
        var rng = new Rng(seed);
        var d = new LifNetworkDefinition(neurons, 2) { ReadoutLeak = 0.9 };
        for (int n = 0; n < neurons; n++)
        {
            d.CurrentLeak[n] = rng.NextUniform(0, 0.99);
            d.VoltageLeak[n] = rng.NextUniform(0, 1);
            d.Threshold[n] = rng.NextUniform(0.8, 3);
            d.Bias[n] = rng.NextUniform(-0.2, 0.3);
            d.InputWeights[2 * n] = rng.NextUniform(-1.5, 1.5);
            d.InputWeights[2 * n + 1] = rng.NextUniform(-1.5, 1.5);
            d.OutputWeights[n] = rng.NextUniform(-0.02, 0.02);
        }

        return d;
    }

    /// <summary>Builds the networks and warms them up.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _network = new LifNetwork(Random(160, 1));
        _controller = new SnnAltitudeController([Random(120, 2), Random(40, 3)], new SnnErrorEncoder(0.5, 0.25, 0.2), 0.0, -0.1, 0.2);
        for (int i = 0; i < 1000; i++)
        {
            LifStep160();
            ControllerUpdate160();
        }
    }

    /// <summary>One step of a 160-neuron LIF population with leaky-integrator readout.</summary>
    [Benchmark(Baseline = true)]
    public double LifStep160()
    {
        _k = (_k + 1) & 1023;
        _x[0] = (_k - 512) * (1.0 / 512);
        _x[1] = 0.3;
        return _network.Step(_x);
    }

    /// <summary>One controller update: encode error and derivative, step 120 + 40 neurons, sum and clamp.</summary>
    [Benchmark]
    public double ControllerUpdate160()
    {
        _k = (_k + 1) & 1023;
        _state[0] = 1.0 + (_k - 512) * (1.0 / 1024);
        _controller.Update(SimTime.Zero, _period, _state, _reference, _command);
        return _command[0];
    }
}
