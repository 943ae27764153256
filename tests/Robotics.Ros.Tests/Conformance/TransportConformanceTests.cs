using Robotics.Ros.Graph;
using Robotics.Ros.Interfaces.RclInterfaces;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using RosInt32 = Robotics.Ros.Interfaces.StdMsgs.Int32;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Conformance;

/// <summary>
/// The semantics every <see cref="IRosTransport"/> must honour, run against each transport (MathNet style: one
/// suite, one subclass per backend). Expected values come from the DDS/ROS 2 rules (KEEP_LAST keeps the newest
/// <c>depth</c> samples, TRANSIENT_LOCAL late joiners get the writer's last <c>depth</c> samples, request/offered QoS
/// matching, type matching by DDS name and RIHS01 hash), not from the code under test.
/// </summary>
/// <remarks>
/// Each test creates its own participants (two, so the graph has "another" participant) and its own topic. For an
/// asynchronous transport (DDS) the checks wait for discovery and delivery with <see cref="Eventually"/>; the
/// in-process transport is synchronous, so the same waits return at once.
/// </remarks>
public abstract class TransportConformanceTests : IDisposable
{
    /// <summary>Generous bound for discovery and delivery on a loaded 2-core machine.</summary>
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly List<IDisposable> _owned = [];

    /// <summary>Creates one more participant on the test's domain.</summary>
    protected abstract IRosTransport NewParticipant();

    /// <summary>Prefix making topic names unique per transport class.</summary>
    protected abstract string TopicPrefix { get; }

