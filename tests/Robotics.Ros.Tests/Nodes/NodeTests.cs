using Robotics.Core.Time;
using Robotics.Ros.Interfaces.GeometryMsgs;
using Robotics.Ros.Interfaces.RclInterfaces;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using RosString = Robotics.Ros.Interfaces.StdMsgs.String;

namespace Robotics.Ros.Tests.Nodes;

public sealed class NodeTests : IDisposable
{
    private readonly ManualClock _clock = new();
    private readonly InProcessDomain _domain;
    private readonly RosContext _context;

    public NodeTests()
    {
        _domain = new InProcessDomain(_clock);
        _context = RosContext.Init([], new RosContextOptions { TransportName = "inprocess", InProcessDomain = _domain, Clock = _clock });
    }

    public void Dispose() => _context.Dispose();

    [Theory]
    [InlineData("my-node", "", "'-'")]
    [InlineData("1node", "", "number")]
    [InlineData("ok", "/bad//ns", "repeated")]
    public void Constructor_InvalidNameOrNamespace_ThrowsWithReasonAndExample(string name, string ns, string reason)
    {
        var e = Assert.Throws<ArgumentException>(() => new Node(_context, name, ns));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains("e.g.", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "/", "/talker")]
    [InlineData("robot", "/robot", "/robot/talker")]
    [InlineData("/robot/arm", "/robot/arm", "/robot/arm/talker")]
    public void Constructor_Namespace_IsNormalised(string given, string ns, string fqn)
    {
        using var node = new Node(_context, "talker", given);
        Assert.Equal(ns, node.Namespace);
        Assert.Equal(fqn, node.FullyQualifiedName);
    }

    [Fact]
    public void ContextArguments_RenameNodeAndRemapTopics()
    {
        using RosContext context = RosContext.Init(["--ros-args", "-r", "__node:=mpc", "-r", "__ns:=/rig", "-r", "cmd:=/rig/command"],
            new RosContextOptions { TransportName = "inprocess", InProcessDomain = _domain });
        using var node = new Node(context, "controller");
        Assert.Equal("/rig/mpc", node.FullyQualifiedName);
        Assert.Equal("/rig/command", node.ResolveName("cmd"));
        Assert.Equal("/rig/mpc/state", node.ResolveName("~/state"));
        Publisher<Twist> p = node.CreatePublisher<Twist>("cmd", QosProfile.Default);
        Assert.Equal("/rig/command", p.TopicName);
    }

    [Fact]
    public void NodeLocalArguments_WinOverGlobalOnes_AndGlobalOnesCanBeIgnored()
    {
        using RosContext context = RosContext.Init(["--ros-args", "-r", "chatter:=/global"], new RosContextOptions { TransportName = "inprocess", InProcessDomain = _domain });
        using var local = new Node(context, "a", "", new NodeOptions { Arguments = ["--ros-args", "-r", "chatter:=/local"] });
        using var isolated = new Node(context, "b", "", new NodeOptions { UseGlobalArguments = false });
        using var plain = new Node(context, "c");
        Assert.Equal("/local", local.ResolveName("chatter"));
        Assert.Equal("/chatter", isolated.ResolveName("chatter"));
        Assert.Equal("/global", plain.ResolveName("chatter"));
    }

    [Fact]
    public void Subscription_CallbacksRunOnlyWhenSpun_InOrder_WithANewMessageEachTime()
    {
        using var node = new Node(_context, "n");
        Publisher<RosString> pub = node.CreatePublisher<RosString>("chatter", QosProfile.Default);
        var received = new List<RosString>();
        Subscription<RosString> sub = node.CreateSubscription<RosString>("chatter", received.Add, QosProfile.Default);
        using var executor = new Executor();
        executor.Add(node);
        pub.Publish(new RosString { Data = "a" });
        pub.Publish(new RosString { Data = "b" });
        Assert.Empty(received);

        Assert.Equal(2, executor.SpinSome());
        Assert.Equal(["a", "b"], received.Select(m => m.Data));
        Assert.NotSame(received[0], received[1]);
        Assert.Equal(0, executor.SpinSome());
        Assert.Equal(2, sub.ReceivedCount);
        Assert.Equal(1, sub.MatchedPublishers);
        Assert.Equal(1, pub.MatchedSubscriptions);
    }

