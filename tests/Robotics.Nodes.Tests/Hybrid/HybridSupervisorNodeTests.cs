using System.Text.Json;
using Robotics.Core.Time;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Hybrid;
using Robotics.Ros.Interfaces.SensorMsgs;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Nodes.Tests.Hybrid;

/// <summary>
/// The hybrid supervisor node in process (manual clock, in-process transport), seed 1 trial 0 with the RoA planner:
/// the published mode is icy exactly when the published position is past the ice boundary x = 12 m (the track's
/// parameter), it switches once; the published V/c equals e' P e / c recomputed here from the published state with this
/// test's own segment geometry (rotation into the segment frame written out below), with P and c from the node's mode
/// library; once the car is in the icy mode on the icy segment V/c stays &lt;= 1 (inside the icy RoA estimate, which the
/// planner aimed the switch state into) and decreases, and the car stays on the road (|e_y| &lt;= 1.5 m). The library is
/// built with a reduced RoA sampling (60 samples, 400 decrease rays) to keep the test short.
/// </summary>
public sealed class HybridSupervisorNodeTests : IDisposable
{
    private const double IceX = 12.0;
    private readonly ManualClock clock = new(SimTime.FromSeconds(1000));
    private readonly RosContext ros;

    public HybridSupervisorNodeTests()
    {
        ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess", Clock = clock });
    }

    public void Dispose() => ros.Dispose();

    [Fact]
    public void Catalog_ContainsHybridSupervisorNode()
    {
        Assert.NotNull(NodeExecutableCatalog.Default.Find("robotics", "hybrid_supervisor_node"));
    }

