using Robotics.Ros.Transport;

namespace Robotics.Ros.Graph;

/// <summary>
/// A writer and a reader on the same topic whose types differ (DDS type name, or RIHS01 hash when both announce
/// one). They do not match; the graph reports it instead of throwing.
/// </summary>
/// <param name="TopicName">ROS topic name.</param>
/// <param name="WriterType">ROS type name of the writer.</param>
/// <param name="WriterTypeHash">Type hash of the writer (may be empty).</param>
/// <param name="ReaderType">ROS type name of the reader.</param>
/// <param name="ReaderTypeHash">Type hash of the reader (may be empty).</param>
/// <param name="Writer">Gid of the writer.</param>
/// <param name="Reader">Gid of the reader.</param>
public sealed record TopicTypeMismatch(
    string TopicName,
    string WriterType,
    string WriterTypeHash,
    string ReaderType,
    string ReaderTypeHash,
    Gid Writer,
    Gid Reader)
{
    /// <summary>One line naming the topic, both types and both hashes.</summary>
    public override string ToString() =>
        $"type mismatch on '{TopicName}': writer {Writer} has {WriterType} ({Hash(WriterTypeHash)}), reader {Reader} has {ReaderType} ({Hash(ReaderTypeHash)}); they do not match";

    private static string Hash(string h) => h.Length == 0 ? "no type hash" : h;
}
