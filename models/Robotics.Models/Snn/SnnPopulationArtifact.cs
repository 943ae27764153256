namespace Robotics.Models.Snn;

/// <summary>One LIF population of an <see cref="SnnArtifact"/> (plain arrays, JSON friendly).</summary>
/// <remarks>Per-neuron arrays have <see cref="Neurons"/> entries; <see cref="InputWeights"/> is row-major neurons x
/// inputs. The equations are those of <c>Robotics.Control.Snn.LifNetwork</c>.</remarks>
public sealed record SnnPopulationArtifact
{
    /// <summary>Population name (<c>pd</c>, <c>i</c>, <c>single</c>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Role, e.g. "fast: imitates the PID's P + D terms".</summary>
    public string Role { get; init; } = "";

    /// <summary>Number of neurons.</summary>
    public int Neurons { get; init; }

    /// <summary>Number of inputs (2: error, derivative).</summary>
    public int Inputs { get; init; }

    /// <summary>Current leak per neuron.</summary>
    public double[] CurrentLeak { get; init; } = [];

    /// <summary>Voltage leak per neuron.</summary>
    public double[] VoltageLeak { get; init; } = [];

    /// <summary>Threshold per neuron.</summary>
    public double[] Threshold { get; init; } = [];

    /// <summary>Bias current per neuron.</summary>
    public double[] Bias { get; init; } = [];

    /// <summary>Input weights, row-major neurons x inputs.</summary>
    public double[] InputWeights { get; init; } = [];

    /// <summary>Readout weight per neuron (N per spike).</summary>
    public double[] OutputWeights { get; init; } = [];

    /// <summary>Readout leak.</summary>
    public double ReadoutLeak { get; init; }

    /// <summary>Refractory steps.</summary>
    public int RefractorySteps { get; init; }

    /// <summary>Best fitness of the evolution stage that produced it.</summary>
    public double Fitness { get; init; }

    /// <summary>CMA-ES generations run.</summary>
    public int Generations { get; init; }

    /// <summary>Fitness evaluations run.</summary>
    public long Evaluations { get; init; }
}
