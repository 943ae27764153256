namespace Robotics.Control.Stl;

/// <summary>Log-sum-exp soft maximum and minimum with temperature τ (larger is sharper), and their partial derivatives.</summary>
internal static class SoftExtremum
{
    public static double Max(double a, double b, double tau)
    {
        if (double.IsNegativeInfinity(a) || double.IsPositiveInfinity(b))
        {
            return b;
        }

        if (double.IsNegativeInfinity(b) || double.IsPositiveInfinity(a))
        {
            return a;
        }

        double m = Math.Max(a, b);
        return m + (Math.Log(Math.Exp(tau * (a - m)) + Math.Exp(tau * (b - m))) / tau);
    }

    public static double Min(double a, double b, double tau) => -Max(-a, -b, tau);

    /// <summary>d max/d a and d max/d b at the value <paramref name="y"/> = Max(a, b): the softmax weights.</summary>
    public static (double Da, double Db) MaxWeights(double a, double b, double y, double tau)
    {
        if (double.IsInfinity(y))
        {
            return (0, 0);
        }

        return (Weight(a, y, tau), Weight(b, y, tau));
    }

    /// <summary>d min/d a and d min/d b at <paramref name="y"/> = Min(a, b).</summary>
    public static (double Da, double Db) MinWeights(double a, double b, double y, double tau) => MaxWeights(-a, -b, -y, tau);

    /// <summary>The weight exp(τ (x - y)) of an element x in a soft maximum y (0 for infinite x).</summary>
    public static double Weight(double x, double y, double tau) => double.IsInfinity(x) ? 0 : Math.Exp(tau * (x - y));

    /// <summary>Soft max (or min) over <c>x[from..to]</c> inclusive; ±inf for an empty range.</summary>
    public static double Window(ReadOnlySpan<double> x, int from, int to, bool isMin, double tau)
    {
        double sign = isMin ? -1 : 1;
        double m = double.NegativeInfinity;
        for (int j = from; j <= to; j++)
        {
            m = Math.Max(m, sign * x[j]);
        }

        if (double.IsInfinity(m))
        {
            return sign * m;
        }

        double sum = 0;
        for (int j = from; j <= to; j++)
        {
            double v = sign * x[j];
            if (!double.IsNegativeInfinity(v))
            {
                sum += Math.Exp(tau * (v - m));
            }
        }

        return sign * (m + (Math.Log(sum) / tau));
    }
}
