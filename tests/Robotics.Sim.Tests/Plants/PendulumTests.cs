using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Plants;

public class PendulumTests
{
    private const double H = 1e-3;

    [Fact]
    public void Undamped_LargeAngle_EnergyDriftBelow1e6Over100s()
    {
        var plant = new Pendulum(new PendulumParameters { MassKg = 1.0, LengthM = 1.0, DampingNMS = 0.0, GravityMPerS2 = 9.81 });
        double[] state = [1.0, 0.0];
        double e0 = plant.Energy(state);
        Assert.Equal(9.81 * (1 - Math.Cos(1.0)), e0, 1e-12); // m g L (1 - cos theta0), by hand
        double maxDrift = 0;
        for (int i = 0; i < 100_000; i++)
        {
            plant.Advance(i * H, H, state, [0.0]);
            maxDrift = Math.Max(maxDrift, Math.Abs(plant.Energy(state) - e0) / e0);
        }

        Assert.True(maxDrift < 1e-6, $"relative energy drift {maxDrift:E3}");
    }

    [Fact]
    public void SmallAngle_Period_MatchesLinearPeriodWithAmplitudeCorrection()
    {
        // T(theta0) = T0 (1 + theta0^2/16 + 11 theta0^4/3072 + ...), T0 = 2 pi sqrt(L/g).
        // For theta0 = 0.1 the theta0^2 term is 6.25e-4 and the next term 3.6e-7, so the measured period must be
        // within theta0^2/16 + 1e-6 of T0, and within 1e-6 of T0 (1 + theta0^2/16).
        const double theta0 = 0.1, length = 0.8, g = 9.81;
        var plant = new Pendulum(new PendulumParameters { LengthM = length, GravityMPerS2 = g });
        double t0 = 2 * Math.PI * Math.Sqrt(length / g);
        double period = MeasurePeriod(plant, theta0, periods: 20);
        double ratio = period / t0;
        Assert.True(Math.Abs(ratio - 1) <= theta0 * theta0 / 16 + 1e-6, $"T/T0 = {ratio:R}");
        Assert.True(Math.Abs(ratio - (1 + theta0 * theta0 / 16)) <= 1e-6, $"T/T0 = {ratio:R}");
    }

    [Fact]
    public void LargeAngle_Period_MatchesExactEllipticIntegralPeriod()
    {
        // Exact period: T = 4 sqrt(L/g) K(k), k = sin(theta0/2), and K(k) = pi / (2 AGM(1, sqrt(1 - k^2))),
        // so T = T0 / AGM(1, cos(theta0/2)).
        const double theta0 = 1.0, length = 1.0, g = 9.81;
        var plant = new Pendulum(new PendulumParameters { LengthM = length, GravityMPerS2 = g });
        double exact = 2 * Math.PI * Math.Sqrt(length / g) / Agm(1.0, Math.Cos(theta0 / 2));
        double period = MeasurePeriod(plant, theta0, periods: 10);
        Assert.True(Math.Abs(period / exact - 1) < 1e-7, $"T = {period:R}, exact {exact:R}");
    }

    [Fact]
    public void Energy_HangingRestIsZero_UprightRestIsTwoMgl()
    {
        var plant = new Pendulum(new PendulumParameters { MassKg = 2.0, LengthM = 0.5, GravityMPerS2 = 9.81 });
        Assert.Equal(0.0, plant.Energy([0.0, 0.0]));
        Assert.Equal(2 * 2.0 * 9.81 * 0.5, plant.Energy([Math.PI, 0.0]), 1e-12);
    }

    [Fact]
    public void Damping_TorqueBalance_HoldsAngle()
    {
        // Static torque balance: tau = m g L sin(theta) keeps theta constant.
        var plant = new Pendulum(new PendulumParameters { MassKg = 1.0, LengthM = 1.0, DampingNMS = 0.1 });
        double[] d = new double[2];
        plant.Derivatives(0, [0.3, 0.0], [9.81 * Math.Sin(0.3)], d);
        Assert.Equal(0.0, d[1], 1e-15);
    }

    // Average period between upward zero crossings (linear interpolation between samples).
    private static double MeasurePeriod(Pendulum plant, double theta0, int periods)
    {
        double[] state = [theta0, 0.0];
        var crossings = new List<double>();
        double previous = state[0];
        for (int i = 0; crossings.Count <= periods; i++)
        {
            plant.Advance(i * H, H, state, [0.0]);
            if (previous < 0 && state[0] >= 0)
            {
                crossings.Add(i * H + H * (-previous / (state[0] - previous)));
            }

            previous = state[0];
        }

        return (crossings[^1] - crossings[0]) / periods;
    }

    private static double Agm(double a, double b)
    {
        for (int i = 0; i < 30; i++)
        {
            (a, b) = (0.5 * (a + b), Math.Sqrt(a * b));
        }

        return a;
    }
}
