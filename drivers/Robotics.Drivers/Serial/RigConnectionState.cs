namespace Robotics.Drivers.Serial;

/// <summary>The connection state a <see cref="RigSupervisor"/> publishes.</summary>
public enum RigConnectionState
{
    /// <summary>Not started, or stopped.</summary>
    Stopped = 0,

    /// <summary>First connection attempt(s) in progress.</summary>
    Connecting = 1,

    /// <summary>Handshake done; samples flow.</summary>
    Connected = 2,

    /// <summary>The link just went away (hang-up, I/O error, receive timeout); about to reconnect.</summary>
    Lost = 3,

    /// <summary>Reconnecting through the retry/circuit-breaker pipeline.</summary>
    Reconnecting = 4,

    /// <summary>The pipeline gave up (or the rig is incompatible); a new round starts after the offline retry interval.</summary>
    Offline = 5,
}
