using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Lqr;

/// <summary>
/// Stabilising solutions of the discrete-time (DARE) and continuous-time (CARE) algebraic Riccati equations
/// by the structure-preserving doubling algorithm (SDA).
/// </summary>
/// <remarks>
/// <para><b>Equations.</b> With A (n x n), B (n x m), Q (n x n, symmetric positive semi-definite) and
/// R (m x m, symmetric positive definite):</para>
/// <list type="bullet">
/// <item>DARE: P = A' P A - A' P B (R + B' P B)^-1 B' P A + Q, with A - B K Schur-stable
/// (K = (R + B' P B)^-1 B' P A).</item>
/// <item>CARE: A' P + P A - P B R^-1 B' P + Q = 0, with A - B K Hurwitz (K = R^-1 B' P).</item>
/// </list>
/// <para><b>Algorithm (DARE).</b> With G = B R^-1 B' and H = Q, start from A_0 = A, G_0 = G, H_0 = H and
/// iterate (Chu, Fan, Lin, Wang, "Structure-preserving algorithms for periodic discrete-time algebraic Riccati
/// equations", Int. J. Control 77, 2004):</para>
/// <code>
/// W_k     = I + G_k H_k
/// A_{k+1} = A_k W_k^-1 A_k
/// G_{k+1} = G_k + A_k W_k^-1 G_k A_k'
/// H_{k+1} = H_k + A_k' H_k W_k^-1 A_k
/// </code>
/// <para>H_k converges quadratically to P (each step doubles the horizon of the underlying Riccati recursion,
/// so k steps cover 2^k steps of the plain fixed-point iteration).</para>
/// <para><b>Algorithm (CARE).</b> A Cayley transform with shift g &gt; 0 maps the Hamiltonian problem to a
/// discrete one (Chu, Fan, Lin, "A structure-preserving doubling algorithm for continuous-time algebraic Riccati
/// equations", Linear Algebra Appl. 396, 2005): with A_g = A - g I and W_g = A_g' + H A_g^-1 G,</para>
/// <code>
/// A_0 = I + 2 g (A_g + G A_g^-T H)^-1,   G_0 = 2 g A_g^-1 G W_g^-1,   H_0 = 2 g W_g^-1 H A_g^-1
/// </code>
/// <para>and the same doubling iteration gives H_k -> P. The shift is g = sqrt(||Ham||_1 ||Ham||_inf) / (2n) of the
/// Hamiltonian [[A, -G], [-Q, -A']], enlarged if A_g or W_g is singular.</para>
/// <para><b>Checks.</b> Dimensions, finiteness and symmetry are validated with <see cref="ArgumentException"/>s that
/// name the matrix; R must be positive definite and Q positive semi-definite. After convergence the Riccati
/// residual must be below 1e-8 of the size of its terms and the closed loop must be stable; otherwise
/// (not stabilisable, eigenvalues on the stability boundary, no convergence within 100 doublings) an
/// <see cref="InvalidOperationException"/> explains why.</para>
/// </remarks>
public static class Riccati
{
    private const int MaxIterations = 100;
    private const double ConvergenceTolerance = 1e-13;
    private const double AcceptableStagnation = 1e-9;
    private const double ResidualTolerance = 1e-8;

    /// <summary>Solves the discrete-time algebraic Riccati equation for its stabilising solution P.</summary>
    /// <param name="a">State matrix A (n x n).</param>
    /// <param name="b">Input matrix B (n x m).</param>
    /// <param name="q">State weight Q (n x n, symmetric positive semi-definite).</param>
    /// <param name="r">Input weight R (m x m, symmetric positive definite).</param>
    /// <returns>P (n x n, symmetric positive semi-definite).</returns>
    /// <exception cref="ArgumentException">A dimension, symmetry or definiteness requirement is violated.</exception>
    /// <exception cref="InvalidOperationException">No stabilising solution was found (e.g. (A, B) not stabilisable).</exception>
    public static Matrix SolveDiscrete(Matrix a, Matrix b, Matrix q, Matrix r)
    {
        Validate(a, b, q, r);
        var g = (b * r.Solve(b.Transpose())).Symmetrize();
        var p = Doubling(a, g, q.Symmetrize(), "discrete");

        var residual = DiscreteResidual(a, b, q, r, p);
        double scale = p.OneNorm() * Math.Max(1.0, a.OneNorm() * a.Transpose().OneNorm()) + q.OneNorm() + double.Epsilon;
        if (!(residual.OneNorm() <= ResidualTolerance * scale))
        {
            throw new InvalidOperationException(
                $"Discrete Riccati equation: the doubling iteration ended with a residual of {residual.OneNorm():G3} (relative {residual.OneNorm() / scale:G3}, allowed {ResidualTolerance:G1}); " +
                "the problem is ill-conditioned or (A, B) is not stabilisable. Check the model and scale Q and R.");
        }

        var k = (r + b.Transpose() * p * b).Solve(b.Transpose() * p * a);
        double rho = MatrixChecks.SpectralRadiusBound(a - b * k);
        if (!(rho < 1.0))
        {
            throw new InvalidOperationException(
                $"Discrete Riccati equation: the solution does not stabilise the system (closed-loop spectral radius {rho:G6} >= 1); " +
                "(A, B) is not stabilisable or (Q, A) has unobservable modes on the unit circle.");
        }

        return p;
    }

