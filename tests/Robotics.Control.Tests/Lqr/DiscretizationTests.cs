using Robotics.Control.Lqr;
using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Tests.Lqr;

public class DiscretizationTests
{
    [Fact]
    public void ZeroOrderHold_DoubleIntegrator_MatchesClosedForm()
    {
        // e^{A t} = I + A t for the nilpotent A = [[0,1],[0,0]]; Bd = integral_0^dt e^{A s} B ds = [dt^2/2, dt].
        const double dt = 0.25;
        var (ad, bd) = Discretization.ZeroOrderHold(Matrix.FromRows([0, 1], [0, 0]), Matrix.Column(0, 1), dt);

        MatrixAssert.Close(new[,] { { 1, dt }, { 0, 1 } }, ad, 1e-14);
        MatrixAssert.Close(new[,] { { dt * dt / 2 }, { dt } }, bd, 1e-14);
    }

    [Fact]
    public void MatrixExponential_RotationGenerator_GivesRotation()
    {
        // exp([[0, -w], [w, 0]] t) = [[cos wt, -sin wt], [sin wt, cos wt]]; w t = 7.3 rad forces several squarings.
        double angle = 7.3;
        var e = Discretization.MatrixExponential(Matrix.FromRows([0, -angle], [angle, 0]));

        Assert.Equal(Math.Cos(angle), e[0, 0], 1e-13);
        Assert.Equal(-Math.Sin(angle), e[0, 1], 1e-13);
        Assert.Equal(Math.Sin(angle), e[1, 0], 1e-13);
        Assert.Equal(Math.Cos(angle), e[1, 1], 1e-13);
    }

    [Fact]
    public void MatrixExponential_Diagonal_GivesExponentials()
    {
        var e = Discretization.MatrixExponential(Matrix.Diagonal(-3.0, 0.0, 2.5));

        Assert.Equal(Math.Exp(-3.0), e[0, 0], 1e-15);
        Assert.Equal(1.0, e[1, 1], 1e-15);
        Assert.Equal(Math.Exp(2.5), e[2, 2], 1e-12);
        Assert.Equal(0.0, e[0, 2]);
    }

    [Fact]
    public void ZeroOrderHold_NonPositiveStep_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Discretization.ZeroOrderHold(Matrix.Identity(2), new Matrix(2, 1), 0.0));
        Assert.Contains("dt", ex.Message);
    }
}