    public void Dispose()
    {
        for (int i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Publish_ToMatchedReader_DeliversEqualFieldsNotTheSameObject()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("roundtrip");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosString.Support, QosProfile.Default)));
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosString.Support, QosProfile.Default)));
        Assert.True(Eventually(() => w.MatchedCount == 1 && r.MatchedCount == 1), "writer and reader did not match");

        var sent = new RosString { Data = "hi ü" };
        Assert.Equal(PublishStatus.Ok, w.Publish(sent));
        var got = new RosString();
        SampleInfo info = default;
        Assert.True(Eventually(() => r.TryTake(got, out info)), "no sample arrived");
        Assert.Equal("hi ü", got.Data);
        Assert.NotSame(sent, got);
        Assert.Equal(w.Gid, info.SourceWriter);
        sent.Data = "changed after publish";
        Assert.Equal("hi ü", got.Data);
    }

    [Fact]
    public void Publish_WithoutReaders_ReturnsNotMatched()
    {
        IRosTransport a = Participant();
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(Topic("lonely"), RosString.Support, QosProfile.Default)));
        Assert.Equal(0, w.MatchedCount);
        Assert.Equal(PublishStatus.NotMatched, w.Publish(new RosString { Data = "x" }));
    }

    [Fact]
    public void Publish_MessageOfAnotherType_ReturnsError()
    {
        IRosTransport a = Participant();
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(Topic("wrongtype"), RosString.Support, QosProfile.Default)));
        Assert.Equal(PublishStatus.Error, w.Publish(new RosInt32 { Data = 1 }));
    }

    [Fact]
    public void KeepLast_ReaderDepth3_FiveSamplesBeforeTake_KeepsNewestThree()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("depth");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.KeepLast(10))));
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.KeepLast(3))));
        ITransportReader probe = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.KeepLast(100))));
        Assert.True(Eventually(() => w.MatchedCount == 2), "readers did not match");
        for (int i = 1; i <= 5; i++)
        {
            w.Publish(new RosInt32 { Data = i });
        }

        // The probe (same participant, deep queue) tells when sample 5 has arrived at the participant.
        var seen = new List<int>();
        Assert.True(Eventually(() => { seen.AddRange(TakeInts(probe)); return seen.Contains(5); }), "sample 5 never arrived");

        // KEEP_LAST 3: samples 1 and 2 were pushed out by 3, 4, 5.
        Assert.Equal([3, 4, 5], TakeInts(r));
    }

    [Fact]
    public void TransientLocal_LateJoiner_GetsWritersLastDepthSamplesThenLiveOnes()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("latched");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.TransientLocal(2))));
        for (int i = 1; i <= 3; i++)
        {
            w.Publish(new RosInt32 { Data = i });
        }

        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.TransientLocal(10))));
        var got = new List<int>();
        Assert.True(Eventually(() => { got.AddRange(TakeInts(r)); return got.Count >= 2; }), "history did not arrive");

        // Writer history depth 2: the late joiner gets 2 and 3, not 1.
        Assert.Equal([2, 3], got);
        w.Publish(new RosInt32 { Data = 4 });
        Assert.True(Eventually(() => { got.AddRange(TakeInts(r)); return got.Count >= 3; }), "live sample did not arrive");
        Assert.Equal([2, 3, 4], got);
    }

    [Fact]
    public void Volatile_LateJoiner_GetsOnlySamplesPublishedAfterItMatched()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("volatile");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        w.Publish(new RosInt32 { Data = 1 });
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        Assert.True(w.WaitForMatched(1, Timeout), "reader did not match");
        Assert.True(Eventually(() => r.MatchedCount == 1));
        w.Publish(new RosInt32 { Data = 2 });
        var got = new List<int>();
        Assert.True(Eventually(() => { got.AddRange(TakeInts(r)); return got.Contains(2); }), "sample 2 did not arrive");
        Assert.Equal([2], got);
    }

    [Fact]
    public void BestEffortWriter_ReliableReader_DoNotMatch_ButBestEffortReaderDoes()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("reliability");
        ITransportReader reliable = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        ITransportReader bestEffort = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.SensorData)));
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.SensorData)));
        Assert.True(Eventually(() => w.MatchedCount == 1 && bestEffort.MatchedCount == 1), "best-effort pair did not match");
        w.Publish(new RosInt32 { Data = 7 });
        var got = new List<int>();
        Assert.True(Eventually(() => { got.AddRange(TakeInts(bestEffort)); return got.Count > 0; }), "best-effort reader got nothing");

        Assert.Equal([7], got);
        Assert.Equal(0, reliable.MatchedCount);
        Assert.Empty(TakeInts(reliable));
        Assert.Equal(1, w.MatchedCount);
    }

    [Fact]
    public void ReliableWriter_BestEffortReader_Match()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("reliable_offers_more");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.SensorData)));
        Assert.True(Eventually(() => w.MatchedCount == 1 && r.MatchedCount == 1), "RELIABLE writer should match a BEST_EFFORT reader");
    }

    [Fact]
    public void VolatileWriter_TransientLocalReader_DoNotMatch_ButVolatileReaderDoes()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("durability");
        ITransportReader latched = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.TransientLocal(1))));
        ITransportReader plain = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        Assert.True(Eventually(() => w.MatchedCount == 1 && plain.MatchedCount == 1), "volatile pair did not match");
        Assert.Equal(0, latched.MatchedCount);
    }

    [Fact]
    public void TypeMismatch_OnOneTopic_DoesNotMatch_AndIsReportedWithBothTypesAndHashes()
    {
        IRosTransport a = Participant();
        IRosTransport b = Participant();
        var reported = new List<TopicTypeMismatch>();
        b.Graph.TypeMismatchDetected += m => { lock (reported) { reported.Add(m); } };
        string topic = Topic("mismatch");
        ITransportReader ints = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosString.Support, QosProfile.Default)));
        IRosTransport c = Participant();
        ITransportReader strings = Own(c.CreateReader(new EndpointOptions(topic, RosString.Support, QosProfile.Default)));
        Assert.True(Eventually(() => w.MatchedCount == 1 && strings.MatchedCount == 1), "the same-type pair did not match");
        Assert.True(Eventually(() => { lock (reported) { return reported.Count > 0; } }), "no type mismatch was reported");

        Assert.Equal(0, ints.MatchedCount);
        TopicTypeMismatch m = Assert.Single(b.Graph.GetTypeMismatches(), x => x.TopicName == topic);
        Assert.Equal("std_msgs/msg/String", m.WriterType);
        Assert.Equal("std_msgs/msg/Int32", m.ReaderType);
        Assert.Equal(RosString.Support.TypeHash, m.WriterTypeHash);
        Assert.Equal(RosInt32.Support.TypeHash, m.ReaderTypeHash);
        Assert.Contains("std_msgs/msg/String", m.ToString(), StringComparison.Ordinal);
        Assert.Contains(RosInt32.Support.TypeHash, m.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Delivery_FromOneWriter_KeepsPublicationOrder()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("order");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.KeepLast(100))));
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.KeepLast(100))));
        Assert.True(Eventually(() => w.MatchedCount == 1 && r.MatchedCount == 1));
        for (int i = 1; i <= 50; i++)
        {
            w.Publish(new RosInt32 { Data = i });
        }

        var got = new List<int>();
        var sequences = new List<long>();
        var m = new RosInt32();
        Assert.True(Eventually(() =>
        {
            while (r.TryTake(m, out SampleInfo info))
            {
                got.Add(m.Data);
                sequences.Add(info.SequenceNumber);
                Assert.Equal(w.Gid, info.SourceWriter);
            }

            return got.Count >= 50;
        }), $"only {got.Count} of 50 samples arrived");
        Assert.Equal(Enumerable.Range(1, 50), got);
        for (int i = 1; i < sequences.Count; i++)
        {
            Assert.True(sequences[i] > sequences[i - 1], "sequence numbers must increase");
        }
    }

    [Fact]
    public void DataAvailable_IsRaisedWhenASampleArrives()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        string topic = Topic("data_available");
        ITransportWriter w = Own(a.CreateWriter(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        ITransportReader r = Own(b.CreateReader(new EndpointOptions(topic, RosInt32.Support, QosProfile.Default)));
        int raised = 0;
        r.DataAvailable += () => Interlocked.Increment(ref raised);
        Assert.True(Eventually(() => w.MatchedCount == 1 && r.MatchedCount == 1));
        w.Publish(new RosInt32 { Data = 1 });
        Assert.True(Eventually(() => Volatile.Read(ref raised) > 0), "DataAvailable was not raised");
    }

    [Fact]
    public async Task Service_RoundTrip_TwoClients_EachGetsTheResponseToItsOwnRequest()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        using var serverContext = new RosContext(a);
        using var clientContext = new RosContext(b);
        using var server = new Node(serverContext, "param_server", "/" + TopicPrefix);
        using var caller = new Node(clientContext, "param_client", "/" + TopicPrefix);
        var requestIds = new List<ServiceRequestId>();
        server.CreateService<GetParametersRequest, GetParametersResponse>("get_parameters", (id, req, resp) =>
        {
            requestIds.Add(id);
            resp.Values = req.Names.Select(n => new ParameterValue { Type = ParameterType.PARAMETER_STRING, StringValue = "value of " + n }).ToArray();
        });
        using var executor = new Executor();
        executor.Add(server);
        Client<GetParametersRequest, GetParametersResponse> first = caller.CreateClient<GetParametersRequest, GetParametersResponse>("get_parameters");
        Client<GetParametersRequest, GetParametersResponse> second = caller.CreateClient<GetParametersRequest, GetParametersResponse>("get_parameters");
        Assert.True(first.WaitForService(Timeout) && second.WaitForService(Timeout), "service not discovered");

        Task<GetParametersResponse> r1 = first.CallAsync(new GetParametersRequest { Names = ["kp", "ki"] }, Timeout);
        Task<GetParametersResponse> r2 = second.CallAsync(new GetParametersRequest { Names = ["mass_kg"] }, Timeout);
        Assert.True(executor.SpinUntilComplete(Task.WhenAll(r1, r2), Timeout), "responses did not arrive");

        Assert.Equal(["value of kp", "value of ki"], (await r1).Values.Select(v => v.StringValue));
        Assert.Equal(["value of mass_kg"], (await r2).Values.Select(v => v.StringValue));
        Assert.Equal(2, requestIds.Count);
        Assert.All(requestIds, id => Assert.Equal(1, id.SequenceNumber)); // each client numbers its requests from 1
        Assert.NotEqual(requestIds[0].ClientGuid, requestIds[1].ClientGuid);
        Assert.Equal(0, first.PendingCount + second.PendingCount);
    }

    [Fact]
    public void Graph_OtherParticipantSeesNodeEndpointsTypeHashAndQos_UntilTheNodeGoes()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        using var talkerContext = new RosContext(a);
        using var listenerContext = new RosContext(b);
        string ns = "/" + TopicPrefix + "_graph";
        var talker = new Node(talkerContext, "talker", ns);
        using var listener = new Node(listenerContext, "listener", ns);
        talker.CreatePublisher<RosString>("chatter", QosProfile.Default);
        listener.CreateSubscription<RosString>("chatter", _ => { }, QosProfile.SensorData);
        string topic = ns + "/chatter";

        Assert.True(Eventually(() => listener.GetNodeNames().Contains(ns + "/talker") && listener.CountPublishers("chatter") == 1
            && listener.GetPublishersInfoByTopic("chatter").All(e => e.NodeName is not null) && listener.CountSubscribers("chatter") == 1),
            "talker not seen by the other participant");
        Assert.Single(listener.GetNodeNames(), n => n == ns + "/listener"); // own node once, not echoed back
        TopicEndpointInfo pub = Assert.Single(listener.GetPublishersInfoByTopic("chatter"));
        Assert.Equal(topic, pub.TopicName);
        Assert.Equal("talker", pub.NodeName);
        Assert.Equal(ns, pub.NodeNamespace);
        Assert.Equal("std_msgs/msg/String", pub.TypeName);
        Assert.Equal("std_msgs::msg::dds_::String_", pub.DdsTypeName);
        Assert.Equal(RosString.Support.TypeHash, pub.TypeHash);
        Assert.Equal(ReliabilityPolicy.Reliable, pub.Qos.Reliability);
        Assert.Equal(DurabilityPolicy.Volatile, pub.Qos.Durability);
        Assert.Equal(a.ParticipantGid, pub.ParticipantGid);
        Assert.Equal(1, listener.CountSubscribers("chatter"));
        Assert.Equal(ReliabilityPolicy.BestEffort, Assert.Single(listener.GetSubscriptionsInfoByTopic("chatter")).Qos.Reliability);
        Assert.Equal(["std_msgs/msg/String"], listener.GetTopicNamesAndTypes()[topic]);

        talker.Dispose();
        Assert.True(Eventually(() => !listener.GetNodeNames().Contains(ns + "/talker") && listener.CountPublishers("chatter") == 0),
            "the disposed node is still in the graph");
    }

    [Fact]
    public void Graph_ServiceServer_AppearsAsServiceWithItsType()
    {
        (IRosTransport a, IRosTransport b) = Pair();
        using var serverContext = new RosContext(a);
        using var otherContext = new RosContext(b);
        using var server = new Node(serverContext, "svc_node", "/" + TopicPrefix + "_svc");
        using var other = new Node(otherContext, "observer", "/" + TopicPrefix + "_svc");
        server.CreateService<GetParametersRequest, GetParametersResponse>("~/get_parameters", (_, _) => { });
        string name = "/" + TopicPrefix + "_svc/svc_node/get_parameters";
        Assert.True(Eventually(() => other.GetServiceNamesAndTypes().ContainsKey(name)), "service not seen");
        Assert.Equal(["rcl_interfaces/srv/GetParameters"], other.GetServiceNamesAndTypes()[name]);
        Assert.False(other.GetTopicNamesAndTypes().ContainsKey(name));
    }

    /// <summary>Polls <paramref name="condition"/> until true or <see cref="Timeout"/>.</summary>
    protected static bool Eventually(Func<bool> condition)
    {
        long deadline = Environment.TickCount64 + (long)Timeout.TotalMilliseconds;
        while (true)
        {
            if (condition())
            {
                return true;
            }

            if (Environment.TickCount64 > deadline)
            {
                return false;
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>Takes every available Int32 sample.</summary>
    protected static List<int> TakeInts(ITransportReader reader)
    {
        var list = new List<int>();
        var m = new RosInt32();
        while (reader.TryTake(m, out _))
        {
            list.Add(m.Data);
        }

        return list;
    }

    /// <summary>A unique topic for this test.</summary>
    protected string Topic(string name) => "/" + TopicPrefix + "/" + name;

    /// <summary>A new participant disposed with the test.</summary>
    protected IRosTransport Participant() => Own(NewParticipant());

    /// <summary>Two participants.</summary>
    protected (IRosTransport A, IRosTransport B) Pair() => (Participant(), Participant());

    /// <summary>Disposes <paramref name="item"/> with the test.</summary>
    protected T Own<T>(T item)
        where T : IDisposable
    {
        _owned.Add(item);
        return item;
    }
}
