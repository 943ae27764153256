namespace Robotics.Ros.Serialization;

/// <summary>Array helpers used by generated message classes.</summary>
public static class RosArrays
{
    /// <summary>An array of <paramref name="count"/> empty strings.</summary>
    /// <param name="count">Length.</param>
    /// <returns>The array.</returns>
    public static string[] Strings(int count)
    {
        var a = new string[count];
        Array.Fill(a, string.Empty);
        return a;
    }

    /// <summary>An array of <paramref name="count"/> default-constructed messages.</summary>
    /// <typeparam name="T">Message type.</typeparam>
    /// <param name="count">Length.</param>
    /// <returns>The array.</returns>
    public static T[] Messages<T>(int count) where T : class, new()
    {
        var a = new T[count];
        for (int i = 0; i < count; i++)
        {
            a[i] = new T();
        }

        return a;
    }

    /// <summary>
    /// Returns <paramref name="current"/> when it already has <paramref name="count"/> non-null elements, else a new
    /// array that keeps the existing element instances and fills the rest with new messages.
    /// </summary>
    /// <typeparam name="T">Message type.</typeparam>
    /// <param name="current">The current array (may be null).</param>
    /// <param name="count">Wanted length.</param>
    /// <returns>An array of length <paramref name="count"/> without null elements.</returns>
    public static T[] Resize<T>(T[]? current, int count) where T : class, new()
    {
        T[] a = current is not null && current.Length == count ? current : new T[count];
        if (current is not null && !ReferenceEquals(a, current))
        {
            Array.Copy(current, a, Math.Min(current.Length, count));
        }

        for (int i = 0; i < a.Length; i++)
        {
            a[i] ??= new T();
        }

        return a;
    }
}
