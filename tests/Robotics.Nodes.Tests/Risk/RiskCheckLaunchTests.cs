using Robotics.Launch.Evaluation;
using Robotics.Launch.Running;
using Robotics.Nodes.Hosting;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Nodes.Tests.Risk;

/// <summary>The shipped launch/risk_check.launch.xml starts the risk-check node in process, and it publishes ~/risk per plan.</summary>
public sealed class RiskCheckLaunchTests
{
    private static string LaunchFile()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "launch", "risk_check.launch.xml");
            if (File.Exists(candidate)) return candidate;
        }

        return Path.Combine("/work/main", "launch", "risk_check.launch.xml");
    }

    [Fact]
    public async Task ShippedLaunchFile_InProcess_PublishesRiskPerPlan()
    {
        string file = LaunchFile();
        Assert.True(File.Exists(file), $"{file} not found");
        var plan = new LaunchEvaluator(new LaunchEvaluationOptions
        {
            Packages = new PackageLocator(new Dictionary<string, string>(), _ => null),
            GetEnvironmentVariable = _ => null,
        }).Evaluate(file, new Dictionary<string, string> { ["risk_samples"] = "200" });
        Assert.Single(plan.Nodes);
        Assert.Equal("risk_check_node", plan.Nodes[0].Executable);

        using var ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess" });
        using var tester = new Node(ros, "risk_launch_tester");
        var received = new List<double[]>();
        using var sub = tester.CreateSubscription<Float64MultiArray>("/risk_check/risk", m =>
        {
            lock (received) received.Add([.. m.Data]);
        }, QosProfile.KeepLast(100));
        using var exec = new Executor();
        exec.Add(tester);
        using var spin = new CancellationTokenSource();
        var spinner = Task.Run(() => exec.Spin(spin.Token));
        using var cts = new CancellationTokenSource();
        var launcher = new InProcessLauncher(NodeExecutableCatalog.Default, new LaunchRunOptions { Context = ros, Logger = new LoggerConfiguration().CreateLogger() });
        var run = Task.Run(() => launcher.RunAsync(plan, cts.Token));
        var end = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            lock (received)
            {
                if (received.Count >= 3) break;
            }

            Assert.True(DateTime.UtcNow < end, "timed out waiting for 3 ~/risk messages");
            await Task.Delay(20);
        }

        cts.Cancel();
        await run;
        spin.Cancel();
        await spinner;
        lock (received)
        {
            Assert.All(received, m =>
            {
                Assert.Equal(6, m.Length);
                Assert.InRange(m[0], 0.0, 1.0); // a probability
                Assert.Equal(m[0] <= 0.002 ? 1.0 : 0.0, m[2]); // passed iff at most the launch file's threshold
            });
        }
    }
}
