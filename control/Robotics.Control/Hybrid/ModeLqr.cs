using Robotics.Control.Lqr;
using Robotics.Core.LinearAlgebra;
using Robotics.Core.Numerics;

namespace Robotics.Control.Hybrid;

/// <summary>
/// The LQR controller of one mode of a hybrid system (or one value p of a mode parameter), with its quadratic
/// Lyapunov function V(x) = (x - x*)' P (x - x*) from the Riccati solution P.
/// </summary>
/// <remarks>
/// <para>Control law: u = clamp(u* - K (x - x*), u_min, u_max), K (m x n) from <see cref="Robotics.Control.Lqr.Lqr"/>.
/// Continuous time (x' = A x + B u): P solves the CARE and, for the linearised closed loop,
/// dV/dt = -(x - x*)'(Q + K' R K)(x - x*) &lt; 0. Discrete time (x_{k+1} = A x_k + B u_k): P solves the DARE and
/// V(x_{k+1}) - V(x_k) = -(x - x*)'(Q + K' R K)(x - x*) &lt; 0. How far V stays a Lyapunov function of the nonlinear,
/// saturated closed loop is what <see cref="RoaEstimator"/> measures.</para>
/// <para>The factories allocate (design time); <see cref="Compute"/> and <see cref="Lyapunov"/> allocate nothing.
/// Not thread-safe (one scratch buffer).</para>
/// </remarks>
public sealed class ModeLqr
{
    private readonly double[] _xStar, _uStar, _k, _p, _uMin, _uMax, _dx;
    private readonly int _n, _m;

    private ModeLqr(double parameter, double[] xStar, double[] uStar, Matrix k, Matrix p, bool discrete, double[]? uMin, double[]? uMax)
    {
        _n = xStar.Length;
        _m = uStar.Length;
        if (uMin is not null && uMin.Length != _m)
            throw new ArgumentException($"inputMin has {uMin.Length} entries but the mode has {_m} inputs; pass one lower limit per input.", nameof(uMin));
        if (uMax is not null && uMax.Length != _m)
            throw new ArgumentException($"inputMax has {uMax.Length} entries but the mode has {_m} inputs; pass one upper limit per input.", nameof(uMax));
        Parameter = parameter;
        _xStar = (double[])xStar.Clone();
        _uStar = (double[])uStar.Clone();
        Gain = k;
        LyapunovMatrix = p;
        IsDiscrete = discrete;
        _k = k.Data.ToArray();
        _p = p.Data.ToArray();
        _uMin = uMin is null ? Fill(_m, double.NegativeInfinity) : (double[])uMin.Clone();
        _uMax = uMax is null ? Fill(_m, double.PositiveInfinity) : (double[])uMax.Clone();
        _dx = new double[_n];
    }

    /// <summary>Designs a continuous-time mode LQR (CARE) for x' = A (x - x*) + B (u - u*).</summary>
    /// <param name="parameter">The mode parameter p this controller belongs to.</param>
    /// <param name="operatingState">x* (length n).</param>
    /// <param name="operatingInput">u* (length m).</param>
    /// <param name="a">A (n x n).</param>
    /// <param name="b">B (n x m).</param>
    /// <param name="q">Q (n x n, symmetric positive semi-definite).</param>
    /// <param name="r">R (m x m, symmetric positive definite).</param>
    /// <param name="inputMin">Optional lower input limits (m entries).</param>
    /// <param name="inputMax">Optional upper input limits (m entries).</param>
    /// <exception cref="ArgumentException">Inconsistent dimensions; the message names the argument.</exception>
    /// <exception cref="InvalidOperationException">No stabilising Riccati solution exists.</exception>
    public static ModeLqr Continuous(double parameter, double[] operatingState, double[] operatingInput, Matrix a, Matrix b,
        Matrix q, Matrix r, double[]? inputMin = null, double[]? inputMax = null)
    {
        Check(operatingState, operatingInput, a, b);
        var p = Riccati.SolveContinuous(a, b, q, r);
        var k = r.Solve(b.Transpose() * p);
        return new ModeLqr(parameter, operatingState, operatingInput, k, p.Symmetrize(), false, inputMin, inputMax);
    }

    /// <summary>Designs a discrete-time mode LQR (DARE) for x_{k+1} - x* = A (x_k - x*) + B (u_k - u*).</summary>
    /// <param name="parameter">The mode parameter p this controller belongs to.</param>
    /// <param name="operatingState">x* (length n).</param>
    /// <param name="operatingInput">u* (length m).</param>
    /// <param name="a">A (n x n).</param>
    /// <param name="b">B (n x m).</param>
    /// <param name="q">Q (n x n, symmetric positive semi-definite).</param>
    /// <param name="r">R (m x m, symmetric positive definite).</param>
    /// <param name="inputMin">Optional lower input limits (m entries).</param>
    /// <param name="inputMax">Optional upper input limits (m entries).</param>
    /// <exception cref="ArgumentException">Inconsistent dimensions; the message names the argument.</exception>
    /// <exception cref="InvalidOperationException">No stabilising Riccati solution exists.</exception>
    public static ModeLqr Discrete(double parameter, double[] operatingState, double[] operatingInput, Matrix a, Matrix b,
        Matrix q, Matrix r, double[]? inputMin = null, double[]? inputMax = null)
    {
        Check(operatingState, operatingInput, a, b);
        var p = Riccati.SolveDiscrete(a, b, q, r);
        var bt = b.Transpose();
        var k = (r + bt * p * b).Solve(bt * p * a);
        return new ModeLqr(parameter, operatingState, operatingInput, k, p.Symmetrize(), true, inputMin, inputMax);
    }

