using Robotics.Ros.Messages;

namespace Robotics.Ros.Transport;

/// <summary>An untyped reader created by <see cref="IRosTransport.CreateReader"/>.</summary>
public interface ITransportReader : IDisposable
{
    /// <summary>Gid of this reader.</summary>
    Gid Gid { get; }

    /// <summary>Number of writers currently matched (same topic, compatible type and QoS).</summary>
    int MatchedCount { get; }

    /// <summary>Takes the next sample and copies it into <paramref name="target"/>; false if there is none.</summary>
    bool TryTake(IRosMessage target, out SampleInfo info);

    /// <summary>Number of malformed or truncated samples dropped (never delivered).</summary>
    long DroppedSamples { get; }

    /// <summary>Raised (from any thread) when samples arrive.</summary>
    event Action? DataAvailable;
}
