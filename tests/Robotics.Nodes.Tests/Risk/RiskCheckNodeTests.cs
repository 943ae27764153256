using System.Globalization;
using Robotics.Control.Risk;
using Robotics.Core.Time;
using Robotics.Nodes.Hosting;
using Robotics.Nodes.Risk;
using Robotics.Ros.Interfaces.StdMsgs;
using Robotics.Ros.Nodes;
using Robotics.Ros.Transport;
using Serilog;

namespace Robotics.Nodes.Tests.Risk;

/// <summary>
/// The risk-check node in process (manual clock, in-process transport): the executable is in the catalog, and the risk
/// it publishes for a plan is the one derivable by hand for a box covering the half-plane x &gt;= e: at step 0 (before
/// any motion) the footprint of radius 0.2 m touches it with probability sf((e - 0.2) / 0.03) for an estimate at x = 0
/// with deviation std 0.03 m (tests/golden/risk/half_plane_probability.py).
/// </summary>
public sealed class RiskCheckNodeTests : IDisposable
{
    private readonly ManualClock clock = new(SimTime.FromSeconds(1000));
    private readonly RosContext ros;

    public RiskCheckNodeTests()
    {
        ros = RosContext.Init([], new RosContextOptions { TransportName = "inprocess", Clock = clock });
    }

    public void Dispose() => ros.Dispose();

    [Fact]
    public void Catalog_ContainsRiskCheckNode()
    {
        Assert.NotNull(NodeExecutableCatalog.Default.Find("robotics", "risk_check_node"));
    }

    // Expected values: edge 0.2 -> 0.5 by symmetry; edge 0.23 -> 1.5865525393e-01 and edge 0.26 -> 2.2750131948e-02 by
    // tests/golden/risk/half_plane_probability.py. Tolerance: the density-weighted estimate of a 1-D tail in the 6-D
    // deviation space with 4000 samples (the cells cut by the edge), 5 % of the probability.
    [Theory]
    [InlineData(0.20, 0.5)]
    [InlineData(0.23, 1.5865525393e-01)]
    [InlineData(0.26, 2.2750131948e-02)]
    public void HalfPlaneObstacle_PublishedStepZeroRisk_MatchesGaussianTail(double edge, double expected)
    {
        string box = string.Create(CultureInfo.InvariantCulture, $"[{edge}, -100.0, 100.0, 100.0]");
        using var node = new ManagedControlNode(new NodeRunContext(ros, clock, new LoggerConfiguration().CreateLogger()),
        [
            "--ros-args", "-p", "layout:=none", "-p", $"extra_boxes:={box}", "-p", "initial_state:=[0.0, 0.0, 0.0, 0.0]",
            "-p", "sensor_noise_std:=[0.0, 0.0, 0.0, 0.0]", "-p", "risk_samples:=4000", "-p", "goal:=[-3.0, 0.0]",
        ], RiskCheckNodeExecutable.Definition);
        using var tester = new Node(ros, "risk_tester");
        var risks = new List<double[]>();
        var steps = new List<double[]>();
        using var riskSub = tester.CreateSubscription<Float64MultiArray>("/risk_check/risk", m => risks.Add([.. m.Data]), QosProfile.KeepLast(10));
        using var stepSub = tester.CreateSubscription<Float64MultiArray>("/risk_check/step_risk", m => steps.Add([.. m.Data]), QosProfile.KeepLast(10));
        using var exec = new Executor();
        exec.Add(tester);

        Assert.True(node.Start());
        node.TickOnce();
        for (int i = 0; i < 1000 && (risks.Count == 0 || steps.Count == 0); i++)
        {
            if (exec.SpinSome() == 0) Thread.Sleep(1);
        }

        var controller = Assert.IsType<RiskGatedController>(node.Controller);
        Assert.Equal(1, controller.Decisions);
        Assert.Single(risks);
        Assert.Single(steps);
        Assert.Equal(RiskTopicsObserver.RiskMessageLength, risks[0].Length);
        Assert.Equal(21, steps[0].Length);
        Assert.InRange(steps[0][0], expected * 0.95, expected * 1.05);
        // Any-step risk includes step 0; the largest per-step risk is at least the step-0 one.
        Assert.True(risks[0][0] >= steps[0][0] - 1e-12);
        Assert.True(risks[0][1] >= steps[0][0] - 1e-12);
        // Passed (1) iff the any-step risk is at most the node's default threshold 2e-3 and the status says so.
        var status = (RiskGateStatus)(int)risks[0][3];
        Assert.Equal(status is RiskGateStatus.Passed or RiskGateStatus.PassedAfterReplan ? 1.0 : 0.0, risks[0][2]);
        Assert.Equal(risks[0][0] <= 2e-3, risks[0][2] == 1.0);
    }
}
