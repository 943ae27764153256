using System.Collections.Concurrent;
using Robotics.Launch.Evaluation;
using Robotics.Launch.Plan;
using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Launch.Tests;

public sealed class InProcessLauncherTests : IDisposable
{
    private readonly LaunchTestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>A test node executable: creates a ROS node from its arguments (node-local, as real ones must), records what it saw, and runs until cancelled or told to exit.</summary>
    private sealed class FakeExecutable(string name, int? exitImmediately = null) : INodeExecutable
    {
        public ConcurrentQueue<(IReadOnlyList<string> Args, RosContext Context, string FullName, string? ParamsText)> Runs { get; } = new();

        public string Package => "robotics";

        public string Name => name;

        public string Description => "test node";

        public async Task<int> RunAsync(IReadOnlyList<string> args, NodeRunContext context, CancellationToken cancellationToken)
        {
            RosArguments parsed = RosArguments.Parse(args);
            using var node = new Node(context.Ros, name, "", new NodeOptions { Arguments = args, UseGlobalArguments = false });
            string? paramsText = parsed.ParamsFiles.Count > 0 ? await File.ReadAllTextAsync(parsed.ParamsFiles[^1], cancellationToken) : null;
            Runs.Enqueue((args, context.Ros, node.FullyQualifiedName, paramsText));
            if (exitImmediately is { } code) return code;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }
    }

    private static ILogger Silent => new LoggerConfiguration().CreateLogger();

    private LaunchPlan Plan(string xml) =>
        new LaunchEvaluator(new LaunchEvaluationOptions { GeneratedFilesDirectory = files.Generated, GetEnvironmentVariable = _ => null })
            .Evaluate(files.Write("t.launch.xml", xml));

    [Fact]
    public async Task Run_TwoNodes_ShareOneContextWithTheirOwnArguments()
    {
        var rig = new FakeExecutable("sim_rig_node");
        var ctl = new FakeExecutable("controller_node");
        LaunchPlan plan = Plan("""
            <launch>
              <group>
                <push-ros-namespace namespace="rig"/>
                <node pkg="robotics" exec="sim_rig_node" name="msd"><param name="kp" value="2.5"/></node>
                <node pkg="robotics" exec="controller_node" name="pid" namespace="ctl"/>
              </group>
            </launch>
            """);
        using var cts = new CancellationTokenSource();
        var names = new List<string>();
        var launcher = new InProcessLauncher(new NodeExecutableCatalog([rig, ctl]), new LaunchRunOptions
        {
            Logger = Silent,
            Started = ctx =>
            {
                // RunAsync of each fake has run up to its wait once both have enqueued; poll briefly for the thread pool.
                SpinWait.SpinUntil(() => rig.Runs.Count == 1 && ctl.Runs.Count == 1, TimeSpan.FromSeconds(10));
                names.AddRange(ctx.Nodes.Select(n => n.FullyQualifiedName).Order(StringComparer.Ordinal));
                cts.Cancel();
            },
        });

        LaunchRunResult result = await launcher.RunAsync(plan, cts.Token);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["/rig/ctl/pid", "/rig/msd"], names);
        Assert.True(rig.Runs.TryPeek(out var r));
        Assert.True(ctl.Runs.TryPeek(out var c));
        Assert.Same(r.Context, c.Context);
        Assert.IsType<InProcessTransport>(r.Context.Transport);
        Assert.Equal(plan.Nodes[0].Arguments, r.Args);
        Assert.Equal("/rig/msd:\n  ros__parameters:\n    kp: 2.5\n", r.ParamsText);
        Assert.False(Directory.Exists(files.Generated), "generated parameter files are removed after the run");
    }

    [Fact]
    public async Task Run_UnknownExecutable_StartsNothing()
    {
        var rig = new FakeExecutable("sim_rig_node");
        LaunchPlan plan = Plan("""
            <launch>
              <node pkg="robotics" exec="sim_rig_node"/>
              <node pkg="robotics" exec="nope_node"/>
            </launch>
            """);
        var launcher = new InProcessLauncher(new NodeExecutableCatalog([rig]), new LaunchRunOptions { Logger = Silent });

        var e = await Assert.ThrowsAsync<LaunchException>(() => launcher.RunAsync(plan, CancellationToken.None));

        Assert.Equal(3, e.Line);
        Assert.Contains("exec=\"nope_node\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("exec=\"sim_rig_node\"", e.Message, StringComparison.Ordinal);
        Assert.Empty(rig.Runs);
    }

    [Fact]
    public async Task Run_OnExitShutdown_StopsTheOthers()
    {
        var waiter = new FakeExecutable("waiter");
        var oneShot = new FakeExecutable("one_shot", exitImmediately: 0);
        LaunchPlan plan = Plan("""
            <launch>
              <node pkg="robotics" exec="waiter"/>
              <node pkg="robotics" exec="one_shot" on_exit="shutdown"/>
            </launch>
            """);
        var launcher = new InProcessLauncher(new NodeExecutableCatalog([waiter, oneShot]), new LaunchRunOptions { Logger = Silent });

        LaunchRunResult result = await launcher.RunAsync(plan, CancellationToken.None);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2, result.Exits.Count);
    }

    [Fact]
    public async Task Run_NodeFails_ReportsItsExitCode()
    {
        var bad = new FakeExecutable("bad_node", exitImmediately: 2);
        LaunchPlan plan = Plan("<launch><node pkg=\"robotics\" exec=\"bad_node\" name=\"b\"/></launch>");
        var launcher = new InProcessLauncher(new NodeExecutableCatalog([bad]), new LaunchRunOptions { Logger = Silent });

        LaunchRunResult result = await launcher.RunAsync(plan, CancellationToken.None);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(new LaunchItemExit("/b", 2, null), Assert.Single(result.Exits));
    }

    [Fact]
    public async Task Run_Process_GetsEnvironmentAndExitCode()
    {
        string marker = Path.Combine(files.Root, "marker.txt");
        LaunchPlan plan = Plan($"""
            <launch>
              <set_env name="ROBOTICS_TEST_VALUE" value="hello"/>
              <executable cmd="echo $ROBOTICS_TEST_VALUE > {marker}; exit 3" shell="true" output="log"/>
            </launch>
            """);
        var launcher = new InProcessLauncher(new NodeExecutableCatalog([]), new LaunchRunOptions { Logger = Silent });

        LaunchRunResult result = await launcher.RunAsync(plan, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("hello\n", File.ReadAllText(marker));
    }

    [Fact]
    public async Task Run_GivenContext_IsUsedAndNotDisposed()
    {
        var one = new FakeExecutable("one", exitImmediately: 0);
        using var context = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        LaunchPlan plan = Plan("<launch><node pkg=\"robotics\" exec=\"one\"/></launch>");
        var launcher = new InProcessLauncher(new NodeExecutableCatalog([one]), new LaunchRunOptions { Logger = Silent, Context = context });

        await launcher.RunAsync(plan, CancellationToken.None);

        Assert.True(one.Runs.TryPeek(out var run));
        Assert.Same(context, run.Context);
        using var stillUsable = new Node(context, "after");
        Assert.Equal("/after", stillUsable.FullyQualifiedName);
    }
}
