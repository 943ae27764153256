using Robotics.Ros.Dds.Native;
using Robotics.Ros.Messages;

namespace Robotics.Ros.Dds;

/// <summary>
/// What one participant learns about the DDS graph, as rmw_cyclonedds's discovery thread does: a thread waits on the
/// DCPSParticipant, DCPSPublication and DCPSSubscription builtin readers and on the <c>ros_discovery_info</c> reader
/// (RELIABLE, TRANSIENT_LOCAL, KEEP_ALL, ignoring its own participant) and reports every change to a sink.
/// </summary>
internal sealed unsafe class DdsGraphMonitor : IDisposable
{
    private const int Batch = 16;
    private readonly IDdsGraphSink _sink;
    private readonly int _gidSize;
    private readonly int _participantReader;
    private readonly int _publicationReader;
    private readonly int _subscriptionReader;
    private readonly int _infoReader;
    private readonly int _waitset;
    private readonly int _guard;
    private readonly Thread _thread;
    private volatile bool _running = true;
    private byte[] _buffer = new byte[1024];

    /// <summary>Creates the readers and starts the thread.</summary>
    /// <param name="participant">The participant whose builtin topics are read.</param>
    /// <param name="subscriber">Subscriber of the <c>ros_discovery_info</c> reader.</param>
    /// <param name="infoTopic">The <c>ros_discovery_info</c> topic.</param>
    /// <param name="gidSize">Gid size of <c>ros_discovery_info</c> (16 or 24).</param>
    /// <param name="infoUserData">USER_DATA of the <c>ros_discovery_info</c> reader (<c>typehash=…;</c> as rmw's
    /// <c>create_subscription</c> writes it, or empty on Humble).</param>
    /// <param name="sink">Receives the changes.</param>
    internal DdsGraphMonitor(int participant, int subscriber, int infoTopic, int gidSize, string infoUserData, IDdsGraphSink sink)
    {
        _sink = sink;
        _gidSize = gidSize;
        _participantReader = Check(DdsApi.dds_create_reader(participant, DdsApi.BuiltinTopicDcpsParticipant, 0, 0), "DCPSParticipant reader");
        _publicationReader = Check(DdsApi.dds_create_reader(participant, DdsApi.BuiltinTopicDcpsPublication, 0, 0), "DCPSPublication reader");
        _subscriptionReader = Check(DdsApi.dds_create_reader(participant, DdsApi.BuiltinTopicDcpsSubscription, 0, 0), "DCPSSubscription reader");
        nint qos = DdsQos.Create(new DdsQos.Settings(KeepAll: true, Depth: 0, Reliable: true, TransientLocal: true), ignoreLocal: true, userData: infoUserData);
        try
        {
            _infoReader = Check(DdsApi.dds_create_reader(subscriber, infoTopic, qos, 0), "ros_discovery_info reader");
        }
        finally
        {
            DdsApi.dds_delete_qos(qos);
        }

        _waitset = Check(DdsApi.dds_create_waitset(participant), "graph waitset");
        _guard = Check(DdsApi.dds_create_guardcondition(participant), "graph guard condition");
        int index = 0;
        foreach (int reader in new[] { _participantReader, _publicationReader, _subscriptionReader, _infoReader })
        {
            int condition = Check(DdsApi.dds_create_readcondition(reader, DdsApi.AnyState), "graph read condition");
            Check(DdsApi.dds_waitset_attach(_waitset, condition, index++), "graph waitset attach");
        }

        Check(DdsApi.dds_waitset_attach(_waitset, _guard, -1), "graph waitset attach");
        _thread = new Thread(Run) { IsBackground = true, Name = "ros-dds-graph" };
        _thread.Start();
    }

    /// <summary>Stops the thread (the participant deletes the readers).</summary>
    public void Dispose()
    {
        if (!_running)
        {
            return;
        }

        _running = false;
        DdsApi.dds_set_guardcondition(_guard, true);
        _thread.Join();
    }

    private static int Check(int rc, string what) =>
        rc >= 0 ? rc : throw new InvalidOperationException($"Cyclone DDS could not create the {what}: {DdsApi.ErrorText(rc)}.");

    private void Run()
    {
        nint* triggered = stackalloc nint[8];
        while (_running)
        {
            DdsApi.dds_waitset_wait(_waitset, triggered, 8, 1_000_000_000L);
            if (!_running)
            {
                break;
            }

            try
            {
                DrainParticipants();
                DrainEndpoints(_publicationReader, isWriter: true);
                DrainEndpoints(_subscriptionReader, isWriter: false);
                DrainDiscoveryInfo();
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // a faulty graph consumer must not stop discovery
                System.Diagnostics.Trace.TraceError($"ROS graph update failed: {ex}");
            }
        }
    }

