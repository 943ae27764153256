using Robotics.Control.Stl;

namespace Robotics.Control.Tests.Stl;

/// <summary>
/// The robustness and Boolean semantics written straight from their definitions, with nested loops over every window:
/// slow, obvious, and independent of the linear-time algorithms under test.
/// </summary>
internal static class StlDefinitionReference
{
    public static double Robustness(StlFormula f, double[][] signals, int k, int n)
    {
        switch (f.Operator)
        {
            case StlOperator.True:
                return double.PositiveInfinity;
            case StlOperator.False:
                return double.NegativeInfinity;
            case StlOperator.Predicate:
                return Margin(f, signals, k);
            case StlOperator.Not:
                return -Robustness(f.Left!, signals, k, n);
            case StlOperator.And:
                return Math.Min(Robustness(f.Left!, signals, k, n), Robustness(f.Right!, signals, k, n));
            case StlOperator.Or:
                return Math.Max(Robustness(f.Left!, signals, k, n), Robustness(f.Right!, signals, k, n));
            case StlOperator.Implies:
                return Math.Max(-Robustness(f.Left!, signals, k, n), Robustness(f.Right!, signals, k, n));
            case StlOperator.Iff:
            {
                double a = Robustness(f.Left!, signals, k, n);
                double b = Robustness(f.Right!, signals, k, n);
                return Math.Min(Math.Max(-a, b), Math.Max(-b, a));
            }
        }

        var (lo, hi) = Steps(f);
        double result;
        switch (f.Operator)
        {
            case StlOperator.Always:
                result = double.PositiveInfinity;
                for (long j = k + lo; j <= Math.Min(k + hi, n - 1); j++)
                {
                    result = Math.Min(result, Robustness(f.Left!, signals, (int)j, n));
                }

                return result;
            case StlOperator.Eventually:
                result = double.NegativeInfinity;
                for (long j = k + lo; j <= Math.Min(k + hi, n - 1); j++)
                {
                    result = Math.Max(result, Robustness(f.Left!, signals, (int)j, n));
                }

                return result;
            case StlOperator.Historically:
                result = double.PositiveInfinity;
                for (long j = Math.Max(0, k - hi); j <= k - lo; j++)
                {
                    result = Math.Min(result, Robustness(f.Left!, signals, (int)j, n));
                }

                return result;
            case StlOperator.Once:
                result = double.NegativeInfinity;
                for (long j = Math.Max(0, k - hi); j <= k - lo; j++)
                {
                    result = Math.Max(result, Robustness(f.Left!, signals, (int)j, n));
                }

                return result;
            case StlOperator.Until:
                result = double.NegativeInfinity;
                for (long j = k + lo; j <= Math.Min(k + hi, n - 1); j++)
                {
                    double v = Robustness(f.Right!, signals, (int)j, n);
                    for (int i = k; i <= j; i++)
                    {
                        v = Math.Min(v, Robustness(f.Left!, signals, i, n));
                    }

                    result = Math.Max(result, v);
                }

                return result;
            default:
                result = double.NegativeInfinity;
                for (long j = Math.Max(0, k - hi); j <= k - lo; j++)
                {
                    double v = Robustness(f.Right!, signals, (int)j, n);
                    for (int i = (int)j; i <= k; i++)
                    {
                        v = Math.Min(v, Robustness(f.Left!, signals, i, n));
                    }

                    result = Math.Max(result, v);
                }

                return result;
        }
    }

    /// <summary>Boolean semantics: a predicate holds when its comparison holds (strictness as written).</summary>
    public static bool Holds(StlFormula f, double[][] signals, int k, int n)
    {
        switch (f.Operator)
        {
            case StlOperator.True:
                return true;
            case StlOperator.False:
                return false;
            case StlOperator.Predicate:
            {
                double m = Margin(f, signals, k);
                string text = f.PredicateText!;
                return text.Contains(">=") || text.Contains("<=") ? m >= 0 : text.Contains("==") ? m == 0 : m > 0;
            }

            case StlOperator.Not:
                return !Holds(f.Left!, signals, k, n);
            case StlOperator.And:
                return Holds(f.Left!, signals, k, n) && Holds(f.Right!, signals, k, n);
            case StlOperator.Or:
                return Holds(f.Left!, signals, k, n) || Holds(f.Right!, signals, k, n);
            case StlOperator.Implies:
                return !Holds(f.Left!, signals, k, n) || Holds(f.Right!, signals, k, n);
            case StlOperator.Iff:
                return Holds(f.Left!, signals, k, n) == Holds(f.Right!, signals, k, n);
        }

        var (lo, hi) = Steps(f);
        switch (f.Operator)
        {
            case StlOperator.Always:
                for (long j = k + lo; j <= Math.Min(k + hi, n - 1); j++)
                {
                    if (!Holds(f.Left!, signals, (int)j, n))
                    {
                        return false;
                    }
                }

                return true;
            case StlOperator.Eventually:
                for (long j = k + lo; j <= Math.Min(k + hi, n - 1); j++)
                {
                    if (Holds(f.Left!, signals, (int)j, n))
                    {
                        return true;
                    }
                }

                return false;
            case StlOperator.Historically:
                for (long j = Math.Max(0, k - hi); j <= k - lo; j++)
                {
                    if (!Holds(f.Left!, signals, (int)j, n))
                    {
                        return false;
                    }
                }

                return true;
            case StlOperator.Once:
                for (long j = Math.Max(0, k - hi); j <= k - lo; j++)
                {
                    if (Holds(f.Left!, signals, (int)j, n))
                    {
                        return true;
                    }
                }

                return false;
            case StlOperator.Until:
                for (long j = k + lo; j <= Math.Min(k + hi, n - 1); j++)
                {
                    bool ok = Holds(f.Right!, signals, (int)j, n);
                    for (int i = k; ok && i <= j; i++)
                    {
                        ok = Holds(f.Left!, signals, i, n);
                    }

                    if (ok)
                    {
                        return true;
                    }
                }

                return false;
            default:
                for (long j = Math.Max(0, k - hi); j <= k - lo; j++)
                {
                    bool ok = Holds(f.Right!, signals, (int)j, n);
                    for (int i = (int)j; ok && i <= k; i++)
                    {
                        ok = Holds(f.Left!, signals, i, n);
                    }

                    if (ok)
                    {
                        return true;
                    }
                }

                return false;
        }
    }

    private static double Margin(StlFormula f, double[][] signals, int k)
    {
        Span<double> values = stackalloc double[signals.Length];
        for (int i = 0; i < signals.Length; i++)
        {
            values[i] = signals[i][k];
        }

        return f.EvaluateMargin(values);
    }

    // The reference traces use a 1 s period and intervals in whole seconds or steps.
    private static (long Lo, long Hi) Steps(StlFormula f) =>
        ((long)f.Interval.Start.Value, f.Interval.End.IsInfinite ? long.MaxValue / 4 : (long)f.Interval.End.Value);
}
