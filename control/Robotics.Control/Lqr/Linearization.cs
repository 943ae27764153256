using Robotics.Core.LinearAlgebra;
using Robotics.Core.Numerics;

namespace Robotics.Control.Lqr;

/// <summary>Linearises a nonlinear ODE system x' = f(t, x, u) about an operating point.</summary>
/// <remarks>
/// <para>Returns the Jacobians A = df/dx and B = df/du at (x0, u0) by central differences:
/// column j of A is (f(x0 + h_j e_j, u0) - f(x0 - h_j e_j, u0)) / (2 h_j), with h_j = eps^(1/3) max(1, |x0_j|)
/// (about 6e-6 for O(1) values; the truncation error is O(h^2), the rounding error O(eps / h)). The step is
/// rounded to a representable difference so that (x0 + h) - (x0 - h) equals 2 h exactly. For a linear system the
/// result equals A and B to rounding. Design-time code: allocates.</para>
/// </remarks>
public static class Linearization
{
    private const double MachineEpsilon = 2.220446049250313e-16; // 2^-52

    /// <summary>The Jacobians (A, B) of <paramref name="system"/> at (<paramref name="x0"/>, <paramref name="u0"/>).</summary>
    /// <param name="system">The system; its Derivatives are called 2 (n + m) times.</param>
    /// <param name="x0">Operating state (length <see cref="IOdeSystem.StateSize"/>).</param>
    /// <param name="u0">Operating input (length <see cref="IOdeSystem.InputSize"/>).</param>
    /// <param name="time">Time passed to the system, in seconds (default 0).</param>
    /// <returns>A (n x n) and B (n x m).</returns>
    /// <exception cref="ArgumentException">Lengths do not match the system, or the operating point is not finite.</exception>
    public static (Matrix A, Matrix B) Jacobians(IOdeSystem system, ReadOnlySpan<double> x0, ReadOnlySpan<double> u0, double time = 0.0)
    {
        ArgumentNullException.ThrowIfNull(system);
        int n = system.StateSize, m = system.InputSize;
        if (x0.Length != n)
        {
            throw new ArgumentException($"Operating state has {x0.Length} entries; the system has {n} states.", nameof(x0));
        }

        if (u0.Length != m)
        {
            throw new ArgumentException($"Operating input has {u0.Length} entries; the system has {m} inputs.", nameof(u0));
        }

        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(x0[i])) throw new ArgumentException($"Operating state entry {i} = {x0[i]} is not finite.", nameof(x0));
        }

        for (int i = 0; i < m; i++)
        {
            if (!double.IsFinite(u0[i])) throw new ArgumentException($"Operating input entry {i} = {u0[i]} is not finite.", nameof(u0));
        }

        var x = x0.ToArray();
        var u = u0.ToArray();
        var fPlus = new double[n];
        var fMinus = new double[n];
        var a = new Matrix(n, n);
        var b = new Matrix(n, m);
        double step = Math.Cbrt(MachineEpsilon);

        // Column j of the Jacobian with respect to `perturbed` (x for A, u for B): central difference on entry j.
        void Differentiate(double[] perturbed, Matrix jacobian)
        {
            for (int j = 0; j < perturbed.Length; j++)
            {
                double centre = perturbed[j];
                double h = step * Math.Max(1.0, Math.Abs(centre));
                double plus = centre + h, minus = centre - h;
                perturbed[j] = plus;
                system.Derivatives(time, x, u, fPlus);
                perturbed[j] = minus;
                system.Derivatives(time, x, u, fMinus);
                perturbed[j] = centre;
                double width = plus - minus;
                for (int i = 0; i < n; i++) jacobian[i, j] = (fPlus[i] - fMinus[i]) / width;
            }
        }

        Differentiate(x, a);
        Differentiate(u, b);
        return (a, b);
    }
}