    private void DrainParticipants()
    {
        void** samples = stackalloc void*[Batch];
        DdsSampleInfo* infos = stackalloc DdsSampleInfo[Batch];
        int n;
        while ((n = Take(_participantReader, samples, infos)) > 0)
        {
            for (int k = 0; k < n; k++)
            {
                var p = (BuiltinParticipant*)samples[k];
                byte[] gid = GuidBytes(&p->Key);
                if (infos[k].InstanceState != DdsApi.InstanceStateAlive)
                {
                    _sink.ParticipantRemoved(gid);
                }
                else if (infos[k].ValidData)
                {
                    IReadOnlyDictionary<string, string> ud = UserData.Parse(DdsQos.ReadUserData(p->Qos));
                    _sink.ParticipantAdded(gid, ud.TryGetValue("enclave", out string? enclave) ? enclave : null);
                }
            }

            DdsApi.dds_return_loan(_participantReader, samples, n);
        }
    }

    private void DrainEndpoints(int reader, bool isWriter)
    {
        void** samples = stackalloc void*[Batch];
        DdsSampleInfo* infos = stackalloc DdsSampleInfo[Batch];
        int n;
        while ((n = Take(reader, samples, infos)) > 0)
        {
            for (int k = 0; k < n; k++)
            {
                var ep = (BuiltinEndpoint*)samples[k];
                byte[] gid = GuidBytes(&ep->Key);
                if (infos[k].InstanceState != DdsApi.InstanceStateAlive)
                {
                    _sink.EndpointRemoved(gid);
                }
                else if (infos[k].ValidData)
                {
                    string topic = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(ep->TopicName) ?? string.Empty;
                    string type = System.Runtime.InteropServices.Marshal.PtrToStringUTF8(ep->TypeName) ?? string.Empty;
                    _sink.EndpointAdded(new DdsEndpointSample(
                        gid, GuidBytes(&ep->ParticipantKey), topic, type, isWriter, DdsQos.Read(ep->Qos), UserData.Parse(DdsQos.ReadUserData(ep->Qos))));
                }
            }

            DdsApi.dds_return_loan(reader, samples, n);
        }
    }

    private void DrainDiscoveryInfo()
    {
        while (true)
        {
            nint serdata;
            DdsSampleInfo si;
            if (DdsApi.dds_takecdr(_infoReader, &serdata, 1, &si, 0) <= 0)
            {
                return;
            }

            try
            {
                if (!si.ValidData)
                {
                    continue;
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

                if (DiscoveryInfoCodec.TryDeserialize(_buffer.AsSpan(0, size), _gidSize, out DiscoveryInfo? info) == CdrStatus.Ok)
                {
                    _sink.NodesUpdated(info!);
                }
                else
                {
                    _sink.DiscoveryInfoDropped();
                }
            }
            finally
            {
                DdsApi.ddsi_serdata_unref(serdata);
            }
        }
    }

    private static int Take(int reader, void** samples, DdsSampleInfo* infos)
    {
        for (int k = 0; k < Batch; k++)
        {
            samples[k] = null;
        }

        return DdsApi.dds_take(reader, samples, infos, Batch, Batch);
    }

    private static byte[] GuidBytes(DdsGuid* guid) => new ReadOnlySpan<byte>(guid, 16).ToArray();
}

/// <summary>Receives the graph changes a <see cref="DdsGraphMonitor"/> observes (called on its thread).</summary>
internal interface IDdsGraphSink
{
    /// <summary>A participant appeared or changed; <paramref name="enclave"/> is null for non-ROS participants.</summary>
    void ParticipantAdded(byte[] gid, string? enclave);

    /// <summary>A participant left.</summary>
    void ParticipantRemoved(byte[] gid);

    /// <summary>A reader or writer appeared.</summary>
    void EndpointAdded(DdsEndpointSample endpoint);

    /// <summary>A reader or writer left.</summary>
    void EndpointRemoved(byte[] gid);

    /// <summary>A remote participant published its node list on <c>ros_discovery_info</c>.</summary>
    void NodesUpdated(DiscoveryInfo info);

    /// <summary>A <c>ros_discovery_info</c> sample could not be decoded (e.g. the other Gid size).</summary>
    void DiscoveryInfoDropped();
}

/// <summary>One endpoint from DCPSPublication/DCPSSubscription.</summary>
internal sealed record DdsEndpointSample(
    byte[] Gid,
    byte[] Participant,
    string DdsTopic,
    string DdsType,
    bool IsWriter,
    DdsQos.Settings Qos,
    IReadOnlyDictionary<string, string> UserData);
