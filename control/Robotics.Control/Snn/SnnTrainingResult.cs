namespace Robotics.Control.Snn;

/// <summary>The evolved networks of <see cref="SnnTrainer.Train"/>.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Fast">The fast (P + D) population.</param>
/// <param name="Slow">The slow (integral) population.</param>
/// <param name="Single">The one-population baseline, or null when skipped.</param>
public sealed record SnnTrainingResult(SnnTrainingOptions Options, SnnStageResult Fast, SnnStageResult Slow, SnnStageResult? Single)
{
    /// <summary>The combined controller (fast + slow populations).</summary>
    public SnnAltitudeController CreateCombinedController() =>
        new([Fast.Definition, Slow.Definition], Options.CreateEncoder(), 0.0, Options.Loop.ThrustMinN, Options.Loop.ThrustMaxN, name: "snn_combined");

    /// <summary>The one-population baseline controller, or null.</summary>
    public SnnAltitudeController? CreateSingleController() => Single is null ? null :
        new([Single.Definition], Options.CreateEncoder(), 0.0, Options.Loop.ThrustMinN, Options.Loop.ThrustMaxN, name: "snn_single");
}
