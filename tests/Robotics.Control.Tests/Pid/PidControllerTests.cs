using Robotics.Control.Loop;
using Robotics.Control.Pid;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.Pid;

public class PidControllerTests
{
    private static readonly SimTime Period = SimTime.FromMilliseconds(100); // h = 0.1 s

    private static double Step(PidController pid, double measurement, double setPoint, out ControllerStatus status)
    {
        var command = new double[1];
        status = pid.Update(SimTime.Zero, Period, [measurement], [setPoint], command);
        return command[0];
    }

    private static double Step(PidController pid, double measurement, double setPoint) => Step(pid, measurement, setPoint, out _);

    [Fact]
    public void Update_ProportionalOnly_GivesKpTimesErrorPlusOffset()
    {
        // u = u_off + kp (r - y) = 0.5 + 2 (3 - 1) = 4.5
        var pid = new PidController(new PidParameters { Kp = 2.0, OutputOffset = 0.5 });

        Assert.Equal(4.5, Step(pid, 1.0, 3.0, out var status), 15);
        Assert.Equal(ControllerStatus.Ok, status);
    }

    [Fact]
    public void Update_ConstantError_IntegralGrowsByKiHePerTick()
    {
        // kp = 0, ki = 2, h = 0.1, e = 1: tick k outputs I_k = k ki h e = 0.2 k (the integral lags one tick).
        var pid = new PidController(new PidParameters { Kp = 0.0, Ki = 2.0 });

        for (int k = 0; k < 10; k++)
        {
            Assert.Equal(0.2 * k, Step(pid, 0.0, 1.0), 12);
        }

        Assert.Equal(2.0, pid.IntegralTerm, 12);
    }

    [Fact]
    public void Update_MeasurementStep_DerivativeFollowsFilterRecursion()
    {
        // D_k = Tf/(Tf+h) D_{k-1} - kd/(Tf+h) (y_k - y_{k-1}); Tf = h = 0.1, kd = 2 -> D_k = 0.5 D_{k-1} - 10 dy.
        // y: 0 (first tick, D = 0), then 1, 1, 1: D = -10, -5, -2.5.
        var pid = new PidController(new PidParameters { Kp = 0.0, Kd = 2.0, DerivativeFilterTimeS = 0.1 });

        Assert.Equal(0.0, Step(pid, 0.0, 0.0), 15);
        Assert.Equal(-10.0, Step(pid, 1.0, 0.0), 12);
        Assert.Equal(-5.0, Step(pid, 1.0, 0.0), 12);
        Assert.Equal(-2.5, Step(pid, 1.0, 0.0), 12);
    }

    [Fact]
    public void Update_NoFilter_DerivativeIsBackwardDifference()
    {
        // Tf = 0: D = -kd (y_k - y_{k-1}) / h = -2 * 0.1 / 0.1 = -2 for a ramp of 0.1 per tick.
        var pid = new PidController(new PidParameters { Kp = 0.0, Kd = 2.0, DerivativeFilterTimeS = 0.0 });

        Step(pid, 0.0, 0.0);
        Assert.Equal(-2.0, Step(pid, 0.1, 0.0), 12);
        Assert.Equal(-2.0, Step(pid, 0.2, 0.0), 12);
    }

    [Fact]
    public void Update_SetPointStep_CausesNoDerivativeKick()
    {
        var pid = new PidController(new PidParameters { Kp = 0.0, Kd = 5.0, DerivativeFilterTimeS = 0.01 });

        Step(pid, 1.0, 0.0);
        Assert.Equal(0.0, Step(pid, 1.0, 100.0), 15);
    }

    [Fact]
    public void Update_BeyondLimits_ClipsAndReportsSaturated()
    {
        var pid = new PidController(new PidParameters { Kp = 10.0, OutputMin = -2.0, OutputMax = 3.0 });

        Assert.Equal(3.0, Step(pid, 0.0, 1.0, out var high));
        Assert.Equal(ControllerStatus.Saturated, high);
        Assert.Equal(-2.0, Step(pid, 0.0, -1.0, out var low));
        Assert.Equal(ControllerStatus.Saturated, low);
        Assert.Equal(1.0, Step(pid, 0.0, 0.1, out var inside), 12);
        Assert.Equal(ControllerStatus.Ok, inside);
    }

    [Fact]
    public void AntiWindup_WhileSaturated_IntegratorSettlesInsteadOfGrowing()
    {
        // kp = ki = 1, h = 0.1, e = 1, limits +/-0.5, Tt = h (gain 1):
        // I_1 = 0 + 0.1 + (0.5 - 1) = -0.4, then I = -0.4 + 0.1 + (0.5 - 0.6) = -0.4 for ever.
        // Without anti-windup (Tt = +inf) I_k = 0.1 k, so I_100 = 10.
        var with = new PidController(new PidParameters { Kp = 1, Ki = 1, OutputMin = -0.5, OutputMax = 0.5, AntiWindupTrackingTimeS = 0.1 });
        var without = new PidController(new PidParameters { Kp = 1, Ki = 1, OutputMin = -0.5, OutputMax = 0.5, AntiWindupTrackingTimeS = double.PositiveInfinity });

        for (int k = 0; k < 100; k++)
        {
            Step(with, 0.0, 1.0);
            Step(without, 0.0, 1.0);
        }

        Assert.Equal(-0.4, with.IntegralTerm, 12);
        Assert.Equal(10.0, without.IntegralTerm, 9);
    }

