using Robotics.Control.Loop;
using Robotics.Control.PathFollowing;
using Robotics.Control.References;
using Robotics.Core.Parameters;
using Robotics.Core.Time;

namespace Robotics.Control.Tests.PathFollowing;

public class TrajectoryTrackingControllerTests
{
    private static readonly SimTime Period = SimTime.FromMilliseconds(10);

    // Hand values use a full-size car: L = 2.5 m, |delta| <= 0.5 rad, and the default gains
    // k_x = 1, k_y = 1, k_yaw = 2, k_v = 2, |a| <= 3 m/s^2, v_min = 0.5 m/s.
    private static TrajectoryTrackingParameters Car() => new() { WheelbaseM = 2.5, MaxSteeringAngleRad = 0.5 };

    private static (double Acceleration, double Steering, ControllerStatus Status) Run(
        TrajectoryTrackingController controller, double[] state, double[] reference)
    {
        var command = new double[2];
        var status = controller.Update(SimTime.Zero, Period, state, reference, command);
        return (command[0], command[1], status);
    }

    [Fact]
    public void Update_ZeroError_GivesZeroSteeringAndHoldsSpeed()
    {
        var (a, delta, status) = Run(new TrajectoryTrackingController(Car()), [0, 0, 0, 2], [0, 0, 0, 2]);

        Assert.Equal(0.0, a);
        Assert.Equal(0.0, delta);
        Assert.Equal(ControllerStatus.Ok, status);
    }

    [Fact]
    public void Update_VehicleLeftOfPath_SteersRight()
    {
        // Vehicle at y = 1 heading +x, reference at the origin heading +x: e_y = -1 (reference on the right).
        // w_d = v_ref k_y e_y = 2 * 1 * (-1) = -2 rad/s; delta = atan(L w_d / v) = atan(2.5 * -2 / 2) = atan(-2.5).
        var wide = new TrajectoryTrackingController(Car() with { MaxSteeringAngleRad = 1.5 });
        var (a, delta, status) = Run(wide, [0, 1, 0, 2], [0, 0, 0, 2]);

        Assert.Equal(Math.Atan(-2.5), delta, 12);
        Assert.True(delta < 0, "steering must be to the right (negative)");
        Assert.Equal(0.0, a, 12);
        Assert.Equal(ControllerStatus.Ok, status);
        Assert.Equal(-1.0, wide.CrossTrackError, 12);

        var (_, clipped, clippedStatus) = Run(new TrajectoryTrackingController(Car()), [0, 1, 0, 2], [0, 0, 0, 2]);
        Assert.Equal(-0.5, clipped);
        Assert.Equal(ControllerStatus.Saturated, clippedStatus);
    }

    [Fact]
    public void Update_HeadingErrorOnly_MatchesHandValues()
    {
        // yaw = 0.1, yaw_ref = 0: e_yaw = -0.1. w_d = 2 * 2 * sin(-0.1); delta = atan(2.5 w_d / 2) = atan(-5 sin 0.1).
        // v_d = 2 cos(0.1) -> a = 2 (2 cos 0.1 - 2) = 4 (cos 0.1 - 1).
        var (a, delta, _) = Run(new TrajectoryTrackingController(Car()), [0, 0, 0.1, 2], [0, 0, 0, 2]);

        Assert.Equal(Math.Atan(-5 * Math.Sin(0.1)), delta, 12);
        Assert.Equal(4 * (Math.Cos(0.1) - 1), a, 12);
    }

    [Fact]
    public void Update_HeadingErrorAcrossPi_IsWrapped()
    {
        // yaw_ref = pi - 0.05, yaw = -pi + 0.05: the short way round is e_yaw = -0.1, as in the previous test.
        var (_, delta, _) = Run(new TrajectoryTrackingController(Car()), [0, 0, -Math.PI + 0.05, 2], [0, 0, Math.PI - 0.05, 2]);

        Assert.Equal(Math.Atan(-5 * Math.Sin(0.1)), delta, 9);
    }

    [Fact]
    public void Update_ReferenceAhead_Accelerates()
    {
        // e_x = 1 m: v_d = 2 + k_x * 1 = 3, a = k_v (3 - 2) = 2 m/s^2.
        var (a, delta, _) = Run(new TrajectoryTrackingController(Car()), [0, 0, 0, 2], [1, 0, 0, 2]);

        Assert.Equal(2.0, a, 12);
        Assert.Equal(0.0, delta, 12);
    }

