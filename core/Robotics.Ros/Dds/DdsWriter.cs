using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Robotics.Ros.Dds.Native;
using Robotics.Ros.Messages;
using Robotics.Ros.Transport;

namespace Robotics.Ros.Dds;

/// <summary>
/// A Cyclone DDS writer. <see cref="Publish"/> copies the message into a reusable native sample
/// (<see cref="MessageTypeSupport.WriteNative"/>) and calls <c>dds_write</c>, so a message without variable-length
/// fields is published without managed allocation. The matched count comes from the publication-matched listener.
/// </summary>
internal sealed unsafe class DdsWriter : ITransportWriter
{
    private readonly object _gate = new();
    private readonly MessageTypeSupport _type;
    private readonly EndpointKind _kind;
    private readonly NativeSampleWriter _sample;
    private readonly Action<DdsWriter> _onDispose;
    private GCHandle _self;
    private int _entity;
    private int _matched;

    internal DdsWriter(int publisher, int topic, nint qos, MessageTypeSupport type, EndpointKind kind, Action<DdsWriter> onDispose)
    {
        _type = type;
        _kind = kind;
        _onDispose = onDispose;
        _sample = new NativeSampleWriter(type.NativeSize);
        _self = GCHandle.Alloc(this);
        nint listener = DdsApi.dds_create_listener((void*)GCHandle.ToIntPtr(_self));
        DdsApi.dds_lset_publication_matched(listener, &OnPublicationMatched);
        _entity = DdsApi.dds_create_writer(publisher, topic, qos, listener);
        DdsApi.dds_delete_listener(listener);
        if (_entity < 0)
        {
            _self.Free();
            _sample.Dispose();
            throw new InvalidOperationException($"Cyclone DDS could not create a writer for type {type.DdsTypeName}: {DdsApi.ErrorText(_entity)}.");
        }

        DdsGuid guid;
        DdsApi.dds_get_guid(_entity, &guid);
        Gid = DdsTransport.ToGid(guid);
        ulong handle;
        DdsApi.dds_get_instance_handle(_entity, &handle);
        InstanceHandle = handle;
        MatchedStatus status;
        if (DdsApi.dds_get_publication_matched_status(_entity, &status) >= 0)
        {
            UpdateMatched((int)status.CurrentCount);
        }
    }

    /// <inheritdoc />
    public Gid Gid { get; }

    /// <summary>Cyclone's instance handle of this writer: what rmw_cyclonedds puts in a request's header as the client id.</summary>
    public ulong InstanceHandle { get; }

    /// <inheritdoc />
    public int MatchedCount => Volatile.Read(ref _matched);

    /// <inheritdoc />
    public PublishStatus Publish(IRosMessage message)
    {
        if (message is null || !DdsTransport.SameType(message.TypeSupport, _type))
        {
            return PublishStatus.Error;
        }

        if (_kind == EndpointKind.ServiceRequest && message is WrappedServiceMessage { Guid: 0 } request)
        {
            // rmw_send_request: header.guid = the client's request writer instance handle
            request.Guid = InstanceHandle;
        }

        int rc;
        lock (_sample)
        {
            if (_entity <= 0)
            {
                return PublishStatus.Error;
            }

            try
            {
                _sample.Reset();
                _type.WriteNative(message, _sample);
            }
            catch (ArgumentException)
            {
                return PublishStatus.Error; // a bound or fixed array length violated
            }

            rc = DdsApi.dds_write(_entity, (void*)_sample.Sample);
        }

        if (rc < 0)
        {
            return PublishStatus.Error;
        }

        return Volatile.Read(ref _matched) == 0 ? PublishStatus.NotMatched : PublishStatus.Ok;
    }

    /// <inheritdoc />
    public bool WaitForMatched(int count, TimeSpan timeout)
    {
        long end = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        lock (_gate)
        {
            while (_matched < count)
            {
                long left = end - Environment.TickCount64;
                if (left <= 0 || _entity <= 0)
                {
                    return false;
                }

                Monitor.Wait(_gate, (int)Math.Min(left, int.MaxValue));
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        int entity;
        lock (_sample)
        {
            entity = _entity;
            _entity = 0;
        }

        if (entity <= 0)
        {
            return;
        }

        DdsApi.dds_delete(entity); // waits for running listener callbacks
        _self.Free();
        lock (_sample)
        {
            _sample.Dispose();
        }

        lock (_gate)
        {
            Monitor.PulseAll(_gate);
        }

        _onDispose(this);
    }

    private void UpdateMatched(int current)
    {
        lock (_gate)
        {
            _matched = current;
            Monitor.PulseAll(_gate);
        }
    }

    [UnmanagedCallersOnly]
    private static void OnPublicationMatched(int writer, MatchedStatus status, void* arg)
    {
        if (GCHandle.FromIntPtr((nint)arg).Target is DdsWriter self)
        {
            self.UpdateMatched((int)status.CurrentCount);
        }
    }
}
