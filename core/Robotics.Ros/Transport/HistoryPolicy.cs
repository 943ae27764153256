namespace Robotics.Ros.Transport;

/// <summary>History QoS policy (<c>rmw_qos_history_policy_e</c>; same numeric values).</summary>
public enum HistoryPolicy
{
    /// <summary>Implementation default (KEEP_LAST with depth 1 on Cyclone DDS).</summary>
    SystemDefault = 0,

    /// <summary>Keep the last <see cref="QosProfile.Depth"/> samples.</summary>
    KeepLast = 1,

    /// <summary>Keep all samples (within resource limits).</summary>
    KeepAll = 2,

    /// <summary>Unknown (reported for remote endpoints whose policy could not be read).</summary>
    Unknown = 3,
}
