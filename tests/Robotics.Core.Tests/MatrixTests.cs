using Robotics.Core.LinearAlgebra;

namespace Robotics.Core.Tests;

public sealed class MatrixTests
{
    [Fact]
    public void Inverse_OfHandInvertedMatrix()
    {
        // [[4, 7], [2, 6]]^-1 = 1/10 [[6, -7], [-2, 4]] (determinant 10).
        var inv = Matrix.FromRows([4, 7], [2, 6]).Inverse();
        Assert.Equal(0.6, inv[0, 0], 14);
        Assert.Equal(-0.7, inv[0, 1], 14);
        Assert.Equal(-0.2, inv[1, 0], 14);
        Assert.Equal(0.4, inv[1, 1], 14);
    }

    [Fact]
    public void Solve_NeedsPivoting()
    {
        // A zero in the (0,0) position forces a row swap. x = [1, 2, 3] by construction: b = A x.
        var a = Matrix.FromRows([0, 2, 1], [1, 1, 1], [2, 0, 3]);
        var x = a.Solve(Matrix.Column(0 * 1 + 2 * 2 + 1 * 3, 1 + 2 + 3, 2 * 1 + 0 + 3 * 3));
        Assert.Equal(1.0, x[0, 0], 13);
        Assert.Equal(2.0, x[1, 0], 13);
        Assert.Equal(3.0, x[2, 0], 13);
    }

    [Fact]
    public void Singular_ThrowsWithPivot()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Matrix.FromRows([1, 2], [2, 4]).Inverse());
        Assert.Contains("singular", ex.Message);
    }

    [Fact]
    public void ProductTransposeAndArithmetic()
    {
        var a = Matrix.FromRows([1, 2, 3], [4, 5, 6]);
        var b = Matrix.FromRows([7, 8], [9, 10], [11, 12]);
        var p = a * b; // [[58, 64], [139, 154]] by hand
        Assert.Equal(58, p[0, 0]);
        Assert.Equal(64, p[0, 1]);
        Assert.Equal(139, p[1, 0]);
        Assert.Equal(154, p[1, 1]);
        Assert.Equal(6, a.Transpose()[2, 1]);
        Assert.Equal(0, (a - a).MaxAbs());
        Assert.Equal(Math.Sqrt(91), a.FrobeniusNorm(), 12);
        Assert.Equal(9, a.OneNorm());
        Assert.Throws<ArgumentException>(() => a * a);
    }

    [Fact]
    public void MatrixVectorMultiply_InPlace()
    {
        var a = Matrix.FromRows([1, 2], [3, 4]);
        Span<double> y = stackalloc double[2];
        a.Multiply([1, 1], y);
        Assert.Equal(3, y[0]);
        Assert.Equal(7, y[1]);
    }

    [Fact]
    public void BlocksAndSymmetrize()
    {
        var m = new Matrix(3, 3);
        m.SetBlock(1, 1, Matrix.Identity(2));
        Assert.Equal(1, m[2, 2]);
        Assert.Equal(Matrix.Identity(2).Data.ToArray(), m.GetBlock(1, 1, 2, 2).Data.ToArray());
        var s = Matrix.FromRows([1, 2], [4, 1]).Symmetrize();
        Assert.Equal(3, s[0, 1]);
        Assert.Equal(3, s[1, 0]);
    }
}
