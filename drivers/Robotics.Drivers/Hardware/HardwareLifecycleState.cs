namespace Robotics.Drivers.Hardware;

/// <summary>
/// The lifecycle of a hardware component, as in ros2_control: unconfigured -> inactive (states readable,
/// commands refused) -> active (commands written) -> finalized.
/// </summary>
public enum HardwareLifecycleState : byte
{
    /// <summary>Created, not yet configured; no communication.</summary>
    Unconfigured,

    /// <summary>Configured: states can be read, commands are refused.</summary>
    Inactive,

    /// <summary>Active: states are read and commands are written.</summary>
    Active,

    /// <summary>Shut down; no further calls succeed.</summary>
    Finalized,
}