    /// <summary>
    /// Linearises <paramref name="system"/> at (x*, u*) with <see cref="Linearization.Jacobians"/> and designs the
    /// continuous-time LQR (or, if <paramref name="discreteTimeStep"/> &gt; 0, the discrete LQR of its zero-order-hold
    /// discretisation).
    /// </summary>
    /// <param name="parameter">The mode parameter p this controller belongs to.</param>
    /// <param name="system">The mode's vector field (x* should be an equilibrium under u*).</param>
    /// <param name="operatingState">x*.</param>
    /// <param name="operatingInput">u*.</param>
    /// <param name="q">Q.</param>
    /// <param name="r">R.</param>
    /// <param name="inputMin">Optional lower input limits.</param>
    /// <param name="inputMax">Optional upper input limits.</param>
    /// <param name="discreteTimeStep">0 for continuous time, else the sample period in s.</param>
    /// <exception cref="ArgumentException">Inconsistent dimensions; the message names the argument.</exception>
    /// <exception cref="InvalidOperationException">No stabilising Riccati solution exists.</exception>
    public static ModeLqr FromSystem(double parameter, IOdeSystem system, double[] operatingState, double[] operatingInput,
        Matrix q, Matrix r, double[]? inputMin = null, double[]? inputMax = null, double discreteTimeStep = 0.0)
    {
        ArgumentNullException.ThrowIfNull(system);
        var (a, b) = Linearization.Jacobians(system, operatingState, operatingInput);
        if (discreteTimeStep > 0)
        {
            var (ad, bd) = Discretization.ZeroOrderHold(a, b, discreteTimeStep);
            return Discrete(parameter, operatingState, operatingInput, ad, bd, q, r, inputMin, inputMax);
        }

        return Continuous(parameter, operatingState, operatingInput, a, b, q, r, inputMin, inputMax);
    }

    /// <summary>The mode parameter p.</summary>
    public double Parameter { get; }

    /// <summary>State dimension n.</summary>
    public int StateSize => _n;

    /// <summary>Input dimension m.</summary>
    public int InputSize => _m;

    /// <summary>The feedback gain K (m x n).</summary>
    public Matrix Gain { get; }

    /// <summary>The Riccati solution P (n x n) of V(x) = (x - x*)' P (x - x*).</summary>
    public Matrix LyapunovMatrix { get; }

    /// <summary>True for a discrete-time design (DARE), false for continuous time (CARE).</summary>
    public bool IsDiscrete { get; }

    /// <summary>The operating point x*.</summary>
    public IReadOnlyList<double> OperatingState => _xStar;

    /// <summary>The operating input u*.</summary>
    public IReadOnlyList<double> OperatingInput => _uStar;

    /// <summary>u = clamp(u* - K (x - x*), u_min, u_max). Allocation-free.</summary>
    /// <param name="state">x (length n).</param>
    /// <param name="input">Receives u (length m).</param>
    public void Compute(ReadOnlySpan<double> state, Span<double> input)
    {
        for (int j = 0; j < _n; j++)
            _dx[j] = state[j] - _xStar[j];
        for (int i = 0; i < _m; i++)
        {
            double u = _uStar[i];
            int row = i * _n;
            for (int j = 0; j < _n; j++)
                u -= _k[row + j] * _dx[j];
            input[i] = Math.Clamp(u, _uMin[i], _uMax[i]);
        }
    }

    /// <summary>V(x) = (x - x*)' P (x - x*). Allocation-free.</summary>
    /// <param name="state">x (length n).</param>
    public double Lyapunov(ReadOnlySpan<double> state)
    {
        double v = 0;
        for (int i = 0; i < _n; i++)
        {
            double di = state[i] - _xStar[i];
            int row = i * _n;
            double s = 0;
            for (int j = 0; j < _n; j++)
                s += _p[row + j] * (state[j] - _xStar[j]);
            v += di * s;
        }

        return v;
    }

    private static void Check(double[] xStar, double[] uStar, Matrix a, Matrix b)
    {
        ArgumentNullException.ThrowIfNull(xStar);
        ArgumentNullException.ThrowIfNull(uStar);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Rows != xStar.Length || a.Columns != xStar.Length)
            throw new ArgumentException($"A is {a.Rows}x{a.Columns} but x* has {xStar.Length} entries; A must be n x n.", nameof(a));
        if (b.Rows != xStar.Length || b.Columns != uStar.Length)
            throw new ArgumentException($"B is {b.Rows}x{b.Columns} but must be n x m = {xStar.Length}x{uStar.Length}.", nameof(b));
    }

    private static double[] Fill(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }
}
