using Robotics.Ros.Graph;

namespace Robotics.Ros.Transport;

/// <summary>
/// A simulated DDS domain inside one process: every <see cref="InProcessTransport"/> created on it is one participant,
/// and writers and readers of all of them match by topic name, endpoint kind, type and QoS as DDS would.
/// </summary>
/// <remarks>
/// Deterministic: no threads, no timers, no wall clock. A publish delivers synchronously to every matched reader
/// (serialized to XCDR1 and deserialized on take, so the codec is exercised and readers never alias the writer's
/// message); <see cref="ITransportReader.DataAvailable"/> is raised on the publishing thread. Source timestamps come from
/// <see cref="Clock"/> (a <c>ManualClock</c> in simulation). Entity Gids are numbered in creation order, so runs repeat.
/// Thread-safe: one lock guards the whole domain; events are raised outside it.
/// </remarks>
public sealed class InProcessDomain
{
    private readonly List<InProcessTransport> _participants = [];
    private readonly List<InProcessWriter> _writers = [];
    private readonly List<InProcessReader> _readers = [];
    private readonly Dictionary<Gid, IReadOnlyList<NodeEntitiesInfo>> _nodes = [];
    private uint _nextParticipant;

    /// <summary>Creates an empty domain whose source timestamps come from <paramref name="clock"/> (default: a clock stuck at 0).</summary>
    /// <param name="clock">Clock for source timestamps; null for timestamps of 0.</param>
    public InProcessDomain(TimeProvider? clock = null)
    {
        Clock = clock;
    }

    /// <summary>Clock for source timestamps (null: timestamps are 0).</summary>
    public TimeProvider? Clock { get; }

    /// <summary>Reasons of writer/reader pairs on one topic that did not match because of their QoS (e.g. BEST_EFFORT writer, RELIABLE reader).</summary>
    public event Action<string>? IncompatibleQos;

    /// <summary>Lock shared by all entities of the domain.</summary>
    internal object Gate { get; } = new();

    /// <summary>Number of participants (transports) currently on the domain.</summary>
    public int ParticipantCount
    {
        get
        {
            lock (Gate)
            {
                return _participants.Count;
            }
        }
    }

    internal long NowNs()
    {
        if (Clock is null)
        {
            return 0;
        }

        return (Clock.GetUtcNow() - DateTimeOffset.UnixEpoch).Ticks * 100;
    }

    internal Gid Join(InProcessTransport transport)
    {
        lock (Gate)
        {
            uint n = ++_nextParticipant;
            Span<byte> prefix = stackalloc byte[12];
            prefix[0] = 0x01; // vendor-like marker, as Cyclone's 01.10
            prefix[1] = 0x0f; // "in-process"
            prefix[8] = (byte)(n >> 24);
            prefix[9] = (byte)(n >> 16);
            prefix[10] = (byte)(n >> 8);
            prefix[11] = (byte)n;
            Gid gid = Gid.FromPrefix(prefix, Gid.ParticipantEntityId);

            // The newcomer learns the existing graph (as DDS discovery would), the others learn about it.
            foreach (InProcessTransport p in _participants)
            {
                transport.Cache.AddParticipant(p.ParticipantGid, p.Enclave);
            }

            foreach (InProcessWriter w in _writers)
            {
                transport.Cache.AddEndpoint(w.Info);
            }

            foreach (InProcessReader r in _readers)
            {
                transport.Cache.AddEndpoint(r.Info);
            }

            foreach (KeyValuePair<Gid, IReadOnlyList<NodeEntitiesInfo>> n2 in _nodes)
            {
                transport.Cache.UpdateParticipantNodes(n2.Key, n2.Value);
            }

            _participants.Add(transport);
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.AddParticipant(gid, transport.Enclave);
            }

            return gid;
        }
    }

    internal void Leave(InProcessTransport transport)
    {
        lock (Gate)
        {
            _participants.Remove(transport);
            _nodes.Remove(transport.ParticipantGid);
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.RemoveParticipant(transport.ParticipantGid);
            }
        }
    }

    internal void PublishNodes(InProcessTransport transport, IReadOnlyList<NodeEntitiesInfo> nodes)
    {
        NodeEntitiesInfo[] copy = [.. nodes];
        lock (Gate)
        {
            _nodes[transport.ParticipantGid] = copy;
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.UpdateParticipantNodes(transport.ParticipantGid, copy);
            }
        }
    }

    internal void AddWriter(InProcessWriter writer)
    {
        List<InProcessReader> late = [];
        lock (Gate)
        {
            _writers.Add(writer);
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.AddEndpoint(writer.Info);
            }

            foreach (InProcessReader r in _readers)
            {
                if (TryMatch(writer, r))
                {
                    late.Add(r);
                }
            }
        }

        writer.SignalMatched();
        foreach (InProcessReader r in late)
        {
            r.SignalMatched();
        }
    }

    internal void AddReader(InProcessReader reader)
    {
        bool delivered = false;
        lock (Gate)
        {
            _readers.Add(reader);
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.AddEndpoint(reader.Info);
            }

            foreach (InProcessWriter w in _writers)
            {
                if (TryMatch(w, reader))
                {
                    w.SignalMatched();

                    // TRANSIENT_LOCAL: a late-joining TRANSIENT_LOCAL reader gets the writer's history.
                    if (reader.Options.Qos.EffectiveDurability == DurabilityPolicy.TransientLocal)
                    {
                        delivered |= w.DeliverHistoryTo(reader);
                    }
                }
            }
        }

        reader.SignalMatched();
        if (delivered)
        {
            reader.RaiseDataAvailable();
        }
    }

    internal void RemoveWriter(InProcessWriter writer)
    {
        lock (Gate)
        {
            if (!_writers.Remove(writer))
            {
                return;
            }

            foreach (InProcessReader r in writer.Matched)
            {
                r.Matched.Remove(writer);
            }

            writer.Matched.Clear();
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.RemoveEndpoint(writer.Gid);
            }
        }
    }

    internal void RemoveReader(InProcessReader reader)
    {
        lock (Gate)
        {
            if (!_readers.Remove(reader))
            {
                return;
            }

            foreach (InProcessWriter w in reader.Matched)
            {
                w.Matched.Remove(reader);
            }

            reader.Matched.Clear();
            foreach (InProcessTransport p in _participants)
            {
                p.Cache.RemoveEndpoint(reader.Gid);
            }
        }
    }

    /// <summary>DDS matching: same topic and kind, same DDS type name (and hash when both have one), compatible QoS.</summary>
    private bool TryMatch(InProcessWriter writer, InProcessReader reader)
    {
        EndpointOptions w = writer.Options;
        EndpointOptions r = reader.Options;
        if (w.Kind != r.Kind || !string.Equals(w.TopicName, r.TopicName, StringComparison.Ordinal))
        {
            return false;
        }

        if (!GraphCache.TypesMatch(w.Type.DdsTypeName, w.Type.TypeHash, r.Type.DdsTypeName, r.Type.TypeHash))
        {
            return false; // reported by every participant's GraphCache.TypeMismatchDetected
        }

        string? qos = QosProfile.CheckCompatible(w.Qos, r.Qos);
        if (qos is not null)
        {
            IncompatibleQos?.Invoke($"'{w.TopicName}': writer {writer.Gid} and reader {reader.Gid} do not match: {qos}");
            return false;
        }

        writer.Matched.Add(reader);
        reader.Matched.Add(writer);
        return true;
    }
}
