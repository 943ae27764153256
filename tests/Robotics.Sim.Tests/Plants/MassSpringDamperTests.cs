using Robotics.Core.Parameters;
using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Plants;

public class MassSpringDamperTests
{
    // Closed form of m x'' + c x' + k x = 0 (underdamped, zeta < 1), derived by hand:
    //   omega_n = sqrt(k/m), zeta = c / (2 sqrt(k m)), omega_d = omega_n sqrt(1 - zeta^2)
    //   x(t) = exp(-zeta omega_n t) [ x0 cos(omega_d t) + (v0 + zeta omega_n x0) / omega_d sin(omega_d t) ]
    // (check: x(0) = x0; x'(0) = -zeta omega_n x0 + omega_d (v0 + zeta omega_n x0) / omega_d = v0.)
    private static double UnderdampedPosition(double m, double c, double k, double x0, double v0, double t)
    {
        double omegaN = Math.Sqrt(k / m);
        double zeta = c / (2.0 * Math.Sqrt(k * m));
        double omegaD = omegaN * Math.Sqrt(1.0 - zeta * zeta);
        return Math.Exp(-zeta * omegaN * t) * (x0 * Math.Cos(omegaD * t) + (v0 + zeta * omegaN * x0) / omegaD * Math.Sin(omegaD * t));
    }

    [Theory]
    [InlineData(1.0, 0.4, 4.0, 1.0, 0.5)]    // zeta 0.1, omega_n 2 rad/s (the defaults)
    [InlineData(2.0, 1.0, 50.0, -0.3, 2.0)]  // zeta 0.05, omega_n 5 rad/s
    public void OpenLoop_Rk4At1kHz_MatchesClosedFormUnderdampedSolution(double m, double c, double k, double x0, double v0)
    {
        var plant = new MassSpringDamper(new MassSpringDamperParameters { MassKg = m, DampingNSPerM = c, StiffnessNPerM = k });
        double[] state = [x0, v0];
        double[] input = [0.0];
        const double h = 1e-3;
        double maxError = 0, maxAbs = Math.Abs(x0);
        for (int i = 1; i <= 10_000; i++)
        {
            plant.Advance((i - 1) * h, h, state, input);
            double exact = UnderdampedPosition(m, c, k, x0, v0, i * h);
            maxError = Math.Max(maxError, Math.Abs(state[0] - exact));
            maxAbs = Math.Max(maxAbs, Math.Abs(exact));
        }

        Assert.True(maxError / maxAbs < 1e-8, $"relative max error {maxError / maxAbs:E3}");
    }

    [Fact]
    public void ConstantForce_ConvergesToForceOverStiffness()
    {
        // zeta = 2 / (2 sqrt(4)) = 0.5, omega_n = 2: transients decay like exp(-t); after 40 s they are ~4e-18.
        var plant = new MassSpringDamper(new MassSpringDamperParameters { MassKg = 1.0, DampingNSPerM = 2.0, StiffnessNPerM = 4.0 });
        double[] state = [0.0, 0.0];
        double[] input = [2.0];
        for (int i = 0; i < 40_000; i++) plant.Advance(i * 1e-3, 1e-3, state, input);

        Assert.Equal(2.0 / 4.0, state[0], 1e-10);
        Assert.Equal(0.0, state[1], 1e-10);
    }

    [Fact]
    public void Step_ZeroInput_KeepsEquilibrium()
    {
        var plant = new MassSpringDamper();
        double[] state = [0.0, 0.0];
        for (int i = 0; i < 100; i++) plant.Advance(i * 1e-3, 1e-3, state, [0.0]);
        Assert.Equal([0.0, 0.0], state);
    }

    [Fact]
    public void FromParameters_Defaults_MatchTypedDefaultsAndNames()
    {
        var plant = MassSpringDamper.FromParameters(new ParameterSet(MassSpringDamper.Parameters));
        Assert.Equal(new MassSpringDamperParameters(), plant.Options);
        Assert.Equal("mass_spring_damper", plant.TypeName);
        Assert.Equal(["position_m", "velocity_m_s"], plant.StateNames);
        Assert.Equal(["force_n"], plant.InputNames);
    }

    [Fact]
    public void Constructor_NegativeStiffness_ThrowsNamingParameter()
    {
        var ex = Assert.Throws<ArgumentException>(() => new MassSpringDamper(new MassSpringDamperParameters { StiffnessNPerM = -1 }));
        Assert.Contains("stiffness_n_m", ex.Message);
        Assert.Contains("-1", ex.Message);
    }

    [Fact]
    public void FromParameters_OutOfRangeValue_IsRejectedByParameterSet()
    {
        var set = new ParameterSet(MassSpringDamper.Parameters);
        Assert.False(set.TrySet("mass_kg", ParameterValue.FromDouble(0.0)).IsValid);
    }
}
