namespace Robotics.Models.Training.Configuration;

/// <summary>The <c>validation:</c> section.</summary>
public sealed class ValidationSection
{
    /// <summary>Open-loop horizon H in steps for the H-step error.</summary>
    public int HorizonSteps { get; set; } = 50;
}
