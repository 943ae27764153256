using Robotics.Core.Time;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Messages;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Nodes.Tests.Hosting;

/// <summary>An in-process ROS context on a ManualClock, a test node with clients, and helpers to call a host's services.</summary>
internal sealed class HostHarness : IDisposable
{
    public HostHarness()
    {
        Clock = new ManualClock(SimTime.FromSeconds(1000));
        Ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess", Clock = Clock });
        Context = new NodeRunContext(Ros, Clock, new LoggerConfiguration().CreateLogger());
        Tester = new Node(Ros, "tester");
    }

    public ManualClock Clock { get; }

    public RosContext Ros { get; }

    public NodeRunContext Context { get; }

    public Node Tester { get; }

    /// <summary>Calls a service served by <paramref name="host"/>'s executor (spun here, deterministic in-process).</summary>
    public static TResponse Call<TRequest, TResponse>(ManagedControlNode host, Client<TRequest, TResponse> client, TRequest request)
        where TRequest : class, IRosMessageType<TRequest>, new()
        where TResponse : class, IRosMessageType<TResponse>, new()
    {
        var task = client.CallAsync(request, TimeSpan.FromSeconds(10));
        for (int i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            if (host.Executor.SpinSome() == 0) Thread.Sleep(1);
        }

        return task.GetAwaiter().GetResult();
    }

    public void Dispose() => Ros.Dispose();
}
