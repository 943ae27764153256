using Robotics.Nodes.Hosting;
using Robotics.Nodes.Stl;
using Robotics.Nodes.Tests.Hosting;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using StlRobustnessMsg = Robotics.Ros.Interfaces.RoboticsMsgs.StlRobustness;

namespace Robotics.Nodes.Tests.Stl;

/// <summary>
/// Issue 8, online monitor node: <c>robotics/stl_monitor_node</c> on the in-process transport, driven tick by tick on a
/// manual clock; hand-made signals are published on three message types and the published robustness is compared with
/// values computed by hand from the definition.
/// </summary>
public sealed class StlMonitorNodeTests : IDisposable
{
    private const string Spec = "always[0:0.2](x - y >= 1) and historically[0:0.1](z <= 4)";
    private const string Signals = "x=/sig/x; y=/sig/joints:position[y_joint]; z=/sig/array:data[1]";

    private readonly HostHarness _h = new();

    public void Dispose() => _h.Dispose();

    private readonly List<string> _log = [];

    private ManagedControlNode CreateNode(string spec, string signals)
    {
        var logger = new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new ListSink(_log)).CreateLogger();
        return new(_h.Context with { Logger = logger }, ["--ros-args", "-p", "rate_hz:=10.0", "-p", $"spec:={spec}", "-p", $"signals:={signals}"],
            StlMonitorNodeExecutable.Definition);
    }

    private sealed class ListSink(List<string> lines) : ILogEventSink
    {
        public void Emit(LogEvent logEvent)
        {
            lock (lines) lines.Add(logEvent.RenderMessage());
        }
    }

    [Fact]
    public void Catalog_HasTheMonitorNode()
    {
        Assert.NotNull(NodeExecutableCatalog.Default.Find("robotics", "stl_monitor_node"));
    }

    [Fact]
    public void InProcess_PublishedRobustness_EqualsHandComputedValues()
    {
        // Hand-made signals at 10 Hz; d = x - y - 1 and e = 4 - z:
        //   d = [2, 3, 0.5, 2, 3, 0.5, 2],  e = [3, 2, -1, 4, 1, 0, 2].
        // ρ_k = min( min d[k..k+2], min e[max(0,k-1)..k] ):
        //   k=0: min(0.5, 3) = 0.5;  k=1: min(0.5, 2) = 0.5;  k=2: min(0.5, -1) = -1;
        //   k=3: min(0.5, -1) = -1;  k=4: min(0.5, 1) = 0.5.  Decided 2 samples (0.2 s) later.
        double[] x = [3, 5, 2, 4, 6, 1.5, 3];
        double[] y = [0, 1, 0.5, 1, 2, 0, 0];
        double[] z = [1, 2, 5, 0, 3, 4, 2];
        double[] expected = [0.5, 0.5, -1, -1, 0.5];
        double[] expectedTimes = [0.0, 0.1, 0.2, 0.3, 0.4];

        using var node = CreateNode(Spec, Signals);
        Assert.True(node.Start(), string.Join("\n", _log));
        using var px = _h.Tester.CreatePublisher<Float64>("/sig/x", 10);
        using var py = _h.Tester.CreatePublisher<JointState>("/sig/joints", 10);
        using var pz = _h.Tester.CreatePublisher<Float64MultiArray>("/sig/array", 10);
        var robustness = new List<double>();
        var times = new List<double>();
        var verdicts = new List<StlRobustnessMsg>();
        using var s1 = _h.Tester.CreateSubscription<Float64>("/stl_monitor/robustness", m => robustness.Add(m.Data), QosProfile.KeepLast(100));
        using var s2 = _h.Tester.CreateSubscription<Float64>("/stl_monitor/robustness_time", m => times.Add(m.Data), QosProfile.KeepLast(100));
        using var s3 = _h.Tester.CreateSubscription<StlRobustnessMsg>("/stl_monitor/verdict", verdicts.Add, QosProfile.KeepLast(100));
        var exec = new Executor();
        exec.Add(_h.Tester);

        // A tick before z has been published is no sample.
        px.Publish(new Float64 { Data = 100 });
        py.Publish(new JointState { Name = ["other", "y_joint"], Position = [7, 100] });
        node.TickOnce();
        _h.Clock.Advance(node.Period);

        for (int k = 0; k < x.Length; k++)
        {
            px.Publish(new Float64 { Data = x[k] });
            py.Publish(new JointState { Name = ["other", "y_joint"], Position = [7, y[k]] });
            pz.Publish(new Float64MultiArray { Data = [-9, z[k]] });
            node.TickOnce();
            _h.Clock.Advance(node.Period);
            exec.SpinSome();
        }

        exec.SpinSome();
        Assert.Equal(expected.Length, robustness.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], robustness[i], 12);
            Assert.Equal(expectedTimes[i], times[i], 12);
            Assert.Equal(expected[i], verdicts[i].Robustness, 12);
            Assert.Equal(expected[i] > 0, verdicts[i].Satisfied);
            Assert.Equal(0.2, verdicts[i].HorizonS, 12);
        }
    }

    [Fact]
    public void Update_AllocatesNothing_InSteadyState()
    {
        using var node = CreateNode("always[0:0.5](a <= 2) and once[0:0.3](b >= 0)", "a=/sig/a; b=/sig/b");
        Assert.True(node.Start(), string.Join("\n", _log));
        using var pa = _h.Tester.CreatePublisher<Float64>("/sig/a", 10);
        using var pb = _h.Tester.CreatePublisher<Float64>("/sig/b", 10);
        var ma = new Float64();
        var mb = new Float64();
        long allocated = 0;
        for (int k = 0; k < 300; k++)
        {
            ma.Data = k % 3;
            mb.Data = (k % 5) - 2;
            pa.Publish(ma);
            pb.Publish(mb);
            long before = GC.GetAllocatedBytesForCurrentThread();
            node.TickOnce();
            long after = GC.GetAllocatedBytesForCurrentThread();
            if (k >= 100) allocated += after - before;
            _h.Clock.Advance(node.Period);
        }

        Assert.Equal(0, allocated);
    }

    [Theory]
    [InlineData("always[0:1](w >= 0)", "x=/sig/x", "signal 'w' is unknown")]
    [InlineData("always[0:1](x >= 0) and y <= 2", "x=/sig/x", "signal 'y' is unknown")]
    [InlineData("always[2:1](x >= 0)", "x=/sig/x", "reversed")]
    [InlineData("always[](x >= 0)", "x=/sig/x", "empty")]
    [InlineData("always(x >= 0)", "x=/sig/x", "no upper bound")]
    [InlineData("eventually[1:inf](x >= 0)", "x=/sig/x", "no upper bound")]
    [InlineData("x >= 0 until y >= 0", "x=/sig/x; y=/sig/y", "no upper bound")]
    [InlineData("always[0:0.15](x >= 0)", "x=/sig/x", "sample")]
    [InlineData("always[0:1](x >= )", "x=/sig/x", "1:")]
    [InlineData("always[0:1](x >= 0)", "x=/sig/x; q=/sig/q", "'q' is not used")]
    [InlineData("always[0:1](x >= 0)", "x=/sig/x:pose.x", "not supported")]
    [InlineData("always[0:1](x >= 0)", "x", "no signal name")]
    public void CreateMonitor_BadSpecification_IsRejectedWithAClearMessage(string spec, string signals, string expectedFragment)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => StlMonitorNodeExecutable.CreateMonitor(spec, "", signals, 0.1, out _));
        Assert.Contains(expectedFragment, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void CreateMonitor_NeitherOrBothSources_AreRejected()
    {
        Assert.Contains("no specification", Assert.Throws<ArgumentException>(() => StlMonitorNodeExecutable.CreateMonitor("", "", "x=/x", 0.1, out _)).Message);
        Assert.Contains("both set", Assert.Throws<ArgumentException>(() => StlMonitorNodeExecutable.CreateMonitor("x >= 0", "f.stl", "x=/x", 0.1, out _)).Message);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => StlMonitorNodeExecutable.CreateMonitor("", "/nonexistent/f.stl", "x=/x", 0.1, out _)).Message);
    }

    [Fact]
    public void Configure_UnboundedFutureOperator_IsRefused()
    {
        using var node = CreateNode("eventually(x >= 0)", "x=/sig/x");
        Assert.False(node.Start());
        Assert.Null(node.Loop);
        Assert.Contains(_log, line => line.Contains("no upper bound", StringComparison.Ordinal));
    }

    [Fact]
    public void CreateMonitor_SpecFile_BindingsFollowTheSpecificationsSignalOrder()
    {
        string file = Path.Combine(Path.GetTempPath(), $"stl-monitor-{Guid.NewGuid():N}.stl");
        File.WriteAllText(file, "input float b, a\nalways[0:1](a - b >= 0)\n");
        try
        {
            var monitor = StlMonitorNodeExecutable.CreateMonitor("", file, "a=/t/a; b=/t/joints:velocity[3]", 0.5, out var bindings);
            Assert.Equal(monitor.Specification.Signals, bindings.Select(b => b.Signal));
            Assert.Equal(2, monitor.Delay); // 1 s at 0.5 s per sample
            var b = bindings.Single(x => x.Signal == "b");
            Assert.Equal(StlSignalSourceKind.JointState, b.Kind);
            Assert.Equal("velocity[3]", b.Field);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
