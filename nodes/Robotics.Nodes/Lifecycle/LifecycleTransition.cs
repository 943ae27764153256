namespace Robotics.Nodes.Lifecycle;

/// <summary>Transition ids of <c>lifecycle_msgs/msg/Transition</c> (requested ones and the callback outcomes).</summary>
public enum LifecycleTransition : byte
{
    /// <summary>TRANSITION_CREATE (0).</summary>
    Create = 0,

    /// <summary>TRANSITION_CONFIGURE (1): unconfigured -> inactive.</summary>
    Configure = 1,

    /// <summary>TRANSITION_CLEANUP (2): inactive -> unconfigured.</summary>
    Cleanup = 2,

    /// <summary>TRANSITION_ACTIVATE (3): inactive -> active.</summary>
    Activate = 3,

    /// <summary>TRANSITION_DEACTIVATE (4): active -> inactive (the hardware gets its safe command first).</summary>
    Deactivate = 4,

    /// <summary>TRANSITION_UNCONFIGURED_SHUTDOWN (5).</summary>
    UnconfiguredShutdown = 5,

    /// <summary>TRANSITION_INACTIVE_SHUTDOWN (6).</summary>
    InactiveShutdown = 6,

    /// <summary>TRANSITION_ACTIVE_SHUTDOWN (7).</summary>
    ActiveShutdown = 7,

    /// <summary>TRANSITION_DESTROY (8).</summary>
    Destroy = 8,

    /// <summary>TRANSITION_ON_CONFIGURE_SUCCESS (10).</summary>
    OnConfigureSuccess = 10,

    /// <summary>TRANSITION_ON_CONFIGURE_FAILURE (11).</summary>
    OnConfigureFailure = 11,

    /// <summary>TRANSITION_ON_CONFIGURE_ERROR (12).</summary>
    OnConfigureError = 12,

    /// <summary>TRANSITION_ON_CLEANUP_SUCCESS (20).</summary>
    OnCleanupSuccess = 20,

    /// <summary>TRANSITION_ON_CLEANUP_FAILURE (21).</summary>
    OnCleanupFailure = 21,

    /// <summary>TRANSITION_ON_CLEANUP_ERROR (22).</summary>
    OnCleanupError = 22,

    /// <summary>TRANSITION_ON_ACTIVATE_SUCCESS (30).</summary>
    OnActivateSuccess = 30,

    /// <summary>TRANSITION_ON_ACTIVATE_FAILURE (31).</summary>
    OnActivateFailure = 31,

    /// <summary>TRANSITION_ON_ACTIVATE_ERROR (32).</summary>
    OnActivateError = 32,

    /// <summary>TRANSITION_ON_DEACTIVATE_SUCCESS (40).</summary>
    OnDeactivateSuccess = 40,

    /// <summary>TRANSITION_ON_DEACTIVATE_FAILURE (41).</summary>
    OnDeactivateFailure = 41,

    /// <summary>TRANSITION_ON_DEACTIVATE_ERROR (42).</summary>
    OnDeactivateError = 42,

    /// <summary>TRANSITION_ON_SHUTDOWN_SUCCESS (50).</summary>
    OnShutdownSuccess = 50,

    /// <summary>TRANSITION_ON_SHUTDOWN_FAILURE (51).</summary>
    OnShutdownFailure = 51,

    /// <summary>TRANSITION_ON_SHUTDOWN_ERROR (52).</summary>
    OnShutdownError = 52,

    /// <summary>TRANSITION_ON_ERROR_SUCCESS (60).</summary>
    OnErrorSuccess = 60,

    /// <summary>TRANSITION_ON_ERROR_FAILURE (61).</summary>
    OnErrorFailure = 61,

    /// <summary>TRANSITION_ON_ERROR_ERROR (62).</summary>
    OnErrorError = 62,
}
