namespace Robotics.Ros.Transport;

/// <summary>Durability QoS policy (<c>rmw_qos_durability_policy_e</c>; same numeric values).</summary>
public enum DurabilityPolicy
{
    /// <summary>Implementation default (VOLATILE).</summary>
    SystemDefault = 0,

    /// <summary>The writer keeps its last <see cref="QosProfile.Depth"/> samples for late-joining readers.</summary>
    TransientLocal = 1,

    /// <summary>No samples for late joiners. A VOLATILE writer does not match a TRANSIENT_LOCAL reader.</summary>
    Volatile = 2,

    /// <summary>Unknown (reported for remote endpoints whose policy could not be read).</summary>
    Unknown = 3,
}
