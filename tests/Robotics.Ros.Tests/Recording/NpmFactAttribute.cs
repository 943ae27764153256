namespace Robotics.Ros.Tests.Recording;

/// <summary>A fact skipped, with the reason, when node/npm are missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class NpmFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when node or npm is absent.</summary>
    public NpmFactAttribute()
    {
        if (NpmOracle.SkipReason is { } reason) Skip = reason;
    }
}
