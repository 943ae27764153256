namespace Robotics.Control.Stl;

/// <summary>
/// A formula compiled, for one sample period, into array operations over whole traces (a tape). Until and since are
/// rewritten into windowed min/max, a shift and a linear recursion, so every operator is linear in the trace length:
/// <c>ρ(φ U[a,b] ψ)_k = min( min φ[k..k+a], max ψ[k+a..k+b], U_{k+a} )</c> with the unbounded until
/// <c>U_k = min(φ_k, max(ψ_k, U_{k+1}))</c>; since is its mirror image. (The identity follows from
/// <c>max_j min(c, x_j) = min(c, max_j x_j)</c>; the tests check it against the definition by brute force.)
/// </summary>
internal sealed class StlProgram
{
    private readonly List<Op> ops = [];

    private StlProgram(StlSpecification specification, double samplePeriod)
    {
        Specification = specification;
        SamplePeriod = samplePeriod;
        Output = Compile(specification.Formula);
    }

    internal enum OpKind
    {
        Constant,
        Predicate,
        Neg,
        Min,
        Max,
        WindowMin,
        WindowMax,
        Shift,
        UntilRecursion,
    }

    public StlSpecification Specification { get; }

    public double SamplePeriod { get; }

    public IReadOnlyList<Op> Ops => ops;

    public int Output { get; }

    public static StlProgram Compile(StlSpecification specification, double samplePeriod)
    {
        if (!(samplePeriod > 0) || double.IsInfinity(samplePeriod))
        {
            throw new ArgumentException($"The sample period must be a positive number of seconds, got {samplePeriod}.", nameof(samplePeriod));
        }

        return new StlProgram(specification, samplePeriod);
    }

    private int Emit(Op op)
    {
        ops.Add(op);
        return ops.Count - 1;
    }

    private int Compile(StlFormula f)
    {
        switch (f.Operator)
        {
            case StlOperator.True:
                return Emit(new Op(OpKind.Constant, Fill: double.PositiveInfinity));
            case StlOperator.False:
                return Emit(new Op(OpKind.Constant, Fill: double.NegativeInfinity));
            case StlOperator.Predicate:
                return Emit(new Op(OpKind.Predicate, Margin: f.Margin));
            case StlOperator.Not:
                return Emit(new Op(OpKind.Neg, A: Compile(f.Left!)));
            case StlOperator.And:
                return Emit(new Op(OpKind.Min, A: Compile(f.Left!), B: Compile(f.Right!)));
            case StlOperator.Or:
                return Emit(new Op(OpKind.Max, A: Compile(f.Left!), B: Compile(f.Right!)));
            case StlOperator.Implies:
            {
                int a = Compile(f.Left!);
                int b = Compile(f.Right!);
                return Emit(new Op(OpKind.Max, A: Emit(new Op(OpKind.Neg, A: a)), B: b));
            }

            case StlOperator.Iff:
            {
                int a = Compile(f.Left!);
                int b = Compile(f.Right!);
                int ab = Emit(new Op(OpKind.Max, A: Emit(new Op(OpKind.Neg, A: a)), B: b));
                int ba = Emit(new Op(OpKind.Max, A: Emit(new Op(OpKind.Neg, A: b)), B: a));
                return Emit(new Op(OpKind.Min, A: ab, B: ba));
            }

            case StlOperator.Always or StlOperator.Eventually or StlOperator.Historically or StlOperator.Once:
            {
                (int lo, int hi) = Steps(f);
                int c = Compile(f.Left!);
                bool past = f.IsPastTemporal;
                var kind = f.Operator is StlOperator.Always or StlOperator.Historically ? OpKind.WindowMin : OpKind.WindowMax;
                return Emit(new Op(kind, A: c, Lo: lo, Hi: hi, Past: past));
            }

            default:
            {
                (int lo, int hi) = Steps(f);
                bool past = f.Operator == StlOperator.Since;
                int phi = Compile(f.Left!);
                int psi = Compile(f.Right!);
                int holds = Emit(new Op(OpKind.WindowMin, A: phi, Lo: 0, Hi: lo, Past: past));
                int reaches = Emit(new Op(OpKind.WindowMax, A: psi, Lo: lo, Hi: hi, Past: past));
                int recursion = Emit(new Op(OpKind.UntilRecursion, A: phi, B: psi, Past: past));
                int shifted = Emit(new Op(OpKind.Shift, A: recursion, Lo: lo, Past: past, Fill: double.NegativeInfinity));
                return Emit(new Op(OpKind.Min, A: Emit(new Op(OpKind.Min, A: holds, B: reaches)), B: shifted));
            }
        }
    }

    private (int Lo, int Hi) Steps(StlFormula f) => ResolveSteps(Specification, f, SamplePeriod);

    /// <summary>The interval of a temporal node in samples, or an error naming the operator and the fix.</summary>
    internal static (int Lo, int Hi) ResolveSteps(StlSpecification specification, StlFormula f, double samplePeriod)
    {
        string what = $"{f.Operator.ToString().ToLowerInvariant()}{f.Interval}";
        if (f.Interval.Start.TryToSteps(samplePeriod, out int lo) is { } e1)
        {
            throw new ArgumentException($"{specification.SourceName}: interval start of {what}: {e1}.");
        }

        if (f.Interval.End.TryToSteps(samplePeriod, out int hi) is { } e2)
        {
            throw new ArgumentException($"{specification.SourceName}: interval end of {what}: {e2}.");
        }

        if (hi < lo)
        {
            throw new ArgumentException($"{specification.SourceName}: reversed interval in {what}: {lo} samples to {hi} samples; the start must not exceed the end.");
        }

        return (lo, hi);
    }

    /// <summary>One array operation; the result goes to the slot with the op's index.</summary>
    internal readonly record struct Op(OpKind Kind, int A = -1, int B = -1, int Lo = 0, int Hi = 0, bool Past = false,
        double Fill = 0, StlExpression? Margin = null);
}
