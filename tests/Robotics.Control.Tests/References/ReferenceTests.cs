using Robotics.Control.Loop;
using Robotics.Control.References;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.References;

public class ReferenceTests
{
    private static double[] At(IReferenceSource source, double seconds)
    {
        var r = new double[source.Size];
        source.Evaluate(SimTime.FromSeconds(seconds), r);
        return r;
    }

    [Fact]
    public void Constant_ReturnsItsValues()
    {
        var reference = new ConstantReference(1.5, -2.0);

        Assert.Equal([1.5, -2.0], At(reference, 123.0));
        Assert.Equal(2, reference.Size);
    }

    [Fact]
    public void Step_SwitchesAtStepTime()
    {
        var reference = new StepReference(initialValue: -1.0, finalValue: 4.0, stepTimeS: 2.0);

        Assert.Equal(-1.0, At(reference, 1.999)[0]);
        Assert.Equal(4.0, At(reference, 2.0)[0]);
        Assert.Equal(4.0, At(reference, 50.0)[0]);
    }

    [Fact]
    public void Ramp_RisesFromStartTimeAndSaturates()
    {
        // r = 1 + 0.5 (t - 1) for t >= 1, capped at 2.
        var reference = new RampReference(startValue: 1.0, slopePerS: 0.5, startTimeS: 1.0, outputMax: 2.0);

        Assert.Equal(1.0, At(reference, 0.5)[0]);
        Assert.Equal(1.5, At(reference, 2.0)[0], 12);
        Assert.Equal(2.0, At(reference, 2.999)[0], 2); // 1.9995
        Assert.Equal(2.0, At(reference, 10.0)[0]);
    }

    [Fact]
    public void Sine_MatchesFormulaAtQuarterAndHalfPeriod()
    {
        // r = 1 + 2 sin(2 pi 0.25 t): t = 1 s -> 1 + 2 sin(pi/2) = 3; t = 2 s -> 1 + 2 sin(pi) = 1.
        var reference = new SineReference(offset: 1.0, amplitude: 2.0, frequencyHz: 0.25);

        Assert.Equal(3.0, At(reference, 1.0)[0], 12);
        Assert.Equal(1.0, At(reference, 2.0)[0], 12);
        var shifted = new SineReference(0.0, 1.0, 0.25, phaseRad: Math.PI / 2);
        Assert.Equal(1.0, At(shifted, 0.0)[0], 12);
    }

    [Fact]
    public void FigureEight_AtQuarterPeriod_IsAtTheRightTipHeadingDown()
    {
        // Centre (1, 2), a = 4, T = 8 s -> w = pi/4. At t = T/4: theta = pi/2, x = 1 + 4 = 5, y = 2 + 2 sin(pi) = 2;
        // x' = a w cos(pi/2) = 0, y' = a w cos(pi) = -pi -> yaw = -pi/2, speed = pi.
        var reference = new FigureEightReference(centreXM: 1.0, centreYM: 2.0, sizeM: 4.0, periodS: 8.0);

        var r = At(reference, 2.0);

        Assert.Equal(5.0, r[0], 12);
        Assert.Equal(2.0, r[1], 12);
        Assert.Equal(-Math.PI / 2, r[2], 12);
        Assert.Equal(Math.PI, r[3], 12);
    }

    [Fact]
    public void FigureEight_AtStartAndEighthPeriod_MatchesHandValues()
    {
        var reference = new FigureEightReference(1.0, 2.0, 4.0, 8.0);

        // t = 0: centre, x' = y' = a w = pi -> yaw pi/4, speed pi sqrt(2).
        var r0 = At(reference, 0.0);
        Assert.Equal([1.0, 2.0], r0[..2]);
        Assert.Equal(Math.PI / 4, r0[2], 12);
        Assert.Equal(Math.PI * Math.Sqrt(2), r0[3], 12);

        // t = T/8: theta = pi/4, x = 1 + 4 sqrt(2)/2, y = 2 + 2 sin(pi/2) = 4; x' = pi/sqrt(2), y' = pi cos(pi/2) = 0.
        var r1 = At(reference, 1.0);
        Assert.Equal(1.0 + 2.0 * Math.Sqrt(2), r1[0], 12);
        Assert.Equal(4.0, r1[1], 12);
        Assert.Equal(0.0, r1[2], 12);
        Assert.Equal(Math.PI / Math.Sqrt(2), r1[3], 12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.7)]
    [InlineData(4.9)]
    [InlineData(7.2)]
    public void FigureEight_YawAndSpeed_AgreeWithPositionDifferences(double t)
    {
        var reference = new FigureEightReference(0.0, 0.0, 3.0, 8.0);
        const double dt = 1e-4;
        var before = At(reference, t - dt);
        var after = At(reference, t + dt);
        var now = At(reference, t);

        double vx = (after[0] - before[0]) / (2 * dt), vy = (after[1] - before[1]) / (2 * dt);

        Assert.Equal(Math.Sqrt(vx * vx + vy * vy), now[3], 6);
        Assert.Equal(Math.Atan2(vy, vx), now[2], 6);
    }

