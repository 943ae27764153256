namespace Robotics.Ros.Recording;

/// <summary>An MCAP Channel record: one topic with its schema and message encoding.</summary>
/// <param name="Id">Channel id.</param>
/// <param name="SchemaId">Id of the schema describing the messages (0 = none).</param>
/// <param name="Topic">Topic name, e.g. <c>/state</c>.</param>
/// <param name="MessageEncoding">Message encoding, e.g. <c>cdr</c>.</param>
/// <param name="Metadata">Channel metadata; rosbag2 stores <c>offered_qos_profiles</c> and <c>topic_type_hash</c> here.</param>
public sealed record McapChannel(ushort Id, ushort SchemaId, string Topic, string MessageEncoding, IReadOnlyDictionary<string, string> Metadata);
