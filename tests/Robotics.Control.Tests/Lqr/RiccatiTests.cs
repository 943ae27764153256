using Robotics.Control.Lqr;
using Robotics.Core.LinearAlgebra;
using G = Robotics.Control.Tests.Lqr.LqrGoldenData;

namespace Robotics.Control.Tests.Lqr;

public class RiccatiTests
{
    private const double Relative = 1e-8;

    public static TheoryData<string> Systems => new() { "DoubleIntegrator", "CartPole", "Random" };

    private static (Matrix A, Matrix B, Matrix Q, Matrix R, double Dt) Continuous(string name) => name switch
    {
        "DoubleIntegrator" => (new(G.DoubleIntegratorA), new(G.DoubleIntegratorB), new(G.DoubleIntegratorQ), new(G.DoubleIntegratorR), G.DoubleIntegratorDt),
        "CartPole" => (new(G.CartPoleA), new(G.CartPoleB), new(G.CartPoleQ), new(G.CartPoleR), G.CartPoleDt),
        "Random" => (new(G.RandomA), new(G.RandomB), new(G.RandomQ), new(G.RandomR), G.RandomDt),
        _ => throw new ArgumentException(name),
    };

    private static (double[,] Ad, double[,] Bd, double[,] DiscreteP, double[,] DiscreteK, double[,] ContinuousP, double[,] ContinuousK, double Rho) Golden(string name) => name switch
    {
        "DoubleIntegrator" => (G.DoubleIntegratorAd, G.DoubleIntegratorBd, G.DoubleIntegratorDiscreteP, G.DoubleIntegratorDiscreteK, G.DoubleIntegratorContinuousP, G.DoubleIntegratorContinuousK, G.DoubleIntegratorClosedLoopSpectralRadius),
        "CartPole" => (G.CartPoleAd, G.CartPoleBd, G.CartPoleDiscreteP, G.CartPoleDiscreteK, G.CartPoleContinuousP, G.CartPoleContinuousK, G.CartPoleClosedLoopSpectralRadius),
        "Random" => (G.RandomAd, G.RandomBd, G.RandomDiscreteP, G.RandomDiscreteK, G.RandomContinuousP, G.RandomContinuousK, G.RandomClosedLoopSpectralRadius),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Systems))]
    public void SolveContinuous_MatchesScipy(string system)
    {
        var (a, b, q, r, _) = Continuous(system);
        var golden = Golden(system);

        MatrixAssert.Close(golden.ContinuousP, Riccati.SolveContinuous(a, b, q, r), Relative);
        MatrixAssert.Close(golden.ContinuousK, Robotics.Control.Lqr.Lqr.ContinuousGain(a, b, q, r), Relative);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void ZeroOrderHold_MatchesScipyCont2Discrete(string system)
    {
        var (a, b, _, _, dt) = Continuous(system);
        var golden = Golden(system);

        var (ad, bd) = Discretization.ZeroOrderHold(a, b, dt);

        MatrixAssert.Close(golden.Ad, ad, Relative);
        MatrixAssert.Close(golden.Bd, bd, Relative);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void SolveDiscrete_MatchesScipy(string system)
    {
        var (_, _, q, r, _) = Continuous(system);
        var golden = Golden(system);
        var ad = new Matrix(golden.Ad);
        var bd = new Matrix(golden.Bd);

        MatrixAssert.Close(golden.DiscreteP, Riccati.SolveDiscrete(ad, bd, q, r), Relative);
        MatrixAssert.Close(golden.DiscreteK, Robotics.Control.Lqr.Lqr.DiscreteGain(ad, bd, q, r), Relative);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void DiscreteGain_ClosedLoopIsStable_WithScipySpectralRadius(string system)
    {
        var (_, _, q, r, _) = Continuous(system);
        var golden = Golden(system);
        var ad = new Matrix(golden.Ad);
        var bd = new Matrix(golden.Bd);

        var k = Robotics.Control.Lqr.Lqr.DiscreteGain(ad, bd, q, r);
        double rho = MatrixAssert.SpectralRadius(ad - bd * k);

        Assert.True(rho < 1.0, $"closed-loop spectral radius {rho} must be < 1");
        Assert.Equal(golden.Rho, rho, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Systems))]
    public void Solutions_HaveNegligibleResidual(string system)
    {
        var (a, b, q, r, _) = Continuous(system);
        var golden = Golden(system);
        var ad = new Matrix(golden.Ad);
        var bd = new Matrix(golden.Bd);

        // Residuals written out here from the equations, independently of Riccati.*Residual.
        var pc = Riccati.SolveContinuous(a, b, q, r);
        var continuous = a.Transpose() * pc + pc * a - pc * b * r.Inverse() * b.Transpose() * pc + q;
        Assert.True(continuous.MaxAbs() <= 1e-9 * (pc.MaxAbs() * (1 + a.MaxAbs()) + q.MaxAbs()), $"CARE residual {continuous.MaxAbs()}");

        var pd = Riccati.SolveDiscrete(ad, bd, q, r);
        var gain = (r + bd.Transpose() * pd * bd).Inverse() * bd.Transpose() * pd * ad;
        var discrete = ad.Transpose() * pd * ad - ad.Transpose() * pd * bd * gain + q - pd;
        Assert.True(discrete.MaxAbs() <= 1e-9 * (pd.MaxAbs() + q.MaxAbs()), $"DARE residual {discrete.MaxAbs()}");
        Assert.True(Riccati.DiscreteResidual(ad, bd, q, r, pd).MaxAbs() <= 1e-9 * pd.MaxAbs());
        Assert.True(Riccati.ContinuousResidual(a, b, q, r, pc).MaxAbs() <= 1e-9 * pc.MaxAbs() * (1 + a.MaxAbs()));
    }

    [Fact]
    public void SolveContinuous_DoubleIntegratorUnitWeights_MatchesHandSolution()
    {
        // A = [[0,1],[0,0]], B = [0;1], Q = I, R = 1. Writing out A'P + PA - PBB'P + I = 0 entry by entry:
        // (1,1): 1 - p12^2 = 0 -> p12 = 1; (2,2): 2 p12 - p22^2 + 1 = 0 -> p22 = sqrt(3); (1,2): p11 - p12 p22 = 0 -> p11 = sqrt(3).
        var a = Matrix.FromRows([0, 1], [0, 0]);
        var b = Matrix.Column(0, 1);

        var p = Riccati.SolveContinuous(a, b, Matrix.Identity(2), Matrix.Identity(1));
        var k = Robotics.Control.Lqr.Lqr.ContinuousGain(a, b, Matrix.Identity(2), Matrix.Identity(1));

        MatrixAssert.Close(new[,] { { Math.Sqrt(3), 1.0 }, { 1.0, Math.Sqrt(3) } }, p, 1e-12);
        MatrixAssert.Close(new[,] { { 1.0, Math.Sqrt(3) } }, k, 1e-12);
    }

    [Fact]
    public void SolveDiscrete_ScalarSystem_MatchesQuadraticFormula()
    {
        // x+ = a x + b u, q = 1, r = 1: p = a^2 p - a^2 b^2 p^2 / (1 + b^2 p) + 1. With a = 2, b = 1:
        // p (1 + p) = 4 p (1 + p) - 4 p^2 + (1 + p)  ->  p^2 - 4 p - 1 = 0  ->  p = 2 + sqrt(5).
        var p = Riccati.SolveDiscrete(Matrix.FromRows([2.0]), Matrix.FromRows([1.0]), Matrix.Identity(1), Matrix.Identity(1));

        Assert.Equal(2 + Math.Sqrt(5), p[0, 0], 1e-12);
    }

    [Fact]
    public void SolveDiscrete_UncontrollableUnstableMode_Throws()
    {
        var a = Matrix.Diagonal(2.0, 0.5);   // mode 1 unstable (|2| > 1) and not reached by B
        var b = Matrix.Column(0.0, 1.0);

        var ex = Assert.Throws<InvalidOperationException>(() => Riccati.SolveDiscrete(a, b, Matrix.Identity(2), Matrix.Identity(1)));
        Assert.Contains("stabilis", ex.Message);
    }

    [Fact]
    public void SolveContinuous_UncontrollableUnstableMode_Throws()
    {
        var a = Matrix.Diagonal(1.0, -1.0);  // eigenvalue +1 not reached by B
        var b = Matrix.Column(0.0, 1.0);

        var ex = Assert.Throws<InvalidOperationException>(() => Riccati.SolveContinuous(a, b, Matrix.Identity(2), Matrix.Identity(1)));
        Assert.Contains("stabilis", ex.Message);
    }

    [Fact]
    public void SolveDiscrete_WrongDimensions_ThrowsNamingTheMatrix()
    {
        var a = Matrix.Identity(3);

        var ex = Assert.Throws<ArgumentException>(() => Riccati.SolveDiscrete(a, new Matrix(2, 1), Matrix.Identity(3), Matrix.Identity(1)));
        Assert.Contains("'b'", ex.Message);
        Assert.Contains("3 rows", ex.Message);

        var exQ = Assert.Throws<ArgumentException>(() => Riccati.SolveDiscrete(a, new Matrix(3, 1), Matrix.Identity(2), Matrix.Identity(1)));
        Assert.Contains("'q'", exQ.Message);

        var exR = Assert.Throws<ArgumentException>(() => Riccati.SolveDiscrete(a, new Matrix(3, 1), Matrix.Identity(3), Matrix.FromRows([-1.0])));
        Assert.Contains("positive definite", exR.Message);
    }
}
