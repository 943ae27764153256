namespace Robotics.Nodes.Lifecycle;

/// <summary>What a transition callback returns (rclcpp_lifecycle's <c>CallbackReturn</c>).</summary>
public enum LifecycleCallbackResult : byte
{
    /// <summary>The transition completes (goal state reached).</summary>
    Success = 0,

    /// <summary>The transition is refused; the node returns to the start state.</summary>
    Failure = 1,

    /// <summary>The callback failed badly; the node goes through ErrorProcessing.</summary>
    Error = 2,
}
