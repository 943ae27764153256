using Robotics.Core.LinearAlgebra;

namespace Robotics.Control.Lqr;

/// <summary>Linear-quadratic regulator gains from the stabilising Riccati solutions in <see cref="Riccati"/>.</summary>
/// <remarks>
/// <para>Discrete time, x_{k+1} = A x_k + B u_k, cost sum(x' Q x + u' R u): K = (R + B' P B)^-1 B' P A with P from
/// <see cref="Riccati.SolveDiscrete"/>.</para>
/// <para>Continuous time, x' = A x + B u, cost integral(x' Q x + u' R u): K = R^-1 B' P with P from
/// <see cref="Riccati.SolveContinuous"/>.</para>
/// <para>In both cases the control law is u = -K x (about an equilibrium: u = u_eq - K (x - x_eq), see
/// <see cref="LqrController"/>). K is m x n. Design-time code: allocates.</para>
/// </remarks>
public static class Lqr
{
    /// <summary>The discrete-time LQR gain K = (R + B' P B)^-1 B' P A (m x n).</summary>
    /// <exception cref="ArgumentException">A dimension, symmetry or definiteness requirement is violated.</exception>
    /// <exception cref="InvalidOperationException">No stabilising solution exists.</exception>
    public static Matrix DiscreteGain(Matrix a, Matrix b, Matrix q, Matrix r)
    {
        var p = Riccati.SolveDiscrete(a, b, q, r);
        var bt = b.Transpose();
        return (r + bt * p * b).Solve(bt * p * a);
    }

    /// <summary>The continuous-time LQR gain K = R^-1 B' P (m x n).</summary>
    /// <exception cref="ArgumentException">A dimension, symmetry or definiteness requirement is violated.</exception>
    /// <exception cref="InvalidOperationException">No stabilising solution exists.</exception>
    public static Matrix ContinuousGain(Matrix a, Matrix b, Matrix q, Matrix r)
    {
        var p = Riccati.SolveContinuous(a, b, q, r);
        return r.Solve(b.Transpose() * p);
    }
}
