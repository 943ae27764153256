using System.Globalization;
using System.Text;

namespace Robotics.Ros.Recording;

/// <summary>rosbag2's bag metadata (<c>metadata.yaml</c>, version 9) for a single-file MCAP bag.</summary>
public static class RosBagMetadataYaml
{
    /// <summary>The rosbag2 metadata version written.</summary>
    public const int Version = 9;

    /// <summary>Formats the metadata of a bag.</summary>
    /// <param name="fileName">The .mcap file name relative to the bag folder.</param>
    /// <param name="topics">The topics with their counts.</param>
    /// <param name="rosDistro">ROS distribution name.</param>
    /// <returns>The YAML text (ends with a newline).</returns>
    public static string Format(string fileName, IReadOnlyList<RosBagTopic> topics, string rosDistro)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(topics);
        var c = CultureInfo.InvariantCulture;
        long count = 0, first = long.MaxValue, last = long.MinValue;
        foreach (var t in topics)
        {
            count += t.MessageCount;
            if (t.MessageCount == 0) continue;
            first = Math.Min(first, t.FirstLogTime);
            last = Math.Max(last, t.LastLogTime);
        }

        if (count == 0) first = last = 0;
        string start = first.ToString(c), duration = (last - first).ToString(c), total = count.ToString(c);
        var sb = new StringBuilder();
        sb.Append("rosbag2_bagfile_information:\n");
        sb.Append("  version: ").Append(Version.ToString(c)).Append('\n');
        sb.Append("  storage_identifier: mcap\n");
        sb.Append("  duration:\n    nanoseconds: ").Append(duration).Append('\n');
        sb.Append("  starting_time:\n    nanoseconds_since_epoch: ").Append(start).Append('\n');
        sb.Append("  message_count: ").Append(total).Append('\n');
        sb.Append("  topics_with_message_count:\n");
        foreach (var t in topics)
        {
            sb.Append("    - topic_metadata:\n");
            sb.Append("        name: ").Append(t.Name).Append('\n');
            sb.Append("        type: ").Append(t.Type.RosTypeName).Append('\n');
            sb.Append("        serialization_format: cdr\n");
            sb.Append("        offered_qos_profiles:\n").Append(RosQosYaml.List(t.OfferedQos, "          "));
            sb.Append("        type_description_hash: ").Append(t.Type.TypeHash).Append('\n');
            sb.Append("      message_count: ").Append(t.MessageCount.ToString(c)).Append('\n');
        }

        sb.Append("  compression_format: \"\"\n");
        sb.Append("  compression_mode: \"\"\n");
        sb.Append("  relative_file_paths:\n    - ").Append(fileName).Append('\n');
        sb.Append("  files:\n");
        sb.Append("    - path: ").Append(fileName).Append('\n');
        sb.Append("      starting_time:\n        nanoseconds_since_epoch: ").Append(start).Append('\n');
        sb.Append("      duration:\n        nanoseconds: ").Append(duration).Append('\n');
        sb.Append("      message_count: ").Append(total).Append('\n');
        sb.Append("  custom_data: {}\n");
        sb.Append("  ros_distro: ").Append(rosDistro).Append('\n');
        return sb.ToString();
    }
}
