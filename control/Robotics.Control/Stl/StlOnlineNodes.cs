namespace Robotics.Control.Stl;

/// <summary>
/// A node of the online monitor: it produces the robustness of its sub-formula for sample time <c>t = step - Delay</c>
/// once enough samples have arrived, and keeps its last <see cref="Capacity"/> outputs in a ring for its parents.
/// </summary>
internal abstract class OnlineNode
{
    private double[] history = new double[1];

    /// <summary>Samples between an input and this node's output for the same time.</summary>
    public int Delay { get; protected set; }

    /// <summary>How many recent outputs the parents need.</summary>
    public int Capacity => history.Length;

    /// <summary>Grows the output ring so a parent can read back <paramref name="capacity"/> outputs.</summary>
    public void Require(int capacity)
    {
        if (capacity > history.Length)
        {
            history = new double[capacity];
        }
    }

    /// <summary>This node's output for time <paramref name="t"/> (which must be recent enough).</summary>
    public double At(long t) => history[(int)(t % history.Length)];

    /// <summary>Advances by one input sample (index <paramref name="step"/>); children have already advanced.</summary>
    public void Step(long step, ReadOnlySpan<double> signals)
    {
        Observe(step, signals);
        long t = step - Delay;
        if (t >= 0)
        {
            history[(int)(t % history.Length)] = Compute(t, signals);
        }
    }

    public virtual void Reset()
    {
        Array.Clear(history);
    }

    /// <summary>Called every step before any output exists, for nodes that must see every child output.</summary>
    protected virtual void Observe(long step, ReadOnlySpan<double> signals)
    {
    }

    /// <summary>The output for time <paramref name="t"/>.</summary>
    protected abstract double Compute(long t, ReadOnlySpan<double> signals);

    /// <summary>Makes <paramref name="child"/> keep outputs back to <paramref name="oldestOffset"/> (relative to this node's t).</summary>
    protected void Needs(OnlineNode child, int oldestOffset) => child.Require(Delay - child.Delay - oldestOffset + 1);
}

internal sealed class OnlineConstant(double value) : OnlineNode
{
    protected override double Compute(long t, ReadOnlySpan<double> signals) => value;
}

internal sealed class OnlinePredicate(StlFormula predicate) : OnlineNode
{
    protected override double Compute(long t, ReadOnlySpan<double> signals) => predicate.EvaluateMargin(signals);
}

internal sealed class OnlineNegation : OnlineNode
{
    private readonly OnlineNode child;

    public OnlineNegation(OnlineNode child)
    {
        this.child = child;
        Delay = child.Delay;
        Needs(child, 0);
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals) => -child.At(t);
}

internal sealed class OnlineMinMax : OnlineNode
{
    private readonly OnlineNode a;
    private readonly OnlineNode b;
    private readonly bool isMin;

    public OnlineMinMax(OnlineNode a, OnlineNode b, bool isMin)
    {
        this.a = a;
        this.b = b;
        this.isMin = isMin;
        Delay = Math.Max(a.Delay, b.Delay);
        Needs(a, 0);
        Needs(b, 0);
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals) =>
        isMin ? Math.Min(a.At(t), b.At(t)) : Math.Max(a.At(t), b.At(t));
}

/// <summary>Sliding min/max over a window of the child's outputs, with a monotone deque of fixed capacity.</summary>
internal abstract class OnlineWindow : OnlineNode
{
    private readonly long[] times;
    private readonly double[] values;
    private readonly bool isMin;
    private int head;
    private int count;

    protected OnlineWindow(int windowLength, bool isMin)
    {
        times = new long[windowLength + 1];
        values = new double[windowLength + 1];
        this.isMin = isMin;
    }

    protected bool IsMin => isMin;

    protected double EmptyValue => isMin ? double.PositiveInfinity : double.NegativeInfinity;

    protected void Push(long time, double value)
    {
        while (count > 0)
        {
            int back = (head + count - 1) % values.Length;
            if (isMin ? values[back] >= value : values[back] <= value)
            {
                count--;
            }
            else
            {
                break;
            }
        }

        times[(head + count) % values.Length] = time;
        values[(head + count) % values.Length] = value;
        count++;
    }

    protected void ExpireBefore(long time)
    {
        while (count > 0 && times[head] < time)
        {
            head = (head + 1) % values.Length;
            count--;
        }
    }

    protected double Front => count > 0 ? values[head] : EmptyValue;