    /// <summary>Solves the continuous-time algebraic Riccati equation for its stabilising solution P.</summary>
    /// <param name="a">State matrix A (n x n).</param>
    /// <param name="b">Input matrix B (n x m).</param>
    /// <param name="q">State weight Q (n x n, symmetric positive semi-definite).</param>
    /// <param name="r">Input weight R (m x m, symmetric positive definite).</param>
    /// <returns>P (n x n, symmetric positive semi-definite).</returns>
    /// <exception cref="ArgumentException">A dimension, symmetry or definiteness requirement is violated.</exception>
    /// <exception cref="InvalidOperationException">No stabilising solution was found (e.g. (A, B) not stabilisable).</exception>
    public static Matrix SolveContinuous(Matrix a, Matrix b, Matrix q, Matrix r)
    {
        Validate(a, b, q, r);
        int n = a.Rows;
        var identity = Matrix.Identity(n);
        var g = (b * r.Solve(b.Transpose())).Symmetrize();
        var h = q.Symmetrize();

        var hamiltonian = new Matrix(2 * n, 2 * n);
        hamiltonian.SetBlock(0, 0, a);
        hamiltonian.SetBlock(0, n, -g);
        hamiltonian.SetBlock(n, 0, -h);
        hamiltonian.SetBlock(n, n, -a.Transpose());
        double gamma = Math.Sqrt(hamiltonian.OneNorm() * hamiltonian.Transpose().OneNorm()) / (2.0 * n);
        if (!(gamma > 0.0)) gamma = 1.0;

        Matrix? p = null;
        string lastProblem = "";
        for (int attempt = 0; attempt < 6 && p is null; attempt++, gamma *= 1.9)
        {
            try
            {
                var ag = a - gamma * identity;
                var agInv = ag.Inverse();
                var wg = ag.Transpose() + h * agInv * g;
                var wgInv = wg.Inverse();
                var a0 = identity + 2.0 * gamma * (ag + g * agInv.Transpose() * h).Inverse();
                var g0 = (2.0 * gamma * agInv * g * wgInv).Symmetrize();
                var h0 = (2.0 * gamma * wgInv * h * agInv).Symmetrize();
                p = Doubling(a0, g0, h0, "continuous");
            }
            catch (InvalidOperationException ex) when (ex.Message.StartsWith("Matrix is singular", StringComparison.Ordinal))
            {
                lastProblem = ex.Message;
            }
        }

        if (p is null)
        {
            throw new InvalidOperationException(
                $"Continuous Riccati equation: no usable Cayley shift was found ({lastProblem}); the Hamiltonian has eigenvalues on the imaginary axis, so (A, B) is not stabilisable or (Q, A) is not detectable there.");
        }

        var residual = ContinuousResidual(a, b, q, r, p);
        double scale = 2.0 * a.OneNorm() * p.OneNorm() + g.OneNorm() * p.OneNorm() * p.OneNorm() + q.OneNorm() + double.Epsilon;
        if (!(residual.OneNorm() <= ResidualTolerance * scale))
        {
            throw new InvalidOperationException(
                $"Continuous Riccati equation: the doubling iteration ended with a residual of {residual.OneNorm():G3} (relative {residual.OneNorm() / scale:G3}, allowed {ResidualTolerance:G1}); " +
                "the problem is ill-conditioned or (A, B) is not stabilisable. Check the model and scale Q and R.");
        }

        var closedLoop = a - g * p;
        double rho = MatrixChecks.SpectralRadiusBound(Discretization.MatrixExponential((1.0 / Math.Max(closedLoop.OneNorm(), 1e-300)) * closedLoop));
        if (!(rho < 1.0))
        {
            throw new InvalidOperationException(
                "Continuous Riccati equation: the solution does not stabilise the system (A - B K has an eigenvalue with non-negative real part); " +
                "(A, B) is not stabilisable or (Q, A) has unobservable modes on the imaginary axis.");
        }

        return p;
    }

    /// <summary>The DARE residual A' P A - A' P B (R + B' P B)^-1 B' P A + Q - P (zero at a solution).</summary>
    /// <exception cref="ArgumentException">The dimensions do not match.</exception>
    public static Matrix DiscreteResidual(Matrix a, Matrix b, Matrix q, Matrix r, Matrix p)
    {
        Validate(a, b, q, r);
        MatrixChecks.NotNull(p, nameof(p));
        MatrixChecks.Shape(p, a.Rows, a.Rows, nameof(p), "the Riccati solution");
        var at = a.Transpose();
        var bt = b.Transpose();
        var btpa = bt * p * a;
        return at * p * a - btpa.Transpose() * (r + bt * p * b).Solve(btpa) + q - p;
    }

