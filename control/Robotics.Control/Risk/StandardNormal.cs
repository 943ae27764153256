namespace Robotics.Control.Risk;

/// <summary>Tail probabilities of the standard normal distribution.</summary>
internal static class StandardNormal
{
    private static readonly double[] Coefficients =
        [-1.26551223, 1.00002368, 0.37409196, 0.09678418, -0.18628806, 0.27886807, -1.13520398, 1.48851587, -0.82215223, 0.17087277];

    /// <summary>P(|Z| &gt; k) = erfc(k / sqrt 2), by the Numerical Recipes erfc approximation (relative error &lt; 1.2e-7).</summary>
    public static double TwoSidedTail(double k)
    {
        double x = Math.Abs(k) / Math.Sqrt(2);
        double t = 1.0 / (1.0 + (0.5 * x));
        double poly = 0;
        for (int i = Coefficients.Length - 1; i >= 0; i--)
        {
            poly = Coefficients[i] + (t * poly);
        }

        return t * Math.Exp((-x * x) + poly);
    }
}
