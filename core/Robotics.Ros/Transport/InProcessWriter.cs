using System.Buffers.Binary;
using Robotics.Ros.Graph;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Transport;

/// <summary>A writer of <see cref="InProcessTransport"/>: serializes each sample once and hands the bytes to every matched reader.</summary>
public sealed class InProcessWriter : ITransportWriter
{
    private readonly InProcessTransport _owner;
    private readonly InProcessDomain _domain;
    private readonly object _publishGate = new();
    private readonly InProcessSampleQueue? _history;
    private InProcessReader[] _notify = new InProcessReader[4];
    private byte[] _buffer = new byte[256];
    private long _sequence;
    private bool _disposed;

    internal InProcessWriter(InProcessTransport owner, EndpointOptions options, Gid gid)
    {
        _owner = owner;
        _domain = owner.Domain;
        Options = options;
        Gid = gid;
        Info = InProcessTransport.MakeInfo(options, isWriter: true, gid, owner.ParticipantGid);
        if (options.Qos.EffectiveDurability == DurabilityPolicy.TransientLocal)
        {
            _history = new InProcessSampleQueue(options.Qos);
        }

        Span<byte> b = stackalloc byte[Gid.Size];
        gid.WriteTo(b, Gid.Size);
        RequestGuid = BinaryPrimitives.ReadUInt64BigEndian(b) ^ BinaryPrimitives.ReadUInt64BigEndian(b[8..]);
    }

    /// <inheritdoc/>
    public Gid Gid { get; }

    /// <summary>What this writer was created with.</summary>
    public EndpointOptions Options { get; }

    /// <summary>
    /// The 64-bit client id a service request writer puts in the request header (rmw_cyclonedds uses the writer's
    /// instance handle; here the two halves of the Gid folded together).
    /// </summary>
    public ulong RequestGuid { get; }

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

    internal TopicEndpointInfo Info { get; }

    internal List<InProcessReader> Matched { get; } = [];

    /// <inheritdoc/>
    public PublishStatus Publish(IRosMessage message)
    {
        if (message is null || !SameType(message.TypeSupport, Options.Type))
        {
            return PublishStatus.Error;
        }

        if (Options.Kind == EndpointKind.ServiceRequest && message is WrappedServiceMessage { Guid: 0 } request)
        {
            request.Guid = RequestGuid; // rmw_send_request: header.guid = the client's writer id
        }

        lock (_publishGate)
        {
            int length;
            try
            {
                int size = Options.Type.GetSerializedSize(message);
                if (_buffer.Length < size)
                {
                    _buffer = new byte[Math.Max(size, 2 * _buffer.Length)];
                }

                length = Options.Type.Serialize(message, _buffer);
            }
            catch (ArgumentException)
            {
                return PublishStatus.Error; // a bound or a fixed array length violated
            }

            return Deliver(_buffer.AsSpan(0, length), needsCheck: false);
        }
    }

    /// <summary>
    /// Test hook: publishes raw bytes as if a remote writer had sent them (e.g. a truncated or malformed XCDR1 sample).
    /// Readers check such samples on arrival; malformed ones are dropped and counted in
    /// <see cref="ITransportReader.DroppedSamples"/>, never delivered.
    /// </summary>
    /// <param name="serialized">The sample, XCDR1 header included.</param>
    /// <returns>The same statuses as <see cref="Publish"/>.</returns>
    public PublishStatus PublishSerialized(ReadOnlySpan<byte> serialized)
    {
        lock (_publishGate)
        {
            return Deliver(serialized, needsCheck: true);
        }
    }

    /// <inheritdoc/>
    public bool WaitForMatched(int count, TimeSpan timeout)
    {
        long deadline = Environment.TickCount64 + (long)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
        lock (_domain.Gate)
        {
            while (Matched.Count < count)
            {
                long left = deadline - Environment.TickCount64;
                if (left <= 0 || _disposed)
                {
                    return false;
                }

                Monitor.Wait(_domain.Gate, (int)left);
            }

            return true;
        }
    }

    /// <summary>Deletes the writer: readers unmatch and it leaves the graph.</summary>
    public void Dispose()
    {
        lock (_domain.Gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Monitor.PulseAll(_domain.Gate);
        }

        _domain.RemoveWriter(this);
        _owner.Forget(this);
    }

    internal static bool SameType(MessageTypeSupport a, MessageTypeSupport b) =>
        ReferenceEquals(a, b) || (a.DdsTypeName == b.DdsTypeName && a.TypeHash == b.TypeHash && a.MessageType == b.MessageType);

    internal void SignalMatched()
    {
        lock (_domain.Gate)
        {
            Monitor.PulseAll(_domain.Gate);
        }
    }

    /// <summary>Copies the kept history (TRANSIENT_LOCAL) to a late-joining reader. Called under the domain lock.</summary>
    internal bool DeliverHistoryTo(InProcessReader reader)
    {
        if (_history is null)
        {
            return false;
        }

        bool any = false;
        for (int i = 0; i < _history.Count; i++)
        {
            InProcessSampleQueue.Slot s = _history[i];
            any |= reader.Enqueue(s.Data.AsSpan(0, s.Length), s.Info, s.NeedsCheck);
        }

        return any;
    }

    private PublishStatus Deliver(ReadOnlySpan<byte> data, bool needsCheck)
    {
        int n = 0;
        bool matched;
        lock (_domain.Gate)
        {
            if (_disposed)
            {
                return PublishStatus.Error;
            }

            var info = new SampleInfo(Gid, _domain.NowNs(), ++_sequence);
            _history?.Enqueue(data, info, needsCheck);
            matched = Matched.Count > 0;
            if (_notify.Length < Matched.Count)
            {
                _notify = new InProcessReader[Matched.Count * 2];
            }

            foreach (InProcessReader r in Matched)
            {
                if (r.Enqueue(data, info, needsCheck))
                {
                    _notify[n++] = r;
                }
            }
        }

        for (int i = 0; i < n; i++)
        {
            _notify[i].RaiseDataAvailable();
            _notify[i] = null!;
        }

        return matched ? PublishStatus.Ok : PublishStatus.NotMatched;
    }
}
