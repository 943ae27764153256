using Robotics.Models.Snn;

namespace Robotics.Control.Snn;

/// <summary>Converts between <see cref="LifNetworkDefinition"/> / <see cref="SnnAltitudeController"/> and the
/// JSON artifact types of <see cref="Robotics.Models.Snn"/>.</summary>
public static class SnnArtifactConversion
{
    /// <summary>The artifact form of a population.</summary>
    public static SnnPopulationArtifact ToArtifact(LifNetworkDefinition d, string name, string role, double fitness = 0, int generations = 0, long evaluations = 0)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new SnnPopulationArtifact
        {
            Name = name,
            Role = role,
            Neurons = d.NeuronCount,
            Inputs = d.InputCount,
            CurrentLeak = [.. d.CurrentLeak],
            VoltageLeak = [.. d.VoltageLeak],
            Threshold = [.. d.Threshold],
            Bias = [.. d.Bias],
            InputWeights = [.. d.InputWeights],
            OutputWeights = [.. d.OutputWeights],
            ReadoutLeak = d.ReadoutLeak,
            RefractorySteps = d.RefractorySteps,
            Fitness = fitness,
            Generations = generations,
            Evaluations = evaluations,
        };
    }

    /// <summary>The network definition of an artifact population (validated).</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public static LifNetworkDefinition ToDefinition(SnnPopulationArtifact p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var d = new LifNetworkDefinition(p.Neurons, p.Inputs) { ReadoutLeak = p.ReadoutLeak, RefractorySteps = p.RefractorySteps };
        p.CurrentLeak.CopyTo(d.CurrentLeak, 0);
        p.VoltageLeak.CopyTo(d.VoltageLeak, 0);
        p.Threshold.CopyTo(d.Threshold, 0);
        p.Bias.CopyTo(d.Bias, 0);
        p.InputWeights.CopyTo(d.InputWeights, 0);
        p.OutputWeights.CopyTo(d.OutputWeights, 0);
        d.Validate();
        return d;
    }

    /// <summary>The controller of an artifact: its summed populations, or (with <paramref name="baseline"/>) the
    /// one-population baseline.</summary>
    /// <exception cref="ArgumentException">The baseline is requested but absent, or a value is invalid.</exception>
    public static SnnAltitudeController CreateController(SnnArtifact artifact, bool baseline = false, int stateSize = 2, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        SnnPopulationArtifact[] populations;
        if (baseline)
        {
            populations = artifact.Baseline is { } b ? [b] : throw new ArgumentException($"SNN artifact '{artifact.Name}' has no one-population baseline.", nameof(baseline));
        }
        else
        {
            populations = artifact.Controller;
        }

        var definitions = new LifNetworkDefinition[populations.Length];
        for (int i = 0; i < populations.Length; i++) definitions[i] = ToDefinition(populations[i]);
        var encoder = new SnnErrorEncoder(artifact.ErrorScaleM, artifact.DerivativeScaleMS, artifact.DerivativeFilterTimeS);
        return new SnnAltitudeController(definitions, encoder, artifact.OutputOffset, artifact.OutputMin, artifact.OutputMax, stateSize,
            name: name ?? (baseline ? "snn_single" : "snn"));
    }
}