    [Fact]
    public void Update_TurningReference_FeedsForwardItsYawRate()
    {
        // Reference yaw rises 0.001 rad per 0.01 s tick: w_ref = 0.1 rad/s on the second tick; the vehicle sits on the
        // reference, so delta = atan(L w_ref / v) = atan(2.5 * 0.1 / 2) = atan(0.125). First tick: w_ref = 0.
        var controller = new TrajectoryTrackingController(Car());

        Assert.Equal(0.0, Run(controller, [0, 0, 0, 2], [0, 0, 0, 2]).Steering, 15);
        Assert.Equal(Math.Atan(0.125), Run(controller, [0, 0, 0.001, 2], [0, 0, 0.001, 2]).Steering, 9);
    }

    [Fact]
    public void Update_AcceleratingReference_FeedsForwardItsAcceleration()
    {
        // v_ref goes 2 -> 2.01 m/s in one 0.01 s tick: a_ref = 1 m/s^2; the vehicle is on the reference at v = v_ref,
        // so the feedback part k_v (v_d - v) is 0 and a = 1. First tick: a_ref = 0.
        var controller = new TrajectoryTrackingController(Car());

        Assert.Equal(0.0, Run(controller, [0, 0, 0, 2], [0, 0, 0, 2]).Acceleration, 15);
        Assert.Equal(1.0, Run(controller, [0, 0, 0, 2.01], [0, 0, 0, 2.01]).Acceleration, 9);
    }

    [Fact]
    public void Update_SingleTrackLayout_UsesVxAsSpeed()
    {
        // single_track_car state [x, y, yaw, vx, vy, yaw_rate]: speed index 3 is vx; vy and yaw_rate are ignored.
        var controller = new TrajectoryTrackingController(Car() with { StateSize = 6 });

        var (a, delta, status) = Run(controller, [0, 0, 0, 2, 0.3, 0.1], [0, 0, 0, 2]);

        Assert.Equal((0.0, 0.0, ControllerStatus.Ok), (a, delta, status));
        Assert.Equal(6, controller.StateSize);
    }

    [Fact]
    public void Update_AtStandstill_UsesSpeedFloorForSteering()
    {
        // v = 0 -> divide by v_min = 0.5: heading error -0.1 with v_ref = 2 gives w_d = -4 sin 0.1, delta = atan(2.5 w_d / 0.5).
        var wide = new TrajectoryTrackingController(Car() with { MaxSteeringAngleRad = 1.5 });

        Assert.Equal(Math.Atan(-20 * Math.Sin(0.1)), Run(wide, [0, 0, 0.1, 0], [0, 0, 0, 2]).Steering, 12);
    }

    [Fact]
    public void Update_NonFiniteInput_Fails()
    {
        var controller = new TrajectoryTrackingController(Car());

        Assert.Equal(ControllerStatus.Failed, Run(controller, [0, double.NaN, 0, 2], [0, 0, 0, 2]).Status);
        Assert.Equal(ControllerStatus.Failed, Run(controller, [0, 0, 0, 2], [0, 0, double.PositiveInfinity, 2]).Status);
    }

    [Fact]
    public void FromParameters_ReadsDeclaredNames()
    {
        var set = new ParameterSet(TrajectoryTrackingController.Parameters);
        set.Set("wheelbase_m", ParameterValue.FromDouble(1.0));
        set.Set("max_steering_angle_rad", ParameterValue.FromDouble(1.5));
        set.Set("state_size", ParameterValue.FromInteger(6));
        var controller = TrajectoryTrackingController.FromParameters(set);

        // As in the left-offset test with L = 1: delta = atan(1 * -2 / 2) = -pi/4.
        Assert.Equal(-Math.PI / 4, Run(controller, [0, 1, 0, 2, 0, 0], [0, 0, 0, 2]).Steering, 12);
    }

    [Fact]
    public void Update_AllocatesNothing()
    {
        var controller = new TrajectoryTrackingController(Car());
        var state = new double[] { 0, 0.2, 0.05, 1.5 };
        var reference = new double[] { 0, 0, 0, 2 };
        var command = new double[2];
        for (int i = 0; i < 10; i++) controller.Update(SimTime.Zero, Period, state, reference, command);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            reference[2] = 0.001 * i;
            controller.Update(Period * i, Period, state, reference, command);
        }

        long after = GC.GetAllocatedBytesForCurrentThread();

