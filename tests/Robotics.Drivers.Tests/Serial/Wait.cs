using System.Diagnostics;

namespace Robotics.Drivers.Tests.Serial;

/// <summary>Polls a condition; the limits are generous upper bounds for a loaded 2-core box, not timing assertions.</summary>
internal static class Wait
{
    public static bool Until(Func<bool> condition, double seconds = 10)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            if (condition()) return true;
            Thread.Sleep(2);
        }

        return condition();
    }

    public static void For(Func<bool> condition, string what, double seconds = 10) =>
        Assert.True(Until(condition, seconds), $"timed out after {seconds} s waiting for: {what}");
}
