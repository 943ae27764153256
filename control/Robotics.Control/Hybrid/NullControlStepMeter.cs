namespace Robotics.Control.Hybrid;

/// <summary>A meter that measures nothing (tests).</summary>
public sealed class NullControlStepMeter : IControlStepMeter
{
    /// <summary>The shared instance.</summary>
    public static readonly NullControlStepMeter Instance = new();

    private NullControlStepMeter()
    {
    }

    /// <inheritdoc />
    public void BeginStep()
    {
    }

    /// <inheritdoc />
    public void EndStep()
    {
    }
}
