using Robotics.Control.Stl;
using TorchSharp;
using static TorchSharp.torch;

namespace Robotics.Models.Training.Stl;

/// <summary>
/// Smooth STL robustness in torch ops over batched signals [B, T] (log-sum-exp min/max with temperature τ, as the
/// STL-NPC library), differentiable for training. Windows past the trace end follow the managed boundary convention
/// (empty min = +large, empty max = -large). Supports predicates affine in the signals, not/and/or/implies,
/// always/eventually/historically/once; until, since and iff are rejected with a message.
/// </summary>
public sealed class TorchStlRobustness
{
    private const double Large = 1e3;
    private readonly StlSpecification specification;
    private readonly double dt;
    private readonly double tau;

    /// <summary>Prepares the translation of <paramref name="specification"/>.</summary>
    /// <param name="specification">The specification.</param>
    /// <param name="samplePeriod">Seconds between samples.</param>
    /// <param name="temperature">τ &gt; 0.</param>
    /// <exception cref="ArgumentException">An operator or predicate is not supported (message names it).</exception>
    public TorchStlRobustness(StlSpecification specification, double samplePeriod, double temperature)
    {
        ArgumentNullException.ThrowIfNull(specification);
        this.specification = specification;
        dt = samplePeriod;
        tau = temperature;
        foreach (var node in specification.Formula.PostOrder())
        {
            if (node.Operator is StlOperator.Until or StlOperator.Since or StlOperator.Iff)
            {
                throw new ArgumentException($"{specification.SourceName}: '{node.Operator}' is not supported by STL-NPC training; rewrite it with always/eventually.", nameof(specification));
            }

            if (node.Operator == StlOperator.Predicate)
            {
                Affine(node);
            }
        }
    }

    /// <summary>The robustness signal [B, T] of the whole formula; column 0 is ρ̃ of each trace.</summary>
    public Tensor Evaluate(IReadOnlyDictionary<string, Tensor> signals)
    {
        ArgumentNullException.ThrowIfNull(signals);
        return Node(specification.Formula, signals);
    }

    private Tensor Node(StlFormula f, IReadOnlyDictionary<string, Tensor> s)
    {
        switch (f.Operator)
        {
            case StlOperator.Predicate:
            {
                var (c0, coefficients) = Affine(f);
                Tensor? sum = null;
                for (int i = 0; i < coefficients.Length; i++)
                {
                    if (coefficients[i] != 0)
                    {
                        var term = s[specification.Signals[i]] * coefficients[i];
                        sum = sum is null ? term : sum + term;
                    }
                }

                var any = s[specification.Signals[0]];
                return sum is null ? full_like(any, c0) : sum + c0;
            }

            case StlOperator.True:
                return full_like(s.Values.First(), Large);
            case StlOperator.False:
                return full_like(s.Values.First(), -Large);
            case StlOperator.Not:
                return -Node(f.Left!, s);
            case StlOperator.And:
                return SoftMin(stack([Node(f.Left!, s), Node(f.Right!, s)], 2), 2);
            case StlOperator.Or:
                return SoftMax(stack([Node(f.Left!, s), Node(f.Right!, s)], 2), 2);
            case StlOperator.Implies:
                return SoftMax(stack([-Node(f.Left!, s), Node(f.Right!, s)], 2), 2);
            default:
            {
                var child = Node(f.Left!, s);
                long n = child.shape[1];
                int a = Steps(f.Interval.Start);
                int b = f.Interval.End.IsInfinite ? (int)n - 1 : Steps(f.Interval.End);
                bool isMin = f.Operator is StlOperator.Always or StlOperator.Historically;
                bool past = f.Operator is StlOperator.Historically or StlOperator.Once;
                double fill = isMin ? Large : -Large;
                int w = b - a + 1;
                var pad = full(child.shape[0], b, fill, dtype: child.dtype);
                Tensor windows;
                if (!past)
                {
                    // value at k: over child[k+a .. k+b]
                    var padded = cat([child, pad], 1);
                    windows = padded.narrow(1, a, n + w - 1).unfold(1, w, 1);
                }
                else
                {
                    // value at k: over child[k-b .. k-a]
                    var padded = cat([pad, child], 1);
                    windows = padded.narrow(1, 0, n + w - 1).unfold(1, w, 1);
                }

                return isMin ? SoftMin(windows, 2) : SoftMax(windows, 2);
            }
        }
    }

    private Tensor SoftMax(Tensor x, long dim) => logsumexp(x * tau, dim) / tau;

    private Tensor SoftMin(Tensor x, long dim) => -logsumexp(-x * tau, dim) / tau;

    private int Steps(StlTimeBound bound)
    {
        string? error = bound.TryToSteps(dt, out int steps);
        return error is null ? steps : throw new ArgumentException($"{specification.SourceName}: {error}");
    }

    private (double C0, double[] Coefficients) Affine(StlFormula predicate)
    {
        int count = specification.Signals.Count;
        var zero = new double[count];
        double c0 = predicate.EvaluateMargin(zero);
        var c = new double[count];
        var probe = new double[count];
        for (int i = 0; i < count; i++)
        {
            Array.Clear(probe);
            probe[i] = 1.0;
            c[i] = predicate.EvaluateMargin(probe) - c0;
        }

        // affinity check at a second point
        double check = c0;
        for (int i = 0; i < count; i++)
        {
            probe[i] = 0.37 * (i + 1) - 1.1;
            check += c[i] * probe[i];
        }

        if (Math.Abs(predicate.EvaluateMargin(probe) - check) > 1e-9 * (1 + Math.Abs(check)))
        {
            throw new ArgumentException($"{specification.SourceName}: predicate '{predicate.PredicateText}' is not affine in the signals; STL-NPC training supports affine predicates (compute nonlinear quantities as task signals).");
        }

        return (c0, c);
    }
}
