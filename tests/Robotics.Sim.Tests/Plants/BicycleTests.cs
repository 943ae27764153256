using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Plants;

public class BicycleTests
{
    [Theory]
    [InlineData(0.3, 0.3)]
    [InlineData(-0.2, -0.2)]
    [InlineData(-1.0, -0.4189)]
    [InlineData(1.0, 0.4189)] // saturated at max_steering_angle_rad
    public void KinematicBicycle_ConstantSteering_TracesCircleOfRadiusLOverTanDelta(double command, double effective)
    {
        const double wheelbase = 0.3302;
        var plant = new KinematicBicycle(new KinematicBicycleParameters { WheelbaseM = wheelbase, MaxSteeringAngleRad = 0.4189 });
        // Rear axle starts at the origin heading +x; the instantaneous centre lies on the rear axle line, at
        // (0, R) with signed R = L / tan(delta).
        double radius = wheelbase / Math.Tan(effective);
        double[] state = [0.0, 0.0, 0.0, 1.5];
        double maxError = 0;
        for (int i = 0; i < 10_000; i++)
        {
            plant.Advance(i * 1e-3, 1e-3, state, [0.0, command]);
            double distance = Math.Sqrt(state[0] * state[0] + (state[1] - radius) * (state[1] - radius));
            maxError = Math.Max(maxError, Math.Abs(distance - Math.Abs(radius)) / Math.Abs(radius));
        }

        Assert.True(maxError < 1e-9, $"relative radius error {maxError:E3}");
        Assert.Equal(1.5 * 10.0 / radius, state[2], 1e-9); // yaw = v t / R
    }

    [Fact]
    public void SingleTrack_AtRestWithSteering_StaysAtRest()
    {
        var plant = new SingleTrackCar();
        double[] d = [1, 1, 1, 1, 1, 1];
        plant.Derivatives(0, [1.0, 2.0, 0.3, 0.0, 0.0, 0.0], [0.0, 0.3], d);
        Assert.Equal([0.0, 0.0, 0.0, 0.0, 0.0, 0.0], d);
    }

    [Fact]
    public void SingleTrack_LowSpeedSmallSteering_AgreesWithKinematicRadius()
    {
        var parameters = new SingleTrackCarParameters();
        var plant = new SingleTrackCar(parameters);
        const double delta = 0.05;
        double[] state = [0.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        for (int i = 0; i < 5_000; i++) plant.Advance(i * 1e-3, 1e-3, state, [0.0, delta]);

        // Kinematic bicycle: the rear axle turns on radius L / tan(delta); the centre of gravity, l_r ahead of it,
        // on sqrt((L / tan delta)^2 + l_r^2). The steady-state dynamic radius is speed / yaw rate.
        double wheelbase = parameters.LfM + parameters.LrM;
        double rearRadius = wheelbase / Math.Tan(delta);
        double expected = Math.Sqrt(rearRadius * rearRadius + parameters.LrM * parameters.LrM);
        double speed = Math.Sqrt(state[3] * state[3] + state[4] * state[4]);
        double measured = speed / state[5];
        Assert.True(Math.Abs(measured / expected - 1) < 0.03, $"radius {measured:F4} m vs kinematic {expected:F4} m");
    }

    [Fact]
    public void SingleTrack_IcyStepSteer_UndersteersAndLateralAccelerationBoundedByMuG()
    {
        const double speed = 5.0, delta = 0.1, g = 9.81;
        var icy = Run(mu: 0.1, speed, delta, out double icyMaxLateral, out double icyRadius);
        Run(mu: 1.0, speed, delta, out double dryMaxLateral, out double dryRadius);

        double kinematicRadius = 0.3302 / Math.Tan(delta);
        // |F_yf| + |F_yr| <= mu m g, so with no drive force the acceleration (and its component normal to the
        // velocity) is at most mu g; the path radius is then at least v^2 / (mu g) = 25.5 m here.
        Assert.True(icyMaxLateral <= 0.1 * g * (1 + 1e-3), $"max lateral acceleration {icyMaxLateral:F5} > mu g");
        Assert.True(icyRadius > 3 * kinematicRadius, $"icy radius {icyRadius:F3} m vs kinematic {kinematicRadius:F3} m");
        Assert.True(icyRadius > dryRadius, $"icy radius {icyRadius:F3} m should exceed dry radius {dryRadius:F3} m");
        Assert.True(dryMaxLateral > 0.1 * g * 2, "on a dry road the same manoeuvre needs more than the icy limit");
        Assert.True(icy.All(double.IsFinite));
    }

    [Fact]
    public void SingleTrack_AcceleratingFromRest_PassesThroughLowSpeedBlendSmoothly()
    {
        var plant = new SingleTrackCar();
        double[] state = new double[6];
        double previousYawRate = 0;
        double maxJump = 0;
        for (int i = 0; i < 2_000; i++)
        {
            plant.Advance(i * 1e-3, 1e-3, state, [1.0, 0.05]);
            Assert.True(state.All(double.IsFinite));
            maxJump = Math.Max(maxJump, Math.Abs(state[5] - previousYawRate));
            previousYawRate = state[5];
        }

        Assert.Equal(2.0, state[3], 0.05); // v = a t (minus a small tyre-drag term)
        Assert.True(maxJump < 1e-2, $"yaw rate jumped by {maxJump} in one step");
    }

    // Runs a step steer at constant initial speed, no drive force, 3 s at 1 kHz. Returns the final state, the
    // largest acceleration component normal to the velocity (from central differences of the world-frame
    // velocity) and the final path radius v^2 / a_n.
    private static double[] Run(double mu, double speed, double delta, out double maxLateral, out double finalRadius)
    {
        var plant = new SingleTrackCar(new SingleTrackCarParameters { TyreFrictionMu = mu });
        const double h = 1e-3;
        const int steps = 3_000;
        double[] state = [0.0, 0.0, 0.0, speed, 0.0, 0.0];
        var vx = new double[steps + 1];
        var vy = new double[steps + 1];
        void Record(int k)
        {
            vx[k] = state[3] * Math.Cos(state[2]) - state[4] * Math.Sin(state[2]);
            vy[k] = state[3] * Math.Sin(state[2]) + state[4] * Math.Cos(state[2]);
        }

        Record(0);
        for (int i = 0; i < steps; i++)
        {
            plant.Advance(i * h, h, state, [0.0, delta]);
            Record(i + 1);
        }

        maxLateral = 0;
        double lastNormal = 0;
        for (int k = 1; k < steps; k++)
        {
            double ax = (vx[k + 1] - vx[k - 1]) / (2 * h), ay = (vy[k + 1] - vy[k - 1]) / (2 * h);
            double v = Math.Sqrt(vx[k] * vx[k] + vy[k] * vy[k]);
            double normal = Math.Abs(vx[k] * ay - vy[k] * ax) / v;
            maxLateral = Math.Max(maxLateral, normal);
            lastNormal = normal;
        }

        double finalSpeedSquared = vx[steps] * vx[steps] + vy[steps] * vy[steps];
        finalRadius = finalSpeedSquared / lastNormal;
        return state;
    }
}
