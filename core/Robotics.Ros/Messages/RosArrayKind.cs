namespace Robotics.Ros.Messages;

/// <summary>How a ROS 2 field is repeated.</summary>
public enum RosArrayKind
{
    /// <summary>A single value.</summary>
    None,
    /// <summary>A fixed-size array <c>T[N]</c> (C# array whose length must be exactly N).</summary>
    Fixed,
    /// <summary>A bounded sequence <c>T[&lt;=N]</c> (C# array of length at most N).</summary>
    Bounded,
    /// <summary>An unbounded sequence <c>T[]</c> (C# array).</summary>
    Unbounded,
}
