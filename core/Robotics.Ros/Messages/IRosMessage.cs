namespace Robotics.Ros.Messages;

/// <summary>
/// Every generated ROS 2 message class (and every service Request/Response class) implements this interface.
/// </summary>
public interface IRosMessage
{
    /// <summary>The type support of this message's type (one shared instance per type).</summary>
    MessageTypeSupport TypeSupport { get; }
}
