namespace Robotics.Ros.Messages;

/// <summary>
/// Static access to the type support of a generated message type: <c>T.Support</c>.
/// </summary>
/// <typeparam name="TSelf">The generated message class itself.</typeparam>
public interface IRosMessageType<TSelf> : IRosMessage where TSelf : class, IRosMessageType<TSelf>, new()
{
    /// <summary>The type support of <typeparamref name="TSelf"/>.</summary>
    static abstract MessageTypeSupport Support { get; }
}
