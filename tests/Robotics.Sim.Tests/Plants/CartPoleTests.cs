using Robotics.Sim.Plants;

namespace Robotics.Sim.Tests.Plants;

public class CartPoleTests
{
    [Fact]
    public void ZeroForce_EnergyAndHorizontalMomentumConservedOver10s()
    {
        var plant = new CartPole();
        double[] state = [0.0, 0.5, 0.3, 0.0];
        double e0 = plant.Energy(state);
        // Horizontal momentum (no horizontal external force): (M + m) p' - m l cos(theta) theta'.
        static double Momentum(double[] s) => 1.1 * s[2] - 0.1 * 0.5 * Math.Cos(s[1]) * s[3];
        double p0 = Momentum(state);
        double maxDrift = 0, maxMomentumError = 0;
        for (int i = 0; i < 10_000; i++)
        {
            plant.Advance(i * 1e-3, 1e-3, state, [0.0]);
            maxDrift = Math.Max(maxDrift, Math.Abs(plant.Energy(state) - e0) / e0);
            maxMomentumError = Math.Max(maxMomentumError, Math.Abs(Momentum(state) - p0));
        }

        Assert.True(maxDrift < 1e-6, $"relative energy drift {maxDrift:E3}");
        Assert.True(maxMomentumError < 1e-9, $"momentum error {maxMomentumError:E3}");
        Assert.True(state[1] > Math.PI / 2 || state[1] < -Math.PI / 2 || Math.Abs(state[1]) > 0.5,
            "the pole should have fallen well away from its start");
    }

    [Fact]
    public void Energy_ByHand_AtRestStates()
    {
        var plant = new CartPole();
        Assert.Equal(0.0, plant.Energy([0.0, Math.PI, 0.0, 0.0]), 1e-15);
        Assert.Equal(2 * 0.1 * 9.81 * 0.5, plant.Energy([1.0, 0.0, 0.0, 0.0]), 1e-15);
    }

    [Fact]
    public void UprightEquilibrium_HasZeroDerivatives()
    {
        var plant = new CartPole();
        double[] d = [1, 1, 1, 1];
        plant.Derivatives(0, [2.0, 0.0, 0.0, 0.0], [0.0], d);
        Assert.Equal([0.0, 0.0, 0.0, 0.0], d);
    }

    [Fact]
    public void PositiveForce_FromUprightRest_AcceleratesCartRightAndRotatesPoleCounterClockwise()
    {
        var plant = new CartPole();
        double[] d = new double[4];
        plant.Derivatives(0, [0.0, 0.0, 0.0, 0.0], [1.0], d);
        Assert.True(d[2] > 0);
        Assert.True(d[3] > 0);
    }

    [Theory]
    [InlineData(1.0, 0.1, 0.5, 9.81)]
    [InlineData(0.5, 0.2, 0.3, 9.81)]
    public void Linearisation_AboutUpright_MatchesHandDerivedMatrices(double cartMass, double poleMass, double l, double g)
    {
        // Hand derivation (state [p, theta, p', theta'], input F). At theta = 0, theta' = 0, keeping first-order terms
        // (sin theta ~ theta, cos theta ~ 1, theta'^2 ~ 0) in
        //   (M + m) p'' - m l theta'' = F
        //   -m l p'' + 4/3 m l^2 theta'' = m g l theta
        // gives, with determinant m l^2 (4/3 (M + m) - m) = m l^2 (4 M + m) / 3:
        //   p''     = (4 F + 3 m g theta) / (4 M + m)
        //   theta'' = 3 ((M + m) g theta + F) / (l (4 M + m))
        // so A = [[0,0,1,0],[0,0,0,1],[0, 3 m g/(4M+m), 0, 0],[0, 3 (M+m) g/(l (4M+m)), 0, 0]],
        //    B = [0, 0, 4/(4M+m), 3/(l (4M+m))].
        // For the defaults (M=1, m=0.1, l=0.5): A[2,1] = 0.71780, A[3,1] = 15.7917, B = [0, 0, 0.97561, 1.46341].
        double q = 4 * cartMass + poleMass;
        double[,] a =
        {
            { 0, 0, 1, 0 },
            { 0, 0, 0, 1 },
            { 0, 3 * poleMass * g / q, 0, 0 },
            { 0, 3 * (cartMass + poleMass) * g / (l * q), 0, 0 },
        };
        double[] b = [0, 0, 4 / q, 3 / (l * q)];

        var plant = new CartPole(new CartPoleParameters { CartMassKg = cartMass, PoleMassKg = poleMass, PoleHalfLengthM = l, GravityMPerS2 = g });
        const double eps = 1e-6;
        double[] plus = new double[4], minus = new double[4];
        for (int j = 0; j < 4; j++)
        {
            double[] xp = new double[4], xm = new double[4];
            xp[j] = eps;
            xm[j] = -eps;
            plant.Derivatives(0, xp, [0.0], plus);
            plant.Derivatives(0, xm, [0.0], minus);
            for (int i = 0; i < 4; i++)
            {
                Assert.Equal(a[i, j], (plus[i] - minus[i]) / (2 * eps), 1e-6);
            }
        }

        plant.Derivatives(0, new double[4], [eps], plus);
        plant.Derivatives(0, new double[4], [-eps], minus);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(b[i], (plus[i] - minus[i]) / (2 * eps), 1e-6);
        }
    }
}
