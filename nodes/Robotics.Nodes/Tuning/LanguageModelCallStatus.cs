namespace Robotics.Nodes.Tuning;

/// <summary>How a call to the language model ended. Anything but <see cref="Ok"/> means "no change".</summary>
public enum LanguageModelCallStatus
{
    /// <summary>A reply arrived.</summary>
    Ok,

    /// <summary>No model is configured.</summary>
    NotConfigured,

    /// <summary>A call is already in flight; requests never pile up.</summary>
    Busy,

    /// <summary>Every attempt timed out.</summary>
    Timeout,

    /// <summary>The circuit is open after repeated failures; no call was made.</summary>
    CircuitOpen,

    /// <summary>The server failed (HTTP error, connection refused, bad response) on every attempt.</summary>
    Failed,
}
