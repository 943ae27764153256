namespace Robotics.Control.Stl;

/// <summary>
/// Smooth robustness for planning and training: every min and max of <see cref="StlRobustness"/> replaced by the
/// log-sum-exp soft version with temperature τ, <c>softmax_τ(x) = log Σ exp(τ x) / τ</c> (as the STL-NPC library does),
/// with the exact gradient of ρ at sample 0 with respect to every sample of every signal.
/// </summary>
/// <remarks>
/// It converges to the hard robustness as τ grows (the soft max exceeds the hard one by at most log(m)/τ over m
/// terms). Windows cost O(window) per sample, so an evaluation is O(n·w) - meant for planning horizons, not for
/// million-sample offline checks (use <see cref="StlRobustness"/> there). All buffers are allocated for one trace length
/// at construction; <see cref="Evaluate"/> and <see cref="Gradient"/> then allocate nothing.
/// </remarks>
public sealed class StlSmoothRobustness
{
    private readonly StlProgram program;
    private readonly double tau;
    private readonly double[][] values;
    private readonly double[][] grads;
    private readonly double[][] inner;

    /// <summary>Prepares smooth evaluation for traces of one length.</summary>
    /// <param name="specification">The specification.</param>
    /// <param name="samplePeriod">Seconds between samples.</param>
    /// <param name="traceLength">Samples per trace (&gt;= 1).</param>
    /// <param name="temperature">τ &gt; 0; 10-100 is typical for signals of order 1.</param>
    /// <exception cref="ArgumentException">A setting is out of range or an interval does not fit the period.</exception>
    public StlSmoothRobustness(StlSpecification specification, double samplePeriod, int traceLength, double temperature)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (traceLength < 1)
        {
            throw new ArgumentException($"traceLength must be >= 1, got {traceLength}.", nameof(traceLength));
        }

        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentException($"temperature must be a positive finite number, got {temperature}.", nameof(temperature));
        }

        program = StlProgram.Compile(specification, samplePeriod);
        tau = temperature;
        TraceLength = traceLength;
        Specification = specification;
        int count = program.Ops.Count;
        values = new double[count][];
        grads = new double[count][];
        inner = new double[count][];
        for (int i = 0; i < count; i++)
        {
            values[i] = new double[traceLength];
            grads[i] = new double[traceLength];
            inner[i] = program.Ops[i].Kind == StlProgram.OpKind.UntilRecursion ? new double[traceLength] : [];
        }
    }

    /// <summary>The specification.</summary>
    public StlSpecification Specification { get; }

    /// <summary>Samples per trace.</summary>
    public int TraceLength { get; }

    /// <summary>The smooth robustness at sample 0.</summary>
    /// <param name="signals">One array of <see cref="TraceLength"/> samples per signal, in <see cref="StlSpecification.Signals"/> order.</param>
    /// <returns>ρ̃ at sample 0.</returns>
    public double Evaluate(IReadOnlyList<double[]> signals)
    {
        Forward(signals);
        return values[program.Output][0];
    }

    /// <summary>The smooth robustness at sample 0 and its gradient with respect to every signal sample.</summary>
    /// <param name="signals">One array of <see cref="TraceLength"/> samples per signal.</param>
    /// <param name="gradients">Receives dρ̃/d signal[i][k]; same shape as <paramref name="signals"/> (overwritten).</param>
    /// <returns>ρ̃ at sample 0.</returns>
    public double Gradient(IReadOnlyList<double[]> signals, double[][] gradients)
    {
        ArgumentNullException.ThrowIfNull(gradients);
        Forward(signals);
        foreach (double[] g in gradients)
        {
            Array.Clear(g);
        }

        foreach (double[] g in grads)
        {
            Array.Clear(g);
        }

        grads[program.Output][0] = 1.0;
        int n = TraceLength;
        for (int i = program.Ops.Count - 1; i >= 0; i--)
        {
            var op = program.Ops[i];
            double[] g = grads[i];
            double[] y = values[i];
            switch (op.Kind)
            {
                case StlProgram.OpKind.Constant:
                    break;
                case StlProgram.OpKind.Predicate:
                    for (int k = 0; k < n; k++)
                    {
                        if (g[k] != 0)
                        {
                            op.Margin!.Backward(signals, k, g[k], gradients);
                        }
                    }

                    break;
                case StlProgram.OpKind.Neg:
                    for (int k = 0; k < n; k++)
                    {
                        grads[op.A][k] -= g[k];
                    }

                    break;
                case StlProgram.OpKind.Min or StlProgram.OpKind.Max:
                    for (int k = 0; k < n; k++)
                    {
                        if (g[k] == 0)
                        {
                            continue;
                        }

                        double a = values[op.A][k];
                        double b = values[op.B][k];
                        var (da, db) = op.Kind == StlProgram.OpKind.Min
                            ? SoftExtremum.MinWeights(a, b, y[k], tau)
                            : SoftExtremum.MaxWeights(a, b, y[k], tau);
                        grads[op.A][k] += g[k] * da;
                        grads[op.B][k] += g[k] * db;
                    }

                    break;
                case StlProgram.OpKind.WindowMin or StlProgram.OpKind.WindowMax:
                {
                    bool isMin = op.Kind == StlProgram.OpKind.WindowMin;
                    double[] x = values[op.A];
                    for (int k = 0; k < n; k++)
                    {
                        if (g[k] == 0 || double.IsInfinity(y[k]))
                        {
                            continue;
                        }

                        var (from, to) = WindowRange(k, op, n);
                        for (int j = from; j <= to; j++)
                        {
                            double w = isMin ? SoftExtremum.Weight(-x[j], -y[k], tau) : SoftExtremum.Weight(x[j], y[k], tau);
                            grads[op.A][j] += g[k] * w;
                        }
                    }

                    break;
                }

                case StlProgram.OpKind.Shift:
                    for (int k = 0; k < n; k++)
                    {
                        long j = op.Past ? (long)k - op.Lo : (long)k + op.Lo;
                        if (j >= 0 && j < n)
                        {
                            grads[op.A][(int)j] += g[k];
                        }
                    }

                    break;
                default:
                    BackwardRecursion(i, op, n);
                    break;
            }
        }

        return values[program.Output][0];
    }

    private void BackwardRecursion(int slot, StlProgram.Op op, int n)
    {
        double[] g = grads[slot];
        double[] u = values[slot];
        double[] v = inner[slot];
        double[] phi = values[op.A];
        double[] psi = values[op.B];
        // Forward ran k = n-1 .. 0 (future) or 0 .. n-1 (past); walk it backwards so each step's gradient is complete
        // before it is passed on to the step it came from.
        for (int step = n - 1; step >= 0; step--)
        {
            int k = op.Past ? step : n - 1 - step;
            if (g[k] == 0)
            {
                continue;
            }

            var (dPhi, dV) = SoftExtremum.MinWeights(phi[k], v[k], u[k], tau);
            grads[op.A][k] += g[k] * dPhi;
            double gv = g[k] * dV;
            int previous = op.Past ? k - 1 : k + 1;
            double uPrevious = previous >= 0 && previous < n ? u[previous] : double.NegativeInfinity;
            var (dPsi, dPrevious) = SoftExtremum.MaxWeights(psi[k], uPrevious, v[k], tau);
            grads[op.B][k] += gv * dPsi;
            if (previous >= 0 && previous < n)
            {
                g[previous] += gv * dPrevious;
            }
        }
    }

    private void Forward(IReadOnlyList<double[]> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        if (StlRobustness.CheckColumns(Specification, signals) != TraceLength)
        {
            throw new ArgumentException($"Signals must have {TraceLength} samples (the length given at construction).", nameof(signals));
        }

        int n = TraceLength;
        for (int i = 0; i < program.Ops.Count; i++)
        {
            var op = program.Ops[i];
            double[] y = values[i];
            switch (op.Kind)
            {
                case StlProgram.OpKind.Constant:
                    Array.Fill(y, op.Fill);
                    break;
                case StlProgram.OpKind.Predicate:
                    for (int k = 0; k < n; k++)
                    {
                        y[k] = op.Margin!.Evaluate(signals, k);
                    }

                    break;
                case StlProgram.OpKind.Neg:
                    for (int k = 0; k < n; k++)
                    {
                        y[k] = -values[op.A][k];
                    }

                    break;
                case StlProgram.OpKind.Min:
                    for (int k = 0; k < n; k++)
                    {
                        y[k] = SoftExtremum.Min(values[op.A][k], values[op.B][k], tau);
                    }

                    break;
                case StlProgram.OpKind.Max:
                    for (int k = 0; k < n; k++)
                    {
                        y[k] = SoftExtremum.Max(values[op.A][k], values[op.B][k], tau);
                    }

                    break;
                case StlProgram.OpKind.WindowMin or StlProgram.OpKind.WindowMax:
                    for (int k = 0; k < n; k++)
                    {
                        var (from, to) = WindowRange(k, op, n);
                        y[k] = SoftExtremum.Window(values[op.A], from, to, op.Kind == StlProgram.OpKind.WindowMin, tau);
                    }

                    break;
                case StlProgram.OpKind.Shift:
                    StlRobustness.Shift(values[op.A], op.Lo, op.Past, op.Fill, y);
                    break;
                default:
                {
                    double[] phi = values[op.A];
                    double[] psi = values[op.B];
                    double[] v = inner[i];
                    double previous = double.NegativeInfinity;
                    for (int step = 0; step < n; step++)
                    {
                        int k = op.Past ? step : n - 1 - step;
                        v[k] = SoftExtremum.Max(psi[k], previous, tau);
                        previous = SoftExtremum.Min(phi[k], v[k], tau);
                        y[k] = previous;
                    }

                    break;
                }
            }
        }
    }

    private static (int From, int To) WindowRange(int k, StlProgram.Op op, int n)
    {
        long from;
        long to;
        if (op.Past)
        {
            from = Math.Max(0L, (long)k - op.Hi);
            to = (long)k - op.Lo;
        }
        else
        {
            from = (long)k + op.Lo;
            to = Math.Min(n - 1L, (long)k + op.Hi);
        }

        return to < from || from >= n || to < 0 ? (0, -1) : ((int)from, (int)to);
    }
}
