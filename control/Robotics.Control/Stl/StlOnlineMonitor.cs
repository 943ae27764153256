namespace Robotics.Control.Stl;

/// <summary>
/// Incremental robustness of a specification over a stream of samples, with bounded memory and no allocation per
/// sample. Past operators are decided at once; a bounded future operator <c>[a,b]</c> delays the verdict by b samples,
/// so the robustness at sample t is known after sample <c>t + <see cref="Delay"/></c>.
/// </summary>
/// <remarks>
/// Unbounded future operators (<c>always</c>, <c>eventually</c>, <c>until</c> without an upper bound) cannot be decided
/// online and are rejected at construction. Unbounded past operators use running extrema. Values equal those of
/// <see cref="StlRobustness"/> on the same samples (past windows cut at time 0 in the same way); tests check this.
/// Per sample: O(1) amortised per operator, except a bounded until, which scans its window (O(b)).
/// </remarks>
public sealed class StlOnlineMonitor
{
    private readonly OnlineNode[] nodes;
    private readonly OnlineNode root;
    private long step;

    /// <summary>Builds a monitor.</summary>
    /// <param name="specification">The specification; every future operator needs a finite upper bound.</param>
    /// <param name="samplePeriod">Seconds between samples (intervals in seconds are converted with it).</param>
    /// <exception cref="ArgumentException">An unbounded future operator, or an interval that is not a whole number of samples.</exception>
    public StlOnlineMonitor(StlSpecification specification, double samplePeriod)
    {
        ArgumentNullException.ThrowIfNull(specification);
        if (!(samplePeriod > 0) || double.IsInfinity(samplePeriod))
        {
            throw new ArgumentException($"The sample period must be a positive number of seconds, got {samplePeriod}.", nameof(samplePeriod));
        }

        Specification = specification;
        SamplePeriod = samplePeriod;
        var list = new List<OnlineNode>();
        root = Build(specification.Formula, list);
        nodes = list.ToArray();
    }

    /// <summary>The specification.</summary>
    public StlSpecification Specification { get; }

    /// <summary>Seconds between samples.</summary>
    public double SamplePeriod { get; }

    /// <summary>Samples between a sample and the verdict about it (the formula's future horizon).</summary>
    public int Delay => root.Delay;

    /// <summary>Samples received so far.</summary>
    public long SampleCount => step;

    /// <summary>Number of operator nodes (for per-operator cost figures).</summary>
    public int OperatorCount => nodes.Length;

    /// <summary>Feeds the next sample.</summary>
    /// <param name="signalValues">One value per signal in <see cref="StlSpecification.Signals"/> order.</param>
    /// <param name="robustness">The robustness at sample <paramref name="decidedSample"/>, when one was decided.</param>
    /// <param name="decidedSample">The index of the sample the verdict is about (this sample's index minus <see cref="Delay"/>).</param>
    /// <returns>True when a verdict was decided by this sample (from sample index <see cref="Delay"/> on).</returns>
    public bool Update(ReadOnlySpan<double> signalValues, out double robustness, out long decidedSample)
    {
        if (signalValues.Length != Specification.Signals.Count)
        {
            robustness = double.NaN;
            decidedSample = -1;
            return false;
        }

        for (int i = 0; i < nodes.Length; i++)
        {
            nodes[i].Step(step, signalValues);
        }

        decidedSample = step - root.Delay;
        step++;
        if (decidedSample < 0)
        {
            robustness = double.NaN;
            return false;
        }

        robustness = root.At(decidedSample);
        return true;
    }

    /// <summary>Forgets all samples (the next one is sample 0 again).</summary>
    public void Reset()
    {
        foreach (var node in nodes)
        {
            node.Reset();
        }

        step = 0;
    }

    private OnlineNode Build(StlFormula f, List<OnlineNode> list)
    {
        OnlineNode node;
        switch (f.Operator)
        {
            case StlOperator.True:
                node = new OnlineConstant(double.PositiveInfinity);
                break;
            case StlOperator.False:
                node = new OnlineConstant(double.NegativeInfinity);
                break;
            case StlOperator.Predicate:
                node = new OnlinePredicate(f);
                break;
            case StlOperator.Not:
                node = new OnlineNegation(Build(f.Left!, list));
                break;
            case StlOperator.And or StlOperator.Or:
                node = new OnlineMinMax(Build(f.Left!, list), Build(f.Right!, list), f.Operator == StlOperator.And);
                break;
            case StlOperator.Implies:
            {
                var a = Add(new OnlineNegation(Build(f.Left!, list)), list);
                node = new OnlineMinMax(a, Build(f.Right!, list), isMin: false);
                break;
            }

            case StlOperator.Iff:
            {
                var ab = Add(new OnlineMinMax(Add(new OnlineNegation(Build(f.Left!, list)), list), Build(f.Right!, list), false), list);
                var ba = Add(new OnlineMinMax(Add(new OnlineNegation(Build(f.Right!, list)), list), Build(f.Left!, list), false), list);
                node = new OnlineMinMax(ab, ba, isMin: true);
                break;
            }

            case StlOperator.Always or StlOperator.Eventually:
            {
                var (lo, hi) = Steps(f);
                node = new OnlineFutureWindow(Build(f.Left!, list), lo, hi, f.Operator == StlOperator.Always);
                break;
            }

            case StlOperator.Historically or StlOperator.Once:
            {
                var (lo, hi) = Steps(f);
                node = new OnlinePastWindow(Build(f.Left!, list), lo, hi, f.Operator == StlOperator.Historically);
                break;
            }

            case StlOperator.Until:
            {
                var (lo, hi) = Steps(f);
                node = new OnlineBoundedUntil(Build(f.Left!, list), Build(f.Right!, list), lo, hi);
                break;
            }

            default:
            {
                // φ since[a,b] ψ = min( historically[0,a] φ, once[a,b] ψ, (φ since ψ) a samples ago ).
                var (lo, hi) = Steps(f);
                var phi = Build(f.Left!, list);
                var psi = Build(f.Right!, list);
                var holds = Add(new OnlinePastWindow(phi, 0, lo, isMin: true), list);
                var reached = Add(new OnlinePastWindow(psi, lo, hi, isMin: false), list);
                var recursion = Add(new OnlineSinceRecursion(phi, psi), list);
                var shifted = Add(new OnlinePastShift(recursion, lo), list);
                node = new OnlineMinMax(Add(new OnlineMinMax(holds, reached, true), list), shifted, isMin: true);
                break;
            }
        }

        return Add(node, list);
    }

    private static OnlineNode Add(OnlineNode node, List<OnlineNode> list)
    {
        list.Add(node);
        return node;
    }

    private (int Lo, int Hi) Steps(StlFormula f)
    {
        string what = $"{f.Operator.ToString().ToLowerInvariant()}{f.Interval}";
        if (f.IsFutureTemporal && f.Interval.IsUnbounded)
        {
            throw new ArgumentException(
                $"{Specification.SourceName}: '{what}' has no upper bound, so the online monitor could never decide it; " +
                "give it a finite interval, e.g. eventually[0:5], or check the trace offline with 'robotics stl check'.");
        }

        return StlProgram.ResolveSteps(Specification, f, SamplePeriod);
    }
}
