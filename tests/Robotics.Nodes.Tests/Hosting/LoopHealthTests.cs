using Robotics.Nodes.Diagnostics;
using Robotics.Ros.Interfaces.DiagnosticMsgs;

namespace Robotics.Nodes.Tests.Hosting;

public sealed class LoopHealthTests
{
    private static LoopHealthSample Healthy => new(100, 100, 1e-5, 5e-5, 2e-5, 0, 0, 0, 0, 0, "", "ok", "active", true);

    [Fact]
    public void Healthy_IsOk_WithHardwareId()
    {
        var s = LoopHealth.Assess("rig", "tendon_rig_1", Healthy);
        Assert.Equal(DiagnosticStatus.OK, s.Level);
        Assert.Equal("rig: control loop", s.Name);
        Assert.Equal("tendon_rig_1", s.HardwareId);
        Assert.Contains(s.Values, kv => kv.Key == "rate_hz" && kv.Value == "100");
    }

    [Theory]
    [InlineData(89.9, DiagnosticStatus.WARN)] // below 0.9 x 100
    [InlineData(90.0, DiagnosticStatus.OK)]
    [InlineData(110.1, DiagnosticStatus.WARN)]
    public void Rate_OutsideTenPercent_Warns(double rate, byte level) =>
        Assert.Equal(level, LoopHealth.Assess("n", "none", Healthy with { MeasuredRateHz = rate }).Level);

    [Fact]
    public void Overruns_Warn_WriteFaults_Error()
    {
        Assert.Equal(DiagnosticStatus.WARN, LoopHealth.Assess("n", "none", Healthy with { NewOverruns = 1 }).Level);
        Assert.Equal(DiagnosticStatus.ERROR, LoopHealth.Assess("n", "none", Healthy with { NewWriteFaults = 1, NewOverruns = 1 }).Level);
        Assert.Equal(DiagnosticStatus.ERROR, LoopHealth.Assess("n", "none", Healthy with { Active = false, LastFault = "link lost" }).Level);
    }
}
