namespace Robotics.Control.Stl;

/// <summary>
/// Discrete-time space robustness (min/max semantics) of a specification over a whole trace, in time linear in the
/// trace length for every operator.
/// </summary>
/// <remarks>
/// <para>Semantics at sample k (n samples, windows in samples after converting seconds with the trace's period):
/// predicate: its margin (<c>x &gt;= c</c> gives <c>x - c</c>; <c>==</c> gives <c>-|x - c|</c>; <c>!=</c> gives
/// <c>|x - c|</c>); not: <c>-ρ</c>; and/or: min/max; <c>always[a,b]</c>/<c>eventually[a,b]</c>: min/max over
/// <c>[k+a, k+b]</c>; <c>historically</c>/<c>once</c>: over <c>[k-b, k-a]</c>; <c>φ until[a,b] ψ</c>:
/// <c>max over j in [k+a, k+b] of min(ψ_j, min φ[k..j])</c>; <c>φ since[a,b] ψ</c>:
/// <c>max over j in [k-b, k-a] of min(ψ_j, min φ[j..k])</c>.</para>
/// <para>Boundary convention: windows are cut at the ends of the trace; a window with no sample left is empty, and
/// min over nothing is +inf, max over nothing is -inf. So <c>always</c> is vacuously satisfied past the end (a trace
/// too short cannot violate it) and <c>eventually</c>/<c>until</c> are violated (a trace too short cannot satisfy it)
/// - the usual finite-trace convention for offline checking. Use a trace at least as long as the formula's horizon
/// when that matters.</para>
/// </remarks>
public static class StlRobustness
{
    /// <summary>The robustness signal of <paramref name="specification"/> over <paramref name="trace"/>, one value per sample.</summary>
    /// <param name="specification">The specification.</param>
    /// <param name="trace">The trace; it must have every signal the specification reads.</param>
    /// <returns>ρ at every sample (index 0 is the robustness of the trace).</returns>
    /// <exception cref="ArgumentException">A signal is missing (the message lists the trace's signals) or an interval does not fit the sampling.</exception>
    public static double[] Evaluate(StlSpecification specification, StlTrace trace)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(trace);
        return Evaluate(specification, Columns(specification, trace), trace.SamplePeriod);
    }

    /// <summary>The robustness signal from signal columns given in <see cref="StlSpecification.Signals"/> order.</summary>
    /// <param name="specification">The specification.</param>
    /// <param name="signals">One array per signal, all of the same length.</param>
    /// <param name="samplePeriod">Seconds between samples.</param>
    /// <returns>ρ at every sample.</returns>
    public static double[] Evaluate(StlSpecification specification, IReadOnlyList<double[]> signals, double samplePeriod)
    {
        ArgumentNullException.ThrowIfNull(specification);
        ArgumentNullException.ThrowIfNull(signals);
        StlProgram program = StlProgram.Compile(specification, samplePeriod);
        int n = CheckColumns(specification, signals);
        var slots = new double[program.Ops.Count][];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = new double[n];
        }

        Run(program, signals, slots, new int[n]);
        return slots[program.Output];
    }

    /// <summary>Evaluates every operator of <paramref name="program"/> into preallocated <paramref name="slots"/> (allocation-free).</summary>
    internal static void Run(StlProgram program, IReadOnlyList<double[]> signals, double[][] slots, int[] deque)
    {
        int n = slots.Length > 0 ? slots[0].Length : 0;
        for (int i = 0; i < program.Ops.Count; i++)
        {
            var op = program.Ops[i];
            double[] y = slots[i];
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
                        y[k] = -slots[op.A][k];
                    }

                    break;
                case StlProgram.OpKind.Min:
                    for (int k = 0; k < n; k++)
                    {
                        y[k] = Math.Min(slots[op.A][k], slots[op.B][k]);
                    }

                    break;
                case StlProgram.OpKind.Max:
                    for (int k = 0; k < n; k++)
                    {
                        y[k] = Math.Max(slots[op.A][k], slots[op.B][k]);
                    }

                    break;
                case StlProgram.OpKind.WindowMin or StlProgram.OpKind.WindowMax:
                    SlidingExtremum.Compute(slots[op.A], op.Lo, op.Hi, op.Past, op.Kind == StlProgram.OpKind.WindowMin, y, deque);
                    break;
                case StlProgram.OpKind.Shift:
                    Shift(slots[op.A], op.Lo, op.Past, op.Fill, y);
                    break;
                default:
                    UntilRecursion(slots[op.A], slots[op.B], op.Past, y);
                    break;
            }
        }
    }

    internal static double[][] Columns(StlSpecification specification, StlTrace trace)
    {
        var columns = new double[specification.Signals.Count][];
        for (int i = 0; i < columns.Length; i++)
        {
            columns[i] = trace.Signal(specification.Signals[i]) ?? throw new ArgumentException(
                $"{specification.SourceName}: unknown signal '{specification.Signals[i]}': the trace has " +
                $"{string.Join(", ", trace.SignalNames.Order(StringComparer.Ordinal))}; rename the signal in the specification or the trace.");
        }

        return columns;
    }

    internal static int CheckColumns(StlSpecification specification, IReadOnlyList<double[]> signals)
    {
        if (signals.Count != specification.Signals.Count)
        {
            throw new ArgumentException($"The specification reads {specification.Signals.Count} signals ({string.Join(", ", specification.Signals)}), got {signals.Count} columns.");
        }

        int n = signals.Count > 0 ? signals[0].Length : 1;
        for (int i = 0; i < signals.Count; i++)
        {
            if (signals[i].Length != n)
            {
                throw new ArgumentException("All signal columns must have the same length.");
            }
        }

        return n;
    }

    internal static void Shift(ReadOnlySpan<double> x, int by, bool past, double fill, Span<double> y)
    {
        int n = x.Length;
        for (int k = 0; k < n; k++)
        {
            long j = past ? (long)k - by : (long)k + by;
            y[k] = j >= 0 && j < n ? x[(int)j] : fill;
        }
    }

    internal static void UntilRecursion(ReadOnlySpan<double> phi, ReadOnlySpan<double> psi, bool past, Span<double> y)
    {
        int n = phi.Length;
        double previous = double.NegativeInfinity;
        for (int step = 0; step < n; step++)
        {
            int k = past ? step : n - 1 - step;
            previous = Math.Min(phi[k], Math.Max(psi[k], previous));
            y[k] = previous;
        }
    }
}
