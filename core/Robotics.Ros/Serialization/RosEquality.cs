namespace Robotics.Ros.Serialization;

/// <summary>Value equality helpers used by generated message classes (NaN equals NaN, as <see cref="double.Equals(double)"/>).</summary>
public static class RosEquality
{
    /// <summary>Element-wise equality of two arrays (null equals null only).</summary>
    /// <typeparam name="T">Element type.</typeparam>
    /// <param name="a">First array.</param>
    /// <param name="b">Second array.</param>
    /// <returns>True when both have the same length and equal elements.</returns>
    public static bool ArrayEquals<T>(T[]? a, T[]? b)
    {
        if (ReferenceEquals(a, b))
        {
            return true;
        }

        if (a is null || b is null || a.Length != b.Length)
        {
            return false;
        }

        EqualityComparer<T> c = EqualityComparer<T>.Default;
        for (int i = 0; i < a.Length; i++)
        {
            if (!c.Equals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }
}
