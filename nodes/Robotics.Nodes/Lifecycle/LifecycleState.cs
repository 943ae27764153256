namespace Robotics.Nodes.Lifecycle;

/// <summary>
/// States of a ROS 2 managed (lifecycle) node, numbered as <c>lifecycle_msgs/msg/State</c>: four primary states and
/// six transition states the node passes through while a transition callback runs.
/// </summary>
public enum LifecycleState : byte
{
    /// <summary>PRIMARY_STATE_UNKNOWN (0).</summary>
    Unknown = 0,

    /// <summary>PRIMARY_STATE_UNCONFIGURED (1): created, nothing built.</summary>
    Unconfigured = 1,

    /// <summary>PRIMARY_STATE_INACTIVE (2): configured; the loop reads and publishes but does not command the hardware.</summary>
    Inactive = 2,

    /// <summary>PRIMARY_STATE_ACTIVE (3): the loop commands the hardware.</summary>
    Active = 3,

    /// <summary>PRIMARY_STATE_FINALIZED (4): shut down; the node only waits to be destroyed.</summary>
    Finalized = 4,

    /// <summary>TRANSITION_STATE_CONFIGURING (10).</summary>
    Configuring = 10,

    /// <summary>TRANSITION_STATE_CLEANINGUP (11).</summary>
    CleaningUp = 11,

    /// <summary>TRANSITION_STATE_SHUTTINGDOWN (12).</summary>
    ShuttingDown = 12,

    /// <summary>TRANSITION_STATE_ACTIVATING (13).</summary>
    Activating = 13,

    /// <summary>TRANSITION_STATE_DEACTIVATING (14).</summary>
    Deactivating = 14,

    /// <summary>TRANSITION_STATE_ERRORPROCESSING (15).</summary>
    ErrorProcessing = 15,
}
