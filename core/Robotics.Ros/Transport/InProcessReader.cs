using Robotics.Ros.Graph;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Transport;

/// <summary>A reader of <see cref="InProcessTransport"/>: a KEEP_LAST/KEEP_ALL queue of serialized samples, decoded on take.</summary>
public sealed class InProcessReader : ITransportReader
{
    private readonly InProcessTransport _owner;
    private readonly InProcessDomain _domain;
    private readonly InProcessSampleQueue _queue;
    private IRosMessage? _scratch;
    private long _dropped;
    private long _overwritten;
    private bool _disposed;

    internal InProcessReader(InProcessTransport owner, EndpointOptions options, Gid gid)
    {
        _owner = owner;
        _domain = owner.Domain;
        Options = options;
        Gid = gid;
        Info = InProcessTransport.MakeInfo(options, isWriter: false, gid, owner.ParticipantGid);
        _queue = new InProcessSampleQueue(options.Qos);
    }

    /// <inheritdoc/>
    public event Action? DataAvailable;

    /// <inheritdoc/>
    public Gid Gid { get; }

    /// <summary>What this reader was created with.</summary>
    public EndpointOptions Options { get; }

    /// <inheritdoc/>
    public int MatchedCount
    {
        get
        {
            lock (_domain.Gate)
            {
                return Matched.Count;
            }
        }
    }

    /// <inheritdoc/>
    public long DroppedSamples => Interlocked.Read(ref _dropped);

    /// <summary>Samples pushed out of the queue by newer ones (KEEP_LAST depth reached before they were taken).</summary>
    public long OverwrittenSamples => Interlocked.Read(ref _overwritten);

    /// <summary>Samples waiting to be taken.</summary>
    public int PendingCount
    {
        get
        {
            lock (_domain.Gate)
            {
                return _queue.Count;
            }
        }
    }

    internal TopicEndpointInfo Info { get; }

    internal List<InProcessWriter> Matched { get; } = [];

    /// <inheritdoc/>
    /// <exception cref="ArgumentException"><paramref name="target"/> is not of this reader's type.</exception>
    public bool TryTake(IRosMessage target, out SampleInfo info)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!InProcessWriter.SameType(target.TypeSupport, Options.Type))
        {
            throw new ArgumentException($"Target is a {target.TypeSupport.RosTypeName}; this reader of '{Options.TopicName}' takes {Options.Type.RosTypeName}.", nameof(target));
        }

        lock (_domain.Gate)
        {
            while (_queue.Count > 0)
            {
                InProcessSampleQueue.Slot s = _queue.Peek();
                CdrStatus status = Options.Type.TryDeserialize(s.Data.AsSpan(0, s.Length), target);
                info = s.Info;
                _queue.Dequeue();
                if (status == CdrStatus.Ok)
                {
                    return true;
                }

                Interlocked.Increment(ref _dropped);
            }
        }

        info = default;
        return false;
    }

    /// <summary>Deletes the reader: writers unmatch and it leaves the graph.</summary>
    public void Dispose()
    {
        lock (_domain.Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _domain.RemoveReader(this);
        _owner.Forget(this);
    }

    /// <summary>Stores a sample (called under the domain lock). Samples from raw injection are checked first: malformed ones are dropped and counted.</summary>
    internal bool Enqueue(ReadOnlySpan<byte> data, SampleInfo info, bool needsCheck)
    {
        if (_disposed)
        {
            return false;
        }

        if (needsCheck)
        {
            _scratch ??= Options.Type.CreateMessage();
            if (Options.Type.TryDeserialize(data, _scratch) != CdrStatus.Ok)
            {
                Interlocked.Increment(ref _dropped);
                return false;
            }
        }

        if (_queue.Enqueue(data, info, needsCheck: false))
        {
            Interlocked.Increment(ref _overwritten);
        }

        return true;
    }

    internal void SignalMatched()
    {
        lock (_domain.Gate)
        {
            Monitor.PulseAll(_domain.Gate);
        }
    }

    internal void RaiseDataAvailable() => DataAvailable?.Invoke();
}