    /// <summary>The CARE residual A' P + P A - P B R^-1 B' P + Q (zero at a solution).</summary>
    /// <exception cref="ArgumentException">The dimensions do not match.</exception>
    public static Matrix ContinuousResidual(Matrix a, Matrix b, Matrix q, Matrix r, Matrix p)
    {
        Validate(a, b, q, r);
        MatrixChecks.NotNull(p, nameof(p));
        MatrixChecks.Shape(p, a.Rows, a.Rows, nameof(p), "the Riccati solution");
        var pb = p * b;
        return a.Transpose() * p + p * a - pb * r.Solve(pb.Transpose()) + q;
    }

    internal static void Validate(Matrix a, Matrix b, Matrix q, Matrix r)
    {
        MatrixChecks.NotNull(a, nameof(a));
        MatrixChecks.NotNull(b, nameof(b));
        MatrixChecks.NotNull(q, nameof(q));
        MatrixChecks.NotNull(r, nameof(r));
        if (!a.IsSquare || a.Rows == 0)
        {
            throw new ArgumentException($"Matrix 'a' (state matrix A) must be square and non-empty; it is {a.Rows}x{a.Columns}.", nameof(a));
        }

        int n = a.Rows;
        if (b.Rows != n || b.Columns == 0)
        {
            throw new ArgumentException($"Matrix 'b' (input matrix B) must have {n} rows (one per state) and at least one column; it is {b.Rows}x{b.Columns}.", nameof(b));
        }

        int m = b.Columns;
        MatrixChecks.Shape(q, n, n, nameof(q), "state weight Q, one row and column per state");
        MatrixChecks.Shape(r, m, m, nameof(r), "input weight R, one row and column per input");
        MatrixChecks.Finite(a, nameof(a));
        MatrixChecks.Finite(b, nameof(b));
        MatrixChecks.Finite(q, nameof(q));
        MatrixChecks.Finite(r, nameof(r));
        MatrixChecks.Symmetric(q, nameof(q));
        MatrixChecks.Symmetric(r, nameof(r));
        if (!MatrixChecks.IsPositiveDefinite(r))
        {
            throw new ArgumentException("Matrix 'r' (input weight R) must be positive definite; give every input a positive weight.", nameof(r));
        }

        if (!MatrixChecks.IsPositiveDefinite(q, 1e-10 * Math.Max(q.MaxAbs(), 1e-300)))
        {
            throw new ArgumentException("Matrix 'q' (state weight Q) must be positive semi-definite; it has a negative eigenvalue.", nameof(q));
        }
    }

    private static Matrix Doubling(Matrix a, Matrix g, Matrix h, string kind)
    {
        int n = a.Rows;
        var identity = Matrix.Identity(n);
        double lastChange = double.PositiveInfinity;
        for (int k = 0; k < MaxIterations; k++)
        {
            var w = identity + g * h;
            Matrix wInvA, wInvG;
            try
            {
                var lu = new LuDecomposition(w);
                wInvA = lu.Solve(a);
                wInvG = lu.Solve(g);
            }
            catch (InvalidOperationException ex)
            {
                throw new InvalidOperationException(
                    $"{Capitalised(kind)} Riccati equation: the doubling iteration broke down at step {k} ({ex.Message}); (A, B) is probably not stabilisable.", ex);
            }

            var aNext = a * wInvA;
            var gNext = (g + a * wInvG * a.Transpose()).Symmetrize();
            var hNext = (h + a.Transpose() * h * wInvA).Symmetrize();
            if (!MatrixChecks.AllFinite(aNext) || !MatrixChecks.AllFinite(gNext) || !MatrixChecks.AllFinite(hNext))
            {
                throw new InvalidOperationException(
                    $"{Capitalised(kind)} Riccati equation: the doubling iteration diverged at step {k}; (A, B) is not stabilisable (an unstable mode cannot be influenced by the input).");
            }

            double change = (hNext - h).OneNorm();
            double size = Math.Max(hNext.OneNorm(), double.Epsilon);
            a = aNext;
            g = gNext;
            h = hNext;
            lastChange = change / size;
            if (lastChange <= ConvergenceTolerance)
            {
                return h;
            }
        }

        if (lastChange <= AcceptableStagnation)
        {
            return h;
        }

        throw new InvalidOperationException(
            $"{Capitalised(kind)} Riccati equation: the doubling iteration did not converge in {MaxIterations} steps (last relative change {lastChange:G3}); " +
            "the closed loop has eigenvalues on the stability boundary, so (A, B) is not stabilisable or (Q, A) is not detectable.");
    }

    private static string Capitalised(string kind) => char.ToUpperInvariant(kind[0]) + kind[1..];
}
