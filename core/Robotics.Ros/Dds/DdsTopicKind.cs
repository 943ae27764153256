namespace Robotics.Ros.Dds;

/// <summary>What a DDS topic carries, judged by its name prefix (see <see cref="DdsNames"/>).</summary>
public enum DdsTopicKind
{
    /// <summary>Not a ROS name (no <c>rt/</c>, <c>rq/</c> or <c>rr/</c> prefix), e.g. <c>ros_discovery_info</c>.</summary>
    Other = 0,

    /// <summary>A ROS topic (<c>rt/</c>).</summary>
    Topic,

    /// <summary>Service requests (<c>rq/…Request</c>).</summary>
    Request,

    /// <summary>Service replies (<c>rr/…Reply</c>).</summary>
    Reply,
}
