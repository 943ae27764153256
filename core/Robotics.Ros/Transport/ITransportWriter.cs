using Robotics.Ros.Messages;

namespace Robotics.Ros.Transport;

/// <summary>An untyped writer created by <see cref="IRosTransport.CreateWriter"/>.</summary>
public interface ITransportWriter : IDisposable
{
    /// <summary>Gid of this writer.</summary>
    Gid Gid { get; }

    /// <summary>Number of readers currently matched (same topic, compatible type and QoS).</summary>
    int MatchedCount { get; }

    /// <summary>Publishes one sample. Returns a status value; never throws on the hot path.</summary>
    PublishStatus Publish(IRosMessage message);

    /// <summary>Waits until at least <paramref name="count"/> readers are matched; false on timeout.</summary>
    bool WaitForMatched(int count, TimeSpan timeout);
}
