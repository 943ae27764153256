namespace Robotics.Drivers.Serial;

/// <summary>What a <see cref="RigLinkEvent"/> reports.</summary>
public enum RigLinkEventKind
{
    /// <summary>The connection state changed.</summary>
    StateChanged = 0,

    /// <summary>One connect attempt failed (the pipeline may retry).</summary>
    AttemptFailed = 1,

    /// <summary>The circuit breaker opened: attempts are refused for the break duration.</summary>
    CircuitOpened = 2,

    /// <summary>The circuit breaker closed again.</summary>
    CircuitClosed = 3,

    /// <summary>The firmware reported a fault.</summary>
    Fault = 4,
}