    [Fact]
    public void SpinOnce_WithDataWaiting_ReturnsWithoutWaitingForTheTimeout()
    {
        using var node = new Node(_context, "n");
        Publisher<RosString> pub = node.CreatePublisher<RosString>("chatter", QosProfile.Default);
        int calls = 0;
        node.CreateSubscription<RosString>("chatter", _ => calls++, QosProfile.Default);
        using var executor = new Executor();
        executor.Add(node);
        pub.Publish(new RosString { Data = "x" });
        Assert.Equal(1, executor.SpinOnce(TimeSpan.FromMinutes(10)));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void LatestValueSubscription_KeepsNewest_AndReadsWithoutAllocating()
    {
        using var node = new Node(_context, "n");
        Publisher<Twist> pub = node.CreatePublisher<Twist>("cmd_vel", QosProfile.Default);
        LatestValueSubscription<Twist> latest = node.CreateLatestValueSubscription<Twist>("cmd_vel", QosProfile.KeepLast(1));
        var destination = new Twist();
        Assert.False(latest.TryGetLatest(destination));

        var m = new Twist();
        for (int i = 1; i <= 3; i++)
        {
            m.Linear.X = i;
            pub.Publish(m);
        }

        Assert.True(latest.TryGetLatest(destination, out SampleInfo info));
        Assert.Equal(3.0, destination.Linear.X);
        Assert.Equal(pub.Gid, info.SourceWriter);
        Assert.True(latest.TryGetLatest(destination)); // warm-up done; the same value again
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            latest.TryGetLatest(destination);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(3.0, destination.Linear.X);
    }

    [Fact]
    public void Timer_OnManualClock_FiresEachPeriod_AndSkipsMissedCallsLikeRcl()
    {
        using var node = new Node(_context, "n");
        int calls = 0;
        RosTimer timer = node.CreateTimer(TimeSpan.FromMilliseconds(100), () => calls++);
        using var executor = new Executor();
        executor.Add(node);

        _clock.Advance(SimTime.FromMilliseconds(99));
        Assert.Equal(0, executor.SpinSome());
        _clock.Advance(SimTime.FromMilliseconds(1)); // t = 100 ms: first call due
        Assert.Equal(1, executor.SpinSome());
        Assert.Equal(0, executor.SpinSome());

        // t = 450 ms: the calls due at 200, 300, 400 ms collapse into one; the next is due at 500 ms.
        _clock.Advance(SimTime.FromMilliseconds(350));
        Assert.Equal(1, executor.SpinSome());
        Assert.Equal(TimeSpan.FromMilliseconds(50), timer.TimeUntilNextCall);
        _clock.Advance(SimTime.FromMilliseconds(50));
        Assert.Equal(1, executor.SpinSome());
        Assert.Equal(3, calls);

        timer.Cancel();
        _clock.Advance(SimTime.FromMilliseconds(1000));
        Assert.Equal(0, executor.SpinSome());
    }

    [Fact]
    public void CreateTimer_NonPositivePeriod_Throws()
    {
        using var node = new Node(_context, "n");
        Assert.Throws<ArgumentOutOfRangeException>(() => node.CreateTimer(TimeSpan.Zero, () => { }));
    }

    [Fact]
    public async Task Client_WithoutServer_TimesOutNamingTheService()
    {
        using var node = new Node(_context, "n");
        Client<GetParametersRequest, GetParametersResponse> client = node.CreateClient<GetParametersRequest, GetParametersResponse>("/nobody/get_parameters");
        Assert.False(client.IsServiceReady);
        var e = await Assert.ThrowsAsync<TimeoutException>(() => client.CallAsync(new GetParametersRequest(), TimeSpan.FromMilliseconds(50)));
        Assert.Contains("/nobody/get_parameters", e.Message, StringComparison.Ordinal);
        Assert.Contains("no server is matched", e.Message, StringComparison.Ordinal);
        Assert.Equal(0, client.PendingCount);
    }

    [Fact]
    public async Task Service_InProcess_RespondsWhenTheServerIsSpun_WithTheRequestId()
    {
        using var server = new Node(_context, "server");
        using var caller = new Node(_context, "caller");
        ServiceRequestId seen = default;
        server.CreateService<GetParametersRequest, GetParametersResponse>("get", (id, req, resp) =>
        {
            seen = id;
            resp.Values = [new ParameterValue { Type = ParameterType.PARAMETER_INTEGER, IntegerValue = req.Names.Length }];
        });
        var client = caller.CreateClient<GetParametersRequest, GetParametersResponse>("get");
        using var executor = new Executor();
        executor.Add(server);
        Assert.True(client.IsServiceReady);

        Task<GetParametersResponse> call = client.CallAsync(new GetParametersRequest { Names = ["a", "b", "c"] }, TimeSpan.FromSeconds(30));
        Assert.False(call.IsCompleted);
        Assert.Equal(1, executor.SpinSome());
        GetParametersResponse response = await call;
        Assert.Equal(3, Assert.Single(response.Values).IntegerValue);
        Assert.Equal(new ServiceRequestId(client.ClientGuid, 1), seen);
        Assert.NotEqual(0UL, client.ClientGuid);
    }

    [Fact]
    public void CreateService_RequestAndResponseOfDifferentServices_Throws()
    {
        using var node = new Node(_context, "n");
        var e = Assert.Throws<ArgumentException>(() => node.CreateService<GetParametersRequest, ListParametersResponse>("x", (_, _) => { }));
        Assert.Contains("rcl_interfaces/srv/GetParameters", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Graph_NodeAnnouncesItsEndpointGids_AndForgetsDisposedOnes()
    {
        using var other = new InProcessTransport(_domain);
        using var node = new Node(_context, "talker", "/demo");
        Publisher<RosString> pub = node.CreatePublisher<RosString>("chatter", QosProfile.Default);
        Subscription<RosString> sub = node.CreateSubscription<RosString>("cmd", _ => { }, QosProfile.Default);

        var info = Assert.Single(other.Graph.GetEndpoints("/demo/chatter"));
        Assert.Equal("talker", info.NodeName);
        Assert.Equal("/demo", info.NodeNamespace);
        Assert.Equal(["/demo/talker"], other.Graph.GetNodeNames().Select(n => n.FullName));
        Assert.Equal(1, node.CountPublishers("chatter"));
        Assert.Equal(1, node.CountSubscribers("/demo/cmd"));

        pub.Dispose();
        Assert.Empty(other.Graph.GetEndpoints("/demo/chatter"));
        Assert.Equal(0, node.CountPublishers("chatter"));
        Assert.Equal("talker", Assert.Single(other.Graph.GetEndpoints("/demo/cmd")).NodeName);
        sub.Dispose();
    }

    [Fact]
    public void GenericPublisherAndSubscription_CarryAnyTypeChosenAtRunTime()
    {
        using var node = new Node(_context, "tool");
        Robotics.Ros.Messages.MessageTypeSupport type = Robotics.Ros.Messages.MessageTypeRegistry.Get("geometry_msgs/msg/Twist");
        GenericPublisher pub = node.CreateGenericPublisher("cmd", type, QosProfile.Default);
        GenericSubscription sub = node.CreateGenericSubscription("/cmd", type, QosProfile.Default);
        int signalled = 0;
        sub.DataAvailable += () => signalled++;
        Assert.Equal(PublishStatus.Ok, pub.Publish(new Twist { Linear = new Vector3 { X = 2 } }));
        Assert.Equal(PublishStatus.Error, pub.Publish(new RosString()));
        var got = (Twist)type.CreateMessage();
        Assert.True(sub.TryTake(got, out _));
        Assert.Equal(2.0, got.Linear.X);
        Assert.Equal(1, signalled);
        Assert.Equal("/cmd", pub.TopicName);
        Assert.Equal(1, node.CountPublishers("/cmd"));
    }

    [Fact]
    public void Init_UnknownTransport_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => RosContext.Init([], new RosContextOptions { TransportName = "zenoh" }));
        Assert.Contains("cyclonedds", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Init_TransportFromEnvironment_AndDistroDefaultsToJazzy()
    {
        using RosContext c = RosContext.Init([], new RosContextOptions
        {
            GetEnvironmentVariable = n => n == "ROBOTICS_ROS_TRANSPORT" ? "inprocess" : null,
        });
        Assert.Equal("inprocess", c.Transport.Name);
        Assert.Equal("jazzy", c.Distro);
    }
}
