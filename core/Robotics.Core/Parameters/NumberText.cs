using System.Globalization;

namespace Robotics.Core.Parameters;

/// <summary>How parameter numbers are written in messages and documents: invariant culture, round-trip precision, <c>1e-06</c> not <c>1E-06</c>, infinities as <c>inf</c>/<c>-inf</c>.</summary>
internal static class NumberText
{
    public static string Format(double value) => value switch
    {
        double.PositiveInfinity => "inf",
        double.NegativeInfinity => "-inf",
        _ => value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e'),
    };
}
