namespace Robotics.Ros.Recording;

/// <summary>Options of <see cref="RosBagWriter"/>.</summary>
public sealed record RosBagWriterOptions
{
    /// <summary>MCAP writer options (chunk size, library string).</summary>
    public McapWriterOptions Mcap { get; init; } = new();

    /// <summary>
    /// Write rosbag2's <c>metadata.yaml</c> into the folder of the .mcap file when the bag is closed (default true; only for
    /// <see cref="RosBagWriter.Create"/>). A folder holding one .mcap and its metadata.yaml is a rosbag2 bag.
    /// </summary>
    public bool WriteMetadataYaml { get; init; } = true;

    /// <summary>ROS distribution written into the bag metadata.</summary>
    public string RosDistro { get; init; } = "jazzy";
}
