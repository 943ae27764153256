using Robotics.Control.Lqr;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Numerics;

namespace Robotics.Control.Tests.Lqr;

public class LinearizationTests
{
    private sealed class LinearSystem(Matrix a, Matrix b) : IOdeSystem
    {
        public int StateSize => a.Rows;

        public int InputSize => b.Columns;

        public void Derivatives(double time, ReadOnlySpan<double> state, ReadOnlySpan<double> input, Span<double> derivative)
        {
            for (int i = 0; i < a.Rows; i++)
            {
                double s = 0;
                for (int j = 0; j < a.Columns; j++) s += a[i, j] * state[j];
                for (int j = 0; j < b.Columns; j++) s += b[i, j] * input[j];
                derivative[i] = s;
            }
        }
    }

    [Fact]
    public void Jacobians_LinearSystem_ReturnsItsMatrices()
    {
        var a = new Matrix(LqrGoldenData.RandomA);
        var b = new Matrix(LqrGoldenData.RandomB);

        var (ja, jb) = Linearization.Jacobians(new LinearSystem(a, b), [0.3, -2.0, 10.0, 0.0], [1.5, -40.0]);

        MatrixAssert.Close(LqrGoldenData.RandomA, ja, 1e-8);
        MatrixAssert.Close(LqrGoldenData.RandomB, jb, 1e-8);
    }

    [Fact]
    public void Jacobians_NonlinearCartPoleUpright_MatchAnalyticLinearisation()
    {
        // The golden A, B were linearised analytically in lqr_golden.py; central differences carry an O(h^2) error.
        var (a, b) = Linearization.Jacobians(new CartPoleModel(), [0, 0, 0, 0], [0]);

        MatrixAssert.Close(LqrGoldenData.CartPoleA, a, 1e-7);
        MatrixAssert.Close(LqrGoldenData.CartPoleB, b, 1e-7);
    }

    [Fact]
    public void Jacobians_WrongStateLength_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Linearization.Jacobians(new CartPoleModel(), [0, 0], [0]));
        Assert.Contains("4 states", ex.Message);
    }
}
