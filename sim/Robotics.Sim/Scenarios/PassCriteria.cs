namespace Robotics.Sim.Scenarios;

/// <summary>Pass/fail thresholds of a scenario; a null threshold is not checked.</summary>
public sealed record PassCriteria
{
    /// <summary>Largest allowed tracking RMSE.</summary>
    public double? RmseMax { get; init; }

    /// <summary>Largest allowed tracking error magnitude at any tick.</summary>
    public double? MaxAbsErrorMax { get; init; }

    /// <summary>Largest allowed mean tracking error magnitude over the last second.</summary>
    public double? FinalAbsErrorMax { get; init; }

    /// <summary>Largest allowed control effort (sum of |u|^2 dt).</summary>
    public double? ControlEffortMax { get; init; }

    /// <summary>Largest allowed number of ticks that wrote the safe command.</summary>
    public long? SafeCommandTicksMax { get; init; }

    /// <summary>Bounds the true state must respect at every tick.</summary>
    public IReadOnlyList<StateBound> StateBounds { get; init; } = [];
}
