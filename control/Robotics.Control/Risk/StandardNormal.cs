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

    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>Inverse of the standard normal CDF for p in (0, 1) (Acklam's rational approximation, relative error below 1.2e-9).</summary>
    public static double InverseCdf(double p)
    {
        const double low = 0.02425;
        if (p < low)
        {
            double q = Math.Sqrt(-2 * Math.Log(p));
            return (((((((C[0] * q) + C[1]) * q) + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((((D[0] * q) + D[1]) * q) + D[2]) * q + D[3]) * q + 1);
        }

        if (p > 1 - low)
        {
            double q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -(((((((C[0] * q) + C[1]) * q) + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((((D[0] * q) + D[1]) * q) + D[2]) * q + D[3]) * q + 1);
        }

        double r = p - 0.5;
        double t = r * r;
        return (((((((A[0] * t) + A[1]) * t) + A[2]) * t + A[3]) * t + A[4]) * t + A[5]) * r / (((((((B[0] * t) + B[1]) * t) + B[2]) * t + B[3]) * t + B[4]) * t + 1);
    }
}
