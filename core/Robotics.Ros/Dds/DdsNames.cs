namespace Robotics.Ros.Dds;

/// <summary>
/// How rmw_cyclonedds_cpp names ROS entities in DDS (<c>make_fqtopic()</c> in <c>rmw_node.cpp</c> and
/// <c>demangle.cpp</c>): topics <c>rt/&lt;name&gt;</c>, service requests <c>rq/&lt;name&gt;Request</c>, replies
/// <c>rr/&lt;name&gt;Reply</c>; types <c>&lt;pkg&gt;::msg::dds_::&lt;Type&gt;_</c>.
/// </summary>
public static class DdsNames
{
    /// <summary>Prefix of ROS topics.</summary>
    public const string TopicPrefix = "rt";

    /// <summary>Prefix of service request topics.</summary>
    public const string RequestPrefix = "rq";

    /// <summary>Prefix of service reply topics.</summary>
    public const string ReplyPrefix = "rr";

    /// <summary>The graph topic (no prefix: rmw creates it with <c>avoid_ros_namespace_conventions</c>).</summary>
    public const string DiscoveryInfoTopic = "ros_discovery_info";

    /// <summary>DDS topic of the ROS topic <paramref name="rosName"/> (fully qualified, e.g. <c>/ns/chatter</c>).</summary>
    /// <param name="rosName">Fully qualified ROS name starting with '/'.</param>
    /// <returns><c>rt/ns/chatter</c>.</returns>
    public static string Topic(string rosName) => TopicPrefix + rosName;

    /// <summary>DDS topic carrying the requests of service <paramref name="serviceName"/>.</summary>
    /// <param name="serviceName">Fully qualified service name.</param>
    /// <returns><c>rq/&lt;name&gt;Request</c>.</returns>
    public static string Request(string serviceName) => RequestPrefix + serviceName + "Request";

    /// <summary>DDS topic carrying the replies of service <paramref name="serviceName"/>.</summary>
    /// <param name="serviceName">Fully qualified service name.</param>
    /// <returns><c>rr/&lt;name&gt;Reply</c>.</returns>
    public static string Reply(string serviceName) => ReplyPrefix + serviceName + "Reply";

    /// <summary>Splits a DDS topic name into the ROS name and what it carries, as rmw_cyclonedds demangles it.</summary>
    /// <param name="ddsTopic">The DDS topic name.</param>
    /// <param name="rosName">The ROS topic or service name (e.g. <c>/chatter</c>), or the DDS name when not a ROS name.</param>
    /// <param name="kind">Topic, request or reply.</param>
    /// <returns>True when the name follows the ROS conventions.</returns>
    public static bool TryDemangleTopic(string ddsTopic, out string rosName, out DdsTopicKind kind)
    {
        ArgumentNullException.ThrowIfNull(ddsTopic);
        if (HasPrefix(ddsTopic, TopicPrefix))
        {
            rosName = ddsTopic.Substring(TopicPrefix.Length);
            kind = DdsTopicKind.Topic;
            return true;
        }

        if (HasPrefix(ddsTopic, RequestPrefix) && ddsTopic.EndsWith("Request", StringComparison.Ordinal))
        {
            rosName = ddsTopic.Substring(RequestPrefix.Length, ddsTopic.Length - RequestPrefix.Length - "Request".Length);
            kind = DdsTopicKind.Request;
            return true;
        }

        if (HasPrefix(ddsTopic, ReplyPrefix) && ddsTopic.EndsWith("Reply", StringComparison.Ordinal))
        {
            rosName = ddsTopic.Substring(ReplyPrefix.Length, ddsTopic.Length - ReplyPrefix.Length - "Reply".Length);
            kind = DdsTopicKind.Reply;
            return true;
        }

        rosName = ddsTopic;
        kind = DdsTopicKind.Other;
        return false;
    }

    /// <summary>DDS type name of a ROS type: <c>std_msgs/msg/String</c> becomes <c>std_msgs::msg::dds_::String_</c>.</summary>
    /// <param name="rosType">ROS type name <c>pkg/msg/Type</c> or <c>pkg/srv/Type_Request</c>.</param>
    /// <returns>The DDS type name.</returns>
    public static string DdsType(string rosType)
    {
        ArgumentNullException.ThrowIfNull(rosType);
        int last = rosType.LastIndexOf('/');
        return last < 0 ? rosType : rosType.Substring(0, last).Replace("/", "::", StringComparison.Ordinal) + "::dds_::" + rosType.Substring(last + 1) + "_";
    }

    /// <summary>
    /// ROS type name of a DDS type name (<c>_demangle_if_ros_type</c>): <c>std_msgs::msg::dds_::String_</c> becomes
    /// <c>std_msgs/msg/String</c>; names without <c>dds_::</c> or the trailing '_' are returned unchanged.
    /// </summary>
    /// <param name="ddsType">The DDS type name.</param>
    /// <returns>The ROS type name, or <paramref name="ddsType"/> when it is not a ROS type.</returns>
    public static string RosType(string ddsType)
    {
        ArgumentNullException.ThrowIfNull(ddsType);
        if (ddsType.Length == 0 || ddsType[^1] != '_')
        {
            return ddsType;
        }

        int at = ddsType.IndexOf("dds_::", StringComparison.Ordinal);
        if (at < 0)
        {
            return ddsType;
        }

        string ns = ddsType.Substring(0, at).Replace("::", "/", StringComparison.Ordinal);
        int start = at + "dds_::".Length;
        return ns + ddsType.Substring(start, ddsType.Length - 1 - start);
    }

    private static bool HasPrefix(string name, string prefix) =>
        name.Length > prefix.Length && name.StartsWith(prefix, StringComparison.Ordinal) && name[prefix.Length] == '/';
}