    [Fact]
    public void RoaPlanner_Seed1_SwitchesAtIceBoundary_AndStaysInsideIcyRoa()
    {
        using var node = new ManagedControlNode(new NodeRunContext(ros, clock, new LoggerConfiguration().CreateLogger()),
            ["--ros-args", "-p", "seed:=1", "-p", "trial_index:=0", "-p", "planner:=roa_planner",
             "-p", "roa_samples:=60", "-p", "roa_decrease_rays:=400"], HybridSupervisorNodeExecutable.Definition);
        using var tester = new Node(ros, "hybrid_tester");
        var states = new List<double[]>();
        var modes = new List<string>();
        var ratios = new List<double>();
        var switches = new List<string>();
        using var stateSub = tester.CreateSubscription<JointState>("/hybrid_supervisor/state", m => states.Add([.. m.Position]), QosProfile.KeepLast(10));
        using var modeSub = tester.CreateSubscription<Robotics.Ros.Interfaces.StdMsgs.String>("/hybrid_supervisor/mode", m => modes.Add(m.Data), QosProfile.KeepLast(10));
        using var ratioSub = tester.CreateSubscription<Float64>("/hybrid_supervisor/lyapunov_ratio", m => ratios.Add(m.Data), QosProfile.KeepLast(10));
        using var switchSub = tester.CreateSubscription<Robotics.Ros.Interfaces.StdMsgs.String>("/hybrid_supervisor/switch", m => switches.Add(m.Data), QosProfile.KeepLast(10));
        using var exec = new Executor();
        exec.Add(tester);

        Assert.True(node.Start());
        const int ticks = 500; // 10 s at 50 Hz: the ~32 m track at >= 2 m/s.
        for (int k = 0; k < ticks; k++)
        {
            node.TickOnce();
            for (int i = 0; i < 1000 && (ratios.Count <= k || states.Count <= k || modes.Count <= k); i++)
            {
                if (exec.SpinSome() == 0) Thread.Sleep(1);
            }
        }

        var supervisor = Assert.IsType<HybridCarSupervisor>(node.Controller);
        Assert.Equal(ticks, ratios.Count);
        Assert.Equal(ticks, modes.Count);
        Assert.True(states.Count >= ticks);
        int offset = states.Count - ticks; // ~/state is also published while inactive (none expected here)
        Assert.Equal(2, switches.Count); // the plan, then the one mode change

        using var plan = JsonDocument.Parse(switches[0]);
        var root = plan.RootElement;
        Assert.Equal("plan", root.GetProperty("event").GetString());
        double d = root.GetProperty("switch_offset_m").GetDouble(), v1 = root.GetProperty("dry_speed_m_s").GetDouble(), v2 = root.GetProperty("icy_speed_m_s").GetDouble();
        double endX = root.GetProperty("end_x_m").GetDouble(), endY = root.GetProperty("end_y_m").GetDouble();
        Assert.Equal(IceX + 20.0, endX);
        Assert.True(root.GetProperty("plan_loss").GetDouble() >= 0.0);
        Assert.Contains(v1, new[] { 2.0, 3.0, 4.0, 5.0, 6.0 });
        Assert.Contains(v2, new[] { 2.0, 3.0, 4.0, 5.0, 6.0 });

        double headingA = Math.Atan2(d, IceX), lengthA = Math.Sqrt(IceX * IceX + d * d);
        double headingB = Math.Atan2(endY - d, endX - IceX);
        bool onB = false;
        int firstIcy = -1, changes = 0, checkedIcyOnB = 0;
        double maxIcyRatioOnB = 0;
        var e = new double[5];
        for (int k = 0; k < ticks; k++)
        {
            double[] s = states[offset + k];
            bool icyByPosition = s[0] >= IceX;
            Assert.Equal(icyByPosition ? "icy" : "dry", modes[k]);
            Assert.Equal(icyByPosition ? 1.0 : 0.0, s[6]);
            if (k > 0 && modes[k] != modes[k - 1]) changes++;
            if (icyByPosition && firstIcy < 0) firstIcy = k;

            // Error state on the current segment: rotate (x - start) by -heading.
            double sx = onB ? IceX : 0.0, sy = onB ? d : 0.0, h = onB ? headingB : headingA;
            double along = (s[0] - sx) * Math.Cos(h) + (s[1] - sy) * Math.Sin(h);
            if (!onB && along >= lengthA)
            {
                onB = true;
                (sx, sy, h) = (IceX, d, headingB);
            }

            double v = onB ? v2 : v1;
            e[0] = -(s[0] - sx) * Math.Sin(h) + (s[1] - sy) * Math.Cos(h);
            e[1] = Math.IEEERemainder(s[2] - h, 2 * Math.PI);
            e[2] = s[3] - v;
            e[3] = s[4];
            e[4] = s[5];
            var lqr = supervisor.Library.Lqr(icyByPosition, v);
            double vq = 0;
            for (int i = 0; i < 5; i++)
            {
                for (int j = 0; j < 5; j++) vq += e[i] * lqr.LyapunovMatrix[i, j] * e[j];
            }

            double expected = vq / supervisor.Library.Level(icyByPosition, v);
            Assert.Equal(expected, ratios[k], 1e-9 * Math.Max(1.0, expected));
            Assert.InRange(Math.Abs(e[0]), 0.0, 1.5); // on the road (half-width 1.5 m)
            if (icyByPosition && onB)
            {
                checkedIcyOnB++;
                maxIcyRatioOnB = Math.Max(maxIcyRatioOnB, ratios[k]);
            }
        }

        Assert.Equal(1, changes);
        Assert.True(firstIcy > 0, "the car never reached the ice");
        Assert.True(states[offset + firstIcy - 1][0] < IceX);
        Assert.True(checkedIcyOnB > 100, $"only {checkedIcyOnB} icy ticks on segment B");
        Assert.InRange(maxIcyRatioOnB, 0.0, 1.0);
        Assert.True(ratios[ticks - 1] < ratios[firstIcy], $"V/c did not decrease on ice: {ratios[firstIcy]} -> {ratios[ticks - 1]}");

        using var sw = JsonDocument.Parse(switches[1]);
        Assert.Equal("mode_switch", sw.RootElement.GetProperty("event").GetString());
        Assert.Equal("icy", sw.RootElement.GetProperty("mode").GetString());
        Assert.Equal(firstIcy, sw.RootElement.GetProperty("tick").GetInt64());
    }
}
