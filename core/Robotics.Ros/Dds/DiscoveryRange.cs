namespace Robotics.Ros.Dds;

/// <summary>
/// <c>ROS_AUTOMATIC_DISCOVERY_RANGE</c> (Iron and later; <c>rmw_automatic_discovery_range_t</c>): how far automatic
/// discovery reaches.
/// </summary>
public enum DiscoveryRange
{
    /// <summary>The default: multicast on the subnet, plus <c>ROS_STATIC_PEERS</c>.</summary>
    Subnet = 0,

    /// <summary>This host only: multicast off, <c>localhost</c> and <c>ROS_STATIC_PEERS</c> as unicast peers.</summary>
    Localhost,

    /// <summary>No automatic discovery: multicast off and a per-process discovery tag.</summary>
    Off,

    /// <summary>Leave Cyclone's own discovery configuration untouched (only <c>CYCLONEDDS_URI</c> applies).</summary>
    SystemDefault,
}
