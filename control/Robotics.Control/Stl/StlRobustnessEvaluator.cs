namespace Robotics.Control.Stl;

/// <summary>
/// Hard (min/max) robustness of traces of one fixed length, with every buffer allocated at construction, so that
/// <see cref="Evaluate"/> allocates nothing: the evaluator planners call thousands of times per tick. Same values as
/// <see cref="StlRobustness"/> (same linear-time algorithm and boundary convention).
/// </summary>
public sealed class StlRobustnessEvaluator
{
    private readonly StlProgram program;
    private readonly double[][] slots;
    private readonly int[] deque;

    /// <summary>Prepares evaluation of <paramref name="specification"/> over traces of <paramref name="traceLength"/> samples.</summary>
    /// <param name="specification">The specification.</param>
    /// <param name="samplePeriod">Seconds between samples.</param>
    /// <param name="traceLength">Samples per trace (&gt;= 1).</param>
    /// <exception cref="ArgumentException">The length is below 1 or an interval does not fit the period.</exception>
    public StlRobustnessEvaluator(StlSpecification specification, double samplePeriod, int traceLength)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (traceLength < 1)
        {
            throw new ArgumentException($"traceLength must be >= 1, got {traceLength}.", nameof(traceLength));
        }

        program = StlProgram.Compile(specification, samplePeriod);
        Specification = specification;
        TraceLength = traceLength;
        slots = new double[program.Ops.Count][];
        for (int i = 0; i < slots.Length; i++)
        {
            slots[i] = new double[traceLength];
        }

        deque = new int[traceLength];
    }

    /// <summary>The specification.</summary>
    public StlSpecification Specification { get; }

    /// <summary>Samples per trace.</summary>
    public int TraceLength { get; }

    /// <summary>The robustness at sample 0.</summary>
    /// <param name="signals">One array of <see cref="TraceLength"/> samples per signal, in <see cref="StlSpecification.Signals"/> order.</param>
    /// <returns>ρ at sample 0.</returns>
    public double Evaluate(IReadOnlyList<double[]> signals)
    {
        StlRobustness.Run(program, signals, slots, deque);
        return slots[program.Output][0];
    }

    /// <summary>The robustness signal of the last <see cref="Evaluate"/> call (one value per sample; a view, overwritten by the next call).</summary>
    public ReadOnlySpan<double> LastSignal => slots[program.Output];
}
