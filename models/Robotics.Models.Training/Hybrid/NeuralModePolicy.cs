namespace Robotics.Models.Training.Hybrid;

/// <summary>
/// The trained controller and Lyapunov function of one car mode as plain arrays, evaluated in managed code
/// (no libtorch): u = clamp((1 - rho)(-K e) + rho u_max (tanh(N(z)) - tanh(N(0))), -u_max, u_max) and
/// V(e) = ||phi(z) - phi(0)||^2 + eps ||z||^2 with z = e / box, e = x - x*.
/// </summary>
/// <remarks>
/// phi(z) = tanh(W2 tanh(W1 z + b1) + b2), N(z) = W4 tanh(W3 z + b3) + b4. Weights are row-major (out x in), as torch
/// <c>nn.Linear</c>. Subtracting phi(0) and tanh(N(0)) makes V(0) = 0 and u(0) = 0 exact, so x* stays an equilibrium.
/// Not thread-safe (scratch buffers).
/// </remarks>
public sealed class NeuralModePolicy
{
    private readonly double[] _scratchA, _scratchB, _phi0, _n0, _z;

    /// <summary>Creates the policy from its arrays (the trainer's export).</summary>
    /// <param name="operatingState">x* (5 entries).</param>
    /// <param name="gain">K, row-major 2 x 5.</param>
    /// <param name="inputMax">u_max (2 entries, symmetric limits).</param>
    /// <param name="box">State scaling (5 entries).</param>
    /// <param name="rho">Residual ratio.</param>
    /// <param name="epsilon">eps of V.</param>
    /// <param name="hidden">Hidden width H.</param>
    /// <param name="weights">W1 (H x 5), b1, W2 (H x H), b2, W3 (H x 5), b3, W4 (2 x H), b4.</param>
    public NeuralModePolicy(double[] operatingState, double[] gain, double[] inputMax, double[] box, double rho, double epsilon, int hidden, double[][] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != 8) throw new ArgumentException($"weights has {weights.Length} arrays; pass W1, b1, W2, b2, W3, b3, W4, b4.", nameof(weights));
        OperatingState = operatingState;
        Gain = gain;
        InputMax = inputMax;
        Box = box;
        Rho = rho;
        Epsilon = epsilon;
        Hidden = hidden;
        Weights = weights;
        _scratchA = new double[hidden];
        _scratchB = new double[hidden];
        _phi0 = new double[hidden];
        _n0 = new double[2];
        _z = new double[5];
        Phi(_z, _phi0);
        Residual(_z, _n0);
    }

    /// <summary>x*.</summary>
    public double[] OperatingState { get; }

    /// <summary>K (2 x 5, row-major).</summary>
    public double[] Gain { get; }

    /// <summary>u_max.</summary>
    public double[] InputMax { get; }

    /// <summary>State scaling.</summary>
    public double[] Box { get; }

    /// <summary>rho.</summary>
    public double Rho { get; }

    /// <summary>eps.</summary>
    public double Epsilon { get; }

    /// <summary>Hidden width.</summary>
    public int Hidden { get; }

    /// <summary>W1, b1, W2, b2 (phi) and W3, b3, W4, b4 (controller residual).</summary>
    public double[][] Weights { get; }

    /// <summary>V(x) for the full state x (5 entries).</summary>
    public double Lyapunov(ReadOnlySpan<double> state)
    {
        double zz = 0;
        for (int i = 0; i < 5; i++)
        {
            _z[i] = (state[i] - OperatingState[i]) / Box[i];
            zz += _z[i] * _z[i];
        }

        Phi(_z, _scratchB);
        double v = Epsilon * zz;
        for (int i = 0; i < Hidden; i++)
        {
            double d = _scratchB[i] - _phi0[i];
            v += d * d;
        }

        return v;
    }

    /// <summary>u(x) for the full state x (5 entries) into <paramref name="input"/> (2 entries).</summary>
    public void Compute(ReadOnlySpan<double> state, Span<double> input)
    {
        for (int i = 0; i < 5; i++) _z[i] = (state[i] - OperatingState[i]) / Box[i];
        Span<double> n = stackalloc double[2];
        Residual(_z, n);
        for (int o = 0; o < 2; o++)
        {
            double lqr = 0;
            for (int j = 0; j < 5; j++) lqr -= Gain[(o * 5) + j] * (state[j] - OperatingState[j]);
            double u = ((1 - Rho) * lqr) + (Rho * InputMax[o] * (Math.Tanh(n[o]) - Math.Tanh(_n0[o])));
            input[o] = Math.Clamp(u, -InputMax[o], InputMax[o]);
        }
    }

    private void Phi(ReadOnlySpan<double> z, Span<double> output)
    {
        Layer(Weights[0], Weights[1], z, _scratchA, 5, true);
        Layer(Weights[2], Weights[3], _scratchA, output, Hidden, true);
    }

    private void Residual(ReadOnlySpan<double> z, Span<double> output)
    {
        Layer(Weights[4], Weights[5], z, _scratchA, 5, true);
        Layer(Weights[6], Weights[7], _scratchA, output, Hidden, false);
    }

    private static void Layer(double[] w, double[] b, ReadOnlySpan<double> x, Span<double> y, int inputs, bool tanh)
    {
        for (int o = 0; o < b.Length; o++)
        {
            double s = b[o];
            for (int j = 0; j < inputs; j++) s += w[(o * inputs) + j] * x[j];
            y[o] = tanh ? Math.Tanh(s) : s;
        }
    }
}
