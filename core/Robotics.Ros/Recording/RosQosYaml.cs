using System.Globalization;
using System.Text;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Recording;

/// <summary>QoS profiles in rosbag2's YAML form (bag metadata version 9 / Jazzy: policy names as lower-case strings).</summary>
internal static class RosQosYaml
{
    /// <summary>A one-element list of <paramref name="qos"/>, each line prefixed with <paramref name="indent"/>.</summary>
    public static string List(QosProfile qos, string indent)
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        void Line(string s) => sb.Append(indent).Append(s).Append('\n');
        void Duration(string name, TimeSpan d)
        {
            Line("  " + name + ":");
            if (d == TimeSpan.Zero || d == TimeSpan.MaxValue)
            {
                Line("    sec: 9223372036");
                Line("    nsec: 854775807");
            }
            else
            {
                long ns = d.Ticks * 100;
                Line("    sec: " + (ns / 1_000_000_000).ToString(c));
                Line("    nsec: " + (ns % 1_000_000_000).ToString(c));
            }
        }

        Line("- history: " + qos.History switch
        {
            HistoryPolicy.KeepLast => "keep_last",
            HistoryPolicy.KeepAll => "keep_all",
            HistoryPolicy.SystemDefault => "system_default",
            _ => "unknown",
        });
        Line("  depth: " + qos.Depth.ToString(c));
        Line("  reliability: " + qos.Reliability switch
        {
            ReliabilityPolicy.Reliable => "reliable",
            ReliabilityPolicy.BestEffort => "best_effort",
            ReliabilityPolicy.SystemDefault => "system_default",
            _ => "unknown",
        });
        Line("  durability: " + qos.Durability switch
        {
            DurabilityPolicy.Volatile => "volatile",
            DurabilityPolicy.TransientLocal => "transient_local",
            DurabilityPolicy.SystemDefault => "system_default",
            _ => "unknown",
        });
        Duration("deadline", qos.Deadline);
        Duration("lifespan", qos.Lifespan);
        Line("  liveliness: " + qos.Liveliness switch
        {
            LivelinessPolicy.ManualByTopic => "manual_by_topic",
            LivelinessPolicy.SystemDefault => "system_default",
            _ => "automatic",
        });
        Duration("liveliness_lease_duration", qos.LivelinessLeaseDuration);
        Line("  avoid_ros_namespace_conventions: " + (qos.AvoidRosNamespaceConventions ? "true" : "false"));
        return sb.ToString();
    }
}