        Assert.Equal(0, after - before);
    }

    /// <summary>
    /// Rear-axle kinematic bicycle written here (not from sim/): x' = v cos(yaw), y' = v sin(yaw),
    /// yaw' = v tan(delta) / L, v' = a; classical RK4 with the command held over the step.
    /// </summary>
    private static void Advance(double[] s, double a, double delta, double wheelbase, double dt)
    {
        Span<double> k1 = stackalloc double[4], k2 = stackalloc double[4], k3 = stackalloc double[4], k4 = stackalloc double[4], tmp = stackalloc double[4];
        Bicycle(s, a, delta, wheelbase, k1);
        for (int i = 0; i < 4; i++) tmp[i] = s[i] + 0.5 * dt * k1[i];
        Bicycle(tmp, a, delta, wheelbase, k2);
        for (int i = 0; i < 4; i++) tmp[i] = s[i] + 0.5 * dt * k2[i];
        Bicycle(tmp, a, delta, wheelbase, k3);
        for (int i = 0; i < 4; i++) tmp[i] = s[i] + dt * k3[i];
        Bicycle(tmp, a, delta, wheelbase, k4);
        for (int i = 0; i < 4; i++) s[i] += dt / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }

    private static void Bicycle(ReadOnlySpan<double> s, double a, double delta, double wheelbase, Span<double> d)
    {
        d[0] = s[3] * Math.Cos(s[2]);
        d[1] = s[3] * Math.Sin(s[2]);
        d[2] = s[3] * Math.Tan(delta) / wheelbase;
        d[3] = a;
    }

    [Theory]
    [InlineData(2.5, 0.5)]        // full-size car
    [InlineData(0.3302, 0.4189)]  // the defaults: 1:10 F1TENTH car
    public void ClosedLoop_StraightLineFromOneMetreOffset_Converges(double wheelbase, double maxSteering)
    {
        // Reference along +x at 2 m/s from the origin; the vehicle starts 1 m to the left, on speed.
        var reference = new WaypointReference([(0, 0), (1000, 0)], speedMps: 2.0);
        var controller = new TrajectoryTrackingController(new TrajectoryTrackingParameters { WheelbaseM = wheelbase, MaxSteeringAngleRad = maxSteering });
        var state = new double[] { 0, 1, 0, 2 };
        var r = new double[4];
        var u = new double[2];
        double maxOvershoot = 0;
        for (int tick = 0; tick < 2000; tick++)          // 20 s at 100 Hz
        {
            var now = Period * tick;
            reference.Evaluate(now, r);
            Assert.NotEqual(ControllerStatus.Failed, controller.Update(now, Period, state, r, u));
            Advance(state, u[0], u[1], wheelbase, 0.01);
            maxOvershoot = Math.Min(maxOvershoot, state[1]);
        }

        reference.Evaluate(Period * 2000, r);
        Assert.True(Math.Abs(state[1]) < 0.01, $"cross-track error {state[1]} m");
        Assert.True(Math.Abs(state[2]) < 0.01, $"heading error {state[2]} rad");
        Assert.True(Math.Abs(state[0] - r[0]) < 0.05, $"along-track error {state[0] - r[0]} m");
        Assert.True(Math.Abs(state[3] - 2.0) < 0.01, $"speed {state[3]} m/s");
        Assert.True(maxOvershoot > -0.2, $"overshoot to y = {maxOvershoot} m");
    }

    [Fact]
    public void ClosedLoop_FigureEight_TracksWithinFiveMillimetres()
    {
        // Gerono curvature peaks at 4.79 / a (numerically, near theta = 0.29 pi), so a = 30 m needs at most
        // atan(2.5 * 4.79 / 30) = 0.38 rad of steering, inside the 0.5 rad limit. T = 90 s: speed 1.48 .. 2.96 m/s.
        var reference = new FigureEightReference(0, 0, 30.0, 90.0);
        var controller = new TrajectoryTrackingController(Car());
        var r = new double[4];
        reference.Evaluate(SimTime.Zero, r);
        var state = new double[] { r[0], r[1] - 0.5, r[2], r[3] };   // start 0.5 m off
        var u = new double[2];
        double worstAfterTransient = 0;
        for (int tick = 0; tick < 13500; tick++)         // 135 s: 1.5 laps
        {
            var now = Period * tick;
            reference.Evaluate(now, r);
            if (tick > 2000)
            {
                double error = Math.Sqrt((state[0] - r[0]) * (state[0] - r[0]) + (state[1] - r[1]) * (state[1] - r[1]));
                worstAfterTransient = Math.Max(worstAfterTransient, error);
            }

            Assert.NotEqual(ControllerStatus.Failed, controller.Update(now, Period, state, r, u));
            Advance(state, u[0], u[1], 2.5, 0.01);
        }

        Assert.True(worstAfterTransient < 0.005, $"position error after the transient reached {worstAfterTransient} m");
    }
}