    [Fact]
    public void AntiWindup_AfterErrorReverses_RecoversImmediatelyInsteadOfAfter95Ticks()
    {
        // Continue the case above with e = -1. With anti-windup v = -1 - 0.4 = -1.4 -> -0.5 on the first tick.
        // Without: v_j = -1 + (10 - 0.1 j) reaches -0.5 at j = 95.
        var with = new PidController(new PidParameters { Kp = 1, Ki = 1, OutputMin = -0.5, OutputMax = 0.5, AntiWindupTrackingTimeS = 0.1 });
        var without = new PidController(new PidParameters { Kp = 1, Ki = 1, OutputMin = -0.5, OutputMax = 0.5, AntiWindupTrackingTimeS = double.PositiveInfinity });
        for (int k = 0; k < 100; k++)
        {
            Step(with, 0.0, 1.0);
            Step(without, 0.0, 1.0);
        }

        Assert.Equal(-0.5, Step(with, 0.0, -1.0));
        int ticks = 0;
        while (Step(without, 0.0, -1.0) > -0.5 && ticks < 1000) ticks++;
        Assert.InRange(ticks, 94, 96);
    }

    [Fact]
    public void TrackingTime_Automatic_FollowsDocumentedRule()
    {
        // PID: Ti = kp/ki = 2 s, Td = kd/kp = 0.25 s -> Tt = sqrt(0.5). PI: Tt = Ti = 2 s. No ki: disabled.
        Assert.Equal(Math.Sqrt(0.5), new PidController(new PidParameters { Kp = 2, Ki = 1, Kd = 0.5 }).EffectiveTrackingTimeS, 15);
        Assert.Equal(2.0, new PidController(new PidParameters { Kp = 2, Ki = 1 }).EffectiveTrackingTimeS, 15);
        Assert.Equal(double.PositiveInfinity, new PidController(new PidParameters { Kp = 2 }).EffectiveTrackingTimeS);
    }

    [Fact]
    public void Update_NonFiniteInput_FailsAndKeepsState()
    {
        var pid = new PidController(new PidParameters { Kp = 1, Ki = 1 });
        Step(pid, 0.0, 1.0);
        double integral = pid.IntegralTerm;

        Step(pid, double.NaN, 1.0, out var status);

        Assert.Equal(ControllerStatus.Failed, status);
        Assert.Equal(integral, pid.IntegralTerm);
        Step(pid, 0.0, double.PositiveInfinity, out var status2);
        Assert.Equal(ControllerStatus.Failed, status2);
    }

    [Fact]
    public void Update_SelectsConfiguredIndices()
    {
        // State [position, velocity]; measure velocity (index 1) against reference entry 1.
        var pid = new PidController(new PidParameters { Kp = 3, MeasurementIndex = 1, ReferenceIndex = 1 }, stateSize: 2, referenceSize: 2);
        var command = new double[1];

        pid.Update(SimTime.Zero, Period, [100.0, 1.0], [-7.0, 2.0], command);

        Assert.Equal(3.0, command[0], 15);
        Assert.Equal((2, 2, 1), (pid.StateSize, pid.ReferenceSize, pid.CommandSize));
    }

    [Fact]
    public void Reset_ClearsIntegralAndDerivativeMemory()
    {
        var pid = new PidController(new PidParameters { Kp = 0, Ki = 1, Kd = 1 });
        Step(pid, 0.0, 1.0);
        Step(pid, 0.5, 1.0);

        pid.Reset();

        Assert.Equal(0.0, pid.IntegralTerm);
        Assert.Equal(0.0, Step(pid, 3.0, 3.0), 15); // first tick after reset: no integral, no derivative
    }

    [Fact]
    public void FromParameters_UsesDeclaredNames()
    {
        var set = new ParameterSet(PidController.Parameters);
        set.Set("kp", ParameterValue.FromDouble(2.0));
        set.Set("output_max", ParameterValue.FromDouble(1.0));
        set.Set("measurement_index", ParameterValue.FromInteger(1));
        set.Set("state_size", ParameterValue.FromInteger(2));
        var pid = PidController.FromParameters(set);
        var command = new double[1];

        var status = pid.Update(SimTime.Zero, Period, [0.0, 0.25], [1.0], command);

        Assert.Equal(1.0, command[0]); // 2 * 0.75 = 1.5 clipped to 1
        Assert.Equal(ControllerStatus.Saturated, status);
        Assert.Equal(2, pid.StateSize);
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowWithParameterName()
    {
        Assert.Contains("output_min", Assert.Throws<ArgumentException>(() => new PidController(new PidParameters { OutputMin = 1, OutputMax = 0 })).Message);
        Assert.Contains("measurement_index", Assert.Throws<ArgumentException>(() => new PidController(new PidParameters { MeasurementIndex = 2 }, stateSize: 2)).Message);
        Assert.Contains("derivative_filter_time_s", Assert.Throws<ArgumentException>(() => new PidController(new PidParameters { DerivativeFilterTimeS = -1 })).Message);
    }

    [Fact]
    public void Update_AllocatesNothing()
    {
        var pid = new PidController(new PidParameters { Kp = 1, Ki = 1, Kd = 0.1, OutputMin = -1, OutputMax = 1 }, stateSize: 2);
        var state = new double[] { 0.3, 0.0 };
        var reference = new double[] { 1.0 };
        var command = new double[1];
        for (int i = 0; i < 10; i++) pid.Update(SimTime.Zero, Period, state, reference, command);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            state[0] = 0.001 * i;
            pid.Update(Period * i, Period, state, reference, command);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }
}
