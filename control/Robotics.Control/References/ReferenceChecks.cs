namespace Robotics.Control.References;

/// <summary>Shared constructor checks with messages naming the parameter, the value and the allowed range.</summary>
internal static class ReferenceChecks
{
    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is not a finite number; give a finite value.", name);
        }
    }

    public static void NonNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0.0)
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is outside [0, +inf); give a finite value >= 0.", name);
        }
    }

    public static void Positive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0.0)
        {
            throw new ArgumentException($"Parameter '{name}' = {value} is outside (0, +inf); give a finite value > 0.", name);
        }
    }

    /// <summary>Wraps an angle to [-pi, pi].</summary>
    public static double WrapAngle(double angle) => Math.IEEERemainder(angle, 2.0 * Math.PI);
}
