using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Lqr;

/// <summary>Exact discretisation of linear continuous-time models for sampled controllers.</summary>
/// <remarks>
/// <para>Zero-order hold: with the input held constant over a sample of length dt,
/// x_{k+1} = Ad x_k + Bd u_k where Ad = e^{A dt} and Bd = (integral_0^dt e^{A s} ds) B. Both come from one
/// matrix exponential of the (n + m) x (n + m) block matrix</para>
/// <code>
/// exp([[A, B], [0, 0]] dt) = [[Ad, Bd], [0, I]]
/// </code>
/// <para>The exponential uses scaling and squaring with the diagonal [6/6] Padé approximant (Golub and Van Loan,
/// Matrix Computations, Algorithm 11.3.1): scale by 2^-s so that the infinity norm is at most 1/2, evaluate
/// D^-1 N with N = sum c_k X^k and D = sum (-1)^k c_k X^k, then square s times. The truncation error is below
/// 1e-15 relative to the scaled matrix. Design-time code: allocates.</para>
/// </remarks>
public static class Discretization
{
    private const int PadeDegree = 6;

    /// <summary>Zero-order-hold discretisation of x' = A x + B u with sample time <paramref name="dt"/> seconds.</summary>
    /// <param name="a">State matrix A (n x n).</param>
    /// <param name="b">Input matrix B (n x m).</param>
    /// <param name="dt">Sample time in seconds (finite, &gt; 0).</param>
    /// <returns>(Ad, Bd): Ad is n x n, Bd is n x m.</returns>
    /// <exception cref="ArgumentException">Dimensions do not match, an entry is not finite, or dt is not positive.</exception>
    public static (Matrix Ad, Matrix Bd) ZeroOrderHold(Matrix a, Matrix b, double dt)
    {
        MatrixChecks.NotNull(a, nameof(a));
        MatrixChecks.NotNull(b, nameof(b));
        if (!a.IsSquare || a.Rows == 0)
        {
            throw new ArgumentException($"Matrix 'a' (state matrix A) must be square and non-empty; it is {a.Rows}x{a.Columns}.", nameof(a));
        }

        if (b.Rows != a.Rows)
        {
            throw new ArgumentException($"Matrix 'b' (input matrix B) must have {a.Rows} rows (one per state); it has {b.Rows}.", nameof(b));
        }

        if (!double.IsFinite(dt) || dt <= 0.0)
        {
            throw new ArgumentException($"Sample time dt = {dt} s is not allowed; it must be finite and > 0 s.", nameof(dt));
        }

        MatrixChecks.Finite(a, nameof(a));
        MatrixChecks.Finite(b, nameof(b));
        int n = a.Rows, m = b.Columns;
        var block = new Matrix(n + m, n + m);
        block.SetBlock(0, 0, dt * a);
        if (m > 0) block.SetBlock(0, n, dt * b);
        var e = MatrixExponential(block);
        return (e.GetBlock(0, 0, n, n), e.GetBlock(0, n, n, m));
    }

    /// <summary>The matrix exponential e^M by scaling and squaring with a [6/6] Padé approximant.</summary>
    /// <exception cref="ArgumentException">The matrix is not square or has a non-finite entry.</exception>
    public static Matrix MatrixExponential(Matrix m)
    {
        MatrixChecks.NotNull(m, nameof(m));
        if (!m.IsSquare)
        {
            throw new ArgumentException($"The matrix exponential needs a square matrix; it is {m.Rows}x{m.Columns}.", nameof(m));
        }

        MatrixChecks.Finite(m, nameof(m));
        int n = m.Rows;
        double infNorm = m.Transpose().OneNorm();
        int s = 0;
        while (Math.ScaleB(infNorm, -s) > 0.5) s++; // smallest s with ||M / 2^s||_inf <= 1/2
        var a = Math.ScaleB(1.0, -s) * m;

        var x = a;
        double c = 0.5;
        var numerator = Matrix.Identity(n) + c * a;
        var denominator = Matrix.Identity(n) - c * a;
        for (int k = 2; k <= PadeDegree; k++)
        {
            c = c * (PadeDegree - k + 1) / (k * (2.0 * PadeDegree - k + 1));
            x = a * x;
            numerator += c * x;
            denominator = k % 2 == 0 ? denominator + c * x : denominator - c * x;
        }

        var f = denominator.Solve(numerator);
        for (int k = 0; k < s; k++) f *= f;
        return f;
    }
}
