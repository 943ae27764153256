namespace Robotics.Ros.Recording;

/// <summary>An MCAP Metadata record (rosbag2 writes one named <c>rosbag2</c> holding <c>serialized_metadata</c>).</summary>
/// <param name="Name">Record name.</param>
/// <param name="Values">Key/value pairs.</param>
public sealed record McapMetadata(string Name, IReadOnlyDictionary<string, string> Values);
