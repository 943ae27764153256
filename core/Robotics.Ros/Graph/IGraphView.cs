namespace Robotics.Ros.Graph;

/// <summary>What one participant sees of the ROS graph: nodes, endpoints, topics and services (thread-safe).</summary>
public interface IGraphView
{
    /// <summary>Incremented on every change; cheap to poll.</summary>
    long Version { get; }

    /// <summary>Nodes announced through <c>ros_discovery_info</c> by all participants, sorted by full name.</summary>
    IReadOnlyList<NodeName> GetNodeNames();

    /// <summary>All endpoints, or those of one ROS topic/service name; node name and namespace filled where known.</summary>
    IReadOnlyList<TopicEndpointInfo> GetEndpoints(string? rosTopicName = null);

    /// <summary>Topic name -> sorted distinct ROS type names, over topic endpoints only (<c>ros2 topic list -t</c>), sorted by name.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> GetTopicNamesAndTypes();

    /// <summary>Service name -> sorted distinct ROS service type names (<c>example_interfaces/srv/AddTwoInts</c>), sorted by name.</summary>
    IReadOnlyDictionary<string, IReadOnlyList<string>> GetServiceNamesAndTypes();

    /// <summary>Writer/reader pairs on the same topic with different types (they do not match).</summary>
    IReadOnlyList<TopicTypeMismatch> GetTypeMismatches();

    /// <summary>Raised (from any thread, outside any lock) after the graph changed.</summary>
    event Action? Changed;

    /// <summary>Raised (from any thread, outside any lock) when a new endpoint creates a type mismatch.</summary>
    event Action<TopicTypeMismatch>? TypeMismatchDetected;
}