    [Fact]
    public void Waypoints_InterpolateAlongSegmentsAndHoldTheEnd()
    {
        // (0,0) -> (3,0) -> (3,4) at 1 m/s: segment lengths 3 and 4.
        var reference = new WaypointReference([(0, 0), (3, 0), (3, 4)], speedMps: 1.0);

        Assert.Equal([1.5, 0.0, 0.0, 1.0], At(reference, 1.5));
        var r5 = At(reference, 5.0);           // s = 5: 2 m into the second segment
        Assert.Equal(3.0, r5[0], 12);
        Assert.Equal(2.0, r5[1], 12);
        Assert.Equal(Math.PI / 2, r5[2], 12);
        Assert.Equal(1.0, r5[3]);
        var end = At(reference, 10.0);         // s = 10 > 7: hold last point, speed 0
        Assert.Equal([3.0, 4.0, Math.PI / 2, 0.0], end);
        Assert.Equal(7.0, reference.TotalLengthM, 12);
    }

    [Fact]
    public void Waypoints_WithLoop_ClosesBackToTheStart()
    {
        // Closing segment (3,4) -> (0,0) has length 5, total 12 m.
        var reference = new WaypointReference([(0, 0), (3, 0), (3, 4)], speedMps: 1.0, loop: true);

        var r = At(reference, 9.5);            // 2.5 m into the closing segment: halfway
        Assert.Equal(1.5, r[0], 12);
        Assert.Equal(2.0, r[1], 12);
        Assert.Equal(Math.Atan2(-4, -3), r[2], 12);
        Assert.Equal(1.0, r[3]);
        var wrapped = At(reference, 13.0);     // s = 13 mod 12 = 1
        Assert.Equal(1.0, wrapped[0], 9);
        Assert.Equal(0.0, wrapped[1], 9);
        Assert.Equal(12.0, reference.TotalLengthM, 12);
    }

    [Fact]
    public void Waypoints_BeforeStartTime_HoldFirstPointAtRest()
    {
        var reference = new WaypointReference([(1, 1), (1, 5)], speedMps: 2.0, startTimeS: 2.0);

        Assert.Equal([1.0, 1.0, Math.PI / 2, 0.0], At(reference, 1.0));
        Assert.Equal([1.0, 3.0, Math.PI / 2, 2.0], At(reference, 3.0));
    }

    [Fact]
    public void Waypoints_RepeatedPoint_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new WaypointReference([(0, 0), (0, 0), (1, 0)], 1.0));
        Assert.Contains("coincide", ex.Message);
    }

    [Fact]
    public void FromParameters_BuildsEveryReference()
    {
        var waypoints = new ParameterSet(WaypointReference.Parameters);
        waypoints.Set("waypoints_m", ParameterValue.FromDoubleArray([0, 0, 4, 0]));
        waypoints.Set("speed_m_s", ParameterValue.FromDouble(2.0));
        Assert.Equal([2.0, 0.0, 0.0, 2.0], At(WaypointReference.FromParameters(waypoints), 1.0));

        waypoints.Set("waypoints_m", ParameterValue.FromDoubleArray([0, 0, 4]));
        Assert.Throws<ArgumentException>(() => WaypointReference.FromParameters(waypoints));

        Assert.Equal([0.0], At(ConstantReference.FromParameters(new ParameterSet(ConstantReference.Parameters)), 1));
        Assert.Equal(1.0, At(StepReference.FromParameters(new ParameterSet(StepReference.Parameters)), 1.0)[0]);
        Assert.Equal(2.0, At(RampReference.FromParameters(new ParameterSet(RampReference.Parameters)), 2.0)[0], 12);
        Assert.Equal(0.0, At(SineReference.FromParameters(new ParameterSet(SineReference.Parameters)), 1.0)[0], 12);
        Assert.Equal(4, FigureEightReference.FromParameters(new ParameterSet(FigureEightReference.Parameters)).Size);
    }

    [Fact]
    public void Evaluate_AllocatesNothing()
    {
        IReferenceSource[] sources =
        [
            new ConstantReference(1, 2), new StepReference(0, 1, 1), new RampReference(0, 1), new SineReference(0, 1, 1),
            new FigureEightReference(0, 0, 5, 30), new WaypointReference([(0, 0), (3, 0), (3, 4)], 1.0, loop: true),
        ];
        var buffer = new double[4];
        foreach (var s in sources) s.Evaluate(SimTime.Zero, buffer);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            var t = SimTime.FromMilliseconds(10L * i);
            for (int k = 0; k < sources.Length; k++) sources[k].Evaluate(t, buffer);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }
}
