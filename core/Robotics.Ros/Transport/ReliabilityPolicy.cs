namespace Robotics.Ros.Transport;

/// <summary>Reliability QoS policy (<c>rmw_qos_reliability_policy_e</c>; same numeric values).</summary>
public enum ReliabilityPolicy
{
    /// <summary>Implementation default (treated as RELIABLE for readers' matching purposes only if the DDS default says so).</summary>
    SystemDefault = 0,

    /// <summary>Guaranteed delivery (retransmission).</summary>
    Reliable = 1,

    /// <summary>Samples may be lost. A BEST_EFFORT writer does not match a RELIABLE reader.</summary>
    BestEffort = 2,

    /// <summary>Unknown (reported for remote endpoints whose policy could not be read).</summary>
    Unknown = 3,
}
