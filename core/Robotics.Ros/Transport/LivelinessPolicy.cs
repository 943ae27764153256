namespace Robotics.Ros.Transport;

/// <summary>Liveliness QoS policy (<c>rmw_qos_liveliness_policy_e</c>; same numeric values).</summary>
public enum LivelinessPolicy
{
    /// <summary>Implementation default (AUTOMATIC).</summary>
    SystemDefault = 0,

    /// <summary>The participant asserts liveliness automatically.</summary>
    Automatic = 1,

    /// <summary>The writer asserts liveliness explicitly (publishing counts).</summary>
    ManualByTopic = 3,

    /// <summary>Unknown (reported for remote endpoints whose policy could not be read).</summary>
    Unknown = 4,
}
