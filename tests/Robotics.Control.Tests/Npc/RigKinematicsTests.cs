using Robotics.Control.Loop;
using Robotics.Control.Npc;
using Robotics.Control.Npc.Rigs;
using Robotics.Core.Time;
using Xunit;

namespace Robotics.Control.Tests.Npc;

/// <summary>Rig kinematics (issue 6) against tests/golden/rigs/rig_kinematics.py, and the rig controllers' invariants.</summary>
public sealed class RigKinematicsTests
{
    [Theory]
    // values printed by tests/golden/rigs/rig_kinematics.py
    [InlineData(0.5, 0.0, 0.018597907950, 0.0, 0.118056389599)]
    [InlineData(0.3, -0.6, 0.011086167648, -0.022172335297, 0.116515145042)]
    public void Tendon_Forward_MatchesConstantCurvature(double p1, double p2, double x, double y, double z)
    {
        var tip = new double[3];
        new TendonKinematics().Forward([p1, p2], tip);
        Assert.Equal(x, tip[0], 1e-11);
        Assert.Equal(y, tip[1], 1e-11);
        Assert.Equal(z, tip[2], 1e-11);
    }

    [Fact]
    public void Tendon_Forward_Straight_IsBackboneLength()
    {
        var tip = new double[3];
        new TendonKinematics().Forward([0.0, 0.0], tip);
        Assert.Equal([0.0, 0.0, 0.12], tip);
    }

    [Theory]
    [InlineData(0.5, 0.0)]
    [InlineData(0.3, -0.6)]
    [InlineData(-1.7, 0.8)]
    [InlineData(1e-7, -2e-7)]
    public void Tendon_InverseOfForward_ReturnsTheAngles(double p1, double p2)
    {
        var k = new TendonKinematics();
        var tip = new double[3];
        var q = new double[2];
        k.Forward([p1, p2], tip);
        k.Inverse(tip, q);
        Assert.Equal(p1, q[0], 1e-9);
        Assert.Equal(p2, q[1], 1e-9);
    }

    [Fact]
    public void Hasel_Forward_MatchesPlaneFit()
    {
        var y = new double[3];
        new HaselKinematics().Forward([1e-3, 2e-3, 3e-3, 4e-3, 3e-3, 2e-3], y);
        // tests/golden/rigs/rig_kinematics.py: roll 0, pitch 0.044444444444, heave 0.0025
        Assert.Equal(0.0, y[0], 1e-12);
        Assert.Equal(0.044444444444, y[1], 1e-11);
        Assert.Equal(0.0025, y[2], 1e-12);
    }

    [Fact]
    public void Hasel_ForwardOfInverse_IsIdentity()
    {
        var k = new HaselKinematics();
        var q = new double[6];
        var y = new double[3];
        k.Inverse([0.03, -0.02, 0.002], q);
        k.Forward(q, y);
        Assert.Equal(0.03, y[0], 1e-12);
        Assert.Equal(-0.02, y[1], 1e-12);
        Assert.Equal(0.002, y[2], 1e-12);
    }

    [Theory]
    [InlineData(-0.5, 0.0)]
    [InlineData(0.0, 0.001)] // z_max (0.5)^2 = 1 mm
    [InlineData(0.5, 0.004)]
    public void Hasel_StrokeOfDrive_IsZmaxTimesVoltageSquared(double u, double z)
    {
        var k = new HaselKinematics();
        Assert.Equal(z, k.CoordinateFor(0, u), 1e-15);
        Assert.Equal(u, k.CommandFor(0, z), 1e-12);
    }

    [Fact]
    public void FigureEight_CrossesTheCentreAtHalfPeriods_AndHoldsWhileSettling()
    {
        var path = RigFigureEight.Hasel(settleSeconds: 1.0);
        var r = new double[3];
        path.Evaluate(0.5, r);
        Assert.Equal([0.0, 0.0, 0.002], r);
        path.Evaluate(1.0 + path.PeriodSeconds / 2, r); // sin(pi) = sin(2 pi) = 0
        Assert.Equal(0.0, r[0], 1e-12);
        Assert.Equal(0.0, r[1], 1e-12);
        path.Evaluate(1.0 + path.PeriodSeconds / 4, r); // sin(pi/2) = 1, sin(pi) = 0
        Assert.Equal(0.05, r[0], 1e-12);
        Assert.Equal(0.0, r[1], 1e-12);
    }

    [Fact]
    public void Pid_AtTheTarget_CommandsTheInverseOfTheFeedForward()
    {
        // With y = r(t) the error is 0; the command is the inverse kinematics of r(t + lead) (HASEL: no backlash).
        var k = new HaselKinematics();
        var pid = new RigInversePidController(k, RigPidGains.Hasel, 27);
        var state = new double[27];
        state[2] = 0.002;
        double[] reference = [0, 0, 0.002, 0, 0, 0.001];
        var u = new double[6];
        Assert.Equal(ControllerStatus.Ok, pid.Update(SimTime.Zero, SimTime.FromMilliseconds(5), state, reference, u));
        foreach (double v in u) Assert.Equal(0.0, v, 1e-12); // z = 1 mm -> u = sqrt(1/4) - 0.5 = 0
    }

    [Fact]
    public void LagPredictor_StepEqualToTimeConstant_CoversOneMinusOneOverE()
    {
        var k = new TendonKinematics();
        var model = new RigLagPredictor(k, k.TimeConstantSeconds);
        Assert.Equal(1 - Math.Exp(-1), model.LagFactor, 1e-12);
        var y0 = new double[3];
        k.Forward([0.2, 0.0], y0);
        var next = new double[3];
        model.Predict([0.6, 0.0], y0, next);
        var expected = new double[3];
        k.Forward([0.2 + (1 - Math.Exp(-1)) * 0.4, 0.0], expected);
        for (int i = 0; i < 3; i++) Assert.Equal(expected[i], next[i], 1e-9);
    }
}
