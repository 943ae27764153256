namespace Robotics.Ros.Tests.Messages.Golden;

/// <summary>A theory that is skipped, with the reason, when Cyclone DDS's library cannot be loaded.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class CycloneTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when libddsc is absent.</summary>
    public CycloneTheoryAttribute()
    {
        if (CycloneCdr.SkipReason is { } reason)
        {
            Skip = reason;
        }
    }
}
