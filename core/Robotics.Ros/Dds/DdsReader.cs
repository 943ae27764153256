using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Robotics.Ros.Dds.Native;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Dds;

/// <summary>
/// A Cyclone DDS reader. <see cref="TryTake"/> takes the serialized sample (<c>dds_takecdr</c>), copies its XCDR1 bytes
/// into a reusable buffer (<c>ddsi_serdata_to_ser</c>) and decodes them with the managed codec straight into the
/// caller's message: one copy, no native sample to free, and the codec's checks (UTF-8, bounds, lengths) decide
/// what is delivered. Samples the codec rejects are counted in <see cref="DroppedSamples"/> and never delivered.
/// (Cyclone itself already drops samples whose CDR does not match the type's ops before they reach the reader.)
/// </summary>
internal sealed unsafe class DdsReader : ITransportReader
{
    private readonly object _takeGate = new();
    private readonly MessageTypeSupport _type;
    private readonly Action<DdsReader> _onDispose;
    private readonly Dictionary<ulong, Gid> _writers = new();
    private GCHandle _self;
    private int _entity;
    private int _matched;
    private long _dropped;
    private long _sequence;
    private byte[] _buffer = new byte[256];

    internal DdsReader(int subscriber, int topic, nint qos, MessageTypeSupport type, Action<DdsReader> onDispose)
    {
        _type = type;
        _onDispose = onDispose;
        _self = GCHandle.Alloc(this);
        nint listener = DdsApi.dds_create_listener((void*)GCHandle.ToIntPtr(_self));
        DdsApi.dds_lset_data_available(listener, &OnDataAvailable);
        DdsApi.dds_lset_subscription_matched(listener, &OnSubscriptionMatched);
        _entity = DdsApi.dds_create_reader(subscriber, topic, qos, listener);
        DdsApi.dds_delete_listener(listener);
        if (_entity < 0)
        {
            _self.Free();
            throw new InvalidOperationException($"Cyclone DDS could not create a reader for type {type.DdsTypeName}: {DdsApi.ErrorText(_entity)}.");
        }

        DdsGuid guid;
        DdsApi.dds_get_guid(_entity, &guid);
        Gid = DdsTransport.ToGid(guid);
        MatchedStatus status;
        if (DdsApi.dds_get_subscription_matched_status(_entity, &status) >= 0)
        {
            Volatile.Write(ref _matched, (int)status.CurrentCount);
        }
    }

    /// <inheritdoc />
    public event Action? DataAvailable;

    /// <inheritdoc />
    public Gid Gid { get; }

    /// <inheritdoc />
    public int MatchedCount => Volatile.Read(ref _matched);

    /// <inheritdoc />
    public long DroppedSamples => Interlocked.Read(ref _dropped);

    /// <summary>Why the last dropped sample was rejected (for diagnostics).</summary>
    public CdrStatus LastDropReason { get; private set; }

    /// <inheritdoc />
    public bool TryTake(IRosMessage target, out SampleInfo info)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!DdsTransport.SameType(target.TypeSupport, _type))
        {
            throw new ArgumentException($"Target is a {target.TypeSupport.RosTypeName}; this reader takes {_type.RosTypeName}.", nameof(target));
        }

        lock (_takeGate)
        {
            while (_entity > 0)
            {
                nint serdata;
                DdsSampleInfo si;
                if (DdsApi.dds_takecdr(_entity, &serdata, 1, &si, 0) <= 0)
                {
                    break;
                }

                try
                {
                    if (!si.ValidData)
                    {
                        continue; // unregister/dispose notifications carry no data
                    }

                    int size = (int)DdsApi.ddsi_serdata_size(serdata);
                    if (size > _buffer.Length)
                    {
                        _buffer = new byte[Math.Max(size, _buffer.Length * 2)];
                    }

                    fixed (byte* p = _buffer)
                    {
                        DdsApi.ddsi_serdata_to_ser(serdata, 0, (nuint)size, p);
                    }

                    CdrStatus status = _type.TryDeserialize(_buffer.AsSpan(0, size), target);
                    if (status != CdrStatus.Ok)
                    {
                        LastDropReason = status;
                        Interlocked.Increment(ref _dropped);
                        continue;
                    }

                    info = DdsTransport.MakeSampleInfo(WriterGid(si.PublicationHandle), si.SourceTimestamp, ++_sequence);
                    return true;
                }
                finally
                {
                    DdsApi.ddsi_serdata_unref(serdata);
                }
            }
        }

        info = default;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        int entity;
        lock (_takeGate)
        {
            entity = _entity;
            _entity = 0;
        }

        if (entity <= 0)
        {
            return;
        }

        DdsApi.dds_delete(entity);
        _self.Free();
        _onDispose(this);
    }

    private Gid WriterGid(ulong publicationHandle)
    {
        if (_writers.TryGetValue(publicationHandle, out Gid gid))
        {
            return gid;
        }

        BuiltinEndpoint* ep = (BuiltinEndpoint*)DdsApi.dds_get_matched_publication_data(_entity, publicationHandle);
        if (ep == null)
        {
            return default;
        }

        gid = DdsTransport.ToGid(ep->Key);
        DdsApi.dds_builtintopic_free_endpoint(ep);
        _writers[publicationHandle] = gid;
        return gid;
    }

    [UnmanagedCallersOnly]
    private static void OnDataAvailable(int reader, void* arg)
    {
        if (GCHandle.FromIntPtr((nint)arg).Target is DdsReader self)
        {
            try
            {
                self.DataAvailable?.Invoke();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // an exception must not unwind into Cyclone's receive thread; the handler's owner sees nothing more
                System.Diagnostics.Trace.TraceError($"DataAvailable handler threw: {ex}");
            }
        }
    }

    [UnmanagedCallersOnly]
    private static void OnSubscriptionMatched(int reader, MatchedStatus status, void* arg)
    {
        if (GCHandle.FromIntPtr((nint)arg).Target is DdsReader self)
        {
            Volatile.Write(ref self._matched, (int)status.CurrentCount);
        }
    }
}