    public override void Reset()
    {
        base.Reset();
        head = 0;
        count = 0;
    }
}

/// <summary>always/eventually[a,b]: output for t is decided when the child's output for t+b arrives.</summary>
internal sealed class OnlineFutureWindow : OnlineWindow
{
    private readonly OnlineNode child;
    private readonly int lo;

    public OnlineFutureWindow(OnlineNode child, int lo, int hi, bool isMin)
        : base(hi - lo + 1, isMin)
    {
        this.child = child;
        this.lo = lo;
        Delay = child.Delay + hi;
        Needs(child, hi);
    }

    protected override void Observe(long step, ReadOnlySpan<double> signals)
    {
        long s = step - child.Delay;
        if (s >= 0)
        {
            Push(s, child.At(s));
        }
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals)
    {
        ExpireBefore(t + lo);
        return Front;
    }
}

/// <summary>historically/once[a,b] (b may be infinite): window [t-b, t-a] cut at time 0.</summary>
internal sealed class OnlinePastWindow : OnlineWindow
{
    private readonly OnlineNode child;
    private readonly int lo;
    private readonly int hi;
    private double running;

    public OnlinePastWindow(OnlineNode child, int lo, int hi, bool isMin)
        : base(hi == int.MaxValue ? 1 : hi - lo + 1, isMin)
    {
        this.child = child;
        this.lo = lo;
        this.hi = hi;
        Delay = child.Delay;
        Needs(child, -lo);
        running = EmptyValue;
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals)
    {
        long newest = t - lo;
        if (hi == int.MaxValue)
        {
            // Unbounded past: a running extremum keeps memory bounded.
            if (newest >= 0)
            {
                double v = child.At(newest);
                running = IsMin ? Math.Min(running, v) : Math.Max(running, v);
            }

            return running;
        }

        if (newest >= 0)
        {
            Push(newest, child.At(newest));
        }

        ExpireBefore(t - hi);
        return Front;
    }

    public override void Reset()
    {
        base.Reset();
        running = EmptyValue;
    }
}

/// <summary>The child's output <c>a</c> samples earlier (-inf before time 0).</summary>
internal sealed class OnlinePastShift : OnlineNode
{
    private readonly OnlineNode child;
    private readonly int by;

    public OnlinePastShift(OnlineNode child, int by)
    {
        this.child = child;
        this.by = by;
        Delay = child.Delay;
        Needs(child, -by);
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals) =>
        t - by >= 0 ? child.At(t - by) : double.NegativeInfinity;
}

/// <summary>Unbounded since: <c>S_t = min(φ_t, max(ψ_t, S_{t-1}))</c>.</summary>
internal sealed class OnlineSinceRecursion : OnlineNode
{
    private readonly OnlineNode phi;
    private readonly OnlineNode psi;
    private double previous = double.NegativeInfinity;

    public OnlineSinceRecursion(OnlineNode phi, OnlineNode psi)
    {
        this.phi = phi;
        this.psi = psi;
        Delay = Math.Max(phi.Delay, psi.Delay);
        Needs(phi, 0);
        Needs(psi, 0);
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals)
    {
        previous = Math.Min(phi.At(t), Math.Max(psi.At(t), previous));
        return previous;
    }

    public override void Reset()
    {
        base.Reset();
        previous = double.NegativeInfinity;
    }
}

/// <summary>
/// Bounded until, decided when the outputs for t+b arrive: a backward scan of the window,
/// <c>R_j = min(φ_j, max(ψ_j, R_{j+1}))</c> (ψ counted only from t+a), O(b) per sample with no allocation.
/// </summary>
internal sealed class OnlineBoundedUntil : OnlineNode
{
    private readonly OnlineNode phi;
    private readonly OnlineNode psi;
    private readonly int lo;
    private readonly int hi;

    public OnlineBoundedUntil(OnlineNode phi, OnlineNode psi, int lo, int hi)
    {
        this.phi = phi;
        this.psi = psi;
        this.lo = lo;
        this.hi = hi;
        Delay = Math.Max(phi.Delay, psi.Delay) + hi;
        Needs(phi, 0);
        Needs(psi, lo);
    }

    protected override double Compute(long t, ReadOnlySpan<double> signals)
    {
        double r = double.NegativeInfinity;
        for (long j = t + hi; j >= t; j--)
        {
            double reach = j >= t + lo ? Math.Max(psi.At(j), r) : r;
            r = Math.Min(phi.At(j), reach);
        }

        return r;
    }
}
