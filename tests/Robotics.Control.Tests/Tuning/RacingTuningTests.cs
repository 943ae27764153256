using Robotics.Control.Racing;

namespace Robotics.Control.Tests.Tuning;

/// <summary>The racing MPC's tunable table and target speed against the paper and hand values.</summary>
public sealed class RacingTuningTests
{
    [Theory]
    // Paper (papers.md section 4) prompt ranges; qv widened to [0, 20] because the paper's [0, 2] excludes its default 10.
    [InlineData("qn", 0, 100, 20)]
    [InlineData("qalpha", 0, 100, 7)]
    [InlineData("qac", 0, 1, 0.01)]
    [InlineData("qddelta", 0, 100, 0.1)]
    [InlineData("alat_max", 0, 20, 10)]
    [InlineData("a_min", -20, 0, -10)]
    [InlineData("a_max", 0, 20, 10)]
    [InlineData("v_min", -2, 5, 1)]
    [InlineData("track_safety_margin", 0, 1, 0.3)]
    public void Parameters_MatchThePapersTable(string name, double min, double max, double defaultValue)
    {
        var d = RacingMpcController.Parameters.Single(p => p.Name == name);
        Assert.Equal(min, d.Minimum);
        Assert.Equal(max, d.Maximum);
        Assert.Equal(defaultValue, d.DefaultValue.AsDouble());
        Assert.False(d.ReadOnly);
    }

    [Fact]
    public void Policy_WhitelistsExactlyThePapersTable_AndNoMpcSetting()
    {
        var policy = RacingTuning.Policy(RacingMpcController.DefaultParameters());
        Assert.Equal(RacingMpcController.TunableNames.OrderBy(n => n), policy.Tunable.Select(t => t.Name).OrderBy(n => n));
        Assert.Null(policy.Find("mpc.horizon"));
        Assert.Null(policy.Find("q_adv"));
    }

    [Theory]
    // v_target = clamp(min(v_max, sqrt(alat/|kappa|)), v_min, v_max): straight -> v_max; curve kappa 1/3, alat 10 -> sqrt(30);
    // reverse window [-1.5, -1] -> -1 everywhere.
    [InlineData(5.0, 1, 6, 10, 6.0)]
    [InlineData(16.0, 1, 6, 10, 5.477225575051661)]
    [InlineData(16.0, -1.5, -1, 10, -1.0)]
    [InlineData(16.0, 1, 6, 0.03, 1.0)]
    public void TargetSpeed_IsCurvatureLimitedAndClamped(double s, double vMin, double vMax, double alat, double expected) =>
        Assert.Equal(expected, SpeedTargetCost.TargetSpeed(TrackProfile.Default, s, vMin, vMax, alat), 12);
}
